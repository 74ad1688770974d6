"""`ask`: a question over the imported documents to a cited, extractive answer or "not found"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.assistant.compose import NOT_FOUND, Citation, Draft, quote
from nghiquyet.assistant.deadlines import deadline
from nghiquyet.assistant.duties import duty
from nghiquyet.assistant.grounding import LABEL, label, ungrounded
from nghiquyet.assistant.leads import lead
from nghiquyet.assistant.lists import projects
from nghiquyet.assistant.metadata import METADATA, best_document, doc_score, metadata
from nghiquyet.assistant.models import AssistantPassage
from nghiquyet.assistant.normalise import expand, fold, numbers, words
from nghiquyet.assistant.passages import DocumentFacts
from nghiquyet.assistant.persons import asks_person, person
from nghiquyet.assistant.question import STOPWORDS, Question, parse
from nghiquyet.assistant.rephrase import rephrase
from nghiquyet.assistant.retrieve import Scored, place_ok, rank, run_length
from nghiquyet.assistant.sentences import SENTENCE_COVERAGE, Sentence, sentences, sentences_near
from nghiquyet.assistant.sources import forget_read_files, source_lines
from nghiquyet.assistant.spelling import correct
from nghiquyet.assistant.store import StoredCorpus, backfill
from nghiquyet.assistant.tracking import tracking_status
from nghiquyet.config import Settings
from nghiquyet.documents.models import Document
from nghiquyet.documents.service import document_path
from nghiquyet.units.permissions import Actor, require_reader


@dataclass(frozen=True)
class Answer:
    found: bool
    answer: str
    citations: tuple[Citation, ...]
    kind: str = ""
    derived: tuple[int, ...] = ()  # counts the composer computed (the number of cited items)

    def to_dict(self) -> dict[str, Any]:
        citations = [c.to_dict() for c in self.citations]
        return {"found": self.found, "answer": self.answer, "citations": citations}


_NONE = Answer(False, NOT_FOUND, ())
TARGET_WORDS = r"\b(chi tieu|muc tieu|ke hoach|phan dau|dat ra|de ra)\b"
ACHIEVED_WORDS = r"\b(dat|thuc hien|ket qua|tang|giam)\b"
# A question about targets missed: "không đạt", "chưa về đích", "chưa hoàn thành", "có nguy cơ".
NEGATIVE = r"\b(khong|chua) (dat|ve dich|hoan thanh)\b|\bnguy co\b|\bcham\b"
Corpus = StoredCorpus

GROUPS = {"xay dung dang": "xay_dung_dang", "he thong chinh tri": "xay_dung_dang",
          "kinh te": "kinh_te_xa_hoi", "xa hoi": "kinh_te_xa_hoi", "moi truong": "moi_truong",
          "quoc phong": "quoc_phong_an_ninh", "an ninh": "quoc_phong_an_ninh"}

def clear_caches() -> None:
    """Nothing is cached across questions any more (the facts are stored at import); kept for the
    benchmark, which times the first question of a fresh process."""
    forget_read_files()


def ask(session: Session, settings: Settings, text: str, *, actor: Actor | None = None) -> Answer:
    """The answer to one question; raises QuestionError for input that is not a question.

    Whoever may read the documents may ask about them (`actor` None: the command line).
    """
    if actor is not None:
        require_reader(actor)
    question = parse(text)
    corpus = StoredCorpus(session)
    if len(corpus.documents) < (session.scalar(select(func.count()).select_from(Document)) or 0):
        backfill(session)  # documents imported before the store existed (migration 0006)
        corpus = StoredCorpus(session)
    mended = correct(question.text, corpus.word_uses)
    if mended != question.text:
        question = parse(mended)
    corpus.prepare(question)

    def lines(doc: DocumentFacts) -> tuple[str, ...]:
        found = corpus.lines(doc)
        if found:
            return found
        stored = session.get(Document, doc.document_id)  # indexed before search existed: read the file
        return source_lines(document_path(stored, settings)) if stored else ()

    if not _references_held(corpus, question):
        return _NONE  # "chương trình hành động 05-CTr/TU": a document no one holds or cites
    documents = [d for d in corpus.documents if _about(corpus, question, d)]
    placed = [d for d in corpus.documents if place_ok(question, d)]
    if question.kind in METADATA:
        draft = metadata(corpus, question, documents, placed, lines)
    else:
        draft = _compose(corpus, question, documents, lines) if documents else None
    if (draft is None or not draft.citations) and question.kind == "value":
        # A goal in words names its own year ("Đến năm 2045: ..."), which may lie past the years
        # a document covers: any document of the place asked, the sentence saying the year.
        draft = _what_sentence(corpus, question, placed, lines)
    if draft is None or not draft.citations:
        return _NONE
    if question.kind in ("value", "result", "compare") and _ASKS_AMOUNT.search(question.folded) \
            and not _asks_ordinal(question) and not _gives_figure(draft.text, question):
        # "đã trồng được bao nhiêu cây" answered by "tiếp tục thực hiện Kế hoạch trồng 50 triệu cây
        # xanh": a sentence on the subject that gives no figure but the question's own is no answer.
        return _NONE
    answer = draft.text
    if ungrounded(answer, [c.text for c in draft.citations], draft.derived):
        return _NONE
    answer = rephrase(settings.llm_url, settings.llm_model, answer, draft.citations, draft.derived)
    return Answer(True, answer, tuple(draft.citations), question.kind, tuple(draft.derived))


_ASKS_AMOUNT = re.compile(r"\b(bao nhieu|may|bn)\b")
# What is not an amount: a document's reference, a date, a year.
_NOT_AMOUNT = re.compile(r"\b\d+[-/][A-Za-zĐđ][\w/-]*|\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}/\d{4}\b"
                         r"|\bngày \d{1,2} tháng \d{1,2} năm \d{4}\b|\b(?:19|20)\d\d\b")


def _gives_figure(answer: str, question: Question) -> bool:
    """The answer states an amount of its own: a figure other than the question's, its references,
    dates and years."""
    said = numbers(_NOT_AMOUNT.sub(" ", LABEL.sub(" ", answer)))
    return bool(said - numbers(question.text))


def _references_held(corpus: Corpus, question: Question) -> bool:
    """Every document reference the question names ("05-CTr/TU", "1528/QĐ-TTg") is a document's
    own number or is cited on some line."""
    for n, letters in re.findall(r"\b(\d+)[-/]([a-z]+(?:[-/][a-z]+)*)\b", question.folded):
        tail = re.split(r"[-/]", letters)
        spellings = dict.fromkeys((n, n.lstrip("0") or "0"))  # "05-CTr/TU" is also cited "5-CTr/TU"
        if not any(corpus.says_phrase([digits, *tail]) for digits in spellings):
            return False
    return True


def _about(corpus: Corpus, question: Question, doc: DocumentFacts) -> bool:
    """The document can hold the answer: it covers a year asked and names every place asked."""
    if question.years and not set(question.years) & (set(doc.years) | doc.passage_years):
        return False
    if question.kind == "compare" and len(question.places) >= 2:
        # A comparison of places reads each place's documents ("Lâm Đồng và Bắc Kạn").
        return any(p in doc.names for p in question.places)
    # An outside body named in a question about a document or its figures ("Quốc hội giao chỉ tiêu
    # ...") asks for that body's document; a province's documents only mention such bodies. A
    # question about who does a task may name one as the doer, so it is not filtered here.
    if question.bodies and question.kind not in ("lead", "deadline", "projects"):
        meta = corpus.meta(doc)
        issued = fold(" ".join(str(meta.get(k) or "") for k in ("issuer", "title")))
        if not all(body in issued for body in question.bodies):
            return False
    return place_ok(question, doc)


def _compose(corpus: Corpus, q: Question, documents: list[DocumentFacts], lines: Any) -> Draft | None:
    kind = q.kind
    if asks_person(q):  # "đồng chí nào kết luận": a person named in a sentence, not a body's task
        said = person(corpus, q, documents, lines)
        if said is not None:
            return said
    if kind == "count":
        return _count(corpus, q, documents, lines)
    if kind == "status":
        return tracking_status(corpus.session, q, documents, lambda docs: best_document(corpus, q, docs),
                               lines) or _status(corpus, q, documents, lines)
    if kind == "duty":
        return duty(corpus, q, documents, lines)
    if kind == "lead":
        return lead(corpus, q, documents, lines)
    if kind == "deadline":
        return deadline(corpus, q, documents, lines)
    if kind == "projects":
        return projects(corpus, q, documents, lines)
    if kind == "compare":
        return _compare(corpus, q, documents, lines)
    first, second = (("result", "target") if kind == "result" else ("target", "result"))
    low = 0.5 if kind == "result" else 0.7
    found = _period_filter(q, rank(corpus, q, [first], documents, minimum=low))
    if not found and not (kind == "value" and re.search(TARGET_WORDS, q.folded)
                          and not re.search(ACHIEVED_WORDS, q.folded)):
        # A question that asks only for the target ("chỉ tiêu ... năm 2025 là bao nhiêu") is not
        # answered by what a later document reports for that year; "... đạt bao nhiêu" may be.
        found = _period_filter(q, rank(corpus, q, [second], documents))
    counted = _counted(q)
    if counted:  # "mấy CT MTQG": a passage giving a figure of what is counted ("03 Chương trình ...")
        found = [f for f in found if _counts(f.passage.text, counted)]
    if not found and kind == "value" and not q.period_part:
        return _figure_sentence(corpus, q, documents, lines)
    if not found:
        return None
    draft = Draft()
    best = found[0]
    quote(draft, best.document, best.passage, lines(best.document))
    for other in found[1:]:
        if other.document.document_id != best.document.document_id and other.score >= best.score * 0.999:
            quote(draft, other.document, other.passage, lines(other.document))
            break
    return draft


# A figure in a sentence (not a year alone), and a year written as the base of a comparison.
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|tỷ|triệu|nghìn|ha|km|xã|người|lượt|doanh nghiệp)"
                     r"|\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BASE_YEAR = r"so (voi )?(thuc hien |cung ky )?(nam )?{year}"


def _quoted(s: Sentence, lines: Any) -> Draft:
    """The answer that is one sentence of a document, quoted and cited at its lines."""
    draft = Draft()
    draft.cite(s.document, lines(s.document), s.lines)
    draft.parts.append(f"{s.text.rstrip('.')}. {label(s.document.filename, s.lines[0])}")
    return draft


# After "bao nhiêu": what is measured, not a noun counted ("bao nhiêu phần trăm", "mấy lần").
_MEASURES = frozenset({"phan", "ty", "trieu", "nghin", "lan", "nam", "thang", "ngay", "quy", "muc", "so",
                       "nguoi", "%"})


def _counted(q: Question) -> str | None:
    """The noun a question counts ("bao nhiêu chi bộ": "chi"), None for an amount of a measure."""
    m = re.search(r"\b(?:bao nhieu|may|bn)\s*([a-z]+|%)", expand(fold(q.text)))  # "bao nhiêu %": a measure
    if m is None or m.group(1) in _MEASURES or m.group(1) in STOPWORDS:
        return None
    return m.group(1)


def _asks_ordinal(q: Question) -> bool:
    return bool(re.search(r"\blan thu (may|bao nhieu|bn)\b", q.folded))


_ORDINAL = re.compile(r"\blần thứ\s+(?:[IVXLC]+|\d+)\b")


def _counts(text: str, counted: str) -> bool:
    """The text gives a figure of the noun counted ("03 trụ cột", "550 nghìn lượt")."""
    return bool(re.search(rf"\d[\d.,]*\s+(?:\S+\s+){{0,2}}{counted}\b", expand(fold(text))))


def _figure_sentence(corpus: Corpus, q: Question, documents: list[DocumentFacts], lines: Any) -> Draft | None:
    """A value no target or result holds, from a sentence of the text that says nearly all the
    question and gives a figure ("hoàn thành 100% chỉ tiêu tuyển quân năm 2026" sits in a task):
    the year asked must be the sentence's own, not the base it compares with."""
    counted = _counted(q)
    # "lần thứ mấy": an ordinal, which may be a Roman numeral ("Đại hội ... lần thứ I").
    for s in sentences(corpus, q, documents, _ORDINAL if _asks_ordinal(q) else _FIGURE):
        if s.score < SENTENCE_COVERAGE:
            break
        folded = fold(s.text)
        # "bao nhiêu chi bộ", "mấy trụ cột": the sentence must give a figure of that noun ("03 trụ
        # cột"), not another ("Sơ kết 01 năm ... sinh hoạt chi bộ").
        if counted and not _counts(s.text, counted):
            continue
        # A sentence naming no year speaks for its one-year document: a resolution for 2024 alone
        # says "Giảm tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng ... dưới 15,8%" of 2024, when it is
        # an indicator's (whose own passage may say less of the question than its sentence) or
        # gives the figure of the noun counted. It must say two of the question's words side by
        # side ("trẻ em"): scattered syllables without marks match too much ("lương", "vững").
        years = set(s.document.years)
        own_year = (not _YEAR.search(folded) and bool(years) and years <= set(q.years)
                    and run_length(q.folded, f" {' '.join(words(s.text))} ") >= 2
                    and (bool(counted) or any(line in s.lines for line, _, _ in corpus.groups(s.document))))
        if q.years and not own_year and not any(
                str(y) in folded and not re.search(_BASE_YEAR.format(year=y), folded) for y in q.years):
            continue
        return _quoted(s, lines)
    return None


