"""What a Word run looks like once styles are applied: its font and whether it shows in capitals.

A property set on the run wins, then its character style, then the paragraph style (each
following `basedOn`), then the document defaults. (Word XORs toggle properties such as caps
across style levels; the first explicit value is right for every document seen so far.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from nghiquyet.extract.read.legacy import Legacy
from nghiquyet.extract.read.numbering import W, clark

T = TypeVar("T")
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
        self.styles: dict[str, tuple[str | None, Any]] = {}  # style id → basedOn, rPr element
        self.defaults: Any = None
        if styles is None:
            return
        self.defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        for st in styles.iter(W + "style"):
            sid = st.get(W + "styleId")
            if sid:
                based = st.find(W + "basedOn")
                self.styles[sid] = (None if based is None else based.get(W + "val"), st.find(W + "rPr"))

    def _lookup(self, run: Any, pstyle: str | None, get: Callable[[Any], T | None]) -> T | None:
        rpr = run.find(W + "rPr")
        direct = get(rpr)
        if direct is not None:
            return direct
        rstyle = None if rpr is None else rpr.find(clark("w:rStyle"))
        for style in (None if rstyle is None else rstyle.get(W + "val"), pstyle):
            seen: set[str] = set()
            while style and style in self.styles and style not in seen:
                seen.add(style)
                based_on, style_rpr = self.styles[style]
                found = get(style_rpr)
                if found is not None:
                    return found
                style = based_on
        return get(self.defaults)

    def font(self, run: Any, pstyle: str | None) -> str | None:
        return self._lookup(run, pstyle, _font)

    def caps(self, run: Any, pstyle: str | None) -> bool:
        return bool(self._lookup(run, pstyle, _caps))

    def hidden(self, run: Any, pstyle: str | None) -> bool:
        return bool(self._lookup(run, pstyle, _hidden))

    def encoding(self, run: Any, pstyle: str | None) -> tuple[Legacy | None, bool]:
        """The legacy encoding of the run's font, if any, and whether it is an ABC capital font.

        TCVN3 fonts are named ".VnTime", ".VnArial"…, their capital twins end in "H" (".VnTimeH");
        VNI fonts are named "VNI-Times", "VNI-Helve"…
        """
        name = (self.font(run, pstyle) or "").strip()
        lower = name.lower()
        if lower.startswith(".vn"):
            return "tcvn3", name.endswith("H")
        if lower.startswith(("vni-", "vni ")):
            return "vni", False
        return None, False
