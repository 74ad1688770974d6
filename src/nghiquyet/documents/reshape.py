"""Review operations that reshape items: convert a task to an indicator (or back), replace an
indicator's targets from typed rows, split one item into several.

Each works on a copy of the extraction dict (EXTRACTION.md shape) and returns the new copy; the
item is read again with the extractor's own steps (`extract.items.recast`, the number parser).
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from nghiquyet.errors import InputError, NotFoundError, ValidationFailed
from nghiquyet.extract.figures.numbers import format_vn_number, parse_vn_number
from nghiquyet.extract.items.pieces import Piece
from nghiquyet.extract.items.recast import indicator_from_task, plan_year, task_from_indicator
from nghiquyet.extract.model import Extraction, extraction_from_dict
from nghiquyet.extract.summary import COMPARATORS

Kind = Literal["indicator", "task"]
KINDS: tuple[Kind, ...] = ("indicator", "task")
LIST_KEY: dict[str, str] = {"indicator": "indicators", "task": "tasks"}
KIND_NAMES: dict[str, str] = {"indicator": "chỉ tiêu", "task": "nhiệm vụ"}


def check_kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise InputError(f"Loại mục '{kind}' không hợp lệ: chỉ có chỉ tiêu hoặc nhiệm vụ.")
    return kind


def items_of(extraction: dict[str, Any], kind: Kind) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = extraction.setdefault(LIST_KEY[kind], [])
    return items


GONE = "Mục này không còn trong bản rà soát (có thể vừa bị gộp, tách hoặc bỏ): hãy tải lại trang."


def item_at(extraction: dict[str, Any], kind: Kind, index: int) -> dict[str, Any]:
    items = items_of(extraction, kind)
    if not 0 <= index < len(items):
        raise InputError(GONE)
    return items[index]


def _found_item(extraction: dict[str, Any], kind: Kind, index: int) -> dict[str, Any]:
    """Like `item_at`, but a missing item is NotFound (the API answers 404, not 400)."""
    items = items_of(extraction, kind)
    if not 0 <= index < len(items):
        raise NotFoundError(GONE)
    return items[index]


def _insert_by_line(items: list[Any], item: Any) -> int:
    """Put `item` after the last item that starts on or before its line; returns its index."""
    at = len(items)
    while at > 0 and (items[at - 1].line or 0) > (item.line or 0):
        at -= 1
    items.insert(at, item)
    return at


@dataclass
class Converted:
    extraction: dict[str, Any]
    kind: Kind  # the item's kind now
    index: int  # its place in that list now
    dropped_targets: int = 0  # an indicator's targets a task cannot keep


def convert_item(extraction: dict[str, Any], kind: Kind, index: int) -> Converted:
    """The item moved to the other list, read again as that kind (targets parsed from a task's text)."""
    _found_item(extraction, kind, index)
    typed: Extraction = extraction_from_dict(copy.deepcopy(extraction))
    years = typed.metadata.years
    if kind == "task":
        task = typed.tasks.pop(index)
        new = _insert_by_line(typed.indicators, indicator_from_task(task, years=years))
        return Converted(typed.to_dict(), "indicator", new)
    indicator = typed.indicators.pop(index)
    new = _insert_by_line(typed.tasks, task_from_indicator(indicator, years=years))
    return Converted(typed.to_dict(), "task", new, dropped_targets=len(indicator.targets))


# --- The quick target editor: several rows, each metric / comparator / value / unit / year. ---

_RANGE = re.compile(r"^\s*(?P<low>[+−–-]?[^-–—\s][^-–—]*?)\s*(?:[-–—]|đến)\s*(?P<high>[^-–—]+?)\s*$")


@dataclass
class TargetRow:
    """One row as typed: text as the person wrote it ("7,2", "14.150", "7,2 - 7,8")."""

    metric: str = ""
    comparator: str = "eq"
    value: str = ""
    unit: str = ""
    year: str = ""
    keep: int | None = None  # the existing target this row edits (its evidence and change stay)

    @property
    def blank(self) -> bool:
        return not (self.metric.strip() or self.value.strip() or self.unit.strip())


@dataclass
class RowProblem:
    row: int  # 1-based, as the form numbers them
    field: str  # metric | comparator | value | unit | year
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"row": self.row, "field": self.field, "message": self.message}


@dataclass
class _RowReading:
    target: dict[str, Any] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)


def _number(text: str, row: int, what: str, problems: list[RowProblem]) -> float | None:
    try:
        return parse_vn_number(text)
    except ValueError:
        problems.append(RowProblem(row, "value", f"{what} “{text.strip()}” không phải là số. "
                                                 "Hãy viết theo kiểu Việt Nam, ví dụ 7,2 hoặc 14.150."))
        return None


