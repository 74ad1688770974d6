"""Reports name the plan by its document's type, number, issuer and title; never by its file (issue 10, 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from nghiquyet.config import Settings
from nghiquyet.documents.service import import_document
from nghiquyet.plans.service import confirm_plan
from nghiquyet.reports import write_report
from tests.factories import make_user
from tests.reports.readback import report_text

FILE = "h04_nq-57-tw-2024-khcn-dmst-cds.txt"
# A document whose extraction finds the type but no number, issuer or title.
TEXT = ("NGHỊ QUYẾT\n\nI. CHỈ TIÊU\n1. Tốc độ tăng trưởng GRDP đạt 7%.\n"
        "2. Thu ngân sách nhà nước đạt 12.000 tỷ đồng.\n\nII. NHIỆM VỤ\n1. Đẩy mạnh chuyển đổi số.\n")


@pytest.fixture
def plan_id(db: Session, settings: Settings) -> int:
    office = make_user(db, role="office")
    doc = import_document(db, filename=FILE, data=TEXT.encode(), actor=office, settings=settings)
    meta = doc.effective_extraction["metadata"]
    assert (meta["title"], meta["number"], meta["issuer"]) == (None, None, None)
    plan = confirm_plan(db, document_id=doc.id, actor=office, number="57-NQ/TW", issuer="Bộ Chính trị",
                        title="về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo")
    db.flush()
    return plan.id


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_report_names_the_document_not_its_file(db: Session, plan_id: int, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"bc.{fmt}"
    write_report(db, plan_id=plan_id, period="2024", fmt=fmt, path=out)
    text = report_text(out)
    assert "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo" in text
    assert "h04_nq" not in text and ".txt" not in text and "Kế hoạch #" not in text


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_untitled_document_is_named_by_what_is_known(db: Session, settings: Settings, tmp_path: Path,
                                                     fmt: str) -> None:
    office = make_user(db, role="office")
    doc = import_document(db, filename=FILE, data=TEXT.encode(), actor=office, settings=settings)
    plan = confirm_plan(db, document_id=doc.id, actor=office, issuer="Tỉnh ủy Lâm Đồng")  # a script's confirm
    out = tmp_path / f"bc.{fmt}"
    write_report(db, plan_id=plan.id, period="2024", fmt=fmt, path=out)
    text = report_text(out)
    assert "Nghị quyết của Tỉnh ủy Lâm Đồng" in text
    assert "h04_nq" not in text and "chưa có tiêu đề" not in text
