"""The review screen's split, convert and quick target forms (HTMX fragments, real SQLite)."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import REVIEW_PLAN as PLAN

HX = {"HX-Request": "true"}


def _upload(client: TestClient) -> int:
    r = client.post("/van-ban", files=[("files", ("an-phu-2027.txt", PLAN.encode(), "text/plain"))])
    assert r.status_code == 200, r.text
    m = re.search(r'href="/van-ban/(\d+)"', r.text)
    assert m
    return int(m.group(1))


def test_the_quick_editor_shows_each_target_as_a_vietnamese_row_and_one_empty_row(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    r = client.get(f"/van-ban/{doc_id}/muc/indicator/0/muc-chi-tieu", headers=HX)
    assert r.status_code == 200, r.text
    rows = re.findall(r"<tr data-row", r.text.split("<template", 1)[0])
    assert len(rows) == 3  # two targets and an empty row to type into
    assert 'value="82"' in r.text and 'value="Thu nhập bình quân đầu người"' in r.text
    assert 'aria-label="Giá trị, dòng 3"' in r.text
    assert re.search(r'name="year"[^>]*value="2027"', r.text)  # a new row starts with the plan's year


def test_a_wrong_row_is_marked_under_itself_and_the_typed_values_stay(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    data = {
        "metric": ["Tăng trưởng", "Sản lượng"],
        "comparator": ["eq", "eq"],
        "value": ["7,2", "14,1,5"],
        "unit": ["%", "tấn"],
        "year": ["2027", "2027"],
        "keep": ["0", ""],
    }
    r = client.post(f"/van-ban/{doc_id}/muc/indicator/0/muc-chi-tieu", headers=HX, data=data)
    assert r.status_code == 200
    assert "Chưa lưu mức nào: 1 dòng có lỗi" in r.text
    assert "Dòng 2: Giá trị “14,1,5” không phải là số" in r.text
    assert 'value="14,1,5"' in r.text and 'aria-invalid="true"' in r.text
    page = client.get(f"/van-ban/{doc_id}").text
    assert "Tăng trưởng: " not in page  # nothing was saved


def test_convert_and_split_answer_with_the_new_items_marked(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    r = client.post(f"/van-ban/{doc_id}/muc/task/1/chuyen", headers=HX)
    assert "Đã chuyển nhiệm vụ thành chỉ tiêu. Đọc được 1 mức chỉ tiêu" in r.text
    assert re.search(r'class="item just-changed" id="item-indicator-2"', r.text)
    form = client.get(f"/van-ban/{doc_id}/muc/indicator/1/tach", headers=HX).text
    assert form.count('name="part"') == 2
    r = client.post(f"/van-ban/{doc_id}/muc/indicator/1/tach", headers=HX, data={"part": ["1", "2"]})
    assert "Đã tách chỉ tiêu thành 2 mục" in r.text
    assert "Dòng 8" in r.text and "Chỉ tiêu (4)" in r.text
    r = client.post(f"/van-ban/{doc_id}/muc/indicator/0/tach", headers=HX, data={"part": ["1", "1"]})
    assert "ít nhất một chỗ tách" in r.text and 'name="part"' in r.text  # the form again, nothing split
    # The forms aim at the whole list; a refusal goes back in place of the item only.
    assert (r.headers["HX-Retarget"], r.headers["HX-Reswap"]) == ("#item-indicator-0", "outerHTML")
    own = "Đẩy mạnh chuyển đổi số\ntrong cơ quan đảng, chính quyền."
    r = client.post(f"/van-ban/{doc_id}/muc/task/0/tach", headers=HX, data={"texts": own})
    assert "Đã tách nhiệm vụ thành 2 mục" in r.text and "Nhiệm vụ (2)" in r.text