def _values(row: TargetRow, n: int, problems: list[RowProblem]) -> tuple[float | None, float | None, str]:
    """(value, value_max, comparator): a typed range "7,2 - 7,8" makes a plain "=" a range."""
    text, comparator = row.value.strip(), row.comparator or "eq"
    if not text:
        problems.append(RowProblem(n, "value", "Hãy ghi giá trị của mức chỉ tiêu (ví dụ 7,2)."))
        return None, None, comparator
    if (m := _RANGE.match(text)) and not _plain_number(text):
        low = _number(m.group("low"), n, "Mức thấp", problems)
        high = _number(m.group("high"), n, "Mức cao", problems)
        # "khoảng 7 - 8", "ít nhất 7 - 8" are ranges too (EXTRACTION.md): a typed range is one.
        comparator = "range"
        if low is not None and high is not None and high < low:
            problems.append(RowProblem(n, "value", f"Khoảng “{text}” ngược: mức cao phải lớn hơn mức thấp."))
        return low, high, comparator
    value = _number(text, n, "Giá trị", problems)
    if comparator == "range":
        problems.append(RowProblem(n, "value", "So sánh “từ … đến” cần hai số, ví dụ 7,2 - 7,8."))
    return value, None, comparator


def _plain_number(text: str) -> bool:
    try:
        parse_vn_number(text)
    except ValueError:
        return False
    return True


def _year(row: TargetRow, n: int, default: int | None, problems: list[RowProblem]) -> int | None:
    text = row.year.strip()
    if not text:
        return default
    if not re.fullmatch(r"(?:19|20)\d\d", text):
        problems.append(RowProblem(n, "year", f"Năm “{text}” không hợp lệ: viết bốn chữ số, ví dụ 2025."))
        return None
    return int(text)


def read_row(row: TargetRow, n: int, *, old: list[dict[str, Any]], year: int | None) -> _RowReading:
    """One row checked and turned into a target dict (problems listed, never raised)."""
    reading = _RowReading()
    problems = reading.problems
    metric = " ".join(row.metric.split())
    if not metric:
        problems.append(RowProblem(n, "metric", "Hãy ghi nội dung đo của mức chỉ tiêu "
                                                "(ví dụ: Tỷ lệ hộ nghèo)."))
    if (row.comparator or "eq") not in COMPARATORS:
        problems.append(RowProblem(n, "comparator",
                                   f"Phép so sánh “{row.comparator}” không có trong danh sách."))
    value, value_max, comparator = _values(row, n, problems)
    t_year = _year(row, n, year, problems)
    base: dict[str, Any] = {"change": None, "baseline": None, "text": "", "direction": None}
    if row.keep is not None:
        if not 0 <= row.keep < len(old):
            problems.append(RowProblem(n, "metric", "Mức chỉ tiêu này không còn (trang đã cũ): hãy tải lại."))
        else:
            base = dict(old[row.keep])
            if base.get("comparator") != comparator:
                base["direction"] = None  # the wording's direction was read for the old comparator
    reading.target = {**base, "metric": metric, "comparator": comparator, "value": value,
                      "value_max": value_max, "unit": " ".join(row.unit.split()) or None, "year": t_year}
    return reading


def set_targets(extraction: dict[str, Any], index: int, rows: list[TargetRow]) -> dict[str, Any]:
    """A copy whose indicator `index` has exactly the targets of the non-blank rows.

    Every row is checked first; one wrong row raises ValidationFailed naming all problems, and
    nothing changes.
    """
    result = copy.deepcopy(extraction)
    indicator = _found_item(result, "indicator", index)
    old = list(indicator.get("targets") or [])
    year = plan_year((result.get("metadata") or {}).get("years"))
    targets, problems = [], []
    for n, row in enumerate(rows, start=1):
        if row.blank:
            continue
        reading = read_row(row, n, old=old, year=year)
        targets.append(reading.target)
        problems.extend(reading.problems)
    if problems:
        rows_wrong = sorted({p.row for p in problems})
        raise ValidationFailed(
            f"Chưa lưu: {len(rows_wrong)} dòng có lỗi — "
            + "; ".join(f"dòng {p.row}: {p.message}" for p in problems),
            problems=[p.to_dict() for p in problems],
        )
    indicator["targets"] = targets
    return result


