"""Quantities in a text: a number or a range with its comparator, change, unit and position.

A quantity is what a target or a result states: "tăng từ 5,1 - 5,2%", "trên 134.000 tỷ đồng",
"từ 3.485 ha trở lên". Numbers that belong to a name ("dưới 5 tuổi", "3 sao", "năm 2025",
"lần thứ 14", "57-NQ/TW") are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nghiquyet.extract.figures.comparators import PhraseTable, read_prefix, read_suffix, vocabulary, words_of
from nghiquyet.extract.figures.numbers import NumberSpan, find_numbers
from nghiquyet.extract.figures.units import UnitKind, alternation, load_json, match_unit


@dataclass(frozen=True, slots=True)
class Quantity:
    """One stated figure. `start` is where its comparator/change words begin, `end` after unit and suffix."""

    value: float
    value_max: float | None
    comparator: str
    change: str | None
    unit: str | None
    unit_kind: UnitKind | None
    start: int
    number_start: int
    end: int
    level: bool = False  # "giảm còn 2%": the number is a level reached, not the size of a change
    total: float | None = None  # "16/19 chỉ tiêu": 19


@dataclass(frozen=True, slots=True)
class _NameWords:
    before: PhraseTable
    before_ends: tuple[str, ...]  # the last words of the `before` phrases
    after: re.Pattern[str]


@cache
def _name_words() -> _NameWords:
    data = load_json("metrics.json")
    before = PhraseTable(data["name_before"])
    return _NameWords(
        before=before,
        before_ends=tuple(sorted(before.last_words)),
        after=re.compile(rf"\s*(?:{alternation(data['name_after'])})(?![^\W_])", re.IGNORECASE),
    )


_TOTAL = ("tổng số", "tổng cộng số")
_YEAR = re.compile(r"(?:19|20)\d\d")
_REFERENCE_AFTER = re.compile(r"[-/][A-ZĐ]")  # "57-NQ/TW", "1528/QĐ-TTg"
_GLUED_BEFORE = re.compile(r"[^\W\d_]-\Z")  # "Covid-19"
_SPAN_BEFORE = re.compile(
    r"(?:bình\s+quân|trung\s+bình|trong|sau|mỗi|giai\s+đoạn|kế\s+hoạch|nhiệm\s+kỳ|hơn|gần|qua)\s*\Z",
    re.IGNORECASE,
)
_SPAN_AFTER = re.compile(r"\s*(?:năm|tháng)\s+(?:tới|qua|liền|đầu|cuối|gần\s+đây)(?![^\W_])", re.IGNORECASE)
_OPENING_SPAN_BEFORE = re.compile(r"(?:\A\s*[-–+*•]?|[.;:!?]|\s[-–])\s*(?:trong|sau|qua)\s*\Z", re.IGNORECASE)
_OPENING_SPAN_AFTER = re.compile(r"\s*(?:ngày|tuần|tháng|năm)\s*(?:\([^()]{0,40}\)\s*)?,", re.IGNORECASE)
_AGE_METRIC = re.compile(r"tuổi\s+thọ|(?:độ\s+)?tuổi\s+(?:bình\s+quân|trung\s+bình)", re.IGNORECASE)
_PER_ONE = re.compile(r"(?<![^\W_])(?:trên|mỗi|/)\s*\Z", re.IGNORECASE)
_PER_PEOPLE = re.compile(
    r"\s*(?:(?:vạn|nghìn|ngàn|triệu)\s+)?(?:dân|người\s+dân|dân\s+số)(?![^\W_])", re.IGNORECASE
)
_PER_UNITS = frozenset({"ha", "km2", "km²", "m2", "m²", "người", "hộ", "lao động", "học sinh", "đầu người"})
_PER_SIZES = frozenset({1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0})
_QUOTED = re.compile(r"[“\"][^”\"]{0,20}\Z")
_QUOTE_END = re.compile(r"[^“”\"]{0,25}[”\"]")
_VERSION = re.compile(r"\d\.\d")
_DATE_CUE = re.compile(r"(ngày|hạn|từ|đến|trước|sau)\s*\Z", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"[.)]\s")
# "nhiệm kỳ 2021-2026", "giai đoạn 2020 – 2025": the second year of a span is a name like the first.
_SPAN_START = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–—]\s*\Z")


_PER_PERIOD = re.compile(r"(?:hàng|hằng|mỗi|bình quân)\s+(?:năm|tháng|quý)\s*\Z", re.IGNORECASE)


def _per_period(before: str, unit: str | None) -> bool:
    if unit is None or unit in ("năm", "tháng", "ngày"):
        return False
    return _PER_PERIOD.search(before) is not None


def _name_word_before(before: str) -> bool:
    """ "năm 2025", "lần thứ 14", "giá so sánh 2010": a word right before the number makes it a name."""
    stripped = before.rstrip()
    if len(stripped) == len(before) and before:
        return False  # glued to something that is not a space
    if not stripped[-1:].isalnum():
        return False
    names = _name_words()
    # A name's phrase ends at the last word, a suffix of the text: most words end none.
    tail = stripped[-30:].lower()
    if not tail.endswith(names.before_ends) or tail.endswith(_TOTAL):
        return False  # ("tổng số 376.430 tỷ đồng": a total, not a document's or a list's number)
    words = words_of(stripped[-30:])
    return names.before.ending_at(words, len(words)) is not None


def _last_char_before(text: str, pos: int) -> str:
    """The last character before `pos` that is not a space ("" when none): `text[:pos].rstrip()[-1:]`
    without copying the text before (once per figure, that copy was quadratic; issue 11)."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


