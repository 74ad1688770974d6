"""A document's number, date, signer, theme or issuer ("ai ký", "ban hành ngày nào", "chủ đề năm
2024"), from its stored metadata and cited at the line that says it.

A question names the document it asks about by its type, year, number ("số 01-CTr/TU") or
conference ("Hội nghị lần thứ 14", "khóa XII"): a name no document holds is not answered with
another document's metadata. A date asked of something other than a document ("mô hình chính
quyền 2 cấp vận hành từ ngày nào") is read from the sentence that says the thing and a day; a
theme asked for a year no document is themed for, from the sentence that says it ("năm 2023 ...
với phương châm “Quyết liệt, đồng bộ, đột phá; ...”").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from nghiquyet.assistant.compose import Draft
from nghiquyet.assistant.grounding import label
from nghiquyet.assistant.normalise import canonical, fold
from nghiquyet.assistant.passages import DocumentFacts
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.retrieve import MIN_COVERAGE
from nghiquyet.assistant.sentences import SENTENCE_COVERAGE, Sentence, sentences
from nghiquyet.assistant.sources import find_line
from nghiquyet.assistant.store import StoredCorpus

Lines = Callable[[DocumentFacts], tuple[str, ...]]
METADATA = ("number", "date", "signer", "theme", "issuer")
FIELDS = {"number": "number", "date": "date", "theme": "theme", "issuer": "issuer"}

DOC_TYPES = {"chuong trinh hanh dong": "chuong_trinh_hanh_dong", "thong bao": "thong_bao_ket_luan",
             "ket luan": "thong_bao_ket_luan", "nghi quyet": "nghi_quyet", "ke hoach": "ke_hoach"}
# "kế hoạch" is as often a plain noun ("chỉ tiêu kế hoạch") as a document's type: it ranks, never filters.
FILTERING_TYPES = ("chuong trinh hanh dong", "thong bao", "ket luan", "nghi quyet")
# A document's own reference ("số 02-CTr/TU", "số 01") and its conference ("lần thứ 14", "khóa XII").
_REFERENCE = re.compile(r"\b(\d+)[-/]([a-z]+(?:[-/][a-z]+)*)\b")
_NUMBERED = re.compile(r"\bso (\d+)\b")
_ORDINAL = re.compile(r"\b(?:lan thu|khoa|hoi nghi|dai hoi)\s+([ivxlc]+|\d+)\b")
# What asks about a document rather than about an event it tells of.
_ABOUT_DOCUMENT = re.compile(r"\b(ban hanh|ky|thong qua|van ban|nghi quyet|chuong trinh|thong bao|ket luan"
                             r"|ke hoach|quyet dinh|so hieu|ky hieu)\b"
                             # the Party committee's conference whose resolution it is ("Hội nghị lần thứ 14")
                             r"|\bhoi nghi (lan thu )?([ivxlc]+|\d+)\b")
# A day or a month a sentence gives: "ngày 01/7/2025", "từ ngày 15", "tháng 4/2024", "05/12/2023".
_DAY = re.compile(r"\bngày\s+\d{1,2}\b|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b|\btháng\s+\d{1,2}\b"
                  r"|\b\d{1,2}/(?:19|20)\d\d\b", re.IGNORECASE)
_FULL_DATE = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)\b"
                        r"|\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"][^”\"]{3,}[”\"]")


def doc_score(corpus: StoredCorpus, question: Question, doc: DocumentFacts) -> float:
    score = corpus.coverage(question, (doc.title_words,))
    for phrase, doc_type in DOC_TYPES.items():
        if phrase in question.folded and doc.doc_type == doc_type:
            score += 1.0
    if question.years and set(question.years) & set(doc.years):
        score += 0.5
    return score


def best_document(corpus: StoredCorpus, question: Question, documents: list[DocumentFacts]) -> DocumentFacts:
    return max(documents, key=lambda d: (doc_score(corpus, question, d), -d.document_id))


def asked_type(q: Question) -> str | None:
    """The document type the question names first, not one it implements ("chương trình hành động
    thực hiện nghị quyết ...": a programme)."""
    found = []
    for phrase in FILTERING_TYPES:
        for m in re.finditer(rf"\b{phrase}\b", q.folded):
            if not q.folded[:m.start()].endswith(("thuc hien ", "trien khai ")):
                found.append((m.start(), DOC_TYPES[phrase]))
    return min(found)[1] if found else None


def _squashed_number(value: str) -> str:
    folded = re.sub(r"\s+", "", fold(value))
    return re.sub(r"\d+", lambda m: canonical(m.group(0)), folded)


def _dated_year(corpus: StoredCorpus, doc: DocumentFacts) -> set[int]:
    date = str(corpus.meta(doc).get("date") or "")
    return {int(date[:4])} if date[:4].isdigit() else set()


def _references(q: Question) -> list[str]:
    """The document references the question names, as `_squashed_number` writes them."""
    return [f"{canonical(n)}-{letters}".replace("/", "-") for n, letters in _REFERENCE.findall(q.folded)]


def named(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts]) -> list[DocumentFacts]:
    """The documents that are what the question names: its type, number and conference."""
    out = list(documents)
    if q.years:
        # A document's year is one it plans for or the year it is dated, not a past year it reviews
        # (the 2026 resolution reporting on 2025 is not "nghị quyết năm 2025").
        out = [d for d in out if set(q.years) & {*d.years, *_dated_year(corpus, d)}]
    asked = asked_type(q)
    if asked is not None:
        out = [d for d in out if d.doc_type == asked]
    def number(d: DocumentFacts) -> str:
        return str(corpus.meta(d).get("number") or "")
    refs = _references(q)
    for ref in refs:
        out = [d for d in out if _squashed_number(number(d)).replace("/", "-") == ref]
    if not refs:  # "chương trình hành động số 01": the number's first figure
        for n in _NUMBERED.findall(q.folded):
            out = [d for d in out if re.match(rf"0*{canonical(n)}\D", number(d) + " ")]
    for token in _ORDINAL.findall(q.folded):
        if not (token.isdigit() and len(token) == 4):  # "hội nghị 2024" names a year, said elsewhere
            out = [d for d in out if token in d.title_words]
    return out