def row_from_target(target: dict[str, Any], keep: int) -> TargetRow:
    """A stored target as the editor shows it: Vietnamese numbers, a range as "low - high"."""
    value = target.get("value")
    text = format_vn_number(float(value)) if value is not None else ""
    if target.get("value_max") is not None:
        text = f"{text} - {format_vn_number(float(target['value_max']))}"
    return TargetRow(metric=str(target.get("metric") or ""), comparator=str(target.get("comparator") or "eq"),
                     value=text, unit=str(target.get("unit") or ""),
                     year=str(target.get("year") or ""), keep=keep)


# --- Split: one item into several, each keeping its own lines. ---


@dataclass
class Split:
    extraction: dict[str, Any]
    kind: Kind
    indices: list[int]  # where the parts stand now, in order


def parts_from_cuts(count: int, cuts: list[int]) -> list[list[int]]:
    """Pieces 0..count-1 cut before each index of `cuts` → contiguous groups."""
    bad = [c for c in cuts if not 0 < c < count]
    if bad:
        raise ValidationFailed(
            f"Chỗ tách {bad[0]} không có: mục chỉ có {count} phần (tách trước phần 1 đến {count - 1}).",
            problems=[{"field": "cuts", "message": f"không có chỗ tách {bad[0]}"}],
        )
    edges = [0, *sorted(set(cuts)), count]
    return [list(range(a, b)) for a, b in itertools.pairwise(edges) if b > a]


def _check_parts(count: int, parts: list[list[int]]) -> list[list[int]]:
    seen: list[int] = [i for part in parts for i in part]
    problems = []
    if any(not 0 <= i < count for i in seen):
        problems.append(f"chỉ có các phần 0 đến {count - 1}")
    if len(seen) != len(set(seen)):
        problems.append("mỗi phần chỉ thuộc một mục")
    if set(seen) != set(range(count)) and not problems:
        missing = sorted(set(range(count)) - set(seen))
        problems.append("phần " + ", ".join(str(i) for i in missing) + " chưa thuộc mục nào")
    if any(not part for part in parts):
        problems.append("có mục không có phần nào")
    if not problems and len(parts) < 2:
        problems.append("hãy chọn ít nhất một chỗ tách (mục mới cần ít nhất hai phần)")
    if problems:
        raise ValidationFailed("Không tách được: " + "; ".join(problems) + ".",
                               problems=[{"field": "parts", "message": p} for p in problems])
    ordered = [sorted(part) for part in parts]
    return sorted(ordered, key=lambda part: part[0])


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _owner(part_texts: list[str], target: dict[str, Any]) -> int:
    """The part a target belongs to: the one holding its evidence words, else its number."""
    evidence = _norm(str(target.get("text") or ""))
    if evidence:
        for k, text in enumerate(part_texts):
            if evidence in text:
                return k
    if target.get("value") is not None:
        number = format_vn_number(float(target["value"])).casefold()
        for k, text in enumerate(part_texts):
            if re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text):
                return k
    return 0


def split_item(extraction: dict[str, Any], kind: Kind, index: int, pieces: list[Piece],
               parts: list[list[int]]) -> Split:
    """A copy where item `index` is replaced by one item per part (parts: lists of piece indices)."""
    result = copy.deepcopy(extraction)
    original = _found_item(result, kind, index)
    groups = _check_parts(len(pieces), parts)
    texts = [" ".join(pieces[i].text for i in group).strip(" ;,") for group in groups]
    normed = [_norm(t) for t in texts]
    new_items = []
    for k, group in enumerate(groups):
        first = pieces[group[0]]
        item = copy.deepcopy(original)
        item["text"] = texts[k]
        item["line"] = min(pieces[i].line for i in group) or original.get("line") or 0
        item["line_end"] = max(pieces[i].line_end for i in group) or item["line"]
        item["column"] = first.column
        if k > 0:
            item["label"] = first.label
            if kind == "task":
                item["title"] = None
        if kind == "indicator":
            item["targets"] = [t for t in original.get("targets") or [] if _owner(normed, t) == k]
        else:
            for key in ("projects", "references"):
                item[key] = [x for x in original.get(key) or [] if _owner_of_words(normed, x) == k]
        new_items.append(item)
    items = items_of(result, kind)
    items[index : index + 1] = new_items
    return Split(result, kind, list(range(index, index + len(new_items))))


def _owner_of_words(part_texts: list[str], words: str) -> int:
    needle = _norm(words)
    return next((k for k, text in enumerate(part_texts) if needle and needle in text), 0)


def comparator_choices() -> list[tuple[str, str]]:
    return list(COMPARATORS.items())


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind)


__all__ = ["KINDS", "Converted", "Kind", "RowProblem", "Split", "TargetRow", "check_kind", "convert_item",
           "item_at", "items_of", "parts_from_cuts", "row_from_target", "set_targets", "split_item"]
