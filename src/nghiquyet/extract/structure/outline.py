"""The outline of a document: its labelled items ("Phần thứ hai", "II.", "B.", "1.1.", "(3)", "a)", "-")
nested by label style, and which of them are headings (short title lines) rather than list items
that carry text.

Nesting follows the order in which label styles first appear: a style already open closes
everything below it; a new style opens one level down. This copes with "I. > 1. > 1.1. > -" as
well as "A. > I. > 1." or "Phần thứ nhất > I. > 1." without a fixed hierarchy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from nghiquyet.extract.model import Section
from nghiquyet.extract.text.normalise import Paragraph
from nghiquyet.extract.vocabulary.vocab import act_kinds

_ORDINALS = ("nhất", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")

_LABEL = re.compile(
    r"""^(?:
        (?P<part>(?:Phần|PHẦN)\s+(?:thứ|THỨ)\s+\w+|(?:Phần|PHẦN)\s+[IVXLC\d]+)[.:]?\s*
      | (?P<article>(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC)\s+[\dIVXLC]+)[.:]?\s*
      | (?P<appendix>(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+)?[\dIVXLC]+)?)\b[.:]?\s*
      | \((?P<paren>\d{1,3})\)\s*
      | (?P<dec>\d{1,2}(?:\.\d{1,2}){0,3})(?:\.\s*|\s+(?=[^\W\d_])|\)\s*)
      | (?P<alpha>[a-zđ])\)\s*
      | (?P<roman>[IVXLC]{1,7})(?:[.)]\s*|\s+-\s+)
      | (?P<letter>[A-HĐ])[.)]\s+
      | (?P<bullet>[-+•·▪●◦*])\s+
    )""",
    re.VERBOSE,
)
# The closing block starts at "Nơi nhận:" or at the signature ("T/M TỈNH ỦY"), whichever comes first.
_CLOSING = re.compile(r"^(?:Nơi nhận|NƠI NHẬN)\b|^(?:T/M|TM\.|T/L|TL\.|K/T|KT\.|TUQ\.)\s*[A-ZĐỦ]")
# A paragraph about the document itself closes it; it belongs to no item.
_SELF_REFERENCE = re.compile(
    r"^(?:Trên cơ sở |Căn cứ )?(?:Nghị quyết|Chương trình(?: hành động)?|Kế hoạch|Thông báo|Kết luận|Chỉ thị"
    r"|Quyết định|Báo cáo) này\b"
)
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[\"“(]?[^\W\d_]")
_NOT_HEADING_STYLES = ("bullet", "paren", "alpha")


@dataclass(slots=True, eq=False)
class Item:
    """One labelled paragraph and what hangs below it."""

    label: str  # "Phần thứ hai", "II", "B", "1.1", "(3)", "a", "-"
    style: str  # "part", "article", "letter", "roman", "dec1".."dec4", "paren", "alpha", "bullet-", "md2"
    text: str  # the paragraph after its label
    para: int  # index of the paragraph
    line: int
    line_end: int
    heading: bool
    title: str | None = None  # heading title (for a heading)
    parent: Item | None = field(default=None, repr=False)
    children: list[Item] = field(default_factory=list, repr=False)
    body: list[int] = field(default_factory=list)  # unlabelled paragraphs that follow it

    def walk(self) -> Iterator[Item]:
        """This item and every item below it, in document order."""
        # One generator and a stack: nested `yield from` costs a frame per level for every item.
        stack = [self]
        while stack:
            it = stack.pop()
            yield it
            stack.extend(reversed(it.children))

    def ancestors(self) -> Iterator[Item]:
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    @property
    def numbered(self) -> bool:
        return self.style.startswith("dec")


@dataclass(slots=True)
class Outline:
    paragraphs: list[Paragraph]
    roots: list[Item]
    preamble: list[int]  # paragraphs before the first item
    end: int  # index of the first paragraph of the closing block ("Nơi nhận"), or len(paragraphs)
    closing: list[int] = field(default_factory=list)  # "Nghị quyết này được phổ biến ..." paragraphs

    def items(self) -> Iterator[Item]:
        for r in self.roots:
            yield from r.walk()

    def sections(self) -> list[Section]:
        """The heading tree as the contract's `Section`s."""

        def build(items: Sequence[Item], level: int) -> list[Section]:
            out: list[Section] = []
            for it in items:
                if it.heading:
                    out.append(
                        Section(
                            label=it.label,
                            title=it.title or "",
                            level=level,
                            line=it.line,
                            children=build(it.children, level + 1),
                        )
                    )
                else:
                    out.extend(build(it.children, level))
            return out

        return build(self.roots, 1)


