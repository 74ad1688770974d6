"""Targets found by evidence wherever they stand: prose, one-line pages, inline lists, leads.

The outline's targets lists (indicators.py) are one kind of evidence. This step reads every other
paragraph a plan could state targets in, cut into segments (structure/segments.py), and decides
for each segment that states a figure whether it is a target:

- inside a targets region — after a lead ("Các chỉ tiêu chủ yếu năm 2024 là:", "đề ra chỉ tiêu:",
  "Nghị quyết nêu rõ 15 chỉ tiêu chủ yếu gồm:"), over its group heads ("- Về kinh tế:") and
  figure-stating segments, until a part that is not targets, a strong result mark or prose with
  no figure — a segment is a target unless it carries a strong result mark ("ước đạt", "% kế hoạch");
- elsewhere, a paragraph whose segments aim ("phấn đấu", "trở lên", "đến năm 2030") and carry no
  result mark at all states targets in every figure-stating segment (a press page's "Phấn đấu
  tốc độ tăng ... 10,5%/năm. Tổng sản phẩm ... 95 triệu đồng/người.");
- a paragraph that neither aims nor reports, after paragraphs that aim with no caption, prose or
  report between, carries their aim (a plan's page goes on "Đối với giáo dục phổ thông, ... 75% các
  tỉnh ... đạt chuẩn" without repeating "phấn đấu"); a headline that aims opens no such run;
- a press page's "Nhiệm vụ trọng tâm ... đặt ra trong năm 2021 là <figures>" sets out targets;
- a result mark counts only in a clause that states a figure ("các xã đã được công nhận" marks
  none), keeping results ("duy trì vững chắc kết quả") is an aim, and "trong 6 tháng đầu năm" after
  an aim is its deadline;
- never: figures that count the plan's own parts ("29 chỉ tiêu"), ranks ("nhóm 30 nền kinh tế"),
  money set aside for the plan, numbers that name what is done away with ("không còn xã dưới 15
  tiêu chí"), a headline or sapo that restates a target found in the body, a statement printed twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from nghiquyet.extract.items import cues
from nghiquyet.extract.items.mentions import mask_mentions
from nghiquyet.extract.model import Indicator, Target
from nghiquyet.extract.structure.outline import Item, Outline
from nghiquyet.extract.structure.segments import Segment, column_at, segments
from nghiquyet.extract.text.paragraph import Paragraph
from nghiquyet.extract.vocabulary.vocab import act_kinds, keyword_score, load

TargetParser = Callable[[str, int | None], list[Target]]

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HORIZON = re.compile(r"(?:đến|tới|vào|cuối)\s+(?:năm\s+)?((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_RANK = re.compile(r"(?:thứ|nhóm|top|hạng|trong số)\s*\Z", re.IGNORECASE)
_RANK_REACH = len("trong số")  # the longest rank word
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")  # a number as written, "1.234,5"
# "Phấn đấu đến năm 2030 ...", "Huyện X phấn đấu năm 2025 có ...": the aim and its year open the
# sentence (after at most a short subject).
_STRIVES = re.compile(
    # ("Theo mục tiêu đặt ra, địa phương phấn đấu đến cuối năm 2025 ...": an opening phrase may come first)
    r"(?:[^,.;:]{0,40},\s*)?[^,.;:]{0,40}?(?<!\w)phấn đấu\s+"
    r"(?:(?:đến|tới|vào|trong)\s+)?(?:cuối\s+|hết\s+)?năm\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Region:
    """An open targets region: where it began and the field its group head names."""

    year: int | None
    group: str | None = None
    para: int = -1


@dataclass(slots=True)
class _Candidate:
    segment: Segment
    text: str
    targets: list[Target]
    in_region: bool
    group: str | None
    aims: bool = False
    strong: bool = False
    weak: bool = False
    own_lead: bool = False  # the lead that opened its region is in its own sentence


@dataclass(slots=True)
class _Paragraph:
    candidates: list[_Candidate] = field(default_factory=list)
    marked: bool = False  # a segment of the paragraph carries a result mark
    # Neither aims nor marks, but follows paragraphs that aim with nothing reported between:
    # "Cụ thể, ... phấn đấu ...; Đối với giáo dục phổ thông, ... 75% các tỉnh ... đạt chuẩn".
    continues_aim: bool = False


def _count_units() -> frozenset[str]:
    return frozenset(u.lower() for u in load("cues")["count_units"])


# "Dự kiến nguồn vốn đầu tư công ... gần 717 tỷ đồng", "Tổng kinh phí thực hiện ... 120 tỷ đồng":
# money set aside for the plan, neither an aim nor an achievement.
_ALLOCATION = re.compile(
    r"\W*(?:dự kiến\s+(?:nguồn vốn|vốn|kinh phí|nguồn lực)"
    r"|(?:tổng\s+)?kinh phí(?:\s+(?:dự kiến|thực hiện|bố trí))?"
    # "Tổng nguồn vốn ngân sách trung ương bố trí cho chương trình ... là 39.632 tỷ đồng"
    r"|(?:tổng\s+)?(?:nguồn\s+)?vốn(?:\s+[^\W\d_]+){0,5}\s+(?:bố trí|phân bổ|dành)\s+cho)(?!\w)",
    re.IGNORECASE,
)
_INDEX = re.compile(r"(?<!\w)(?:chỉ số|hệ số|HDI|Gini)(?!\w)", re.IGNORECASE)
# "không còn xã dưới 15 tiêu chí": the number names what is to be done away with, not a level.
_NONE_LEFT = re.compile(
    r"(?<!\w)không còn\s+(?:[^\W\d_]+\s+){1,3}(?:dưới|chưa đạt)\s+(\d+)\s+tiêu chí(?!\w)", re.IGNORECASE
)


_QUALIFIED = re.compile(
    r"(?<!\w)(?:xã|huyện|thôn|bản|làng|ấp)\s+(?:đạt\s+)?(?:dưới|trên|từ|chưa đạt)\s+(\d+)\s+tiêu chí(?!\w)",
    re.IGNORECASE,
)


def _keep(targets: list[Target], text: str) -> list[Target]:
    """Drop figures that count the plan's parts, rank a place, or allocate money to the plan."""
    if _ALLOCATION.match(text):
        return []
    counts = _count_units()
    named = {float(m.group(1)) for m in _NONE_LEFT.finditer(text)}
    out = []
    for t in targets:
        if not t.unit and _INDEX.search(t.metric or "") and t.value is not None and t.value < 10:
            out.append(t)  # "Chỉ số phát triển con người (HDI) đạt khoảng 0,78": an index has no unit
            continue
        if not t.unit or t.unit.lower() in counts:
            continue
        if t.value in named and t.unit.lower() == "tiêu chí":
            continue
        out.append(t)
    # "tỷ lệ số xã đạt dưới 10 tiêu chí còn khoảng 25%": the criteria say which communes are
    # counted; beside the level they are counted at, they are no target of their own.
    qualifiers = {float(m.group(1)) for m in _QUALIFIED.finditer(text)}
    if qualifiers and any((t.unit or "").lower() != "tiêu chí" for t in out):
        out = [t for t in out if not (t.value in qualifiers and (t.unit or "").lower() == "tiêu chí")]
    if out and _rank_only(text):
        return []
    return out


