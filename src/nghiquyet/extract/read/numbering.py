"""Word's automatic numbering ("1.", "1.1.", "a)", "-", "I."): rebuilt from numPr and numbering.xml.

`paragraph.text` in python-docx leaves these labels out, yet the outline of a resolution is
carried by them. Counters follow Word: they belong to the abstract list (so list instances that
share one continue each other), a `startOverride` restarts an instance, and a level restarts
whenever a higher level is used (or as its `lvlRestart` says).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLETS_KEPT = frozenset("-–—+•◦▪○●*·")


def _val(el: Any, path: str) -> str | None:
    """The w:val of the first element at `path` (e.g. "w:pPr/w:numPr/w:numId"), or None."""
    if el is None:
        return None
    found = el.find(clark(path))
    return None if found is None else found.get(W + "val")


@cache
def clark(path: str) -> str:
    """"w:pPr/w:numId" in the {namespace}name form lxml wants (cached: called per paragraph)."""
    return path.replace("w:", W)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart only after levels < this (1-based) are used
    legal: bool = False  # isLgl: show every level in decimal
    suffix: str = "tab"
    style: str | None = None  # pStyle linking a paragraph style to this level


def _parse_level(el: Any) -> Level:
    restart = _val(el, "w:lvlRestart")
    return Level(
        start=_int(_val(el, "w:start"), 1),
        fmt=_val(el, "w:numFmt") or "decimal",
        text=_val(el, "w:lvlText") or "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=el.find(W + "isLgl") is not None,
        suffix=_val(el, "w:suff") or "tab",
        style=_val(el, "w:pStyle"),
    )


@dataclass(slots=True)
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """Numbering definitions and running counters of one document; `label(p)` numbers paragraph p."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstractNum with numStyleLink → style id
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # id → basedOn, numId, ilvl
        if numbering is not None:
            self._load_numbering(numbering)
        if styles is not None:
            for st in styles.iter(W + "style"):
                sid = st.get(W + "styleId")
                if sid:
                    self.styles[sid] = (_val(st, "w:basedOn"), _val(st, "w:pPr/w:numPr/w:numId"),
                                        _val(st, "w:pPr/w:numPr/w:ilvl"))

    def _load_numbering(self, numbering: Any) -> None:
        for ab in numbering.iter(W + "abstractNum"):
            aid = ab.get(W + "abstractNumId") or ""
            self.abstract[aid] = {_int(lv.get(W + "ilvl"), 0): _parse_level(lv) for lv in ab.iter(W + "lvl")}
            link = _val(ab, "w:numStyleLink")
            if link:
                self.links[aid] = link
        for num in numbering.iter(W + "num"):
            entry = _Num(abstract=_val(num, "w:abstractNumId") or "")
            for ov in num.iter(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                start = _val(ov, "w:startOverride")
                if start is not None:
                    entry.starts[ilvl] = _int(start, 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _parse_level(lvl)
            self.nums[num.get(W + "numId") or ""] = entry

    def _style_numpr(self, style: str | None) -> tuple[str | None, str | None]:
        """numId and ilvl a paragraph style (or the styles it is based on) gives its paragraphs."""
        seen: set[str] = set()
        while style and style not in seen and style in self.styles:
            seen.add(style)
            based_on, num_id, ilvl = self.styles[style]
            if num_id is not None:
                return num_id, ilvl
            style = based_on
        return None, None

    def _levels(self, num: _Num) -> tuple[str, dict[int, Level]]:
        """Abstract id and level definitions of a list instance, following numStyleLink once."""
        aid = num.abstract
        if aid in self.links:
            linked, _ = self._style_numpr(self.links[aid])
            if linked in self.nums:
                aid = self.nums[linked].abstract
        return aid, {**self.abstract.get(aid, {}), **num.levels}

    def label(self, p: Any, style: str | None) -> str:
        """The label Word shows before paragraph element `p` ("" if it is not numbered); advances counters.

        `style` is the paragraph's style id (w:pStyle), which the caller has already looked up.
        """
        ppr = p.find(W + "pPr")
        numpr = None if ppr is None else ppr.find(W + "numPr")
        if numpr is None and (style is None or not self.styles):
            return ""  # the common case, kept cheap: a plain paragraph
        num_id = _val(numpr, "w:numId")
        ilvl_text = _val(numpr, "w:ilvl")
        if num_id is None:
            num_id, style_ilvl = self._style_numpr(style)
            ilvl_text = ilvl_text or style_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        num = self.nums[num_id]
        aid, levels = self._levels(num)
        if ilvl_text is None:  # a style-linked list: the level whose pStyle is this style
            ilvl_text = next((str(i) for i, lv in levels.items() if lv.style and lv.style == style), "0")
        ilvl = min(max(_int(ilvl_text, 0), 0), 8)
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in num.starts.items():
                counters[lvl] = start - 1
                _reset_below(counters, levels, lvl)
        level = levels.get(ilvl, Level())
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        _reset_below(counters, levels, ilvl)
        return _render(level, ilvl, counters, levels)


def _reset_below(counters: dict[int, int], levels: dict[int, Level], ilvl: int) -> None:
    for deeper in [k for k in counters if k > ilvl]:
        restart = levels.get(deeper, Level()).restart
        if restart is None or (restart > 0 and ilvl < restart):
            del counters[deeper]


def _render(level: Level, ilvl: int, counters: dict[int, int], levels: dict[int, Level]) -> str:
    if level.fmt == "none":
        return ""
    if level.fmt == "bullet":
        text = level.text.strip()
        # Symbol/Wingdings bullets arrive as private-use or meaningless letters: show them as "-".
        return text if text and all(c in _BULLETS_KEPT for c in text) else "-"
    out = level.text
    for k in range(9, 0, -1):  # %10 does not exist; go high to low so %1 does not eat %1x
        token = f"%{k}"
        if token in out:
            ref = levels.get(k - 1, Level())
            value = counters.get(k - 1, ref.start)
            fmt = "decimal" if level.legal else ref.fmt
            out = out.replace(token, format_number(value, fmt))
    return out.strip()


def format_number(value: int, fmt: str) -> str:
    """A counter in one of Word's number formats (unknown formats fall back to decimal)."""
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        # Word repeats the letter after z: aa, bb, ...
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else str(value)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = []
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)
