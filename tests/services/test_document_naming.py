"""documents.naming: one way to name a document or plan for people (type, number, issuer, title)."""

from __future__ import annotations

import pytest

from nghiquyet.documents.naming import UNTITLED, document_name

CASES = [
    (("nghi_quyet", "15-NQ/TU", "về nhiệm vụ năm 2024", "Tỉnh ủy"),
     "Nghị quyết số 15-NQ/TU về nhiệm vụ năm 2024"),
    (("nghi_quyet", None, "về nhiệm vụ năm 2024", "Ban Chấp hành Đảng bộ tỉnh"),
     "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về nhiệm vụ năm 2024"),
    (("chuong_trinh_hanh_dong", "01-CTr/TU", "Thực hiện Nghị quyết Đại hội XI", None),
     "Chương trình hành động số 01-CTr/TU thực hiện Nghị quyết Đại hội XI"),
    (("nghi_quyet", "57-NQ/TW", "Nghị quyết số 57-NQ/TW về đột phá", None),
     "Nghị quyết số 57-NQ/TW về đột phá"),
    (("thong_bao_ket_luan", None, "Kết luận của đồng chí Bí thư Tỉnh ủy", "Ban Thường vụ"),
     "Kết luận của đồng chí Bí thư Tỉnh ủy"),
    (("nghi_quyet", None, "Phần thứ nhất", "Tỉnh ủy"), "Nghị quyết của Tỉnh ủy: Phần thứ nhất"),
    (("nghi_quyet", None, UNTITLED, None), "Nghị quyết"),
    (("other", None, None, None), UNTITLED),
    (("other", "12/KH-UBND", None, None), "Văn bản số 12/KH-UBND"),
]


@pytest.mark.parametrize(("fields", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_document_name(fields: tuple[str, str | None, str | None, str | None], expected: str) -> None:
    assert document_name(*fields) == expected
