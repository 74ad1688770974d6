"""Achieved figures reported in a text ("results": what was done, not what is targeted).

`find_results(paragraphs, default_period=...)` reads the review paragraphs a pipeline hands
over ("GRDP tăng 6,42%", "16/19 chỉ tiêu hoàn thành và vượt kế hoạch") and gives `Result`s
with the period they describe: the one the sentence or its paragraph names ("Quý I năm 2024",
"6 tháng đầu năm 2024", "năm 2023"), else `default_period`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from nghiquyet.extract.figures.quantities import Quantity
from nghiquyet.extract.figures.targets import read_figures
from nghiquyet.extract.items.cues import report_pattern
from nghiquyet.extract.model import Result, Target
from nghiquyet.extract.vocabulary.vocab import act_kinds

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"((?:19|20)\d\d)"
_SEP = r"\s*(?:/|-|năm)\s*"
_QUARTER = re.compile(rf"(?<![^\W_])quý\s+(IV|I{{1,3}}|[1-4])(?![^\W_]){_SEP}{_YEAR}", re.IGNORECASE)
_HALF = re.compile(rf"(?<![^\W_])6\s+tháng\s+(đầu|cuối)\s+năm\s+{_YEAR}", re.IGNORECASE)
_MONTH = re.compile(rf"(?<![^\W_])tháng\s+(1[0-2]|0?[1-9]){_SEP}{_YEAR}", re.IGNORECASE)
# "năm 2023" names the period unless it is a baseline ("so với năm 2023") or a horizon ("đến năm 2030").
_YEAR_ONLY = re.compile(
    rf"(?<![^\W_])(?<!so\svới\s)(?<!so\s)(?<!kỳ\s)(?<!đến\s)(?<!tới\s)(?<!đầu\s)(?<!cuối\s)"
    rf"năm\s+{_YEAR}(?!\s*-\s*\d)",
    re.IGNORECASE,
)
_NAMED_BY_YEAR = re.compile(
    rf"(?:{act_kinds()}|dự\s+toán|chỉ\s+tiêu)"
    r"(?:\s+[^\s\d]+){0,2}\s*\Z",
    re.IGNORECASE,
)
# Sentences that aim rather than report: a results list never says "phấn đấu".
_AIM = re.compile(
    r"(?<![^\W_])(?:phấn\s+đấu|phần\s+đầu|sẽ|cần|dự\s+kiến|định\s+hướng|mục\s+tiêu\s+là|kế\s+hoạch\s+năm\s+\d{4}\s+đề\s+ra)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_PLAN_BEFORE = re.compile(
    # ("vượt mức kế hoạch 10/25 chỉ tiêu" is a tally of targets met, not the plan's own figure)
    r"(?<![^\W_])(?<!vượt\smức\s)(?<!vượt\s)(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu|nghị\s+quyết|KH|NQ|dự\s+toán)"
    r"(?:\s+(?:đề\s+ra|giao|năm))?[\s(:]*\Z"
    # "tiệm cận kịch bản là 8,96 - 9,61%": a scenario's figure; "kết nối trực tuyến đến 135 xã": a
    # meeting's reach.
    r"|(?<![^\W_])kịch\s+bản(?:\s+[^\W\d_]+){0,3}?(?:\s+là)?\s*\Z"
    r"|(?<![^\W_])kết\s+nối(?:\s+trực\s+tuyến)?(?:\s+(?:đến|tới|với))?\s*\Z",
    re.IGNORECASE,
)
# What a sentence aims at rather than reports, from its own words: a targets lead ("đề ra 29 chỉ
# tiêu", "các chỉ tiêu chủ yếu:", "đặt mục tiêu", "Đại hội xác định") makes the rest of its
# paragraph, and the paragraphs after it, targets until a sentence reports again; words only a
# report uses (an estimate, a share of the plan, the months gone, a rank) close it (data/cues.json).
_TARGET_LEAD = report_pattern("report_target_lead")
_REPORTED = report_pattern("report_reported")
# "Sửa đổi bổ sung nhiệm vụ, giải pháp tại ...:", "Nhiệm vụ, giải pháp chủ yếu năm 2025": a
# paragraph that opens a plan's tasks part.
_TASKS_PART = re.compile(
    r"\W*(?:\(?\d{1,2}\)?[.)]?\s*)?(?:sửa\s+đổi,?\s*(?:bổ\s+sung\s+)?)?(?:các\s+)?"
    r"(?:nhiệm\s+vụ,?\s*(?:và\s+)?giải\s+pháp|giải\s+pháp\s+(?:chủ\s+yếu|trọng\s+tâm))(?![^\W_])",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"(?<![^\W_])từ\s*\Z", re.IGNORECASE)
_FROM_TO = re.compile(r"\s*(?:xuống|lên)(?:\s+(?:còn|mức|đến))?\s+\d", re.IGNORECASE)
# A figure stated as a floor ("từ 80% trở lên", "tối thiểu 20%") is a target's, not a result's.
_FLOOR_BEFORE = re.compile(r"(?:tối\s+thiểu|ít\s+nhất|không\s+dưới)\s*(?:là\s*)?\Z", re.IGNORECASE)
# "đến năm 2030", "tới 2030": a horizon after the period reported.
_HORIZON = re.compile(r"(?<![^\W_])(?:đến|tới)\s+(?:năm\s+)?((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
# "nhiệm kỳ 2021-2026 tổ chức ...": the span's last year is no figure.
_SPAN_BEFORE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*\Z")
_PLAN_REACH = 40  # longest "dự toán đề ra (" before a figure, with room to spare
_SENTENCE = re.compile(r"[.;!?]\s+(?=[^\W_])")
_DIGIT = re.compile(r"\d")
_QUALIFIES = re.compile(r"\s*(?:đạt|đạt\s+chuẩn|với)\s*", re.IGNORECASE)
# "Đảng bộ có 1.541 đảng viên, sinh hoạt ở 47 chi bộ", "Ban Chấp hành gồm 24 đồng chí", "đại diện
# cho 697 đảng viên": members and units a body is made of describe it; nothing was achieved.
_MEMBERS = frozenset({"đảng viên", "đồng chí", "đ/c", "chi bộ", "đảng bộ", "tổ chức đảng",
                      "tổ chức cơ sở đảng", "đại biểu", "ủy viên", "thành viên",
                      # "gồm 4 nhóm giải pháp", "có 3 khâu đột phá": the parts a plan is made of
                      "nhóm", "giải pháp", "nhiệm vụ", "khâu đột phá", "đột phá", "nội dung", "lĩnh vực"})
# People a Party body counts ("là 24 đ/c", "miễn sinh hoạt 6 đ/c") describe it; only admitting or
# adding them ("kết nạp được 36 đảng viên mới", "phát triển đảng viên mới 812", "tăng lên 545 đồng chí")
# is something done.
_PEOPLE = frozenset({"đảng viên", "đồng chí", "đ/c", "đại biểu", "ủy viên", "thành viên"})
_ADMITTED = re.compile(r"(?<![^\W_])(?:kết\s+nạp|phát\s+triển|tăng|lên|thêm)(?![^\W_])", re.IGNORECASE)
_ADMIT_REACH = 40  # "phát triển đảng viên mới 8.793": the verb, the noun and "mới" before the figure
_MADE_OF = re.compile(
    r"(?<![^\W_])(?:có|gồm|gồm\s+có|với|đại\s+diện\s+cho|sinh\s+hoạt\s+ở|sinh\s+hoạt\s+tại|hợp\s+nhất|"
    r"sáp\s+nhập|trực\s+thuộc|tổng\s+số)\s*\Z",
    re.IGNORECASE,
)


def detect_period(text: str) -> str | None:
    """The first reporting period a text names: "2024-Q1", "2024-H1", "2024-03", "2025"; None when none."""
    found: list[tuple[int, str]] = []
    # Every period names a year in digits and one of three words: most sentences have neither,
    # and a substring test is far cheaper than these case-blind patterns.
    low = text.lower()
    if "năm" not in low and "quý" not in low and "tháng" not in low:
        return None
    if "quý" in low and (m := _QUARTER.search(text)):
        quarter = m.group(1).lower()
        found.append((m.start(), f"{m.group(2)}-Q{_ROMAN.get(quarter, quarter)}"))
    has_month = "tháng" in low
    if has_month and (m := _HALF.search(text)):
        found.append((m.start(), f"{m.group(2)}-{'H1' if m.group(1).lower() == 'đầu' else 'H2'}"))
    if has_month and (m := _MONTH.search(text)):
        found.append((m.start(), f"{m.group(2)}-{int(m.group(1)):02d}"))
    for m in _YEAR_ONLY.finditer(text) if "năm" in low else ():
        if _NAMED_BY_YEAR.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Nghị quyết năm 2023", "kế hoạch năm 2025": a document or plan, not the period
        # "quý I năm 2024" also holds "năm 2024": the longer mention that starts first wins.
        found.append((m.start() + 1, m.group(1)))
        break
    return min(found)[1] if found else None


class Located(Protocol):
    """A paragraph that can tell which source line holds a character (normalise.Paragraph)."""

    @property
    def text(self) -> str: ...

    @property
    def line(self) -> int: ...

    def line_at(self, offset: int) -> int: ...


def _sentences(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE.finditer(text):
        out.append((pos, text[pos : m.start() + 1]))  # the full stop stays with its sentence
        pos = m.end()
    out.append((pos, text[pos:]))
    return [(start, s) for start, s in out if s.strip()]


def _beyond(sentence: str, period: str | None) -> bool:
    """True when the sentence names a horizon year after the period it would report on."""
    if period is None or ("đến" not in sentence and "tới" not in sentence):
        return False
    year = int(period[:4])
    return any(int(m.group(1)) > year for m in _HORIZON.finditer(sentence))


def _is_floor(sentence: str, start: int, number_start: int) -> bool:
    """ "tối thiểu 20%", "không dưới 5 xã": the words before the number (its comparator's start
    included) state a floor."""
    return _FLOOR_BEFORE.search(sentence, max(0, start - 20), number_start) is not None


def find_results(
    paragraphs: Sequence[tuple[str, int] | Located], *, default_period: str | None
) -> list[Result]:
    """Achieved figures in review paragraphs: each `(joined text, first line number)`, or a paragraph
    object with `line_at(offset)` so each result points at the line its words start on."""
    out: list[Result] = []
    carried = default_period
    aiming = False  # inside a targets list that an earlier lead opened
    in_tasks = False  # inside a plan's tasks and solutions, whose figures are not achievements
    for para in paragraphs:
        text, line = (para[0], para[1]) if isinstance(para, tuple) else (para.text, para.line)
        if not _DIGIT.search(text):
            continue  # most prose has no figure: skip it before any parsing
        named = detect_period(text)
        opening = detect_period(text[:45]) or (named if named and "-" in named else None)
        # A paragraph that opens on a period ("6 tháng đầu năm 2024, ...", or a heading naming a
        # quarter or half) sets it for the paragraphs after; a year mentioned in passing does not.
        if opening:
            carried = opening
        # Within a paragraph a period holds from where it is named to the next one.
        period = named or carried
        if _REPORTED.search(text[:120]) or (opening and not _TARGET_LEAD.search(text)):
            aiming = False  # a paragraph that opens by reporting closes a targets list
            in_tasks = False
        if _TASKS_PART.match(text):
            in_tasks = True  # "Nhiệm vụ, giải pháp: (1) ... ước đạt 93.270 tấn": the plan's work
        if in_tasks:
            continue
        seen: set[tuple[str, float | None, str | None]] = set()
        subject = ""
        for start, sentence in _sentences(text):
            period = detect_period(sentence) or period
            reported = _REPORTED.search(sentence) is not None
            if not reported and _TARGET_LEAD.search(sentence):
                aiming = True  # "Kết quả thực hiện các chỉ tiêu chủ yếu": a report's lead, not a list's
            if not _DIGIT.search(sentence) or _AIM.search(sentence) or (aiming and not reported):
                continue
            if not reported and _beyond(sentence, period):
                continue  # "GRDP bình quân đầu người đến năm 2030 là ...": a horizon's figure
            figures = read_figures(sentence, year=None, narrative=True, subject_before=subject)
            subject = figures[-1][1].metric if figures else subject
            prev: Quantity | None = None
            for q, target in figures:
                prev, before = q, prev
                if q.unit is None or q.unit_kind == "magnitude" or target.value is None:
                    continue
                key = (f"{target.metric}|{target.text}".lower(), target.value, q.unit)
                if key in seen:
                    continue  # "dịch vụ tăng 3,8%; dịch vụ tăng 3,8%": said twice, one result
                seen.add(key)
                if before is not None and q.total is not None and _QUALIFIES.fullmatch(
                        sentence, before.end, q.number_start) and before.unit_kind == "count":
                    continue  # "6 xã đạt 19/19 tiêu chí": the criteria describe the communes counted
                floor = "trở lên" in sentence[q.number_start : q.end + 30].lower()
                floor = floor or _is_floor(sentence, q.start, q.number_start)
                if not reported and floor:
                    continue
                if _SPAN_BEFORE.search(sentence, max(0, q.number_start - 12), q.number_start):
                    continue
                if _FROM_TO.match(sentence, q.end) and _FROM_BEFORE.search(
                        sentence, max(0, q.start - 6), q.number_start):
                    continue  # "giảm từ 29,56% xuống còn 25,3%": where it started, not what was reached
                unit = q.unit.lower()
                if unit in _PLAN_PARTS and not _tally_done(sentence, q.start, q.end):
                    continue  # "đề ra 28 chỉ tiêu": the plan's parts, nothing achieved
                if unit in _DURATIONS and _DURATION_BEFORE.search(sentence, max(0, q.start - 12), q.start):
                    continue  # "Trong 2 ngày 30 và 31/7, ...": how long an event took
                if unit in _MEMBERS and _MADE_OF.search(sentence, max(0, q.start - 24), q.start):
                    continue
                if (unit in _HOUSEHOLDS and _MADE_OF.search(sentence, max(0, q.start - 24), q.start)
                        and _DESCRIBED_AFTER.match(sentence, q.end)):
                    continue
                if unit in _PEOPLE and not _ADMITTED.search(sentence, max(0, q.start - _ADMIT_REACH), q.end):
                    continue
                # Only the words just before the figure can name it the plan's: a bounded window
                # keeps this linear (searching back from every figure was quadratic, issue 11).
                if _PLAN_BEFORE.search(sentence, max(0, q.start - _PLAN_REACH), q.start):
                    continue  # "thấp hơn mục tiêu Nghị quyết (8%)": the plan's figure, not a result
                at = sentence.find(target.text)
                offset = start + (at if at >= 0 else q.number_start)
                out.append(
                    Result(
                        metric=target.metric, value=target.value, unit=q.unit, period=period,
                        text=target.text, line=line if isinstance(para, tuple) else para.line_at(offset),
                        total=q.total,
                    )
                )
            if "thứ" in sentence and not aiming:
                out.extend(_ranks(sentence, start, figures, period, para, line))
    return _said_once(out)


_PLAN_PARTS = frozenset(
    {"chỉ tiêu", "chỉ tiêu thành phần", "nhiệm vụ", "chương trình", "khâu đột phá", "giải pháp", "lĩnh vực",
     "mục tiêu"}
)
# "Thôn Tâm Tiến có 293 hộ, với 1450 khẩu", "Khu phố có 1.243hộ với 4.196 nhân khẩu": what a place
# is made of, when nothing after the households says what became of them.
_HOUSEHOLDS = frozenset({"hộ", "hộ dân", "nhân khẩu", "khẩu", "tổ đảng"})
_DESCRIBED_AFTER = re.compile(r"\s*(?:[,.;]|với|thì|và\s+\d|$)", re.IGNORECASE)
# "đề ra 28 chỉ tiêu", "Nghị quyết xác định 12 chỉ tiêu chủ yếu": a count of the plan's parts that
# sets them out, not a tally of how they were met.
_SETS_OUT_BEFORE = re.compile(
    r"(?<![^\W_])(?:đề\s+ra|đặt\s+ra|xác\s+định|thông\s+qua|giao|nêu|gồm|tổng\s+số|trong|(?:nghị\s+quyết|kế\s+hoạch|chương\s+trình)\s+với)\s*\Z",
    re.IGNORECASE,
)
_SETS_OUT_AFTER = re.compile(r"\s*(?:chủ\s+yếu|cụ\s+thể|phấn\s+đấu)(?![^\W_])", re.IGNORECASE)
_DONE_WORD = re.compile(r"(?<![^\W_])(?:đạt|hoàn\s+thành|vượt|về\s+đích)(?![^\W_])", re.IGNORECASE)
_DURATIONS = frozenset({"ngày", "tuần", "giờ"})
_DURATION_BEFORE = re.compile(r"(?<![^\W_])(?:trong|sau|qua|suốt)\s*\Z", re.IGNORECASE)


def _tally_done(sentence: str, start: int, end: int) -> bool:
    """A count of the plan's parts is a result unless it sets them out ("đề ra 28 chỉ tiêu",
    "12 chỉ tiêu chủ yếu" where nothing near says they were met)."""
    near_done = _DONE_WORD.search(sentence, max(0, start - 25), end + 80)
    if _SETS_OUT_AFTER.match(sentence, end) and not near_done:
        return False  # ("3 chỉ tiêu chủ yếu của Kế hoạch ... hoàn thành" is a tally)
    return _SETS_OUT_BEFORE.search(sentence, max(0, start - 20), start) is None


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def _said_once(found: list[Result]) -> list[Result]:
    """A headline, a photo caption or a lead that repeats a figure of the body reports it once:
    the same value, unit and total, for a metric whose words all stand in the other's."""
    out: list[Result] = []
    by_figure: dict[tuple[float | None, str, float | None], list[frozenset[str]]] = {}
    for r in found:
        key = (r.value, (r.unit or "").lower(), r.total)
        words = _words(r.metric)
        seen = by_figure.setdefault(key, [])
        if words and any(words <= w or w <= words for w in seen):
            continue
        seen.append(words)
        out.append(r)
    return out