def paragraphs_under(item: Item) -> set[int]:
    """Indices of the paragraphs an item covers: its own, its body's, its sub-items'."""
    out: set[int] = set()
    for sub in item.walk():
        out.add(sub.para)
        out.update(sub.body)
    return out


@cache
def _recital() -> re.Pattern[str]:
    return re.compile(
        rf"\W*(?:căn\s+cứ\s+(?:vào\s+)?(?:các\s+)?(?:{act_kinds(cited=True)})|xét\s+(?:đề\s+nghị|tờ\s+trình|báo\s+cáo)"
        r"|theo\s+đề\s+nghị)(?![^\W_])",
        re.IGNORECASE,
    )


def recitals(outline: Outline) -> set[int]:
    """The preamble's recitals ("Căn cứ Luật ...;", "Xét đề nghị của ..."), wrapped lines included:
    they cite other acts, whose names and figures ("... giảm nghèo ở 6 huyện miền núi") state
    nothing of this one's."""
    out: set[int] = set()
    inside = False
    for i in outline.preamble:
        text = outline.paragraphs[i].text.strip()
        if _recital().match(text):
            inside = True
        elif not inside or (out and outline.paragraphs[max(out)].text.rstrip().endswith((".", ";", ":"))):
            # A recital ends at its ";" (or the enacting words); a wrapped one goes on.
            inside = False
        if inside:
            out.add(i)
    return out


def owner_of(outline: Outline, para: int) -> Item | None:
    """The item whose body holds paragraph `para`."""
    for it in outline.items():
        if para in it.body or it.para == para:
            return it
    return None


def section_path(item: Item) -> str:
    """Labels of the heading ancestors, outermost first, without "Phần" ("III.1", "B.I.2")."""
    labels = [a.label for a in item.ancestors() if a.heading and a.style != "part" and a.label]
    return ".".join(reversed(labels))


def _is_upper(s: str) -> bool:
    if s != s.upper() or s == s.lower():
        return False  # decided at C speed for almost every line
    return sum(c.isalpha() for c in s) >= 3


def parse_label(p: Paragraph) -> tuple[str, str, str] | None:
    """(label, style, rest) of a labelled paragraph, or None."""
    text = p.text
    if p.md_heading and not _LABEL.match(text):
        return "", f"md{p.md_heading}", text.strip()
    m = _LABEL.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    kind = m.lastgroup or ""
    value = m.group(kind)
    if kind == "dec":
        if m.group(0).rstrip()[-1:].isdigit() and rest[:1].islower():
            return None  # "5 tháng đầu năm 2025, ...", "2 km kênh mương": a quantity, not a label
        return value, f"dec{value.count('.') + 1}", rest
    if kind == "paren":
        return f"({value})", "paren", rest
    if kind == "bullet":
        if not rest:
            return None
        return value, f"bullet{value}", rest
    if kind == "part":
        return " ".join(value.split()), "part", rest
    if kind == "article":
        return " ".join(value.split()), "article", rest
    if kind == "appendix":
        return " ".join(value.split()).capitalize(), "appendix", rest
    if kind == "roman" and value in ("C", "D", "L") and not rest[:1].isupper():
        return None
    return value, kind, rest


def _heading(style: str, rest: str, p: Paragraph) -> bool:
    if p.bold or p.md_heading:
        return True
    if style.startswith(_NOT_HEADING_STYLES):
        return False
    if style == "part" or not rest:
        return True
    if _is_upper(rest) and len(rest) <= 200:
        return True
    # A title is short, has no sentence inside and does not end like one (or like an intro ":").
    return not (len(rest) > 300 or rest.endswith((":", ".", ";", ",")) or _SENTENCE_INSIDE.search(rest))


def _clean_title(s: str) -> str:
    return s.strip().rstrip(":").strip()


