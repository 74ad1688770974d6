"""The extraction pipeline: an ordered list of named steps from lines to an Extraction.

read → normalise → outline → metadata → indicators (+ targets) → tasks → assignments and
reporting → results → references. Each step reads and fills a `Context`; a step that needs a
module another helper owns (targets, results) runs without it until that module exists.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nghiquyet.extract.document.metadata import extract_metadata
from nghiquyet.extract.figures.numbers import parse_vn_number
from nghiquyet.extract.items.assignments import assignments_from
from nghiquyet.extract.items.indicators import TargetParser, extract_indicators, paragraphs_of
from nghiquyet.extract.items.mentions import mask_mentions
from nghiquyet.extract.items.references import find_references, unique
from nghiquyet.extract.items.reporting import extract_reporting
from nghiquyet.extract.items.tasks import IMPLEMENTATION, REVIEW_PART, extract_tasks, task_items, task_roots
from nghiquyet.extract.model import Extraction, Indicator, Result
from nghiquyet.extract.read import SourceText, read_document
from nghiquyet.extract.structure.cell_tables import join_cell_tables
from nghiquyet.extract.structure.outline import Outline, build_outline
from nghiquyet.extract.structure.tables import find_tables
from nghiquyet.extract.text.normalise import Paragraph, paragraphs


@dataclass(slots=True)
class Context:
    """What the steps share: the source, its paragraphs and outline, the result being built."""

    source: SourceText
    extraction: Extraction
    paragraphs: list[Paragraph] = field(default_factory=list)
    outline: Outline = field(default_factory=lambda: Outline([], [], [], 0))


def _optional(module: str, name: str) -> Any:
    """A function from a module that may not exist yet (built by another part of the team)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _normalise(ctx: Context) -> None:
    ctx.paragraphs = join_cell_tables(paragraphs(ctx.source.lines))


def _outline(ctx: Context) -> None:
    ctx.outline = build_outline(ctx.paragraphs)
    ctx.extraction.sections = ctx.outline.sections()


def _metadata(ctx: Context) -> None:
    ctx.extraction.metadata = extract_metadata(ctx.source.lines, ctx.paragraphs, ctx.outline)


def _target_parser() -> TargetParser | None:
    parse = _optional("nghiquyet.extract.figures.targets", "parse_targets")
    if parse is None:
        return None

    def run(text: str, year: int | None) -> list[Any]:
        return list(parse(text, year=year))

    return run


_REPORTS = frozenset({"bao_cao", "thong_bao_ket_luan", "ket_luan"})


def _indicators(ctx: Context) -> None:
    years = ctx.extraction.metadata.years
    ctx.extraction.indicators = extract_indicators(
        ctx.outline,
        year=years[-1] if years else None,
        parse=_target_parser(),
        years=years,
        task_scopes=task_roots(ctx.outline),
        report=ctx.extraction.metadata.doc_type in _REPORTS,
    )


def _tasks(ctx: Context) -> None:
    ctx.extraction.tasks = extract_tasks(ctx.outline, years=ctx.extraction.metadata.years)


def _part_indices(outline: Outline, pattern: re.Pattern[str]) -> list[int]:
    """Paragraph indices of the parts whose heading matches `pattern` (items and bodies)."""
    idx: set[int] = set()
    for it in outline.items():
        if it.heading and pattern.search(it.title or ""):
            for sub in it.walk():
                if sub is not it:
                    idx.add(sub.para)
                idx.update(sub.body)
    return sorted(i for i in idx if i < outline.end)


def _part_paragraphs(outline: Outline, pattern: re.Pattern[str]) -> list[Paragraph]:
    return [outline.paragraphs[i] for i in _part_indices(outline, pattern)]


def _closing_paragraphs(outline: Outline) -> list[Paragraph]:
    """Paragraphs about the document itself ("Trên cơ sở Thông báo này, các đồng chí ...")."""
    return [outline.paragraphs[i] for i in outline.closing]


def _assignments(ctx: Context) -> None:
    implementation = _part_paragraphs(ctx.outline, IMPLEMENTATION)
    if implementation:
        ctx.extraction.assignments = assignments_from(implementation, years=ctx.extraction.metadata.years)
        ctx.extraction.reporting = extract_reporting(implementation)
        return
    # No implementation part (a conclusion notice): the tasks say who does what.
    idx: set[int] = set()
    for it in task_items(ctx.outline):
        for sub in it.walk():
            idx.update((sub.para, *sub.body))
    paras = [ctx.outline.paragraphs[i] for i in sorted(idx) if i < ctx.outline.end]
    paras += [p for p in _closing_paragraphs(ctx.outline) if p not in paras]
    ctx.extraction.assignments = assignments_from(paras, years=ctx.extraction.metadata.years)


def _report_period(extraction: Extraction) -> str | None:
    meta = extraction.metadata
    if not meta.years:
        return None
    if meta.doc_type in ("thong_bao_ket_luan", "bao_cao", "ket_luan"):
        return str(meta.years[0])  # a report or conclusion describes its own period
    return str(meta.years[0] - 1)  # a plan for year N opens with a review of year N-1


