"""The trie regex matches exactly what the plain longest-first alternation matches."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.extract.vocabulary.trie import trie_pattern

_ALPHABET = "abđ ư-.Ab"


def _plain(phrases: list[str], *, word_start: bool, spaces: bool, flags: int) -> re.Pattern[str]:
    """The plain alternation, longest phrase first (what the trie replaces)."""
    parts = sorted({" ".join(p.split()) if spaces else p for p in phrases} - {""}, key=len, reverse=True)
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") if spaces else re.escape(p) for p in parts)
    return re.compile((r"(?<!\w)" if word_start else "") + f"(?:{alternation or '(?!)'})", flags)


@given(
    phrases=st.lists(st.text(_ALPHABET, min_size=1, max_size=5), max_size=8),
    text=st.text(_ALPHABET + "\n\t", max_size=40),
    word_start=st.booleans(),
    spaces=st.booleans(),
    fold_case=st.booleans(),
)
def test_same_matches_as_the_sorted_alternation(
    phrases: list[str], text: str, word_start: bool, spaces: bool, fold_case: bool
) -> None:
    flags = re.IGNORECASE if fold_case else 0
    ours = re.compile(trie_pattern(phrases, word_start=word_start, spaces=spaces, fold_case=fold_case), flags)
    plain = _plain(phrases, word_start=word_start, spaces=spaces, flags=flags)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_longest_phrase_first_then_shorter_on_backtracking() -> None:
    heads = trie_pattern(["đường", "đường cao tốc", "cao tốc"], word_start=True)
    pattern = re.compile(rf"(?P<head>{heads}) (?P<name>[A-Z]\w*)")
    assert pattern.search("xây dựng đường cao tốc Bảo Lộc")["head"] == "đường cao tốc"  # type: ignore[index]
    assert pattern.search("nâng cấp đường Hùng Vương")["head"] == "đường"  # type: ignore[index]
    assert pattern.search("lộ trìnhđường Lê") is None  # inside a word: no phrase starts there
