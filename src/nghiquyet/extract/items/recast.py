"""Recast one item as the other kind, as review asks ("this task is really a target", or back).

The item is read again by the very steps the pipeline runs on a fresh one: a task's text by the
target parser, an indicator's text for its bodies, deadline, projects and references. Where the
item came from (its lines, column, section, label) stays as it was.
"""

from __future__ import annotations

from nghiquyet.extract.figures.targets import parse_targets
from nghiquyet.extract.items.assignments import task_roles
from nghiquyet.extract.items.deadlines import deadline_period, find_deadline
from nghiquyet.extract.items.evidence import clause_group
from nghiquyet.extract.items.projects import find_projects
from nghiquyet.extract.items.references import find_references
from nghiquyet.extract.items.tasks import classify_domain
from nghiquyet.extract.model import Indicator, Task

# A task's field that names an indicator group outright; the other fields (economy, culture,
# foreign affairs) leave the group to the indicator's own words, as the extractor does.
_GROUP_OF_DOMAIN = {"xay_dung_dang": "xay_dung_dang", "quoc_phong_an_ninh": "quoc_phong_an_ninh",
                    "moi_truong": "moi_truong"}
_DOMAIN_OF_GROUP = {v: k for k, v in _GROUP_OF_DOMAIN.items()}


def plan_year(years: list[int] | None) -> int | None:
    """The year a target of the plan is for when its text names none: the plan's last year."""
    return years[-1] if years else None


def indicator_from_task(task: Task, *, years: list[int] | None) -> Indicator:
    """The task as an indicator whose targets are read from its text (none when it states no figure)."""
    text = f"{task.title}: {task.text}" if task.title and task.title not in task.text else task.text
    group = _GROUP_OF_DOMAIN.get(task.domain or "") or clause_group(text)
    return Indicator(label=task.label, group=group, text=text, line=task.line,
                     targets=parse_targets(text, year=plan_year(years)), line_end=task.line_end,
                     section=task.section)


def task_from_indicator(indicator: Indicator, *, years: list[int] | None) -> Task:
    """The indicator as a task: its bodies, deadline, projects and references read from its text."""
    text = indicator.text
    lead, support = task_roles(text)
    deadline = find_deadline(text, years)
    domain = _DOMAIN_OF_GROUP.get(indicator.group) or classify_domain("", text, "")
    return Task(label=indicator.label, section=indicator.section, title=None, text=text,
                line=indicator.line, domain=domain, lead=lead, support=support, deadline=deadline,
                projects=find_projects(text), references=find_references(text),
                line_end=indicator.line_end, deadline_period=deadline_period(deadline))
