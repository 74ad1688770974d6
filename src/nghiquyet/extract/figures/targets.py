"""Targets stated by one indicator item: `parse_targets(text, year=...)` → list[Target].

The item is cut into clauses (";", sentences, "trong đó", parentheses that state figures);
each figure takes as metric the subject written before it in its clause, or, when the figure
comes first ("100% tổ chức đảng ..."), the words after it. A figure with no subject of its own
("..., tăng 7% so cùng kỳ", "(tương ứng giảm 1.805 hộ)") shares the subject before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache

from nghiquyet.extract.figures.comparators import strip_fillers
from nghiquyet.extract.figures.quantities import Quantity, find_quantities
from nghiquyet.extract.figures.units import alternation, load_json, match_unit, unit_kind
from nghiquyet.extract.model import Target


@dataclass(frozen=True, slots=True)
class _MetricWords:
    heads: re.Pattern[str]
    bases: re.Pattern[str]
    worse: re.Pattern[str]
    better: re.Pattern[str]


@cache
def _metric_words() -> _MetricWords:
    data = load_json("metrics.json")
    def starts(key: str) -> re.Pattern[str]:
        return re.compile(rf"(?:{alternation(data[key])})(?![^\W_])", re.IGNORECASE)

    def anywhere(key: str) -> re.Pattern[str]:
        # The pattern is tried at every position (it opens with a look-behind); a position whose
        # character opens no phrase is ruled out first by one class test instead of the trie's branches.
        firsts = "".join(sorted({" ".join(p.lower().split())[:1] for p in data[key]}))
        return re.compile(
            rf"(?=[{re.escape(firsts)}])(?<![^\W_])(?:{alternation(data[key])})(?![^\W_])", re.IGNORECASE
        )

    return _MetricWords(
        heads=starts("heads"), bases=starts("bases"),
        worse=anywhere("worse_when_higher"), better=anywhere("fights_worse"),
    )


# Clause ends: ";", a new line, a sentence's full stop (not "TP. Đà Lạt"), or "trong đó" (kept in the next,
# as a cut of no width). Both patterns open with what they consume, so `re` scans for them at C speed.
_SEPARATOR = re.compile(
    r"[;\n]|\.(?:(?<!TP\.)(?<!TX\.)(?<!TT\.)(?<!TS\.)(?<!BS\.)(?<!GS\.)(?=\s+[^\W_])|\s*\Z)", re.IGNORECASE
)
_TRONG_DO = re.compile(r"trong(?<![^\W_]trong)\s+đó(?![^\W_])", re.IGNORECASE)
# (Each word tests what comes before it after its first letter, so the pattern opens with characters.)
_CONNECTOR = re.compile(
    r",|(?:v(?<![^\W_]v)à|h(?<![^\W_]h)oặc|t(?<![^\W_]t)(?:ương\s+đương(?:\s+với)?|ương\s+ứng(?:\s+với)?|ức\s+là))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_YEAR_PHRASE = re.compile(
    r"(?:(?:đến|tới|vào|trong|cuối|đến\s+cuối|đến\s+hết|hết)\s+)?năm\s+((?:19|20)\d\d)\s*,?", re.IGNORECASE
)
# What every year phrase holds; it opens with a letter, so it is scanned for at C speed.
_YEAR_CORE = re.compile(r"năm\s+(?:19|20)\d\d", re.IGNORECASE)
_AFTER_BASELINE = re.compile(r"(?<![^\W_])(?:so|với|thực\s+hiện|cùng\s+kỳ)\s*\Z", re.IGNORECASE)
# A baseline is a time or an earlier result ("so với thực hiện năm 2025", "so cùng kỳ", "so với năm trước");
# "so với tổng số đảng viên" or "so với GRDP" is the base of a percentage and stays in the metric.
_BASELINE = re.compile(
    r"so(?<![^\W_]so)\s+(?:với\s+)?(?P<b>(?:thực\s+hiện|kết\s+quả|cùng\s+kỳ|năm|đầu\s+(?:năm|kỳ|nhiệm\s+kỳ)|cuối\s+năm"
    r"|giai\s+đoạn|quý|tháng|kỳ|trước|mức\s+(?:năm|bình\s+quân|thực\s+hiện))(?![^\W_])[^,;.()]*)",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"(?:ở|tại|của|đối\s+với|trong)(?![^\W_])", re.IGNORECASE)
_PREP_TAIL = re.compile(r"\s+(?:ở|tại|đối\s+với)\s+[^,;]*\Z", re.IGNORECASE)
# "Giảm tỷ lệ trẻ em ...", "Nâng tổng số xã ...": the verb asks for the change; the metric is what follows.
_VERB_BEFORE_HEAD = re.compile(
    r"^(?:giảm|tăng|nâng|nâng\s+cao|hạ|kéo\s+giảm|phát\s+triển)\s+"
    r"(?=(?:t[ỷỉ]\s+(?:lệ|trọng)|tổng|số|chỉ\s+số|mức|quy\s+mô|năng\s+suất|thu\s+nhập)(?![^\W_]))",
    re.IGNORECASE,
)
_NEXT_PREDICATE = re.compile(
    r",\s*(?:giảm|tăng|nâng|đạt|phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|không\s+để|góp\s+phần|nhằm)(?![^\W_])",
    re.IGNORECASE,
)
_LEAD_CHANGE = {"giảm": "decrease", "kéo giảm": "decrease", "hạ": "decrease", "tăng": "increase"}
_LEAD_DOWN = frozenset({"giảm", "kéo giảm", "hạ"})
_LEVEL_VERB = re.compile(r"(?<![^\W_])(?:đạt|là|ở\s+mức|bằng|chiếm)\s*\Z", re.IGNORECASE)
_PREDICATE = re.compile(r"(?<![^\W_])(?:được|phải|đều|đã)(?![^\W_])", re.IGNORECASE)
_PREDICATE_AT = re.compile(r"(?:được|phải|đều|đã)(?![^\W_])", re.IGNORECASE)  # at a given word start
_PAREN = re.compile(r"[()]")
# "a) Tỷ lệ ...; b) Tỷ lệ ...": a sub-item's label left inside a joined item.
_INLINE_LABEL = re.compile(r"^\s*(?:[a-zđ]\)|\d{1,2}[.)]|\(\d{1,2}\)|[-+•*])\s+")
_QUOTES = re.compile("[“”\"'‘’*]")


@dataclass(slots=True)
class _Clause:
    start: int
    end: int
    parent: int | None
    quantities: list[Quantity] = field(default_factory=list)
    subject: str = ""


def _paren_groups(text: str, quantities: list[Quantity]) -> list[tuple[int, int]]:
    """Parenthesised groups that state a figure of their own (not "(theo giá so sánh 2010)")."""
    groups: list[tuple[int, int]] = []
    if "(" not in text:
        return groups
    stack: list[int] = []
    numbers = [q.number_start for q in quantities]  # in order: find_quantities reads left to right
    for m in _PAREN.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            open_ = stack.pop()
            # A figure inside: the first number after the "(" comes before the ")" (bisected, not
            # scanned: many bracketed figures in one item were quadratic, issue 11).
            k = bisect_right(numbers, open_)
            if not stack and k < len(numbers) and numbers[k] < i:
                groups.append((open_, i))
    return groups


def _split(masked: str, start: int, end: int, parent: int | None) -> list[_Clause]:
    clauses: list[_Clause] = []
    pos = start
    for cut_start, cut_end in _cuts(masked, start, end):
        if cut_start > pos:
            clauses.append(_Clause(pos, cut_start, parent))
        pos = max(pos, cut_end)
    if end > pos:
        clauses.append(_Clause(pos, end, parent))
    return clauses


def _cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where `text[start:end]` is cut into clauses, in order: the separators, and a cut of no width
    before each "trong đó" (no separator consumes a "t", so the two never overlap)."""
    cuts = [m.span() for m in _SEPARATOR.finditer(text, start, end)]
    if before := [(m.start(), m.start()) for m in _TRONG_DO.finditer(text, start, end)]:
        cuts = sorted(cuts + before)
    return cuts


