"""Việc của tôi: a unit reporter's items, the entry form (Vietnamese numbers), evidence, submit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from starlette.datastructures import UploadFile  # what request.form() yields (FastAPI's is a subclass)

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.db.versions import StaleVersion, stale_message
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.extract.figures.numbers import parse_vn_number
from nghiquyet.plans.models import Indicator, Plan, Target, Task
from nghiquyet.reminders.due import due_work
from nghiquyet.tracking.models import Assignment, TargetShare, Update
from nghiquyet.tracking.service import (
    attach_evidence,
    create_update,
    edit_update,
    list_assignments,
    list_updates,
    submit_update,
)
from nghiquyet.web.deps import AppSettings, DbSession
from nghiquyet.web.format import labelled, target_text, vn_number
from nghiquyet.web.pages.approvals import approval_rows
from nghiquyet.web.pages.common import PageRoute, is_htmx, render, require_unit_user
from nghiquyet.web.pages.periods import choose_plan, due_periods, label_of, period_choices, pick_period

router = APIRouter(route_class=PageRoute)
EDITABLE = ("draft", "returned")
DUE_SHOWN = 6  # the latest periods; older ones stay reachable through the period list
KINDS = {"chi-tieu": "target", "nhiem-vu": "task"}


@dataclass
class EntryRow:
    kind: str  # "chi-tieu" (a target) or "nhiem-vu" (a task): the URL segment
    item_id: int
    title: str
    href: str
    role: str
    deadline: date | None
    planned: str
    unit: str | None
    update: Update | None
    form_value: str = ""
    form_note: str = ""
    error: str | None = None
    due: list[tuple[str, str, str | None]] = field(default_factory=list)  # (period, label, state or None)

    @property
    def row_id(self) -> str:
        return f"{self.kind}-{self.item_id}"

    @property
    def editable(self) -> bool:
        return self.update is None or self.update.state in EDITABLE


@dataclass
class ReturnedView:
    href: str
    item: str
    period_label: str
    reason: str


def _current(updates: list[Update]) -> dict[tuple[str, int], Update]:
    """The newest version per item (updates come newest first)."""
    out: dict[tuple[str, int], Update] = {}
    for u in updates:
        key = ("chi-tieu", u.target_id) if u.target_id is not None else ("nhiem-vu", u.task_id or 0)
        out.setdefault(key, u)
    return out


def _prefill(row: EntryRow) -> EntryRow:
    u = row.update
    if u is not None:
        number = u.value if row.kind == "chi-tieu" else u.progress
        row.form_value = vn_number(number) if number is not None else ""
        row.form_note = u.note or ""
    return row


def _history(session: Session, user: User, plan_id: int | None) -> dict[tuple[str, int, str], str]:
    """The newest state of each (item, period) the unit reported in this plan."""
    states: dict[tuple[str, int, str], str] = {}
    for u in list_updates(session, actor=user, unit_id=user.unit_id, plan_id=plan_id):  # newest first
        kind = "chi-tieu" if u.target_id is not None else "nhiem-vu"
        states.setdefault((kind, u.target_id or u.task_id or 0, u.period), u.state)
    return states


def _with_due(rows: list[EntryRow], due: list[str], history: dict[tuple[str, int, str], str]) -> None:
    for row in rows:
        row.due = [(code, label_of(code), history.get((row.kind, row.item_id, code))) for code in due]


def _load_items(session: Session, assignments: list[Assignment]) -> list[Indicator | Task]:
    """The assigned indicators (with their targets) and tasks in two queries, not three per row: the
    rows then find them in the session. The caller holds the list: the session keeps only weak
    references, and an object nobody holds is gone before its row asks for it."""
    indicator_ids = {a.indicator_id for a in assignments if a.indicator_id is not None}
    task_ids = {a.task_id for a in assignments if a.task_id is not None}
    loaded: list[Indicator | Task] = []
    if indicator_ids:
        loaded += session.scalars(select(Indicator).options(selectinload(Indicator.targets))
                                  .where(Indicator.id.in_(indicator_ids))).all()
    if task_ids:
        loaded += session.scalars(select(Task).where(Task.id.in_(task_ids))).all()
    return loaded


def _rows(
    session: Session, user: User, plan: Plan | None, period: str
) -> tuple[list[EntryRow], list[EntryRow]]:
    plan_id = plan.id if plan else None
    assignments = list_assignments(session, actor=user, unit_id=user.unit_id, plan_id=plan_id)
    items = _load_items(session, assignments)
    # with_evidence: each row lists its files (one query for all, not one per row).
    current = _current(list_updates(session, actor=user, unit_id=user.unit_id, period=period,
                                    with_evidence=True))
    targets: list[EntryRow] = []
    tasks: list[EntryRow] = []
    for a in assignments:
        if a.indicator is not None:
            for t in a.indicator.targets:
                title = labelled(a.indicator.label, t.metric or a.indicator.text)
                targets.append(
                    _prefill(
                        EntryRow(
                            "chi-tieu",
                            t.id,
                            title,
                            f"/chi-tieu/{a.indicator.id}",
                            a.role,
                            a.deadline,
                            target_text(t.comparator, t.value, t.value_max, t.unit),
                            t.unit,
                            current.get(("chi-tieu", t.id)),
                        )
                    )
                )
        elif a.task is not None:
            title = labelled(a.task.label, a.task.title or a.task.text)
            tasks.append(
                _prefill(
                    EntryRow(
                        "nhiem-vu",
                        a.task.id,
                        title,
                        f"/nhiem-vu/{a.task.id}",
                        a.role,
                        a.deadline or a.task.deadline,
                        "",
                        None,
                        current.get(("nhiem-vu", a.task.id)),
                    )
                )
            )
    del items  # the rows now hold what they use
    shown = {row.item_id for row in targets}
    targets += [row for row in _share_rows(session, user, plan_id, current) if row.item_id not in shown]
    history = _history(session, user, plan_id)
    due = due_periods(plan, date.today())[-DUE_SHOWN:]
    _with_due(targets, due, history)
    _with_due(tasks, due, history)
    return targets, tasks


def _share_rows(session: Session, user: User, plan_id: int | None,
                current: dict[tuple[str, int], Update]) -> list[EntryRow]:
    """The targets the unit holds a share of: reported like an assigned target, planned at its share."""
    query = (select(TargetShare, Target, Indicator).join(Target, Target.id == TargetShare.target_id)
             .join(Indicator, Indicator.id == Target.indicator_id)
             .where(TargetShare.unit_id == user.unit_id).order_by(Target.position, Target.id))
    if plan_id is not None:
        query = query.where(TargetShare.plan_id == plan_id)
    return [_prefill(EntryRow("chi-tieu", t.id, labelled(i.label, t.metric or i.text), f"/chi-tieu/{i.id}",
                              "share", None, target_text(t.comparator, s.value, s.value_max, t.unit), t.unit,
                              current.get(("chi-tieu", t.id))))
            for s, t, i in session.execute(query)]


def _unit_plans(session: Session, user: User) -> list[Plan]:
    """Plans the unit holds items or shares of targets in, newest first."""
    held = set(session.scalars(select(TargetShare.plan_id).where(TargetShare.unit_id == user.unit_id)))
    ids = sorted(
        {a.plan_id for a in list_assignments(session, actor=user, unit_id=user.unit_id)} | held, reverse=True
    )
    return [p for p in (session.get(Plan, i) for i in ids) if p is not None]


def _page_context(session: Session, user: User, plan_id: str | None, period: str | None) -> dict[str, Any]:
    today = date.today()
    plans = _unit_plans(session, user)
    plan = choose_plan(plans, plan_id)
    code = pick_period(period, plan, today)
    targets, tasks = _rows(session, user, plan, code)
    returned = []
    given_back = list_updates(session, actor=user, unit_id=user.unit_id, state="returned")
    # The item's own wording, whichever plan it belongs to (all rows read at once).
    for u, row in zip(given_back, approval_rows(session, given_back), strict=True):
        kind = "chi-tieu" if u.target_id else "nhiem-vu"
        href = f"/viec-cua-toi?plan={u.plan_id}&period={u.period}#row-{kind}-{u.target_id or u.task_id}"
        returned.append(ReturnedView(href, row.title, label_of(u.period), u.return_reason or ""))
    return {
        "plans": plans,
        "plan": plan,
        "period": code,
        "period_label": label_of(code),
        "periods": period_choices(plan, today),
        "target_rows": targets,
        "task_rows": tasks,
        "returned": returned,
    }


@router.get("/viec-cua-toi", response_class=HTMLResponse)
def my_work(
    request: Request,
    session: DbSession,
    plan: str | None = None,
    period: str | None = None,
    user: User = Depends(require_unit_user),
) -> HTMLResponse:
    return render(
        request,
        "tracking/mine.html",
        user,
        active="mine",
        title="Việc của tôi",
        **_page_context(session, user, plan, period),
        # Every plan of the unit, not only the one chosen: late work of another plan is not hidden.
        due=due_work(session, actor=user, today=date.today()),
        show_unit=False,
    )


def read_figure(text: str, kind: str) -> float:
    """The figure typed in the form, read the Vietnamese way; InputError with a clear message otherwise."""
    raw = text.strip()
    if not raw:
        raise InputError("Hãy nhập số liệu thực hiện." if kind == "chi-tieu" else "Hãy nhập tiến độ (%).")
    try:
        value = parse_vn_number(raw.rstrip("%").strip())
    except ValueError:
        raise InputError(
            f"“{raw}” không phải là số. Hãy viết theo kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, "
            "dấu phẩy trước phần thập phân, ví dụ 1.234,5."
        ) from None
    if kind == "nhiem-vu" and not 0 <= value <= 100:
        raise InputError(f"Tiến độ phải từ 0 đến 100%, không phải {vn_number(value)}.")
    return value


def _save(
    session: Session,
    user: User,
    settings: Settings,
    kind: str,
    item_id: int,
    period: str,
    value: float,
    note: str,
    files: list[UploadFile],
    datas: list[bytes],
    submit: bool,
    shown_version: int | None = None,
) -> Update:
    is_target = kind == "chi-tieu"
    existing = _current(
        list_updates(
            session,
            actor=user,
            unit_id=user.unit_id,
            period=period,
            target_id=item_id if is_target else None,
            task_id=None if is_target else item_id,
        )
    ).get((kind, item_id))
    figure = value if is_target else None
    progress = None if is_target else value
    if existing is None:
        update = create_update(
            session,
            actor=user,
            period=period,
            note=note or None,
            target_id=item_id if is_target else None,
            task_id=None if is_target else item_id,
            value=figure,
            progress=progress,
        )
    elif existing.state in EDITABLE:
        # The form carries the version it showed (0: no report yet): a colleague's save since then wins.
        if shown_version is not None and shown_version != existing.row_version:
            raise StaleVersion(stale_message("Báo cáo kỳ này", existing.row_version)
                               + ". Số liệu đang lưu hiện ở trên; hãy xem lại rồi lưu lần nữa.",
                               version=existing.row_version)
        update = edit_update(
            session, update_id=existing.id, actor=user, note=note or None, value=figure, progress=progress
        )
    else:
        raise ConflictError("Báo cáo kỳ này đã gửi hoặc đã duyệt, không sửa được nữa.")
    for f, data in zip(files, datas, strict=True):
        if data:
            attach_evidence(
                session,
                update_id=update.id,
                filename=f.filename or "minh-chung",
                data=data,
                actor=user,
                settings=settings,
            )
    if submit:
        update = submit_update(session, update_id=update.id, actor=user)
    return update


def _shown_version(raw: object) -> int | None:
    """The hidden field's version; None when a form (or a script) sent none."""
    text = str(raw or "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


@router.post("/viec-cua-toi/{kind}/{item_id}", response_class=HTMLResponse)
async def save_entry(
    request: Request,
    kind: str,
    item_id: int,
    session: DbSession,
    settings: AppSettings,
    user: User = Depends(require_unit_user),
) -> Response:
    if kind not in KINDS:
        raise NotFoundError("Không có loại mục này.")
    form = await request.form()
    period = str(form.get("period") or "")
    typed = str(form.get("value") or form.get("progress") or "")
    note = str(form.get("note") or "").strip()
    files = [f for f in form.getlist("evidence") if isinstance(f, UploadFile) and f.filename]
    datas = [await f.read() for f in files]
    submit = form.get("action") != "draft"
    ctx = _page_context(session, user, str(form.get("plan") or ""), period)
    error: str | None = None
    message: str | None = None
    try:
        value = read_figure(typed, kind)
        _save(session, user, settings, kind, item_id, ctx["period"], value, note, files, datas, submit,
              _shown_version(form.get("row_version")))
        session.expire_all()  # reload the update with the evidence rows just attached
        message = "Đã gửi duyệt." if submit else "Đã lưu nháp."
    except (InputError, ConflictError) as exc:
        error = exc.message
        session.rollback()
    if error is None and not is_htmx(request):
        plan_id = ctx["plan"].id if ctx["plan"] else ""
        return RedirectResponse(f"/viec-cua-toi?plan={plan_id}&period={ctx['period']}", status_code=303)
    ctx = _page_context(session, user, str(form.get("plan") or ""), ctx["period"])
    rows: list[EntryRow] = ctx["target_rows"] + ctx["task_rows"]
    row = next((r for r in rows if r.kind == kind and r.item_id == item_id), None)
    if row is None:
        raise NotFoundError("Đơn vị không được giao mục này.")
    if error is not None:  # keep what was typed, beside the reason
        row.error, row.form_value, row.form_note = error, typed, note
    if not is_htmx(request):
        return render(request, "tracking/mine.html", user, status_code=400, active="mine", **ctx,
                      due=due_work(session, actor=user, today=date.today()), show_unit=False)
    return render(request, "tracking/_entry_saved.html", user, row=row, message=message, **ctx,
                  due=due_work(session, actor=user, today=date.today()), show_unit=False)
