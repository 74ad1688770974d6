"""Report charts as PNG, drawn with Pillow in the report's own font (Liberation Serif, shipped).

Pillow rather than matplotlib: the chart is a few stacked bars, and importing matplotlib cost 1–2 s
of every DOCX and PDF (most of a report's fixed time), where Pillow loads in a few milliseconds.
The font is the one the PDF embeds (reports/fonts), so every Vietnamese diacritic renders on a
machine without fonts, and the chart reads like the document around it.
"""

from __future__ import annotations

import io
from functools import cache
from typing import TYPE_CHECKING

from nghiquyet.reports.base import FONTS_DIR
from nghiquyet.reports.data import ReportData
from nghiquyet.status import Status

if TYPE_CHECKING:
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont

# Colours per status, the same on every chart and in the XLSX fills.
STATUS_COLORS = {
    Status.vuot: "#1b7f3b",
    Status.dat: "#5cb85c",
    Status.dung_tien_do: "#4a90d9",
    Status.nguy_co: "#f0ad4e",
    Status.khong_dat: "#d9534f",
    Status.chua_co_so_lieu: "#b0b0b0",
}
INK, GRID = "#222222", "#d0d0d0"


@cache
def _font(size: int, bold: bool = False) -> FreeTypeFont:
    from PIL import ImageFont

    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(FONTS_DIR / name), size)


def _width(draw: ImageDraw, text: str, font: FreeTypeFont) -> float:
    return draw.textlength(text, font=font)


def _ticks(top: int) -> list[int]:
    """Whole-number ticks from 0 to at least `top`, about five of them."""
    step = max(1, -(-top // 5))
    return list(range(0, top + step, step)) if top else [0, 1]


def status_chart_png(data: ReportData, *, dpi: int = 150) -> bytes:
    """Stacked horizontal bars: per group, how many indicators have each status, with a legend."""
    from PIL import Image, ImageDraw

    groups = data.groups or []
    px = dpi / 72  # one typographic point in pixels
    label_font, small, title_font = _font(round(10 * px)), _font(round(9 * px)), _font(round(11 * px), True)
    bar, gap = round(22 * px), round(12 * px)
    width = round(7.5 * dpi)
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    labels = [g.label for g in groups]
    left = round(12 * px + max((_width(probe, s, label_font) for s in labels), default=0))
    left = min(left, width // 2)
    right = width - round(18 * px)
    top = round(34 * px)
    plot_bottom = top + len(groups) * (bar + gap) + gap
    shown = [s for s in STATUS_COLORS if any(g.tally.by_status.get(s.value, 0) for g in groups)]
    legend_rows = -(-len(shown) // 3)
    height = plot_bottom + round(40 * px) + legend_rows * round(16 * px) + round(8 * px)

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    title = f"Kết quả thực hiện chỉ tiêu — {data.period_label}"
    draw.text(((width - _width(draw, title, title_font)) / 2, round(8 * px)), title, font=title_font,
              fill=INK)
    totals = [sum(g.tally.by_status.get(s.value, 0) for s in STATUS_COLORS) for g in groups]
    ticks = _ticks(max(totals, default=0))
    scale = (right - left) / ticks[-1]
    for t in ticks:
        x = left + t * scale
        draw.line([(x, top), (x, plot_bottom)], fill=GRID, width=1)
        draw.text((x, plot_bottom + round(3 * px)), str(t), font=small, fill=INK, anchor="mt")
    axis = "Số chỉ tiêu"
    draw.text(((left + right - _width(draw, axis, label_font)) / 2, plot_bottom + round(16 * px)), axis,
              font=label_font, fill=INK)
    draw.line([(left, top), (left, plot_bottom)], fill=INK, width=max(1, round(px)))
    draw.line([(left, plot_bottom), (right, plot_bottom)], fill=INK, width=max(1, round(px)))
    for i, g in enumerate(groups):
        y = top + gap + i * (bar + gap)
        draw.text((left - round(6 * px) - _width(draw, g.label, label_font), y + bar / 2), g.label,
                  font=label_font, fill=INK, anchor="lm")
        x = float(left)
        for status in STATUS_COLORS:
            count = g.tally.by_status.get(status.value, 0)
            if not count:
                continue
            end = x + count * scale
            draw.rectangle([(x, y), (end, y + bar)], fill=STATUS_COLORS[status])
            draw.text(((x + end) / 2, y + bar / 2), str(count), font=small, fill="white", anchor="mm")
            x = end
    # Legend: three entries a row, under the axis, as the old chart had it.
    cell = (right - left) / 3
    swatch = round(9 * px)
    for k, status in enumerate(shown):
        lx = left + (k % 3) * cell
        ly = plot_bottom + round(36 * px) + (k // 3) * round(16 * px)
        draw.rectangle([(lx, ly), (lx + swatch, ly + swatch)], fill=STATUS_COLORS[status])
        draw.text((lx + swatch + round(4 * px), ly + swatch / 2), status.label_vi, font=small, fill=INK,
                  anchor="lm")
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()
