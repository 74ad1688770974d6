"""Assignment by subject: a CSV of rules (keyword, unit code, lead/support) gives each item its units.

Shared by the demo and `nghiquyet assign --rules`: an item whose text holds a keyword goes to that
rule's unit; the most specific (longest) lead keyword wins, up to two supporting units follow.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.errors import InputError
from nghiquyet.plans.models import Indicator, Plan, Task
from nghiquyet.tracking.assignments import AssignmentSpec
from nghiquyet.units.models import Unit

COLUMNS = ("keyword", "unit_code", "role")
ROLES = ("lead", "support")


@dataclass(frozen=True, slots=True)
class Rule:
    keyword: str
    unit_code: str
    role: str


def parse_rules(text: str, *, source: str = "tệp quy tắc") -> list[Rule]:
    """Rules from CSV text with the header keyword,unit_code,role; a bad line raises, naming it."""
    reader = csv.DictReader(text.lstrip("\ufeff").splitlines())
    if reader.fieldnames is None or any(c not in reader.fieldnames for c in COLUMNS):
        raise InputError(f"{source}: dòng đầu phải là các cột {','.join(COLUMNS)}", path=source, line=1)
    rules: list[Rule] = []
    for line, row in enumerate(reader, start=2):
        keyword, code, role = ((row.get(c) or "").strip() for c in COLUMNS)
        if not keyword or not code or role not in ROLES:
            raise InputError(f"{source}, dòng {line}: cần từ khóa, mã đơn vị và vai trò lead hoặc support",
                             path=source, line=line)
        rules.append(Rule(keyword.lower(), code, role))
    return rules


def match(text: str, rules: list[Rule]) -> tuple[str | None, list[str]]:
    """The lead unit (the most specific keyword found wins) and up to two supporting units."""
    low = text.lower()
    found = [r for r in rules if r.keyword in low]
    leads = sorted((r for r in found if r.role == "lead"), key=lambda r: -len(r.keyword))
    lead = leads[0].unit_code if leads else None
    support: list[str] = []
    for r in sorted(found, key=lambda r: -len(r.keyword)):
        if r.unit_code != lead and r.unit_code not in support and (r.role == "support" or len(support) < 1):
            support.append(r.unit_code)
    return lead, support[:2]


def plan_specs(session: Session, plan: Plan, rules: list[Rule], deadline: dt.date,
               ) -> tuple[list[AssignmentSpec], dict[tuple[str, int], int]]:
    """The assignments the rules give every indicator and task of `plan`, and each item's lead unit.

    A task keeps its own deadline when the document gives one; every other item gets `deadline`.
    """
    codes = {r.unit_code for r in rules}
    units = {u.code: u for u in session.scalars(select(Unit).where(Unit.code.in_(codes)))}
    missing = sorted(codes - set(units))
    if missing:
        raise InputError(f"không có đơn vị mang mã {', '.join(missing)}; nhập danh sách đơn vị trước")
    specs: list[AssignmentSpec] = []
    leads: dict[tuple[str, int], int] = {}
    items: list[tuple[str, Indicator | Task, str]] = [
        ("indicator", i, f"{i.text} {' '.join(t.metric for t in i.targets)}") for i in plan.indicators]
    items += [("task", t, f"{t.title or ''} {t.text}") for t in plan.tasks]
    for item_type, item, text in items:
        lead, support = match(text, rules)
        if lead is None:
            continue
        due = item.deadline if isinstance(item, Task) and item.deadline is not None else deadline
        specs.append(AssignmentSpec(item_type, item.id, units[lead].id, "lead", due))
        leads[(item_type, item.id)] = units[lead].id
        specs += [AssignmentSpec(item_type, item.id, units[code].id, "support", due) for code in support]
    return specs, leads
