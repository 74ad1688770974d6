"""Normalise text as read into logical paragraphs that remember their source lines.

Two jobs:
- `fold(text)`: character-level clean-up of one string (NFC, one tone-mark convention, odd
  spaces and dashes), safe to call on any snippet;
- `paragraphs(lines)`: rejoin hard-wrapped lines (PDF text is often wrapped at a fixed width
  and double spaced), drop page numbers and running headers, and return `Paragraph`s whose
  `line` is the 1-based line of the file where each starts.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from nghiquyet.extract.vocab import load

# Old-style tone placement ("hoà", "thuỷ") → the new style the gold files use ("hòa", "thủy").
# Only open syllables differ: with a final consonant ("hoàng") both styles agree.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_OLD_STYLE = re.compile(r"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")
_PAIRS = {"o": "aeAE", "O": "aeAE", "u": "yY", "U": "yY"}

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MULTI_SPACE = re.compile(r" {2,}")
_DASHES = re.compile(r" *[\u2013\u2014\u2012\u2015\u2212] *")
_LOPSIDED_HYPHEN = re.compile(r"(?<=[^\W_])- (?=[^\W_])|(?<=[^\W_]) -(?=[^\W\d_])")
_QUOTES = str.maketrans({"„": '"', "‟": '"', "″": '"', "＂": '"', "‚": "'", "‛": "'", "′": "'"})


def _retone(m: re.Match[str]) -> str:
    vowel, marked = m.group(1), m.group(2)
    base = unicodedata.normalize("NFD", marked)
    if base[0] not in _PAIRS[vowel] or len(base) != 2 or base[1] not in _TONES:
        return m.group(0)
    return unicodedata.normalize("NFC", vowel + base[1]) + base[0]


def fold(text: str) -> str:
    """NFC, new-style tone marks, plain spaces, dashes as " - "; keeps line breaks."""
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text).translate(_QUOTES)
    text = _DASHES.sub(" - ", text)
    # "kinh tế- xã hội", "Dầu Giây- Liên Khương": a hyphen spaced on one side only is a dash.
    if "- " in text or " -" in text:
        text = _LOPSIDED_HYPHEN.sub(" - ", text)
    return _OLD_STYLE.sub(_retone, text)


# Vietnamese capital letters, for regexes ("[À-Ỹ]" would also take most small letters).
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


@dataclass(slots=True)
class Paragraph:
    """One logical line: a heading, a list item or a body paragraph."""

    text: str
    line: int  # 1-based line in the file where it starts
    line_end: int
    md_heading: int = 0  # Markdown "#" depth, 0 when none
    bold: bool = False  # the whole paragraph was bold in Markdown
    cells: tuple[str, ...] = ()  # a table row ("| a | b |" in Markdown, "a | b" from .docx)
    offsets: tuple[int, ...] = field(default=(), repr=False)  # where each source line starts
    lines: tuple[int, ...] = field(default=(), repr=False)  # which source line that is

    def line_at(self, offset: int) -> int:
        """The source line holding character `offset` of `text`."""
        if not self.offsets:
            return self.line
        return self.lines[max(0, bisect_right(self.offsets, offset) - 1)]


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
    )""",
    re.VERBOSE,
)
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[-_=*.]{3,}$")
_TABLE_RULE = re.compile(r"^(?=.*\|)\|?[\s:|-]*-{3,}[\s:|-]*\|?$")


def table_cells(s: str) -> tuple[str, ...]:
    """The cells of a table row, or () for ordinary text."""
    t = s.strip()
    if t.startswith("|") and t.endswith("|") and len(t) > 1:
        return tuple(c.strip() for c in t[1:-1].split("|"))
    if t.count(" | ") >= 2:
        return tuple(c.strip() for c in t.split(" | "))
    return ()


_TERMINAL = re.compile(r"[.:;!?…]['\"”’)\]*]*$")
_COLUMNS = re.compile(r"\S {5,}\S")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_BOLD_ALL = re.compile(r"^\*\*(.+?)\*\*[:.]?$")