def _clauses(text: str, quantities: list[Quantity]) -> tuple[str, list[_Clause]]:
    groups = _paren_groups(text, quantities)
    masked_text = text
    if groups:
        masked = list(text)
        for a, b in groups:
            masked[a : b + 1] = " " * (b + 1 - a)
        masked_text = "".join(masked)
    clauses = _split(masked_text, 0, len(text), None)
    tops = [c.start for c in clauses]  # the top-level clauses, in order and not overlapping
    for a, b in groups:
        k = bisect_right(tops, a) - 1
        parent = k if k >= 0 and a < clauses[k].end else None
        clauses.extend(_split(text, a + 1, b, parent))
    # The innermost clause holding each number: the one starting last at or before it (a
    # parenthesis clause starts after its parent's start, so it wins).
    order = sorted(range(len(clauses)), key=lambda i: clauses[i].start)
    starts = [clauses[i].start for i in order]
    for q in quantities:
        k = bisect_right(starts, q.number_start) - 1
        while k >= 0 and not q.number_start < clauses[order[k]].end:
            k -= 1
        if k >= 0:
            clauses[order[k]].quantities.append(q)
    # Clause texts are read from the masked view so a parenthesis never leaks into its parent's words.
    view = masked_text
    return view, clauses


def _clean(phrase: str) -> str:
    phrase = " ".join(_QUOTES.sub("", phrase).split())
    if not phrase:
        return phrase  # (often: a figure with no words before or after it)
    if label := _INLINE_LABEL.match(phrase):
        phrase = phrase[label.end() :]
    return strip_fillers(phrase)


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _split_gap(gap: str, prev_named: bool) -> tuple[str, str]:
    """Cut the words between two figures into the first one's tail and the second one's subject."""
    cuts = list(_CONNECTOR.finditer(gap))
    if not cuts:
        return ("", gap) if prev_named else (gap, "")
    # After a named figure the first comma ends its words ("đạt và vượt kế hoạch, tăng 7%");
    # after a bare one ("100% tổ chức đảng, đảng viên và trên 95% ...") the last connector does.
    commas = [c for c in cuts if c.group() == ","]
    cut = (commas or cuts)[0] if prev_named else cuts[-1]
    return gap[: cut.start()], gap[cut.end() :]


