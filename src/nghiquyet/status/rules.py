"""Judge one target for one period (docs/status.md); pure, no storage.

What "reached" means is fixed by the comparator; what "vượt" (exceeded) means is one rule for all.

| comparator | reached (good direction up)        | the plan's figure F                     |
|------------|------------------------------------|-----------------------------------------|
| gte, eq    | actual ≥ value                     | value                                   |
| approx     | actual ≥ value × (1 − 2%)          | value                                   |
| range      | actual ≥ value (the low end)       | value_max (the far end)                 |
| gt         | actual > value                     | value                                   |
| lt, lte    | actual < value / actual ≤ value    | value (good direction down)             |

Vượt kế hoạch: the target is reached AND the figure is beyond F, in the good direction, by more than
EXCEED_MARGIN (2%) of F. Within that margin it is "đạt": the wording ("trên", "từ ... trở lên",
"khoảng", a bare figure) never decides, only how far past the plan the figure lands, so "trên 8%"
and "56 triệu đồng" met at 108% of plan are both vượt, and both only đạt at 101%.

For a target whose good direction is down (a ceiling, a level such as the poverty rate), the
inequalities flip. A decrease target ("giảm 1,0 - 1,5%") is reported as the size of the
decrease, so its direction stays up. Once the period closes the outcome is vuot/dat/khong_dat;
inside it the same test is applied to the expected figure so far (`dung_tien_do` or `nguy_co`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import partial
from typing import Literal

from nghiquyet.status.fmt import vn_number, with_unit
from nghiquyet.status.period import Period, elapsed_fraction

Direction = Literal["up", "down"]
Kind = Literal["cumulative", "level"]
Outcome = Literal["exceeded", "reached", "missed"]

# "khoảng X" is met within 2% of X (relative): wide enough for rounding in the units' figures
# (a "khoảng 1.000 tỷ" target met by 985), narrow enough that a 5% shortfall still counts as missed.
APPROX_TOLERANCE = 0.02
# "Vượt" needs more than rounding: a figure within 2% past the plan's is "đạt" whatever the wording
# (the same margin as "khoảng", so "khoảng 56" and "56" read alike at 101% and at 108% of plan).
EXCEED_MARGIN = 0.02
COMPARATORS = ("eq", "gt", "gte", "lt", "lte", "approx", "range")


class Status(StrEnum):
    vuot = "vuot"
    dat = "dat"
    khong_dat = "khong_dat"
    dung_tien_do = "dung_tien_do"
    nguy_co = "nguy_co"
    chua_co_so_lieu = "chua_co_so_lieu"

    @property
    def label_vi(self) -> str:
        return _LABELS[self]

    @property
    def goodness(self) -> int:
        """Higher is better; `chua_co_so_lieu` is -1 (not comparable)."""
        return _GOODNESS[self]

    @property
    def complete(self) -> bool:
        """Counts as "hoàn thành" in a tally."""
        return self in (Status.dat, Status.vuot)


_LABELS = {
    Status.vuot: "Vượt kế hoạch",
    Status.dat: "Đạt",
    Status.khong_dat: "Không đạt",
    Status.dung_tien_do: "Đúng tiến độ",
    Status.nguy_co: "Có nguy cơ không đạt",
    Status.chua_co_so_lieu: "Chưa có số liệu",
}
_GOODNESS = {
    Status.khong_dat: 0, Status.nguy_co: 1, Status.dung_tien_do: 2, Status.dat: 3, Status.vuot: 4,
    Status.chua_co_so_lieu: -1,
}
_VERDICT = {
    Status.vuot: "vượt kế hoạch",
    Status.dat: "đạt kế hoạch",
    Status.khong_dat: "không đạt kế hoạch",
    Status.dung_tien_do: "đúng tiến độ",
    Status.nguy_co: "có nguy cơ không đạt",
}


@dataclass(frozen=True, slots=True)
class TargetSpec:
    """What a target asks for. `year_end` is the target's own deadline when it is not the plan's."""

    comparator: str
    value: float | None
    value_max: float | None = None
    direction: Direction = "up"
    year_end: date | None = None
    kind: Kind = "level"
    unit: str | None = None
    change: str | None = None  # "increase" | "decrease": the figure is the size of the change

    def plan_text(self) -> str:
        """The target as the plan words it: "dưới 1,2%", "giảm 1,0 - 1,5%", "14.150 tỷ đồng"."""
        if self.value is None:
            return "(định tính)"
        value = with_unit(self.value, self.unit)
        if self.comparator == "range" and self.value_max is not None:
            value = f"{vn_number(self.value)} - {with_unit(self.value_max, self.unit)}"
        words = {"gt": "trên ", "gte": "từ ", "lt": "dưới ", "lte": "không quá ", "approx": "khoảng "}
        text = words.get(self.comparator, "") + value
        if self.comparator == "gte":
            text += " trở lên"
        verb = {"increase": "tăng ", "decrease": "giảm "}.get(self.change or "", "")
        return verb + text


class Judgement:
    """A status, the rule that produced it and its Vietnamese explanation.

    The explanation is written only when read: a roll-up judges thousands of targets and reads
    only their statuses, and formatting numbers was most of its time. `explain` is the deferred
    form (a function returning the text); the text, once made, is kept. Equality, hashing and
    repr see the text, as the dataclass this replaces did.
    """

    __slots__ = ("_explain", "_text", "expected", "ratio", "rule", "status")

    status: Status
    rule: str  # stable code: "gte.reached", "range.exceeded", "prorata.behind", "no_data" ...
    expected: float | None  # the figure the actual was held against
    ratio: float | None  # actual / plan value (the "% of plan" column, as a fraction)
    _text: str | None
    _explain: Callable[[], str] | None

    def __init__(self, status: Status, rule: str, explanation_vi: str | None = None,
                 expected: float | None = None, ratio: float | None = None, *,
                 explain: Callable[[], str] | None = None) -> None:
        if (explanation_vi is None) == (explain is None):
            raise TypeError("Judgement needs exactly one of explanation_vi and explain")
        setter = object.__setattr__
        setter(self, "status", status)
        setter(self, "rule", rule)
        setter(self, "expected", expected)
        setter(self, "ratio", ratio)
        setter(self, "_text", explanation_vi)
        setter(self, "_explain", explain)

    @property
    def explanation_vi(self) -> str:
        text = self._text
        if text is None:
            assert self._explain is not None
            text = self._explain()
            object.__setattr__(self, "_text", text)
            object.__setattr__(self, "_explain", None)
        return text

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Judgement is immutable: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Judgement is immutable: cannot delete {name}")

    def _key(self) -> tuple[Status, str, str, float | None, float | None]:
        return (self.status, self.rule, self.explanation_vi, self.expected, self.ratio)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Judgement):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Judgement(status={self.status!r}, rule={self.rule!r}, "
                f"explanation_vi={self.explanation_vi!r}, expected={self.expected!r}, ratio={self.ratio!r})")


def judge(
    spec: TargetSpec,
    actual: float | None,
    *,
    period: Period,
    plan_end: date,
    as_of: date | None = None,
    expected_share: float | None = None,
) -> Judgement:
    """Judge `actual` (the figure reported for `period`) against `spec`.

    The status, rule, expected figure and ratio are decided here; the explanation is written only
    when someone reads it (`Judgement.explanation_vi`).
    """
    if spec.value is None:
        return Judgement(Status.chua_co_so_lieu, "no_value", "Chỉ tiêu định tính, không có mức số để so sánh")
    if actual is None:
        return Judgement(Status.chua_co_so_lieu, "no_data", expected=spec.value,
                         explain=partial(_no_data_text, period))
    ratio = actual / spec.value if spec.value else None
    deadline = spec.year_end or plan_end
    end = period.end if as_of is None else min(period.end, as_of)
    if end >= deadline:
        return _judge_closed(spec, actual, ratio)
    return _judge_in_period(spec, actual, ratio, period, end, expected_share)


def _no_data_text(period: Period) -> str:
    return f"Chưa có số liệu thực hiện {_lower_first(period.label_vi)}"


_CLOSED = {"exceeded": Status.vuot, "reached": Status.dat, "missed": Status.khong_dat}


def _judge_closed(spec: TargetSpec, actual: float, ratio: float | None) -> Judgement:
    assert spec.value is not None
    outcome = outcome_of(spec.comparator, actual, spec.value, spec.value_max, spec.direction)
    status = _CLOSED[outcome]
    comparator = spec.comparator if spec.comparator in COMPARATORS else "eq"
    return Judgement(status, f"{comparator}.{outcome}", expected=spec.value, ratio=ratio,
                     explain=partial(_closed_text, spec, actual, ratio, outcome, status))


def _closed_text(spec: TargetSpec, actual: float, ratio: float | None, outcome: Outcome,
                 status: Status) -> str:
    subject = _subject(spec)
    shown = with_unit(actual, spec.unit)
    share = ""
    if ratio is not None and spec.kind == "cumulative":
        share = f" ({vn_number(ratio * 100, 1)}% kế hoạch)"
    why = _margin_text(spec, actual, outcome)
    if spec.comparator in ("gte", "eq"):
        good = outcome != "missed"
        sign = ("≥" if good else "<") if spec.direction == "up" or spec.comparator == "gte" else (
            "≤" if good else ">")
        return f"{subject} {shown} {sign} kế hoạch {spec.plan_text()}{share}{why}: {_VERDICT[status]}"
    return f"{subject} {shown}, kế hoạch {spec.plan_text()}{share}{why}: {_VERDICT[status]}"


def _margin_text(spec: TargetSpec, actual: float, outcome: Outcome) -> str:
    """Why a met target is vượt or only đạt: how far past the plan's figure it landed (EXCEED_MARGIN)."""
    assert spec.value is not None
    if outcome == "missed":
        return ""
    far = plan_figure(spec.comparator, spec.value, spec.value_max, spec.direction)
    up = _good_direction(spec.comparator, spec.direction) == "up"
    if (actual <= far if up else actual >= far) and outcome == "reached":
        return ""  # met without passing the plan's figure: nothing to weigh
    side = "cao hơn" if up else "thấp hơn"
    margin = vn_number(EXCEED_MARGIN * 100)
    level = "mức trên" if spec.comparator == "range" and up else (
        "mức dưới" if spec.comparator == "range" else "mức")
    if outcome == "exceeded":
        return f", {side} {level} kế hoạch quá {margin}%"
    return f", {side} {level} kế hoạch không quá {margin}% (chưa tính là vượt)"


