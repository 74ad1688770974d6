"""tasks: which items are tasks, and their section, title, domain, bodies, deadline, projects, references."""

# ruff: noqa: E501  (fixture documents keep their lines as written)

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import extract_text
from nghiquyet.extract.items.deadlines import (
    _PHRASE_AT_END,
    _candidates,
    _years,
    deadline_period,
    find_deadline,
)
from nghiquyet.extract.items.projects import _projects, find_projects
from nghiquyet.extract.items.references import find_references, normalise_number
from nghiquyet.extract.items.tasks import classify_domain
from nghiquyet.extract.vocabulary.vocab import keyword_score, load

ACTION_PROGRAMME = """CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XX, nhiệm kỳ 2025 - 2030
-----
A. MỤC TIÊU VÀ CHỈ TIÊU
1. Mục tiêu chung
Phát triển nhanh, bền vững.
B. NHIỆM VỤ, GIẢI PHÁP
I. Phát triển kinh tế
1. Phát triển nông nghiệp hàng hóa
Tập trung phát triển vùng chè an toàn; hoàn thành Dự án hồ chứa nước Nà Cà trước năm 2027.
2. Phát triển hạ tầng giao thông
Đầu tư Đường cao tốc Chợ Mới - Bắc Kạn, Bắc Kạn - Cao Bằng theo Quyết định số 1454/QĐ-TTg.
II. Xây dựng Đảng
1. Nâng cao chất lượng tổ chức cơ sở đảng
1.1. Thực hiện Kết luận số 21-KL/TW và Hướng dẫn số 12-HD/BTCTW. Ban Tổ chức Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy tham mưu thực hiện.
1.2. Kiện toàn đội ngũ cán bộ, đảng viên ở các chi bộ thôn.
III. Tổ chức thực hiện
1. Văn phòng Huyện ủy theo dõi, đôn đốc thực hiện.
"""


def test_tasks_are_numbered_leaves_of_the_task_part() -> None:
    tasks = extract_text(ACTION_PROGRAMME).tasks
    assert [(t.label, t.section, t.line) for t in tasks] == [
        ("1", "B.I", 9),
        ("2", "B.I", 11),
        ("1.1", "B.II.1", 15),
        ("1.2", "B.II.1", 16),
    ]


def test_heading_tasks_have_a_title_and_inline_tasks_none() -> None:
    tasks = extract_text(ACTION_PROGRAMME).tasks
    assert tasks[0].title == "Phát triển nông nghiệp hàng hóa"
    assert tasks[0].text.startswith("Tập trung phát triển vùng chè")
    assert tasks[2].title is None and tasks[2].text.startswith("Thực hiện Kết luận")


def test_task_fields_domain_bodies_deadline_projects_references() -> None:
    tasks = extract_text(ACTION_PROGRAMME).tasks
    assert [t.domain for t in tasks] == ["kinh_te", "kinh_te", "xay_dung_dang", "xay_dung_dang"]
    assert tasks[0].deadline == "trước năm 2027" and tasks[0].deadline_period == "2027"
    assert tasks[1].projects == ["Đường cao tốc Chợ Mới - Bắc Kạn", "Đường cao tốc Bắc Kạn - Cao Bằng"]
    assert tasks[1].references == ["1454/QĐ-TTg"]
    assert tasks[2].references == ["21-KL/TW", "12-HD/BTCTW"]
    assert tasks[2].lead == ["Ban Tổ chức Huyện ủy"] and tasks[2].support == ["Văn phòng Huyện ủy"]


def test_implementation_part_holds_no_tasks() -> None:
    assert all(t.line < 17 for t in extract_text(ACTION_PROGRAMME).tasks)


TABLE_PLAN = """KẾ HOẠCH
Thực hiện nhiệm vụ năm 2026
-----
I. NHIỆM VỤ CỤ THỂ
STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành
1 | Xây dựng đề án phát triển du lịch cộng đồng | Phòng Văn hóa - Thông tin | Ủy ban nhân dân các xã | Quý II/2026
2 | Tổ chức lớp bồi dưỡng lý luận chính trị | Trung tâm Chính trị huyện | Ban Tuyên giáo Huyện ủy | Tháng 9/2026
II. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị báo cáo kết quả định kỳ hằng quý.
"""


