"""Review reshapes items through the API: convert a task to an indicator (or back), type several
targets at once, split an item; bad values answer 422 in Vietnamese and save nothing; every edit
is in the audit trail."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import REVIEW_PLAN as PLAN

from .conftest import MakeUser, login

API = "/api/v1/documents"


@pytest.fixture
def office(api_client: TestClient, make_user: MakeUser) -> dict[str, str]:
    make_user("vanphong", "office")
    make_user("kiemtra", "inspector")
    return login(api_client, "vanphong")


def _upload(client: TestClient, headers: dict[str, str], text: str = PLAN) -> int:
    response = client.post(
        API, headers=headers, files={"file": ("an-phu-2027.txt", text.encode(), "text/plain")}
    )
    assert response.status_code == 200, response.text
    doc_id: int = response.json()["id"]
    return doc_id


def _review(client: TestClient, headers: dict[str, str], doc_id: int) -> dict[str, Any]:
    body: dict[str, Any] = client.get(f"{API}/{doc_id}", headers=headers).json()
    return body["review"] or body["extraction"]


def _review_events(client: TestClient, doc_id: int) -> list[dict[str, Any]]:
    inspector = login(client, "kiemtra")
    events: list[dict[str, Any]] = client.get(
        "/api/v1/audit",
        headers=inspector,
        params={"object_type": "document", "object_id": doc_id, "action": "document.review"},
    ).json()
    return events


def test_a_task_becomes_an_indicator_with_the_target_its_text_states(
    api_client: TestClient, office: dict[str, str]
) -> None:
    doc_id = _upload(api_client, office)
    response = api_client.post(f"{API}/{doc_id}/review/task/1/convert", headers=office)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["kind"], body["index"]) == ("indicator", 2)  # after the indicators of lines 6 and 7
    item = body["item"]
    assert item["line"] == 11 and item["text"] == "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96%."
    [target] = item["targets"]
    assert (target["comparator"], target["value"], target["unit"], target["year"]) == ("eq", 96.0, "%", 2027)
    assert "bảo hiểm y tế" in target["metric"]

    review = _review(api_client, office, doc_id)
    assert [t["line"] for t in review["tasks"]] == [10]
    machine = api_client.get(f"{API}/{doc_id}", headers=office).json()["extraction"]
    assert len(machine["tasks"]) == 2  # the machine's copy is never changed
    [event] = _review_events(api_client, doc_id)
    assert event["after"]["operation"] == {
        "op": "convert",
        "from": "task",
        "to": "indicator",
        "index": 1,
        "new_index": 2,
        "line": 11,
        "dropped_targets": 0,
    }
    assert event["after"]["changes"]["tasks"]["removed"]


def test_an_indicator_becomes_a_task_and_says_how_many_targets_it_left(
    api_client: TestClient, office: dict[str, str]
) -> None:
    doc_id = _upload(api_client, office)
    body = api_client.post(f"{API}/{doc_id}/review/indicator/0/convert", headers=office).json()
    assert (body["kind"], body["index"], body["dropped_targets"]) == ("task", 0, 2)
    assert body["item"]["line"] == 6 and body["item"]["lead"] == []
    review = _review(api_client, office, doc_id)
    assert [i["line"] for i in review["indicators"]] == [7]
    assert [t["line"] for t in review["tasks"]] == [6, 10, 11]


def test_quick_rows_read_vietnamese_numbers_and_keep_an_edited_targets_evidence(
    api_client: TestClient, office: dict[str, str]
) -> None:
    doc_id = _upload(api_client, office)
    rows = [
        {
            "metric": "Tốc độ tăng giá trị sản xuất",
            "comparator": "gte",
            "value": "7,2",
            "unit": "%",
            "year": "2027",
            "keep": 0,
        },
        {"metric": "Sản lượng lương thực", "comparator": "eq", "value": "14.150", "unit": "tấn", "year": ""},
        {"metric": "Tăng trưởng tín dụng", "comparator": "eq", "value": "1,5 - 2", "unit": "%", "year": 2026},
        {"metric": "", "comparator": "eq", "value": "", "unit": "", "year": ""},  # a blank row: skipped
        {"metric": "Số xã đạt chuẩn", "value": 3, "unit": "xã"},
    ]
    response = api_client.put(
        f"{API}/{doc_id}/review/indicator/0/targets", headers=office, json={"rows": rows}
    )
    assert response.status_code == 200, response.text
    saved = response.json()["targets"]
    got = [(t["metric"], t["comparator"], t["value"], t["value_max"], t["unit"], t["year"]) for t in saved]
    assert got == [
        ("Tốc độ tăng giá trị sản xuất", "gte", 7.2, None, "%", 2027),
        ("Sản lượng lương thực", "eq", 14150.0, None, "tấn", 2027),  # no year typed: the plan's year
        ("Tăng trưởng tín dụng", "range", 1.5, 2.0, "%", 2026),
        ("Số xã đạt chuẩn", "eq", 3.0, None, "xã", 2027),
    ]
    assert saved[0]["text"] == "Tốc độ tăng giá trị sản xuất đạt 9%"  # the edited target's evidence stays
    assert saved[1]["text"] == ""
    assert _review(api_client, office, doc_id)["indicators"][0]["targets"] == saved
    [event] = _review_events(api_client, doc_id)
    assert event["after"]["operation"] == {"op": "targets", "index": 0, "before": 2, "after": 4}


def test_one_wrong_row_saves_nothing_and_each_problem_names_its_row(
    api_client: TestClient, office: dict[str, str]
) -> None:
    doc_id = _upload(api_client, office)
    before = _review(api_client, office, doc_id)["indicators"][0]["targets"]
    rows = [
        {"metric": "Sản lượng lương thực", "value": "14.150", "unit": "tấn"},  # fine
        {"metric": "Tăng trưởng", "value": "7,2,5", "unit": "%"},
        {"metric": "", "value": "3", "unit": "xã", "year": "20277"},
        {"metric": "Tín dụng", "comparator": "range", "value": "12", "unit": "%"},
        {"metric": "Vốn", "comparator": "nhiều hơn", "value": "5", "unit": "tỷ đồng"},
    ]
    response = api_client.put(
        f"{API}/{doc_id}/review/indicator/0/targets", headers=office, json={"rows": rows}
    )
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["detail"].startswith("Chưa lưu: 4 dòng có lỗi")
    assert "dòng 2: Giá trị “7,2,5” không phải là số" in body["detail"]
    assert [(e["row"], e["field"]) for e in body["errors"]] == [
        (2, "value"),
        (3, "metric"),
        (3, "year"),
        (4, "value"),
        (5, "comparator"),
    ]
    assert "Năm “20277” không hợp lệ" in body["errors"][2]["message"]
    # Each problem is also an item of the documented 422 schema (loc, msg, type).
    assert body["errors"][0]["loc"] == ["body", "rows", 1, "value"]
    first = body["errors"][0]
    assert first["msg"] == first["message"] and first["type"] == "value_error"
    assert _review(api_client, office, doc_id)["indicators"][0]["targets"] == before
    assert api_client.get(f"{API}/{doc_id}", headers=office).json()["review"] is None
    assert _review_events(api_client, doc_id) == []


def test_pieces_then_split_keeps_each_parts_source_line_and_targets(
    api_client: TestClient, office: dict[str, str]
) -> None:
    doc_id = _upload(api_client, office)
    pieces = api_client.get(f"{API}/{doc_id}/review/indicator/1/pieces", headers=office).json()
    assert [(p["text"], p["line"], p["cut"]) for p in pieces] == [
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 5%;", 7, False),
        ("tỷ lệ trường đạt chuẩn quốc gia đạt 80%.", 8, True),  # a new source line after ";"
    ]
    response = api_client.post(f"{API}/{doc_id}/review/indicator/1/split", headers=office, json={"cuts": [1]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["indices"] == [1, 2]
    first, second = body["items"]
    assert (first["line"], first["line_end"], first["label"]) == (7, 7, "2")
    assert (second["line"], second["line_end"], second["label"]) == (8, 8, None)
    assert first["text"] == "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 5%"
    assert [t["value"] for t in first["targets"]] == [5.0]
    assert [t["value"] for t in second["targets"]] == [80.0]
    assert second["column"] == 0 and first["column"] == 3
    review = _review(api_client, office, doc_id)
    assert [i["line"] for i in review["indicators"]] == [6, 7, 8]
    [event] = _review_events(api_client, doc_id)
    assert event["after"]["operation"] == {
        "op": "split",
        "kind": "indicator",
        "index": 1,
        "parts": 2,
        "lines": [7, 8],
    }


def test_split_by_parts_groups_the_pieces_chosen(api_client: TestClient, office: dict[str, str]) -> None:
    three = PLAN.replace("đạt 82 triệu đồng.", "đạt 82 triệu đồng. Tỷ lệ hộ nghèo giảm còn 0,8%.")
    doc_id = _upload(api_client, office, three)
    pieces = api_client.get(f"{API}/{doc_id}/review/indicator/0/pieces", headers=office).json()
    assert len(pieces) == 3
    body = api_client.post(
        f"{API}/{doc_id}/review/indicator/0/split", headers=office, json={"parts": [[2, 0], [1]]}
    ).json()
    texts = [i["text"] for i in body["items"]]
    assert texts == [
        "Tốc độ tăng giá trị sản xuất đạt 9%. Tỷ lệ hộ nghèo giảm còn 0,8%.",
        "Thu nhập bình quân đầu người đạt 82 triệu đồng.",
    ]
    assert [[t["unit"] for t in i["targets"]] for i in body["items"]] == [["%", "%"], ["triệu đồng"]]


def test_split_where_the_reader_puts_line_breaks_inside_a_sentence(
    api_client: TestClient, office: dict[str, str]
) -> None:
    doc_id = _upload(api_client, office)
    texts = ["Đẩy mạnh chuyển đổi số trong cơ quan đảng,", "chính  quyền."]  # spaces may differ
    response = api_client.post(f"{API}/{doc_id}/review/task/0/split", headers=office, json={"texts": texts})
    assert response.status_code == 200, response.text
    got = [(i["text"], i["line"], i["column"], i["label"]) for i in response.json()["items"]]
    assert got == [("Đẩy mạnh chuyển đổi số trong cơ quan đảng", 10, 3, "1"), ("chính quyền.", 10, 46, None)]
    # A word added is an edit, not a split: refused, nothing saved.
    refused = api_client.post(
        f"{API}/{doc_id}/review/task/0/split", headers=office, json={"texts": ["Đẩy mạnh", "ở chính quyền."]}
    )
    assert refused.status_code == 422 and "không thêm, bớt hay sửa chữ" in refused.json()["detail"]
    assert len(_review(api_client, office, doc_id)["tasks"]) == 3


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"cuts": [5]}, "Chỗ tách 5 không có"),
        ({"cuts": []}, "ít nhất một chỗ tách"),
        ({"parts": [[0], [0, 1]]}, "mỗi phần chỉ thuộc một mục"),
        ({"parts": [[1]]}, "phần 0 chưa thuộc mục nào"),
        ({"cuts": [1], "parts": [[0], [1]]}, "đúng một trong ba"),
    ],
)
def test_a_split_that_cannot_be_done_is_422_in_vietnamese_and_saves_nothing(
    api_client: TestClient, office: dict[str, str], body: dict[str, Any], words: str
) -> None:
    doc_id = _upload(api_client, office)
    response = api_client.post(f"{API}/{doc_id}/review/indicator/0/split", headers=office, json=body)
    assert response.status_code == 422, response.text
    assert words in response.json()["detail"]
    assert all(e["loc"][0] == "body" and e["msg"] for e in response.json()["errors"])
    assert api_client.get(f"{API}/{doc_id}", headers=office).json()["review"] is None


def test_reshaping_is_for_the_office_and_names_what_is_wrong(
    api_client: TestClient, office: dict[str, str], make_user: MakeUser
) -> None:
    doc_id = _upload(api_client, office)
    make_user("lanhdao", "leader")
    leader = login(api_client, "lanhdao")
    denied = api_client.post(f"{API}/{doc_id}/review/task/1/convert", headers=leader)
    assert denied.status_code == 403 and "chuyển loại mục" in denied.json()["detail"]
    office = login(api_client, "vanphong")
    wrong_kind = api_client.post(f"{API}/{doc_id}/review/muc/1/convert", headers=office)
    assert wrong_kind.status_code == 422 and "không thuộc danh sách" in wrong_kind.json()["detail"]
    gone = api_client.post(f"{API}/{doc_id}/review/task/9/convert", headers=office)
    assert gone.status_code == 404 and "không còn trong bản rà soát" in gone.json()["detail"]
    rows = {"rows": [{"metric": "x", "value": "1"}]}
    gone_rows = api_client.put(f"{API}/{doc_id}/review/indicator/7/targets", headers=office, json=rows)
    assert gone_rows.status_code == 404


def test_the_reshaped_review_is_what_the_confirmed_plan_tracks(
    api_client: TestClient, office: dict[str, str]
) -> None:
    doc_id = _upload(api_client, office)
    assert (
        api_client.post(
            f"{API}/{doc_id}/review/indicator/1/split", headers=office, json={"cuts": [1]}
        ).status_code
        == 200
    )
    assert api_client.post(f"{API}/{doc_id}/review/task/1/convert", headers=office).status_code == 200
    rows = [
        {
            "metric": "Tỷ lệ người dân tham gia bảo hiểm y tế",
            "comparator": "gte",
            "value": "96,5",
            "unit": "%",
            "keep": 0,
        }
    ]
    assert (
        api_client.put(
            f"{API}/{doc_id}/review/indicator/3/targets", headers=office, json={"rows": rows}
        ).status_code
        == 200
    )
    plan_id = api_client.post(f"{API}/{doc_id}/plan", headers=office).json()["plan_id"]
    plan = api_client.get(f"/api/v1/plans/{plan_id}", headers=office).json()
    assert [(i["line"], i["line_end"]) for i in plan["indicators"]] == [(6, 6), (7, 7), (8, 8), (11, 11)]
    assert [t["line"] for t in plan["tasks"]] == [10]
    last = plan["indicators"][3]["targets"]
    assert [(t["comparator"], t["value"], t["unit"], t["year"]) for t in last] == [("gte", 96.5, "%", 2027)]
