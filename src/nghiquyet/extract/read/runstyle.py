"""What a Word run looks like once styles are applied: its font and whether it shows in capitals.

A property set on the run wins, then its character style, then the paragraph style (each
following `basedOn`), then the document defaults. (Word XORs toggle properties such as caps
across style levels; the first explicit value is right for every document seen so far.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from nghiquyet.extract.read.legacy import Legacy
from nghiquyet.extract.read.numbering import W

T = TypeVar("T")

StyleTable = dict[str, tuple[str | None, Any]]  # style id → (basedOn style id, its element)


def from_style_chain(styles: StyleTable, style: str | None, get: Callable[[Any], T | None]) -> T | None:
    """The first value `get` finds in a style's element, then in the styles it is based on."""
    seen: set[str] = set()  # a loop of basedOn links ends the walk
    while style and style in styles and style not in seen:
        seen.add(style)
        based_on, element = styles[style]
        found = get(element)
        if found is not None:
            return found
        style = based_on
    return None
_OFF = ("0", "false", "off")


def _font(rpr: Any) -> str | None:
    fonts = None if rpr is None else rpr.find(W + "rFonts")
    if fonts is None:
        return None
    found: str | None = fonts.get(W + "ascii") or fonts.get(W + "hAnsi")
    return found


def _toggle(rpr: Any, *tags: str) -> bool | None:
    if rpr is None:
        return None
    for tag in tags:
        el = rpr.find(W + tag)
        if el is not None:
            return el.get(W + "val", "true").lower() not in _OFF
    return None


def _caps(rpr: Any) -> bool | None:
    """All Caps or Small Caps formatting: the reader sees capitals whatever was typed."""
    return _toggle(rpr, "caps", "smallCaps")


def _hidden(rpr: Any) -> bool | None:
    """Hidden text (w:vanish) is neither shown nor printed."""
    return _toggle(rpr, "vanish")


class RunStyles:
    """Resolves run properties through a document's styles (styles.xml root, or None)."""

    def __init__(self, styles: Any) -> None:
        self.styles: StyleTable = {}  # style id → basedOn, rPr element
        self.defaults: Any = None
        self._inherited: dict[tuple[str, str | None, str | None], Any] = {}
        if styles is None:
            return
        self.defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        for st in styles.iter(W + "style"):
            sid = st.get(W + "styleId")
            if sid:
                based = st.find(W + "basedOn")
                self.styles[sid] = (None if based is None else based.get(W + "val"), st.find(W + "rPr"))

    def _lookup(self, rpr: Any, rstyle: str | None, pstyle: str | None,
                get: Callable[[Any], T | None]) -> T | None:
        direct = get(rpr)
        if direct is not None:
            return direct
        key = (get.__name__, rstyle, pstyle)
        if key not in self._inherited:  # style chains are the same for thousands of runs
            self._inherited[key] = self._from_styles(rstyle, pstyle, get)
        found: T | None = self._inherited[key]
        return found

    def _from_styles(self, rstyle: str | None, pstyle: str | None,
                     get: Callable[[Any], T | None]) -> T | None:
        for style in (rstyle, pstyle):
            found = from_style_chain(self.styles, style, get)
            if found is not None:
                return found
        return get(self.defaults)

    def properties(self, run: Any, pstyle: str | None) -> RunLook:
        """Font, capitals and hidden flag of one run (w:r element) in a paragraph of style `pstyle`."""
        rpr = run.find(W + "rPr")
        rstyle_el = None if rpr is None else rpr.find(W + "rStyle")
        rstyle = None if rstyle_el is None else rstyle_el.get(W + "val")
        return RunLook(
            font=self._lookup(rpr, rstyle, pstyle, _font),
            caps=bool(self._lookup(rpr, rstyle, pstyle, _caps)),
            hidden=bool(self._lookup(rpr, rstyle, pstyle, _hidden)),
        )



@dataclass(frozen=True, slots=True)
class RunLook:
    font: str | None
    caps: bool
    hidden: bool

    def encoding(self) -> tuple[Legacy | None, bool]:
        """The legacy encoding of the run's font, if any, and whether it is an ABC capital font.

        TCVN3 fonts are named ".VnTime", ".VnArial"…, their capital twins end in "H" (".VnTimeH");
        VNI fonts are named "VNI-Times", "VNI-Helve"…
        """
        name = (self.font or "").strip()
        lower = name.lower()
        if lower.startswith(".vn"):
            return "tcvn3", name.endswith("H")
        if lower.startswith(("vni-", "vni ")):
            return "vni", False
        return None, False