def _judge_in_period(
    spec: TargetSpec, actual: float, ratio: float | None, period: Period, end: date,
    expected_share: float | None,
) -> Judgement:
    assert spec.value is not None
    if expected_share is not None:
        share, basis = min(max(expected_share, 0.0), 1.0), "seasonal"
    elif spec.kind == "cumulative":
        share = period.fraction_of_year if end == period.end else elapsed_fraction(end)
        basis = "prorata"
    else:
        # A level (a rate, a share, a per-capita figure) is not accumulated over the year:
        # the figure so far is held against the target itself.
        share, basis = 1.0, "level"
    low = spec.value * share
    high = spec.value_max * share if spec.value_max is not None else None
    outcome = outcome_of(spec.comparator, actual, low, high, spec.direction)
    status = Status.nguy_co if outcome == "missed" else Status.dung_tien_do
    rule = f"{basis}.{'behind' if outcome == 'missed' else 'on_track'}"
    return Judgement(status, rule, expected=low, ratio=ratio, explain=partial(
        _in_period_text, spec, actual, period, end, basis, share, low, high, status))


def _in_period_text(spec: TargetSpec, actual: float, period: Period, end: date, basis: str, share: float,
                    low: float, high: float | None, status: Status) -> str:
    shown = with_unit(actual, spec.unit)
    when = _lower_first(period.label_vi)
    if end != period.end:
        when = f"ngày {end.day:02d}/{end.month:02d}/{end.year}"
    if basis == "level":
        return f"{_subject(spec)} {shown} ({when}), kế hoạch {spec.plan_text()}: {_VERDICT[status]}"
    expected = with_unit(low, spec.unit)
    if high is not None and spec.comparator == "range":
        expected = f"{vn_number(low)} - {with_unit(high, spec.unit)}"
    return (
        f"{_subject(spec)} {shown} đến hết {when}, yêu cầu theo tiến độ "
        f"{expected} ({vn_number(share * 100, 1)}% của kế hoạch {spec.plan_text()}): {_VERDICT[status]}"
    )


