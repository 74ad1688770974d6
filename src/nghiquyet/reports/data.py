"""What a report says, independent of its format: every exporter renders one `ReportData`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from nghiquyet.status import (
    Judgement,
    Period,
    Status,
    Tally,
    TargetSpec,
    judge,
    judge_indicator,
    period_label,
    tally,
)
from nghiquyet.status.fmt import vn_number

GROUP_LABELS = {
    "kinh_te_xa_hoi": "Kinh tế - xã hội",
    "moi_truong": "Tài nguyên - môi trường",
    "quoc_phong_an_ninh": "Quốc phòng - an ninh",
    "xay_dung_dang": "Xây dựng Đảng và hệ thống chính trị",
    "other": "Chỉ tiêu khác",
}
# Order of the groups in a report, as Vietnamese reports list them.
GROUP_ORDER = tuple(GROUP_LABELS)
# Printed appendices (DOCX, PDF) list at most this many raw updates: a province's 300 communes × 20
# targets would be 150 pages nobody reads and take minutes to lay out; the XLSX always has them all.
APPENDIX_LIMIT = 200
# A figure more than ten times its plan (past 1.000% of plan) is nearly always a slip — a wrong unit
# (đồng for tỷ đồng), a misplaced separator — not a result: every format flags it for checking.
DOUBTFUL_RATIO = 10.0
DOUBT_VI = "nghi sai số liệu"


@dataclass(slots=True)
class Header:
    """The top block: who issues, number, place and date; `party` picks the Party or the state layout."""

    issuer_lines: list[str]  # ["TỈNH ỦY LÂM ĐỒNG", "VĂN PHÒNG"]: parent body, then the issuing body
    number: str  # "Số 45-BC/VPTU" or "Số: 45/BC-UBND"
    place: str  # "Lâm Đồng"
    date: date
    party: bool = True

    @property
    def place_date(self) -> str:
        d = self.date
        return f"{self.place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


@dataclass(slots=True)
class Signer:
    capacity: str = "T/M BAN THƯỜNG VỤ"  # T/M (on behalf of), T/L, K/T ...
    position: str = ""
    name: str = ""


@dataclass(slots=True)
class TargetRow:
    number: int  # row number in the report (STT)
    indicator_label: str
    group: str
    metric: str
    plan_text: str  # "từ 14.150 tỷ đồng trở lên"
    plan_value: float | None
    unit: str | None
    actual: float | None
    status: Status
    rule: str
    explanation: str
    lead_unit: str = ""
    note: str = ""  # the lead unit's own explanation (update note)
    target_id: int | None = None

    @property
    def ratio(self) -> float | None:
        """actual / plan value: the "% of plan" column (a fraction)."""
        if self.actual is None or not self.plan_value:
            return None
        return self.actual / self.plan_value

    @property
    def doubtful(self) -> bool:
        """The figure is past 1.000% of plan (DOUBTFUL_RATIO): shown, but flagged as doubtful."""
        ratio = self.ratio
        return ratio is not None and abs(ratio) > DOUBTFUL_RATIO

    @property
    def ratio_text(self) -> str:
        """The "% KH" cell: "102,5%", "41.150% (nghi sai số liệu)", empty without a ratio."""
        ratio = self.ratio
        if ratio is None:
            return ""
        text = f"{vn_number(ratio * 100, 1)}%"
        return f"{text} ({DOUBT_VI})" if self.doubtful else text

    @property
    def doubt_sentence(self) -> str:
        """Why the figure is flagged, for the explanation column; empty when it is not."""
        if not self.doubtful:
            return ""
        return (f"Thực hiện bằng {self.ratio_text.split(' ')[0]} kế hoạch, {DOUBT_VI}: "
                "đề nghị đơn vị kiểm tra lại đơn vị tính và số liệu.")

    @property
    def status_label(self) -> str:
        return self.status.label_vi

    @property
    def lagging_sentence(self) -> str:
        """"<metric>: <why the rule judged so>. Nguyên nhân (<lead unit>): <the unit's note>."."""
        text = f"{self.metric}: {self.explanation}."
        if self.note:
            note = self.note.strip()
            who = f" ({self.lead_unit})" if self.lead_unit else ""
            text += f" Nguyên nhân{who}: {note}{'' if note[-1:] in '.!?' else '.'}"
        return text


@dataclass(slots=True)
class GroupSummary:
    key: str
    label: str
    tally: Tally
    closed: bool

    @property
    def sentence(self) -> str:
        """"Kinh tế - xã hội có 16/19 chỉ tiêu hoàn thành và vượt kế hoạch; 03/19 chỉ tiêu chưa đạt"."""
        t, n = self.tally, self.tally.total
        by = t.by_status
        parts: list[str] = []
        if self.closed or t.complete:
            parts.append(f"{t.complete:02d}/{n:02d} chỉ tiêu hoàn thành và vượt kế hoạch")
        for key, words in (("dung_tien_do", "đúng tiến độ"), ("nguy_co", "có nguy cơ không đạt"),
                           ("khong_dat", "chưa đạt"), ("chua_co_so_lieu", "chưa có số liệu")):
            if by.get(key):
                parts.append(f"{by[key]:02d}/{n:02d} chỉ tiêu {words}")
        return f"{self.label} có " + "; ".join(parts) if parts else f"{self.label}: chưa có chỉ tiêu"


@dataclass(slots=True)
class TaskRow:
    number: int
    label: str
    title: str
    lead_unit: str
    deadline: date | None
    progress: float | None  # percent 0..100, the latest approved figure
    note: str = ""
    overdue: bool = False

    @property
    def progress_text(self) -> str:
        return "Chưa báo cáo" if self.progress is None else f"{self.progress:.0f}%"


@dataclass(slots=True)
class ReportingRow:
    """How the units reported for one reporting period of the plan (tình hình báo cáo)."""

    period_label: str  # "Quý I/2024"
    due: date
    expected: int  # reports owed (due by the report's day)
    received: int
    on_time: int
    late: int
    missing: int
    units: int  # units owing a report for the period
    units_on_time: int  # of them, those that sent every report by the due date

    @property
    def on_time_text(self) -> str:
        """"3/4 đơn vị (75%)": the share of units that reported on time; "–" when none owed yet."""
        if not self.units or not self.expected:
            return "–"
        share = vn_number(round(100 * self.units_on_time / self.units, 1))
        return f"{self.units_on_time}/{self.units} đơn vị ({share}%)"


@dataclass(slots=True)
class UpdateRow:
    unit: str
    item: str  # the target's metric or the task's title
    period: str
    value: float | None
    unit_of_measure: str | None
    progress: float | None
    note: str
    state: str
    decided_at: date | None = None

    @property
    def period_label(self) -> str:
        """"Quý II/2024": the stored code ("2024-Q2") is never printed."""
        return period_label(self.period)


@dataclass(slots=True)
class ReportData:
    header: Header
    subject: str  # the line under "BÁO CÁO"
    period: Period
    plan_title: str
    closed: bool  # the period reported closes the plan's targets (final statuses)
    groups: list[GroupSummary]
    rows: list[TargetRow]
    tasks: list[TaskRow] = field(default_factory=list)
    updates: list[UpdateRow] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    recipients: list[str] = field(default_factory=list)
    tally: Tally = field(default_factory=lambda: tally([]))
    title: str = "BÁO CÁO"
    reporting: list[ReportingRow] = field(default_factory=list)  # per reporting period, calendar order

    @property
    def period_label(self) -> str:
        return self.period.label_vi

    @property
    def summary_sentence(self) -> str:
        """The opening line: results once the plan's period has closed, progress inside it."""
        t, by = self.tally, self.tally.by_status
        label = _lower_first(self.period.label_vi)
        if self.closed:
            return f"Trong {label}, có {t.complete:02d}/{t.total:02d} chỉ tiêu hoàn thành và vượt kế hoạch."
        on_track = t.complete + by.get("dung_tien_do", 0)
        text = (f"Đến hết {label}, có {on_track:02d}/{t.total:02d} chỉ tiêu đúng tiến độ hoặc đã hoàn thành; "
                f"{by.get('nguy_co', 0):02d}/{t.total:02d} chỉ tiêu có nguy cơ không đạt")
        if by.get("chua_co_so_lieu"):
            text += f"; {by['chua_co_so_lieu']:02d}/{t.total:02d} chỉ tiêu chưa có số liệu"
        return text + "."

    @property
    def reporting_sentence(self) -> str:
        """The reports owed by the report's day, in one sentence (tình hình báo cáo của các đơn vị)."""
        owed = sum(r.expected for r in self.reporting)
        if not owed:
            return "Chưa có kỳ báo cáo nào đến hạn trong kỳ."
        sent = sum(r.received for r in self.reporting)
        on_time = sum(r.on_time for r in self.reporting)
        late = sum(r.late for r in self.reporting)
        missing = sum(r.missing for r in self.reporting)
        return (f"Các đơn vị chủ trì phải gửi {owed} báo cáo đã đến hạn, đã gửi {sent} "
                f"({on_time} đúng hạn, {late} trễ hạn), chưa gửi {missing}.")

    @property
    def overview(self) -> list[str]:
        return [g.sentence for g in self.groups]

    @property
    def lagging(self) -> list[TargetRow]:
        """Targets not reached or at risk, with the lead unit's explanation."""
        return [r for r in self.rows if r.status in (Status.khong_dat, Status.nguy_co)]

    @property
    def appendix(self) -> list[UpdateRow]:
        """The raw updates a printed report lists (see APPENDIX_LIMIT)."""
        return self.updates[:APPENDIX_LIMIT]

    @property
    def appendix_omitted(self) -> int:
        return max(0, len(self.updates) - APPENDIX_LIMIT)

    @property
    def missing(self) -> list[TargetRow]:
        return [r for r in self.rows if r.status is Status.chua_co_so_lieu]