# "Đến năm 2045 ... trở thành gì": what, not how much.
_WHAT = r"\b(la )?gi\b|\bnhu the nao\b|\bra sao\b"


def _what_sentence(corpus: Corpus, q: Question, documents: list[DocumentFacts], lines: Any) -> Draft | None:
    """A goal said in words ("Đến năm 2045: tỉnh Lâm Đồng trở thành thành phố trực thuộc Trung
    ương"): the sentence that says all the question and the year it names."""
    if not re.search(_WHAT, q.folded) or "bao nhieu" in q.folded or not q.content:
        return None
    for s in sentences(corpus, q, documents):
        if s.coverage < 1.0:
            break
        if q.years and not all(str(y) in s.text for y in q.years):
            continue
        return _quoted(s, lines)
    return None


def _period_filter(q: Question, found: list[Scored]) -> list[Scored]:
    """A quarter or half-year asked keeps only results reported for it."""
    if not (q.quarter or q.half_year):
        return found
    period = q.period
    return [s for s in found if s.passage.kind == "result" and (
        period is None or str(s.passage.data.get("period")) == period
        or (not q.years and str(s.passage.data.get("period", "")).endswith(period[4:])))]


def _group(q: Question) -> str | None:
    for phrase, group in GROUPS.items():
        if phrase in q.folded:
            return group
    return None


