"""A logical paragraph of a document and the map back to its source lines."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

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
