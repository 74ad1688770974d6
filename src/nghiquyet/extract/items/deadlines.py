"""Deadlines written in task text: "trước ngày 30/6/2024", "trong quý II/2024", "đến năm 2025".

`find_deadline` returns the phrase as written (what the gold files keep) and `deadline_period`
turns it into an ISO date ("2024-06-30") or a period ("2024-Q2", "2024-04", "2025").
"""

from __future__ import annotations

import re

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# Every form ends with "/" or "năm" before its four-digit year: `_after_date_word` relies on it
# (a new form that does not must change that test too; test_tasks.py holds them together).
_PHRASE = re.compile(
    r"\b(?P<prep>trước|đến|trong|cuối|đầu|giữa|hết|chậm nhất|hoàn thành trong"
    r"|thời gian(?: thực hiện| hoàn thành)?\s*:)\s+"
    r"(?P<when>ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"
    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|tháng\s+\d{1,2}\s*/\s*\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|quý\s+(?:I{1,3}|IV|[1-4])\s*(?:/|năm)\s*\d{4}"
    r"|(?:6\s+tháng\s+)?(?:đầu\s+)?năm\s+\d{4})",
    re.IGNORECASE,
)


def _year(phrase: str) -> int:
    return int(re.findall(r"\d{4}", phrase)[-1])


# "19xx" or "20xx" not followed by a digit, as two patterns: one opening with a literal is
# scanned for several times faster than `(?:19|20)`, whose class [12] is tested at every character.
_YEAR_20 = re.compile(r"20\d\d(?!\d)")
_YEAR_19 = re.compile(r"19\d\d(?!\d)")
_PHRASE_AT_END = re.compile(_PHRASE.pattern + r"$", re.IGNORECASE)


def _years(text: str) -> list[re.Match[str]]:
    r"""The matches of `(?:19|20)\d\d(?!\d)` in order: no two of them overlap (each ends before a
    non-digit), so the two scans together find the same ones."""
    found = list(_YEAR_20.finditer(text))
    if "19" in text:  # rare in plans, which look ahead
        found += _YEAR_19.finditer(text)
        found.sort(key=lambda m: m.start())
    return found


def _after_date_word(before: str) -> bool:
    """Whether a year after `before` can end a phrase: each form puts "/" or "năm" before it."""
    last = before.rstrip()[-1:]  # `rstrip` drops what `\s` matches
    return last == "/" or last.lower() == "m"


def _candidates(text: str) -> list[re.Match[str]]:
    """Deadline phrases, found from their year backwards (every phrase ends with the year)."""
    found: list[re.Match[str]] = []
    last = 0
    for y in _years(text):
        start = max(last, y.start() - 60)
        if not _after_date_word(text[start : y.start()]):
            continue  # two years in three: a number, a title, not "năm 2025" or ".../2025"
        m = _PHRASE_AT_END.search(text[start : y.end()])
        if m:
            found.append(m)
            last = y.end()
    return found


def find_deadline(text: str, years: list[int] | None) -> str | None:
    """The first deadline phrase whose year lies inside the plan's years (a horizon is not one)."""
    for m in _candidates(text):
        phrase = " ".join(m.group(0).split())
        if m.group("prep").lower().startswith("thời gian"):
            phrase = " ".join(m.group("when").split())  # "thời gian thực hiện: năm 2025" → "năm 2025"
        y = _year(phrase)
        if years and not (years[0] <= y <= years[-1]):
            continue
        if m.group("prep").lower() == "trong" and not re.search(r"năm|quý|tháng", m.group("when"), re.I):
            continue
        return phrase
    return None


def deadline_period(phrase: str | None) -> str | None:
    """ISO date or period for a deadline phrase ("cuối tháng 4/2024" → "2024-04")."""
    if not phrase:
        return None
    s = phrase.lower()
    m = re.search(r"ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", s) or re.search(
        r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", s
    )
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", s)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})", s)
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.search(r"quý\s+(i{1,3}|iv|[1-4])\s*(?:/|năm)\s*(\d{4})", s)
    if m:
        q = m.group(1).upper()
        return f"{m.group(2)}-Q{_ROMAN.get(q) or int(q)}"
    m = re.search(r"6\s+tháng\s+đầu\s+năm\s+(\d{4})", s)
    if m:
        return f"{m.group(1)}-H1"
    # "Hằng năm", "Thường xuyên": a recurring duty has no single deadline.
    years = re.findall(r"\d{4}", s)
    return years[-1] if years else None