def _baseline(words: str) -> tuple[str | None, str]:
    m = _BASELINE.search(words)
    if not m:
        return None, words
    return _clean(m.group("b")) or None, words[: m.start()] + words[m.end() :]


def _compose(subject: str, q: Quantity, tail: str) -> str:
    words = _metric_words()
    unit = q.unit or ""
    if q.unit_kind == "percent":
        if not subject:
            return tail if words.heads.match(tail) else f"Tỷ lệ {tail}".strip()
        if not tail:
            return subject
        if words.bases.match(tail):
            joiner = " " if re.match(r"(?:trên|so|của)(?![^\W_])", tail, re.I) else " so với "
            return f"{subject}{joiner}{tail}"
        if words.heads.match(subject):
            return f"{subject} {tail}"
        return f"Tỷ lệ {subject[:1].lower()}{subject[1:]} {tail}"  # an action and its object
    if q.unit_kind == "count":
        if not subject:
            return f"Số {unit} {tail}".strip()
        if words.heads.match(subject) or unit.split("/")[0].lower() in subject.lower():
            return f"{subject} {tail}".strip()
        return f"{subject} {unit} {tail}".strip()
    return f"{subject} {tail}".strip()


def _inherit(subject: str, q: Quantity) -> str:
    """A subject borrowed by a figure of another kind: "Tỷ lệ hộ nghèo" counted in "hộ" is "Số hộ nghèo"."""
    if q.unit_kind == "count" and q.unit and re.match(r"t[ỷỉ]\s+lệ\s+", subject, re.I):
        rest = re.sub(r"^t[ỷỉ]\s+lệ\s+", "", subject, flags=re.I)
        if rest.lower().startswith(q.unit.lower()):
            rest = rest[len(q.unit) :].strip()
        return f"Số {q.unit} {rest}".strip()
    return subject


