"""Search through the real services on both databases: folding, ranking, filters, snippets, bad input."""

from __future__ import annotations

import contextlib

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.documents.models import Document
from nghiquyet.plans.models import Target
from nghiquyet.search.fold import fold
from nghiquyet.search.service import SearchQueryError, search
from tests.factories import SEEDS, make_plan_from_seed, make_unit
from tests.search.conftest import ImportText

TEXT = """UỶ BAN NHÂN DÂN TỈNH LÂM ĐỒNG
KẾ HOẠCH
Thực hiện nhiệm vụ năm 2024
1. Thu ngân sách nhà nước trên địa bàn đạt 14.150 tỷ đồng.
2. Hoàn thành xây dựng nông thôn mới ở 5 xã; hòa giải ở cơ sở.
3. Đầu tư hạ tầng giao thông, đảm bảo an toàn.
4. Tăng cường công tác hoà giải, đoàn kết.
"""


def test_fold_rules() -> None:
    assert fold("Thu NGÂN  sách") == "thu ngan sach"
    assert fold("Đầu tư đường") == "dau tu duong"
    assert fold("hòa") == fold("hoà") == "hoa"


def test_diacritic_blind_finds_the_line(db: Session, import_text: ImportText) -> None:
    doc = import_text("ke-hoach.txt", TEXT)
    hits = search(db, "thu ngan sach")
    assert [(h.kind, h.doc, h.line) for h in hits] == [("line", "ke-hoach.txt", 4)]
    assert hits[0].document_id == doc.id
    assert hits[0].url == f"/van-ban/{doc.id}#L4"
    assert hits[0].text.startswith("1. Thu ngân sách")


def test_d_with_stroke_folds_to_d(db: Session, import_text: ImportText) -> None:
    import_text("ke-hoach.txt", TEXT)
    assert [h.line for h in search(db, "dau tu ha tang")] == [6]
    assert [h.line for h in search(db, "ĐẦU TƯ")] == [6]


def test_hoa_both_tone_placements(db: Session, import_text: ImportText) -> None:
    import_text("ke-hoach.txt", TEXT)
    assert sorted(h.line for h in search(db, "hòa giải")) == [5, 7]
    assert sorted(h.line for h in search(db, "hoà giải")) == [5, 7]
    assert sorted(h.line for h in search(db, "hoa giai")) == [5, 7]


def test_word_order_does_not_matter(db: Session, import_text: ImportText) -> None:
    import_text("ke-hoach.txt", TEXT)
    assert [h.line for h in search(db, "sach ngan thu")] == [4]


def test_snippet_marks_the_words_and_escapes(db: Session, import_text: ImportText) -> None:
    import_text("a.txt", "Nghị quyết\nChỉ tiêu <b>thu ngân sách</b> & chi\n")
    hit = search(db, "ngan sach")[0]
    assert hit.snippet == "Chỉ tiêu &lt;b&gt;thu <mark>ngân</mark> <mark>sách</mark>&lt;/b&gt; &amp; chi"


def test_ranking_prefers_the_line_with_more_matches(db: Session, import_text: ImportText) -> None:
    import_text("a.txt", "Giao thông nông thôn\nĐường giao thông nông thôn, giao thông liên xã, giao thông\n"
                "Cầu treo dân sinh\nTrường học và giao thông\n")
    hits = search(db, "giao thong")
    assert hits[0].line == 2
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_filters_by_document_and_kind(db: Session, import_text: ImportText) -> None:
    first = import_text("a.txt", "Kế hoạch\nThu ngân sách tỉnh\n")
    second = import_text("b.txt", "Báo cáo\nThu ngân sách huyện\n")
    assert {h.doc for h in search(db, "thu ngan sach")} == {"a.txt", "b.txt"}
    assert [h.doc for h in search(db, "thu ngan sach", document_id=second.id)] == ["b.txt"]
    assert [h.doc for h in search(db, "thu ngan sach", document_id=first.id)] == ["a.txt"]
    assert search(db, "thu ngan sach", kinds=["task"]) == []


@pytest.mark.parametrize("query", ["", "   ", "?!...", "x" * 10_000, "." * 501])
def test_bad_queries_raise_a_typed_error(db: Session, query: str) -> None:
    with pytest.raises(SearchQueryError):
        search(db, query)


@pytest.mark.parametrize("query", ['"*-(', 'thu" OR "ngan', "ngan*", "NEAR(thu ngan)", "-thu", "a:b ^c"])
def test_fts_syntax_is_never_read_as_syntax(db: Session, import_text: ImportText, query: str) -> None:
    import_text("a.txt", "Kế hoạch\nThu ngân sách tỉnh\n")
    with contextlib.suppress(SearchQueryError):
        search(db, query)


def test_unknown_kind_is_a_typed_error(db: Session) -> None:
    with pytest.raises(SearchQueryError):
        search(db, "thu", kinds=["nothing"])


def test_seed_plan_items_units_and_filters(db: Session, office: User, settings: Settings) -> None:
    plan = make_plan_from_seed(db, actor=office, settings=settings, seed="000")
    hits = search(db, "thu ngan sach", kinds=["target"])
    assert hits and all(h.kind == "target" and h.doc == f"{SEEDS['000']}.txt" for h in hits)
    assert any("14.150" in h.text for h in hits)
    assert search(db, "thu ngan sach", kinds=["target"], year=2024)
    assert search(db, "thu ngan sach", kinds=["target"], year=2031) == []
    assert search(db, "thu ngan sach", doc_type=plan.doc_type, kinds=["line"])
    assert search(db, "thu ngan sach", doc_type="khong-co", kinds=["line"]) == []
    unit = make_unit(db, name="Sở Tài chính", code="STC")
    assert [(h.kind, h.item_id) for h in search(db, "so tai chinh", kinds=["unit"])] == [("unit", unit.id)]


def test_edits_and_deletes_reach_the_index(db: Session, office: User, settings: Settings) -> None:
    plan = make_plan_from_seed(db, actor=office, settings=settings, seed="000")
    target = db.scalars(db.query(Target).filter(Target.plan_id == plan.id).statement).first()
    assert target is not None
    target.text = "Mức zyxwvu mới sửa"
    db.flush()
    assert [h.item_id for h in search(db, "zyxwvu")] == [target.id]
    db.delete(target)
    db.flush()
    assert search(db, "zyxwvu") == []
    db.execute(delete(Document))
    assert search(db, "thu ngan sach", kinds=["line"]) == []