def _is_upper_line(s: str) -> bool:
    """An all-capitals title line ("TỔ CHỨC THỰC HIỆN"), not an acronym ending a sentence."""
    if s != s.upper() or s == s.lower():
        return False  # the common case, decided at C speed
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


def _strip_md(s: str) -> tuple[str, int, bool]:
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


@dataclass(slots=True)
class _Phys:
    no: int
    text: str
    markdown_break: bool = False  # "two spaces" hard break in Markdown


def _looks_markdown(lines: Sequence[str]) -> bool:
    return any(s.startswith("#") or "**" in s for s in lines[:400])


def _drop_furniture(lines: Sequence[str]) -> list[_Phys]:
    """Non-blank physical lines, without page numbers and the running headers beside them."""
    # One pass over the whole text is much faster than one per line; fold keeps line breaks.
    folded = fold("\n".join(lines)).split("\n")
    if len(folded) != len(lines):
        folded = [fold(s) for s in lines]
    raw = [(i + 1, s.strip()) for i, s in enumerate(folded)]
    nonblank = [(n, s) for n, s in raw if s]
    page_idx = {k for k, (_, s) in enumerate(nonblank) if _PAGE_NUMBER.match(s) and not s.startswith("(")}
    # A page number alone on its line between text lines; a bare "1." is a list marker instead.
    page_idx = {k for k in page_idx if not nonblank[k][1].endswith(".")}
    counts = Counter(s for _, s in nonblank if len(s) >= 6 and not MARKER.match(s))
    headers = {s for s, c in counts.items() if c >= 3}
    drop = set(page_idx)
    if headers and page_idx:
        for k in page_idx:
            for j in range(max(0, k - 3), min(len(nonblank), k + 4)):
                if nonblank[j][1] in headers:
                    drop.add(j)
    markdown = _looks_markdown(lines)
    out = []
    for k, (n, s) in enumerate(nonblank):
        if k in drop:
            continue
        out.append(_Phys(n, s, markdown_break=markdown and lines[n - 1].endswith("  ")))
    return out


def _width(phys: Sequence[_Phys]) -> float:
    lengths = sorted(len(_MULTI_SPACE.sub(" ", p.text)) for p in phys if len(p.text) >= 20)
    if not lengths:
        return 80.0
    return float(lengths[int(0.9 * (len(lengths) - 1))])


def _double_spaced(lines: Sequence[str]) -> bool:
    """True when most text lines are followed by a blank line (so blanks are layout, not breaks)."""
    followed = total = 0
    for a, b in itertools.pairwise(lines):
        if a.strip():
            total += 1
            followed += not b.strip()
    return total > 0 and followed / total > 0.6


def paragraphs(lines: Sequence[str]) -> list[Paragraph]:
    """Logical paragraphs of a document's lines (see module doc)."""
    phys = _drop_furniture(lines)
    if not phys:
        return []
    width = _width(phys)
    blanks_are_layout = _double_spaced(lines)
    # Markdown-like text keeps each paragraph on one long line; the width rule does not apply.
    wrapped = width < 130
    out: list[Paragraph] = []
    cur: list[tuple[int, str]] = []
    cur_md = 0
    cur_bold = False
    prev: _Phys | None = None

    quotes = 0  # open “ minus closed ” in the current paragraph

    def flush() -> None:
        nonlocal cur, quotes
        quotes = 0
        if not cur:
            return
        pieces: list[str] = []
        size = 0
        offsets: list[int] = []
        nos: list[int] = []
        last = ""
        for n, s in cur:
            # "01-" + "KL/TW", "20-" + "25%": rejoin without a space
            if pieces and not (last.endswith("-") and not last.endswith(" -") and s[:1].isalnum()):
                pieces.append(" ")
                size += 1
            offsets.append(size)
            nos.append(n)
            pieces.append(s)
            size += len(s)
            last = s
        text = "".join(pieces)
        out.append(
            Paragraph(
                text=text,
                line=cur[0][0],
                line_end=cur[-1][0],
                md_heading=cur_md,
                bold=cur_bold,
                offsets=tuple(offsets),
                lines=tuple(nos),
            )
        )
        cur = []

    for p in phys:
        if _TABLE_RULE.match(p.text):
            continue  # "|---|---|" under a Markdown table header
        cells = table_cells(p.text)
        if cells:
            flush()
            text = " | ".join(_strip_md(c)[0] for c in cells)
            out.append(
                Paragraph(
                    text=text,
                    line=p.no,
                    line_end=p.no,
                    cells=tuple(_strip_md(c)[0] for c in cells),
                    offsets=(0,),
                    lines=(p.no,),
                )
            )
            prev = None
            continue
        s, md_level, bold = _strip_md(p.text)
        columns = bool(_COLUMNS.search(s))
        s = _MULTI_SPACE.sub(" ", s).strip()
        if not s:
            continue
        open_quote = quotes > 0
        if (
            prev is None
            or not cur
            or _breaks(
                prev,
                p,
                cur[-1][1],
                s,
                md_level,
                bold,
                columns,
                width,
                blanks_are_layout,
                wrapped,
                lines,
                open_quote,
            )
        ):
            flush()
            cur_md, cur_bold = md_level, bold
        cur.append((p.no, s))
        quotes += s.count("“") - s.count("”")
        prev = p
        if columns or _SEPARATOR.match(s) or md_level:
            flush()
    flush()
    return [q for para in out for q in _split_heading(para)]