def _shared_predicate(tail: str, gap: str, state: _ItemState, ci: int, nxt: Quantity) -> str:
    """ "100% tổ chức đảng và 95% quần chúng được tuyên truyền": both figures share the predicate."""
    if not re.search(r"(?<![^\W_])và\s*\Z", gap.split(",")[-1] if "," in gap else gap, re.IGNORECASE):
        return tail
    if _PREDICATE.search(tail):
        return tail
    clause = state.clauses[ci]
    source = state.text if clause.parent is not None else state.view
    at = _predicate_after(state, ci, source, nxt.end)
    if at is None:
        return tail
    stop = source.find(";", at, clause.end)
    return f"{tail} {_clean(source[at : clause.end if stop < 0 else stop])}".strip()


def _predicate_after(state: _ItemState, ci: int, source: str, pos: int) -> int | None:
    """Where the first predicate word at or after `pos` in clause `ci` starts (`pos` counts as a
    word's start). The clause's predicates are found once and bisected: searching the rest of the
    clause from every figure was quadratic in a long list of bare figures (issue 11)."""
    clause = state.clauses[ci]
    if _PREDICATE_AT.match(source, pos, clause.end):
        return pos
    starts = state.predicates.get(ci)
    if starts is None:
        found = _PREDICATE.finditer(source, clause.start, clause.end)
        starts = state.predicates[ci] = [m.start() for m in found]
    k = bisect_right(starts, pos)
    return starts[k] if k < len(starts) else None


_PAREN_UNIT = re.compile(r"\(([^()]{1,25})\)")


def _header_unit(subject: str) -> tuple[str, str] | None:
    """A unit written in brackets in the metric's name ("(%)", "(tỷ đồng)", "(USD/người)")."""
    for m in _PAREN_UNIT.finditer(subject):
        found = match_unit(m.group(1), 0)
        if found is not None and found.kind != "magnitude" and not m.group(1)[found.end :].strip():
            rest = (subject[: m.start()] + subject[m.end() :]).strip()
            return found.text, re.sub(r"\s+", " ", rest)
    return None


def _direction(metric: str, q: Quantity) -> str:
    if q.change == "decrease" or q.comparator in ("lt", "lte"):
        return "down"
    words = _metric_words()
    # "ô nhiễm ... được xử lý", "bảo hiểm thất nghiệp": the bad word is what the metric fights.
    if words.worse.search(metric) and not words.better.search(metric):
        return "down"
    return "up"


def parse_targets(text: str, *, year: int | None) -> list[Target]:
    """Every numeric target one indicator item states (see EXTRACTION.md for the conventions)."""
    return [t for _, t in read_figures(text, year=year)]


def read_figures(
    text: str, *, year: int | None, narrative: bool = False, subject_before: str = ""
) -> list[tuple[Quantity, Target]]:
    """Every figure of `text` with the target reading of it. `narrative` text (a report's prose:
    "... khởi sắc với 16/19 chỉ tiêu hoàn thành") keeps only the words after the last clause cue
    ("với", "như", ":", a comma) as the subject; `subject_before` is the subject the sentence
    before left, for a figure that names only a time ("; lũy kế 9 tháng tăng 10%")."""
    quantities = find_quantities(text)
    if not quantities:
        return []
    view, clauses = _clauses(text, quantities)
    state = _ItemState(text=text, view=view, clauses=clauses, year=year, narrative=narrative,
                       last_subject=subject_before)
    for ci in range(len(clauses)):
        _read_clause(state, ci)
    state.found.sort(key=lambda pair: pair[0].number_start)
    return state.found


