"""Typos mended against the documents' words: "bao nhiu", "rừg", "tỉ lệ", "bác sỹ" — and nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.assistant.spelling import correct, corrections
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds

USES = {"rung": 40, "ruong": 3, "si": 12, "sy": 1, "ty": 50, "ti": 2, "le": 80, "che": 20, "phu": 30,
        "ngan": 60, "sach": 60, "thu": 79, "bac": 9, "van": 15, "dan": 70}


def _uses(words: Iterable[str], lines: bool) -> Mapping[str, int]:
    return {w: USES[w] for w in words if w in USES}


def test_a_left_out_letter_is_put_back_preferring_the_question_words() -> None:
    assert corrections(["bao", "nhiu"], _uses) == {"nhiu": "nhieu"}
    assert corrections(["che", "phu", "rug"], _uses) == {"rug": "rung"}


def test_the_final_i_or_y_the_documents_use_more_wins() -> None:
    assert corrections(["bac", "sy"], _uses) == {"sy": "si"}
    assert corrections(["ti", "le"], _uses) == {"ti": "ty"}
    assert corrections(["ty", "le"], _uses) == {}


def test_places_figures_and_words_without_a_near_neighbour_stay_as_typed() -> None:
    assert corrections(["binh", "dinh", "nghe", "an"], _uses) == {}
    assert corrections(["xyzzyq"], _uses) == {}
    assert correct("GRDP năm 2024 của Nghệ An", _uses) == "GRDP năm 2024 của Nghệ An"


def test_only_the_mended_word_loses_its_marks() -> None:
    assert correct("tỉ lệ che phủ rừg", _uses) == "ty lệ che phủ rung"


def test_a_question_with_typos_finds_the_target(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "002")
    answer = ask(db, settings, "tỉ lệ che phủ rừg năm 2026")
    assert answer.found and "46,78" in answer.answer, answer
    assert ask(db, settings, "thu ngan sach nam 2026 bao nhiu").found


def test_a_question_about_what_no_document_holds_still_finds_nothing(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "002")
    assert not ask(db, settings, "tỷ lệ lạm phát năm 2026 là bao nhiu").found
    assert not ask(db, settings, "tỉ lệ bao phủ BHYT tỉnh Bình Định năm 2026").found


def test_a_letter_typed_twice_is_taken_out_though_longer_words_are_near() -> None:
    uses = {"ngach": 3, "kim": 5}
    assert corrections(["kim", "nghach"], lambda ws, lines: {w: uses[w] for w in ws if w in uses}) \
        == {"nghach": "ngach"}


def test_kim_nghach_finds_the_export_turnover(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "000")  # "Tổng kim ngạch xuất khẩu đạt khoảng 985 triệu USD"
    answer = ask(db, settings, "kim nghạch xuất khẩu năm 2024 lâm đồng")
    assert answer.found and "985 triệu USD" in answer.answer, answer
    assert (name, 191) in {(c.doc, c.line) for c in answer.citations}


def test_the_words_of_the_question_kinds_are_never_mended() -> None:
    from nghiquyet.assistant.spelling import QUESTION_WORDS
    assert {"nguy", "chu", "tri", "ban", "hanh"} <= QUESTION_WORDS  # read without the patterns' "\b"
    uses = {"ngay": 30}
    assert corrections(["nguy", "co"], lambda ws, lines: {w: uses[w] for w in ws if w in uses}) == {}
