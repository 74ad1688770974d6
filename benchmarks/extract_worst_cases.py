"""Growth of every extraction step on generated worst cases (issue 11, point 3).

Each case is generated at doubling sizes; for each size the whole pipeline runs step by step
(the pipeline's own STEPS list, so a step added later is timed too) and the script prints the
CPU seconds per step (process time: the other processes on a shared machine count less) and,
from the second size on, the growth: time at this size / time at half of it. A linear step grows
×2 per doubling, a quadratic one ×4. Steps under 20 ms are shown without a growth (noise).

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


def digits_line(size: int) -> str:
    """A one-line page of digits only: one endless number, no separator, word or full stop."""
    return "7" * size


def spaced_digits(size: int) -> str:
    """A one-line page of single digits between spaces: as many numbers as the text can hold."""
    return _repeat("1 ", size)


def percent_line(size: int) -> str:
    """The hostile upload: one line of "1234,56%" separated by spaces (no word, no full stop)."""
    return _repeat("1234,56% ", size)


def percent_semicolons(size: int) -> str:
    """The same figures separated by "; ": one clause each, in one line."""
    return _repeat("1234,56%; ", size)


def distinct_figures(size: int) -> str:
    """One sentence of figures that all differ, so no text of one is found early by the next."""
    parts, total, k = [], 0, 0
    while total < size:
        part = f"chỉ tiêu {k} tăng {k % 97},{k % 9}% "
        parts.append(part)
        total += len(part)
        k += 1
    return "Năm 2024 kết quả đạt " + "".join(parts)


def bracketed_figures(size: int) -> str:
    """Many clauses, each with a bracketed figure of its own (a parenthesis group per clause)."""
    return "Các chỉ tiêu: " + _repeat("tỷ lệ hộ nghèo giảm (còn 2,5%); ", size)


def and_lists(size: int) -> str:
    """Bare figures joined by "và" with no predicate after them: each looks ahead for one."""
    return "Phấn đấu " + _repeat("10% và ", size)


def deep_brackets(size: int) -> str:
    """Brackets nested as deep as the size allows, a figure at the bottom."""
    half = size // 2 - 10
    return "Chỉ tiêu " + "(" * half + " 5% " + ")" * half


def bullet_lines(size: int) -> str:
    """A page of top-level bullets and nothing else (each one a task candidate under no heading)."""
    return _repeat("- Tỷ lệ độ che phủ rừng đạt 54,5%.\n", size)


def column_names(size: int) -> str:
    """Short lines that each could name a table column (a cell-per-line table's header, endless)."""
    return _repeat("## III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n", size)


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
    "digits_line": digits_line,
    "spaced_digits": spaced_digits,
    "percent_line": percent_line,
    "percent_semicolons": percent_semicolons,
    "distinct_figures": distinct_figures,
    "bracketed_figures": bracketed_figures,
    "and_lists": and_lists,
    "deep_brackets": deep_brackets,
    "deep_nesting": deep_nesting,
    "bullet_lines": bullet_lines,
    "column_names": column_names,
    "many_headings": many_headings,
    "report_lines": report_lines,
}


def time_steps(text: str) -> dict[str, float]:
    """CPU seconds per pipeline step for one text."""
    source = SourceText(path="<bench>", kind="txt", lines=text.splitlines())
    extraction = Extraction(source=Path(source.path).name, lines=len(source.lines))
    ctx = Context(source=source, extraction=extraction)
    out: dict[str, float] = {}
    for name, step in STEPS:
        t0 = time.process_time()
        step(ctx)
        out[name] = time.process_time() - t0
    return out


def growth(now: float, before: float | None) -> str:
    return f" ×{now / before:.1f}" if before and before >= 0.02 and now >= 0.02 else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="25000,50000,100000,200000")
    ap.add_argument("--case", choices=sorted(CASES), action="append")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for name in args.case or list(CASES):
        print(f"== {name}")
        before: dict[str, float] = {}
        for size in sizes:
            times = time_steps(CASES[name](size))
            times["total"] = sum(times.values())
            shown = [(k, v) for k, v in times.items() if v >= 0.005]
            steps = "  ".join(f"{k} {v:.3f}s{growth(v, before.get(k))}" for k, v in shown)
            print(f"{size:>9,} chars  {steps}", flush=True)
            before = times


if __name__ == "__main__":
    main()
