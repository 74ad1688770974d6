"""Indicators: the items of a targets list ("CHỈ TIÊU", "các chỉ tiêu chủ yếu", "mục tiêu cụ thể").

Each list item ("- ...", "(5) ...", "6. ...") under a targets heading is one Indicator, grouped by
the nearest sub-heading that names a field ("Chỉ tiêu xây dựng Đảng") or, without one, by the
item's own words. When a document only points to an appendix for its targets, the dated
targets stated inside its tasks ("phấn đấu đến năm 2025 toàn tỉnh có 15.000 doanh nghiệp")
stand in for the list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence

from nghiquyet.extract.items.evidence import clause_group, targets_by_evidence
from nghiquyet.extract.items.tasks import IMPLEMENTATION, REVIEW_PART, leading_part
from nghiquyet.extract.model import Indicator, Target
from nghiquyet.extract.structure.outline import Item, Outline, paragraphs_under, recitals
from nghiquyet.extract.structure.tables import find_tables
from nghiquyet.extract.text.paragraph import UPPER
from nghiquyet.extract.vocabulary.vocab import keyword_score, load

TARGETS_HEADING = re.compile(r"chỉ tiêu|mục tiêu (?:cụ thể|chủ yếu)", re.IGNORECASE)
GENERAL_GOAL = re.compile(r"^(?:các\s+)?mục tiêu(?:\s+(?:tổng quát|chung))?$", re.IGNORECASE)
_LIST_STYLES = ("bullet", "paren", "dec", "alpha")
_DATED_CLAUSE = re.compile(r"(?:phấn đấu\s+)?(?:đến|tới)\s+năm\s+(\d{4})\b", re.IGNORECASE)
_MEASURE = re.compile(r"(?<![\d/.,-])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\s*(?:%|[^\W\d_])")

TargetParser = Callable[[str, int | None], list[Target]]


def target_roots(outline: Outline) -> list[Item]:
    """Outermost headings that introduce a targets list."""
    roots: list[Item] = []

    def visit(items: Sequence[Item]) -> None:
        for it in items:
            title = it.title or ""
            # "Nhiệm vụ, giải pháp thực hiện các chỉ tiêu" is a task part, not a targets list.
            if it.heading and TARGETS_HEADING.search(title) and leading_part(title) != "task":
                roots.append(it)
                continue
            visit(it.children)

    visit(outline.roots)
    return roots


def _list_items(root: Item) -> Iterator[Item]:
    for c in root.children:
        if c.heading:
            if GENERAL_GOAL.match(c.title or "") or leading_part(c.title or "") == "task":
                continue  # "1. Mục tiêu tổng quát" is prose; "2. Nhiệm vụ" lists tasks, not targets
            yield from _list_items(c)
        elif c.style.startswith(_LIST_STYLES):
            if c.children and _introduces(c):
                yield from _list_items(c)  # "- Về kinh tế:" introduces the items below it
            else:
                yield c


_FIGURE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\s*(?:%|[^\W\d_])")


_GOAL_PART = re.compile(r"^(?:các\s+)?mục tiêu\b", re.IGNORECASE)


def _goal_lists(outline: Outline) -> list[Item]:
    """No targets heading: a plain "Mục tiêu" part whose list items state figures is the list."""
    found: list[Item] = []
    inside: set[int] = set()  # ids of the items under a part already found
    for it in outline.items():
        if id(it) in inside:
            continue  # the outermost goal part holds the list once
        if it.heading and _GOAL_PART.match(it.title or ""):
            if "tổng quát" in (it.title or "").lower():
                continue
            items = list(_list_items(it))
            with_figures = [i for i in items if _FIGURE.search(i.text)]
            if items and len(with_figures) * 2 >= len(items):
                found.append(it)
                inside.update(map(id, it.walk()))
    return found


def _prose_targets(outline: Outline, root: Item, *, year: int | None, parse: TargetParser) -> list[Indicator]:
    """A targets part written as plain paragraphs: each paragraph that states a target is one."""
    out: list[Indicator] = []
    for sub in root.walk():
        if sub.heading and GENERAL_GOAL.match(sub.title or ""):
            continue
        for idx in sub.body:
            p = outline.paragraphs[idx]
            if idx >= outline.end or p.cells or p.text.rstrip().endswith(":") or "phụ lục" in p.text.lower():
                continue
            targets = parse(p.text, year)
            if targets:
                out.append(
                    Indicator(
                        label=None,
                        group=clause_group(p.text),
                        text=p.text,
                        line=p.line,
                        targets=targets,
                        line_end=p.line_end,
                        section=root.label or None,
                    )
                )
    return out


def _introduces(item: Item) -> bool:
    """ "- Về kinh tế:" or "a) Chỉ tiêu xã hội" over sub-items: a group name, not a target."""
    text = item.text.rstrip()
    return text.endswith(":") or (len(text) < 80 and not re.search(r"\d", text))


def _group(item: Item, root: Item) -> str:
    table: dict[str, list[str]] = load("domains")["indicator_groups"]
    node: Item | None = item.parent
    while node is not None:
        if node.heading or _introduces(node):
            scores = keyword_score(node.title or node.text, table)
            best = max(scores, key=lambda k: scores[k])
            if scores[best] > 0:
                return best
        if node is root:
            break
        node = node.parent
    return clause_group(item.text)  # no heading names the field


def _label(item: Item) -> str | None:
    if item.style.startswith("bullet"):
        return None
    return item.label


def _item_text(outline: Outline, item: Item) -> str:
    parts = [item.text]
    for sub in item.children:
        for s in sub.walk():
            parts.append(outline.paragraphs[s.para].text)
    for idx in item.body:
        parts.append(outline.paragraphs[idx].text)
    return " ".join(p.strip() for p in parts if p.strip())


def _line_end(outline: Outline, item: Item) -> int:
    last = item.line_end
    for s in item.walk():
        last = max(last, s.line_end, *(outline.paragraphs[i].line_end for i in s.body))
    return last


def extract_indicators(
    outline: Outline,
    *,
    year: int | None,
    parse: TargetParser | None,
    years: list[int] | None,
    task_scopes: Sequence[Item] = (),
    report: bool = False,
) -> list[Indicator]:
    """Indicators of the document: its targets lists, and the targets stated elsewhere (evidence.py)."""
    listed = _listed_indicators(outline, year=year, parse=parse, years=years, task_scopes=task_scopes)
    if parse is None:
        return listed
    listed += _plan_columns(outline, paragraphs_of(outline, listed), task_scopes, year=year, parse=parse)
    skip = _not_targets(outline, task_scopes) | paragraphs_of(outline, listed)
    found = targets_by_evidence(
        outline, skip=skip, year=year, report_year=years[0] - 1 if years else None, parse=parse, report=report
    )
    out = listed + found
    out.sort(key=lambda i: (i.line, i.column or 0))
    return out


def paragraphs_of(outline: Outline, indicators: Sequence[Indicator]) -> set[int]:
    """Indices of the paragraphs the indicators' line spans cover."""
    starts = [p.line for p in outline.paragraphs]
    out: set[int] = set()
    for ind in indicators:
        first = max(0, bisect_right(starts, ind.line) - 1)
        last = max(first, bisect_right(starts, ind.line_end or ind.line) - 1)
        out.update(range(first, last + 1))
    return out


