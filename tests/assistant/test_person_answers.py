"""Who did what a person does (concluded, spoke, chaired a meeting): the person the sentence names."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.persons import asks_person
from nghiquyet.assistant.question import parse
from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_a_person_is_asked_for_by_what_people_do_not_bodies() -> None:
    assert asks_person(parse("dong chi nao ket luan buoi lam viec"))
    assert asks_person(parse("ai phát biểu chỉ đạo tại hội nghị"))
    assert not asks_person(parse("ai chủ trì nhiệm vụ chuyển đổi số"))


def test_who_concluded_is_the_person_the_sentence_names(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "004")  # "đồng chí Nguyễn Thái Học, Quyền Bí thư Tỉnh ủy kết luận"
    answer = ask(db, settings, "người nào kết luận khi làm việc với ban cán sự đảng ủy ban nhân dân tỉnh")
    assert answer.found, answer
    assert answer.answer.startswith("Đồng chí Nguyễn Thái Học")
    assert (name, 27) in {(c.doc, c.line) for c in answer.citations}


def test_no_person_named_for_the_act_is_no_person(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "002")
    answer = ask(db, settings, "đồng chí nào kết luận hội nghị")
    assert "Đồng chí" not in answer.answer or not answer.found
