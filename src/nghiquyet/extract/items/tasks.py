"""Tasks: the numbered items that carry task text under "Nhiệm vụ, giải pháp" (or a like part).

Which items: inside the task part (a heading naming "nhiệm vụ"/"giải pháp" but not also
"mục tiêu"/"chỉ tiêu", outermost first), every numbered item ("1.", "1.1.") that has no numbered
items below it. A numbered heading with only body text below ("1.2. Về công nghiệp" + paragraphs)
is a task titled by its heading; an item with its text inline ("1.1. Tiếp tục ...") is a task
without a title. "Tổ chức thực hiện" is not part of the tasks (assignments.py reads it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nghiquyet.extract.items.assignments import task_roles
from nghiquyet.extract.items.deadlines import deadline_period, find_deadline
from nghiquyet.extract.items.projects import find_projects
from nghiquyet.extract.items.references import find_references
from nghiquyet.extract.model import Task
from nghiquyet.extract.structure.outline import (
    Item,
    Outline,
    body_text,
    item_span,
    owner_of,
    paragraphs_under,
    section_path,
)
from nghiquyet.extract.structure.tables import Table, find_tables
from nghiquyet.extract.text.normalise import UPPER
from nghiquyet.extract.vocabulary.vocab import keyword_score, load

TASK_PART = re.compile(r"nhiệm vụ|giải pháp|nội dung thực hiện", re.IGNORECASE)
TARGET_PART = re.compile(r"mục tiêu|chỉ tiêu", re.IGNORECASE)
IMPLEMENTATION = re.compile(r"tổ chức thực hiện|trách nhiệm thực hiện|phân công", re.IGNORECASE)
REVIEW_PART = re.compile(
    r"tình hình|^(?:về\s+)?kết quả|kết quả (?:đạt được|thực hiện)|đánh giá|kiểm điểm", re.IGNORECASE
)


def leading_part(title: str) -> str | None:
    """ "task" or "target": which kind of part a heading names first.

    "Mục tiêu, nhiệm vụ và giải pháp" opens with goals (its sub-parts decide);
    "Nhiệm vụ, giải pháp thực hiện các chỉ tiêu" is a task part.
    """
    task, target = TASK_PART.search(title), TARGET_PART.search(title)
    if task and (not target or task.start() < target.start()):
        return "task"
    return "target" if target else None


def task_roots(outline: Outline) -> list[Item]:
    """The outermost headings of the task part."""
    roots: list[Item] = []

    def visit(items: list[Item]) -> None:
        for it in items:
            title = it.title or ""
            if (
                it.heading
                and leading_part(title) == "task"
                and not IMPLEMENTATION.search(title)
                and not REVIEW_PART.search(title)
            ):
                roots.append(it)
                continue
            visit(it.children)

    visit(outline.roots)
    return roots


def _excluded(it: Item) -> bool:
    """Parts inside a task part that hold no tasks: implementation, review, goals and targets."""
    title = it.title or ""
    if not it.heading:
        return False
    if leading_part(title) == "target":
        return True
    return bool(IMPLEMENTATION.search(title) or REVIEW_PART.search(title))


def _under(root: Item) -> Iterator[Item]:
    def walk(it: Item) -> Iterator[Item]:
        for c in it.children:
            if _excluded(c):
                continue
            yield c
            yield from walk(c)

    yield from walk(root)


def _fallback_roots(outline: Outline) -> list[Item]:
    """No task part: every top-level part except targets, review and implementation."""
    return [
        it
        for it in outline.roots
        if not (it.heading and (TARGET_PART.search(it.title or "") or _excluded(it)))
    ]


def task_items(outline: Outline) -> list[Item]:
    """The items that are tasks, in document order."""
    roots = task_roots(outline)
    if roots:
        scopes = roots
        candidates = [it for r in roots for it in _under(r)]
    else:
        scopes = _fallback_roots(outline)
        candidates = [it for r in scopes for it in (r, *_under(r))]
    numbered = [it for it in candidates if it.numbered and not any(c.numbered for c in it.children)]
    if numbered:
        return numbered
    for style in ("alpha", "paren"):
        found = [it for it in candidates if it.style == style]
        if found:
            return found
    # Only bullets: each top bullet under a task heading is a task.
    # By identity: `it.parent in scopes` compared items field by field, for every bullet against every
    # scope (quadratic in a page of top-level bullets; issue 11).
    scope_ids = {id(s) for s in scopes}
    return [it for it in candidates if it.style.startswith("bullet") and id(it.parent) in scope_ids]


def classify_domain(
    title: str, text: str, context: str, memo: dict[str, dict[str, int]] | None = None
) -> str:
    """The task's field, from keywords: its title weighs most, then its text, then its section.

    `memo` keeps the scores of section titles for the tasks of one document (they share them).
    """
    vocab = load("domains")
    table: dict[str, list[str]] = vocab["task_domains"]
    memo = {} if memo is None else memo
    context_scores = memo.get(context)
    if context_scores is None:
        context_scores = memo[context] = keyword_score(context, table)
    scores = dict.fromkeys(table, 0)
    parts = [(keyword_score(text[:600], table), 1), (context_scores, 2)]
    if title:  # most tasks have none, and no words score nothing
        parts.append((keyword_score(title, table), 3))
    for part, weight in parts:
        for k, v in part.items():
            scores[k] += v * weight
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else str(vocab["task_default"])


def _label(it: Item) -> str | None:
    if it.style.startswith("bullet"):
        return None
    return it.label


def extract_tasks(outline: Outline, *, years: list[int] | None) -> list[Task]:
    """Task objects with their section, domain, bodies, deadline, projects and references."""
    memo: dict[str, dict[str, int]] = {}  # section titles scored once per document
    table_tasks, owners = _table_tasks(outline, years)
    tasks: list[Task] = list(table_tasks)
    for it in task_items(outline):
        if it in owners:
            continue  # "2. Nhiệm vụ cụ thể" whose table rows are the tasks
        text = body_text(outline, it)
        title = it.title if it.heading else None
        context = " ".join(a.title or "" for a in it.ancestors() if a.heading)
        lead, support = task_roles(text)
        deadline = find_deadline(text, years)
        task = Task(
            label=_label(it),
            section=section_path(it) or None,
            title=title,
            text=text,
            line=it.line,
            domain=classify_domain(title or "", text, context, memo),
            lead=lead,
            support=support,
            deadline=deadline,
            projects=find_projects(text),
            references=find_references(f"{title or ''}\n{text}"),
            line_end=item_span(outline, it),
        )
        task.deadline_period = deadline_period(deadline)
        tasks.append(task)
    tasks.sort(key=lambda t: t.line)
    return tasks


def _table_tasks(outline: Outline, years: list[int] | None) -> tuple[list[Task], list[Item]]:
    """Rows of task tables: in the task part, or anywhere a table names who leads."""
    roots = task_roots(outline) or _fallback_roots(outline)
    in_scope: set[int] = set()
    for r in roots:
        in_scope |= paragraphs_under(r)
    out: list[Task] = []
    owners: list[Item] = []
    for table in find_tables(outline):
        if not (table.has("lead") or (table.first_para in in_scope and not _targets_table(table))):
            continue
        owner = owner_of(outline, table.first_para)
        section = None
        if owner is not None:
            path = section_path(owner)
            own = owner.label if owner.heading and owner.style != "part" else ""
            section = ".".join(x for x in (path, own) if x) or None
            owners.append(owner)
        for row in table.rows:
            v = row.values
            text = v["text"]
            deadline = v.get("deadline") or find_deadline(text, years)
            task = Task(
                label=(v.get("label") or "").rstrip(".") or None,
                section=section,
                title=None,
                text=text,
                line=row.line,
                domain=classify_domain("", text, row.group or (owner.title if owner else "") or ""),
                lead=_cell_bodies(v.get("lead", "")),
                support=_cell_bodies(v.get("support", "")),
                deadline=deadline or None,
                projects=find_projects(text),
                references=find_references(text),
                line_end=row.line,
            )
            task.deadline_period = deadline_period(deadline)
            out.append(task)
    return out, owners


def _cell_bodies(cell: str) -> list[str]:
    """A table cell lists bodies: split at ";" and at "," before a capital ("Hội Nông dân xã, Hợp tác xã")."""
    out: list[str] = []
    for p in re.split(rf";\s*|,\s*(?=[{UPPER}])", cell):
        p = p.strip(" .")
        if p:
            out.append(p[:1].upper() + p[1:])
    return out


def _targets_table(table: Table) -> bool:
    return table.has("value") or table.has("unit")