@dataclass(slots=True)
class _ItemState:
    text: str
    view: str
    clauses: list[_Clause]
    year: int | None
    narrative: bool = False
    last_subject: str = ""
    topic: str = ""  # "Cơ cấu kinh tế: ngành A ...; ngành B ...": the heading every clause shares
    found: list[tuple[Quantity, Target]] = field(default_factory=list)
    predicates: dict[int, list[int]] = field(default_factory=dict)  # clause → predicate word starts
    subjects: list[tuple[int, str]] = field(default_factory=list)  # (figure's end, its subject), read order


def _read_clause(state: _ItemState, ci: int) -> None:
    """Read each figure of one clause: its subject, its own words after it, then the target."""
    clause = state.clauses[ci]
    source = state.text if clause.parent is not None else state.view
    prev: Quantity | None = None
    prev_named = False
    prev_change: str | None = None
    prev_tail = ""
    for qi, q in enumerate(clause.quantities):
        if prev is None:
            own = source[clause.start : q.start]
        else:
            _, own = _split_gap(source[prev.end : q.start], prev_named)
        ratio_base = compared = False
        lead_from = q.start - len(own)
        if state.narrative:
            raw = own
            own, borrow = _narrative_subject(own)
            compared = borrow and not own
            lead_from = q.start - _evidence_reach(raw, own, compared)
            # "..., gấp 1,36 lần 5 năm trước": the words after a ratio are its base, the subject
            # is the one before.
            ratio_verb = _RATIO_VERB.search(source, q.start - len(own), q.number_start)
            ratio_base = q.unit == "lần" and ratio_verb is not None
            if (borrow or (ratio_base and not _clean(own))) and state.last_subject:
                own = f"{state.last_subject} {own}"
        nxt = clause.quantities[qi + 1] if qi + 1 < len(clause.quantities) else None
        own, t_year = _own_year(own, state.year)
        base_in_subject, _ = _baseline(own)
        cleaned = _clean(own)
        verb = _VERB_BEFORE_HEAD.match(cleaned)
        subject = cleaned[verb.end() :] if verb else cleaned
        lead_verb = cleaned[: len(cleaned) - len(subject)].strip().lower()
        named = bool(subject)
        after = _words_after(source, clause, q, nxt, subject)
        if compared:  # "cao hơn mức tăng 4,6% của quý trước và ...": only the time it names is its own
            after = _NEXT_LINK.split(after, 1)[0]
        baseline, after_words = _baseline(after)
        if not compared:  # (the time a comparison names is what tells its figure apart: it stays)
            after_words, t_year = _own_year(after_words, t_year)  # "chiếm 20% GRDP vào năm 2026"
        tail = _clean(after_words)
        if not _WORD.search(tail):
            tail = ""  # "tăng 11,1% %": a sign typed twice names nothing
        if ratio_base and tail:
            tail = f"so với {tail}"
        if prev is not None and (shared := _shared_head(own, clause.subject)):
            subject = shared  # "... có điện thoại thông minh đạt 85%, có tài khoản ... đạt 70%"
        subject = _resolve_subject(state, ci, _with_topic(state, ci, subject), q, tail)
        state.subjects.append((q.end, subject))
        if subject and (named or not clause.subject):
            clause.subject = subject
        if subject:
            state.last_subject = subject
        elif state.narrative and q.unit_kind == "count" and tail:
            # "có 500 doanh nghiệp thành lập mới, tăng 7,6%": the counted noun is what follows is about.
            clause.subject = state.last_subject = _capital(_compose("", q, tail))
        change = q.change or _lead_change(lead_verb, q, own)
        # "Có thêm 02 xã ..., 16 xã ..., 7 xã ...": one verb governs the whole list of counts.
        bare = not named and q.start == q.number_start
        if change is None and prev is not None and bare and q.unit_kind == prev.unit_kind == "count":
            change = prev_change
        if not named and nxt is not None and not subject:
            tail = _shared_predicate(tail, source[q.end : nxt.start], state, ci, nxt)
        unit = q.unit
        if unit is None and (header := _header_unit(subject)):
            # A table row turned text: "Tỷ lệ lao động qua đào tạo (%) 67" keeps its unit in the name;
            # the name already says what is counted, so it is composed as a measure.
            unit, subject = header
            q = replace(q, unit=unit, unit_kind="percent" if unit_kind(unit) == "percent" else "measure")
        metric = _capital(" ".join(_compose(subject, q, tail).split()).strip(" ,;:"))
        counted = prev.unit if prev is not None and prev.total is not None else None
        if not named and not tail and q.unit_kind == "percent" and counted:
            # "đạt 154/218 trường đạt chuẩn quốc gia, đạt 70,06%": the share of the count before.
            metric = _capital(" ".join(f"Tỷ lệ {counted} {prev_tail}".split()))
        down = change == "decrease" or lead_verb in _LEAD_DOWN or _direction(metric, q) == "down"
        target = Target(
            metric=metric, comparator=q.comparator, value=q.value, value_max=q.value_max,
            unit=unit, change=change, baseline=baseline or base_in_subject, year=t_year,
            text=" ".join(source[lead_from : q.end + len(after)].split()).strip(" ,;:."),
            direction="down" if down else "up",
        )
        state.found.append((q, target))
        prev, prev_named, prev_change, prev_tail = q, named, change, tail


