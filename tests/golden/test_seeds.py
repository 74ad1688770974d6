"""The five seed documents against their gold files, judged with the reference scorer's own rules.

The scorer (`tools/score_extraction.py`, a copy of the reference one) and the gold
(`tests/golden/seeds/gold/`) are carried by the repository, so the tests run on a clone that stands alone.
"""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType
from typing import Any

import pytest
from tests import corpus

from nghiquyet.extract import extract

SCORER_PATH = corpus.SCORER_PATH
GOLD = corpus.SEED_GOLD
SEEDS = corpus.SEEDS
NAMES = sorted(p.stem for p in GOLD.glob("*.json")) if GOLD.is_dir() else []

pytestmark = pytest.mark.skipif(
    not SCORER_PATH.is_file() or not NAMES,
    reason=f"gold or scorer missing from the repository ({GOLD}, {SCORER_PATH})",
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CACHE: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}


def _pair(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(predicted, gold) for one seed, extracted once per test session."""
    if name not in _CACHE:
        doc = next(p for p in SEEDS.glob(f"{name}.*") if p.suffix != ".json")
        gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
        _CACHE[name] = (extract(doc).to_dict(), gold)
    return _CACHE[name]


def _prf(n_match: int, n_pred: int, n_gold: int) -> float:
    scorer = _scorer()
    return float(scorer.prf(n_match, n_pred, n_gold)[2])


@pytest.mark.parametrize("name", NAMES)
def test_targets_match_gold(name: str) -> None:
    scorer = _scorer()
    pred, gold = _pair(name)
    pt, gt = scorer.targets_of(pred), scorer.targets_of(gold)
    pairs = scorer.match(pt, gt, scorer.target_matches)
    f1 = _prf(len(pairs), len(pt), len(gt))
    assert f1 >= 0.97, f"{name}: targets F1 {f1:.3f} ({len(pairs)}/{len(gt)} gold, {len(pt)} predicted)"


def test_targets_f1_over_all_seeds() -> None:
    scorer = _scorer()
    m = p = g = 0
    for name in NAMES:
        pred, gold = _pair(name)
        pt, gt = scorer.targets_of(pred), scorer.targets_of(gold)
        m += len(scorer.match(pt, gt, scorer.target_matches))
        p += len(pt)
        g += len(gt)
    assert _prf(m, p, g) >= 0.97


@pytest.mark.parametrize("name", NAMES)
def test_metadata_fields_match_gold(name: str) -> None:
    scorer = _scorer()
    pred, gold = _pair(name)
    wrong = {
        f: (pred["metadata"].get(f), gold["metadata"].get(f))
        for f in scorer.META_FIELDS
        if scorer.norm_meta(pred["metadata"].get(f)) != scorer.norm_meta(gold["metadata"].get(f))
    }
    share = 1 - len(wrong) / len(scorer.META_FIELDS)
    assert share >= 0.9, f"{name}: metadata fields (got, want): {wrong}"


@pytest.mark.parametrize("name", NAMES)
def test_tasks_match_gold_by_label_and_line(name: str) -> None:
    scorer = _scorer()
    pred, gold = _pair(name)
    pairs = scorer.match(pred["tasks"], gold["tasks"], scorer.task_matches)
    f1 = _prf(len(pairs), len(pred["tasks"]), len(gold["tasks"]))
    missing = [(t["label"], t["line"]) for t in gold["tasks"] if all(g is not t for _, g in pairs)]
    assert f1 >= 0.95, f"{name}: tasks F1 {f1:.3f}; missing {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_task_sections_titles_and_references(name: str) -> None:
    pred, gold = _pair(name)
    by_line = {t["line"]: t for t in pred["tasks"]}
    for g in gold["tasks"]:
        p = by_line.get(g["line"])
        assert p is not None, f"{name}: no task at line {g['line']}"
        assert p["section"] == g["section"], f"{name} task {g['label']}"
        assert (p["title"] or None) == (g["title"] or None), f"{name} task {g['label']}"
        assert p["references"] == g["references"], f"{name} task {g['label']}"


@pytest.mark.parametrize("name", NAMES)
def test_indicator_count_labels_and_lines(name: str) -> None:
    pred, gold = _pair(name)
    got = [(i["label"], i["line"], i["group"]) for i in pred["indicators"]]
    want = [(i["label"], i["line"], i["group"]) for i in gold["indicators"]]
    assert got == want


def _flat(sections: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    out = []
    for s in sections:
        out.append((s["label"], s["title"], s["level"], s["line"]))
        out.extend(_flat(s["children"]))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_section_tree_matches_gold(name: str) -> None:
    pred, gold = _pair(name)
    assert _flat(pred["sections"]) == _flat(gold["sections"])


@pytest.mark.parametrize("name", NAMES)
def test_document_references_match_gold(name: str) -> None:
    pred, gold = _pair(name)
    assert pred["references"] == gold["references"]


@pytest.mark.parametrize("name", NAMES)
def test_signer_and_recipients_match_gold(name: str) -> None:
    pred, gold = _pair(name)
    assert pred["metadata"]["signer"] == gold["metadata"]["signer"]
    assert pred["metadata"]["recipients"] == gold["metadata"]["recipients"]


@pytest.mark.parametrize("name", NAMES)
def test_most_assignments_found(name: str) -> None:
    pred, gold = _pair(name)
    got = {(a["body"].lower(), a["role"]) for a in pred["assignments"]}
    want = {(a["body"].lower(), a["role"]) for a in gold["assignments"]}
    if not want:
        return
    assert len(got & want) / len(want) >= 0.5, f"{name}: missing {sorted(want - got)}"


@pytest.mark.parametrize("name", NAMES)
def test_reporting_body_and_cadence(name: str) -> None:
    pred, gold = _pair(name)
    assert pred["reporting"]["cadence"] == gold["reporting"]["cadence"]
    assert (pred["reporting"]["body"] or "").lower() == (gold["reporting"]["body"] or "").lower()


def test_results_found_once_the_results_step_exists() -> None:
    scorer = _scorer()
    if importlib.util.find_spec("nghiquyet.extract.items.results") is None:
        pytest.skip("nghiquyet.extract.items.results (results step) not written yet")
    m = p = g = 0
    for name in NAMES:
        pred, gold = _pair(name)
        m += len(scorer.match(pred["results"], gold["results"], scorer.result_matches))
        p += len(pred["results"])
        g += len(gold["results"])
    assert _prf(m, p, g) >= 0.8
