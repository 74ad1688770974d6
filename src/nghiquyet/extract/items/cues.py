"""Cue words around a stated figure: is it a target, a result, or neither? (data/cues.json)

The decision is made from evidence, not from a document's layout: a lead that opens a targets
list or sentence ("Các chỉ tiêu chủ yếu năm 2024 là:", "đề ra chỉ tiêu:", "đặt mục tiêu đến năm
2030"), aims in the figure's own sentence ("phấn đấu", "trở lên", "tối thiểu"), and marks of an
achieved or estimated figure ("ước đạt", "đạt 70% kế hoạch", "so với cùng kỳ"). Each cue kind is
one trie pattern over the lower-cased text (a single pass).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nghiquyet.extract.vocabulary.trie import trie_pattern
from nghiquyet.extract.vocabulary.vocab import load

_KINDS = (
    "lead", "lead_markers", "tally", "target", "result_done", "result_strong", "result_weak", "stop",
    "general_goal",
)


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    phrases = [p.lower() for p in load("cues")[kind]]
    words = [p for p in phrases if p[:1].isalnum()]
    signs = [p for p in phrases if not p[:1].isalnum()]
    parts = []
    if words:
        parts.append(trie_pattern(words, word_start=True, spaces=True) + r"(?!\w)")
    if signs:  # "% kế hoạch" follows a digit: no word-start test
        parts.append(trie_pattern(signs, spaces=True) + r"(?!\w)")
    return re.compile("|".join(f"(?:{p})" for p in parts))


def count(kind: str, text: str) -> int:
    """How many cue phrases of `kind` occur in `text`."""
    if kind not in _KINDS:
        raise KeyError(kind)
    return sum(1 for _ in _pattern(kind).finditer(text.lower()))


def has(kind: str, text: str) -> bool:
    low = text.lower()
    if kind in ("result_done", "result_strong") and _result_patterns().search(low):
        return True
    return _pattern(kind).search(low) is not None


# "Mục tiêu đến năm 2030, ...": the aim and its horizon open the sentence; no other marker is needed.
_AIM_HORIZON = re.compile(r"^\W*(?:các\s+)?mục tiêu\s+(?:đến|tới)\s+(?:năm\s+)?(?:19|20)\d\d(?!\d)")
_COUNTED_LEAD = re.compile(r"(?<![\d/.,])\d{1,3}\s+(?:chỉ tiêu|mục tiêu)(?!\w)[^:.;\d]{0,60}:")
_AIM_IS = re.compile(
    r"(?<!\w)mục tiêu(?:\s+(?:đến|tới|trong|của)?\s*(?:năm\s+)?(?:19|20)\d\d)?\s+(?:là|gồm)(?!\w)"
)
_AIM_VERB = re.compile(r"(?<!\w)phấn đấu(?!\w)")


def achieved(text: str) -> bool:
    """A mark of an achieved or estimated figure ("ước đạt", "đã", "được 25 ha"), unless every mark
    is a "được" that an earlier "phấn đấu" governs ("phấn đấu xây dựng được 2 xóm": what is aimed at)."""
    low = text.lower()
    marks = [*_pattern("result_done").finditer(low), *_result_patterns().finditer(low)]
    if not marks:
        return False
    aim = _AIM_VERB.search(low)
    return aim is None or any(m.start() < aim.start() or "được" not in m.group() for m in marks)


def strong_result(text: str) -> bool:
    """A share of the plan or an overshoot ("đạt 70% kế hoạch", "vượt chỉ tiêu"): with `achieved`,
    the marks a targets list cannot carry outside its region."""
    return _pattern("result_strong").search(text.lower()) is not None


@cache
def _result_patterns() -> re.Pattern[str]:
    return re.compile("|".join(load("cues")["result_patterns"]))


@cache
def report_pattern(kind: str) -> re.Pattern[str]:
    """ "report_target_lead" or "report_reported": the results step's expressions, each starting a word."""
    if kind not in ("report_target_lead", "report_reported"):
        raise KeyError(kind)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(load("cues")[kind]) + ")", re.IGNORECASE)


_LEAD_NOUN = re.compile(r"(?<!\w)(?:chỉ tiêu|mục tiêu)(?!\w)", re.IGNORECASE)
# The number is possessive (`++`, `*+`): giving back a digit only leaves a digit next, which the
# look-ahead refuses anyway, and backtracking through a long run of digits, each step re-scanning
# the rest of the run, made a 1 MB line of digits quadratic (minutes of CPU).
_FIGURE = re.compile(
    r"(?<![\d/.,])(?!(?:19|20)\d\d(?!\d))\d++(?:[.,]\d+)*+(?![\d.,]*\d)"
    r"(?!\s*(?:chỉ tiêu|mục tiêu|nhiệm vụ|tháng|năm|quý|ngày)(?!\w))\s*(?:%|[^\W\d_])"
)
# Starts at a run's first digit only and never backtracks into it (see _FIGURE): "19/25 chỉ tiêu".
_TALLY_FRACTION = re.compile(r"(?<!\d)\d++\s*+/\s*+\d++\s+chỉ tiêu", re.IGNORECASE)
# "phấn đấu thực hiện các chỉ tiêu:", "phấn đấu hoàn thành các chỉ tiêu sau": a tally's words under
# an aim name what is to be done, so the sentence opens a targets list.
_AIMED_TALLY = re.compile(
    r"(?<!\w)phấn đấu\s+(?:thực hiện|hoàn thành|đạt)(?:\s+(?:và\s+vượt|tốt))?\s+(?:các\s+)?chỉ tiêu",
    re.IGNORECASE,
)


