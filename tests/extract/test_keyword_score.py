"""keyword_score: phrases counted as whole words, longest first, each word in one phrase at most."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.extract.vocabulary.vocab import keyword_score

_WORDS = ["an", "ninh", "quốc", "phòng", "an ninh", "quốc phòng an ninh", "đảng", "Đảng viên", "viên"]
_TABLE = {"a": ["an ninh", "quốc phòng an ninh"], "b": ["Đảng viên", "đảng"], "c": ["an", "viên", "an ninh"]}


def _by_words(text: str, table: dict[str, list[str]]) -> dict[str, int]:
    """The rule written plainly: walk the words, take the longest phrase starting at each."""
    words = re.findall(r"\w+", text.lower())
    phrases = sorted(
        {tuple(re.findall(r"\w+", p.lower())) for ps in table.values() for p in ps}, key=len, reverse=True
    )
    scores = dict.fromkeys(table, 0)
    i = 0
    while i < len(words):
        for phrase in phrases:
            if tuple(words[i : i + len(phrase)]) == phrase:
                for key, ps in table.items():
                    if phrase in {tuple(re.findall(r"\w+", p.lower())) for p in ps}:
                        scores[key] += 1
                i += len(phrase)
                break
        else:
            i += 1
    return scores


def test_counts_whole_words_case_and_punctuation_blind() -> None:
    text = "Công tác Quốc phòng, an ninh; xây dựng Đảng viên. Anh an toàn"
    assert keyword_score(text, _TABLE) == {"a": 1, "b": 1, "c": 1}  # the comma does not part a phrase
    assert keyword_score("quốc phòng an ninh và an ninh", _TABLE) == {"a": 2, "b": 0, "c": 1}


@given(st.lists(st.sampled_from([*_WORDS, ",", "x", "anh", "đảngviên", "\n"]), max_size=12))
def test_same_as_the_plain_rule(parts: list[str]) -> None:
    text = " ".join(parts)
    assert keyword_score(text, _TABLE) == _by_words(text, _TABLE)
