"""Tables of tasks or targets ("STT | Nội dung | Cơ quan chủ trì | Phối hợp | Thời gian").

A table is a run of row paragraphs (Markdown "| a | b |" or .docx "a | b | c"). Its first row
names the columns; which column holds what comes from the header words in data/layout.json.
Rows labelled "I", "A" or with only one filled cell are group rows ("I | Lĩnh vực kinh tế").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from nghiquyet.extract.structure.outline import Outline
from nghiquyet.extract.vocabulary.vocab import load


@dataclass(slots=True)
class Row:
    para: int
    line: int
    values: dict[str, str]  # column kind → cell text
    group: str | None = None  # the last group row above it


@dataclass(slots=True)
class Table:
    first_para: int
    kinds: list[str | None]
    rows: list[Row] = field(default_factory=list)
    header: tuple[str, ...] = ()

    def heading_of(self, kind: str) -> str:
        """The header cell of a column kind ("Thực hiện năm 2024")."""
        return next((h for h, k in zip(self.header, self.kinds, strict=False) if k == kind), "")

    def has(self, kind: str) -> bool:
        return kind in self.kinds


@cache
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each column kind, in order, with its words as one whole-word alternation (compiled once)."""
    columns: dict[str, list[str]] = load("layout")["table_columns"]
    return tuple(
        (kind, re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, columns[kind])) + r")(?!\w)"))
        for kind in columns["_order"]
    )


def column_kind(cell: str) -> str | None:
    """What a header cell names ("text", "unit", "value" for the plan, "actual", "label" ...), or None.

    Every short paragraph is asked (a header row may arrive one cell per line): each kind is one
    pattern, not one per word."""
    low = cell.lower().strip(" *")
    for kind, words in _kind_patterns():
        if words.search(low):
            return kind
    return None


def find_tables(outline: Outline) -> list[Table]:
    """Every table with a recognisable header row, in document order."""
    tables: list[Table] = []
    paras = outline.paragraphs
    i = 0
    while i < outline.end:
        if not paras[i].cells:
            i += 1
            continue
        j = i
        while j < outline.end and paras[j].cells:
            j += 1
        kinds = [column_kind(c) for c in paras[i].cells]
        if "text" in kinds and len({k for k in kinds if k}) >= 2:
            table = Table(first_para=i, kinds=kinds, header=paras[i].cells)
            group: str | None = None
            for k in range(i + 1, j):
                cells = paras[k].cells
                values = {kind: cells[n].strip() for n, kind in enumerate(kinds) if kind and n < len(cells)}
                filled = [c for c in cells if c.strip()]
                label = values.get("label", "")
                if len(filled) <= 2 and (re.fullmatch(r"[IVXLC]+|[A-HĐ]", label) or len(filled) == 1):
                    group = " ".join(filled)
                    continue
                if not values.get("text"):
                    continue
                table.rows.append(Row(para=k, line=paras[k].line, values=values, group=group))
            tables.append(table)
        i = j
    return tables
