"""Turn a judged plan (`tracking.plan_status`) into what the dashboard and lists show, with filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from nghiquyet.status import Tally
from nghiquyet.tracking.service import IndicatorStatus, PlanStatus, TargetStatus
from nghiquyet.web.format import GROUP_LABELS, STATUS_LABELS, STATUS_ORDER, target_text, vn_number

DONE = frozenset({"dat", "vuot"})
LAGGING = frozenset({"khong_dat", "nguy_co"})
STATUS_GROUPS: dict[str, frozenset[str]] = {"done": DONE, "lagging": LAGGING}
STATUS_FILTER_LABELS = {"done": "hoàn thành", "lagging": "chậm, có nguy cơ hoặc không đạt"}


@dataclass(frozen=True)
class Filters:
    plan_id: int
    period: str
    unit_id: int | None = None
    status: str | None = None
    group: str | None = None

    def link(self, path: str = "/chi-tieu", **overrides: Any) -> str:
        """A URL to `path` with these filters, some replaced (None drops one)."""
        values: dict[str, Any] = {
            "plan": self.plan_id,
            "period": self.period,
            "unit": self.unit_id,
            "status": self.status,
            "group": self.group,
        }
        values.update(overrides)
        return f"{path}?{urlencode({k: v for k, v in values.items() if v not in (None, '')})}"


def status_matches(status: str, wanted: str | None) -> bool:
    if not wanted:
        return True
    return status in STATUS_GROUPS.get(wanted, frozenset({wanted}))


def filter_indicators(ps: PlanStatus, f: Filters) -> list[IndicatorStatus]:
    return [
        i
        for i in ps.indicators
        if status_matches(i.status, f.status)
        and (f.group is None or i.group == f.group)
        and (f.unit_id is None or f.unit_id in i.lead_unit_ids)
    ]


def reported_note(ind: IndicatorStatus) -> str:
    """"1/4 mức có số liệu" when some of an indicator's targets have no figure yet, else "".

    A target counts as reported once it is judged on a figure (also one withheld from this reader)."""
    n = len(ind.targets)
    k = sum(1 for t in ind.targets if t.actual is not None or t.status != "chua_co_so_lieu")
    return f"{k}/{n} mức có số liệu" if n > 1 and k < n else ""


def rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


@dataclass
class TargetRow:
    indicator_id: int
    label: str | None
    metric: str
    planned: str
    expected: float | None
    actual: float | None
    unit: str | None
    status: str
    rule: str
    explanation: str


def planned_text(t: TargetStatus) -> str:
    """A target's planned level as its row shows it ("≥ 50 doanh nghiệp")."""
    return target_text(t.comparator, t.value, t.value_max, t.unit)


def target_rows(indicators: list[IndicatorStatus]) -> list[TargetRow]:
    """One row per target (an indicator without figures is one row), lagging first."""
    rows: list[TargetRow] = []
    for ind in indicators:
        targets: list[TargetStatus | None] = list(ind.targets) or [None]
        for t in targets:
            if t is None:
                rows.append(
                    TargetRow(
                        ind.id,
                        ind.label,
                        ind.text,
                        "–",
                        None,
                        None,
                        None,
                        ind.status,
                        ind.rule,
                        ind.explanation_vi,
                    )
                )
                continue
            rows.append(
                TargetRow(
                    ind.id,
                    ind.label,
                    t.metric or ind.text,
                    planned_text(t),
                    t.expected,
                    t.actual,
                    t.unit,
                    t.status,
                    t.rule,
                    t.explanation_vi,
                )
            )
    rows.sort(key=lambda r: rank(r.status))  # stable: document order inside each status
    return rows


@dataclass
class TallyRow:
    key: str
    name: str
    id: int | None
    total: int
    complete: int
    lagging: int


def tally_row(key: str, name: str, t: Tally, unit_id: int | None = None) -> TallyRow:
    lagging = sum(t.by_status.get(s, 0) for s in LAGGING)
    return TallyRow(key=key, name=name, id=unit_id, total=t.total, complete=t.complete, lagging=lagging)


def filter_note(f: Filters, unit_names: dict[int, str]) -> str:
    parts = []
    if f.status:
        parts.append(STATUS_FILTER_LABELS.get(f.status) or STATUS_LABELS.get(f.status, f.status).lower())
    if f.unit_id is not None:
        parts.append(f"chủ trì: {unit_names.get(f.unit_id, '?')}")
    if f.group:
        parts.append(f"nhóm {GROUP_LABELS.get(f.group, f.group).lower()}")
    return "; ".join(parts)


@dataclass
class TaskStatusView:
    status: str
    rule: str
    explanation: str


def task_status(progress: float | None, days_overdue: int | None) -> TaskStatusView:
    """How a task stands, from its latest approved progress and whether its deadline has passed."""
    if progress is not None and progress >= 100:
        return TaskStatusView("dat", "task.done", "Đã hoàn thành (tiến độ được duyệt 100%).")
    if days_overdue is not None:
        done = f", tiến độ được duyệt {vn_number(progress)}%" if progress is not None else ", chưa có tiến độ"
        return TaskStatusView("khong_dat", "task.overdue", f"Quá hạn {days_overdue} ngày{done}.")
    if progress is not None:
        return TaskStatusView(
            "dung_tien_do",
            "task.in_progress",
            f"Đang thực hiện, tiến độ được duyệt {vn_number(progress)}%; chưa đến hạn.",
        )
    return TaskStatusView("chua_co_so_lieu", "no_data", "Chưa có báo cáo tiến độ được duyệt.")
