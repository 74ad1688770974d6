"""Who does what: "A, B và C có trách nhiệm ...", "X chủ trì, phối hợp với Y ..." → Assignments.

A clause names its bodies first (a subject starting with a body word from data/bodies.json:
ban, sở, ủy ban, đảng ủy, văn phòng, UBND, cấp ủy ...), then a verb that starts the duty.
"chủ trì" makes the subject the lead and "phối hợp (với) Y" makes Y a support.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nghiquyet.extract.items.deadlines import find_deadline
from nghiquyet.extract.items.references import unique
from nghiquyet.extract.model import Assignment
from nghiquyet.extract.text.normalise import UPPER, Paragraph
from nghiquyet.extract.vocabulary.trie import trie_pattern
from nghiquyet.extract.vocabulary.vocab import load

_LABEL = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|\(\d+\)|[a-zđ]\)|[-+•])\s*")
# A verb inside a name is not a verb: "Ban Tổ chức" (capital), "tổ chức cơ sở đảng", "xây dựng đảng".
_NOT_VERB_AFTER = re.compile(r"\s+(?:đảng|cơ sở|Đảng)\b|,\s*giúp việc")


@dataclass(slots=True)
class Clause:
    """One subject-verb-duty clause found in a text."""

    bodies: list[tuple[str, int]]  # body name, offset in the text
    subject: str
    role: str  # lead or support
    duty: str
    supports: list[tuple[str, int]]
    support_duty: str


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _vocab() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], tuple[str, ...], re.Pattern[str]]:
    data = load("bodies")
    heads = sorted(data["heads"], key=len, reverse=True)
    # "Ban hành", "Hội nghị", "trường hợp" begin with a body word but name no body.
    not_heads = trie_pattern(data["not_heads"], fold_case=True)
    head_re = re.compile(rf"(?!{not_heads}\b){trie_pattern(heads, fold_case=True)}\b", re.IGNORECASE)
    verb_re = re.compile(rf"{trie_pattern(data['verbs'], word_start=True)}(?![\w])")
    lead_in = re.compile(rf"^(?:{_alternation(data['lead_in'])})\s+", re.IGNORECASE)
    prefix = re.compile(rf"^(?:{_alternation(data['clause_prefix'])})\b[^,]{{0,80}},\s*", re.IGNORECASE)
    return head_re, verb_re, lead_in, tuple(h.lower() for h in heads), prefix


def _cap(s: str) -> str:
    s = s.strip(" ,;:.")
    return s[:1].upper() + s[1:]


_AND_CUT = re.compile(r"\s+và\s+")
_LIST_CUT = re.compile(rf"(;|,|{_AND_CUT.pattern})")
_AND = re.compile(r"\s*và\s*")


def split_bodies(subject: str, base: int = 0) -> list[tuple[str, int]]:
    """ "A, các ban của B; thành ủy, huyện ủy, đảng ủy trực thuộc C và D" → bodies with offsets."""
    head_re, _, _, heads, _ = _vocab()
    chunks: list[tuple[str, int]] = []
    pos = 0
    for part in _LIST_CUT.split(subject):
        if part in (";", ",") or _AND_CUT.fullmatch(part):
            chunks.append((part, base + pos))
        elif part.strip():
            lead = len(part) - len(part.lstrip())
            chunks.append((part.strip(), base + pos + lead))
        pos += len(part)
    out: list[tuple[str, int]] = []
    glue: tuple[str, int] | None = None  # bare body words ("thành ủy, huyện ủy") waiting for a qualifier
    sep = ""
    enumerating = False
    for text, off in chunks:
        if text in (";", ",") or not text.strip() or _AND.fullmatch(text):
            sep = text.strip() or "và"
            continue
        joiner = ", " if sep == "," else " và "
        starts_body = bool(head_re.match(text))
        low = text.lower()
        if (
            out
            and glue is None
            and sep == ","
            and not low.startswith("các ")
            and text[:1].islower()
            and (enumerating or _ends_with_head(out[-1][0], heads))
        ):
            # "Bí thư thành ủy, huyện ủy, đảng ủy trực thuộc Tỉnh ủy": the list goes on the last noun.
            prev, poff = out.pop()
            out.append((f"{prev}, {text}", poff))
            enumerating = True
            sep = ""
            continue
        enumerating = False
        if glue is not None and low.startswith("các "):
            out.append(glue)  # "..., các đoàn thể tỉnh": a plural group starts a new body
            glue = (text, off)
        elif glue is not None and sep != ";":
            glue = (f"{glue[0]}{joiner}{text}", glue[1])
        elif out and not starts_body and sep != ";":
            prev, poff = out.pop()
            out.append((f"{prev}{joiner}{text}", poff))
            sep = ""
            continue
        else:
            if glue is not None:
                out.append(glue)
            glue = (text, off)
        if text.lower() not in heads:
            out.append(glue)
            glue = None
        sep = ""
    if glue is not None:
        out.append(glue)
    return [(_cap(t), o) for t, o in out if t.strip()]


def _ends_with_head(body: str, heads: tuple[str, ...]) -> bool:
    """ "Bí thư thành ủy" ends with a body word; "các ban của Tỉnh ủy" ends with its owner."""
    words = body.lower().split()
    return any(len(words) > n and " ".join(words[-n:]) in heads and words[-n - 1] != "của" for n in (2, 1))


def _first_verb(text: str) -> re.Match[str] | None:
    _, verb_re, _, _, _ = _vocab()
    for m in verb_re.finditer(text):
        if _NOT_VERB_AFTER.match(text, m.end()):
            continue
        return m
    return None


def parse_clause(text: str, base: int = 0) -> Clause | None:
    """Read one sentence: subject bodies, role, duty; None when it does not start with a body."""
    head_re, _, lead_in, _, prefix = _vocab()
    start = 0
    for pat in (_LABEL, prefix, lead_in):
        m = pat.match(text, start)
        if m:
            start = m.end()
    if not head_re.match(text, start):
        return None  # most sentences: no body opens them
    colon = text.find(":", start)
    verb_before_colon = _first_verb(text[start:colon]) if colon > start else None
    if 0 < colon - start < 120 and verb_before_colon is None:
        # "- Văn phòng Đảng ủy: Chủ trì, phối hợp theo dõi ..." (the subject before a colon)
        subject, rest, rest_at = text[start:colon], text[colon + 1 :].strip(), colon + 1
    else:
        verb = _first_verb(text[start:])
        if verb is None or verb.start() == 0 or verb.start() > 260:
            return None
        subject, rest, rest_at = (
            text[start : start + verb.start()],
            text[start + verb.start() :],
            start + verb.start(),
        )
    bodies = split_bodies(subject.strip(), base + start + (len(subject) - len(subject.lstrip())))
    if not bodies:
        return None
    rest = rest.strip().rstrip(".;")
    supports: list[tuple[str, int]] = []
    support_duty = ""
    m = re.match(r"(?i)chủ trì,?\s*(?:và\s+)?(?:phối hợp(?:\s+với)?\s+)?", rest)
    if m:
        after = rest[m.end() :]
        lead_name = bodies[0][0]
        if re.match(r"(?i)phối hợp", rest[len("chủ trì") :].lstrip(", ")) and head_re.match(after):
            verb = _first_verb(after)
            stop = re.search(r"\s(?:để|nhằm|trong việc)\s|;", after)
            if verb is not None and stop is not None and stop.start() < verb.start():
                verb = stop
            if verb is not None and verb.start() > 0:
                sub_off = base + rest_at + (len(text[rest_at:]) - len(text[rest_at:].lstrip())) + m.end()
                supports = split_bodies(after[: verb.start()].strip(), sub_off)
                duty = re.sub(r"^\s*(?:để|nhằm|trong việc)\s+", "", after[verb.start() :])
                support_duty = f"phối hợp với {lead_name} {duty}"
                return Clause(bodies, subject, "lead", duty.strip(" ,"), supports, support_duty.strip(" ,"))
        duty = after
        return Clause(bodies, subject, "lead", duty.strip(" ,"), [], "")
    duty = re.sub(
        r"(?i)^(?:có trách nhiệm|chịu trách nhiệm|cần|(?:căn cứ|theo) (?:vào )?chức năng,? nhiệm vụ"
        r"(?: được giao)?,?)\s+",
        "",
        rest,
    )
    return Clause(bodies, subject, "lead", duty.strip(" ,"), [], "")


# One character class first, so `re` scans for it at C speed; the branch is checked after it.
_SENTENCE = re.compile(rf"[.!?\n](?:(?<=[.!?])\s+(?=[\"“(]?[{UPPER}])|(?<=\n)\n*)")


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """The matches of `_SENTENCE.finditer(text)`, the pattern tried only where its class is.

    `str.find` runs at memory speed, while `re` tests the class [.!?\n] at every character; a
    text has a few dozen of these characters in thousands.
    """
    at: list[int] = []
    for ch in ".\n!?":
        i = text.find(ch)
        while i >= 0:
            at.append(i)
            i = text.find(ch, i + 1)
    at.sort()
    found: list[re.Match[str]] = []
    end = 0  # as in finditer: the next match starts where the last ended, or later
    for i in at:
        if i >= end and (m := _SENTENCE.match(text, i)):
            found.append(m)
            end = m.end()
    return found


def sentences(text: str) -> list[tuple[str, int]]:
    """Sentences (and list lines) with their offsets; "; " stays inside (subjects use it)."""
    out: list[tuple[str, int]] = []
    pos = 0
    for m in _sentence_ends(text):
        cut = m.start() + (text[m.start()] != "\n")  # the full stop stays with its sentence
        out.append((text[pos:cut], pos))
        pos = m.end()
    out.append((text[pos:], pos))
    # "Đồng thời, giao X chủ trì ...": a mid-sentence assignment starts its own clause.
    extra: list[tuple[str, int]] = []
    if "iao" in text:
        for s, off in out:
            for m in _GIAO.finditer(s):
                at = m.start() - 1  # the match opens after the "G"
                if s[max(0, at - len(_AS_WELL)) : at] == _AS_WELL:
                    at -= len(_AS_WELL)
                if at > 0:
                    extra.append((s[at:], off + at))
    if extra:  # (`out` is in order already)
        out = sorted(out + extra, key=lambda x: x[1])
    return [(s, o) for s, o in out if s.strip()]


# "giao" as a word: the literal "iao" is scanned for (a literal prefix is the fastest scan `re`
# has); the "G" or "g" and what precedes it are checked after.
_GIAO = re.compile(r"iao(?<=[Gg]iao)(?<![\w][Gg]iao)\s+(?=\S)")
_AS_WELL = "Đồng thời, "


def task_roles(text: str) -> tuple[list[str], list[str]]:
    """Lead and support bodies named in a task's text."""
    lead: list[str] = []
    support: list[str] = []
    for s, _ in sentences(text):
        c = parse_clause(s)
        if c is None:
            continue
        lead.extend(b for b, _ in c.bodies)
        support.extend(b for b, _ in c.supports)
    return unique(lead), unique(support)


def assignments_from(paragraphs: list[Paragraph], *, years: list[int] | None = None) -> list[Assignment]:
    """Assignments stated in these paragraphs (a "Tổ chức thực hiện" part), with any deadline."""
    out: list[Assignment] = []
    for p in paragraphs:
        for s, off in sentences(p.text):
            c = parse_clause(s, off)
            if c is None:
                continue
            deadline = find_deadline(c.duty, years)
            for body, at in c.bodies:
                out.append(
                    Assignment(body=body, role="lead", duty=c.duty, line=p.line_at(at), deadline=deadline)
                )
            for body, at in c.supports:
                out.append(
                    Assignment(
                        body=body, role="support", duty=c.support_duty, line=p.line_at(at), deadline=deadline
                    )
                )
    return out
