"""Question and passage text to comparable tokens: diacritics folded, abbreviations expanded."""

from __future__ import annotations

import re
import unicodedata

# Abbreviations as office staff type them, expanded on both sides (question and passage) so that
# "BHYT" finds "bảo hiểm y tế" and the reverse. Keys are folded, lower-case.
ABBREVIATIONS: dict[str, str] = {
    "bhyt": "bao hiem y te",
    "bhxh": "bao hiem xa hoi",
    "bhtn": "bao hiem that nghiep",
    "ntm": "nong thon moi",
    "cchc": "cai cach hanh chinh",
    "kt-xh": "kinh te xa hoi",
    "ktxh": "kinh te xa hoi",
    "nsnn": "ngan sach nha nuoc",
    "tthc": "thu tuc hanh chinh",
    "dtm": "danh gia tac dong moi truong",
    "cntt": "cong nghe thong tin",
    "cds": "chuyen doi so",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "qp-an": "quoc phong an ninh",
    "qpan": "quoc phong an ninh",
    "xdd": "xay dung dang",
    "htct": "he thong chinh tri",
    "kcn": "khu cong nghiep",
    "ccn": "cum cong nghiep",
    "dtpt": "dau tu phat trien",
    "thpt": "trung hoc pho thong",
    "btv": "ban thuong vu",
    "bch": "ban chap hanh",
    "tu": "tinh uy",
    "dntn": "doanh nghiep",
    "htx": "hop tac xa",
    "mtqg": "muc tieu quoc gia",
    "ctmtqg": "chuong trinh muc tieu quoc gia",
    "ct": "chuong trinh",
    "hs": "hoc sinh",
    "ct-xh": "chinh tri xa hoi",
    "dn": "doanh nghiep",
    # Chat shorthand, as typed in a hurry: no document writes these.
    "bn": "bao nhieu",
    "bnhieu": "bao nhieu",
    "ko": "khong",
    "kh": "khong",
    "khg": "khong",
    "hok": "khong",
    "dc": "duoc",
    "ntn": "nhu the nao",
    "sl": "so luong",
    "vb": "van ban",
    "nq": "nghi quyet",
}

_TOKEN = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def fold(text: str) -> str:
    """Lower case without diacritics; đ folds to d (NFD leaves it whole)."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def expand(folded: str) -> str:
    """Folded text with every known abbreviation replaced by its words."""
    def one(m: re.Match[str]) -> str:
        word = m.group(0)
        return ABBREVIATIONS.get(word, word)
    return _TOKEN.sub(one, folded)


# Two spellings of one word, the second written as the first: "đảm bảo" is "bảo đảm".
SYNONYMS = ((re.compile(r"\bdam bao\b"), "bao dam"),)


def synonyms(folded: str) -> str:
    """Folded words with each second spelling written as the first."""
    for pattern, same in SYNONYMS:
        folded = pattern.sub(same, folded)
    return folded


def words(text: str) -> list[str]:
    """The comparable words of a text: folded, abbreviations expanded, split on non-letters."""
    return synonyms(" ".join(re.findall(r"[a-z0-9]+", expand(fold(text))))).split()


def numbers(text: str) -> set[str]:
    """Every figure in a text in one canonical form ("05" and "5" alike, "14.150" kept whole)."""
    return {canonical(n) for n in _NUMBER.findall(text)}


def canonical(number: str) -> str:
    return number.lstrip("0") or "0"