def _count(corpus: Corpus, q: Question, documents: list[DocumentFacts], lines: Any) -> Draft | None:
    doc = best_document(corpus, q, documents)
    src = lines(doc)
    draft = Draft()
    if "nhiem vu" in q.folded and "chi tieu" not in q.folded:
        tasks = [p for p in corpus.passages(doc) if p.kind == "task"]
        if not tasks:
            return None
        draft.derived.append(len(tasks))
        draft.parts.append(f"Văn bản {label(doc.filename, tasks[0].line)} có {len(tasks)} nhiệm vụ.")
        draft.cite(doc, src, [t.line for t in tasks])
        return draft
    group = _group(q)
    # The best document with indicators of the group asked (the one the question names first: a
    # 2024 resolution without defence targets does not make "bao nhiêu chỉ tiêu về quốc phòng" 0).
    ranked = sorted(documents, key=lambda d: (-doc_score(corpus, q, d), d.document_id))
    chosen: list[tuple[int, str]] = []
    for doc in ranked:
        chosen = [(line, text) for line, g, text in corpus.groups(doc) if group is None or g == group]
        if chosen:
            break
    if not chosen:
        return None
    src = lines(doc)
    draft.derived.append(len(chosen))
    about = "" if group is None else {"xay_dung_dang": " về xây dựng Đảng, hệ thống chính trị",
                                      "kinh_te_xa_hoi": " về kinh tế - xã hội",
                                      "quoc_phong_an_ninh": " về quốc phòng - an ninh"}.get(group, "")
    draft.parts.append(f"Có {len(chosen)} chỉ tiêu{about} {label(doc.filename, chosen[0][0])}:")
    draft.parts.extend(f"({i}) {text.split(';')[0].strip().rstrip('.')}."
                       for i, (_, text) in enumerate(chosen, 1))
    draft.derived.extend(range(1, len(chosen) + 1))
    draft.cite(doc, src, [line for line, _ in chosen])
    # Each listed indicator opens its line; figures in it come from that line or the next ones.
    for line, text in chosen:
        draft.cite(doc, src, _span(src, line, text.split(";")[0]))
    return draft


