"""A question as typed to what it asks: its kind, years, period, place and content words (pure)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise

from nghiquyet.assistant.normalise import expand, fold, synonyms, words
from nghiquyet.errors import InputError

MAX_LENGTH = 1000

# Provinces and cities (folded) that a question may name; the documents' own places are found in
# their text, so a place named here but absent from every document means "not in the documents".
PLACES = (
    "an giang", "ba ria", "vung tau", "bac giang", "bac kan", "bac lieu", "bac ninh", "ben tre",
    "binh dinh", "binh duong", "binh phuoc", "binh thuan", "ca mau", "can tho", "cao bang", "da nang",
    "dak lak", "dak nong", "dien bien", "dong nai", "dong thap", "gia lai", "ha giang", "ha nam",
    "ha noi", "ha tinh", "hai duong", "hai phong", "hau giang", "hoa binh", "hung yen", "khanh hoa",
    "kien giang", "kon tum", "lai chau", "lam dong", "lang son", "lao cai", "long an", "nam dinh",
    "nghe an", "ninh binh", "ninh thuan", "phu tho", "phu yen", "quang binh", "quang nam",
    "quang ngai", "quang ninh", "quang tri", "soc trang", "son la", "tay ninh", "thai binh",
    "thai nguyen", "thanh hoa", "thua thien hue", "hue", "tien giang", "tra vinh", "tuyen quang",
    "vinh long", "vinh phuc", "yen bai", "thanh pho ho chi minh", "tp ho chi minh", "sai gon",
)

# Bodies outside a province's own system: a question about them is about documents we do not hold
# unless a document names them.
BODIES = ("bo chinh tri", "quoc hoi", "chinh phu", "bo y te", "bo tai chinh", "bo cong an",
          "bo quoc phong", "bo giao duc", "bo noi vu", "thu tuong")

KINDS = ("number", "date", "signer", "theme", "issuer", "status", "count", "duty", "lead", "deadline",
         "projects", "compare", "result", "value")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("number", r"\bso hieu\b|\bso ky hieu\b|\bky hieu\b|\bso van ban\b|\bla so (may|bao nhieu|gi)\b"
                   r"|\bso may$"
                   r"|\bmang so\b|\bso (cua|la) (nghi quyet|chuong trinh|van ban|thong bao)\b"
                   r"|\b(quyet dinh|nghi quyet|chi thi|ket luan|thong bao|ke hoach|van ban) so"
                   r" (may|bao nhieu|gi)\b"),
        ("date", r"\bngay nao\b|\bngay ban hanh\b|\bban hanh (vao )?ngay\b|\bky ngay\b|\bngay ky\b"
                 r"|\bngay thang\b|\bban hanh khi nao\b|\bban hanh bao gio\b|\bngay bao nhieu\b"
                 r"|\bngay may\b|\bhom nao\b|\bngay thang nam nao\b"),
        ("signer", r"\bai ky\b|\bnguoi ky\b|\bky boi\b|\bky ten\b|\bai la nguoi ky\b|\bdo ai ky\b"
                   r"|\bky ban hanh\b|\bdong chi nao ky\b|\bai da ky\b"
                   r"|\b(bi thu|nguoi|ong|ba|lanh dao) nao( da)? ky\b"
                   # "ai là bí thư ký nghị quyết 2026": who ... signs the document (not "nhiệm kỳ",
                   # "định kỳ", "chuẩn bị kỹ nội dung")
                   r"|^(ai|nguoi nao|dong chi nao)\b.*(?<!nhiem )(?<!dinh )(?<!thoi )(?<!cung )\bky"
                   r"( (nghi quyet|van ban|chuong trinh|thong bao|ket luan|quyet dinh|ke hoach)\b|$)"),
        ("theme", r"\bchu de\b|\bkhau hieu\b|\bphuong cham\b|\bthong diep\b"),
        ("issuer", r"\bco quan nao ban hanh\b|\bai ban hanh\b|\bdo ai ban hanh\b|\bcap nao ban hanh\b"
                   r"|\bco quan ban hanh\b|\bdon vi ban hanh\b|\bdo co quan nao ban hanh\b"),
        ("status", r"\bnguy co\b|\b(khong|chua) (dat|ve dich|hoan thanh)\b|\bcham tien do\b"
                   r"|\bchi tieu (nao )?(da )?(dat|hoan thanh|vuot|ve dich)\b"
                   r"|\b(dat|hoan thanh|vuot|ve dich)( duoc)? (bao nhieu|may)( tren \w+)? chi tieu\b"
                   r"|\bdat va vuot\b|\bhoan thanh va vuot\b"),
        ("count", r"\b(bao nhieu|may) (chi tieu|muc tieu)\b|\bso (luong )?chi tieu\b|\bbao nhieu nhiem vu\b"
                  r"|\bmay nhiem vu\b|\bdem\b|\b(nhung|cac) chi tieu (nao|gi)\b"
                  r"|\bchi tieu .{0,60}\bgom (nhung )?gi\b"
                  r"|\bke ten (cac|nhung) chi tieu\b|\bliet ke (cac|nhung) chi tieu\b"),
        # What a unit must do, what is asked about a subject ("Đoàn Thanh niên có nhiệm vụ gì",
        # "cần làm gì để phòng, chống hạn hán"): a task's sentence, not a figure or a name.
        ("duty", r"\b(lam|viec|nhiem vu|yeu cau|trach nhiem|giai phap|nguyen tac|bien phap) (gi|nhung gi)\b"
                 r"|\b(nhiem vu|giai phap|viec|nguyen tac|noi dung|bien phap|khu vuc|doi tuong"
                 r"|linh vuc) nao\b"),
        ("lead", r"\bchu tri\b|\bphu trach\b|\bai (lanh dao|chiu trach nhiem|thuc hien|lam)\b"
                 r"|\b(co quan|don vi|so|ban|nganh) nao\b|\bgiao cho\b|\bphoi hop\b|\bduoc giao\b"
                 r"|\btrach nhiem cua ai\b|\bai duoc giao\b|\bdau moi\b|^ai\b|\b(do|la|cua|giao) ai\b"),
        ("deadline", r"\bden nam nao\b|\bthoi han\b|\bhan chot\b|\bkhi nao\b|\bbao gio\b|\bnam nao\b"
                     r"|\bthoi diem nao\b|\bhan hoan thanh\b|\bhoan thanh truoc\b|\btruoc ngay nao\b"
                     r"|\bthang nao\b|\bgiai doan nao\b|\bthoi gian nao\b|\bluc nao\b"
                     r"|\b(thang|nam) may\b|^(thang|nam) (nao|may)\b"
                     r"|\b(den|vao|trong|truoc) nam bao nhieu\b"
                     r"|\bbao lau( mot lan)?\b|\bmay thang mot lan\b"),
        ("projects", r"\b(nhung|cac|ke ten|liet ke|ten)\b.{0,30}\b(du an|cong trinh|khu cong nghiep|cao toc"
                     r"|tuyen duong|khu kinh te|cang hang khong)\b|\bdu an nao\b|\bcong trinh nao\b"
                     r"|\b(khu cong nghiep|cum cong nghiep|cao toc|tuyen duong|cang hang khong|cang|san bay"
                     r"|khu kinh te|ho chua|nha may|benh vien|truong|khu do thi) nao\b"
                     # "những hồ thủy lợi lớn nào": a named list, a word or two after its head
                     r"|\b(ho|ho thuy loi|cong trinh thuy loi|cong trinh)( [a-z]+){0,2} nao\b"),
        ("compare", r"\bso sanh\b|\bqua cac nam\b|\bcac nam\b|\btung nam\b|\bqua cac van ban\b"
                    r"|\bgiua cac\b|\bthay doi the nao\b|\bkhac nhau\b|\bcac van ban\b|\bchenh\b"),
        ("result", r"\bquy (i|ii|iii|iv|1|2|3|4|mot|hai|ba|bon)\b|\b6 thang\b|\bsau thang\b|\bda dat\b"
                   r"|\bdat duoc\b|\bket qua\b|\bthuc hien duoc\b|\bthuc te\b|\bda tang\b|\bvua qua\b"),
    )
)

# Clauses of a chatty question that say nothing about what is asked: a greeting, a thank-you, who
# is asking and for whom ("Chào trợ lý, em ở phòng tổng hợp, sếp đang hỏi gấp: ..."). Read folded,
# one clause at a time; a clause that also asks something is kept.
_FILLER_CLAUSE = re.compile(
    r"^(xin )?chao\b|^(da|vang|ok|oke|alo|hi|hello)$|\bcam on\b|\bthank|\bxin loi\b|\blam phien\b"
    r"|^(em|toi|minh|chau|anh|chi)( (dang|la|lam))? (o|tai|thuoc|cua|lam)"
    r" (phong|ban|so|van phong|bo phan|don vi)\b"
    r"|\b(sep|lanh dao|thu truong|truong phong|cap tren) (dang |vua |can |muon )?(hoi|can|yeu cau|nho)\b"
    r"|^(nho|giup|ho|nhan tien)\b.{0,20}\b(xem|tra|hoi|tim)\b(?!.*\b(bao nhieu|nao|gi|ai)\b)")
_CLAUSES = re.compile(r"(?<=[,:;.!?])\s+|\s+-\s+")
_ASKS = re.compile(r"\b(bao nhieu|bn|nao|gi|ai|may|khong|chua|ko)\b")


def without_filler(text: str) -> str:
    """The question without its greeting, thanks and who-is-asking clauses (as typed)."""
    kept = [c for c in _CLAUSES.split(text) if not _is_filler(_clause_key(c))]
    return " ".join(kept) if kept else text


def _is_filler(key: str) -> bool:
    return key in _POLITE or bool(_FILLER_CLAUSE.search(key) and not _ASKS.search(key))


def _clause_key(clause: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(clause)))


# Words of politeness alone in a clause or at the end ("... vậy ạ", "em cảm ơn nhiều").
_POLITE = frozenset({"a", "vay a", "a em cam on", "nhe", "nha", "voi", "giup em", "giup minh", "dum em"})

# "GRDP/người", "thu nhập/người": per head, as the documents write it ("bình quân đầu người").
_PER_HEAD = re.compile(r"\s*/\s*(?:người|nguoi)\b", re.IGNORECASE)

_QUARTERS = {"i": 1, "1": 1, "mot": 1, "ii": 2, "2": 2, "hai": 2, "iii": 3, "3": 3, "ba": 3,
             "iv": 4, "4": 4, "bon": 4}
_QUARTER = re.compile(r"\bquy (iv|iii|ii|i|1|2|3|4|mot|hai|ba|bon)\b")
# "3 tháng đầu năm" is the first quarter as office staff say it ("6 tháng đầu năm": the half-year).
_FIRST_QUARTER = re.compile(r"\b(3|ba) thang dau( nam)?\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_VISION = re.compile(r"\btam nhin (den )?(nam )?(19|20)\d\d\b")

# What says which kind of answer is wanted, not what it is about, does not count as content.
# Phrases first: a syllable alone is often part of a content word ("tăng" in "tăng trưởng", "chi" in
# "chi ngân sách", "hội" in "xã hội", "tài" in "tài chính"), so it is dropped only inside its phrase.
STOP_PHRASES = tuple(sorted("""
bao nhieu|la gi|chi tieu|muc tieu|nghi quyet|van ban|chu tri|phu trach|phoi hop|lanh dao|thuc hien|
ke ten|liet ke|hoan thanh|hien nay|dong chi|ban chap hanh|hoi nghi|cho biet|toi thieu|it nhat|
ke hoach|don vi|chiu trach nhiem|duoc giao|giao cho|han chot|thoi han|khi nao|bao gio|nam nao|
xin hoi|muon hoi|cho hoi|toi muon|tinh hinh|the nao|nhu the nao|ra sao|o dau|dang bo|bo chinh tri|
tinh uy|uy ban nhan dan|nhiem vu|co quan|phan dau|dat duoc|can phai|la bao nhieu|duoc neu|neu ra|
de cap|nhac den|so sanh|qua cac nam|giua cac|cac van ban|khac nhau|thay doi|tung nam|
phan tram|chenh nhau|chenh lech|dat ra|de ra|dat muc|muc nao|so may|tro ly|cam on|xin chao|
cho em hoi|cho minh hoi|cho toi hoi|lam on|vui long|lan luot|lam gi|lam nhung gi|viec gi|
yeu cau lam|co nhiem vu|giao nhiem vu|nguoi nao|dong chi nao|ai la nguoi|so hieu|so ky hieu|ky hieu|
mang so|so may|khac gi nhau|khac gi|hom nao|yeu cau gi|yeu cau nhung gi|bao lau|mot lan|dinh ky
""".replace("\n", "").split("|"), key=lambda p: -len(p.split())))
STOPWORDS = frozenset("""
la gi nao ai the nhu co khong duoc cua cho ve va voi trong den tu theo o thi ma nhung cac mot nam quy
thang ngay han khi gio dat da can phai se xin hay minh toi muon vay a nhe ha oi nay do day giao bao
nhieu tinh muc may oi nhe giup dum sep vao
""".split())  # noqa: SIM905 (a list of words is easier to read as text)
# The same words as typed with their marks: folded, "trồng" is "trong", "quy hoạch" loses "quy" (quý),
# "đất" is "đạt", "cơ cấu" loses "cơ" (có). A question typed with marks drops only these (and keeps
# "giao thông"); one typed without marks cannot tell them apart and drops STOPWORDS.
MARKED_STOPWORDS = frozenset("""
là gì nào ai thế như có không được của cho về và với trong đến từ theo ở thì mà những các một năm quý
tháng ngày hạn khi giờ đạt đã cần phải sẽ xin hãy mình tôi muốn vậy à nhé hả ơi này đó đây bao
nhiêu tỉnh mức mấy ơi nha nhé giúp dùm sếp đang vậy ạ nhiều tại khi vào
""".split())  # noqa: SIM905


# What a figure measures, which the target itself often leaves unsaid ("diện tích trồng rừng mới":
# "Trồng rừng mới từ 3.485 ha"): they count for a passage that says them, and little against one that
# does not.
SOFT_PHRASES = ("dien tich", "so luong", "tong so", "con so", "quy mo", "muc", "khoang",
                # the kind of thing a duty asks for ("nguyên tắc nào", "những khu vực, đối tượng nào")
                "nguyen tac", "khu vuc", "doi tuong", "linh vuc", "bien phap")
SOFT_WEIGHT = 0.25


def _soft(sequence: list[str]) -> tuple[str, ...]:
    padded = f" {' '.join(sequence)} "
    return tuple(dict.fromkeys(w for p in SOFT_PHRASES if f" {p} " in padded for w in p.split()))


def _marked_words(text: str) -> tuple[list[str], list[bool]]:
    """The question's comparable words (as `words`) and, for each, whether it is a stopword as
    typed: by its marks when the question has marks, by its folded form when it has none."""
    lowered = unicodedata.normalize("NFC", text.lower())
    marked = fold(lowered) != lowered
    sequence: list[str] = []
    stop: list[bool] = []
    for token in re.findall(r"[^\W_]+(?:[-/][^\W_]+)*", lowered):  # "kt-xh" whole, as `expand` reads it
        pieces = words(token)
        sequence.extend(pieces)
        if len(pieces) > 1:  # an abbreviation's words ("BHYT": "bảo hiểm y tế") are what was asked
            stop.extend(False for _ in pieces)
        elif marked:
            stop.extend(token in MARKED_STOPWORDS for _ in pieces)
        else:
            stop.extend(piece in STOPWORDS for piece in pieces)
    return sequence, stop


# Units of measure stand after a figure, not inside a compound: "bao nhiêu ha rừng" is written
# "trồng rừng mới ... 3.485 ha", so no pair is formed with them.
UNITS = frozenset({"ha", "km", "tan", "luot", "m2", "m3", "kwh", "mw"})


def content_words(sequence: list[str], named: set[str], stop: list[bool] | None = None,
                  refs: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """The content words of a question (in order) and its adjacent content pairs, once each;
    `stop` says which words are stopwords as typed (default: the folded STOPWORDS); numbers are
    not content, except those of a document's reference (`refs`: "1528" of "1528/QĐ-TTg")."""
    keep = [True] * len(sequence)
    padded = " " + " ".join(sequence) + " "
    for phrase in STOP_PHRASES:
        if f" {phrase} " not in padded:
            continue
        size = len(phrase.split())
        for i in range(len(sequence) - size + 1):
            if " ".join(sequence[i:i + size]) == phrase:
                keep[i:i + size] = [False] * size
    for i, w in enumerate(sequence):
        if (stop[i] if stop is not None else w in STOPWORDS) or w in named or (w.isdigit() and w not in refs):
            keep[i] = False
    content = list(dict.fromkeys(w for w, k in zip(sequence, keep, strict=True) if k))
    pairs = [f"{a} {b}" for (a, ka), (b, kb) in pairwise(zip(sequence, keep, strict=True))
             if ka and kb and a not in UNITS and b not in UNITS]
    return content, list(dict.fromkeys(pairs))


