"""Extraction grows linearly with the text (issue 11, point 3): a 1 MB adversarial one-line text
of reported figures takes about ten times as long as 100 KB of the same, not a hundred times.

The bound is a ratio between two sizes of the same generated text, measured in CPU time on this
machine, so a slow or busy machine does not make it fail; a quadratic step (the old search back
from every figure to the sentence's start) gives a ratio near 100.
"""

from __future__ import annotations

import time

from nghiquyet.extract import extract_text

_UNIT = "doanh số quý này ước đạt 7,25 tỷ đồng, bằng 41% kế hoạch, tăng 3,5% so với cùng kỳ, "


def _text(size: int) -> str:
    return "Năm 2025 " + (_UNIT * (size // len(_UNIT) + 1))[:size]


def _cpu(text: str) -> float:
    t0 = time.process_time()
    extract_text(text)
    return time.process_time() - t0


def test_one_megabyte_line_of_figures_is_linear() -> None:
    small = min(_cpu(_text(100_000)) for _ in range(2))
    big = _cpu(_text(1_000_000))
    assert big / max(small, 1e-3) < 25, f"100 KB {small:.2f}s, 1 MB {big:.2f}s: superlinear"


def test_results_of_a_long_line_are_all_found() -> None:
    # Linear, and still reading every figure: each repeat reports its amount and its growth (the
    # figures differ from one repeat to the next: a clause said twice word for word is one result).
    units = [_UNIT.replace("7,25", f"{n},25").replace("41%", f"{n}%").replace("3,5%", f"{n},5%")
             for n in range(1, 230)]
    found = extract_text("Năm 2025 " + "".join(units)).results
    assert len(found) > 600
