"""The figure grammar's short cuts give what the full rules give.

Each short cut decides a common case without running a rule (a word that ends no phrase, a
number without separators, ...); these properties hold each one to the rule it skips.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.extract.figures import comparators, quantities, targets
from nghiquyet.extract.figures.comparators import (
    PhraseTable,
    read_prefix,
    strip_fillers,
    vocabulary,
    words_of,
)
from nghiquyet.extract.figures.units import alternation, load_json

_VOCAB = vocabulary()
_TABLES = (_VOCAB.before, _VOCAB.change, _VOCAB.level, _VOCAB.average, _VOCAB.tail_filler)
# Words of the vocabularies (so phrases do occur), in three cases, other words, and separators.
_WORDS = sorted(
    {w for table in _TABLES for phrase in table.table for w in phrase}
    | {w for phrase in quantities._name_words().before.table for w in phrase}
    | {"tỷ", "lệ", "hộ", "nghèo", "GRDP", "trưởng", "Covid-19", "a", "đ"}
)
_TOKEN = st.one_of(
    st.sampled_from(_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.capitalize()])),
    st.sampled_from([",", "(", ")", "-", ":", ";", "≥", "> ", "“", "\n", "  ", "7", "2025", "1,5"]),
)
_TEXT = st.lists(st.tuples(_TOKEN, st.sampled_from([" ", " ", "", "  "])), max_size=14).map(
    lambda parts: "".join(token + gap for token, gap in parts)
)


def _ending_in(table: PhraseTable) -> st.SearchStrategy[str]:
    """Texts that end with one of the table's phrases (in any case), as the short cuts' hard cases."""
    phrases = sorted(" ".join(words) for words in table.table)
    return st.tuples(_TEXT, st.sampled_from(phrases), st.sampled_from(["", " ", "  "])).map(
        lambda t: f"{t[0]}{t[1].upper() if len(t[0]) % 2 else t[1]}{t[2]}"
    )


def _ending_at_by_the_rule(table: PhraseTable, words: list[str], end: int) -> tuple[int, str] | None:
    for size in table.sizes:
        if size <= end and (found := table.table.get(tuple(words[end - size : end]))) is not None:
            return end - size, found
    return None


@given(st.lists(st.sampled_from([*_WORDS, "\0"]).map(str.lower), max_size=8), st.data())
def test_ending_at_skips_only_words_that_end_no_phrase(words: list[str], data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(words)))
    for table in _TABLES:
        assert table.ending_at(words, end) == _ending_at_by_the_rule(table, words, end)


_PREFIXES = st.one_of(*(_ending_in(table) for table in _TABLES[:4]))


@given(st.one_of(_TEXT, _PREFIXES), st.sampled_from(["7", "12%", " 2,5 tỷ"]), st.integers(0, 90))
def test_read_prefix_skips_only_windows_whose_last_word_ends_no_phrase(
    text: str, number: str, cut: int
) -> None:
    text = text + number
    end = len(text) - len(number.lstrip()) if cut > 60 else min(cut, len(text))
    lo = max(0, end - 60)
    symbol_cmp, stop = comparators._symbol(text, lo, end)
    assert read_prefix(text, end) == comparators._read_words(text, lo, stop, symbol_cmp)


def _name_word_before_by_the_rule(before: str) -> bool:
    stripped = before.rstrip()
    if len(stripped) == len(before) and before:
        return False
    words = words_of(stripped[-30:])
    if not words or not stripped[-1:].isalnum():
        return False
    return _ending_at_by_the_rule(quantities._name_words().before, words, len(words)) is not None


@given(st.one_of(_TEXT, _ending_in(quantities._name_words().before)))
def test_name_word_before_skips_only_words_that_end_no_name(before: str) -> None:
    assert quantities._name_word_before(before) == _name_word_before_by_the_rule(before)
    assert quantities._name_word_before(before + " ") == _name_word_before_by_the_rule(before + " ")


def _strip_fillers_by_the_rule(phrase: str) -> str:
    prev = None
    while prev != phrase:
        prev = phrase
        phrase = _VOCAB.lead_filler.sub("", phrase).rstrip(comparators._EDGE)
        words = phrase.split()
        hit = _VOCAB.tail_filler.ending_at([w.lower() for w in words[-4:]], min(4, len(words)))
        if hit is not None:
            phrase = " ".join(words[: -(min(4, len(words)) - hit[0])]).rstrip(comparators._EDGE)
    return phrase.strip(comparators._EDGE)


@given(st.one_of(_TEXT, _ending_in(_VOCAB.tail_filler)))
def test_strip_fillers_reads_only_the_last_words(phrase: str) -> None:
    assert strip_fillers(phrase) == _strip_fillers_by_the_rule(phrase)


def test_the_vocabularies_have_phrases_of_up_to_four_words() -> None:
    # strip_fillers looks at the last four words only.
    assert max(PhraseTable(load_json("comparators.json")["tail_filler"]).sizes) <= 4


def _every_phrase(table: PhraseTable) -> list[str]:
    phrases = [" ".join(words) for words in table.table]
    return [*phrases, *(p.upper() for p in phrases), *(p.capitalize() for p in phrases)]


def test_every_prefix_phrase_is_read_as_the_rule_reads_it() -> None:
    for table in _TABLES[:4]:
        for phrase in _every_phrase(table):
            for text in (f"Tỷ lệ {phrase} 7%", f"{phrase} 7%", f"GRDP, {phrase}  ≥ 7%", f"giảm {phrase} 7%"):
                end = text.index("7")
                symbol_cmp, stop = comparators._symbol(text, max(0, end - 60), end)
                assert read_prefix(text, end) == comparators._read_words(text, 0, stop, symbol_cmp), text


def test_every_name_phrase_is_found_as_the_rule_finds_it() -> None:
    for phrase in _every_phrase(quantities._name_words().before):
        for before in (f"tăng {phrase} ", f"{phrase}\n", f"({phrase}-"):
            assert quantities._name_word_before(before) == _name_word_before_by_the_rule(before), before


def test_every_tail_filler_is_stripped_as_the_rule_strips_it() -> None:
    for phrase in _every_phrase(_VOCAB.tail_filler):
        for text in (f"Tỷ lệ hộ nghèo {phrase}", f"Số xã đạt chuẩn nông thôn mới {phrase}:", phrase):
            assert strip_fillers(text) == _strip_fillers_by_the_rule(text), text


# The clause and phrase patterns of targets.py, as first written (a look-behind first, or no gate).
_RULE_SEPARATOR = re.compile(
    r"(?i)[;\n]|(?<!TP)(?<!Tp)(?<!TX)(?<!TT)(?<!TS)(?<!BS)(?<!GS)\.(?=\s+[^\W_])|\.\s*\Z"
    r"|(?<![^\W_])(?=trong\s+đó(?![^\W_]))"
)
_RULE_CONNECTOR = re.compile(
    r"(?i),|(?<![^\W_])(?:và|hoặc|tương\s+đương(?:\s+với)?|tương\s+ứng(?:\s+với)?|tức\s+là)(?![^\W_])"
)
# The baseline rule: the same words with the look-behind first.
_RULE_BASELINE = re.compile(
    r"(?<![^\W_])so" + targets._BASELINE.pattern.removeprefix(r"so(?<![^\W_]so)"), re.IGNORECASE
)
_CLAUSE_WORDS = [
    *("trong đó", "Trong  đó", "TRONG ĐÓ", "trong", "đó", "xtrong đó", "_trong đó"),
    *("TP.", "Tp.", "tx.", "BS.", "GS.", "so với", "So", "so cùng kỳ", "với năm"),
    *("năm 2025", "Năm  2030", "đến năm 2020", "đến cuối năm 2025", "hết năm 1999"),
    *("và", "Và", "hoặc", "tương đương với", "tương ứng", "tức là", "tứ", "và_"),
    *("hộ nghèo", "tai nạn", "giảm nghèo", "ô nhiễm", "phòng, chống", "xử lý", "a", "đ", "7%", "2025"),
]
_CLAUSE_GAPS = [" ", "", ". ", ".", "; ", "\n", ", ", "(", ")", "  ", "_", ". Đ", ".  x"]
_CLAUSE_TEXT = st.lists(
    st.tuples(st.sampled_from(_CLAUSE_WORDS), st.sampled_from([" ", *_CLAUSE_GAPS])), max_size=12
).map(lambda parts: "".join(word + gap for word, gap in parts))
# Every two words with every gap between them: the cases random texts might miss.
_CLAUSE_PAIRS = [f"{a}{gap}{b}" for a in _CLAUSE_WORDS for gap in _CLAUSE_GAPS for b in _CLAUSE_WORDS]


def _assert_cuts_as_the_rule(text: str, start: int, end: int) -> None:
    rule = [m.span() for m in _RULE_SEPARATOR.finditer(text, start, end)]
    assert targets._cuts(text, start, end) == rule, text


def _assert_phrases_as_the_rules(text: str) -> None:
    connectors = [m.span() for m in targets._CONNECTOR.finditer(text)]
    assert connectors == [m.span() for m in _RULE_CONNECTOR.finditer(text)], text
    found, rule = targets._BASELINE.search(text), _RULE_BASELINE.search(text)
    assert (found and (found.span(), found.group("b"))) == (rule and (rule.span(), rule.group("b"))), text
    ym = targets._YEAR_PHRASE.search(text)
    if not ym or targets._AFTER_BASELINE.search(text[: ym.start()]):
        year_rule = (text, 2020)
    else:
        year_rule = (text[: ym.start()] + " " + text[ym.end() :], int(ym.group(1)))
    assert targets._own_year(text, 2020) == year_rule, text
    for pattern, rule_pattern in _METRIC_RULES:
        spans = [m.span() for m in pattern.finditer(text)]
        assert spans == [m.span() for m in rule_pattern.finditer(text)], text


_METRIC_RULES = [
    (pattern, re.compile(rf"(?<![^\W_])(?:{alternation(load_json('metrics.json')[key])})(?![^\W_])", re.I))
    for pattern, key in (
        (targets._metric_words().worse, "worse_when_higher"),
        (targets._metric_words().better, "fights_worse"),
    )
]


@given(_CLAUSE_TEXT, st.integers(0, 5), st.integers(0, 5))
def test_clause_cuts_are_where_the_separator_rule_cuts(text: str, left: int, right: int) -> None:
    start = min(left, len(text))
    _assert_cuts_as_the_rule(text, start, max(start, len(text) - right))


@given(_CLAUSE_TEXT)
def test_connectors_baselines_years_and_metric_words_are_found_as_the_rules_find_them(text: str) -> None:
    _assert_phrases_as_the_rules(text)


def test_every_two_clause_words_are_read_as_the_rules_read_them() -> None:
    for text in _CLAUSE_PAIRS:
        _assert_cuts_as_the_rule(text, 0, len(text))
        _assert_cuts_as_the_rule(text, 1, len(text) - 1)
        _assert_phrases_as_the_rules(text)


@given(st.sampled_from(["", " ", "  \n", "“”", "a) ", "1. ", "- ", "(2) "]), _TEXT)
def test_clean_skips_only_what_the_rules_leave_unchanged(lead: str, text: str) -> None:
    # The rule: quotes dropped, spaces collapsed, a leading list label cut, fillers stripped.
    phrase = " ".join(targets._QUOTES.sub("", lead + text).split())
    assert targets._clean(lead + text) == strip_fillers(targets._INLINE_LABEL.sub("", phrase))
