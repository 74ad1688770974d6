"""The index is never stale: imports, edits, notes and deletions interleaved through the real code,
and after every step each word finds exactly the stored lines, units and update notes holding it."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.config import Settings
from nghiquyet.documents.models import Document
from nghiquyet.documents.service import import_document
from nghiquyet.search.fold import fold, words
from nghiquyet.search.service import search
from nghiquyet.tracking.models import Update
from nghiquyet.units.models import Unit
from tests.factories import make_plan, make_unit, make_user

VOCAB = ["đồng", "ngân", "sách", "hòa", "hoà", "thuế", "rừng", "điện", "nước", "Đảng"]
KEYS = sorted({fold(w) for w in VOCAB})
phrase = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=4).map(" ".join)
_serial = itertools.count(1)


class IndexMachine(RuleBasedStateMachine):
    def __init__(self, session: Session, config: Settings) -> None:
        super().__init__()
        self.session, self.config = session, config
        self.lines: dict[tuple[int, int], str] = {}  # (document id, line) -> text

    @initialize()
    def plan(self) -> None:
        self.actor = make_user(self.session, role="office")
        plan = make_plan(self.session)
        self.plan_id = plan.id
        self.target_id = plan.indicators[0].targets[0].id

    def teardown(self) -> None:
        self.session.rollback()  # services only flush: each example starts from the empty database

    @rule(body=st.lists(phrase, min_size=1, max_size=4))
    def import_doc(self, body: list[str]) -> None:
        text = "\n".join([f"Văn bản thử số {next(_serial)}", *body]) + "\n"
        doc = import_document(self.session, filename=f"vb{next(_serial)}.txt", data=text.encode(),
                              actor=self.actor, settings=self.config)
        for n, line in enumerate(text.splitlines(), 1):
            self.lines[(doc.id, n)] = line

    @rule(data=st.data())
    def delete_doc(self, data: st.DataObject) -> None:
        ids = sorted({d for d, _ in self.lines})
        if not ids:
            return
        doc_id = data.draw(st.sampled_from(ids))
        self.session.delete(self.session.get(Document, doc_id))
        self.session.flush()
        self.lines = {k: v for k, v in self.lines.items() if k[0] != doc_id}

    @rule(name=phrase)
    def add_unit(self, name: str) -> None:
        make_unit(self.session, name=name, code=f"U{next(_serial)}")

    @rule(data=st.data(), name=phrase)
    def rename_unit(self, data: st.DataObject, name: str) -> None:
        units = list(self.session.scalars(select(Unit).order_by(Unit.id)))
        if units:
            data.draw(st.sampled_from(units)).name = name
            self.session.flush()

    @rule(data=st.data(), note=st.none() | phrase)
    def note(self, data: st.DataObject, note: str | None) -> None:
        units = list(self.session.scalars(select(Unit).order_by(Unit.id)))
        if not units:
            return
        existing = list(self.session.scalars(select(Update).order_by(Update.id)))
        if existing and data.draw(st.booleans()):
            upd = data.draw(st.sampled_from(existing))
            if data.draw(st.booleans()):
                self.session.delete(upd)
            else:
                upd.note = note
        else:
            # One report per (target, unit, period) is the rule (a unique key): each new one gets
            # a period of its own.
            self.periods = getattr(self, "periods", 0) + 1
            self.session.add(Update(plan_id=self.plan_id, target_id=self.target_id, unit_id=units[0].id,
                                    period=str(2000 + self.periods), note=note))
        self.session.flush()

    @invariant()
    def search_finds_exactly_what_is_stored(self) -> None:
        units = {u.id: f"{u.name} ({u.code})" for u in self.session.scalars(select(Unit))}
        notes = {u.id: u.note for u in self.session.scalars(select(Update)) if u.note}
        for key in KEYS:
            hits = search(self.session, key, kinds=["line", "unit", "update"], limit=200)
            assert sorted((h.document_id, h.line) for h in hits if h.kind == "line") == sorted(
                k for k, text in self.lines.items() if key in words(text))
            assert sorted(h.item_id or 0 for h in hits if h.kind == "unit") == sorted(
                i for i, text in units.items() if key in words(text))
            assert sorted(h.item_id or 0 for h in hits if h.kind == "update") == sorted(
                i for i, text in notes.items() if key in words(text))


def test_index_is_never_stale(db: Session, settings: Settings) -> None:
    run_state_machine_as_test(
        lambda: IndexMachine(db, settings),
        settings=settings_for_machine,
    )


settings_for_machine = settings(max_examples=8, stateful_step_count=12, deadline=None,
                                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                       HealthCheck.too_slow])
