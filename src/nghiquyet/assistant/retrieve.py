"""Which passages answer a question: content words weighted by rarity, filtered by year and place."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nghiquyet.assistant.passages import DocumentFacts, Passage
from nghiquyet.assistant.question import Question

# Below this share of the question's content (weighted) a passage is not about what was asked.
MIN_COVERAGE = 0.7


@dataclass(frozen=True)
class Scored:
    passage: Passage
    document: DocumentFacts
    score: float


class Corpus:
    """Every document's facts and the document frequency of each word, built once per set of documents."""

    def __init__(self, documents: Sequence[DocumentFacts]) -> None:
        self.documents = tuple(documents)
        df: Counter[str] = Counter()
        total = 0
        for doc in self.documents:
            for passage in doc.passages:
                df.update(passage.words)
                total += 1
        self._df = df
        self._total = max(total, 1)

    def idf(self, word: str) -> float:
        return math.log(1 + self._total / (1 + self._df.get(word, 0)))

    def coverage(self, question: Question, words: Iterable[frozenset[str]]) -> float:
        content = set(question.content)
        if not content:
            return 0.0
        union: set[str] = set()
        for group in words:
            union |= group
        weight = sum(self.idf(w) for w in content)
        return sum(self.idf(w) for w in content & union) / weight if weight else 0.0


def _phrase_ok(question: Question, passage: Passage) -> bool:
    """Some two words the question has side by side stand side by side in the passage too
    ("lạm phát" is not "phát triển ... làm"): bags of syllables alone match too much."""
    if not question.pairs:
        return True
    joined = passage.joined
    return any(pair in joined for pair in question.pairs)


def place_ok(question: Question, doc: DocumentFacts, source: str) -> bool:
    """Every place and outside body the question names is named by the document."""
    return all(name in source for name in (*question.places, *question.bodies))


def rank(corpus: Corpus, question: Question, kinds: Iterable[str], documents: Sequence[DocumentFacts],
         *, years: bool = True, minimum: float = MIN_COVERAGE) -> list[Scored]:
    """Passages of the given kinds, best first, that cover enough of the question."""
    wanted = set(kinds)
    out: list[Scored] = []
    for doc in documents:
        for passage in doc.passages:
            if passage.kind not in wanted:
                continue
            if years and question.years and not passage.years & set(question.years):
                continue
            score = corpus.coverage(question, (passage.words, doc.title_words))
            if score >= minimum and _phrase_ok(question, passage):
                out.append(Scored(passage, doc, score))
    out.sort(key=lambda s: (-s.score, s.document.document_id, s.passage.line))
    return out
