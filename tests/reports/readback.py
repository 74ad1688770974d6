"""Every word a person reads in a generated report, read back from the real file (DOCX, PDF, XLSX)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
from docx import Document as Docx
from pdfminer.high_level import extract_text


def report_text(path: Path) -> str:
    """The file's visible text, NFC, whitespace runs folded to one space (PDF cells wrap anywhere)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        doc = Docx(str(path))
        parts = [p.text for p in doc.paragraphs]
        parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
        for section in doc.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        text = "\n".join(parts)
    elif suffix == ".pdf":
        text = extract_text(str(path))
    elif suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        text = "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                         for v in row if isinstance(v, str) and not v.startswith("="))
        text += "\n" + " ".join(ws.title for ws in wb.worksheets)
    else:
        raise ValueError(f"not a report: {path}")
    return " ".join(unicodedata.normalize("NFC", text).split())
