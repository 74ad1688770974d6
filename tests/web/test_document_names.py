"""Pages name documents and plans by type, number, issuer and title, asked for at confirm time when the
extraction found none; the file name is never what a list or a heading shows (issue 10 point 4)."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

FILE = "h04_nq-57-tw-2024-khcn-dmst-cds.txt"
TEXT = ("NGHỊ QUYẾT\n\nI. CHỈ TIÊU\n1. Tốc độ tăng trưởng GRDP đạt 7%.\n"
        "2. Thu ngân sách nhà nước đạt 12.000 tỷ đồng.\n\nII. NHIỆM VỤ\n1. Đẩy mạnh chuyển đổi số.\n")
NAME = "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ"


def _upload(client: TestClient) -> int:
    r = client.post("/van-ban", files=[("files", (FILE, TEXT.encode(), "text/plain"))])
    assert r.status_code == 200, r.text
    found = re.search(r'href="/van-ban/(\d+)"', r.text)
    assert found
    return int(found.group(1))


def test_documents_list_shows_type_and_missing_fields_not_the_file(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    html = client.get("/van-ban").text
    row = html[html.index(f'href="/van-ban/{doc_id}"'):]
    row = row[:row.index("</tr>")]
    assert ">Nghị quyết</a>" in row and "Chưa rõ cơ quan ban hành" in row and "chưa có số, ký hiệu" in row
    assert FILE not in html and "h04_nq" not in html


def test_confirm_asks_for_the_missing_title_number_and_issuer(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    review = client.get(f"/van-ban/{doc_id}").text
    assert 'id="confirm-form"' in review and 'name="title"' in review and "required" in review
    assert "Trích xuất chưa tìm thấy: trích yếu (tiêu đề), số, ký hiệu, cơ quan ban hành" in review
    refused = client.post(f"/van-ban/{doc_id}/xac-nhan", data={"number": "57-NQ/TW"})
    assert refused.status_code == 400 and "Văn bản chưa có trích yếu" in refused.text
    assert 'value="57-NQ/TW"' in refused.text  # what was typed is kept
    done = client.post(f"/van-ban/{doc_id}/xac-nhan", data={
        "title": "về đột phá phát triển khoa học, công nghệ", "number": "57-NQ/TW", "issuer": "Bộ Chính trị"})
    assert done.status_code == 303
    plan_id = int(re.search(r"/ke-hoach/(\d+)/", done.headers["location"]).group(1))  # type: ignore[union-attr]
    for url in (done.headers["location"], f"/?plan={plan_id}", f"/chi-tieu?plan={plan_id}",
                f"/nhiem-vu?plan={plan_id}", "/van-ban"):
        html = client.get(url).text
        assert NAME in html, url
        assert "h04_nq" not in html and "Kế hoạch #" not in html, url


def test_plan_pages_name_the_plan_on_its_items(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    doc_id = _upload(client)
    client.post(f"/van-ban/{doc_id}/xac-nhan", data={"title": "về nhiệm vụ năm 2024", "issuer": "Tỉnh ủy"})
    listing = client.get("/chi-tieu").text
    item = re.search(r'href="/chi-tieu/(\d+)', listing)
    assert item
    page = client.get(f"/chi-tieu/{item.group(1)}").text
    assert "Nghị quyết của Tỉnh ủy về nhiệm vụ năm 2024" in page and "h04_nq" not in page
