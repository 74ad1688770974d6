"""Review corrections as operations on a copy of the extraction: the machine's copy is never changed."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from nghiquyet.errors import InputError
from nghiquyet.web.pages import review_edits as ops


def _extraction() -> dict[str, Any]:
    target = {
        "metric": "Thu ngân sách",
        "comparator": "gte",
        "value": 1200.0,
        "value_max": None,
        "unit": "tỷ đồng",
    }
    return {
        "indicators": [
            {
                "label": "1",
                "group": "kinh_te_xa_hoi",
                "text": "Thu ngân sách đạt 1.200 tỷ đồng.",
                "line": 17,
                "line_end": 17,
                "targets": [target],
            },
            {
                "label": "2",
                "group": "kinh_te_xa_hoi",
                "text": "Tỷ lệ hộ dùng nước sạch 98%.",
                "line": 19,
                "line_end": 19,
                "targets": [{**target, "metric": "Nước sạch", "value": 98.0, "unit": "%"}],
            },
        ],
        "tasks": [{"label": "1", "text": "Chống thất thu thuế.", "line": 29, "line_end": 30, "lead": []}],
    }


def test_lines_are_read_as_a_number_or_a_range() -> None:
    assert ops.parse_lines("120") == (120, 120)
    assert ops.parse_lines(" 120 - 122 ") == (120, 122)
    assert ops.parse_lines("") == (None, None)
    with pytest.raises(InputError):
        ops.parse_lines("122-120")


def test_editing_a_target_reads_vietnamese_numbers_and_leaves_the_original_alone() -> None:
    machine = _extraction()
    before = copy.deepcopy(machine)
    edit = ops.ItemEdit(
        text="Thu ngân sách đạt 1.250,5 tỷ đồng.",
        lines="17",
        targets=[ops.TargetEdit("Thu ngân sách", "gte", "1.250,5", "", "tỷ đồng")],
    )
    corrected = ops.edit_item(machine, "indicator", 0, edit)
    assert corrected["indicators"][0]["targets"][0]["value"] == 1250.5
    assert machine == before
    items = ops.review_items(corrected, machine, "indicator")
    assert [i.edited for i in items] == [True, False]


def test_a_bad_value_is_refused_in_vietnamese() -> None:
    edit = ops.ItemEdit(text="x", targets=[ops.TargetEdit("m", "gte", "12,3,4", "", "")])
    with pytest.raises(InputError, match="không phải là số"):
        ops.edit_item(_extraction(), "indicator", 0, edit)


def test_merging_indicators_joins_texts_targets_and_lines() -> None:
    merged = ops.merge_items(_extraction(), ["indicator:1", "indicator:0"])
    [only] = merged["indicators"]
    assert only["text"] == "Thu ngân sách đạt 1.200 tỷ đồng. Tỷ lệ hộ dùng nước sạch 98%."
    assert [t["metric"] for t in only["targets"]] == ["Thu ngân sách", "Nước sạch"]
    assert (only["line"], only["line_end"]) == (17, 19)


def test_mixed_kinds_cannot_be_merged() -> None:
    with pytest.raises(InputError, match="cùng loại"):
        ops.merge_items(_extraction(), ["indicator:0", "task:0"])


def test_add_and_remove() -> None:
    added = ops.add_item(_extraction(), "task", "Phát triển du lịch", "40-41")
    assert added["tasks"][-1]["line"] == 40 and added["tasks"][-1]["line_end"] == 41
    removed = ops.remove_item(added, "task", 0)
    assert [t["text"] for t in removed["tasks"]] == ["Phát triển du lịch"]
    with pytest.raises(InputError):
        ops.remove_item(removed, "task", 5)