_WORD = re.compile(r"[^\W\d_]")
_NEXT_LINK = re.compile(r",|\s(?:và|nhưng|song)(?![^\W_])", re.IGNORECASE)
_PREDICATE_START = re.compile(r"\s*(có|được|sử\s+dụng|tham\s+gia)\s+\S", re.IGNORECASE)


def _shared_head(own: str, previous: str) -> str | None:
    """A clause that starts on the predicate shares the noun before the same predicate in the last one."""
    m = _PREDICATE_START.match(own)
    if not m or not previous:
        return None
    verb = re.search(rf"(?<![^\W_]){re.escape(m.group(1))}(?![^\W_])", previous, re.IGNORECASE)
    if not verb or verb.start() == 0:
        return None
    return f"{previous[: verb.start()].rstrip()} {m.group(1)} {_clean(own[m.end(1) :])}".strip(" ,;:")


def _own_year(own: str, default: int | None) -> tuple[str, int | None]:
    """ "đến năm 2025 toàn tỉnh có ...": the item names its own year (not "so với năm 2023")."""
    # The words before "năm" are optional: without a "năm 2025" there is no year phrase.
    ym = _YEAR_PHRASE.search(own) if _YEAR_CORE.search(own) else None
    if not ym or _AFTER_BASELINE.search(own[: ym.start()]):
        return own, default
    return own[: ym.start()] + " " + own[ym.end() :], int(ym.group(1))


def _lead_change(lead_verb: str, q: Quantity, own: str) -> str | None:
    """ "Giảm tỷ lệ hộ nghèo 2%/năm": the leading verb governs the number unless it is a level
    ("Giảm tỷ lệ ... dưới 15,8%", "Tăng tỷ lệ ... lên 45%", "... đạt 90%")."""
    change = _LEAD_CHANGE.get(lead_verb)
    if change and (q.level or q.comparator in ("lt", "lte") or _LEVEL_VERB.search(own)):
        return None
    return change


def _words_after(source: str, clause: _Clause, q: Quantity, nxt: Quantity | None, subject: str) -> str:
    """The words after a figure that still belong to it (its base, object or baseline)."""
    if nxt is not None:
        return _split_gap(source[q.end : nxt.start], bool(subject))[0]
    after = source[q.end : clause.end]
    # After a named metric ("Tỷ lệ X đạt 100%, góp phần ...") a comma ends the figure's words;
    # after an action ("Tiếp nhận, xử lý 100% tố giác, tin báo") the object runs on.
    if subject and _metric_words().heads.match(subject):
        after = after.split(",", 1)[0]
    # "Giảm 5 - 10% số vụ tai nạn, giảm số người chết ...": a new predicate ends the object.
    if m := _NEXT_PREDICATE.search(after):
        after = after[: m.start()]
    return after


