"""Report downloads: GET /api/v1/plans/{id}/report?period=2024&format=docx|pdf|xlsx[&compare=2023]."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from nghiquyet.errors import InputError
from nghiquyet.plans.service import get_plan
from nghiquyet.reports import FORMATS, MEDIA_TYPES, report_filename, write_report
from nghiquyet.units.permissions import require_all_figures
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/plans", tags=["reports"])


# A plain `def`: FastAPI runs it in a worker thread, so rendering (up to a few seconds) never blocks the loop.
@router.get("/{plan_id}/report", response_class=Response,
            responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()},
                             "description": "Tệp báo cáo"}})
def download_report(
    plan_id: int,
    session: DbSession,
    user: CurrentUser,
    period: Annotated[str, Query(description="Kỳ báo cáo: 2024, 2024-H1, 2024-Q1, 2024-03")],
    format: Annotated[str, Query(description="docx, pdf hoặc xlsx")] = "docx",
    compare: Annotated[str | None, Query(description="So sánh với kỳ (docx, xlsx)")] = None,
) -> Response:
    if format not in FORMATS:
        raise InputError(f"Định dạng báo cáo '{format}' không hỗ trợ", hint="dùng docx, pdf hoặc xlsx")
    get_plan(session, plan_id=plan_id, actor=user)  # readers only; 404 for an unknown plan
    require_all_figures(user, "báo cáo toàn kế hoạch")
    with tempfile.TemporaryDirectory(prefix="nq-report-") as tmp:
        path = Path(tmp) / f"report.{format}"
        data = write_report(session, plan_id=plan_id, period=period, fmt=format, path=path,
                            compare_to=compare)
        body = path.read_bytes()
    name = report_filename(plan_id, data.period.code, format, compare)
    return Response(body, media_type=MEDIA_TYPES[format],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