class _TextFacts:
    """What a figure's test asks of the whole text, found once per text (asked of the text before
    or after every figure, these were quadratic; issue 11)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._end: int | None = None
        self._last_digit: int | None = None

    def digit_from(self, pos: int) -> bool:
        """`any(ch.isdigit() for ch in text[pos:])`."""
        if self._last_digit is None:
            i = len(self.text) - 1
            while i >= 0 and not self.text[i].isdigit():
                i -= 1
            self._last_digit = i
        return self._last_digit >= pos

    def named_before(self, pos: int) -> bool:
        """`_AGE_METRIC.search(text[:pos])`: no match ends later than the first one starts, so
        the first match's end decides for every position."""
        if self._end is None:
            m = _AGE_METRIC.search(self.text)
            self._end = m.end() if m else len(self.text) + 1
        return self._end <= pos


def _is_name_number(text: str, span: NumberSpan, unit: str | None, facts: _TextFacts) -> bool:
    """True when the number is part of a name or reference, not a stated figure."""
    words = _name_words()
    before = text[max(0, span.start - 30) : span.start]
    has_unit = unit is not None
    if unit in ("năm", "tháng") and (_SPAN_BEFORE.search(before) or _SPAN_AFTER.match(text, span.end)):
        return True  # "bình quân 5 năm", "trong 6 tháng", "5 năm tới": a period's name
    if _OPENING_SPAN_AFTER.match(text, span.end) and _OPENING_SPAN_BEFORE.search(before):
        return True  # "Trong 2 ngày, Đảng bộ xã tổ chức ...": how long the event took
    if unit == "tuổi" and not facts.named_before(span.start):
        return True  # "trẻ em dưới 5 tuổi" names a group; only "tuổi thọ ... 74 tuổi" states a figure
    # "giá trị sản xuất trên 1 ha đất ... đạt 150 triệu", "bác sĩ trên 10.000 dân": per one unit,
    # named before the figure that follows (but "đạt trên 1 tỷ đồng" is a figure).
    per_one = span.raw == "1" and unit in _PER_UNITS and facts.digit_from(span.end)
    per_people = span.value in _PER_SIZES and _PER_PEOPLE.match(text, span.end) is not None
    if (per_one or per_people) and _PER_ONE.search(before):
        return True
    if _per_period(before, unit):
        return False  # "giảm mỗi năm 3%", "hàng năm 0,5%": a rate per period, not "năm 2025"
    if _name_word_before(before) or (before.endswith("-") and _GLUED_BEFORE.search(before)):
        return True
    if _REFERENCE_AFTER.match(text, span.end):
        return True
    if _QUOTED.search(before) and _QUOTE_END.match(text, span.end):
        return True  # “3 không”, "5 có": a slogan's name
    if not has_unit and words.after.match(text, span.end):
        return True
    if not has_unit and _YEAR.fullmatch(span.raw):
        return True
    if _YEAR.fullmatch(span.raw) and _SPAN_START.search(before):
        return True
    # "1. Tỷ lệ ..." or "(2)" left inside a joined item: a list label.
    # (Tested after what follows the number, which rules most numbers out without copying the text before.)
    if _LABEL_AFTER.match(text, span.end) and _last_char_before(text, span.start) in ("", ";", ":"):
        return True
    return text[span.end : span.end + 1] == ")" and _last_char_before(text, span.start) == "("


