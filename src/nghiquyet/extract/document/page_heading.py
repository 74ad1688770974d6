"""The heading of a page that has no official header block (a press or portal copy).

A page opens with furniture — menus and breadcrumbs ("Trang chủ Tin tức sự kiện"), a section name,
page controls ("Xem cỡ chữ", "In trang"), a view counter, a photo caption — then its heading, a
date stamp, and the lead. The heading is the last heading-like line before the lead. Copied from a
web page, the heading often runs on into the lead on one line ("... lên 8,5%(sav.gov.vn) - Chính
phủ vừa ...", "... gồm 24 đồng chí Sáng 19/8, Đại hội ..."): it is cut where the lead starts, and a
section name glued before it ("Kinh tế Năm 2024, ...") is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nghiquyet.extract.document.signature import without_emphasis
from nghiquyet.extract.text.normalise import UPPER
from nghiquyet.extract.vocabulary.vocab import load

_HEADING_MARK = re.compile(r"^#{1,6}\s+")
# A numbered part, a bullet, a weekday or a date; a date, a time or a counter ("1,582 lượt xem");
# a count before a name ("0 Thanh Niên": comments on a source).
_NOT_HEADING = re.compile(
    r"^(?:\(?\d+(?:[.)]|\s*-\s)|[IVXLC]+[.\-]\s|[a-zđ]\)|[-+*•–]|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\b"
    r"|chủ\s+nhật\b|ngày\b|\d+[,./:]\d)",
    re.IGNORECASE,
)
_COUNT_BEFORE_NAME = re.compile(rf"^\d+\s+[{UPPER}]")
# "Quang cảnh đại hội. Ảnh: Xuân Hoàng", "(Ảnh: Báo Lâm Đồng)": a photo's caption.
_CAPTION = re.compile(r"(?<![^\W_])Ảnh\s*:", re.IGNORECASE)
# "Nghệ An. Liên hệ: 0989 ...": a sentence ends inside the line (a footer, a lead), not a heading.
_SENTENCE_INSIDE = re.compile(rf"[.!?]\s+[{UPPER}]")
# Where a lead glued to its heading starts: the source's tag ("(QNO) - ", "(sav.gov.vn) - ",
# "TTH.VN - "), the time and date a report opens with ("Sáng 19/8,", "Ngày 7/1,"), a bullet.
_LEAD_STARTS = re.compile(
    r"\s*\((?:[A-ZĐ]{2,8}|[\w.-]+\.(?:vn|com|net|org))\)\s*[-–—]\s*"
    r"|\s+[A-ZĐ]{2,8}(?:\.VN)?\s*[-–—]\s+"
    rf"|(?<=[^\W_])\s+(?=(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm\s+nay)\s+(?:ngày\s+)?\d{{1,2}}\s*[/-]\s*\d{{1,2}})"
    r"|\s+[*•]\s+"
    rf"|(?<=\))\s+(?=[{UPPER}])"
)
_LONGEST = 200  # a heading line is shorter; a longer line is the lead, perhaps with the heading glued on
_NAMED_DOCUMENT = 260  # "Nghị quyết của Ban Chấp hành ... về ... giai đoạn 2016-2020": a document's full name


@cache
def _furniture() -> re.Pattern[str]:
    words = load("metadata")["page_furniture"]
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])", re.IGNORECASE)


@cache
def _sections() -> re.Pattern[str]:
    names = load("metadata")["page_sections"]
    return re.compile(r"^(?:" + "|".join(re.escape(n) for n in names) + rf")\s+(?=[{UPPER}0-9])")


@cache
def _document_names() -> re.Pattern[str]:
    types = [t for t, _ in load("metadata")["doc_types"]]
    return re.compile(r"^(?:" + "|".join(re.escape(t) for t in types) + r")(?![^\W_])", re.IGNORECASE)


def without_markup(cell: str) -> str:
    """The cell without a heading's "#" and bold marks, stripped of spaces and stars."""
    if cell.startswith("#"):
        cell = _HEADING_MARK.sub("", cell)
    return without_emphasis(cell)


def _heading_like(text: str) -> bool:
    return (
        len(text) <= _LONGEST
        and len(text.split()) >= 3
        and not text.endswith((".", ":", ";", ","))
        and not _NOT_HEADING.match(text)
        and not _COUNT_BEFORE_NAME.match(text)
        and not _CAPTION.search(text)
        and not _SENTENCE_INSIDE.search(text)
        and not _furniture().match(text)
        and "|" not in text  # "HIỀN THÚY |", a table's cells: a byline or a record, not a heading
    )


def _glued_heading(text: str) -> str | None:
    """The heading at the front of a line that runs on into the lead, without a section name."""
    m = _LEAD_STARTS.search(text, 0, _LONGEST + 10)
    if m is None:
        return None
    head = text[: m.start()].strip()
    head = _sections().sub("", head, count=1)
    return head if _heading_like(head) else None


def _named_document(text: str) -> bool:
    """A line of its own that names a document in full: its title, however long."""
    return (
        len(text) <= _NAMED_DOCUMENT
        and bool(_document_names().match(text))
        and not text.endswith((".", ":", ";", ","))
        and not _SENTENCE_INSIDE.search(text)
    )


def page_heading(lines: Sequence[str]) -> str | None:
    """The page's heading: the last heading-like line among its first lines before the lead (the
    first long line or full sentence), or the heading glued to the front of the lead."""
    seen = 0
    found: str | None = None
    for line in lines[:60]:
        text = " ".join(without_markup(line).split())
        if not text:
            continue
        seen += 1
        if seen == 1 and len(text) > _LONGEST and _named_document(text):
            return text
        if len(text) > _LONGEST or (text.endswith((".", "!", "?")) and len(text.split()) >= 8):
            return found or _glued_heading(text)  # the lead: the heading stood before it
        if _heading_like(text):
            found = text
        if seen >= 8:
            break
    return found