# "xếp thứ 32 thế giới", "đứng thứ 5 cả nước": a rank is a result with no unit.
_RANK = re.compile(
    r"(?<![^\W_])(?:xếp|đứng|vươn\s+lên)\s+(?:(?:hạng|vị\s+trí)\s+)?thứ\s+(\d{1,3})(?![\d.,]*\d)"
    r"(?:\s*/\s*(\d{1,3})(?!\d))?\s*([^,;.()]*)",
    re.IGNORECASE,
)
_RANK_TAIL_END = re.compile(r"\s+(?:và|nhưng|song)(?![^\W_]).*\Z", re.IGNORECASE)


def _ranks(
    sentence: str, start: int, figures: Sequence[tuple[Quantity, Target]], period: str | None,
    para: tuple[str, int] | Located, line: int,
) -> list[Result]:
    out: list[Result] = []
    for m in _RANK.finditer(sentence):
        # The rank is of what the figure before it measured ("quy mô GDP ước đạt 510 tỷ USD, xếp thứ 32").
        subject = next((t.metric for q, t in reversed(figures) if q.end <= m.start()), "")
        where = _RANK_TAIL_END.sub("", m.group(3)).strip()
        metric = " ".join(f"Xếp hạng {subject[:1].lower()}{subject[1:]} {where}".split())
        text = " ".join(_RANK_TAIL_END.sub("", m.group(0)).split())
        offset = start + m.start()
        out.append(Result(metric=metric, value=float(m.group(1)), unit=None, period=period, text=text,
                          line=line if isinstance(para, tuple) else para.line_at(offset),
                          total=float(m.group(2)) if m.group(2) else None))
    return out
