"""Reviewer's corrections as operations on a copy of the extraction dict (EXTRACTION.md shape).

The pages apply one operation, then hand the whole corrected copy to `documents.service.save_review`,
which keeps it beside the machine's extraction (never over it).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

from nghiquyet.documents.reshape import LIST_KEY
from nghiquyet.documents.reshape import Kind as Kind  # the pages name them through this module
from nghiquyet.documents.reshape import check_kind as check_kind
from nghiquyet.documents.reshape import item_at as item_at
from nghiquyet.documents.reshape import items_of as _items
from nghiquyet.errors import InputError
from nghiquyet.extract.figures.numbers import parse_vn_number

_LINES = re.compile(r"^\s*(\d{1,6})\s*(?:[-–—]\s*(\d{1,6}))?\s*$")


@dataclass
class ReviewItem:
    """One extracted item as the review screen shows it."""

    kind: Kind
    index: int
    label: str | None
    text: str
    line: int | None
    line_end: int | None
    edited: bool
    column: int | None = None  # where the item starts in its line (one-line pages, inline lists)
    title: str | None = None
    group: str | None = None
    deadline: str | None = None
    lead: list[str] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)


def _fingerprint(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)


def review_items(effective: dict[str, Any], machine: dict[str, Any], kind: Kind) -> list[ReviewItem]:
    """The items of `effective`, each flagged when it differs from everything the machine extracted."""
    original = {_fingerprint(i) for i in machine.get(LIST_KEY[kind]) or []}
    out = []
    for index, d in enumerate(effective.get(LIST_KEY[kind]) or []):
        out.append(
            ReviewItem(
                kind=kind,
                index=index,
                label=d.get("label"),
                text=str(d.get("text") or ""),
                line=d.get("line") or None,
                line_end=d.get("line_end"),
                edited=_fingerprint(d) not in original,
                column=d.get("column") if isinstance(d.get("column"), int) else None,
                title=d.get("title"),
                group=d.get("group"),
                deadline=d.get("deadline"),
                lead=list(d.get("lead") or []),
                targets=list(d.get("targets") or []),
            )
        )
    return out


def parse_lines(text: str) -> tuple[int | None, int | None]:
    """ "120" → (120, 120); "120-122" → (120, 122); "" → (None, None)."""
    if not text.strip():
        return None, None
    m = _LINES.match(text)
    if not m:
        raise InputError(
            f"Số dòng “{text.strip()}” không hợp lệ: viết một số (120) hoặc một khoảng (120-122)."
        )
    first = int(m.group(1))
    last = int(m.group(2) or first)
    if last < first:
        raise InputError(f"Khoảng dòng “{text.strip()}” ngược: dòng cuối phải lớn hơn dòng đầu.")
    return first, last


def parse_optional_number(text: str, what: str) -> float | None:
    """A Vietnamese-written number, or None when empty; InputError in Vietnamese otherwise."""
    if not text.strip():
        return None
    try:
        return parse_vn_number(text)
    except ValueError:
        raise InputError(
            f"{what} “{text.strip()}” không phải là số. Hãy viết theo kiểu Việt Nam, ví dụ 1.234,5."
        ) from None


@dataclass
class TargetEdit:
    metric: str
    comparator: str
    value: str
    value_max: str
    unit: str


@dataclass
class ItemEdit:
    label: str = ""
    text: str = ""
    lines: str = ""
    title: str = ""
    group: str = ""
    deadline: str = ""
    lead: str = ""
    targets: list[TargetEdit] = field(default_factory=list)


def edit_item(extraction: dict[str, Any], kind: Kind, index: int, edit: ItemEdit) -> dict[str, Any]:
    """A copy of `extraction` with one item corrected."""
    result = copy.deepcopy(extraction)
    item = item_at(result, kind, index)
    if not edit.text.strip():
        raise InputError("Nội dung của mục không được để trống.")
    item["label"] = edit.label.strip() or None
    item["text"] = edit.text.strip()
    item["line"], item["line_end"] = parse_lines(edit.lines)
    if item["line"] is None:
        item["line"] = 0
    if kind == "indicator":
        item["group"] = edit.group or item.get("group") or "other"
        targets = item.setdefault("targets", [])
        for t, e in zip(targets, edit.targets, strict=False):
            t["metric"] = e.metric.strip()
            t["comparator"] = e.comparator or t.get("comparator") or "eq"
            t["value"] = parse_optional_number(e.value, "Giá trị")
            t["value_max"] = parse_optional_number(e.value_max, "Giá trị trên")
            t["unit"] = e.unit.strip() or None
    else:
        item["title"] = edit.title.strip() or None
        item["deadline"] = edit.deadline.strip() or None
        item["lead"] = [x.strip() for x in edit.lead.split(";") if x.strip()]
    return result


def add_item(extraction: dict[str, Any], kind: Kind, text: str, lines: str) -> dict[str, Any]:
    """A copy with one item the machine missed appended."""
    if not text.strip():
        raise InputError("Hãy nhập nội dung của mục cần thêm.")
    first, last = parse_lines(lines)
    result = copy.deepcopy(extraction)
    base: dict[str, Any] = {"label": None, "text": text.strip(), "line": first or 0, "line_end": last}
    if kind == "indicator":
        base.update(group="other", section=None, targets=[])
    else:
        base.update(
            section=None,
            title=None,
            domain=None,
            lead=[],
            support=[],
            deadline=None,
            projects=[],
            references=[],
        )
    _items(result, kind).append(base)
    return result


def remove_item(extraction: dict[str, Any], kind: Kind, index: int) -> dict[str, Any]:
    result = copy.deepcopy(extraction)
    item_at(result, kind, index)
    del _items(result, kind)[index]
    return result


def merge_items(extraction: dict[str, Any], picks: list[str]) -> dict[str, Any]:
    """Merge items given as "kind:index" into the first one: texts joined, targets and lines combined."""
    parsed: list[tuple[Kind, int]] = []
    for pick in picks:
        kind_text, _, index_text = pick.partition(":")
        if not index_text.isdigit():
            raise InputError(f"Lựa chọn “{pick}” không hợp lệ.")
        parsed.append((check_kind(kind_text), int(index_text)))
    if len(parsed) < 2:
        raise InputError("Hãy chọn ít nhất hai mục để gộp.")
    kinds = {k for k, _ in parsed}
    if len(kinds) > 1:
        raise InputError("Chỉ gộp được các mục cùng loại (chỉ tiêu với chỉ tiêu, nhiệm vụ với nhiệm vụ).")
    kind = parsed[0][0]
    indices = sorted({i for _, i in parsed})
    result = copy.deepcopy(extraction)
    items = [item_at(result, kind, i) for i in indices]
    head, rest = items[0], items[1:]
    for other in rest:
        head["text"] = f"{head.get('text') or ''} {other.get('text') or ''}".strip()
        lines = [
            x for x in (head.get("line"), head.get("line_end"), other.get("line"), other.get("line_end")) if x
        ]
        if lines:
            head["line"], head["line_end"] = min(lines), max(lines)
        if kind == "indicator":
            head.setdefault("targets", []).extend(other.get("targets") or [])
        else:
            for key in ("lead", "support", "projects", "references"):
                merged = list(head.get(key) or [])
                merged += [x for x in other.get(key) or [] if x not in merged]
                head[key] = merged
    for i in reversed(indices[1:]):
        del _items(result, kind)[i]
    return result
