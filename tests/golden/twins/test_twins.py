"""A document scores the same whether it comes as text, as Word or as PDF (issue 9).

Every golden document (seeds, dev corpus, held-out, real/dev, fresh/dev; never a sealed holdout) gets
a .docx twin with Word automatic numbering and a rendered .pdf twin (see build.py). Each version
is extracted with `nghiquyet.extract` and scored against the gold with the reference scorer's own
functions (tools/score_extraction.py), micro-averaged per corpus as the scorer does. The docx and
pdf targets and results F1 must be within 0.02 of the text version's; metadata is held within
0.05 (one field in 20 documents). Tasks are not compared: they are matched by line, and line
numbers differ between formats.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from tests.golden.twins.build import CHROMIUM, blocks, build_docx, build_pdf, build_printed_pdf, font_paths

from nghiquyet.extract import extract

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "golden"
CORPORA: dict[str, tuple[Path, Path]] = {  # corpus → (documents, gold)
    "seeds": (ROOT / "src" / "nghiquyet" / "demo" / "seeds", GOLDEN / "seeds" / "gold"),
    "dev": (GOLDEN / "dev" / "docs", GOLDEN / "dev" / "gold"),
    "heldout": (GOLDEN / "heldout", GOLDEN / "heldout"),
    "real-dev": (GOLDEN / "real" / "dev" / "docs", GOLDEN / "real" / "dev" / "gold"),  # not holdout
    # Documents the PDF paragraph rule was not built on (not fresh/holdout, which stays sealed).
    "fresh-dev": (GOLDEN / "fresh" / "dev" / "docs", GOLDEN / "fresh" / "dev" / "gold"),
}
KINDS = ("targets", "results", "metadata")
GAP = 0.02
META_GAP = 0.05

pytestmark = pytest.mark.skipif(font_paths() is None, reason="no Liberation Serif / DejaVu Serif font")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", ROOT / "tools" / "score_extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documents(corpus: str) -> list[tuple[Path, dict[str, Any]]]:
    docs, gold = CORPORA[corpus]
    out = []
    for g in sorted(gold.glob("*.json")):
        src = next(p for p in sorted(docs.glob(f"{g.stem}.*")) if p.suffix in (".txt", ".md"))
        out.append((src, json.loads(g.read_text(encoding="utf-8"))))
    return out


def corpus_scores(corpus: str, folder: Path) -> dict[str, dict[str, float]]:
    """Format → kind → F1 (metadata: share of fields right), micro-averaged over the corpus."""
    sc = scorer()
    tallies = {fmt: sc.Tally() for fmt in ("txt", "docx", "pdf")}
    for src, gold in documents(corpus):
        versions = {"txt": src, "docx": build_docx(src, folder / f"{src.stem}.docx"),
                    "pdf": build_pdf(src, folder / f"{src.stem}.pdf")}
        for fmt, path in versions.items():
            sc.score_doc(src.stem, extract(path).to_dict(), gold, tallies[fmt], verbose=False)
    return {fmt: {kind: t.prf(kind)[2] if kind != "metadata" else t.prf(kind)[0] for kind in KINDS}
            for fmt, t in tallies.items()}


@pytest.fixture(scope="session")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, dict[str, float]]]:
    """Built and scored once per session: every test below reads the same figures."""
    out = {}
    for corpus in CORPORA:
        folder = tmp_path_factory.mktemp(f"twins-{corpus}")
        out[corpus] = corpus_scores(corpus, folder)
    print(json.dumps(out, indent=1))
    return out


# The PDF twins once missed by up to 0.03 (targets on held-out and real/dev): the reader gave the
# wrapped lines and the normaliser guessed the paragraphs from the words. The reader now rejoins
# them from the page's layout (read/pdflines.py), so a PDF reads as its .docx does.
CASES = [pytest.param(fmt, corpus) for fmt in ("docx", "pdf") for corpus in CORPORA]


Scores = dict[str, dict[str, dict[str, float]]]


@pytest.mark.parametrize(("fmt", "corpus"), CASES)
def test_twin_scores_as_its_text(scores: Scores, corpus: str, fmt: str) -> None:
    text, twin = scores[corpus]["txt"], scores[corpus][fmt]
    for kind in KINDS:
        allowed = META_GAP if kind == "metadata" else GAP
        assert abs(twin[kind] - text[kind]) <= allowed, (
            f"{corpus} {fmt}: {kind} {twin[kind]:.3f} vs text {text[kind]:.3f}")


def test_docx_twin_uses_word_numbering(tmp_path: Path) -> None:
    """The twin really carries automatic numbering: the labels are not typed in the paragraphs."""
    import docx

    src = documents("heldout")[0][0]
    document = docx.Document(str(build_docx(src, tmp_path / "twin.docx")))
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) >= 5
    assert not any(p.text[:2] in ("- ", "+ ") for p in numbered)
    assert document.tables, "the header block or a table should be a Word table"


@pytest.mark.skipif(not CHROMIUM.is_file(), reason="Chromium is not installed")
@pytest.mark.parametrize("name", ["hdnd_quangtri_2025", "kh_ubnd_baoloc_2025"])
def test_pdf_printed_by_chromium_reads_as_its_docx(tmp_path: Path, name: str) -> None:
    """Another renderer, another text layer: the paragraphs and table rows are the .docx twin's
    (all but the header block, which Word keeps as cells and a PDF as rows of two columns)."""
    from nghiquyet.extract.read import read_document

    src = next(p for p, _ in documents("heldout") if p.stem == name)
    docx_lines = read_document(build_docx(src, tmp_path / "twin.docx")).lines
    pdf_lines = read_document(build_printed_pdf(src, tmp_path / "twin.pdf")).lines
    first = blocks(src)[0]
    rows = first.rows if first.kind == "header" else []
    for line, (left, right) in zip(pdf_lines, rows, strict=False):  # "left        right"
        assert line.split() == f"{left} {right}".split()
    assert pdf_lines[len(rows):] == docx_lines[2 * len(rows):]  # Word reads the header column by column
