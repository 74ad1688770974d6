"""Snapshot of what the extractor says, to prove a refactoring changed nothing.

Extracts the benchmark's generated corpus (benchmarks/extract.py), the seeds and every .txt/.md
document under tests/, and writes one JSON line per document. Take a snapshot before a change,
another after, and compare:

    .venv/bin/python scripts/extraction_snapshot.py -o /tmp/before.jsonl
    ... change the extractor ...
    .venv/bin/python scripts/extraction_snapshot.py --compare /tmp/before.jsonl

`--compare` exits 1 and names the first document that differs (and the first differing field).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract import generated, seed_texts  # noqa: E402  (the benchmark's corpus)
from nghiquyet.extract import extract_text  # noqa: E402


def documents(pages: int) -> list[tuple[str, str]]:
    """(name, text) of every document the snapshot covers, in a fixed order."""
    docs = [(f"generated #{i}", text) for i, text in enumerate(generated(pages))]
    docs += [(f"seed {name}", text) for name, text in seed_texts()]
    for path in sorted([*(ROOT / "tests").rglob("*.txt"), *(ROOT / "tests").rglob("*.md")]):
        try:
            docs.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            continue  # legacy-encoded fixtures are the readers' business, not the extractor's
    return docs


def snapshot(pages: int) -> list[str]:
    return [
        json.dumps({"document": name, **extract_text(text).to_dict()}, ensure_ascii=False, sort_keys=True)
        for name, text in documents(pages)
    ]


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{path}.{key}")
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items before, {len(b)} now"
    return f"{path}: {a!r} before, {b!r} now"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, help="write the snapshot here")
    ap.add_argument("--compare", type=Path, help="compare with a snapshot written before")
    ap.add_argument("--pages", type=int, default=1000, help="size of the generated corpus")
    args = ap.parse_args()
    if not args.output and not args.compare:
        ap.error("give -o FILE to write a snapshot or --compare FILE to check against one")
    if args.compare and not args.compare.is_file():
        ap.error(f"no snapshot at {args.compare}: write one first with -o")
    lines = snapshot(args.pages)
    if args.output:
        args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} documents written to {args.output}")
    if args.compare:
        before = args.compare.read_text(encoding="utf-8").splitlines()
        for old, new in zip(before, lines, strict=False):
            if old != new:
                a, b = json.loads(old), json.loads(new)
                print(f"differs: {b['document']}: {_first_difference(a, b)}")
                raise SystemExit(1)
        if len(before) != len(lines):
            print(f"differs: {len(before)} documents before, {len(lines)} now")
            raise SystemExit(1)
        print(f"same: {len(lines)} documents")


if __name__ == "__main__":
    main()
