"""Target-vs-actual bar charts drawn as inline SVG on the server: no chart script, no request."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from nghiquyet.web.format import vn_number

PLAN_COLOUR = "#9aa5b1"
ACTUAL_COLOUR = "#0b4f9c"
LATE_COLOUR = "#a61b1b"


@dataclass(frozen=True, slots=True)
class ChartPoint:
    label: str  # the period's Vietnamese label, e.g. "Quý I/2024"
    expected: float | None  # what the plan asks for by then
    actual: float | None  # the approved figure, if any
    lagging: bool = False


def bar_chart(points: list[ChartPoint], *, title: str, unit: str | None = None) -> Markup:
    """Grouped bars: plan (grey) beside actual (blue, red when lagging), one group per period."""
    width, height, top, bottom, left = 560, 236, 40, 44, 8
    values = [v for p in points for v in (p.expected, p.actual) if v is not None]
    peak = max(values, default=0.0) or 1.0
    group = (width - left * 2) / max(len(points), 1)
    bar = min(44.0, group / 3.2)
    plot = height - top - bottom
    parts: list[str] = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="14">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{top + plot}" x2="{width - left}" y2="{top + plot}" stroke="#8a949e"/>',
    ]
    for i, p in enumerate(points):
        x0 = left + i * group + (group - 2 * bar - 10) / 2
        for j, (value, colour) in enumerate(
            ((p.expected, PLAN_COLOUR), (p.actual, LATE_COLOUR if p.lagging else ACTUAL_COLOUR))
        ):
            x = x0 + j * (bar + 10)
            if value is None:
                parts.append(
                    f'<text x="{x + bar / 2:.1f}" y="{top + plot - 4}" text-anchor="middle" '
                    f'fill="#4a5560">–</text>'
                )
                continue
            h = max(plot * value / peak, 1.0)
            y = top + plot - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="#1b1f24" '
                f'font-size="12">{escape(vn_number(value, 2))}</text>'
            )
        cx = left + i * group + group / 2
        parts.append(
            f'<text x="{cx:.1f}" y="{height - bottom + 18}" text-anchor="middle" fill="#1b1f24">'
            f"{escape(p.label)}</text>"
        )
    if unit:
        parts.append(
            f'<text x="{left}" y="14" text-anchor="start" fill="#4a5560">Đơn vị: {escape(unit)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