def _span(src: tuple[str, ...], line: int, text: str) -> list[int]:
    from nghiquyet.assistant.sources import covering_lines
    return covering_lines(src, line, text)


def _status(corpus: Corpus, q: Question, documents: list[DocumentFacts], lines: Any) -> Draft | None:
    """Reported counts of targets met or missed ("16/19 chỉ tiêu hoàn thành", "05 chỉ tiêu không đạt")."""
    negative = bool(re.search(NEGATIVE, q.folded))
    found: list[Scored] = []
    tallies = corpus.where(documents, AssistantPassage.kind == "result", AssistantPassage.unit == "chỉ tiêu")
    for doc, p in tallies:
        if q.years and not p.years & set(q.years):
            continue
        metric = fold(str(p.data.get("metric") or ""))
        is_negative = bool(re.search(r"khong dat|chua", metric))
        if is_negative == negative:
            found.append(Scored(p, doc, corpus.coverage(q, (p.words, doc.title_words))))
    if not found:
        return None
    found.sort(key=lambda s: -s.score)
    best = found[0]
    draft = Draft()
    src = lines(best.document)
    quote(draft, best.document, best.passage, src)
    if negative and re.search(WHICH, q.folded):
        _name_missed(draft, best, src)
    return draft


# "Chỉ tiêu nào ...": which ones, not how many.
WHICH = r"\b(nao|gi)\b|\bnhung chi tieu\b"
MISSED = re.compile(r"\b(chua|khong) (dat|ve dich|hoan thanh)\b")
REPORT_SPAN = 6  # lines around a reported tally where the report names the targets it counts