def _resolve_subject(state: _ItemState, ci: int, subject: str, q: Quantity, tail: str) -> str:
    """Borrow a subject from the clause before: "..., ở nông thôn đạt 75%", "(tương ứng giảm 1.805 hộ)"."""
    if subject and _PREPOSITION.match(subject):
        inherited = _PREP_TAIL.sub("", _own_or_parent_subject(state, ci))
        return f"{inherited} {subject}".strip()
    if subject or (tail and not (q.unit_kind == "percent" and _metric_words().bases.match(tail))):
        return subject
    inherited = _inherit(_own_or_parent_subject(state, ci), q)
    if not inherited and q.unit_kind != "count":
        # "Đến năm 2025 tỷ lệ X đạt 50%; đến năm 2030 đạt 70%": the item's last subject.
        return state.last_subject
    return inherited


_CLAUSE_CUE = re.compile(r"(?<![^\W_])(?:với|như|là|khi|gồm|bao\s+gồm|cụ\s+thể)(?![^\W_])|:", re.IGNORECASE)


# A time said before the subject ("6 tháng đầu năm, ...", "năm nay ...", "hiện ...") names the period,
# not the figure; "lũy kế 9 tháng" or "bình quân 6 tháng" alone is a period of the subject before.
_TIME_LEAD = re.compile(
    r"\s*(?:(?:trong|tính\s+đến|đến|hết)\s+)?(?:(?:lũy|luỹ)\s+kế\s+|bình\s+quân\s+)?"
    r"(?:(?:\d{1,2}|sáu|chín)\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?(?:\s+(?:năm\s+)?(?:19|20)\d\d)?"
    r"|năm\s+(?:nay|qua|(?:19|20)\d\d)|quý\s+(?:IV|I{1,3}|[1-4])(?:\s*(?:/|năm)\s*(?:19|20)\d\d)?"
    r"|giai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|hiện\s+nay|hiện|đến\s+nay)(?![^\W_])\s*,?",
    re.IGNORECASE,
)
# "Hiện huyện có 6 xã ...", "toàn tỉnh có 320 xã ...": before "có" stands the owner, the figure names itself.
_OWNER_HAS = re.compile(r"(?<![^\W_])có\s*\Z", re.IGNORECASE)
_RATIO_VERB = re.compile(r"(?<![^\W_])gấp(?![^\W_])", re.IGNORECASE)
_ONLY_VERB = re.compile(r"\s*(?:ước\s+)?(?:tăng|giảm|đạt|bằng|ước\s+đạt|ước\s+tính)?\s*\Z", re.IGNORECASE)


# "mức tăng trưởng", "tăng trưởng", "tổng số": words that say how a thing is measured, not what it is.
_RATE_ONLY = re.compile(
    r"\s*(?:(?:(?:mức|tốc\s+độ)\s+)?(?:tăng(?:\s+trưởng)?|giảm)|tổng\s+số|tổng\s+cộng|con\s+số)\s*\Z",
    re.IGNORECASE,
)
# "dẫn đầu cả nước về thu ngân sách": the field after "về" is what the head noun leads in.
_TOPIC = re.compile(r"(?<![^\W_])về\s+(?=\S)", re.IGNORECASE)
# "(ngành X) đã có dấu hiệu phục hồi", "dẫn đầu": where a clause's head noun ends and its predicate begins.
_PREDICATE_OPENS = re.compile(
    r"(?<![^\W_])(?:đã|đang|cũng|vẫn|tiếp\s+tục|dẫn\s+đầu|đứng\s+đầu|vươn\s+lên|giữ|có|đạt|tăng|giảm)(?![^\W_])",
    re.IGNORECASE,
)
# "..., cao hơn mức tăng 4,6% của năm trước": the same measure as the figure before, for another time.
_COMPARED = re.compile(
    r"\s*(?:cao|thấp|nhanh|chậm|lớn|nhỏ)\s+hơn(?:\s+(?:so\s+với\s+)?mức)?(?:\s+(?:tăng|giảm)(?:\s+trưởng)?)?\s*\Z",
    re.IGNORECASE,
)


