"""Extraction cost in CPU instructions per page: a figure that does not move with the machine's load.

Wall-clock throughput (benchmarks/extract.py) on a shared virtual machine varies several-fold from
minute to minute; the number of instructions the extractor executes does not. This runs the same
generated corpus as extract.py under valgrind's cachegrind (instruction counting only) twice, for
`--pages` pages: once extracting every document, once only the first, and prints the difference
per page. Start-up, imports, making the corpus and compiling the patterns (done while extracting
the first document) cancel out.

    .venv/bin/python benchmarks/extract_instructions.py [--pages 200]

Needs valgrind (Debian package `valgrind`); prints a note and exits 0 when it is missing.
A Python core retires very roughly 2-4 instructions per nanosecond, so 5 M instructions a page
is about 1.5-2.5 ms a page (400-650 pages/s).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys

from extract import PAGE_CHARS, generated  # the sibling benchmark's corpus (this folder is on sys.path)
from nghiquyet.extract import extract_text


def _extract_corpus(pages: int, documents: int) -> None:
    """Generate `pages` pages (as extract.py does), then extract the first `documents` of them."""
    for text in generated(pages)[:documents]:
        extract_text(text)


def _instructions(pages: int, documents: int) -> int:
    """Instructions a child process executes to make the corpus and extract `documents` of it."""
    cmd = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        str(pages),
        str(documents),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same dict layouts on every run
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--child", type=int, nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        _extract_corpus(*args.child)
        return
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind): no instruction count")
        return
    docs = generated(args.pages)
    chars = sum(len(t) for t in docs[1:])
    extra = _instructions(args.pages, len(docs)) - _instructions(args.pages, 1)
    pages = chars / PAGE_CHARS
    print(
        f"extraction: {extra / 1e6:,.0f} M instructions for {pages:,.0f} pages "
        f"→ {extra / pages / 1e6:.2f} M instructions per page (valgrind cachegrind, deterministic)"
    )


if __name__ == "__main__":
    main()