def build_outline(paragraphs: list[Paragraph]) -> Outline:
    """Nest the labelled paragraphs; stop at the closing block ("Nơi nhận:", signature)."""
    roots: list[Item] = []
    preamble: list[int] = []
    closing: list[int] = []
    stack: list[Item] = []
    end = len(paragraphs)
    pending_title: Item | None = None  # a "Phần thứ hai" whose title is the next line
    for i, p in enumerate(paragraphs):
        if _CLOSING.match(p.text):
            end = i
            break
        if pending_title is not None:
            if _is_upper(p.text) and not _LABEL.match(p.text):
                pending_title.title = _clean_title(p.text)
                pending_title.line_end = p.line_end
                pending_title = None
                continue
            pending_title = None
        parsed = parse_label(p)
        if parsed is None and roots and _SELF_REFERENCE.match(p.text):
            closing.append(i)
            continue
        if parsed is None:
            if stack:
                stack[-1].body.append(i)
            else:
                preamble.append(i)
            continue
        label, style, rest = parsed
        style = _disambiguate(style, label, stack)
        heading = _heading(style, rest, p)
        item = Item(
            label=label,
            style=style,
            text=rest,
            para=i,
            line=p.line,
            line_end=p.line_end,
            heading=heading,
            title=_clean_title(rest) if heading else None,
        )
        if style == "appendix":
            stack.clear()  # an appendix stands beside the body, under no part of it
        # Close the open levels down to (and including) an item of the same style.
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].style == style:
                del stack[depth:]
                break
        if style.startswith("md"):
            # Markdown depth is explicit: close deeper or equal headings.
            n = int(style[2:])
            while stack and stack[-1].style.startswith("md") and int(stack[-1].style[2:]) >= n:
                stack.pop()
        # Bullets are the lowest level: "- ..." then "6. ..." closes the bullet list.
        if not style.startswith("bullet"):
            while stack and stack[-1].style.startswith("bullet"):
                stack.pop()
        # A heading never nests under a text-carrying list item ("(3) ..." then "2. Tiêu đề").
        while heading and stack and not stack[-1].heading and stack[-1].style.startswith(_NOT_HEADING_STYLES):
            stack.pop()
        if stack:
            item.parent = stack[-1]
            stack[-1].children.append(item)
        else:
            roots.append(item)
        stack.append(item)
        if style == "part" and not rest:
            pending_title = item
    for root in roots:
        for it in root.walk():
            # An item with deeper numbered items under it is a section title whatever its shape.
            if (
                not it.heading
                and not it.style.startswith(_NOT_HEADING_STYLES)
                and any(c.numbered or c.style in ("roman", "letter", "article") for c in it.children)
            ):
                it.heading = True
                it.title = _clean_title(it.text)
    _last_items_are_items(roots, paragraphs)
    return Outline(paragraphs=paragraphs, roots=roots, preamble=preamble, end=end, closing=closing)


_STATES_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|[^\W\d_])")


def _last_items_are_items(roots: list[Item], paragraphs: list[Paragraph]) -> None:
    """ "4. Tổng đàn trâu, bò đạt 500 con." then "5. Số hộ ... có ít nhất 240 hộ (nông nghiệp 74 hộ"
    (a copy cut short): an item that looks like a title only for lacking its stop, holds nothing,
    states a figure and follows a sibling item of its style is an item too."""
    def visit(items: list[Item]) -> None:
        prev: Item | None = None
        for it in items:
            p = paragraphs[it.para]
            if (it.heading and not it.children and prev is not None and not prev.heading
                    and prev.style == it.style and not (p.bold or p.md_heading) and not _is_upper(it.text)
                    and _STATES_FIGURE.search(it.text)):
                it.heading, it.title = False, None
            visit(it.children)
            prev = it
    visit(roots)


def _disambiguate(style: str, label: str, stack: list[Item]) -> str:
    """ "I." after "H." is a letter; "C." after "B." too; otherwise single I/V/X/L/C are roman."""
    if style != "roman" or len(label) != 1:
        return style
    for it in reversed(stack):
        if it.style == "letter" and len(it.label) == 1 and ord(label) == ord(it.label) + 1:
            return "letter"
        if it.style == "roman":
            return "roman"
    return style


def body_text(outline: Outline, item: Item, *, include_children: bool = True) -> str:
    """The text an item carries: its own words (unless a heading), its body, its sub-items."""
    parts: list[str] = []
    if not item.heading and item.text:
        parts.append(item.text)
    paras = outline.paragraphs
    seen = {item.para}
    order: list[int] = list(item.body)
    if include_children:
        for child in item.children:
            for sub in child.walk():
                order.append(sub.para)
                order.extend(sub.body)
    for idx in sorted(set(order) - seen):
        if idx < outline.end:
            parts.append(paras[idx].text)
    return "\n".join(parts)


def item_span(outline: Outline, item: Item) -> int:
    """Last source line an item (with its body and sub-items) covers."""
    last = item.line_end
    for sub in item.walk():
        last = max(last, sub.line_end)
        for idx in sub.body:
            if idx < outline.end:
                last = max(last, outline.paragraphs[idx].line_end)
    return last


def ordinal_index(word: str) -> int | None:
    """ "nhất" → 1, "hai" → 2 ... for "Phần thứ ..." labels."""
    w = word.lower()
    return _ORDINALS.index(w) + 1 if w in _ORDINALS else None
