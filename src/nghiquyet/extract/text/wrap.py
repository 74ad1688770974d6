"""Where a paragraph starts: the rules that rejoin hard-wrapped lines.

A new paragraph starts at a list marker or heading, after a line that ends a sentence when the
next begins with a capital, at a switch between capitals-only and ordinary lines, and after a
short line (one that ends well before the right margin of the document's wrapped text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nghiquyet.extract.text.paragraph import Paragraph
from nghiquyet.extract.vocabulary.vocab import load

# A new paragraph starts at any of these (checked on the stripped line).
MARKER = re.compile(
    r"""^(?:
        (?:[-+•·▪●◦*]|\u2022)\s                     # bullets
      | \(\d{1,3}\)                                  # (1)
      | \d{1,3}\)\s                                  # 1)
      | \d{1,2}(?:\.\d{1,2}){0,3}\.\s                # 1.  1.1.  1.1.1.
      | \d{1,2}(?:\.\d{1,2}){1,3}\s(?=[^\W\d_])      # 1.1 Title
      | [a-zđ]\)\s                                   # a)  đ)
      | [IVXLC]{1,7}[.)]\s?                          # I.  II)
      | [IVXLC]{1,7}\s-\s                            # II - MỤC TIÊU
      | [A-HĐ][.)]\s                                 # A.  B)
      | (?:Phần|PHẦN)\s(?:thứ|THỨ|[IVX\d])           # Phần thứ nhất, PHẦN I
      | (?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC)\s[\dIVXLC]+\b
      | \#{1,6}\s
      | \*\*
      | Nơi\snhận
      | PHỤ\sLỤC | Phụ\slục
    )""",
    re.VERBOSE,
)
SEPARATOR = re.compile(r"^[-_=*.]{3,}$")
_TERMINAL = re.compile(r"[.:;!?…]['\"”’)\]*]*$")
COLUMNS = re.compile(r"\S {5,}\S")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_BOLD_ALL = re.compile(r"^\*\*(.+?)\*\*[:.]?$")


def _is_upper_line(s: str) -> bool:
    """An all-capitals title line ("TỔ CHỨC THỰC HIỆN"), not an acronym ending a sentence."""
    if not s.isupper():
        return False  # the common case (a small letter somewhere), decided at C speed
    letters = sum(c.isalpha() for c in s)
    return not (letters < 4 or (s.rstrip().endswith((".", ",", ";", ")")) and letters < 12))


def _starts_lower(s: str) -> bool:
    for c in s:
        if c.isalpha():
            return c.islower()
        if c.isdigit():
            return False
        if c not in " \"'“‘(*_":
            return False
    return False


def strip_md(s: str) -> tuple[str, int, bool]:
    """Remove Markdown heading marks and emphasis; say how deep and whether all bold."""
    if "*" not in s and "_" not in s and not s.startswith("#"):
        return s, 0, False  # plain text: nothing to strip
    level = 0
    m = _MD_HEADING.match(s)
    if m:
        level = len(m.group(1))
        s = s[m.end() :]
    bold = bool(_BOLD_ALL.match(s.strip()))
    s = re.sub(r"\*\*|__", "", s)
    s = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", s)
    return s, level, bold


@dataclass(frozen=True, slots=True)
class Layout:
    """What the whole document says about its line breaks."""

    width: float  # the right margin of hard-wrapped text
    wrapped: bool  # hard-wrapped (PDF), not typed one paragraph per line (.docx, Markdown)
    blanks_are_layout: bool  # double spaced: a blank line is no paragraph break
    filled: Sequence[str]  # each source line (from 0), "" when blank


# A heading wraps onto a capitalised word only mid-phrase ("... của Ban" + "Chấp hành ..."):
# after one of the words in data/layout.json the next line cannot be a new paragraph.
_HEADING_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVXLC]{1,7}\.|[A-HĐ]\.)\s")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?:\s|$)")
_PUNCTUATION = re.compile(r"[.;:!?]")


def split_heading(p: Paragraph) -> list[Paragraph]:
    """Split "1.2. Title" + "Body sentence. ..." that the width rule glued together.

    Bold headings in PDFs fill a line with fewer characters, so a heading that ends near the
    right margin looks like a wrapped line. The title part has no punctuation; the body that
    follows is made of sentences.
    """
    if len(p.offsets) < 2 or not _HEADING_LABEL.match(p.text):
        return [p]
    for k in range(1, min(len(p.offsets), 4)):
        head, rest = p.text[: p.offsets[k]].rstrip(), p.text[p.offsets[k] :]
        label = _HEADING_LABEL.match(head)
        if _PUNCTUATION.search(head, label.end() if label else 0):  # after the label
            return [p]
        tail = head.rsplit(" ", 2)[-2:]
        # "... của Ban Thường vụ" + "Đảng ủy ...": a name running on to the next line.
        if (
            not rest[:1].isupper()
            or tail[-1].lower() in load("layout")["continues"]
            or any(w[:1].isupper() for w in tail)
        ):
            continue
        if len(rest) > len(head) and _SENTENCE_END.search(rest):
            return [
                Paragraph(
                    head,
                    p.line,
                    p.lines[k - 1],
                    md_heading=p.md_heading,
                    bold=p.bold,
                    offsets=p.offsets[:k],
                    lines=p.lines[:k],
                ),
                Paragraph(
                    rest,
                    p.lines[k],
                    p.line_end,
                    offsets=tuple(o - p.offsets[k] for o in p.offsets[k:]),
                    lines=p.lines[k:],
                ),
            ]
    return [p]


def breaks(before: str, s: str, open_quote: bool, prev_no: int, no: int, layout: Layout) -> bool:
    """Does line `s` (source line `no`) start a new paragraph after the line `before` (`prev_no`)?

    Only the words decide here: the caller has already broken at Markdown headings and bold lines,
    columns and rules. `open_quote`: a quotation opened in the paragraph is not closed yet.
    """
    # Most lines of wrapped text go on a paragraph with a small letter; for them the rules of
    # `_text_breaks` come down to this (no label, bullet or dash can open such a line; a line
    # ending in "-" does not end a sentence). Decided here, the common case skips the regexes.
    if s[:1].islower() and s[1:2] != ")":
        # isupper() first: it rules out almost every line at C speed, without a call.
        return not (open_quote or before.endswith("-")) and before.isupper() and _is_upper_line(before)
    return _text_breaks(before, s, open_quote, prev_no, no, layout)


def _text_breaks(before: str, s: str, open_quote: bool, prev_no: int, no: int, layout: Layout) -> bool:
    """`breaks` by the full rules."""
    first = s[:1]
    terminal = _ends_sentence(before)
    # A wrapped number range or reference: "giai đoạn 2021" + "- 2025 với", "44 -" + "44,4%".
    if before.endswith("-") and not terminal:
        return False
    if first in "-–" and _DASH_NUMBER.match(s) and before[-1:].isdigit():
        return False
    # "xanh" + "- sạch - đẹp": a bullet starts with a capital; inside an open quotation
    # ("chuỗi liên kết “Núi" + "- Rừng - Biển”") nothing new starts.
    if first in "-+" and _BULLET_WORD.match(s) and _starts_lower(s[1:]):
        return False
    if open_quote:
        return False
    m = MARKER.match(s)
    if m:
        # "(khóa" + "XII) về ...", "tỉnh lần thứ" + "2. của ...": a wrapped line that happens to
        # begin like a label; a real label opens a capitalised title or sentence.
        rest = s[m.end() :].lstrip()
        return not (_NUMBER_LABEL.match(s) and rest[:1].islower() and not terminal)
    upper_before, upper_now, lower_now = _is_upper_line(before), _is_upper_line(s), _starts_lower(s)
    if upper_before != upper_now and not lower_now:
        return True
    if upper_before and lower_now:
        return True
    if lower_now:
        return False
    wrapped = layout.wrapped
    if not wrapped and not terminal and len(before) > 150:
        return False  # one-line paragraphs (Markdown) split by a stray blank line
    full = len(before) >= (0.92 if terminal else 0.75) * layout.width
    blank_between = not all(layout.filled[prev_no : no - 1])
    if blank_between and not layout.blanks_are_layout and not (wrapped and full and not terminal):
        return True
    return not (wrapped and full)


_NUMBER_LABEL = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,7}|[A-HĐ])[.)]")
_CLOSERS = "'\"”’)]*"
_DASH_NUMBER = re.compile(r"[-–]\s*\d")
_BULLET_WORD = re.compile(r"[-+]\s+[^\W\d_]")


def _ends_sentence(s: str) -> bool:
    """Ends with . : ; ! ? or … (perhaps followed by a closing quote or bracket)."""
    last = s.rstrip(_CLOSERS)[-1:]
    return last != "" and last in ".:;!?…"


def is_separator(s: str) -> bool:
    """A rule line ("-----", "*****"); the first character decides for almost every line."""
    return s[:1] in _SEPARATOR_CHARS and SEPARATOR.match(s) is not None


_SEPARATOR_CHARS = frozenset("-_=*.")