# "Các chỉ tiêu kinh tế chủ yếu cơ bản đạt và vượt kế hoạch đề ra", "các chỉ tiêu đều vượt": the
# sentence tells how the targets went, so the figures after it are results, not a list of targets.
_ACHIEVED_HEAD = re.compile(
    r"(?<!\w)(?:cơ bản|đều|đã|cơ bản đã|đã cơ bản)\s+(?:đạt|vượt|hoàn thành)(?!\w)|(?<!\w)đạt và vượt(?!\w)"
)


def _reports_achieved(head: str) -> bool:
    m = _ACHIEVED_HEAD.search(head)
    return m is not None and _AIM_VERB.search(head, 0, m.start()) is None


@dataclass(frozen=True, slots=True)
class Lead:
    """A lead found in a segment: the part before `body_start` introduces; the rest may state targets."""

    body_start: int


def find_lead(text: str) -> Lead | None:
    """A targets lead in `text`, or None.

    A sentence naming "chỉ tiêu"/"mục tiêu" is a lead when something marks it as one (a colon, "gồm",
    "như sau", "đề ra", "phấn đấu" ...) and it is not a tally ("19/25 chỉ tiêu hoàn thành") nor the
    general goal ("Mục tiêu tổng quát"). What follows its colon, or its lead phrase and horizon
    ("đặt mục tiêu đến năm 2030, ..."), may state targets.
    """
    low = text.lower()
    # "... 7 nhiệm vụ, 3 khâu đột phá và 12 chỉ tiêu chủ yếu, đó là:": the list's own count opens it,
    # whatever counts of the plan's other parts come before.
    counted = _COUNTED_LEAD.search(low)
    if counted is not None and not has("tally", counted.group()):
        return Lead(counted.end())
    # A lead introduces: its noun comes before the first figure ("đạt 100% chỉ tiêu" is an object).
    figure = _FIGURE.search(low)
    noun = _LEAD_NOUN.search(low, 0, figure.start() if figure else len(low))
    if noun is None:
        return None
    colon = text.find(":", noun.start())
    # The lead is what comes before its colon or, without one, before the first figure: a tally
    # word further on ("đạt và vượt chỉ tiêu giảm hộ nghèo") is one of the items, not the lead.
    head = low[: colon if colon >= 0 else (figure.start() if figure else len(low))]
    # "Cụ thể, mục tiêu năm 2026 là ...": the aim named and its copula, before any figure.
    aim_is = _AIM_IS.search(low, 0, figure.start() if figure else len(low))
    if aim_is is not None and colon < 0:
        return Lead(aim_is.end())
    if has("general_goal", head) or _TALLY_FRACTION.search(head):
        return None
    if has("tally", head) and not _AIMED_TALLY.search(head):
        return None
    if _reports_achieved(head):
        return None
    if not has("lead", head):
        return None
    if colon >= 0:
        return Lead(colon + 1)
    if not has("lead_markers", head) and not _AIM_HORIZON.search(head):
        return None
    # The body starts after the last lead phrase before the first figure, and its horizon.
    before = figure.start() if figure else len(low)
    phrase_end = max(m.end() for m in _pattern("lead").finditer(low, 0, before))
    rest = _HORIZON_AFTER.match(low, phrase_end)
    return Lead(rest.end() if rest else phrase_end)


# "đặt mục tiêu đến năm 2030, ...": the horizon after the lead phrase belongs to the lead.
_HORIZON_AFTER = re.compile(
    r"\s*(?:(?:đến|tới|vào)\s+(?:năm\s+)?(?:19|20)\d\d|(?:năm\s+)?(?:19|20)\d\d(?!\d))?\s*(?:là|gồm)?\s*,?"
)


def is_group_head(text: str) -> bool:
    """ "Về kinh tế:", "* Về văn hóa - xã hội", "1. Về xã hội:": a field name over targets."""
    t = text.strip().lstrip("*-+•–").strip()
    t = re.sub(r"^(?:[IVX]{1,4}|\d{1,2}|[a-zđ])[.)\-–]\s*", "", t)
    t = re.sub(r"^\(\d{1,2}\)\s*", "", t)
    if len(t) > 90:
        return False
    low = t.lower()
    return (low.startswith(("về ", "lĩnh vực", "nhóm chỉ tiêu", "chỉ tiêu về", "các chỉ tiêu về"))
            or (t.endswith(":") and not re.search(r"\d", t)))
