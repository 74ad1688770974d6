"""Who leads and who supports a task: the supporting bodies named with the lead, from their lines."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_a_support_on_a_later_line_is_named_with_its_lead(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "004")  # "giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với ..."
    answer = ask(db, settings, "ban tổ chức tỉnh ủy phối hợp với ai để rà soát cán bộ")
    assert answer.found, answer
    assert "Chủ trì: Ban Tổ chức Tỉnh ủy." in answer.answer
    assert "Phối hợp: Ban cán sự đảng UBND tỉnh." in answer.answer
    assert {(name, 242), (name, 244)} <= {(c.doc, c.line) for c in answer.citations}


def test_who_supports_names_the_supporting_bodies(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "000")
    answer = ask(db, settings, "ai phối hợp với Ban Tuyên giáo Tỉnh ủy hướng dẫn việc nghiên cứu, quán triệt "
                               "nghị quyết")
    assert answer.found, answer
    assert "Phối hợp: Các cơ quan liên quan." in answer.answer


def test_a_duty_going_on_past_its_first_sentence_finds_its_body(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "002")  # "- Văn phòng Đảng ủy: Chủ trì ... Tham mưu đẩy mạnh ..."
    answer = ask(db, settings, "đơn vị chủ trì tham mưu đẩy mạnh chuyển đổi số toàn diện trong công tác Đảng")
    assert answer.found, answer
    assert answer.answer.startswith("Chủ trì: Văn phòng Đảng ủy."), answer.answer
    cited = {c.line for c in answer.citations if c.doc == name}
    assert {770, 772} <= cited
    assert 776 not in cited  # the next item ("5. Ban Chấp hành Đoàn Thanh niên ...") is another sentence
