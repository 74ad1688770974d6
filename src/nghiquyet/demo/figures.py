"""Plausible figures for the demo: values around each target so that every status appears.

Pure and deterministic. Whether a target accumulates over the year (revenue, hectares) or is a level
(a rate, a rank), and which way is good, come from the status rules' own reading (`spec_for`), so a
"good" demo figure is one the rules judge on track.
"""

from __future__ import annotations

from typing import Literal

from nghiquyet.status import TargetSpec

Outcome = Literal["vuot", "dat", "khong_dat", "nguy_co"]
OUTCOMES: tuple[Outcome, ...] = ("vuot", "dat", "khong_dat", "nguy_co")
# Share of a yearly quantity reached by the end of each quarter: ahead of pro-rata when on track.
SHARE_ON_TRACK = {"Q1": 0.27, "Q2": 0.53, "Q3": 0.78, "Q4": 1.0}
SHARE_BEHIND = {"Q1": 0.2, "Q2": 0.42, "Q3": 0.66, "Q4": 1.0}
# How far past (or short of) the target each outcome lands, in the good direction.
FACTOR: dict[Outcome, float] = {"vuot": 1.08, "dat": 1.01, "khong_dat": 0.88, "nguy_co": 0.8}


def year_value(spec: TargetSpec, outcome: Outcome) -> float:
    """The figure for the whole year."""
    assert spec.value is not None
    low = spec.value
    high = spec.value_max if spec.comparator == "range" and spec.value_max is not None else low
    factor = FACTOR[outcome]
    if spec.direction == "down":
        # Lower is better: reaching means staying under the ceiling, exceeding means clearly under it.
        if outcome == "dat" and high != low:
            return _round((low + high) / 2, spec)
        return _round((low if outcome == "vuot" else high) / factor, spec)
    if outcome == "vuot":
        value = high * factor
    elif outcome == "dat":
        value = (low + high) / 2 if high != low else low * factor
    else:
        value = low * factor
    if spec.unit == "%" and low <= 100 < value:
        value = 100.0  # a share cannot pass 100%: "vượt" a 100% target is simply reaching it
    if _counted(spec):
        # Communes, schools, ranks come whole: keep the outcome by moving at least one unit.
        whole = float(round(value))
        if outcome == "vuot":
            return max(whole, high + 1)
        if outcome == "dat":
            return max(whole, low)
        return min(whole, low - 1)
    return _round(value, spec)


def quarter_value(spec: TargetSpec, outcome: Outcome, quarter: str) -> float:
    """The figure at the end of a quarter: year-to-date for quantities, the level for rates."""
    year = year_value(spec, outcome)
    on_track = outcome in ("vuot", "dat")
    if spec.kind == "level":
        # A level is held against the target itself: on track means already there.
        return year
    share = (SHARE_ON_TRACK if on_track else SHARE_BEHIND)[quarter]
    if _counted(spec):
        return float(round(year * share))
    return _round(year * share, spec)


def task_progress(outcome: Outcome, quarter: str) -> float:
    """Per cent done at the end of a quarter."""
    step = {"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4}[quarter]
    pace = {"vuot": 27.0, "dat": 25.0, "khong_dat": 20.0, "nguy_co": 15.0}[outcome]
    return float(min(100, round(pace * step)))


def _counted(spec: TargetSpec) -> bool:
    """A target counted in whole things (xã, trường, bậc, đảng viên), not money or a rate."""
    unit = (spec.unit or "").lower()
    whole_target = spec.value is not None and float(spec.value).is_integer()
    measured = {"đồng", "usd", "ha", "tấn", "km", "m2", "m3", "lượt"}
    if not unit or not whole_target or "%" in unit or "/" in unit:
        return False
    return not measured & set(unit.split())


def _round(value: float, spec: TargetSpec) -> float:
    if abs(spec.value or 0) >= 100:
        return float(round(value))
    return round(value, 2)