# A heading wraps onto a capitalised word only mid-phrase ("... của Ban" + "Chấp hành ..."):
# after one of the words in data/layout.json the next line cannot be a new paragraph.
_HEADING_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVXLC]{1,7}\.|[A-HĐ]\.)\s")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?:\s|$)")


def _split_heading(p: Paragraph) -> list[Paragraph]:
    """Split "1.2. Title" + "Body sentence. ..." that the width rule glued together.

    Bold headings in PDFs fill a line with fewer characters, so a heading that ends near the
    right margin looks like a wrapped line. The title part has no punctuation; the body that
    follows is made of sentences.
    """
    if len(p.offsets) < 2 or not _HEADING_LABEL.match(p.text):
        return [p]
    for k in range(1, min(len(p.offsets), 4)):
        head, rest = p.text[: p.offsets[k]].rstrip(), p.text[p.offsets[k] :]
        if re.search(r"[.;:!?]", _HEADING_LABEL.sub("", head, count=1)):
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


def _breaks(
    prev: _Phys,
    p: _Phys,
    before: str,
    s: str,
    md_level: int,
    bold: bool,
    columns: bool,
    width: float,
    blanks_are_layout: bool,
    wrapped: bool,
    lines: Sequence[str],
    open_quote: bool,
) -> bool:
    """Does physical line `s` start a new paragraph after the line `before`?"""
    if md_level or bold or columns or _SEPARATOR.match(s) or _SEPARATOR.match(before):
        return True
    if prev.markdown_break or _BOLD_ALL.match(prev.text.strip()):
        return True
    # A wrapped number range or reference: "giai đoạn 2021" + "- 2025 với", "44 -" + "44,4%".
    if before.endswith("-") and not _TERMINAL.search(before):
        return False
    if re.match(r"^[-–]\s*\d", s) and re.search(r"\d$", before):
        return False
    # "xanh" + "- sạch - đẹp": a bullet starts with a capital; inside an open quotation
    # ("chuỗi liên kết “Núi" + "- Rừng - Biển”") nothing new starts.
    if re.match(r"^[-+]\s+[^\W\d_]", s) and _starts_lower(s[1:]):
        return False
    if open_quote:
        return False
    if MARKER.match(s):
        return True
    blank_between = any(not lines[i].strip() for i in range(prev.no, p.no - 1))
    upper_before, upper_now, lower_now = _is_upper_line(before), _is_upper_line(s), _starts_lower(s)
    if upper_before != upper_now and not lower_now:
        return True
    if upper_before and lower_now:
        return True
    if _starts_lower(s):
        return False
    if not wrapped and not _TERMINAL.search(before) and len(before) > 150:
        return False  # one-line paragraphs (Markdown) split by a stray blank line
    full = len(before) >= (0.92 if _TERMINAL.search(before) else 0.75) * width
    if blank_between and not blanks_are_layout and not (wrapped and full and not _TERMINAL.search(before)):
        return True
    return not (wrapped and full)
