"""Build a TargetSpec from a stored target: decide its kind (cumulative or level) and good direction."""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

from nghiquyet.status.rules import Direction, Kind, TargetSpec

# Units whose figures add up over the year (a quarter's revenue is part of the year's): the expectation
# inside the year is pro-rata. Anything with "%" or "/" (a share, a rate, a per-capita figure) is a level.
CUMULATIVE_UNITS = frozenset({
    "tỷ đồng", "triệu đồng", "nghìn tỷ đồng", "triệu usd", "tỷ usd", "nghìn usd", "usd", "đồng",
    "lượt", "nghìn lượt", "triệu lượt", "lượt khách", "nghìn lượt khách", "hộ", "xã", "phường", "thôn",
    "ha", "héc ta", "km", "người", "lao động", "nghìn lao động", "doanh nghiệp", "hợp tác xã", "sản phẩm",
    "công trình", "dự án", "căn", "căn nhà", "nhà", "đảng viên", "tổ chức cơ sở đảng", "tấn", "nghìn tấn",
    "m2", "m3", "cơ sở", "trường", "mô hình", "vụ", "cuộc",
})
LEVEL_UNITS = frozenset({"lần", "bậc", "điểm", "năm", "tuổi"})

# Metrics that are levels where lower is better when the target states the level itself (not a change).
_DOWN_WORDS = ("hộ nghèo", "thất nghiệp", "suy dinh dưỡng", "tử vong", "tai nạn", "lạm phát", "tội phạm",
               "ô nhiễm", "nợ xấu", "nợ đọng", "tái nghèo", "sinh con thứ 3", "mất cân bằng giới tính")


def _norm(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").strip().lower()


def kind_for(unit: str | None, change: str | None = None) -> Kind:
    """`cumulative` for amounts (tỷ đồng, lượt, hộ, xã...), `level` for rates and shares (%, /vạn dân).

    A unit nobody listed is a level: comparing the figure so far with the whole target is the
    stricter reading, so an unknown unit never looks on track by accident.
    """
    u = _norm(unit)
    if not u or "%" in u or "/" in u or u in LEVEL_UNITS:
        return "level"
    if u in CUMULATIVE_UNITS or u.split(" ")[-1] in CUMULATIVE_UNITS:
        return "cumulative"
    return "level"


def direction_for(
    comparator: str, metric: str | None = None, change: str | None = None, direction: str | None = None
) -> Direction:
    """Good direction of the figure compared.

    A change target ("giảm 1,0 - 1,5%", "tăng 7%") is reported as the size of the change, so more is
    better whatever the metric: the extractor's `direction="down"` on "giảm" describes the metric
    (the poverty rate should fall), not that size. Otherwise: what the office or the extractor said;
    else down for ceilings and for levels that are bad ("tỷ lệ hộ nghèo còn 2%").
    """
    if change in ("increase", "decrease") and comparator not in ("lt", "lte"):
        return "up"
    if direction in ("up", "down"):
        return direction  # type: ignore[return-value]
    if comparator in ("lt", "lte"):
        return "down"
    m = _norm(metric)
    return "down" if any(word in m for word in _DOWN_WORDS) else "up"


def spec_for(
    *,
    comparator: str,
    value: float | None,
    value_max: float | None = None,
    unit: str | None = None,
    change: str | None = None,
    metric: str | None = None,
    direction: str | None = None,
    year: int | None = None,
    kind: str | None = None,
) -> TargetSpec:
    """The TargetSpec for a target as extracted or stored (`year` → its deadline 31 Dec of that year).

    Specs are immutable and a roll-up meets the same few target wordings thousands of times, so
    they are kept by their inputs (all hashable) instead of being rebuilt per target.
    """
    return _spec(comparator, value, value_max, unit, change, metric, direction, year, kind)


@lru_cache(maxsize=8192)
def _spec(comparator: str, value: float | None, value_max: float | None, unit: str | None,
          change: str | None, metric: str | None, direction: str | None, year: int | None,
          kind: str | None) -> TargetSpec:
    return TargetSpec(
        comparator=comparator,
        value=value,
        value_max=value_max,
        direction=direction_for(comparator, metric, change, direction),
        year_end=date(year, 12, 31) if year else None,
        kind=kind if kind in ("cumulative", "level") else kind_for(unit, change),  # type: ignore[arg-type]
        unit=unit,
        change=change,
    )