def _lower_first(label: str) -> str:
    """"Quý I/2024" → "quý I/2024" (str.lower would also lower the Roman numeral)."""
    return label[:1].lower() + label[1:]


def _subject(spec: TargetSpec) -> str:
    return {"decrease": "Mức giảm", "increase": "Mức tăng"}.get(spec.change or "", "Thực hiện")


def outcome_of(
    comparator: str, actual: float, value: float, value_max: float | None, direction: Direction
) -> Outcome:
    """Apply the comparator table of this module to one figure: missed, reached or exceeded."""
    # Figures come from decimal text ("1,2"): compare with a relative epsilon so 1.2 equals 1.2.
    eps = 1e-9 * max(1.0, abs(value))
    up = _good_direction(comparator, direction) == "up"
    if not _meets(comparator, actual, value, value_max, up, eps):
        return "missed"
    far = plan_figure(comparator, value, value_max, direction)
    margin = EXCEED_MARGIN * abs(far) + eps
    beyond = actual > far + margin if up else actual < far - margin
    return "exceeded" if beyond else "reached"


def _good_direction(comparator: str, direction: Direction) -> Direction:
    """"trên/từ" ask for more whatever the metric; "dưới/không quá" for less; the rest follow it."""
    if comparator in ("gt", "gte"):
        return "up"
    if comparator in ("lt", "lte"):
        return "down"
    return direction


