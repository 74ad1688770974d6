"""Growth of every extraction step on generated worst cases (issue 11, point 3).

Each case is generated at several sizes; for each size the whole `extract_text` pipeline runs
step by step (the pipeline's own STEPS list, so a step added later is timed too) and the script
prints the seconds per step and the ratio to `normalise` alone, a plain pass over the same
text. A linear step keeps its ratio flat as the size grows; a quadratic one doubles it with
every doubling of the size.

    .venv/bin/python benchmarks/extract_worst_cases.py [--sizes 25000,50000,100000] [--case NAME]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from nghiquyet.extract.model import Extraction
from nghiquyet.extract.pipeline import STEPS, Context
from nghiquyet.extract.read import SourceText


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def figures_sentence(size: int) -> str:
    """One endless sentence of reported figures: no full stop for the sentence splitter."""
    return "Năm 2024 doanh thu ước đạt " + _repeat("12,5 tỷ đồng, tăng 8,2% so với cùng kỳ, ", size)


def numbers_line(size: int) -> str:
    """A one-line page of bare numbers and percentages (the hostile upload of issue 11)."""
    return _repeat("1234,5 67% 89 tỷ đồng 2024 ", size)


def deep_nesting(size: int) -> str:
    """Headings nested as deep as numbering goes, each with a figure under it."""
    lines: list[str] = []
    depth = 0
    while sum(len(x) + 1 for x in lines) < size:
        depth = depth % 12 + 1
        number = ".".join(str(k % 9 + 1) for k in range(depth))
        lines.append(f"{number}. Chỉ tiêu {depth}: tỷ lệ đạt {depth * 3}% trở lên")
    return "\n".join(lines)


def many_headings(size: int) -> str:
    """Thousands of short numbered and lettered headings in a row."""
    unit = "I. PHẦN\n1. Mục tiêu\na) Về kinh tế:\n- Tăng trưởng đạt 7%.\n"
    return _repeat(unit, size)


def report_lines(size: int) -> str:
    """A long report: many short lines of results, each naming a period."""
    unit = "6 tháng đầu năm 2024, thu ngân sách ước đạt 63,13% kế hoạch năm, tăng 5% so với cùng kỳ.\n"
    return _repeat(unit, size)


CASES: dict[str, Callable[[int], str]] = {
    "figures_sentence": figures_sentence,
    "numbers_line": numbers_line,
    "deep_nesting": deep_nesting,
    "many_headings": many_headings,
    "report_lines": report_lines,
}


def time_steps(text: str) -> dict[str, float]:
    """Seconds per pipeline step for one text."""
    source = SourceText(path="<bench>", kind="txt", lines=text.splitlines())
    extraction = Extraction(source=Path(source.path).name, lines=len(source.lines))
    ctx = Context(source=source, extraction=extraction)
    out: dict[str, float] = {}
    for name, step in STEPS:
        t0 = time.perf_counter()
        step(ctx)
        out[name] = time.perf_counter() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="25000,50000,100000,200000")
    ap.add_argument("--case", choices=sorted(CASES), action="append")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for name in args.case or list(CASES):
        print(f"== {name}")
        for size in sizes:
            times = time_steps(CASES[name](size))
            base = max(times["normalise"], 1e-6)
            total = sum(times.values())
            steps = "  ".join(f"{k} {v:.3f}s ×{v / base:.0f}" for k, v in times.items() if k != "normalise")
            head = f"{size:>9,} chars  total {total:.3f}s  normalise {times['normalise']:.4f}s"
            print(f"{head}  {steps}", flush=True)


if __name__ == "__main__":
    main()
