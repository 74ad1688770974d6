"""Every extraction step is linear in the text's length (issue 11, point 3), on the generated worst
cases of `benchmarks/extract_worst_cases.py`.

Bounds are in CPU time relative to this machine, never in seconds: the 1 MB hostile page against a
plain pass over the same text (every word lowered, in Python), and each case at 128 KB against
the same case at 32 KB (a linear step grows ×4, a quadratic one ×16), measured as this thread's CPU
time with the collector off. A per-test timeout stops a regression instead of hanging the run.
"""

from __future__ import annotations

import gc
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from nghiquyet.extract import extract_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import extract_worst_cases as worst

_WORD = re.compile(r"\S+")
# Measured: the 1 MB page of "1234,56% " costs ~330 plain passes; a quadratic step costs thousands.
PLAIN_PASSES = 1200
GROWTH = 7.0  # per ×4 in size


def _plain_pass(text: str) -> int:
    n = 0
    for line in text.splitlines():
        for word in _WORD.findall(line):
            n += len(word.lower())
    return n


def _cpu(fn: Callable[[str], object], text: str) -> float:
    """CPU time of this thread running `fn(text)` alone. Thread time, not process time: in the full
    suite other threads of the worker (servers and schedulers earlier tests started) are charged to
    the process. The collector is run first and kept off meanwhile, since its passes over every
    object earlier tests left behind land in whichever measurement they interrupt (a 128 KB case
    read ×23 its 32 KB twin that way, ×4 run alone)."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.thread_time()
        fn(text)
        return time.thread_time() - t0
    finally:
        gc.enable()


# A quadratic regression fails on its per-test timeout (pytest-timeout) instead of hanging the run.
@pytest.mark.timeout(300)
@pytest.mark.parametrize("separator", [" ", "; "])
def test_a_one_megabyte_line_of_percentages_costs_a_bounded_number_of_plain_passes(separator: str) -> None:
    text = (f"1234,56%{separator}" * (1_000_000 // (8 + len(separator)) + 1))[:1_000_000]
    plain = min(_cpu(_plain_pass, text) for _ in range(3))
    bound = PLAIN_PASSES * max(plain, 0.005)
    spent = _cpu(extract_text, text)
    assert spent < bound, f"{spent:.2f} s of CPU = {spent / plain:.0f} plain passes"


@pytest.mark.timeout(300)
def test_a_one_megabyte_line_of_digits_is_read_as_no_figure_in_bounded_time() -> None:
    # One endless number: the cue that tells a figure from a year backtracked through the whole run
    # from every digit (quadratic: over ten minutes of CPU for the megabyte, 0.6 s now).
    text = worst.digits_line(1_000_000)
    plain = min(_cpu(_plain_pass, text) for _ in range(3))
    extraction = extract_text(text)
    assert (extraction.indicators, extraction.tasks, extraction.results) == ([], [], [])
    assert extraction.lines == 1
    spent = _cpu(extract_text, text)
    bound = PLAIN_PASSES * max(plain, 0.005)
    assert spent < bound, f"{spent:.2f} s of CPU = {spent / plain:.0f} plain passes"


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", sorted(worst.CASES))
def test_each_worst_case_grows_linearly(case: str) -> None:
    make = worst.CASES[case]
    small = min(_cpu(extract_text, make(32_000)) for _ in range(2))
    bound = GROWTH * max(small, 0.01)
    big = _cpu(extract_text, make(128_000))
    assert big < bound, f"32 KB {small:.3f} s, 128 KB {big:.3f} s: ×{big / small:.1f} for ×4 the text"


def test_the_long_line_still_yields_its_figure() -> None:
    # Fast, and still read: the first figure with its words; the bare repeats of the same figure
    # for the same metric are that one result said again (results are reported once).
    found = extract_text("Năm 2024 doanh thu đạt " + "1234,56% " * 20_000).results
    assert [(r.metric, r.value, r.period) for r in found] == [("Doanh thu", 1234.56, "2024")]