def metadata(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts], placed: list[DocumentFacts],
             lines: Lines) -> Draft | None:
    """The metadata asked of the document the question names (None when it names none held)."""
    if q.kind == "date" and not _ABOUT_DOCUMENT.search(q.folded):
        return _said(corpus, q, placed, lines, _DAY)
    if q.kind == "theme" and q.years and not any(
            corpus.meta(d).get("theme") and set(q.years) & set(d.years) for d in documents):
        # No document is that year's: the sentence naming the year and the motto in quotes.
        return _said(corpus, q, placed, lines, _QUOTED, year=True)
    if q.kind == "number":
        cited = _cited_number(corpus, q, documents, placed, lines)
        if cited is not None:
            return cited
    documents = named(corpus, q, documents)
    if not documents:
        references = _references(q)
        if q.kind == "date" and references:
            # Another body's document the text cites with its date ("Chỉ thị số 50-CT/TW ngày 23/7/2025").
            return _said(corpus, q, placed, lines, _DAY, cites=references)
        return None
    field = FIELDS.get(q.kind)
    if q.kind == "theme":
        # A theme is the year's own ("chủ đề năm 2024"): of the documents for that year, one that has one.
        documents = [d for d in documents if corpus.meta(d).get("theme")
                     and (not q.years or set(q.years) & set(d.years))] or documents
    elif field is not None or q.kind == "signer":
        # Of the documents a question may mean, one that holds what is asked (a resolution read
        # without its header has no date: the other resolution of that year is the one asked about).
        held = [d for d in documents if (corpus.meta(d).get(field) if field else
                                         (corpus.meta(d).get("signer") or {}).get("name"))]
        documents = held or documents
    return _field(corpus, q, best_document(corpus, q, documents), lines)


# A document the text cites by its number: "Quyết định số 1528/QĐ-TTg", "Nghị quyết 09-NQ/TU".
_CITED = re.compile(r"\b(?:[Qq]uyết định|[Nn]ghị quyết|[Cc]hỉ thị|[Kk]ết luận|[Tt]hông báo|[Kk]ế hoạch"
                    r"|[Cc]hương trình)(?:\s+số)?\s+(\d+[-/][A-ZĐ][\w]*(?:[-/][A-ZĐ][\w]*)*)")


_ISSUERS = ("bo chinh tri", "ban bi thu", "trung uong", "quoc hoi", "chinh phu", "thu tuong", "tinh uy",
            "hoi dong nhan dan", "uy ban nhan dan")


def _issuer_named(q: Question, after: str) -> int:
    folded = fold(after)
    return sum(1 for body in _ISSUERS if body in folded and body in q.folded)


