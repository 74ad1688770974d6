"""Which passages answer a question: content words weighted by rarity, filtered by year and place."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nghiquyet.assistant.normalise import words
from nghiquyet.assistant.passages import DocumentFacts, Passage
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.store import StoredCorpus

# Below this share of the question's content (weighted) a passage is not about what was asked.
MIN_COVERAGE = 0.7
PAIRS_WEIGHT = 0.1  # below one rare word's share of the coverage: pairs only break near-ties
# A question that repeats a task's heading or a document's title word for word names that task or
# document: each word of the longest such run adds this much (a few words outweigh a common word).
RUN_WEIGHT = 0.05
RARE_IDF = 2.5  # a word fewer than about one passage in ten holds
KEPT = 100  # the best passages read in full (text and data); an answer quotes one to a few of them


@dataclass(frozen=True)
class Scored:
    passage: Passage
    document: DocumentFacts
    score: float


@lru_cache(maxsize=4096)
def _gapped(pair: str) -> re.Pattern[str]:
    a, b = pair.split()
    return re.compile(rf" {a} (?:\S+ )?{b} ")


def holds_pair(joined: str, pair: str) -> bool:
    """The passage says the pair's two words in its order, side by side or one word apart
    ("trồng rừng mới" holds "trồng mới"): the question's words are not always the document's order."""
    return f" {pair} " in joined or bool(_gapped(pair).search(joined))


def _paired_words(question: Question, words: frozenset[str], joined: str) -> frozenset[str]:
    """The passage's words that count for the question: a word the question says next to another
    counts only where the passage says it next to that word too ("lạm phát" is two words that are
    everywhere apart: "làm", "phát triển"), or where the question's pairs say nothing about it."""
    if not question.pairs:
        return words
    paired: set[str] = set()
    held: set[str] = set()
    for pair in question.pairs:
        a, b = pair.split()
        paired.update((a, b))
        if holds_pair(joined, pair):
            held.update((a, b))
    return words - (paired - held)  # set operations: this runs for every candidate passage


def _pair_share(question: Question, passage: Passage) -> float:
    """How many of the question's word pairs the passage holds in the same order: of two passages
    holding the same words, the one that says them as the question does is the one asked about."""
    if not question.pairs:
        return 0.0
    return sum(pair in passage.joined for pair in question.pairs) / len(question.pairs)


def _phrase_ok(question: Question, passage: Passage) -> bool:
    """Some two words the question has side by side stand side by side in the passage too
    ("lạm phát" is not "phát triển ... làm"): bags of syllables alone match too much."""
    if not question.pairs:
        return True
    joined = passage.joined
    return any(holds_pair(joined, pair) for pair in question.pairs)


def run_length(folded: str, joined: str) -> int:
    """The most words of `folded` (a question's folded words, spaced) that stand in the same order,
    side by side, in `joined` (" word word ... ")."""
    tokens = folded.split()
    best = 0
    for i in range(len(tokens)):
        size = best + 1
        while i + size <= len(tokens) and f" {' '.join(tokens[i:i + size])} " in joined:
            best = size
            size += 1
    return best


def place_ok(question: Question, doc: DocumentFacts) -> bool:
    """Every place and outside body the question names is named by the document."""
    return all(name in doc.names for name in (*question.places, *question.bodies))


def rank(corpus: StoredCorpus, question: Question, kinds: Iterable[str], documents: Sequence[DocumentFacts],
         *, years: bool = True, minimum: float = MIN_COVERAGE) -> list[Scored]:
    """Passages of the given kinds, best first, that cover enough of the question."""
    out: list[Scored] = []
    # Common syllables the question never says side by side ("mức lương tối thiểu vùng": "lương",
    # "vùng") match anything once folded ("chất lượng", "vùng đồng bào"): without a rare word among
    # them, a passage must say two of the question's words together.
    scattered = (not question.pairs and len(question.content) >= 2
                 and all(corpus.idf(w) < RARE_IDF for w in question.content))
    for doc, passage in corpus.candidates(question, sorted(set(kinds)), documents):
        if years and question.years and not passage.years & set(question.years):
            continue
        if scattered and run_length(question.folded, passage.joined) < 2:
            continue
        score = corpus.coverage(question, (_paired_words(question, passage.words, passage.joined),
                                           _paired_words(question, doc.title_words, doc.title_joined)))
        if score >= minimum and _phrase_ok(question, passage):
            out.append(Scored(passage, doc, score + PAIRS_WEIGHT * _pair_share(question, passage)))
    out.sort(key=lambda s: (-s.score, s.document.document_id, s.passage.line))
    out = out[:KEPT]
    full = corpus.complete([s.passage for s in out])
    return [Scored(full[s.passage.id], s.document, s.score) for s in out if s.passage.id in full]


def named_bonus(q: Question, scored: Scored) -> float:
    """How far the question names this task (its heading or opening words) and its document (title,
    "hội nghị lần thứ 14"), as runs of words said in the same order."""
    task = scored.passage
    heading = str(task.data.get("title") or "") or re.split(r"(?<=[.;:])\s", task.text.strip(), maxsplit=1)[0]
    own = run_length(q.folded, f" {' '.join(words(heading))} ")
    title = run_length(q.folded, scored.document.title_joined)
    return RUN_WEIGHT * ((own if own >= 2 else 0) + (title if title >= 4 else 0))
