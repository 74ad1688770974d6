"""The hand-made gold of the real-document sets is sound: every text on its line,
every value written in its text (see check_gold.py). No extractor runs here."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent
FRESH = HERE.parent / "fresh"  # the same conventions and checks (tests/golden/fresh/README.md)
FRESH2 = HERE.parent / "fresh2"  # an earlier unseen set (tests/golden/fresh2/README.md)
FRESH3 = HERE.parent / "fresh3"  # an earlier unseen set (tests/golden/fresh3/README.md)
FRESH4 = HERE.parent / "fresh4"  # the latest unseen set (tests/golden/fresh4/README.md)
UNSEEN = (FRESH, FRESH2, FRESH3, FRESH4)
FOLDERS = [HERE / "dev", HERE / "holdout", *(s / p for s in UNSEEN for p in ("dev", "holdout"))]
_spec = importlib.util.spec_from_file_location("check_gold", HERE / "check_gold.py")
assert _spec is not None and _spec.loader is not None
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)

GOLD_FILES = sorted(p for folder in FOLDERS for p in (folder / "gold").glob("*.json"))


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f"{f.parent.name}-{f.name}")
def test_every_document_has_gold_and_every_gold_its_document(folder: Path) -> None:
    problems = [p for p in check_gold.check_folder(folder) if "not found" in p or "has no gold" in p]
    assert problems == []


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_texts_sit_on_their_lines_and_hold_their_values(gold_path: Path) -> None:
    source = json.loads(gold_path.read_text(encoding="utf-8"))["source"]
    doc_path = gold_path.parent.parent / "docs" / source
    assert check_gold.check_pair(gold_path, doc_path) == []


def test_no_document_is_in_two_folders() -> None:
    texts = [{p.read_text(encoding="utf-8") for p in (f / "docs").iterdir()} for f in FOLDERS]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert a.isdisjoint(b)


def test_checker_catches_a_text_on_the_wrong_line(tmp_path: Path) -> None:
    """The check can fail: a gold whose line is off by one, or whose value is not written."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs" / "x.txt").write_text("Tiêu đề\nThu nhập đạt 71 triệu đồng.\n", encoding="utf-8")
    target = {"metric": "Thu nhập", "comparator": "eq", "value": 72, "value_max": None,
              "unit": "triệu đồng", "change": None, "baseline": None, "year": 2024}
    indicator: dict[str, object] = {"label": None, "group": "kinh_te_xa_hoi", "line": 1,
                                    "text": "Thu nhập đạt 71 triệu đồng.", "targets": [target]}
    gold = {"schema": "nghiquyet.extraction/v1", "source": "x.txt", "metadata": {}, "tasks": [],
            "assignments": [], "results": [], "indicators": [indicator]}
    (tmp_path / "gold" / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert any("not on line 1" in p for p in check_gold.check_folder(tmp_path))
    indicator["line"] = 2
    (tmp_path / "gold" / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert any("value 72" in p for p in check_gold.check_folder(tmp_path))
    target["value"] = 71
    (tmp_path / "gold" / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert check_gold.check_folder(tmp_path) == []