def _cited_number(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts],
                  placed: list[DocumentFacts], lines: Lines) -> Draft | None:
    """The number of a document the text cites ("Quyết định của Thủ tướng về cơ chế đặc thù phát
    triển Đà Lạt số mấy"), when a sentence citing one says the question better than any held
    document's title does."""
    titled = max((corpus.coverage(q, (d.title_words,)) for d in documents), default=0.0)
    for s in sentences(corpus, q, placed, _CITED):
        if s.coverage < SENTENCE_COVERAGE:
            break
        if s.coverage <= titled:
            return None
        # Of two cited ("Nghị quyết 08-NQ/TW của Bộ Chính trị ... và Nghị quyết 07-NQ/TU của Tỉnh
        # ủy"), the one whose issuer, written after it, the question names.
        found = list(_CITED.finditer(s.text))
        number = max(found, key=lambda m: (_issuer_named(q, s.text[m.end():m.end() + 40]), -m.start()))
        draft = Draft()
        draft.cite(s.document, lines(s.document), s.lines)
        draft.parts.append(f"Số hiệu: {number.group(1)} (“{s.text.rstrip('.')}”). "
                           f"{label(s.document.filename, s.lines[0])}")
        return draft
    return None


def _said(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts], lines: Lines,
          pattern: re.Pattern[str], *, year: bool = False, cites: Sequence[str] = ()) -> Draft | None:
    """The sentence that says the question and matches `pattern` (and the year asked, with `year`;
    the references `cites`)."""
    best: Sentence | None = None
    for s in sentences(corpus, q, documents, pattern):
        if s.coverage < MIN_COVERAGE:
            break
        squashed = _squashed_number(s.text).replace("/", "-")
        if (not year or all(str(y) in s.text for y in q.years)) and all(r in squashed for r in cites):
            best = s
            break
    if best is None:
        return None
    draft = Draft()
    draft.cite(best.document, lines(best.document), best.lines)
    said = f"{best.text.rstrip('.')}. {label(best.document.filename, best.lines[0])}"
    day = _FULL_DATE.search(best.text) if pattern is _DAY else None
    if day is not None:  # the day as a date is written ("ngày 05 tháng 12 năm 2023": 05/12/2023)
        d, m, y = (g for g in day.groups() if g)
        said = f"Ngày {int(d):02d}/{int(m):02d}/{y}: {said}"
    draft.parts.append(said)
    return draft


def _field(corpus: StoredCorpus, q: Question, doc: DocumentFacts, lines: Lines) -> Draft | None:
    meta = corpus.meta(doc)
    src = lines(doc)
    draft = Draft()
    if q.kind == "number":
        value = meta.get("number")
        if not value:
            return None
        at = find_line(src, str(value)) or _find_number_line(src, str(value))
        draft.parts.append(f"Số hiệu của văn bản là {value}.")
    elif q.kind == "date":
        value = meta.get("date")
        if not value:
            return None
        y, m, d = str(value).split("-")
        at = find_line(src, f"ngày {int(d)} tháng {m} năm {y}") or find_line(
            src, f"ngày {d} tháng {m} năm {y}") or find_line(src, f"ngày {int(d)} tháng {int(m)} năm {y}")
        draft.parts.append(f"Văn bản ban hành ngày {d}/{m}/{y}.")
    elif q.kind == "signer":
        signer = meta.get("signer") or {}
        name = signer.get("name")
        if not name:
            return None
        at = find_line(src, name, max(1, len(src) - 150)) or find_line(src, name)
        position = f" ({signer.get('capacity') or ''} {signer.get('position') or ''})".replace("( ", "(")
        shown = f"{name}{position.rstrip()}" if signer.get("position") else name
        draft.parts.append(f"Người ký: {shown}.")
    elif q.kind == "theme":
        value = meta.get("theme")
        if not value:
            return None
        at = find_line(src, value) or find_line(src, value.split(" - ")[0])
        draft.parts.append(f"Chủ đề: “{value}”.")
    else:
        value = meta.get("issuer")
        if not value:
            return None
        at = find_line(src, value, 1, 40)
        draft.parts.append(f"Cơ quan ban hành: {value}.")
    if at is None:
        return None
    draft.parts[-1] += f" {label(doc.filename, at)}"
    draft.cite(doc, src, [at])
    return draft


def _find_number_line(src: tuple[str, ...], number: str) -> int | None:
    """"01-CTr/TU" written "Số 01 - CTr/TU" in the header: compare without spaces."""
    want = re.sub(r"\s+", "", fold(number))
    for index, text in enumerate(src[:60]):
        if want in re.sub(r"\s+", "", fold(text)):
            return index + 1
    return None