def _plan_columns(
    outline: Outline, covered: set[int], task_scopes: Sequence[Item], *, year: int | None, parse: TargetParser
) -> list[Indicator]:
    """Rows of any table with a plan column ("Kế hoạch năm 2022") outside the targets lists.

    A report's results table states the year's target in its plan column (EXTRACTION.md), so it
    counts even inside a review part; a table inside the task part does not.
    """
    tasks: set[int] = set()
    for scope in task_scopes:
        tasks.update(paragraphs_under(scope))
    out: list[Indicator] = []
    for table in find_tables(outline):
        if not table.has("value") or table.first_para in tasks or any(r.para in covered for r in table.rows):
            continue  # no plan column, a task table, or read already as a targets list
        heading = table.heading_of("value")
        own_year = re.search(r"(?:19|20)\d\d", heading)
        for row in table.rows:
            value, unit = row.values.get("value", ""), row.values.get("unit", "")
            if not value:
                continue
            text = f"{row.values['text']}: {value} {unit}".strip()
            targets = parse(f"{row.values['text']}: {value}", int(own_year.group(0)) if own_year else year)
            for t in targets:
                t.unit = unit or t.unit  # the unit column says it, whatever its spelling ("Tỷ.đ")
                t.metric = t.metric or row.values["text"].lstrip("-+ ")
            if targets:
                label, group = row.values.get("label") or None, clause_group(text)
                out.append(Indicator(label=label, group=group, text=text, line=row.line, targets=targets))
    return out


def _not_targets(outline: Outline, task_scopes: Sequence[Item]) -> set[int]:
    """Paragraphs no target is read from: task, implementation, review and general-goal parts."""
    skip: set[int] = set()
    for it in outline.items():
        title = it.title or ""
        if it is not None and it.heading and (
            GENERAL_GOAL.match(title) or IMPLEMENTATION.search(title) or REVIEW_PART.search(title)
        ):
            skip.update(paragraphs_under(it))
    for scope in task_scopes:
        skip.update(paragraphs_under(scope))
    skip.update(outline.closing)
    skip.update(recitals(outline))
    return skip


