"""Phần giao: the office gives each unit below its share of a target, changes it, or takes it back.

The whole table is sent at once and written by `set_shares` (one transaction, one audit event):
every row is read and checked first, so a wrong row writes nothing and the page comes back with
what was typed beside the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.extract.figures.numbers import parse_vn_number
from nghiquyet.plans.models import Indicator, Target
from nghiquyet.tracking.models import TargetShare
from nghiquyet.tracking.shares import ShareSpec, set_shares
from nghiquyet.units.service import list_units
from nghiquyet.web.deps import DbSession
from nghiquyet.web.format import labelled, target_text, vn_number
from nghiquyet.web.pages.common import PageRoute, render, require_office
from nghiquyet.web.pages.periods import parse_id

router = APIRouter(route_class=PageRoute)
BLANK_ROWS = 3  # empty rows for new shares under the current ones


@dataclass
class ShareRow:
    """One line of the form, as shown or as typed."""

    unit_id: str = ""
    value: str = ""
    value_max: str = ""
    note: str = ""
    remove: bool = False
    error: str | None = None


def _target(session: Session, target_id: int) -> tuple[Target, Indicator]:
    target = session.get(Target, target_id)
    indicator = session.get(Indicator, target.indicator_id) if target is not None else None
    if target is None or indicator is None:
        raise NotFoundError(f"Không tìm thấy mức chỉ tiêu #{target_id}.")
    return target, indicator


def _stored_rows(session: Session, target_id: int) -> list[ShareRow]:
    shares = session.scalars(select(TargetShare).where(TargetShare.target_id == target_id)
                             .order_by(TargetShare.id))
    return [ShareRow(str(s.unit_id), vn_number(s.value),
                     vn_number(s.value_max) if s.value_max is not None else "", s.note or "")
            for s in shares]


def _number(text: str, what: str) -> float | None:
    raw = text.strip()
    if not raw:
        return None
    try:
        return parse_vn_number(raw)
    except ValueError:
        raise InputError(f"{what} “{raw}” không phải là số. Hãy viết theo kiểu Việt Nam, "
                         "ví dụ 1.234,5.") from None


def read_rows(rows: list[ShareRow]) -> list[ShareSpec]:
    """The shares the form asks for; each wrong row gets its reason, and InputError says how many."""
    specs: list[ShareSpec] = []
    for row in rows:
        if row.remove or not (row.unit_id or row.value.strip() or row.value_max.strip()):
            continue  # taken back, or a blank line
        try:
            unit_id = parse_id(row.unit_id)
            if unit_id is None:
                raise InputError("Hãy chọn đơn vị nhận phần chỉ tiêu này.")
            value = _number(row.value, "Phần được giao")
            if value is None:
                raise InputError("Hãy nhập phần chỉ tiêu giao cho đơn vị.")
            specs.append(ShareSpec(unit_id, value, _number(row.value_max, "Mức trên"),
                                   row.note.strip() or None))
        except InputError as exc:
            row.error = exc.message
    wrong = sum(1 for r in rows if r.error)
    if wrong:
        raise InputError(f"Chưa lưu: {wrong} dòng chưa đúng, xem lý do ở từng dòng.")
    return specs


def _page(request: Request, session: Session, user: User, target: Target, indicator: Indicator,
          rows: list[ShareRow], *, error: str | None = None, saved: bool = False,
          status_code: int = 200) -> HTMLResponse:
    return render(
        request, "plans/shares_edit.html", user, status_code=status_code, active="indicators",
        target=target, indicator=indicator, title=labelled(indicator.label, target.metric or indicator.text),
        planned=target_text(target.comparator, target.value, target.value_max, target.unit),
        units=list_units(session, actor=user), rows=rows + [ShareRow() for _ in range(BLANK_ROWS)],
        error=error, saved=saved, today=date.today())


@router.get("/muc-chi-tieu/{target_id}/phan-giao", response_class=HTMLResponse)
def shares_page(request: Request, target_id: int, session: DbSession, da_luu: str | None = None,
                user: User = Depends(require_office)) -> HTMLResponse:
    target, indicator = _target(session, target_id)
    return _page(request, session, user, target, indicator, _stored_rows(session, target_id),
                 saved=bool(da_luu))


def _typed_rows(form: Any) -> list[ShareRow]:
    count = min(parse_id(str(form.get("rows") or "")) or 0, 5000)
    removed = set(form.getlist("remove"))
    return [ShareRow(str(form.get(f"unit_{i}") or ""), str(form.get(f"value_{i}") or ""),
                     str(form.get(f"max_{i}") or ""), str(form.get(f"note_{i}") or ""), str(i) in removed)
            for i in range(count)]


@router.post("/muc-chi-tieu/{target_id}/phan-giao", response_class=HTMLResponse)
async def save_shares(request: Request, target_id: int, session: DbSession,
                      user: User = Depends(require_office)) -> Response:
    target, indicator = _target(session, target_id)
    rows = _typed_rows(await request.form())
    try:
        set_shares(session, target_id=target_id, actor=user, shares=read_rows(rows))
    except (InputError, ConflictError, NotFoundError) as exc:
        session.rollback()  # nothing of the table is written when one row is wrong
        target, indicator = _target(session, target_id)
        kept = [r for r in rows if r.unit_id or r.value.strip() or r.value_max.strip() or r.note.strip()]
        return _page(request, session, user, target, indicator, kept, error=exc.message, status_code=400)
    return RedirectResponse(f"/muc-chi-tieu/{target_id}/phan-giao?da_luu=1", status_code=303)
