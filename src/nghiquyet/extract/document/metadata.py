"""Document metadata from the title block, the body and the signature block.

- Title block (lines before the first outline item): the organ header ("TỈNH ỦY LÂM ĐỒNG"), the
  number ("Số 01 - CTr/TU"), place and date, the type line ("CHƯƠNG TRÌNH HÀNH ĐỘNG"), the
  issuing body ("CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XII)") and the title.
- Body: the year's slogan ("chủ đề năm ... là: “...”"), the adoption or meeting date when the
  header has none, the type from how the text names itself ("Nghị quyết này").
- Closing block: recipients after "Nơi nhận:", capacity ("T/M TỈNH ỦY"), position, name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import chain

from nghiquyet.extract.document.page_heading import page_heading, without_markup
from nghiquyet.extract.document.signature import (
    cells_of_lines,
    closing_cells,
    is_caps,
    read_recipients,
    read_signature,
    without_emphasis,
)
from nghiquyet.extract.items.references import normalise_number
from nghiquyet.extract.items.results import detect_period
from nghiquyet.extract.model import Metadata
from nghiquyet.extract.structure.outline import Outline
from nghiquyet.extract.text.casing import mixed_case
from nghiquyet.extract.text.normalise import UPPER, Paragraph
from nghiquyet.extract.vocabulary.vocab import act_kinds, load

_DATE_WORDS = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"  # "Thứ sáu", "Thứ 6", "Chủ nhật"
_PLACE_DATE = re.compile(
    # Words separated by required spaces: "(word\s*){1,5}" let 5,000 letters split five ways (a hang).
    rf"^\*?\s*(?!(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\b)(?P<place>[{UPPER}][^\s,]*(?:\s+[{UPPER}][^\s,]*){{0,4}})\s*,\s*"
    rf"(?:{_DATE_WORDS}|ngày\s+(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*(\d{{4}}))",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^(?:Số|SỐ)\s*[:.]?\s*(?P<n>\d[\w\s./-]*?/[\w\s./-]*\w)\s*$")
_KHOA = re.compile(r"\(?\bkhóa\s+([IVXLC]+)\b\)?", re.IGNORECASE)
_CONGRESS = re.compile(r"Đại hội[^.;]{0,80}?lần thứ\s+([IVXLC]+)\b", re.IGNORECASE)
_SPAN = re.compile(
    r"(?P<kind>nhiệm kỳ|giai đoạn|thời kỳ)?\s*\(?((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\)?", re.IGNORECASE
)
# A congress, or a targets list, that names its term: "Đại hội ... lần thứ I, nhiệm kỳ 2025-2030",
# "Các chỉ tiêu chủ yếu (nhiệm kỳ 2020 - 2025)". A session held within a term ("Kỳ họp thứ 23,
# nhiệm kỳ 2021-2026") does not: its plan is one year of it.
_TERM_NAMED = re.compile(
    r"(?:đại hội|chỉ tiêu)[^.;:\n]{0,100}?nhiệm kỳ\s*((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)",
    re.IGNORECASE,
)
# A targets lead that names its span: "Các chỉ tiêu chủ yếu trong giai đoạn 2021 – 2025 gồm:".
_TARGETS_SPAN = re.compile(
    r"chỉ tiêu[^.;:\n\d]{0,40}?(?:giai đoạn|thời kỳ)\s*\(?((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\)?\s*"
    r"(?:là|gồm|như sau)?\s*:",
    re.IGNORECASE,
)
# "tăng 8% so với cùng kỳ năm 2023": the baseline of a report on the year after.
_SAME_TIME_LAST_YEAR = re.compile(r"cùng\s+kỳ\s+năm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR_RUN = re.compile(r"\s*[-–—]\s*((?:19|20)\d\d)\b")
# "cao hơn mức tăng 4,84% của quý I/2024", "so với cùng kỳ năm 2024": the period a figure is
# compared with, not the one the page reports on.
_BASELINE_PERIOD = re.compile(
    r"\b(?:của|so với|so)\s+(?:cùng\s+kỳ\s+)?(?:quý\s+[IV\d]+|(?:\d+|sáu|chín)\s+tháng(?:\s+(?:đầu|cuối))?)?"
    r"\s*(?:/|năm\s+)(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_THEME = re.compile(r"chủ đề(?:\s+(?:của\s+)?năm(?:\s+\d{4})?)?\s*(?:là)?\s*:?\s*", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")
_SEPARATOR = re.compile(r"^[-_=*.]{3,}$")


def _doc_type_of(line: str) -> str | None:
    up = line.upper().strip(" *")
    for phrase, kind in load("metadata")["doc_types"]:
        if up == phrase or (up.startswith(phrase + " ") and len(up) <= len(phrase) + 12):
            return str(kind)
    return None


def _starts_type(line: str) -> bool:
    up = without_emphasis(line).upper()
    return any(up == p or up.startswith(p + " ") for p, _ in load("metadata")["doc_types"])


def _without_motto(cell: str) -> str:
    """ "TỈNH ỦY LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM" (columns run together) → "TỈNH ỦY LÂM ĐỒNG"."""
    up = cell.upper()
    for motto in load("metadata")["mottos"]:
        at = up.find(motto)
        if at > 0:
            return cell[:at].strip(" -|")
    return cell


def _is_motto(s: str) -> bool:
    up = s.upper().strip(" *-")
    return any(up.startswith(m) for m in load("metadata")["mottos"])


def _is_organ(s: str) -> bool:
    return is_caps(s) and _organ_words().search(s.upper()) is not None


@cache
def _organ_words() -> re.Pattern[str]:
    """Any organ word ("ỦY BAN", "TỈNH ỦY") as a whole word: one pattern, compiled once."""
    words = "|".join(re.escape(w) for w in load("metadata")["organ_words"])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def _iso(d: str, m: str, y: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


# "09 tháng 12 năm 2020" on a line of its own (after "Trà Vinh, ngày"): the date, not a part "09".
_DATE_REST = re.compile(r"^(?:\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}\s*$", re.IGNORECASE)
# ("Kon Tum, ngày 17" / "tháng 5 năm 2022" as well)
_DANGLING = re.compile(r"(?:^Số\s*:?|,\s*ngày(?:\s+\d{1,2}(?:\s+tháng\s+\d{1,2})?)?)\s*$", re.IGNORECASE)
# "Quảng" / "Ngãi, ngày 22 tháng 07": a place name wrapped before its date line.
_PLACE_WRAPPED = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?,\s*ngày(?!\w)", re.IGNORECASE)
_ONE_WORD = re.compile(r"[^\W\d_]+")


def _joined_cells(cells: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Rejoin a header that arrives one short line per cell: "Số:" + "15/2020/NQ-HĐND", "Trà Vinh,
    ngày" + "09 tháng 12 năm 2020", "HỘI ĐỒNG" + "NHÂN DÂN" (an organ only when joined), "CỘNG HÒA
    XÃ" + "HỘI CHỦ NGHĨA VIỆT NAM" (a motto only when joined). A lone "|" ends a cell."""
    out: list[tuple[int, str]] = []
    typed = False  # organ and motto fragments stand above the type line ("NGHỊ QUYẾT"), never under
    numbered = False  # ... and above the number ("Số: 62/NQ-HĐND"), when the copy lost the type line
    for n, cell in cells:
        # (in capitals: a portal's "Loại văn bản | Kế hoạch" row above the header is no type line)
        typed = typed or (_doc_type_of(cell) is not None and is_caps(cell))
        if cell == "|":
            out.append((n, cell))
            continue
        if out and not typed:
            prev_n, prev = out[-1]
            joined = f"{prev} {cell}"
            # A fragment joins the cell before it when together they make an organ or a motto;
            # an organ or a level line ("TỈNH ...") of its own stays a cell of its own.
            fragment = not numbered and is_caps(prev) and is_caps(cell) and not _is_motto(prev)
            fragment = fragment and not _is_organ(cell) and not _LEVEL_LINE.match(cell)
            fragment = fragment and not (_MOTTO_PART.search(cell) and not _MOTTO_PART.search(prev))
            # "ỦY" / "BAN NHÂN DÂN": a word too short to tell its case, cut from the organ it opens.
            one_word = _ONE_WORD.fullmatch(prev) is not None
            cut_word = not numbered and one_word and prev.isupper() and _is_organ(joined)
            wrapped = one_word and _PLACE_WRAPPED.match(cell) is not None
            if _DANGLING.search(prev) or cut_word or wrapped or (
                fragment and (_is_organ(joined) or _is_motto(joined))
            ):
                out[-1] = (prev_n, joined)
                numbered = numbered or _NUMBER.match(joined) is not None
                continue
        numbered = numbered or _NUMBER.match(cell) is not None
        out.append((n, cell))
    return [(n, c) for n, c in out if c != "|" and not _is_motto(c)]