def _name_missed(draft: Draft, tally: Scored, src: tuple[str, ...]) -> None:
    """The report's own sentences around a tally of missed targets that say which were missed
    ("Thu ngân sách Nhà nước, kim ngạch xuất nhập khẩu ... chưa đạt chỉ tiêu đề ra")."""
    said = fold(tally.passage.text)
    for text, span in sentences_near(src, tally.passage.line, REPORT_SPAN):
        folded = fold(text)
        if folded not in said and MISSED.search(folded.replace(said, " ")):
            draft.cite(tally.document, src, span)
            draft.parts.append(f"{text.rstrip('.')}. {label(tally.document.filename, span[0])}")


def _compare(corpus: Corpus, q: Question, documents: list[DocumentFacts], lines: Any) -> Draft | None:
    if len(q.places) >= 2:
        return _compare_places(corpus, q, documents, lines)
    found = rank(corpus, q, ["target", "result"], documents)
    if not found:
        return None
    draft = Draft()
    seen: set[tuple[int, int]] = set()
    best = found[0].score
    for s in found:
        key = (s.document.document_id, min(s.passage.years) if s.passage.years else 0)
        if s.score < best * 0.7 or key in seen:
            continue
        seen.add(key)
        quote(draft, s.document, s.passage, lines(s.document))
    return draft


def _compare_places(corpus: Corpus, q: Question, documents: list[DocumentFacts], lines: Any) -> Draft | None:
    """One metric in two places' documents ("nước hợp vệ sinh năm 2024: Lâm Đồng với Bắc Kạn"):
    each place's best passage, or nothing when a place has none."""
    draft = Draft()
    for place in q.places:
        own = [d for d in documents if place in d.names]
        found = rank(corpus, q, ["target", "result"], own) if own else []
        if not found:
            return None
        best = found[0]
        quote(draft, best.document, best.passage, lines(best.document))
    return draft
