"""Charts drawn as inline SVG on the server (no chart script, no request, no inline style):
target-vs-actual bars per period, a status bar per tally, and the gap of each lagging target."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from nghiquyet.status import Tally
from nghiquyet.web.format import STATUS_LABELS, vn_number

PLAN_COLOUR = "#9aa5b1"
ACTUAL_COLOUR = "#0b4f9c"
LATE_COLOUR = "#a61b1b"
# Worst first, as the bar reads left to right: what is missed or at risk catches the eye.
BAR_ORDER = ("khong_dat", "nguy_co", "chua_co_so_lieu", "dung_tien_do", "dat", "vuot")
BAR_COLOURS = {"khong_dat": "#a61b1b", "nguy_co": "#c25e00", "chua_co_so_lieu": "#b8c0c8",
               "dung_tien_do": "#2c6fbb", "dat": "#2e7d32", "vuot": "#1b5e20"}


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


def status_bar(tally: Tally, *, label: str, width: int = 240, height: int = 16) -> Markup:
    """One horizontal bar split by status (SVG attributes only: no inline style, no script)."""
    if not tally.total:
        return Markup("")
    said = ", ".join(f"{tally.by_status[k]} {STATUS_LABELS[k].lower()}" for k in BAR_ORDER
                     if tally.by_status.get(k))
    parts = [f'<svg class="status-bar" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" aria-label="{escape(label)}: {escape(said)}" xmlns="http://www.w3.org/2000/svg">']
    x = 0.0
    for key in BAR_ORDER:
        n = tally.by_status.get(key, 0)
        if n:
            w = width * n / tally.total
            name = escape(STATUS_LABELS[key].lower())
            parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" '
                         f'fill="{BAR_COLOURS[key]}"><title>{n} {name}</title></rect>')
            x += w
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True, slots=True)
class GapPoint:
    label: str  # the target's metric, with the item's number
    expected: float  # what the period asks for by now
    actual: float  # the approved figure
    unit: str | None


def gap_chart(points: list[GapPoint], *, title: str) -> Markup:
    """One row per lagging target: needed by now (grey, full width) against done (red), so targets in
    different units read on one scale: the share of what is needed."""
    width, row, left = 560, 50, 8
    track = width - 2 * left
    height = row * len(points) + 8
    parts = [
        f'<svg class="gap-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13">',
        f"<title>{escape(title)}</title>",
    ]
    for i, p in enumerate(points):
        y = i * row + 4
        share = p.actual / p.expected if p.expected else 0.0
        tail = f" {p.unit}" if p.unit else ""
        said = (f"{vn_number(p.actual, 2)} / {vn_number(p.expected, 2)}{tail} "
                f"({vn_number(round(100 * share))} %)")
        label = p.label if len(p.label) <= 60 else p.label[:59] + "…"
        parts.append(f'<g class="gap"><title>{escape(p.label)}: {escape(said)}</title>')
        parts.append(f'<text x="{left}" y="{y + 13}" fill="#1b1f24">{escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 20}" width="{track}" height="14" fill="{PLAN_COLOUR}"/>')
        done = max(min(share, 1.0) * track, 1.0)
        parts.append(f'<rect x="{left}" y="{y + 20}" width="{done:.1f}" height="14" fill="{LATE_COLOUR}"/>')
        parts.append(f'<text x="{width - left}" y="{y + 46}" text-anchor="end" fill="#4a5560" '
                     f'font-size="12">{escape(said)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))
