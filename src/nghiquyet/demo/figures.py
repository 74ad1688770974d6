"""Plausible figures for the demo: values around each target so that every status appears.

Pure and deterministic: the same target, outcome and period always give the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal["vuot", "dat", "khong_dat", "nguy_co"]
OUTCOMES: tuple[Outcome, ...] = ("vuot", "dat", "khong_dat", "nguy_co")
# Share of a yearly quantity reached by the end of each quarter (revenue, hectares, members admitted...).
CUMULATIVE_SHARE = {"Q1": 0.22, "Q2": 0.48, "Q3": 0.73, "Q4": 1.0}
# How far from the target each outcome lands, in the target's good direction.
FACTOR: dict[Outcome, float] = {"vuot": 1.08, "dat": 1.01, "khong_dat": 0.88, "nguy_co": 0.8}
LEVEL_WORDS = ("tỷ lệ", "tốc độ", "chỉ số", "bình quân", "bậc", "tăng trưởng", "mức")


@dataclass(frozen=True, slots=True)
class TargetShape:
    comparator: str
    value: float
    value_max: float | None
    unit: str | None
    metric: str
    direction: str | None
    change: str | None

    @property
    def down(self) -> bool:
        """Lower is better: "dưới 1,2%", "giảm 2-2,5%" of poverty, fewer crimes."""
        return self.direction == "down" or self.comparator in ("lt", "lte")

    @property
    def is_level(self) -> bool:
        """A rate or index, reported as it stands; otherwise a yearly quantity that accumulates."""
        text = f"{self.metric} {self.unit or ''}".lower()
        return "%" in (self.unit or "") or any(w in text for w in LEVEL_WORDS)


def year_value(shape: TargetShape, outcome: Outcome) -> float:
    """The figure for the whole year."""
    low = shape.value
    high = shape.value_max if shape.comparator == "range" and shape.value_max is not None else low
    if shape.down:
        # Reaching means staying at or under the target; exceeding means clearly under it.
        goal = low
        factor = {"vuot": 0.9, "dat": 0.98, "khong_dat": 1.12, "nguy_co": 1.2}[outcome]
        return _round(goal * factor, shape)
    if outcome == "vuot":
        base = high * FACTOR["vuot"]
    elif outcome == "dat":
        base = (low + high) / 2 if high != low else low * FACTOR["dat"]
    else:
        base = low * FACTOR[outcome]
    if "%" in (shape.unit or "") and low <= 100 < base:
        base = 100.0  # a share cannot pass 100%: "vượt" a 100% target is simply reaching it
    return _round(base, shape)


def quarter_value(shape: TargetShape, outcome: Outcome, quarter: str) -> float:
    """The figure at the end of a quarter: cumulative for quantities, the level for rates."""
    year = year_value(shape, outcome)
    if shape.is_level:
        # Rates drift towards the year's figure; a lagging one starts further away.
        lag = {"Q1": 0.94, "Q2": 0.96, "Q3": 0.98, "Q4": 1.0}[quarter]
        if outcome == "nguy_co":
            lag -= 0.04
        value = year / lag if shape.down else year * lag
        return _round(value, shape)
    share = CUMULATIVE_SHARE[quarter]
    if outcome == "nguy_co":
        share *= 0.85
    return _round(year * share, shape)


def task_progress(outcome: Outcome, quarter: str) -> float:
    """Per cent done at the end of a quarter."""
    step = {"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4}[quarter]
    pace = {"vuot": 27.0, "dat": 25.0, "khong_dat": 20.0, "nguy_co": 15.0}[outcome]
    return float(min(100, round(pace * step)))


def _round(value: float, shape: TargetShape) -> float:
    if abs(shape.value) >= 100:
        return float(round(value))
    return round(value, 2)