def _results(ctx: Context) -> None:
    find_results = _optional("nghiquyet.extract.items.results", "find_results")
    outline = ctx.outline
    if find_results is None:
        ctx.extraction.results = _table_results(outline, _report_period(ctx.extraction))
        return
    idx = [i for i in outline.preamble if i < outline.end]
    idx += _part_indices(outline, REVIEW_PART)
    idx += _loose_items(outline, ctx.extraction.indicators)
    chosen = [ctx.paragraphs[i] for i in sorted(set(idx))]
    found: list[Result] = find_results(
        [(mask_mentions(p.text), p.line) for p in chosen], default_period=_report_period(ctx.extraction)
    )
    # The results step sees paragraphs; point each result at the source line of its own words.
    by_line = {p.line: p for p in chosen}
    for r in found:
        para = by_line.get(r.line)
        at = para.text.find(r.text) if para is not None and r.text else -1
        if para is not None and at >= 0:
            r.line = para.line_at(at)
    opening = ctx.paragraphs[0].line_end or ctx.paragraphs[0].line if ctx.paragraphs else 0
    found = [r for r in found if not _read_as_target(r, ctx.extraction.indicators, opening)]
    ctx.extraction.results = list(found) + _table_results(outline, _report_period(ctx.extraction))


def _read_as_target(result: Result, indicators: list[Indicator], opening: int) -> bool:
    """A figure the targets step read as aimed at, on the same line with the same value and unit,
    is not also something achieved ("Nghị quyết đề ra: thu ngân sách đạt 120 tỷ đồng"); nor is a
    figure of the page's opening paragraph (its headline or sapo, `opening` its last line) that the
    body below sets out as a target."""
    first = min((ind.line for ind in indicators if ind.targets), default=None)
    for ind in indicators:
        same_line = ind.line <= result.line <= (ind.line_end or ind.line)
        for t in ind.targets:
            if t.value != result.value or (t.unit or "") != (result.unit or ""):
                continue
            # A sapo or headline above the body restates a target the body sets out ("80% dịch vụ
            # công trực tuyến ..." over "Theo đó, 80% dịch vụ công trực tuyến ...", "BHYT bao phủ
            # 90,7% dân số" over "mục tiêu tỷ lệ dân số tham gia BHYT đạt 90,7%"): no achievement.
            if same_line or (first is not None and result.line <= opening < first):
                return True
    return False


def _loose_items(outline: Outline, indicators: list[Indicator]) -> list[int]:
    """Paragraphs of the root items no heading holds ("* Giá trị xuất khẩu tăng bình quân 14%/năm" under
    a page's heading line): a page's list of what was achieved, read like its preamble; the
    paragraphs the indicators stand in stay targets."""
    covered = paragraphs_of(outline, indicators)
    out: list[int] = []
    for root in outline.roots:
        if root.heading:
            continue
        for sub in root.walk():
            out.extend(i for i in (sub.para, *sub.body) if i not in covered and i < outline.end)
    return out


def _table_results(outline: Outline, default_period: str | None) -> list[Result]:
    """The "Thực hiện năm 2024" column of a targets table: what was achieved, per row."""
    out: list[Result] = []
    for table in find_tables(outline):
        if not table.has("actual"):
            continue
        year = re.search(r"(?:19|20)\d\d", table.heading_of("actual"))
        period = year.group(0) if year else default_period
        # "Tỷ lệ %" beside "Thực hiện": the share of the plan achieved, named after the plan's column.
        plan = " ".join(table.heading_of("value").split()).lower() or "kế hoạch"
        for row in table.rows:
            metric = re.sub(r"(?i)^trong đó\s*:?\s*", "", row.values["text"]).strip()
            unit = row.values.get("unit") or None
            columns = [("actual", metric, unit)]
            if table.has("ratio"):
                columns.append(("ratio", f"{metric} so với {plan}", "%"))
            for kind, name, unit_of in columns:
                cell = row.values.get(kind, "").strip()
                try:
                    value = parse_vn_number(cell.rstrip("% "))
                except ValueError:
                    continue  # "khoảng 5.800", "-": not a plain figure
                out.append(
                    Result(
                        metric=name,
                        value=value,
                        unit=unit_of,
                        period=period,
                        text=f"{row.values['text']}: {cell} {unit_of or ''}".strip(),
                        line=row.line,
                    )
                )
    return out


def _references(ctx: Context) -> None:
    own = ctx.extraction.metadata.number
    text = "\n".join(p.text for p in ctx.paragraphs[: ctx.outline.end])
    ctx.extraction.references = [r for r in unique(find_references(text)) if r != own]


Step = tuple[str, Callable[[Context], None]]
STEPS: list[Step] = [
    ("normalise", _normalise),
    ("outline", _outline),
    ("metadata", _metadata),
    ("indicators", _indicators),
    ("tasks", _tasks),
    ("assignments", _assignments),
    ("results", _results),
    ("references", _references),
]


def extract_source(source: SourceText) -> Extraction:
    """Run every step over text already read."""
    ctx = Context(
        source=source, extraction=Extraction(source=Path(source.path).name, lines=len(source.lines))
    )
    for _name, step in STEPS:
        step(ctx)
    return ctx.extraction


def extract_text(text: str, source: str = "<text>") -> Extraction:
    """Extract from a string (as if it were a .txt file)."""
    return extract_source(SourceText(path=source, kind="txt", lines=text.splitlines()))


def extract(path: str | Path) -> Extraction:
    """Read a file and extract its plan: metadata, sections, targets, tasks, assignments, results."""
    return extract_source(read_document(path))