def _is_date(text: str, spans: list[NumberSpan], i: int) -> int:
    """How many spans from `i` form a date ("01/7/2025", "ngày 15/3"); 0 when not a date."""
    if i + 1 >= len(spans) or text[spans[i].end : spans[i + 1].start] not in ("/", "-", "."):
        return 0
    sep = text[spans[i].end : spans[i + 1].start]
    third = spans[i + 2] if i + 2 < len(spans) else None
    if third is not None and text[spans[i + 1].end : third.start] == sep and _YEAR.fullmatch(third.raw):
        return 3
    cue = _DATE_CUE.search(text[max(0, spans[i].start - 10) : spans[i].start])
    # "từ 01/7", "ngày 15-3": a day and month; but "từ 8-10%" is a range.
    if cue and (sep == "/" or cue.group(1).lower() == "ngày"):
        return 2
    return 0


def _denominator(text: str, start: int) -> bool:
    """ "giường bệnh/1 vạn dân": a number right after a word and "/" is the base of a rate, not a figure."""
    at = start - 1
    while at >= 0 and text[at] == " ":
        at -= 1
    if at < 1 or text[at] != "/":
        return False
    at -= 1
    while at >= 0 and text[at] == " ":
        at -= 1
    return at >= 0 and text[at].isalpha()


_DASH = re.compile(r"\s*%?\s*[-–]\s*")


def _share_list(text: str, spans: list[NumberSpan], i: int) -> bool:
    """ "36,2% - 34,5% - 29,3%": three or more figures joined by dashes list shares (of a structure
    "nông nghiệp - công nghiệp - dịch vụ"), they are no range."""
    if i + 2 >= len(spans):
        return False
    return all(
        _DASH.fullmatch(text[spans[k].end : spans[k + 1].start]) is not None for k in (i, i + 1)
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every stated figure in `text`, in order."""
    spans = find_numbers(text)
    facts = _TextFacts(text)
    out: list[Quantity] = []
    last_end = 0  # a number inside the previous figure's unit ("bác sĩ/10.000 dân") is not a figure
    i = 0
    while i < len(spans):
        skip = _is_date(text, spans, i)
        if skip:
            i += skip
            continue
        first = spans[i]
        total: float | None = None
        last = first
        value_max: float | None = None
        unit = match_unit(text, first.end)
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        used = 1
        if nxt is not None and text[first.end : nxt.start] == "/" and unit is None:
            total, last, used = nxt.value, nxt, 2
            unit = match_unit(text, nxt.end)
        elif nxt is not None:
            between = text[(unit.end if unit else first.end) : nxt.start]
            # "7,2 - 7,8%", "1.805 hộ đến 3.610 hộ", "từ 1 đến 2": one range; years are names, not ranges.
            if vocabulary().joiner.match(between) and between.strip() and nxt.value >= first.value and not (
                _YEAR.fullmatch(first.raw) and _YEAR.fullmatch(nxt.raw)
            ) and not _share_list(text, spans, i):
                unit2 = match_unit(text, nxt.end)
                if unit is None or unit2 is not None:
                    value_max, last, used = nxt.value, nxt, 2
                    unit = unit2 or unit
        unit_text = unit.text.lower() if unit is not None and unit.kind != "magnitude" else None
        glued = text[last.end : last.end + 1].isalpha()
        if glued and (unit is None or match_unit(text, last.end) is None):
            i += used  # "mạng 4G", "3D": a name, unless a unit is glued on ("5ha", "500.000đ")
            continue
        if unit_text is None and _VERSION.fullmatch(first.raw):
            i += used  # "công nghiệp 4.0", "Web 2.0"
            continue
        name = _is_name_number(text, first, unit_text, facts) or _denominator(text, first.start)
        if first.start < last_end or name:
            i += used
            continue
        end = unit.end if unit else last.end
        prefix = read_prefix(text, first.start)
        if unit_text in ("năm", "tháng") and prefix.comparator is None and prefix.change is None:
            i += used  # "tổng vốn 5 năm", "trong 6 tháng": a span of time names the period
            continue
        suffix = read_suffix(text, end)
        if suffix:
            end = suffix[1]
        if value_max is not None:
            comparator = "range"
        elif suffix:
            comparator = suffix[0]
        else:
            comparator = prefix.comparator or "eq"
        out.append(
            Quantity(
                value=first.value, value_max=value_max, comparator=comparator,
                change=None if prefix.level else prefix.change, unit=unit.text if unit else None,
                unit_kind=unit.kind if unit else None, start=prefix.start, number_start=first.start,
                end=end, level=prefix.level, total=total,
            )
        )
        last_end = end
        i += used
    return out