def _evidence_reach(raw: str, own: str, compared: bool) -> int:
    """How far before its figure a narrative figure's words start: its subject phrase, the comparison
    ("cao hơn mức tăng"), or the whole clause when the subject is a head noun before a rate word."""
    if compared:
        return len(raw.rsplit(",", 1)[-1])
    return len(own) if raw.endswith(own) else len(raw)


def _last_phrase(words: str) -> str:
    """The noun phrase before a predicate: the words after the last comma ("theo thống kê, 9 tháng,
    Hà Nội"), a piece of one or two words joining the one before ("chế biến, chế tạo") unless that
    one is a time."""
    pieces = words.split(",")
    out = pieces.pop()
    while pieces and len(out.split()) <= 2 and not _TIME_LEAD.fullmatch(pieces[-1] + ","):
        out = f"{pieces.pop()},{out}"
    return out


def _rate_head(before: str) -> str:
    """The thing a bare rate word measures: the head noun written before it in its clause."""
    head = before.rstrip(" ,:")
    if m := _PREDICATE_OPENS.search(head):
        topic = _TOPIC.search(head, m.end())
        head = _last_phrase(head[: m.start()]) + (" " + head[topic.end() :] if topic else "")
    time = _TIME_LEAD.fullmatch(head)
    return "" if time or not _clean(head) else head


def _narrative_subject(own: str) -> tuple[str, bool]:
    """In prose, the subject of a figure is the last phrase before it, not the whole sentence.
    Also says whether the words are only a time and a verb ("lũy kế 9 tháng ước tăng"), or a
    comparison with an earlier level ("cao hơn mức tăng"), so the figure borrows the subject before it."""
    if _COMPARED.fullmatch(own.rsplit(",", 1)[-1]):
        return "", True
    whole = own
    own, borrow = _phrase_before(own)
    if not borrow and _RATE_ONLY.fullmatch(own):
        # "ngành X dẫn đầu với mức tăng trưởng 19%": the rate measures the head noun before it.
        head = _rate_head(whole[: len(whole) - len(own)])
        return (head, False) if head else (own, True)
    return own, borrow


def _phrase_before(own: str) -> tuple[str, bool]:
    cues = list(_CLAUSE_CUE.finditer(own))
    # "... khởi sắc với 16/19 chỉ tiêu": cut after the cue; but "Tỷ lệ X là 50%" keeps its subject.
    if cues and (own[cues[-1].end() :].strip() or cues[-1].group().lower() != "là"):
        own = own[cues[-1].end() :]
    if "," in own:
        last = own.rsplit(",", 1)[1]
        if last.strip():  # "..., có 03/19 chỉ tiêu": the phrase after the comma; "..., tăng 11%": keep
            own = last
    time = _TIME_LEAD.match(own)
    if time and time.end() > 0 and own[: time.end()].strip():
        rest = own[time.end() :]
        if _ONLY_VERB.fullmatch(rest):
            return own, True
        own = rest
    if _OWNER_HAS.search(own) and own.strip().lower() != "có":
        own = ""
    return own, False


def _with_topic(state: _ItemState, ci: int, subject: str) -> str:
    if ":" in subject and ci == 0 and not state.topic:
        state.topic = subject.split(":", 1)[0].strip()
        return subject
    topic = state.topic  # (most items have none: the metric head is looked for only when there is one)
    if topic and subject and topic.lower() not in subject.lower():
        return subject if _metric_words().heads.match(subject) else f"{topic}: {subject}"
    return subject


def _own_or_parent_subject(state: _ItemState, ci: int) -> str:
    clause = state.clauses[ci]
    if clause.subject:
        return clause.subject
    if clause.parent is not None:
        # "A chiếm 8% (giảm 3% ...) và B chiếm 9%": the bracket speaks of the figure just before it,
        # not of the last subject its parent clause names.
        before = [(end, subject) for end, subject in state.subjects if end <= clause.start and subject]
        return max(before)[1] if before else state.clauses[clause.parent].subject
    return ""
