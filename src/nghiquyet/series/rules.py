"""Pure rules across the plans of one series: conversions, consistency checks, a judgement read back.

No storage: the service hands in plain points and gets plain warnings back, each naming its rule and
the two source lines it compares.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from nghiquyet.series.metric import fold, unit_kind
from nghiquyet.status.fmt import vn_number, with_unit

# "29,9% dự toán", "đạt 70% so kế hoạch", "bằng 63,13% kế hoạch năm": a share of the plan's figure.
_SHARE_OF_PLAN = re.compile(r"\b(du toan|ke hoach|chi tieu)\b")


@dataclass(frozen=True)
class Conversion:
    value: float
    shown: str  # "29,9% × 1.010 tỷ đồng = 302 tỷ đồng"


def share_of_plan(result_value: float, result_unit: str | None, wording: str, target_value: float | None,
                  target_unit: str | None) -> Conversion | None:
    """A "% dự toán/kế hoạch" result as a figure in the target's unit, when the target gives the base."""
    if target_value is None or unit_kind(result_unit).kind != "percent":
        return None
    if unit_kind(target_unit).kind == "percent" or not _SHARE_OF_PLAN.search(fold(wording)):
        return None
    value = round(result_value / 100 * target_value, 4)
    shown = (f"{vn_number(result_value, 2)}% × {with_unit(target_value, target_unit)} = "
             f"{with_unit(round(value, 2), target_unit)}")
    return Conversion(value, shown)


# --- consistency across the linked plans --------------------------------------------------------

@dataclass(frozen=True)
class Point:
    """One member target of a series: a plan's figure for a year (a term plan: its last year)."""

    plan_id: int
    doc: str
    line: int | None
    year: int | None
    term: bool  # the plan covers several years (a term programme)
    first_year: int | None
    value: float | None
    unit: str | None
    comparator: str = "eq"
    change: str | None = None  # "increase": the value is a growth rate


@dataclass(frozen=True)
class Warning:
    rule: str  # code: annual_below_path, missing_year, unit_differs
    message: str  # Vietnamese, for the office
    sources: tuple[tuple[str, int | None], ...]  # (document, line) of both sides


def _src(p: Point) -> tuple[str, int | None]:
    return (p.doc, p.line)


def _is_rate(p: Point) -> bool:
    return unit_kind(p.unit).kind == "percent"


def required_growth(start: float, goal: float, years: int) -> float | None:
    """Average yearly growth (0.07 = 7%) that takes `start` to `goal` in `years` years."""
    if years <= 0 or start <= 0 or goal <= 0:
        return None
    return float((goal / start) ** (1 / years) - 1)


def _below_path(term: Point, annual: list[Point], actuals: dict[int, float]) -> list[Warning]:
    """Each year's target against what the term target still needs from the year before."""
    found: list[Warning] = []
    if term.value is None or term.year is None:
        return found
    by_year = {p.year: p for p in annual if p.year is not None and p.value is not None}
    for year, point in sorted(by_year.items()):
        assert point.value is not None
        if year > term.year or _is_rate(point) != _is_rate(term):
            continue
        if _is_rate(term):
            # A growth rate: the term's average is what each remaining year must reach at least.
            if point.value < term.value:
                found.append(Warning(
                    "annual_below_path",
                    f"Mục tiêu năm {year} ({vn_number(point.value, 2)}%) thấp hơn mức bình quân "
                    f"cả giai đoạn cần đạt ({vn_number(term.value, 2)}%)", (_src(point), _src(term))))
            continue
        base = actuals.get(year - 1)
        base_what = "thực hiện"
        if base is None and (year - 1) in by_year:
            base, base_what = by_year[year - 1].value, "mục tiêu"
        if base is None:
            if year == term.year and point.value < term.value:
                found.append(Warning(
                    "annual_below_path",
                    f"Mục tiêu năm {year} ({with_unit(point.value, point.unit)}) thấp hơn mục tiêu "
                    f"cuối giai đoạn ({with_unit(term.value, term.unit)})", (_src(point), _src(term))))
            continue
        growth = required_growth(base, term.value, term.year - year + 1)
        if growth is None:
            continue
        needed = base * (1 + growth)
        if point.value < needed * 0.999:
            found.append(Warning(
                "annual_below_path",
                f"Mục tiêu năm {year} ({with_unit(point.value, point.unit)}) thấp hơn mức cần đạt "
                f"({with_unit(round(needed, 2), point.unit)}): từ {base_what} năm {year - 1} "
                f"({with_unit(base, point.unit)}) đến {with_unit(term.value, term.unit)} năm {term.year} "
                f"cần tăng bình quân {vn_number(growth * 100, 2)}%/năm", (_src(point), _src(term))))
    return found


def _missing_years(term: Point, annual: list[Point], tracked_years: set[int]) -> list[Warning]:
    if term.year is None or term.first_year is None:
        return []
    have = {p.year for p in annual}
    return [Warning("missing_year",
                    f"Chỉ tiêu giai đoạn {term.first_year}–{term.year} không có mục tiêu năm {year} "
                    "trong nghị quyết/kế hoạch năm đó", (_src(term), ("năm " + str(year), None)))
            for year in sorted(tracked_years) if term.first_year <= year <= term.year and year not in have]


def _unit_changes(points: list[Point]) -> list[Warning]:
    found = []
    dated = sorted((p for p in points if p.unit), key=lambda p: (p.year or 0, p.plan_id))
    for before, after in itertools.pairwise(dated):
        if fold(before.unit or "") != fold(after.unit or ""):
            found.append(Warning(
                "unit_differs",
                f"Đơn vị khác nhau giữa các năm: «{before.unit}» (năm {before.year}) và "
                f"«{after.unit}» (năm {after.year})", (_src(before), _src(after))))
    return found


def check(points: list[Point], *, actuals: dict[int, float] | None = None,
          tracked_years: set[int] | None = None) -> list[Warning]:
    """Every warning the rules raise for one series (actuals: approved yearly figures by year)."""
    terms = [p for p in points if p.term]
    annual = [p for p in points if not p.term]
    found: list[Warning] = []
    for term in terms:
        found += _below_path(term, annual, actuals or {})
        found += _missing_years(term, annual, tracked_years or set())
    found += _unit_changes(points)
    return found


# --- a plan's own judgement, read back --------------------------------------------------------------

_NOT_DONE = re.compile(r"\b(chua|khong)\b")


@dataclass(frozen=True)
class Judgement:
    """What a document says of a plan's year: `count` of `total` indicators done (or not done)."""

    count: int
    total: int | None
    done: bool  # True: "hoàn thành/đạt"; False: "chưa về đích/không đạt"

    def completed(self) -> int | None:
        """How many the document says were completed (from a not-done count when the total is given)."""
        if self.done:
            return self.count
        return None if self.total is None else self.total - self.count


def read_judgement(metric: str, unit: str | None, value: float | None,
                   total: float | None) -> Judgement | None:
    """A result counting indicators ("16/19 chỉ tiêu hoàn thành", "05 chỉ tiêu không đạt")."""
    if value is None or fold(unit or "") != "chi tieu":
        return None
    done = not _NOT_DONE.search(fold(metric))
    return Judgement(int(value), int(total) if total is not None else None, done)
