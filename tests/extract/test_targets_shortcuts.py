"""The figure grammar's short cuts give what the full rules give.

Each short cut decides a common case without running a rule (a word that ends no phrase, a
number without separators, ...); these properties hold each one to the rule it skips.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.extract import comparators, quantities
from nghiquyet.extract.comparators import PhraseTable, read_prefix, strip_fillers, vocabulary, words_of
from nghiquyet.extract.units import load_json

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