# "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM": the motto's column, split, between the organ and the number.
_MOTTO_PART = re.compile(r"(?<!\w)(?:CỘNG HÒA|CỘNG HOÀ|CHỦ NGHĨA|ĐỘC LẬP|XÃ HỘI CHỦ NGHĨA)(?!\w)")


def _official_header(cells: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Cells from the organ that opens an official header ("ỦY BAN NHÂN DÂN / XÃ ... / Số: ..."),
    so page furniture above it (menus, a page heading, an update date) is not read as the header."""
    at = next((i for i, (_, c) in enumerate(cells) if _NUMBER.match(c)), None)
    if at is None:
        return cells
    start = at
    for i in range(at - 1, -1, -1):
        cell = cells[i][1]
        if _is_organ(cell):
            start = i
        elif not (is_caps(cell) and (_LEVEL_LINE.match(cell) or _MOTTO_PART.search(cell))):
            break
    return cells[start:] if start < at else cells


def _header_cells(lines: Sequence[str], first_body_line: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for n, line_cells in enumerate(cells_of_lines(lines[: max(0, first_body_line - 1)]), start=1):
        for cell in line_cells:
            cell = _without_motto(without_markup(cell))
            if cell and not _is_motto(cell) and not _SEPARATOR.match(cell) and cell != "*":
                out.append((n, cell))
    return out


def extract_metadata(lines: Sequence[str], paragraphs: Sequence[Paragraph], outline: Outline) -> Metadata:
    """Metadata of one document (see module doc)."""
    meta = Metadata()
    # The title block ends at the separator line, the first body paragraph or the first
    # numbered part, whichever comes first.
    first_part = next(
        (
            it.line
            for it in outline.items()
            if not it.style.startswith(("bullet", "md")) and not _DATE_REST.match(it.title or "")
        ),
        None,
    )
    block_end = first_part or (paragraphs[-1].line + 1 if paragraphs else 1)
    typed = False
    for p in paragraphs[:60]:
        if p.line >= block_end:
            break
        long_sentence = len(p.text) > 160 and not is_caps(p.text) and re.search(r"[.;:](?:\s|$)", p.text)
        # A rule under the organ or the motto ("--------") belongs to the header; one after the
        # type line closes the title block.
        # The type line stands in capitals ("QUYẾT ĐỊNH"); a page's own mixed-case heading above the
        # header ("Quyết định 1930/QĐ-UBND giao chỉ tiêu ...") does not open the title block.
        typed = typed or (_starts_type(p.text) and is_caps(without_emphasis(p.text)))
        if (_SEPARATOR.match(p.text) and typed) or long_sentence:
            block_end = p.line
            break
    cells = _official_header(_joined_cells(_header_cells(lines, block_end)))
    block = _read_title_block(cells, meta)
    title_parts = block.title_parts
    if title_parts:
        title = " ".join(mixed_case(t) if is_caps(t) else t for t in title_parts)
        meta.title = " ".join(title.split()).strip(" ,;")
    body_text = "\n".join(p.text for p in paragraphs[: outline.end])
    _term(meta, block.issuer_line, title_parts, block.term_line)
    closing = closing_cells(lines, paragraphs, outline)
    meta.signer, capacity_body = read_signature(closing)
    meta.recipients = read_recipients(closing)
    meta.issuer = _issuer(block.issuer_line, block.header_organ, capacity_body, body_text)
    if meta.issuer and meta.place and _BARE_COUNCIL.fullmatch(meta.issuer):
        meta.issuer = _with_level(meta.issuer, meta.place, body_text)
    if meta.doc_type == "other" and not block.type_seen and meta.number:
        meta.doc_type = _type_of_number(meta.number)
    full = None
    if meta.doc_type == "other" and not block.type_seen:
        meta.doc_type = _self_named(body_text)
        if meta.doc_type == "other" and (full := _FULL_TEXT.search(body_text[:3000])):
            _full_text_of(meta, full, body_text[:3000], lines)
    # (A number read from a full text's editor's note, not from a header, leaves the page's heading.)
    if meta.title is None and not block.type_seen and (meta.number is None or full):
        meta.title = page_heading(lines)  # no official header: the page's own heading
    if meta.date is None:
        meta.date = _published(lines, meta.title) or _body_date(lines, paragraphs, outline)
    meta.theme = _theme(paragraphs)
    meta.years = _years(meta, outline, body_text)
    if meta.date is None and not block.type_seen:
        # A page with no stamp, no header and no opening date: the first full date it prints
        # ("Nghị quyết số 01 ngày 8/1/2026 ...", "Dự ước đến 31/12/2024"). Taken after the years,
        # which it must not decide: it may date a cited act rather than the page.
        meta.date = _first_full_date(lines)
    return meta


_ANY_FULL_DATE = re.compile(
    rf"{_DATE_WORDS}|(?<![\d/.-])(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*((?:19|20)\d\d)(?![\d/])", re.IGNORECASE
)


# "Kết luận số 115-KL/TW ngày 16/1/2025": an act named with its number, and the date after it.
_ACT = re.compile(
    rf"(?<!\w)(?:{act_kinds(cited=True)})(?:\s+số)?\s+\d+[\w/.-]*",
    re.IGNORECASE,
)
# "Thứ sáu, Ngày 19/07/2024": the day the page was viewed, printed by the portal on every page.
_PAGE_VIEW = re.compile(rf"\s*{_WEEKDAY}\s*[,|-]?\s*(?:ngày\s*)?\Z",
                        re.IGNORECASE)
_DATE_OF_ACT = re.compile(r"[\s,(]*(?:ban hành\s+)?(?:ngày\s+)?\Z", re.IGNORECASE)


def _first_full_date(lines: Sequence[str]) -> str | None:
    """The first full date printed, unless it dates an act the page cites rather than its own
    subject: the act it follows is not the first the page names ("Chính phủ ra Nghị quyết số
    12/NQ-CP … thực hiện Kết luận số 115-KL/TW ngày 16/1/2025" dates the Kết luận)."""
    acts = 0
    for line in lines:
        pos = 0
        for m in _ANY_FULL_DATE.finditer(line):
            named = list(_ACT.finditer(line, pos, m.start()))
            acts += len(named)
            pos = m.end()
            d = [g for g in m.groups() if g is not None]
            if (found := _iso(d[0], d[1], d[2])) is None or _PAGE_VIEW.match(line[: m.start()]):
                continue
            if named and _DATE_OF_ACT.fullmatch(line, named[-1].end(), m.start()) and acts > 1:
                return None
            return found
        acts += len(list(_ACT.finditer(line, pos)))
    return None


@dataclass(slots=True)
class _TitleBlock:
    header_organ: str | None = None
    issuer_line: str | None = None
    term_line: str | None = None
    title_parts: list[str] = field(default_factory=list)
    type_seen: bool = False


_BODY_START = re.compile(
    r"^(?:Căn cứ|Xét|Theo đề nghị|Trên cơ sở|Kính gửi|QUYẾT NGHỊ|QUYẾT ĐỊNH\s*:)", re.IGNORECASE
)
_LEVEL_LINE = re.compile(r"^(?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ TRẤN|THÀNH PHỐ|THỊ XÃ|QUẬN)\b")


# Lines under the type line: "của Ban Chấp hành ... khóa XX", "CỦA BAN CHẤP HÀNH", the meeting,
# the term, and title lines that name an organ without issuing ("VỀ ... TỈNH ỦY").
_OF_LOWER = re.compile(r"^của\s+")
_OF = re.compile(r"^CỦA\s+", re.IGNORECASE)
_MEETING = re.compile(r"^(?:HỘI NGHỊ|KỲ HỌP)\b", re.IGNORECASE)
_TERM_LINE = re.compile(r"^KHÓA\s+[IVXLC]+", re.IGNORECASE)
_NOT_ISSUER = re.compile(r"^(?:KẾT LUẬN|VỀ|V/V)\b")


def _split_type_lines(cells: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """ "NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ 14" → "NGHỊ QUYẾT" + "HỘI NGHỊ LẦN THỨ 14"."""
    out: list[tuple[int, str]] = []
    seen = False  # only the first type line carries the type ("THÔNG BÁO" / "KẾT LUẬN CỦA ...")
    for n, cell in cells:
        up = cell.upper()
        phrase = None
        if not seen and is_caps(cell):
            phrase = next(
                (
                    p
                    for p, _ in load("metadata")["doc_types"]
                    if up.startswith(p + " ") and len(up) > len(p) + 12
                ),
                None,
            )
        if phrase is not None:
            out += [(n, cell[: len(phrase)]), (n, cell[len(phrase) :].strip())]
        else:
            out.append((n, cell))
        seen = seen or phrase is not None or _doc_type_of(cell) is not None
    return out


def _read_title_block(cells: Sequence[tuple[int, str]], meta: Metadata) -> _TitleBlock:
    """Walk the header cells: organ, number, place and date, type line, issuer, title."""
    block = _TitleBlock()
    title_closed = False
    for _, cell in _split_type_lines(cells):
        if m := _PLACE_DATE.match(cell):
            meta.place = m.group("place").strip()
            d = [g for g in m.groups()[1:] if g is not None]
            meta.date = _iso(d[0], d[1], d[2])
            continue
        if m := _NUMBER.match(cell):
            meta.number = normalise_number(m.group("n"))
            continue
        kind = _doc_type_of(cell)
        if kind and not block.type_seen:
            meta.doc_type = kind
            block.type_seen = True
            continue
        caps = is_caps(cell)
        if not block.type_seen:
            if _is_organ(cell):
                block.header_organ = cell  # the lowest organ line issues ("ĐẢNG BỘ TỈNH X / HUYỆN ỦY Y")
            elif block.header_organ and caps and _LEVEL_LINE.match(cell):
                block.header_organ += " " + cell  # "HỘI ĐỒNG NHÂN DÂN" / "TỈNH BẮC KẠN"
            continue
        if _BODY_START.match(cell):
            break
        if not caps and _OF_LOWER.match(cell) and _KHOA.search(cell) and not block.title_parts:
            block.term_line = cell  # "của Ban Chấp hành Đảng bộ huyện khóa XX" above the title
        elif caps and _OF.match(cell):
            block.issuer_line = cell[4:].strip()
            title_closed = bool(block.title_parts)
        elif caps and _MEETING.match(cell):
            block.term_line = cell  # "HỘI NGHỊ LẦN THỨ 14": the meeting, not the title
        elif caps and _TERM_LINE.match(cell):
            block.term_line = cell
            title_closed = bool(block.title_parts)
        elif _is_organ(cell) and not _NOT_ISSUER.match(cell.upper()):
            block.issuer_line = cell
            title_closed = bool(block.title_parts)
        elif not title_closed:
            block.title_parts.append(cell)
        else:
            break
    return block


def _term(meta: Metadata, issuer_line: str | None, title_parts: list[str], term_line: str | None) -> None:
    for source in (issuer_line or "", term_line or "", " ".join(title_parts)):
        if m := _KHOA.search(source):
            meta.term = m.group(1).upper()
            return
    if m := _CONGRESS.search(" ".join(title_parts)):
        meta.term = m.group(1).upper()


def _issuer(
    issuer_line: str | None, header_organ: str | None, capacity_body: str | None, text: str
) -> str | None:
    # The organ heading the page issues the document; "CỦA BAN CHẤP HÀNH ..." under the type
    # line names it only when there is no such heading.
    if header_organ and issuer_line and _fuller_organ(issuer_line, header_organ):
        # "ỦY BAN NHÂN DÂN / TNH LAI CHÂU" (a glyph lost in the copy) over the enacting line
        # "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU": the line that names its level names the body in full.
        return mixed_case(_KHOA.sub("", issuer_line).strip(" ()"))
    if header_organ:
        return mixed_case(header_organ)
    if issuer_line:
        return mixed_case(_KHOA.sub("", issuer_line).strip(" ()"))
    if capacity_body:
        body = mixed_case(capacity_body)
        if re.fullmatch(r"Ban Thường vụ|Ban Chấp hành|Thường trực", body):
            # "T/L BAN THƯỜNG VỤ": whose standing committee the text itself says most often.
            found = Counter(re.findall(rf"{body}\s+((?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy)", text))
            if found:
                body = f"{body} {found.most_common(1)[0][0]}"
        return body
    return None


_LEVEL_WORD = re.compile(r"\b(?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ TRẤN|THÀNH PHỐ|THỊ XÃ|QUẬN)\b")


# Bodies every level has, so the name alone does not say whose: "Ủy ban nhân dân", "Hội đồng nhân dân".
_BARE_COUNCIL = re.compile(r"(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân", re.IGNORECASE)


def _with_level(organ: str, place: str, text: str) -> str:
    """ "ỦY BAN NHÂN DÂN" whose level line the copy lost ("Gia Lai, ngày ..." below it): the level
    the text gives the place most often ("của tỉnh Gia Lai")."""
    levels = r"tỉnh|huyện|xã|phường|thị trấn|thành phố|thị xã|quận"
    named = re.finditer(rf"(?<!\w)({levels})\s+{re.escape(place)}(?!\w)", text, re.IGNORECASE)
    found = Counter(m.group(1).lower() for m in named)
    return f"{organ} {found.most_common(1)[0][0]} {place}" if found else organ


# "18/KH-UBND": the kind an official number's code names, for a header whose type line the copy lost.
_NUMBER_KIND = {
    "NQ": "nghi_quyet", "KH": "ke_hoach", "QĐ": "quyet_dinh", "CTR": "chuong_trinh_hanh_dong",
    "CTHĐ": "chuong_trinh_hanh_dong", "CT": "chi_thi", "KL": "ket_luan", "TB": "thong_bao_ket_luan",
    "BC": "bao_cao",
}


def _type_of_number(number: str) -> str:
    m = re.search(r"/(?:\d{4}/)?([A-ZĐa-zđ]+)(?:[-/]|$)", number)
    return _NUMBER_KIND.get(m.group(1).upper(), "other") if m else "other"


def _fuller_organ(line: str, organ: str) -> bool:
    """The enacting line names the header's organ with the level the header lacks."""
    head = " ".join(organ.upper().split()[:2])
    return (line.upper().startswith(head) and _LEVEL_WORD.search(line.upper()) is not None
            and _LEVEL_WORD.search(organ.upper()) is None)


# "Báo ... trân trọng đăng toàn văn Nghị quyết ...", "giới thiệu toàn văn nội dung Nghị quyết": the
# page is the document itself, republished without its header.
_FULL_TEXT = re.compile(
    r"toàn\s+văn\s+(?:nội\s+dung\s+)?(?:của\s+)?(?P<type>nghị\s+quyết|chương\s+trình\s+hành\s+động|kế\s+hoạch|"
    r"chỉ\s+thị|quyết\s+định|thông\s+báo\s+kết\s+luận|kết\s+luận|báo\s+cáo)(?!\w)",
    re.IGNORECASE,
)


def _full_text_of(meta: Metadata, full: re.Match[str], text: str, lines: Sequence[str]) -> None:
    """A republished full text: its type, the number its editor's note gives ("Nghị quyết số
    10-NQ/TU"), the term its own heading names ("... khóa XIII về ...")."""
    kind = _doc_type_of(" ".join(full.group("type").split()).upper())
    if kind is None:
        return
    meta.doc_type = kind
    first = full.group("type").split()[0]
    named = re.search(rf"{first}\s+\S+\s+số\s+(\d[\w./-]*/[\w./-]*\w)", text, re.IGNORECASE)
    if meta.number is None and named:
        meta.number = normalise_number(named.group(1))
    if meta.term is None and meta.title and (m := _KHOA.search(meta.title)):
        meta.term = m.group(1).upper()


def _self_named(text: str) -> str:
    counts: Counter[str] = Counter()
    low = text.lower()  # one lower-case copy, then plain counts (no case-blind pattern per phrase)
    for phrase, kind in load("metadata")["self_references"]:
        counts[str(kind)] += low.count(phrase.lower())
    if counts and counts.most_common(1)[0][1] > 0:
        return counts.most_common(1)[0][0]
    return "other"


# "Ngày đăng: 07/12/2023 08:16", "Xuất bản: Thứ hai, 01/12/2025": the page's publication date
# (a page-view date, "Thứ sáu, Ngày 19/07/2024", carries no such label).
_PUBLISHED = re.compile(
    r"(?:ngày\s+đăng|đăng\s+ngày|ngày\s+xuất\s+bản|xuất\s+bản|ngày\s+ban\s+hành)\s*:?"
    r"[^\d\n]{0,24}?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
    re.IGNORECASE,
)


# "04/03/2021 - 11:39", "04:46 02/01/2024", "Thứ Năm, 15/10/2020, 16:21 (GMT+7)": a line that is
# only a date and a time is the page's publication stamp (a page-view date has no time of day).
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH)(?![^\W_]))?"
_DATELINE = re.compile(
    rf"^(?P<weekday>{_WEEKDAY}\s*[-,|]?\s*)?(?P<before>{_TIME}\s*[-,|]?\s*)?"
    rf"(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*(\d{{4}})(?P<after>\s*[-,|]?\s*{_TIME}(?:\s*[(\[]?GMT\s*[+]\s*7[)\]]?)?)?$",
    re.IGNORECASE,
)


def _published(lines: Sequence[str], heading: str | None) -> str | None:
    for line in lines[:60]:
        if len(line) <= 200 and (m := _PUBLISHED.search(line)):
            return _iso(m.group(1), m.group(2), m.group(3))
    stamps: list[tuple[int, str | None]] = []
    for n, line in enumerate(lines[:20]):
        t = line.strip()
        # A date with a time of day, or a bare date line (a page-view date names its weekday).
        if len(t) <= 60 and (m := _DATELINE.match(t)) and (m.group("before") or m.group("after")
                                                           or not m.group("weekday")):
            stamps.append((n, _iso(m.group(3), m.group(4), m.group(5))))
    if not stamps:
        return None
    # The site's clock above the page and the article's own stamp under its heading: the latter.
    at = next((n for n, line in enumerate(lines[:20]) if heading and heading in line), None)
    after = [d for n, d in stamps if at is not None and n > at]
    return after[0] if after else stamps[0][1]


_PASSED_ON = re.compile(rf"thông qua[^.]{{0,160}}?{_DATE_WORDS}", re.IGNORECASE)
# "Ngày 25 tháng 3 năm 2024, ...", "Chiều ngày 31/12/2032, ..." (the time of day may come first).
_OPENING_DATE = re.compile(
    rf"^(?:(?:sáng|chiều|tối|trưa)\s+(?:nay\s+)?(?:\(\s*)?)?"
    rf"(?:{_DATE_WORDS}|ngày\s+(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*(\d{{4}}))\s*\)?\s*,", re.IGNORECASE
)


def _body_date(lines: Sequence[str], paragraphs: Sequence[Paragraph], outline: Outline) -> str | None:
    """Adoption date ("được thông qua ... ngày 05 tháng 12 năm 2023") or the meeting date that opens
    a conclusion notice ("Ngày 25 tháng 3 năm 2024, Thường trực Tỉnh ủy làm việc ...")."""
    body = paragraphs[: outline.end]
    for p in body:
        if "thông qua" not in p.text.lower():
            continue
        if m := _PASSED_ON.search(p.text):
            return _iso(m.group(1), m.group(2), m.group(3))
    # A page's lines often run together into one paragraph: the opening date is looked for at
    # the start of a source line too.
    firsts = chain((p.text for p in body[:8]), (line.strip() for line in lines[:20]))
    for first in firsts:
        if m := _OPENING_DATE.match(first):
            d = [g for g in m.groups() if g is not None]
            return _iso(d[0], d[1], d[2])
    return None


def _may_say_theme(text: str) -> bool:
    """False when `text` cannot hold "chủ đề" in any case: it lacks an "ủ" or an "ề" in either case
    (no other character lowers to them). Four character searches are cheaper than a lower-case
    copy of every paragraph."""
    return ("ề" in text or "Ề" in text) and ("ủ" in text or "Ủ" in text)


def _theme(paragraphs: Sequence[Paragraph]) -> str | None:
    for i, p in enumerate(paragraphs):
        if not _may_say_theme(p.text) or "chủ đề" not in p.text.lower():
            continue
        for m in _THEME.finditer(p.text):
            rest = p.text[m.end() :]
            sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
            q = _QUOTED.search(sentence)
            if q is None and rest.strip() == "" and i + 1 < len(paragraphs):
                q = _QUOTED.search(paragraphs[i + 1].text[:250])
            if q is not None and q.start() < 40:
                return q.group(1).strip()
    return None


_PLAN_PART = re.compile(r"nhiệm vụ|giải pháp|mục tiêu|chỉ tiêu", re.IGNORECASE)


def _term_years(a: int, b: int, kind: str | None, doc_year: int | None) -> list[int]:
    """The years a span covers: a term "nhiệm kỳ 2020 - 2025" is planned for from its second year
    (the congress sits in its first), a "giai đoạn 2021-2025" from its first; a document adopted
    later in the span plans from its own year."""
    # A Party cell's term is two and a half years ("nhiệm kỳ 2022-2025"), its congress held in the
    # first: the plan covers the whole span.
    first = a + 1 if kind and kind.lower() == "nhiệm kỳ" and b - a >= 4 else a
    if doc_year and doc_year <= b:
        first = max(first, doc_year)
    return [first, b]


_ORIENTED = re.compile(r"định\s+hướng\s+(?:đến|tới)\s+(?:năm\s+)?((?:19|20)\d\d)", re.IGNORECASE)


def _named_span(text: str) -> re.Match[str] | None:
    """The first span the text names as one ("giai đoạn 2021 - 2025", "nhiệm kỳ 2020-2025")."""
    # A congress page reviews the term that ends ("Nhiệm kỳ 2020-2025, ...") before the one it
    # plans ("Nhiệm kỳ 2025-2030, Đảng bộ phường phấn đấu ..."): the later term is the plan's.
    named = [m for m in _SPAN.finditer(text) if m.group("kind")]
    terms = [m for m in named if m.group("kind").lower() == "nhiệm kỳ"]
    if len(terms) > 1:
        return max(terms, key=lambda m: int(m.group(3)))
    return named[0] if named else None


def _years(meta: Metadata, outline: Outline, text: str) -> list[int] | None:
    doc_year = int(meta.date[:4]) if meta.date else None
    # Lazily: the headings are searched only when the title names no year.
    sources = chain(
        [meta.title or ""],
        (it.title or "" for it in outline.items() if it.heading and _PLAN_PART.search(it.title or "")),
    )
    for s in sources:
        # "... nhiệm kỳ 2025 - 2030 năm 2026": the plan's own year beats the term it serves;
        # "đến năm 2030" is a horizon, not the plan's year.
        plain = [y for y in _YEAR.finditer(s) if not re.search(r"(?:đến|tới|nhìn)\s*$", s[: y.start()])]
        if plain and (run := _YEAR_RUN.match(s, plain[-1].end())):
            # "Về nhiệm vụ ... năm 2016 - 2020": a span written after "năm".
            return _term_years(int(plain[-1].group(1)), int(run.group(1)), "giai đoạn", doc_year)
        if plain and not _SPAN.search(s[plain[-1].end() :]):
            named = sorted({int(y.group(1)) for y in plain})
            # "Đánh giá ... năm 2022 và kế hoạch ... năm 2023": the review year and the plan year.
            return [named[0], named[-1]]
        if spans := list(_SPAN.finditer(s)):
            # "đánh giá ... nhiệm kỳ 2015 - 2020 và mục tiêu ... nhiệm kỳ 2020 - 2025": a part that
            # reviews the past term and plans the next plans for the later one.
            last = max(spans, key=lambda x: int(x.group(3)))
            first, end = _term_years(int(last.group(2)), int(last.group(3)), last.group("kind"), doc_year)
            # "giai đoạn 2022 - 2025, định hướng đến năm 2030": the plan reaches its orientation's year.
            if (ahead := _ORIENTED.search(s, last.end())) and int(ahead.group(1)) > end:
                end = int(ahead.group(1))
            return [first, end]
    if m := re.search(r"chủ đề\s+năm\s+(\d{4})", text, re.IGNORECASE):
        return [int(m.group(1))] * 2
    if m := _TERM_NAMED.search(text):
        return _term_years(int(m.group(1)), int(m.group(2)), "nhiệm kỳ", doc_year)
    if m := _TARGETS_SPAN.search(text):
        return _term_years(int(m.group(1)), int(m.group(2)), "giai đoạn", doc_year)
    if doc_year:
        return [doc_year, doc_year]
    period = detect_period(_BASELINE_PERIOD.sub(" ", text))
    span = _named_span(text)
    if span and (period is None or period == span.group(3)):
        # A page with no date whose title names no year: the span its text names ("giai đoạn
        # 2021 - 2025"), when the period its figures report is none or the span's last year.
        return _term_years(int(span.group(2)), int(span.group(3)), span.group("kind"), None)
    # A page with neither title nor date: the period its figures report ("Năm 2024, huyện ...",
    # "đến tháng 9/2024"), else the year after a "cùng kỳ năm 2023" baseline.
    if period:
        return [int(period[:4])] * 2
    if m := _SAME_TIME_LAST_YEAR.search(text):
        return [int(m.group(1)) + 1] * 2
    years = Counter(int(y) for y in _YEAR.findall(text))
    if years:
        y = years.most_common(1)[0][0]
        return [y, y]
    return None
