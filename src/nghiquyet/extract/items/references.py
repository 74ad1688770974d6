"""Vietnamese document numbers cited in a text: "57-NQ/TW", "1528/QĐ-TTg", "88/2019/QH14".

Shapes (the issuing body's code after the slash):
- Party documents: number, dash, type, slash, issuer: "21-KL/TW", "12-HD/BTCTW", "48-KH/TU";
- State documents: number, slash, (year, slash,) type-issuer: "1528/QĐ-TTg", "1848/2018/QĐ-TTg",
  "12/NQ-CP/2020", "88/2019/QH14";
- lists sharing one suffix: "Nghị quyết số 05, 10, 11, 12-NQ/TW", "Quyết định 217 và 218-QĐ/TW".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,7}"
# A number starts where no letter, digit or "/.-" precedes it ("A12-", "3/12/..." continue a word
# or another number). Checked right after the first digit, so `re` scans for digits at C speed
# and gives up at once in the middle of a number.
_START = r"[0-9](?<!(?:[^\W_]|[/.\-])[0-9])"
_PARTY = re.compile(
    rf"(?P<nums>{_START}\d{{0,3}}(?:\s*(?:,|và|&)\s*\d{{1,4}})*)\s?-\s?(?P<suffix>{_CODE}/{_CODE}(?:-{_CODE})?)(?![\w/])"
)
_STATE = re.compile(
    rf"(?P<nums>{_START}\d{{0,4}}(?:\s*(?:,|và)\s*\d{{1,5}})*)/(?P<suffix>(?:{_CODE}/)?(?:\d{{4}}/)?"
    rf"(?:{_CODE}(?:-{_CODE})+(?:/\d{{4}})?|QH\d{{1,2}}|{_CODE}\d{{0,2}}))(?![\w/])"
)
# "88/NQ/2019/QH14": Quốc hội numbers have no type segment ("88/2019/QH14").
_QH_TYPO = re.compile(r"^(\d+)/[A-ZĐ]{2,3}/(\d{4}/QH\d+)$")


_NUMBER_LIST = re.compile(r"\s*(?:,|và|&)\s*")


def _expand(nums: str, suffix: str, sep: str) -> list[str]:
    out = []
    for n in _NUMBER_LIST.split(nums):
        if n:
            ref = f"{n}{sep}{suffix}"
            m = _QH_TYPO.match(ref)
            out.append(f"{m.group(1)}/{m.group(2)}" if m else ref)
    return out


def find_references(text: str) -> list[str]:
    """Document numbers in the order they appear, each once."""
    if "/" not in text:
        return []  # every document number has a slash
    found: list[tuple[int, str]] = []
    for m in _PARTY.finditer(text):
        for ref in _expand(m.group("nums"), m.group("suffix"), "-"):
            found.append((m.start(), ref))
    for m in _STATE.finditer(text):
        suffix = m.group("suffix")
        if not re.search(r"[A-ZĐ]", suffix):
            continue
        if re.fullmatch(r"\d{1,2}/\d{4}", f"{m.group('nums')}/{suffix}"):
            continue  # a month "4/2024", not a document
        for ref in _expand(m.group("nums"), suffix, "/"):
            found.append((m.start(), ref))
    found.sort(key=lambda x: x[0])
    return unique(r for _, r in found)


def unique(items: Iterable[str]) -> list[str]:
    """Keep the first of each, in order."""
    seen: set[str] = set()
    out = []
    for it in items:
        if it not in seen:
            seen.add(it)
            out.append(it)
    return out


def normalise_number(raw: str) -> str:
    """ "Số  01  - CTr/TU" → "01-CTr/TU"."""
    s = re.sub(r"^(?:Số|SỐ|số)\s*[:.]?\s*", "", raw.strip())
    s = re.sub(r"\s*([-/])\s*", r"\1", s)
    return s.strip(" .,;")