def _rank_only(text: str) -> bool:
    """ "Quy mô GDP trong nhóm 30 nền kinh tế hàng đầu": every number follows a rank word."""
    numbers = [m for m in _DIGIT_RUN.finditer(text) if not _YEAR.fullmatch(m.group())]
    return bool(numbers) and all(_rank_before(text, m.start()) for m in numbers)


def _rank_before(text: str, pos: int) -> bool:
    """`_RANK.search(text[:pos])`: only the few characters before the spaces before `pos` can hold
    the rank word (searching the whole text before every number was quadratic; issue 11)."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return _RANK.search(text, max(0, end - _RANK_REACH), pos) is not None


def clause_group(text: str) -> str:
    """The group of a figure stated without a field heading: only party-building and defence words
    are telling enough on their own."""
    vocab = load("domains")
    table: dict[str, list[str]] = vocab["indicator_groups"]
    own = keyword_score(text, {k: table[k] for k in ("xay_dung_dang", "quoc_phong_an_ninh")})
    best = max(own, key=lambda k: own[k])
    return best if own[best] > 0 else str(vocab["indicator_default"])


def _field_of(head: str) -> str | None:
    table: dict[str, list[str]] = load("domains")["indicator_groups"]
    scores = keyword_score(head, table)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else None


def _lead_year(text: str, default: int | None) -> int | None:
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else default


def _aims(text: str, report_year: int | None) -> bool:
    if cues.has("target", text):
        return True
    return any(report_year is None or int(m.group(1)) > report_year for m in _HORIZON.finditer(text))


def _starts_part(text: str) -> bool:
    """ "Ba khâu đột phá: ...", "Nhiệm vụ, giải pháp": a part that is not targets opens here."""
    # The part's name opens the segment (after its label): "Ba khâu đột phá:", "II. NHIỆM VỤ, GIẢI
    # PHÁP"; "Hà Tĩnh đề ra nhiều giải pháp, ... bảo đảm 100% xã ..." names solutions in passing.
    words = text.split()
    if words and _LABEL.fullmatch(words[0]):
        words = words[1:]
    head = " ".join(words[:4])
    return cues.has("stop", head) and not cues.has("lead", head)


def _heading_of(outline: Outline) -> dict[int, Item]:
    return {it.para: it for it in outline.items() if it.heading}


def targets_by_evidence(
    outline: Outline,
    *,
    skip: set[int],
    year: int | None,
    report_year: int | None,
    parse: TargetParser,
    report: bool,
) -> list[Indicator]:
    """Indicators stated outside the outline's targets lists (see the module's rules)."""
    headings = _heading_of(outline)
    region: _Region | None = None
    paragraphs: list[_Paragraph] = []
    aiming = False  # the paragraphs before, since the last heading, aim and report nothing
    # A plan adopted in a paragraph with no figures, told on after captions ("Thủ tướng phê duyệt
    # Chương trình ... <photo, caption> Theo đó, 80% ..."): its year, for the first sentence after.
    carried: int | None = None
    for idx in range(outline.end):
        if idx in skip:
            region = None
            aiming = False
            carried = None
            continue
        p = outline.paragraphs[idx]
        heading = headings.get(idx)
        if heading is not None:
            aiming = False
            title = heading.title or heading.text
            lead = cues.find_lead(title)
            if lead is not None and not _starts_part(title):
                region = _Region(year=_lead_year(title, year), para=idx)
            elif region is not None and cues.is_group_head(title):
                region.group = _field_of(title)
            else:
                region = None
            continue
        para = _Paragraph()
        any_figure = False
        adopted: int | None = carried  # the last year of a plan the sentence before says was adopted
        last_adopted: int | None = None
        strives = "phấn đấu" in p.text.lower()
        for seg in segments(p, idx):
            text = seg.text
            lead = cues.find_lead(text)
            retold = _RETOLD.match(text) if adopted is not None and lead is None else None
            adopted_year = adopted
            if retold is not None:
                # "... thông qua Nghị quyết về nhiệm vụ 5 năm 2021 - 2025. Trong đó, ...": what follows
                # tells the plan's figures, as a lead would.
                lead = cues.Lead(retold.end())
            adopted = _adopted_plan(text, year)
            last_adopted = adopted if adopted is not None else last_adopted
            if lead is None and (set_out := _SET_OUT.match(text)) and len(_DIGIT_RUN.findall(text)) >= 3:
                lead = cues.Lead(set_out.end())
            if lead is None and _starts_part(text):
                region = None
                aiming = False
                continue
            if lead is not None:
                region = _Region(year=_lead_year(text[: lead.body_start], year), para=idx)
                if retold is not None:
                    region.year = adopted_year
                text = text[lead.body_start :].strip(" :")
                if not text:
                    continue
                seg = _after_lead(p, seg, text)
            elif region is not None and cues.is_group_head(text):
                region.group = _field_of(text)
                continue
            if not _DIGIT.search(text):
                continue
            marks = _PROJECTED.sub(" ", text) if "dự kiến" in text.lower() else text
            if strives:  # "sẽ phấn đấu đạt 154/218 trường ...; ... sẽ có ...": the plan's future
                marks = _WILL.sub(" ", marks)
            done = cues.achieved(marks) and cues.achieved(_with_figures(marks, listed=region is not None))
            strong = done or cues.strong_result(marks)
            weak = cues.has("result_weak", _DEADLINE.sub(" ", _KEPT_RESULTS.sub(" ", marks)))
            masked = mask_mentions(text)
            if "dự kiến" in masked.lower():
                masked = _OVERSHOOT.sub(lambda m: re.sub(r"\d", "x", m.group()), masked)
            targets = _keep(parse(masked, region.year if region else year), text)
            if not targets:
                continue
            any_figure = True
            if region is not None and done:
                region = None  # a report's figures follow: the targets region is over
            cand = _Candidate(seg, text, targets, region is not None, region.group if region else None,
                              aims=_aims(text, report_year), strong=strong, weak=weak,
                              own_lead=lead is not None)
            para.candidates.append(cand)
            para.marked = para.marked or strong or weak
        if region is not None and not any_figure and region.para != idx and _closes(p.text):
            region = None
        if para.candidates:
            if para.marked:
                aiming = False
            elif any(c.aims for c in para.candidates):
                aiming = not _headline(p.text)  # a headline sums up; it opens nothing
            else:
                para.continues_aim = aiming
        elif _closes(p.text):
            aiming = False  # a caption or prose with no figure between: the plan's run is over
        paragraphs.append(para)
        if any_figure or (last_adopted is None and not _aside(p.text)):
            carried = last_adopted if not any_figure else None
        elif last_adopted is not None:
            carried = last_adopted
    # Neighbours decide too: where most paragraphs that state figures report results, the rest
    # (unmarked) are results as well — only a targets lead makes a target there.
    marked = sum(1 for para in paragraphs if para.marked)
    aimed = sum(1 for para in paragraphs if not para.marked and any(c.aims for c in para.candidates))
    report = report or (marked >= 2 and marked > aimed)
    found = [c for para in paragraphs for c in _decide(para, report=report)]
    return [_indicator(c) for c in _without_restatements(found)]


# "thông qua Nghị quyết về nhiệm vụ ... 2021 - 2025", "ban hành Kế hoạch ... năm 2026": a plan adopted.
_ADOPTS = re.compile(
    r"(?<!\w)(?:thông qua|ban hành|phê duyệt|quán triệt|triển khai|ký)\s+(?:các\s+)?[\"“'‘]?"
    rf"(?:{act_kinds()})(?!\w)",
    re.IGNORECASE,
)
_OUTLOOK = re.compile(r"(?<!\w)(?:định hướng|tầm nhìn)(?!\w)", re.IGNORECASE)
_RETOLD = re.compile(r"\W*(?:trong đó|theo đó|cụ thể)\s*[,:]\s*", re.IGNORECASE)


# "Nhiệm vụ trọng tâm được huyện đặt ra trong năm 2021 là thu nhập ... đạt trên 29 triệu đồng; ...":
# a press page names the year's targets its tasks; what the sentence sets out after "là" are targets.
_SET_OUT = re.compile(
    r"\W*(?:các\s+)?nhiệm vụ(?:\s+(?:trọng tâm|chủ yếu|trọng điểm))?[^.;:]{0,80}?(?<!\w)(?:đặt ra|đề ra)"
    r"[^.;:]{0,40}?(?:(?<!\w)(?:là|gồm)(?!\w)\s*:?|:)\s*",
    re.IGNORECASE,
)
_LABEL = re.compile(r"[-+*•–]|\(?(?:[IVX]{1,4}|\d{1,2}|[a-zđ])[.)\-–]?", re.IGNORECASE)
# "hoàn thành 100% xã ... trong 6 tháng đầu năm 2024": when the aim is due, not the months reported.
_DEADLINE = re.compile(
    r"(?<!\w)(?:trong|trước|ngay trong|hết)\s+(?:6|sáu|9|chín)\s+tháng\s+(?:đầu|cuối)\s+năm(?!\w)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;,](?=\s)")


def _with_figures(text: str, *, listed: bool = False) -> str:
    """The clauses of `text` that state a number: "đã" in "các xã, huyện đã được công nhận" marks
    no figure of "ít nhất 80% số xã đạt chuẩn ...; tiếp tục xây dựng ... đã được công nhận ...".
    `listed`: under a targets lead, words after a clause's last figure describe what is counted
    ("duy tu từ 06 đến 08 đoạn đường (1,5 km) đã xuống cấp"), they report nothing."""
    parts = [p for p in _CLAUSE_END.split(text) if _DIGIT.search(p)] or [text]
    if listed:
        parts = [p[:end] if (end := _last_figure_end(p)) else p for p in parts]
    return ";".join(parts)


_NUMBER = re.compile(r"(?<![\d/.,])\d+(?:[.,]\d+)*(?![\d/])")


def _last_figure_end(clause: str) -> int:
    """Where the clause's last figure ends (0 when none): a year ("nhiệm kỳ 2025-2030") or a date
    ("sáng 2/10") is no figure."""
    ends = [m.end() for m in _NUMBER.finditer(clause) if not _YEAR.fullmatch(m.group())]
    return ends[-1] if ends else 0


# "duy trì vững chắc kết quả phổ cập", "phát huy kết quả đạt được": results to keep are an aim.
# "(dự kiến vượt 5,06% so với kế hoạch, ...)": a projection of the plan against an earlier one
# reports nothing achieved; its words mark no result.
_PROJECTED = re.compile(
    r"\(\s*dự kiến[^()]*\)|(?<!\w)dự kiến\s+(?:vượt|đạt|tăng|giảm)[^;.()]*", re.IGNORECASE
)
# ... and its figure ("dự kiến vượt 5,06% so với kế hoạch") is no target either: the overshoot
# of the plan before, up to the clause's end ("5,06" keeps its decimal comma).
_OVERSHOOT = re.compile(r"(?<!\w)dự kiến\s+vượt(?:[^,;()]|,(?=\d))*", re.IGNORECASE)
_WILL = re.compile(r"(?<!\w)sẽ(?!\w)", re.IGNORECASE)
_KEPT_RESULTS = re.compile(
    r"(?<!\w)(?:duy trì|giữ vững|phát huy|củng cố|nâng cao)(?:\s+(?:vững chắc|và|bền vững|chất lượng))*"
    r"\s+(?:các\s+|những\s+)?kết quả(?:\s+đạt được)?(?!\w)",
    re.IGNORECASE,
)


def _adopted_plan(text: str, default: int | None) -> int | None:
    """The last year named after an adopted plan in `text` (`default` when none), or None when the
    text adopts no plan."""
    m = _ADOPTS.search(text)
    if m is None:
        return None
    # "... đến năm 2025, định hướng đến năm 2030": the plan's own horizon, not its outlook.
    outlook = _OUTLOOK.search(text, m.end())
    years = [int(y) for y in _YEAR.findall(text, m.end(), outlook.start() if outlook else len(text))]
    return max(years) if years else default


# A photo's caption ("... - Ảnh: Viettel") or a stray rule ("|"): furniture a story runs past.
_CAPTION = re.compile(r"(?<![^\W_])Ảnh\s*:", re.IGNORECASE)


def _aside(text: str) -> bool:
    return not re.search(r"[^\W\d_]", text) or _CAPTION.search(text) is not None


def _closes(text: str) -> bool:
    """Prose or a caption without a figure closes a targets list (a group head or a lead does not)."""
    return not text.rstrip().endswith(":") and not cues.is_group_head(text) and len(text) > 40


def _after_lead(p: Paragraph, seg: Segment, body: str) -> Segment:
    """The part of a lead segment after its lead, where its first item starts."""
    shift = len(seg.text) - len(body)
    start = seg.start + shift
    # The column counts from the start of the line the body starts on (a lead may end a line).
    return Segment(body, seg.para, start, seg.end, p.line_at(start), column_at(p, start), seg.label)


def _decide(para: _Paragraph, *, report: bool) -> Iterable[_Candidate]:
    aimed = any(c.aims for c in para.candidates) or para.continues_aim
    # Lines above the first aim that run into it (a portal's other headlines, with no full stop
    # between) are not the plan's: "… giáo viên 14 trường … bị truy thu hơn 12 tỷ đồng\nPhấn đấu …".
    first_aim = min((c.segment.line for c in para.candidates if c.aims), default=0)
    for c in para.candidates:
        after_aim = para.continues_aim or c.segment.line >= first_aim
        if c.in_region or (not report and aimed and not para.marked and after_aim):
            yield c
        elif report and c.aims and not para.marked and _STRIVES.match(c.text):
            # A report's page may still say what is aimed at: "Phấn đấu đến năm 2030 thu nhập ...
            # đạt 90 triệu đồng" opens with the aim and names a horizon after the reported years.
            yield c


def _indicator(c: _Candidate) -> Indicator:
    seg = c.segment
    return Indicator(
        label=seg.label,
        group=c.group or clause_group(c.text),
        text=c.text,
        line=seg.line,
        targets=c.targets,
        column=seg.column,
    )


def _key(t: Target) -> tuple[str, float | None, float | None, str]:
    return (t.comparator, t.value, t.value_max, (t.unit or "").lower())


def _without_restatements(found: list[_Candidate]) -> list[_Candidate]:
    """A page's headline or opening sentence that restates targets of its list is not an indicator.

    Outside a targets region, a segment whose every target a region's segment states again (same
    comparator, value, unit) is dropped; so is a short line without a full stop (a headline) whose
    values all come again elsewhere, whatever their wording ("còn 3%/năm" over "mỗi năm 3%").
    """
    listed = {_key(t) for c in found if c.in_region for t in c.targets}
    out = []
    for c in found:
        if not c.in_region and all(_key(t) in listed for t in c.targets):
            continue
        # A lead or sapo sums up a fuller statement elsewhere: a target that a candidate stating
        # more targets says again (same figure, a metric in the same words) counts once. Inside a
        # targets region the metric must be the same to the word (lists repeat "100%" often).
        c.targets = [t for t in c.targets if not _said_fuller(t, c, found)]
        if not c.targets:
            continue
        if _headline(c.text):
            # "... lên 8,5%" over a body's "8,3 - 8,5%": a range's end restates as well.
            others = {v for o in found if o is not c for t in o.targets for v in _values(t)}
            fuller = [u for o in found if o is not c for u in o.targets]
            if all((t.value, t.value_max) in others or _rounds(t, fuller) for t in c.targets):
                continue
        out.append(c)
    return out


def _said_fuller(t: Target, c: _Candidate, found: list[_Candidate]) -> bool:
    key, words = _key(t), _words(t.metric)
    # A sentence that opens on its own lead ("..., đặt mục tiêu tăng trưởng đạt 8,3 - 8,5%") is a
    # press page's sapo: it sums up like prose does. An item of a list must say it in the same words.
    share = 1.0 if c.in_region and not c.own_lead else 0.5
    # A page that prints the same statement twice (its sapo, then its body) keeps the later one.
    return any(
        o is not c and o.segment.para != c.segment.para
        and (len(o.targets) > len(c.targets)
             or (len(o.targets) == len(c.targets) and o.segment.para > c.segment.para))
        and any(_key(u) == key and _same_words(_words(u.metric), words, share) for u in o.targets)
        for o in found
    )


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def _same_words(a: set[str], b: set[str], share: float) -> bool:
    return bool(a and b) and len(a & b) >= share * min(len(a), len(b))


def _values(t: Target) -> tuple[tuple[float | None, float | None], ...]:
    """What a headline may restate of a target: its value, or either end of its range alone."""
    if t.value_max is None:
        return ((t.value, None),)
    return ((t.value, t.value_max), (t.value, None), (t.value_max, None))


def _rounds(t: Target, others: list[Target]) -> bool:
    """ "thu ngân sách hơn 170 tỷ đồng" in a headline over the body's "đạt 170,89 tỷ đồng": a
    figure rounded off, with "hơn", "gần" or "khoảng", in the same unit."""
    if t.comparator not in ("gt", "lt", "approx") or t.value is None or t.value_max is not None:
        return False
    return any(
        u.value is not None and u.value != t.value and (u.unit or "") == (t.unit or "")
        and abs(u.value - t.value) < 0.02 * abs(u.value)
        for u in others
    )


def _headline(text: str) -> bool:
    # (A clause list "...; phấn đấu số cơ sở giáo" is a paragraph the copy cut short, not a headline.)
    return len(text) < 160 and not text.rstrip().endswith((".", ";", ":", "…")) and ";" not in text