@dataclass(frozen=True)
class Question:
    text: str
    folded: str
    kind: str
    kinds: tuple[str, ...]
    years: tuple[int, ...]
    quarter: int | None
    half_year: bool
    places: tuple[str, ...]
    bodies: tuple[str, ...]
    content: tuple[str, ...] = field(default=())
    pairs: tuple[str, ...] = field(default=())  # content words adjacent in the question
    soft: tuple[str, ...] = field(default=())  # content words a passage may leave unsaid (SOFT_PHRASES)

    @property
    def period_part(self) -> bool:
        """A quarter or half-year is asked (not a whole year)."""
        return bool(self.quarter or self.half_year)

    @property
    def period(self) -> str | None:
        """The reported period as the extraction writes it: "2024-Q1", "2024-H1", "2025"."""
        if not self.years:
            return None
        year = self.years[0]
        if self.quarter:
            return f"{year}-Q{self.quarter}"
        if self.half_year:
            return f"{year}-H1"
        return str(year)


class QuestionError(InputError):
    """A question that cannot be asked: empty, too long, or with no words."""


def parse(text: str) -> Question:
    """What a question asks. Raises QuestionError with a message saying what to type instead."""
    stripped = _PER_HEAD.sub(" bình quân đầu người", unicodedata.normalize("NFC", " ".join(text.split())))
    if len(stripped) <= MAX_LENGTH:
        stripped = without_filler(stripped)
    if not stripped:
        raise QuestionError("Câu hỏi trống: hãy gõ một câu hỏi, "
                            "ví dụ “chỉ tiêu thu ngân sách năm 2024 là bao nhiêu”.")
    if len(stripped) > MAX_LENGTH:
        raise QuestionError(f"Câu hỏi quá dài ({len(stripped):,} ký tự; tối đa {MAX_LENGTH:,}): "
                            "hãy hỏi ngắn gọn một điều.".replace(",", "."))
    folded = synonyms(" ".join(re.findall(r"[a-z0-9]+(?:[-/][a-z0-9]+)*", expand(fold(stripped)))))
    if not re.search(r"[a-z]", folded):
        raise QuestionError("Câu hỏi không có chữ nào để tìm: hãy gõ bằng lời, "
                            "ví dụ “ai chủ trì nhiệm vụ chuyển đổi số”.")
    first_quarter = bool(_FIRST_QUARTER.search(folded))
    folded = _FIRST_QUARTER.sub("quy i", folded)
    kinds = tuple(kind for kind, pattern in _PATTERNS if pattern.search(folded))
    quarter_match = _QUARTER.search(folded)
    quarter = _QUARTERS[quarter_match.group(1)] if quarter_match else None
    half = bool(re.search(r"\b(6|sau) thang\b", folded))
    # "tầm nhìn (đến) 2050" names a plan, not a year asked about.
    years = tuple(dict.fromkeys(int(y) for y in _YEAR.findall(_VISION.sub(" ", folded))))
    padded = f" {folded} "
    places = tuple(p for p in PLACES if f" {p} " in padded)
    bodies = tuple(b for b in BODIES if f" {b} " in padded)
    named = {w for p in (*places, *bodies) for w in p.split()}
    if quarter_match:
        named.add(quarter_match.group(1))
    if first_quarter:
        named.add("dau")
    sequence, stop = _marked_words(stripped)
    sequence = synonyms(" ".join(sequence)).split()  # same length: a synonym swaps words in place
    refs = frozenset(re.findall(r"\b(\d+)(?=[-/][a-z])", folded))  # "57-nq/tw", "1528/qd-ttg"
    content, pairs = content_words(sequence, named, stop, refs)
    kind = _main_kind(kinds, _compared_years(text, years))
    if len(places) >= 2 and kind in ("value", "result"):
        kind = "compare"  # "GRDP ... của Lâm Đồng và của Bắc Kạn": one figure for each place
    return Question(text=stripped, pairs=tuple(pairs), folded=folded, kind=kind,
                    kinds=kinds, years=years, quarter=quarter, half_year=half, places=places, bodies=bodies,
                    content=tuple(content), soft=_soft(sequence))


_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


def _compared_years(text: str, years: tuple[int, ...]) -> tuple[int, ...]:
    """The years a question may compare: a span names one period ("thời kỳ 2021 - 2030")."""
    inside = {int(y) for span in _SPAN.findall(text) for y in span}
    return tuple(y for y in years if y not in inside)


def _main_kind(kinds: tuple[str, ...], years: tuple[int, ...]) -> str:
    """The one kind the answer is composed for; two years named make a comparison."""
    found = set(kinds)
    if "deadline" in found and "lead" in found:
        found.discard("deadline")
    if "deadline" in found and {"number", "date", "signer"} & found:
        found.discard("deadline")
    if len(years) >= 2 and not found & {"number", "date", "signer", "theme", "issuer", "status"}:
        return "compare"
    for kind in KINDS:
        if kind in found:
            return kind
    return "value"
