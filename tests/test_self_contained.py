"""Issue 10 point 3: the suite runs on a clone with nothing beside it (no ../shared).

scripts/clean_clone_check.sh runs the whole README command on such a clone; this fast test keeps
the cause away: no test, benchmark or Makefile target reads the shared folder, and the copies exist.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests import corpus

ROOT = Path(__file__).resolve().parents[1]
# "../shared", parents[n] / "shared", or .parent / "shared": every way a path climbed out of the repo.
_SHARED = re.compile(r"\.\./shared|[\])]\s*/\s*\"shared\"|parent\s*/\s*\"shared\"")


def test_no_test_reads_the_shared_folder() -> None:
    files = [*ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/*.py"), ROOT / "Makefile"]
    offenders = [str(p.relative_to(ROOT)) for p in files
                 if p != Path(__file__) and _SHARED.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_repository_carries_the_data_its_tests_read() -> None:
    seeds = sorted(p.stem for p in corpus.SEEDS.glob("*.txt"))
    gold = sorted(p.stem for p in corpus.SEED_GOLD.glob("*.json"))
    assert len(seeds) == 5 and seeds == gold
    assert corpus.SCORER_PATH.is_file()
    assert len(list((corpus.DEV / "gold").glob("*.json"))) == len(list((corpus.DEV / "docs").glob("*")))


def test_the_pdf_font_ships_with_its_licence() -> None:
    fonts = ROOT / "src" / "nghiquyet" / "reports" / "fonts"
    assert {p.name for p in fonts.glob("*.ttf")} == {
        f"LiberationSerif-{s}.ttf" for s in ("Regular", "Bold", "Italic", "BoldItalic")}
    assert "SIL OPEN FONT LICENSE" in (fonts / "LICENSE-OFL.txt").read_text(encoding="utf-8")
