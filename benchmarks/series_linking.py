"""Series linking precision and recall on the hand-labelled groups (tests/series/data/link_labels.json).

Every target of the seed gold files and the development gold files is a candidate; every pair from
two different documents is judged by `nghiquyet.series.metric.same_metric`. A pair is truly linked
when both targets are in one labelled group. Prints the counts, precision, recall and the misses.

    .venv/bin/python benchmarks/series_linking.py [--show]
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

from nghiquyet.series.metric import same_metric

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIRS = (ROOT / "tests" / "golden" / "seeds" / "gold", ROOT / "tests" / "golden" / "dev" / "gold")
LABELS = ROOT / "tests" / "series" / "data" / "link_labels.json"

Candidate = tuple[str, int, str, str | None, str | None]  # document, line, metric, unit, change


def candidates() -> list[Candidate]:
    found: list[Candidate] = []
    for folder in GOLD_DIRS:
        for path in sorted(folder.glob("*.json")):
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            doc = path.name[:3]
            for ind in data.get("indicators") or []:
                for t in ind.get("targets") or []:
                    found.append((doc, int(ind.get("line") or 0), str(t.get("metric") or ""), t.get("unit"),
                                  t.get("change")))
    return found


def truth(cands: list[Candidate]) -> dict[int, str]:
    """Candidate index → its labelled group (targets in no group are left out: alone in their series)."""
    groups: dict[str, list[list[Any]]] = json.loads(LABELS.read_text(encoding="utf-8"))["groups"]
    label: dict[int, str] = {}
    for name, members in groups.items():
        for member in members:
            doc, line, metric = member[0], member[1], member[2]
            unit = member[3] if len(member) > 3 else None
            hits = [i for i, c in enumerate(cands) if c[0] == doc and c[1] == line and c[2] == metric
                    and (unit is None or c[3] == unit)]
            if not hits:  # a gold file that states one figure twice (d14) gives two hits: both labelled
                raise SystemExit(f"label {name}: {member} matches no gold target")
            label.update((h, name) for h in hits)
    return label


def main(show: bool = False) -> tuple[float, float]:
    cands = candidates()
    label = truth(cands)
    tp = fp = fn = 0
    misses: list[str] = []
    start = time.perf_counter()
    pairs = 0
    for i, j in itertools.combinations(range(len(cands)), 2):
        a, b = cands[i], cands[j]
        if a[0] == b[0]:
            continue
        pairs += 1
        predicted = same_metric(a[2], a[3], b[2], b[3], a[4], b[4]).same
        actual = i in label and label.get(i) == label.get(j)
        if predicted and actual:
            tp += 1
        elif predicted:
            fp += 1
            misses.append(f"FP {a} ~ {b}")
        elif actual:
            fn += 1
            misses.append(f"FN {a} ~ {b}: {same_metric(a[2], a[3], b[2], b[3], a[4], b[4]).reason}")
    elapsed = time.perf_counter() - start
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"targets {len(cands)}, cross-document pairs {pairs}, labelled links {tp + fn}")
    print(f"linked {tp + fp}: true {tp}, false {fp}; missed {fn}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  ({pairs / elapsed:,.0f} pairs/s)")
    if show:
        print("\n".join(misses))
    return precision, recall


if __name__ == "__main__":
    main(show="--show" in sys.argv)
