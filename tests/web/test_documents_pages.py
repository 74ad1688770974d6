"""Văn bản pages: upload, review beside the source, corrections saved as review edits, confirm."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

HX = {"HX-Request": "true"}
SEED = (
    "NGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n\nI. CHỈ TIÊU\n1. Tốc độ tăng trưởng GRDP đạt 7%.\n"
    "2. Thu ngân sách nhà nước đạt 12.000 tỷ đồng.\n\nII. NHIỆM VỤ\n1. Đẩy mạnh chuyển đổi số.\n"
)


def _upload(client: TestClient) -> int:
    r = client.post("/van-ban", files=[("files", ("nq-2024.txt", SEED.encode(), "text/plain"))])
    assert r.status_code == 200, r.text
    assert "Đã nhập “nq-2024.txt”" in r.text
    m = re.search(r'href="/van-ban/(\d+)"', r.text)
    assert m
    return int(m.group(1))


def test_office_uploads_and_sees_source_with_line_numbers(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    r = client.get(f"/van-ban/{doc_id}")
    assert r.status_code == 200
    assert 'id="L5"' in r.text and "Tốc độ tăng trưởng GRDP đạt 7%." in r.text


def test_unreadable_file_is_reported_by_name_and_others_still_import(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    r = client.post(
        "/van-ban",
        files=[
            ("files", ("bang.xls", b"\x00\x01", "application/octet-stream")),
            ("files", ("nq.txt", SEED.encode(), "text/plain")),
        ],
    )
    assert r.status_code == 200
    assert "Không nhập được “bang.xls”" in r.text
    assert "Đã nhập “nq.txt”" in r.text


def test_added_item_is_a_review_edit_and_can_be_corrected(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    r = client.post(
        f"/van-ban/{doc_id}/muc", headers=HX, data={"kind": "task", "text": "Phát triển du lịch", "line": "9"}
    )
    assert r.status_code == 200 and "Phát triển du lịch" in r.text
    index = int(re.findall(r'id="item-task-(\d+)"', r.text)[-1])
    r = client.post(
        f"/van-ban/{doc_id}/muc/task/{index}",
        headers=HX,
        data={"text": "Phát triển du lịch xanh", "line": "9-10", "lead": "Sở Du lịch"},
    )
    assert r.status_code == 200
    assert "Phát triển du lịch xanh" in r.text and "Đã sửa khi rà soát" in r.text
    assert 'data-line-end="10"' in r.text


def test_bad_line_range_shows_the_form_again_with_a_reason(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    r = client.post(
        f"/van-ban/{doc_id}/muc",
        headers=HX,
        data={"kind": "indicator", "text": "Tỷ lệ che phủ rừng", "line": ""},
    )
    index = int(re.findall(r'id="item-indicator-(\d+)"', r.text)[-1])
    r = client.post(
        f"/van-ban/{doc_id}/muc/indicator/{index}", headers=HX, data={"text": "x", "line": "mười"}
    )
    assert r.status_code == 200
    assert "field-error" in r.text and "không hợp lệ" in r.text


def test_unit_user_cannot_upload(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("sokhdt")
    r = client.post("/van-ban", files=[("files", ("nq.txt", SEED.encode(), "text/plain"))])
    assert r.status_code == 403
    assert "Không có quyền truy cập" in r.text


def test_merging_two_items_keeps_one_with_both_texts(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    for text, line in (("Phát triển du lịch", "9"), ("gắn với bảo vệ rừng", "10")):
        r = client.post(
            f"/van-ban/{doc_id}/muc", headers=HX, data={"kind": "task", "text": text, "line": line}
        )
    indices = re.findall(r'id="item-task-(\d+)"', r.text)
    r = client.post(
        f"/van-ban/{doc_id}/gop", headers=HX, data={"merge": [f"task:{indices[-2]}", f"task:{indices[-1]}"]}
    )
    assert r.status_code == 200 and "Đã gộp 2 mục thành một." in r.text
    assert "Phát triển du lịch gắn với bảo vệ rừng" in r.text
    assert len(re.findall(r'id="item-task-(\d+)"', r.text)) == len(indices) - 1


def test_merge_needs_two_items_of_one_kind(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    r = client.post(f"/van-ban/{doc_id}/gop", headers=HX, data={"merge": ["task:0"]})
    assert "Hãy chọn ít nhất hai mục để gộp." in r.text


def test_reextraction_shows_what_changed_and_keeps_the_review(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    client.post(
        f"/van-ban/{doc_id}/muc", headers=HX, data={"kind": "task", "text": "Mục thêm tay", "line": "3"}
    )
    r = client.post(f"/van-ban/{doc_id}/trich-xuat-lai")
    assert r.status_code == 200
    assert "Trích xuất lại: những gì thay đổi" in r.text
    assert "Mục thêm tay" in r.text  # the reviewer's copy is untouched


def test_confirming_leads_to_assignment(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    r = client.post(f"/van-ban/{doc_id}/xac-nhan")
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert page.status_code == 200 and "Đã xác nhận kế hoạch" in page.text
    plan_id = re.search(r"/ke-hoach/(\d+)/", r.headers["location"]).group(1)  # type: ignore[union-attr]
    r = client.post(
        f"/ke-hoach/{plan_id}/giao-viec", data={"unit_id": "", "role": "lead", "deadline": "31/13/2025"}
    )
    assert r.status_code == 400
    assert "không đúng dạng ngày/tháng/năm" in r.text


def test_the_same_file_twice_is_not_imported_again(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    _upload(client)
    r = client.post("/van-ban", files=[("files", ("ban-sao.txt", SEED.encode(), "text/plain"))])
    assert "“ban-sao.txt” trùng nội dung với văn bản đã nhập “nq-2024.txt”" in r.text
