"""Report charts as PNG (matplotlib, Agg backend, DejaVu Sans so Vietnamese diacritics render)."""

from __future__ import annotations

import io

from nghiquyet.reports.data import ReportData
from nghiquyet.status import Status

# Colours per status, the same on every chart and in the XLSX fills.
STATUS_COLORS = {
    Status.vuot: "#1b7f3b",
    Status.dat: "#5cb85c",
    Status.dung_tien_do: "#4a90d9",
    Status.nguy_co: "#f0ad4e",
    Status.khong_dat: "#d9534f",
    Status.chua_co_so_lieu: "#b0b0b0",
}


def status_chart_png(data: ReportData, *, dpi: int = 150) -> bytes:
    """Stacked horizontal bars: per group, how many indicators have each status.

    Drawn on a bare `Figure` with the Agg canvas, never through pyplot: importing pyplot cost most of
    a report's fixed time, and its global figure manager needed a lock between web worker threads.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    groups = data.groups or []
    labels = [g.label for g in groups]
    fig = Figure(figsize=(7.5, 0.6 * max(len(groups), 1) + 1.4), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    left = [0] * len(groups)
    for status, color in STATUS_COLORS.items():
        counts = [g.tally.by_status.get(status.value, 0) for g in groups]
        if not any(counts):
            continue
        ax.barh(labels, counts, left=left, color=color, label=status.label_vi)
        for i, c in enumerate(counts):
            if c:
                ax.text(left[i] + c / 2, i, str(c), ha="center", va="center", fontsize=9, color="white",
                        fontfamily=FONT)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("Số chỉ tiêu", fontfamily=FONT)
    ax.set_title(f"Kết quả thực hiện chỉ tiêu — {data.period_label}", fontsize=11, fontfamily=FONT)
    for tick in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        tick.set_fontfamily(FONT)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, frameon=False,
              prop={"family": FONT, "size": 8})
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


FONT = "DejaVu Sans"  # has every Vietnamese diacritic; matplotlib ships it
