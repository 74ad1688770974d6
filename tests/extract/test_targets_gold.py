"""parse_targets on every gold indicator text must give the gold targets (the scorer's matching rule)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Any

import pytest
from tests import corpus

from nghiquyet.extract.figures.targets import parse_targets

GOLD = corpus.SEED_GOLD
GOLD_FILES = sorted(GOLD.glob("*.json"))

pytestmark = pytest.mark.skipif(not GOLD_FILES, reason="seed gold missing from the repository")


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def target_matches(p: dict[str, Any], g: dict[str, Any]) -> bool:
    """The scorer's rule (tools/score_extraction.py): same figures and unit, metric words shared."""
    wa, wb = _words(p.get("metric")), _words(g.get("metric"))
    names = bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5
    units = [re.sub(r"\s+", " ", (x.get("unit") or "").strip().lower()) for x in (p, g)]
    return (
        p.get("comparator") == g.get("comparator")
        and _same_number(p.get("value"), g.get("value"))
        and _same_number(p.get("value_max"), g.get("value_max"))
        and units[0] == units[1]
        and names
    )


def _count_matches(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> int:
    used: set[int] = set()
    n = 0
    for p in preds:
        for i, g in enumerate(golds):
            if i not in used and target_matches(p, g):
                used.add(i)
                n += 1
                break
    return n


def _cases() -> list[tuple[str, int | None, dict[str, Any]]]:
    out: list[tuple[str, int | None, dict[str, Any]]] = []
    for path in GOLD_FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        years = doc["metadata"].get("years") or [None, None]
        out.extend((path.stem, years[-1], ind) for ind in doc["indicators"])
    return out


def test_gold_indicator_texts_give_the_gold_targets(capsys: pytest.CaptureFixture[str]) -> None:
    n_match = n_pred = n_gold = 0
    misses = []
    for name, year, ind in _cases():
        preds = [asdict(t) for t in parse_targets(ind["text"], year=year)]
        m = _count_matches(preds, ind["targets"])
        n_match, n_pred, n_gold = n_match + m, n_pred + len(preds), n_gold + len(ind["targets"])
        if m != len(preds) or m != len(ind["targets"]):
            misses.append(f"{name}: {ind['text'][:80]}")
    precision = n_match / n_pred if n_pred else 1.0
    recall = n_match / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    with capsys.disabled():
        print(f"\ngold indicator texts: F1 {f1:.3f} (P {precision:.3f} R {recall:.3f}; {n_gold} gold)")
    assert f1 >= 0.97, "\n".join(misses)


def test_gold_changes_and_baselines_agree_on_matched_targets() -> None:
    agree = total = 0
    for _, year, ind in _cases():
        preds = [asdict(t) for t in parse_targets(ind["text"], year=year)]
        for g in ind["targets"]:
            p = next((p for p in preds if target_matches(p, g)), None)
            if p is not None:
                total += 1
                agree += p["change"] == g["change"] and p["baseline"] == g["baseline"]
    assert total and agree / total >= 0.95


def test_gold_years_are_kept() -> None:
    for _, year, ind in _cases():
        for t, g in zip(parse_targets(ind["text"], year=year), ind["targets"], strict=False):
            assert t.year == g["year"]