def plan_figure(comparator: str, value: float, value_max: float | None, direction: Direction) -> float:
    """The figure "vượt" is measured from: the value, or a range's far end in the good direction."""
    if comparator != "range":
        return value
    low, high = sorted((value, value if value_max is None else value_max))
    return high if direction == "up" else low


def _meets(comparator: str, actual: float, value: float, value_max: float | None, up: bool,
           eps: float) -> bool:
    if comparator == "gt":
        return actual > value + eps
    if comparator == "lt":
        return actual < value - eps
    if comparator == "lte":
        return actual <= value + eps
    if comparator == "range":
        low, high = sorted((value, value if value_max is None else value_max))
        return actual >= low - eps if up else actual <= high + eps
    tol = APPROX_TOLERANCE * abs(value) if comparator == "approx" else eps
    return actual >= value - tol if up else actual <= value + tol


# An indicator takes the least final, least good of its targets' statuses (first in this list wins).
_PRECEDENCE = (
    Status.khong_dat, Status.nguy_co, Status.chua_co_so_lieu, Status.dung_tien_do, Status.dat, Status.vuot,
)


def indicator_status(statuses: Collection[Status]) -> Status:
    """The status `judge_indicator` gives an indicator whose targets have `statuses` (no text: for
    roll-ups that count indicators); no target at all is `chua_co_so_lieu`."""
    return next((s for s in _PRECEDENCE if s in statuses), Status.chua_co_so_lieu)


def judge_indicator(judgements: list[Judgement]) -> Judgement:
    """An indicator is complete when all its targets are reached; otherwise its worst target speaks."""
    if not judgements:
        return Judgement(
            Status.chua_co_so_lieu, "indicator.no_targets", "Chỉ tiêu chưa có mức số để đánh giá"
        )
    statuses = [j.status for j in judgements]
    status = indicator_status(statuses)
    n = len(judgements)
    reached = sum(1 for s in statuses if s.complete)
    if n == 1:
        only = judgements[0]
        if only._text is not None:
            return Judgement(status, f"indicator.{status.value}", only._text, only.expected, only.ratio)
        return Judgement(status, f"indicator.{status.value}", expected=only.expected, ratio=only.ratio,
                         explain=partial(_explanation_of, only))
    return Judgement(status, f"indicator.{status.value}",
                     explain=partial(_indicator_text, tuple(judgements), reached))


def _explanation_of(judgement: Judgement) -> str:
    return judgement.explanation_vi


def _indicator_text(judgements: tuple[Judgement, ...], reached: int) -> str:
    reasons = "; ".join(j.explanation_vi for j in judgements)
    return f"{reached}/{len(judgements)} mức chỉ tiêu đạt — {reasons}"


@dataclass(frozen=True, slots=True)
class Tally:
    total: int
    complete: int  # dat + vuot
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def incomplete(self) -> int:
        return self.total - self.complete


_STATUS_VALUES = tuple(s.value for s in Status)


def tally(statuses: list[Status] | list[str]) -> Tally:
    """Count statuses; every Status key is present (0 when absent) so tables have stable columns."""
    return tally_counts(Counter(statuses))


def tally_counts(counts: Mapping[str, int]) -> Tally:
    """A Tally from how many indicators have each status (counted elsewhere, e.g. by a query)."""
    by_status = dict.fromkeys(_STATUS_VALUES, 0)
    for s, n in counts.items():  # a StrEnum member and its string count as one key
        by_status[Status(s).value] += n
    return Tally(total=sum(by_status.values()), complete=by_status["dat"] + by_status["vuot"],
                 by_status=by_status)