def test_rows_of_a_task_table_become_tasks_with_their_columns() -> None:
    tasks = extract_text(TABLE_PLAN).tasks
    assert [(t.label, t.line, t.section) for t in tasks] == [("1", 6, "I"), ("2", 7, "I")]
    assert tasks[0].lead == ["Phòng Văn hóa - Thông tin"] and tasks[0].support == ["Ủy ban nhân dân các xã"]
    assert tasks[0].deadline == "Quý II/2026" and tasks[0].deadline_period == "2026-Q2"
    assert tasks[1].domain == "xay_dung_dang" or tasks[1].domain == "van_hoa_xa_hoi"


def test_bullets_are_tasks_only_when_a_task_part_has_nothing_numbered() -> None:
    text = "II. NHIỆM VỤ TRỌNG TÂM\n- Tập trung thu ngân sách.\n- Đẩy mạnh cải cách hành chính.\nIII. TỔ CHỨC THỰC HIỆN\n- Giao Văn phòng theo dõi."
    tasks = extract_text(text).tasks
    assert [(t.label, t.line) for t in tasks] == [(None, 2), (None, 3)]


def test_references_expand_shared_suffixes_and_skip_dates() -> None:
    text = (
        "Nghị quyết số 05, 10, 11, 12-NQ/TW; Quyết định 217 và 218-QĐ/TW; Nghị quyết số 88/NQ/2019/QH14; "
        "Quyết định 1848/2018/QĐ-TTg; Nghị quyết 12/NQ-CP/2020; ngày 11/02/2020, tháng 4/2024, Covid-19."
    )
    assert find_references(text) == [
        "05-NQ/TW",
        "10-NQ/TW",
        "11-NQ/TW",
        "12-NQ/TW",
        "217-QĐ/TW",
        "218-QĐ/TW",
        "88/2019/QH14",
        "1848/2018/QĐ-TTg",
        "12/NQ-CP/2020",
    ]


def test_document_number_is_written_without_spaces() -> None:
    assert normalise_number("Số  01  - CTr/TU") == "01-CTr/TU"
    assert normalise_number("Số: 25/NQ-HĐND") == "25/NQ-HĐND"


def test_deadlines_inside_the_plan_years_only() -> None:
    assert find_deadline("quy hoạch đến năm 2030, tầm nhìn đến năm 2050", [2021, 2025]) is None
    assert find_deadline("hoàn thành trước ngày 30/6/2024", [2024, 2024]) == "trước ngày 30/6/2024"
    assert deadline_period("trước ngày 30/6/2024") == "2024-06-30"
    assert deadline_period("trong quý III/2024") == "2024-Q3"
    assert deadline_period("cuối tháng 4/2024") == "2024-04"


def test_projects_keep_their_own_head_in_a_list() -> None:
    text = "các dự án lớn như: Khu công nghiệp Phú Bình, Hồ Ta Hoét, Sân vận động tỉnh; triển khai"
    assert find_projects(text) == ["Khu công nghiệp Phú Bình", "Hồ Ta Hoét", "Sân vận động tỉnh"]


DISTRICT_RESOLUTION = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
HUYỆN ỦY ĐỨC TRỌNG                      Đức Trọng, ngày 20/12/2024
Số 15-NQ/HU

NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ 22 BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN (KHÓA XII)
về phương hướng, nhiệm vụ năm 2025
-----
I. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU
1. Mục tiêu tổng quát
Phát triển kinh tế nhanh, bền vững.
2. Các chỉ tiêu chủ yếu
a) Về kinh tế - xã hội
- Tốc độ tăng trưởng giá trị sản xuất đạt 8,5%.
- Thu ngân sách trên địa bàn đạt 950 tỷ đồng.
b) Về xây dựng Đảng
- Kết nạp 250 đảng viên mới.
II. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN CÁC CHỈ TIÊU
1. Tập trung phát triển nông nghiệp công nghệ cao. Mở rộng diện tích sản xuất.
2. Đẩy mạnh thu hút đầu tư. Hoàn thành Khu công nghiệp Phú Hội trước tháng 12/2025.
III. TỔ CHỨC THỰC HIỆN
Văn phòng Huyện ủy theo dõi, định kỳ 6 tháng báo cáo kết quả thực hiện Nghị quyết này.
"""


def test_a_task_part_naming_targets_is_still_a_task_part() -> None:
    ex = extract_text(DISTRICT_RESOLUTION)
    assert [(t.label, t.section, t.line) for t in ex.tasks] == [("1", "II", 18), ("2", "II", 19)]
    assert ex.tasks[1].deadline == "trước tháng 12/2025" and ex.tasks[1].projects == [
        "Khu công nghiệp Phú Hội"
    ]


def test_group_items_of_a_targets_list_name_the_group_and_are_not_targets() -> None:
    ex = extract_text(DISTRICT_RESOLUTION)
    assert [(i.label, i.line, i.group) for i in ex.indicators] == [
        (None, 13, "kinh_te_xa_hoi"),
        (None, 14, "kinh_te_xa_hoi"),
        (None, 16, "xay_dung_dang"),
    ]


def test_combined_type_line_and_numeric_date() -> None:
    m = extract_text(DISTRICT_RESOLUTION).metadata
    assert (m.doc_type, m.issuer, m.date, m.term, m.years) == (
        "nghi_quyet",
        "Huyện ủy Đức Trọng",
        "2024-12-20",
        "XII",
        [2025, 2025],
    )
    assert m.title == "về phương hướng, nhiệm vụ năm 2025"


def _domain_by_rule(title: str, text: str, context: str) -> str:
    """classify_domain as first written: all three parts scored, whatever they hold."""
    vocab = load("domains")
    table = vocab["task_domains"]
    scores = dict.fromkeys(table, 0)
    for part, weight in ((title, 3), (text[:600], 1), (context, 2)):
        for k, v in keyword_score(part, table).items():
            scores[k] += v * weight
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else str(vocab["task_default"])


_DOMAIN_WORDS = ["", " ", "giáo dục", "y tế", "kinh tế", "an ninh", "quốc phòng", "xây dựng Đảng", "x"]


@given(
    st.lists(st.sampled_from(_DOMAIN_WORDS), max_size=3),
    st.lists(st.sampled_from(_DOMAIN_WORDS), max_size=4),
    st.lists(st.sampled_from(_DOMAIN_WORDS), max_size=3),
)
def test_classify_domain_same_as_the_full_rule(title: list[str], text: list[str], context: list[str]) -> None:
    t, x, c = ", ".join(title), " ".join(text), " ".join(context)
    assert classify_domain(t, x, c) == _domain_by_rule(t, x, c)


_NAMES = ["Phú Bình", "tỉnh", "Bắc Kạn - Cao Bằng, Hồ Ta", "x", "ồ", "ường"]


@given(st.lists(st.tuples(st.sampled_from(load("projects")["heads"]), st.sampled_from(_NAMES)), max_size=3))
def test_projects_gate_same_as_the_full_scan(pairs: list[tuple[str, str]]) -> None:
    text = ", ".join(f"{head} {name}" for head, name in pairs)
    assert find_projects(text) == _projects(text)


def test_projects_gate_lets_every_head_through() -> None:
    for head in load("projects")["heads"]:
        for name in _NAMES:
            text = f"Đầu tư {head} {name}."
            assert find_projects(text) == _projects(text), text


@given(st.lists(st.sampled_from(["19", "20", "25", "0", "1", "9", " ", "x"]), max_size=12))
def test_years_same_as_one_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    want = [m.span() for m in re.finditer(r"(?:19|20)\d\d(?!\d)", text)]
    assert [m.span() for m in _years(text)] == want


def _candidates_by_rule(text: str) -> list[str]:
    """Deadline candidates as first found: the phrase pattern tried before every year."""
    found: list[str] = []
    last = 0
    for y in re.finditer(r"(?:19|20)\d\d(?!\d)", text):
        start = max(last, y.start() - 60)
        m = _PHRASE_AT_END.search(text[start : y.end()])
        if m:
            found.append(m.group(0))
            last = y.end()
    return found


_DATE_PARTS = ["trước", "đến", "trong", "năm", "NĂM", "Năm", "tháng", "quý", "II", "ngày", "6", "12", "/"]
_DATE_PARTS += [
    "2025",
    "2030",
    "1999",
    "\n",
    "x",
    "thời gian thực hiện:",
    "đến NĂM",
    "trước năm\n",
    "quý II/",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_DATE_PARTS), max_size=10))
def test_deadline_candidates_same_as_the_full_rule(parts: list[str]) -> None:
    text = " ".join(parts)
    assert [m.group(0) for m in _candidates(text)] == _candidates_by_rule(text)
