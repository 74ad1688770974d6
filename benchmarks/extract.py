"""Extraction speed and memory: pages/s and MB/s (a page = 3,000 characters), peak memory.

Runs on one core in this process: the five seed documents, then a generated corpus of about
1,000 pages made by concatenating and varying the seed texts (numbers and years shifted, so the
text is not one document repeated byte for byte). Prints the figures; the goal is ≥ 500 pages/s
on .txt input.

    .venv/bin/python benchmarks/extract.py [--pages 1000] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from nghiquyet.extract import extract_text

PAGE_CHARS = 3000
SEEDS = Path(__file__).resolve().parents[1] / "src" / "nghiquyet" / "demo" / "seeds"


def seed_texts() -> list[tuple[str, str]]:
    if not SEEDS.is_dir():
        sys.exit(f"no seed corpus at {SEEDS}")
    return [
        (p.name, p.read_text(encoding="utf-8"))
        for p in sorted(SEEDS.glob("*"))
        if p.suffix in (".txt", ".md")
    ]


def vary(text: str, k: int) -> str:
    """A variant of a seed: every number nudged, years moved on by k."""

    def bump(m: re.Match[str]) -> str:
        s = m.group(0)
        if re.fullmatch(r"(?:19|20)\d\d", s):
            return str(int(s) + k % 5)
        return str(int(s) + k % 7) if s.isdigit() and len(s) <= 3 else s

    return re.sub(r"\d+", bump, text)


def generated(pages: int) -> list[str]:
    seeds = [t for _, t in seed_texts()]
    docs: list[str] = []
    total = k = 0
    while total < pages * PAGE_CHARS:
        text = vary(seeds[k % len(seeds)], k)
        docs.append(text)
        total += len(text)
        k += 1
    return docs


def run(label: str, docs: list[str], repeat: int = 1) -> None:
    """Extract every document `repeat` times; report the best pass (as `timeit` does: the others
    measure what else the machine was doing) and the median."""
    chars = sum(len(d) for d in docs)
    size = sum(len(d.encode("utf-8")) for d in docs)
    passes = []
    for _ in range(repeat):
        start = time.perf_counter()
        for d in docs:
            extract_text(d)
        passes.append(time.perf_counter() - start)
    seconds = min(passes)
    pages = chars / PAGE_CHARS
    spread = f" (median of {repeat}: {pages / statistics.median(passes):,.0f} pages/s)" if repeat > 1 else ""
    print(
        f"{label}: {len(docs)} documents, {pages:,.0f} pages, {size / 1e6:.2f} MB in {seconds:.2f} s "
        f"→ {pages / seconds:,.0f} pages/s, {size / 1e6 / seconds:.2f} MB/s{spread}"
    )


def machine_check() -> float:
    """Seconds a 1M-iteration Python loop takes here (about 0.03-0.05 s on an idle desktop core)."""
    start = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += i & 1
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="passes over each corpus; the best is reported")
    ap.add_argument("--profile", action="store_true", help="print the 25 costliest functions")
    args = ap.parse_args()
    seeds = seed_texts()
    for _, text in seeds:  # load vocabularies and compile every pattern before timing
        extract_text(text)
    run("seeds", [t for _, t in seeds], args.repeat * 5)  # a pass takes ~0.06 s: more of them
    docs = generated(args.pages)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        run(f"generated {args.pages} pages", docs)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return
    run(f"generated {args.pages} pages", docs, args.repeat)
    tracemalloc.start()
    extract_text(max(docs, key=len))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"peak memory while extracting the largest document ({max(len(d) for d in docs) / PAGE_CHARS:.0f} "
        f"pages): {peak / 1e6:.1f} MB (tracemalloc)"
    )
    big = "\n".join(docs[:40])
    tracemalloc.start()
    extract_text(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory for one {len(big) / PAGE_CHARS:.0f}-page document: {peak / 1e6:.1f} MB (tracemalloc)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {rss:.0f} MB")
    print(
        f"machine check: a 1M-iteration Python loop took {machine_check():.3f} s here "
        "(about 0.03-0.05 s on an idle desktop core; figures above scale with it)"
    )


if __name__ == "__main__":
    main()