@dataclass(slots=True)
class TargetInput:
    """One target as the report builder needs it: the plan's words, the figure, who leads."""

    indicator_key: str  # groups targets into indicators (e.g. the indicator id)
    indicator_label: str
    group: str
    metric: str
    spec: TargetSpec
    actual: float | None
    lead_unit: str = ""
    note: str = ""
    target_id: int | None = None
    judgement: Judgement | None = None  # when the caller already judged it (H4's plan_status)


def assemble(
    *,
    header: Header,
    plan_title: str,
    period: Period,
    plan_end: date,
    targets: list[TargetInput],
    tasks: list[TaskRow] | None = None,
    updates: list[UpdateRow] | None = None,
    signer: Signer | None = None,
    recipients: list[str] | None = None,
    subject: str | None = None,
    as_of: date | None = None,
    indicator_statuses: dict[str, Status] | None = None,
    closed: bool | None = None,
) -> ReportData:
    """Judge every target, group indicators into the overview, and return the report's data.

    A report of a stored plan passes what `tracking.plan_status` decided (each target's judgement,
    `indicator_statuses` by indicator key, `closed`), so it says what the pages say; only a report
    built from bare figures (the sample) is judged here.
    """
    rows: list[TargetRow] = []
    per_indicator: dict[str, list[Judgement]] = {}
    indicator_group: dict[str, str] = {}
    for i, t in enumerate(targets, 1):
        j = t.judgement or judge(t.spec, t.actual, period=period, plan_end=plan_end, as_of=as_of)
        per_indicator.setdefault(t.indicator_key, []).append(j)
        indicator_group[t.indicator_key] = t.group
        rows.append(TargetRow(
            number=i, indicator_label=t.indicator_label, group=t.group, metric=t.metric,
            plan_text=t.spec.plan_text(), plan_value=t.spec.value, unit=t.spec.unit, actual=t.actual,
            status=j.status, rule=j.rule, explanation=j.explanation_vi, lead_unit=t.lead_unit, note=t.note,
            target_id=t.target_id,
        ))
    if closed is None:
        closed = (period.end if as_of is None else min(period.end, as_of)) >= plan_end
    statuses = {k: (indicator_statuses or {}).get(k) or judge_indicator(js).status
                for k, js in per_indicator.items()}
    groups = []
    for key in sorted({*indicator_group.values()}, key=_group_rank):
        members = [s for k, s in statuses.items() if indicator_group[k] == key]
        groups.append(GroupSummary(key, GROUP_LABELS.get(key, key), tally(members), closed))
    return ReportData(
        header=header,
        subject=subject or default_subject(plan_title, period),
        period=period,
        plan_title=plan_title,
        closed=closed,
        groups=groups,
        rows=rows,
        tasks=tasks or [],
        updates=updates or [],
        signer=signer or Signer(),
        recipients=recipients or ["Như trên", "Lưu Văn phòng"],
        tally=tally(list(statuses.values())),
    )


def default_subject(plan_title: str, period: Period) -> str:
    """"Kết quả thực hiện <plan> quý I/2024"; the period is left out when the title already says it."""
    label = _lower_first(period.label_vi)
    if label.lower() in plan_title.lower():
        return f"Kết quả thực hiện {plan_title}"
    return f"Kết quả thực hiện {plan_title} {label}"


def _group_rank(key: str) -> int:
    return GROUP_ORDER.index(key) if key in GROUP_ORDER else len(GROUP_ORDER)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
