"""A readable Vietnamese summary of an extraction (the CLI's --format text).

Blocks: metadata, the section tree (indented), a table of targets, the tasks, the assignments and
reporting duty, the results. Numbers are written the Vietnamese way ("34.435", "7,2").
"""

from __future__ import annotations

from collections.abc import Sequence

from nghiquyet.extract.figures.numbers import format_vn_number
from nghiquyet.extract.model import Extraction, Section, Target

DOC_TYPES = {
    "nghi_quyet": "Nghị quyết",
    "chuong_trinh_hanh_dong": "Chương trình hành động",
    "ke_hoach": "Kế hoạch",
    "thong_bao_ket_luan": "Thông báo kết luận",
    "ket_luan": "Kết luận",
    "chi_thi": "Chỉ thị",
    "bao_cao": "Báo cáo",
    "quyet_dinh": "Quyết định",
    "other": "Văn bản khác",
}
COMPARATORS = {"eq": "=", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "approx": "≈", "range": "từ … đến"}
CADENCE = {"month": "hằng tháng", "quarter": "hằng quý", "half_year": "6 tháng", "year": "hằng năm"}
GROUPS = {
    "kinh_te_xa_hoi": "Kinh tế - xã hội",
    "xay_dung_dang": "Xây dựng Đảng",
    "quoc_phong_an_ninh": "Quốc phòng - an ninh",
    "moi_truong": "Môi trường",
    "other": "Khác",
}


def _number(x: float | None) -> str:
    if x is None:
        return ""
    return format_vn_number(x)


def _value(t: Target) -> str:
    if t.comparator == "range" and t.value_max is not None:
        return f"{_number(t.value)} - {_number(t.value_max)}"
    return _number(t.value)


def _sections(sections: Sequence[Section], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for s in sections:
        label = f"{s.label}. " if s.label else ""
        lines.append(f"{'  ' * depth}{label}{s.title}  (dòng {s.line})")
        lines.extend(_sections(s.children, depth + 1))
    return lines


def _table(rows: list[list[str]], header: list[str]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(r: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()

    return [fmt(header), "  ".join("-" * w for w in widths), *(fmt(r) for r in rows)]


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_text(extraction: Extraction) -> str:
    """The whole summary as one string."""
    m = extraction.metadata
    out: list[str] = [f"== {extraction.source} =="]
    meta_rows = [
        ("Loại văn bản", DOC_TYPES.get(m.doc_type, m.doc_type)),
        ("Số", m.number or "—"),
        ("Cơ quan ban hành", m.issuer or "—"),
        ("Ngày", m.date or "—"),
        ("Trích yếu", m.title or "—"),
        ("Khóa", m.term or "—"),
        (
            "Thời kỳ",
            f"{m.years[0]} - {m.years[1]}"
            if m.years and m.years[0] != m.years[1]
            else (str(m.years[0]) if m.years else "—"),
        ),
        ("Chủ đề năm", f"“{m.theme}”" if m.theme else "—"),
        ("Người ký", ", ".join(x for x in (m.signer.capacity, m.signer.position, m.signer.name) if x) or "—"),
        ("Nơi nhận", f"{len(m.recipients)} nơi" if m.recipients else "—"),
    ]
    out += [f"{k}: {v}" for k, v in meta_rows]

    if extraction.sections:
        out += ["", "Bố cục:", *("  " + s for s in _sections(extraction.sections))]

    targets = [(ind, t) for ind in extraction.indicators for t in ind.targets]
    out += ["", f"Chỉ tiêu: {len(extraction.indicators)} chỉ tiêu, {len(targets)} mức chỉ tiêu"]
    if targets:
        rows = [
            [
                str(ind.line),
                _clip(t.metric, 48),
                COMPARATORS.get(t.comparator, t.comparator),
                _value(t),
                t.unit or "",
                str(t.year or ""),
                {"increase": "tăng", "decrease": "giảm"}.get(t.change or "", ""),
            ]
            for ind, t in targets
        ]
        out += [
            "  " + r
            for r in _table(rows, ["Dòng", "Chỉ tiêu", "So sánh", "Giá trị", "Đơn vị", "Năm", "Biến động"])
        ]
    qualitative = [ind for ind in extraction.indicators if not ind.targets]
    for ind in qualitative:
        out.append(f"  (định tính, dòng {ind.line}) {_clip(ind.text, 90)}")

    out += ["", f"Nhiệm vụ: {len(extraction.tasks)}"]
    for t in extraction.tasks:
        head = t.title or _clip(t.text, 80)
        extra = []
        if t.lead:
            extra.append("chủ trì: " + "; ".join(t.lead))
        if t.support:
            extra.append("phối hợp: " + "; ".join(t.support))
        if t.deadline:
            extra.append("thời hạn: " + t.deadline)
        label = t.label or "-"
        out.append(
            f"  {label} [{t.section or ''}] {_clip(head, 90)} (dòng {t.line})"
            + (f" — {', '.join(extra)}" if extra else "")
        )

    if extraction.assignments:
        out += ["", f"Phân công: {len(extraction.assignments)}"]
        for a in extraction.assignments:
            role = "chủ trì" if a.role == "lead" else "phối hợp"
            out.append(f"  {a.body} ({role}, dòng {a.line}): {_clip(a.duty, 80)}")
    r = extraction.reporting
    if r.body or r.cadence:
        cadence = ", ".join(CADENCE.get(c, c) for c in r.cadence) or "không nêu kỳ"
        out.append(f"Báo cáo: {r.body or '—'} ({cadence})")

    if extraction.results:
        out += ["", f"Kết quả đã đạt: {len(extraction.results)}"]
        for res in extraction.results:
            out.append(
                f"  {res.period or ''} {_clip(res.metric, 50)}: {_number(res.value)} {res.unit or ''}"
                f" (dòng {res.line})"
            )
    if extraction.references:
        out += ["", "Văn bản dẫn chiếu: " + ", ".join(extraction.references)]
    return "\n".join(out)
