"""Extraction judged on every golden corpus the repository carries, with the reference scorer.

- the development corpus (real public documents, `golden/dev/`) must keep targets F1 >= 0.95, as the
  issue that rebuilt extraction asked: a figure measured on the seeds alone says nothing;
- no golden document that states three or more targets may yield none (the failure that started
  that rebuild: a gate that shut on real layouts).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from tests import corpus

from nghiquyet.extract import extract

GOLDEN = corpus.ROOT / "tests" / "golden"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", corpus.SCORER_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairs() -> list[tuple[str, Path, Path]]:
    """(corpus name, document, gold) for every golden document with a gold file."""
    sets = [
        ("seeds", corpus.SEEDS, corpus.SEED_GOLD),
        ("dev", corpus.DEV / "docs", corpus.DEV / "gold"),
        ("heldout", GOLDEN / "heldout", GOLDEN / "heldout"),
        ("real-dev", GOLDEN / "real" / "dev" / "docs", GOLDEN / "real" / "dev" / "gold"),
        ("real-holdout", GOLDEN / "real" / "holdout" / "docs", GOLDEN / "real" / "holdout" / "gold"),
        ("fresh-dev", GOLDEN / "fresh" / "dev" / "docs", GOLDEN / "fresh" / "dev" / "gold"),
        ("fresh-holdout", GOLDEN / "fresh" / "holdout" / "docs", GOLDEN / "fresh" / "holdout" / "gold"),
        *((f"{s}-{part}", GOLDEN / s / part / "docs", GOLDEN / s / part / "gold")
          for s in ("fresh2", "fresh3") for part in ("dev", "holdout")),
        # fresh4's holdout is sealed until the lead scores it: the suite runs the extractor on dev only.
        ("fresh4-dev", GOLDEN / "fresh4" / "dev" / "docs", GOLDEN / "fresh4" / "dev" / "gold"),
    ]
    out = []
    for name, docs, golds in sets:
        for gold in sorted(golds.glob("*.json")):
            doc = next((p for p in docs.glob(f"{gold.stem}.*") if p.suffix != ".json"), None)
            if doc is not None:
                out.append((name, doc, gold))
    return out


PAIRS = _pairs()
_CACHE: dict[Path, dict[str, Any]] = {}


def _predicted(doc: Path) -> dict[str, Any]:
    if doc not in _CACHE:
        _CACHE[doc] = extract(doc).to_dict()
    return _CACHE[doc]


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("name", "doc", "gold"), PAIRS, ids=[f"{n}/{d.stem}" for n, d, _ in PAIRS])
def test_no_document_stating_targets_yields_none(name: str, doc: Path, gold: Path) -> None:
    stated = sum(len(i.get("targets") or []) for i in _gold(gold).get("indicators") or [])
    if stated < 3:
        pytest.skip(f"the gold states {stated} targets")
    found = sum(len(i["targets"]) for i in _predicted(doc)["indicators"])
    assert found > 0, f"{doc.name} states {stated} targets and none was extracted"


@pytest.mark.parametrize(
    ("corpus_name", "floor"),
    # The development corpus, then sets written blind (their READMEs) and tuned on since: a guard
    # against losing what was won.
    [("dev", 0.95), ("fresh2-dev", 0.93), ("fresh3-dev", 0.93), ("fresh4-dev", 0.87)],
)
def test_corpora_keep_their_scores(corpus_name: str, floor: float) -> None:
    scorer = _scorer()
    tally = scorer.Tally()
    for _, doc, gold in (p for p in PAIRS if p[0] == corpus_name):
        scorer.score_doc(doc.stem, _predicted(doc), _gold(gold), tally, verbose=False)
    p, r, f = tally.prf("targets")
    assert f >= floor, f"{corpus_name} targets F1 {f:.3f} (P {p:.3f} R {r:.3f})"