def _listed_indicators(
    outline: Outline,
    *,
    year: int | None,
    parse: TargetParser | None,
    years: list[int] | None,
    task_scopes: Sequence[Item] = (),
) -> list[Indicator]:
    """Indicators of the outline's targets lists, with their targets when a parser is given."""
    out: list[Indicator] = []
    roots = target_roots(outline)
    # A goal part counts unless it lies inside a targets part or holds one (by identity, not by
    # walking every part's items once per goal part).
    inside = {id(x) for r in roots for x in r.walk()}
    heads = {id(r) for r in roots}
    roots += [g for g in _goal_lists(outline) if id(g) not in inside and heads.isdisjoint(map(id, g.walk()))]
    for root in roots:
        items = list(_list_items(root))
        if not items and parse is not None:
            out.extend(_prose_targets(outline, root, year=year, parse=parse))
        for item in items:
            whole = _item_text(outline, item)
            # "- Xây dựng 3 xã đạt chuẩn. - Tỷ lệ hộ nghèo giảm 3%": bullets a copy ran onto one line.
            pieces = _INLINE_BULLET.split(whole) if item.style.startswith("bullet") else [whole]
            for text in pieces:
                out.append(
                    Indicator(
                        label=_label(item),
                        group=_group(item, root),
                        text=text,
                        line=item.line,
                        targets=parse(text, year) if parse else [],
                        line_end=_line_end(outline, item),
                        section=root.label or None,
                    )
                )
    out.extend(_table_indicators(outline, roots, year=year, parse=parse))
    if out:
        out.sort(key=lambda i: i.line)
        return out
    return _dated_targets(outline, [*roots, *task_scopes], year=year, parse=parse, years=years)


_INLINE_BULLET = re.compile(rf"(?<=[.;])\s+[-–+•]\s+(?=[{UPPER}])")


def _clauses(text: str) -> Iterator[tuple[str, int]]:
    pos = 0
    for m in re.finditer(r"[;.](?:\s+|$)", text):
        yield text[pos : m.start()], pos
        pos = m.end()
    if pos < len(text):
        yield text[pos:], pos


def _dated_targets(
    outline: Outline,
    scopes: Sequence[Item],
    *,
    year: int | None,
    parse: TargetParser | None,
    years: list[int] | None,
) -> list[Indicator]:
    """ "(phấn đấu) đến năm YYYY ... <number>" clauses inside the plan's years."""
    paras: list[int] = []
    for scope in scopes:
        for it in scope.walk():
            paras.append(it.para)
            paras.extend(it.body)
    out: list[Indicator] = []
    seen: set[int] = set()
    for idx in sorted(set(paras)):
        if idx in seen or idx >= outline.end:
            continue
        seen.add(idx)
        p = outline.paragraphs[idx]
        if "năm" not in p.text.lower():
            continue  # every dated clause says "đến năm YYYY"
        for clause, at in _clauses(p.text):
            m = _DATED_CLAUSE.search(clause)
            if not m or (years and not years[0] <= int(m.group(1)) <= years[-1]):
                continue
            text = clause[m.start() :].strip(" ,")
            if not _MEASURE.search(text[m.end() - m.start() :]):
                continue
            targets = parse(text, int(m.group(1))) if parse else []
            if parse and not targets:
                continue
            out.append(
                Indicator(
                    label=None,
                    group=clause_group(text),
                    text=text,
                    line=p.line_at(at + m.start()),
                    targets=targets,
                )
            )
    return out


def _table_indicators(
    outline: Outline, roots: Sequence[Item], *, year: int | None, parse: TargetParser | None
) -> list[Indicator]:
    """Rows of a targets table: "Chỉ tiêu | ĐVT | Kế hoạch 2024" → "Chỉ tiêu: 2024-value unit"."""
    out: list[Indicator] = []
    tables = find_tables(outline) if roots else []  # once: a page of many lists asked it per list
    for root in roots:
        under = paragraphs_under(root)
        for table in tables:
            if table.first_para not in under:
                continue
            for row in table.rows:
                v = row.values
                value, unit = v.get("value", ""), v.get("unit", "")
                text = v["text"] if not value else f"{v['text']}: {value} {unit}".strip()
                group_text = f"{row.group or ''} {root.title or ''}"
                scores = keyword_score(group_text, load("domains")["indicator_groups"])
                best = max(scores, key=lambda k: scores[k])
                group = best if scores[best] > 0 else clause_group(v["text"])
                out.append(
                    Indicator(
                        label=v.get("label") or None,
                        group=group,
                        text=text,
                        line=row.line,
                        targets=parse(text, year) if parse else [],
                        section=root.label or None,
                    )
                )
    return out
