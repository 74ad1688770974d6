"""Giải trình and khó khăn, vướng mắc pages: the panel on each item page, the office's list of blockers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import InputError, PermissionDenied
from nghiquyet.explanations import blockers as bl
from nghiquyet.explanations.items import ITEM_WORDS, assigned_units, find_item, item_link
from nghiquyet.explanations.service import ASKERS, requests_for_item
from nghiquyet.reminders import followup
from nghiquyet.reminders.service import LOCAL_TZ
from nghiquyet.tracking.flags import open_flags
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import MANAGERS, require_reader
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_user

router = APIRouter(route_class=PageRoute)
STATE_LABELS = {"open": "Đang chờ", "answered": "Đã giải trình", "closed": "Đã xử lý"}


def _now() -> dt.datetime:
    return dt.datetime.now(LOCAL_TZ)


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {u.id: u.full_name or u.username for u in session.scalars(select(User).where(User.id.in_(wanted)))}


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError("Hạn giải trình phải là một ngày (dd/mm/yyyy)") from exc


def _back(item_type: str, item_id: int) -> Response:
    return RedirectResponse(f"{item_link(item_type, item_id)}#giai-trinh", status_code=303)


@router.get("/chi-tieu/{item_id}/giai-trinh", response_class=HTMLResponse)
def indicator_panel(
    request: Request, item_id: int, session: DbSession, user: User = Depends(require_user)
) -> HTMLResponse:
    return _panel(request, session, user, "indicator", item_id)


@router.get("/nhiem-vu/{item_id}/giai-trinh", response_class=HTMLResponse)
def task_panel(
    request: Request, item_id: int, session: DbSession, user: User = Depends(require_user)
) -> HTMLResponse:
    return _panel(request, session, user, "task", item_id)


def _panel(request: Request, session: Session, user: User, item_type: str, item_id: int) -> HTMLResponse:
    """The fragment the item page loads: requests and answers, blockers, and the forms this user may use."""
    require_reader(user)
    ref = find_item(session, item_type, item_id)
    requests = requests_for_item(session, actor=user, item_type=item_type, item_id=item_id)
    blockers = bl.list_blockers(session, actor=user, state=None, item_type=item_type, item_id=item_id)
    held = assigned_units(session, ref)
    units = list(session.scalars(select(Unit).where(Unit.id.in_(held)).order_by(Unit.name))) if held else []
    own = session.get(Unit, user.unit_id) if user.role == "unit" and user.unit_id in held else None
    names = _names(session, {r.requested_by for r in requests} | {r.answered_by for r in requests})
    return render(
        request,
        "followup/_panel.html",
        user,
        ref=ref,
        word=ITEM_WORDS[item_type],
        requests=requests,
        blockers=blockers,
        names=names,
        labels=STATE_LABELS,
        can_ask=user.role in ASKERS,
        ask_units=units,
        answer_ids={
            r.id
            for r in requests
            if r.state == "open"
            and (user.role in MANAGERS or (user.role == "unit" and user.unit_id == r.unit_id))
        },
        raise_unit=own,
        raise_to=bl.ancestors(session, own) if own is not None else [],
        today=_now().date(),
    )


@router.post("/giai-trinh")
def ask(
    session: DbSession,
    item_type: Annotated[str, Form()],
    item_id: Annotated[int, Form(ge=1, le=2_147_483_647)],
    unit_id: Annotated[int, Form(ge=1, le=2_147_483_647)],
    question: Annotated[str, Form()],
    due: Annotated[str, Form()],
    user: User = Depends(require_user),
) -> Response:
    followup.ask_to_explain(
        session,
        actor=user,
        item_type=item_type,
        item_id=item_id,
        unit_id=unit_id,
        question=question,
        due=_date(due),
        now=_now(),
    )
    return _back(item_type, item_id)


@router.post("/giai-trinh/{request_id}/tra-loi")
def answer(
    request_id: int, session: DbSession, answer: Annotated[str, Form()], user: User = Depends(require_user)
) -> Response:
    req = followup.answer_explanation(session, actor=user, request_id=request_id, answer=answer, now=_now())
    return _back(req.item_type, req.item_id)


@router.post("/kho-khan")
def raise_blocker(
    session: DbSession,
    item_type: Annotated[str, Form()],
    item_id: Annotated[int, Form(ge=1, le=2_147_483_647)],
    unit_id: Annotated[int, Form(ge=1, le=2_147_483_647)],
    to: Annotated[str, Form()],
    title: Annotated[str, Form()],
    detail: Annotated[str, Form()] = "",
    user: User = Depends(require_user),
) -> Response:
    followup.raise_blocker(
        session,
        actor=user,
        item_type=item_type,
        item_id=item_id,
        unit_id=unit_id,
        to=to,
        title=title,
        detail=detail,
        now=_now(),
    )
    return _back(item_type, item_id)


def _rows(session: Session, blockers: list[Any]) -> list[dict[str, Any]]:
    labels: dict[tuple[str, int], str] = {}
    rows = []
    for b in blockers:
        key = (b.item_type, b.item_id)
        if key not in labels:
            labels[key] = find_item(session, *key).label
        rows.append({"b": b, "item": labels[key], "link": item_link(*key)})
    return rows


@router.get("/kho-khan", response_class=HTMLResponse)
def blockers_page(
    request: Request,
    session: DbSession,
    state: str = "open",
    unit: str | None = None,
    user: User = Depends(require_user),
) -> HTMLResponse:
    """Open (or closed) blockers grouped by item, with the raising unit and the addressee."""
    unit_id = int(unit) if unit and unit.isdigit() else None
    every = bl.list_blockers(session, actor=user, state=state if state in ("open", "closed") else None)
    units = sorted({(b.unit_id, b.unit.name) for b in every}, key=lambda u: u[1])
    shown = [b for b in every if unit_id is None or b.unit_id == unit_id]
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in _rows(session, shown):
        groups.setdefault((row["b"].item_type, row["b"].item_id), []).append(row)
    return render(
        request,
        "followup/blockers.html",
        user,
        active="blockers",
        title="Khó khăn, vướng mắc",
        groups=list(groups.values()),
        units=units,
        unit=unit_id,
        state=state,
        labels=STATE_LABELS,
        total=len(shown),
        # Doubted figures are open issues too: listed here as on their target pages.
        flags=open_flags(session, actor=user) if state != "closed" else [],
    )


@router.get("/kho-khan/{blocker_id}", response_class=HTMLResponse)
def blocker_page(
    request: Request, blocker_id: int, session: DbSession, user: User = Depends(require_user)
) -> HTMLResponse:
    blocker = bl.get_blocker(session, blocker_id)
    visible = bl.list_blockers(
        session,
        actor=user,
        state=None,
        unit_id=blocker.unit_id,
        item_type=blocker.item_type,
        item_id=blocker.item_id,
    )
    if blocker not in visible:
        raise PermissionDenied("Khó khăn, vướng mắc này không thuộc đơn vị của đồng chí")
    (row,) = _rows(session, [blocker])
    names = _names(session, {blocker.raised_by, blocker.closed_by})
    return render(
        request,
        "followup/blocker.html",
        user,
        active="blockers",
        title="Khó khăn, vướng mắc",
        row=row,
        names=names,
        labels=STATE_LABELS,
        can_close=bl.can_resolve(user, blocker),
    )


@router.post("/kho-khan/{blocker_id}/dong")
def close(
    blocker_id: int, session: DbSession, decision: Annotated[str, Form()], user: User = Depends(require_user)
) -> Response:
    followup.close_blocker(session, actor=user, blocker_id=blocker_id, decision=decision, now=_now())
    return RedirectResponse(f"/kho-khan/{blocker_id}", status_code=303)
