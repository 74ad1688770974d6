"""Jinja filters for the pages: Vietnamese numbers and dates, status and state labels and colours."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from jinja2 import Environment

from nghiquyet.documents.naming import name_of
from nghiquyet.extract.figures.numbers import format_vn_date, format_vn_number
from nghiquyet.extract.summary import COMPARATORS, DOC_TYPES
from nghiquyet.status import Status, period_label

# The status rules own the words (docs/status.md): pages, reports and the API say the same.
STATUS_LABELS: dict[str, str] = {s.value: s.label_vi for s in Status}
# Worst first: the dashboard lists lagging items before the others.
STATUS_ORDER: tuple[str, ...] = ("khong_dat", "nguy_co", "chua_co_so_lieu", "dung_tien_do", "dat", "vuot")

UPDATE_STATE_LABELS: dict[str, str] = {
    "draft": "Nháp",
    "submitted": "Chờ duyệt",
    "approved": "Đã duyệt",
    "returned": "Bị trả lại",
}
ROLE_LABELS: dict[str, str] = {
    "admin": "Quản trị",
    "office": "Văn phòng",
    "unit": "Đơn vị",
    "leader": "Lãnh đạo",
    "inspector": "Kiểm tra",
}
VN_TZ = timezone(timedelta(hours=7), "ICT")  # Vietnam keeps UTC+7 all year, no summer time
ASSIGN_ROLE_LABELS: dict[str, str] = {"lead": "Chủ trì", "support": "Phối hợp", "share": "Phần được giao"}
GROUP_LABELS: dict[str, str] = {
    "kinh_te_xa_hoi": "Kinh tế - xã hội",
    "xay_dung_dang": "Xây dựng Đảng, hệ thống chính trị",
    "quoc_phong_an_ninh": "Quốc phòng - an ninh",
    "moi_truong": "Tài nguyên - môi trường",
    "other": "Khác",
}
# One vocabulary for the CLI summary and the pages (the pure core owns it).
COMPARATOR_LABELS: dict[str, str] = COMPARATORS
DOC_TYPE_LABELS: dict[str, str] = DOC_TYPES


def vn_number(value: Any, digits: int | None = None) -> str:
    """1234.5 → "1.234,5"; None → an en dash; `digits` rounds first."""
    if value is None or value == "":
        return "–"
    number = float(value)
    if digits is not None:
        number = round(number, digits)
    return format_vn_number(number)


def vn_percent(value: Any) -> str:
    """0.875 → "87,5%"."""
    if value is None:
        return "–"
    return format_vn_number(round(float(value) * 100, 1)) + "%"


def vn_date(value: Any) -> str:
    """date/datetime/ISO string → dd/mm/yyyy."""
    if value is None or value == "":
        return "–"
    if isinstance(value, datetime):
        return format_vn_date(value.date())
    if isinstance(value, date):
        return format_vn_date(value)
    return format_vn_date(date.fromisoformat(str(value)[:10]))


def vn_datetime(value: Any) -> str:
    """datetime → "dd/mm/yyyy hh:mm"."""
    if value is None:
        return "–"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(VN_TZ)
        return f"{format_vn_date(value.date())} {value:%H:%M}"
    return vn_date(value)


def status_label(code: Any) -> str:
    return STATUS_LABELS.get(str(code), str(code))


def state_label(code: Any) -> str:
    return UPDATE_STATE_LABELS.get(str(code), str(code))


def _code(value: Any) -> str:
    return str(getattr(value, "value", value))


def install_filters(env: Environment) -> None:
    """Register every filter and label table on a Jinja environment."""
    env.filters.update(
        vn_number=vn_number,
        vn_percent=vn_percent,
        vn_date=vn_date,
        vn_datetime=vn_datetime,
        status_label=lambda v: status_label(_code(v)),
        state_label=lambda v: state_label(_code(v)),
        role_label=lambda v: ROLE_LABELS.get(_code(v), _code(v)),
        assign_role_label=lambda v: ASSIGN_ROLE_LABELS.get(_code(v), _code(v)),
        group_label=lambda v: GROUP_LABELS.get(_code(v), _code(v) or "Khác"),
        comparator_label=lambda v: COMPARATOR_LABELS.get(_code(v), _code(v)),
        doc_type_label=lambda v: DOC_TYPE_LABELS.get(_code(v), _code(v)),
        code=_code,
        item_label=item_label,
        doc_name=name_of,  # a plan or document by type, number, issuer and title (never its file)
        period_label=period_label,
    )
    env.globals.update(STATUS_LABELS=STATUS_LABELS, STATUS_ORDER=STATUS_ORDER, target_text=target_text)


def target_text(
    comparator: str | None, value: float | None, value_max: float | None, unit: str | None
) -> str:
    """The planned level as a short phrase: "≥ 7 %", "từ 6,5 đến 7 %", "12.000 tỷ đồng"."""
    if value is None:
        return "–"
    tail = f" {unit}" if unit else ""
    if comparator == "range" and value_max is not None:
        return f"từ {vn_number(value)} đến {vn_number(value_max)}{tail}"
    sign = COMPARATOR_LABELS.get(comparator or "", "")
    sign = "" if sign in ("=", "từ … đến") else sign + " "
    return f"{sign}{vn_number(value)}{tail}"


def item_label(label: Any) -> str:
    """An item's number as a prefix: "1" → "1. ", "(2)" → "(2) ", "1.1." → "1.1. ", None → ""."""
    if label is None or str(label).strip() == "":
        return ""
    text = str(label).strip()
    return f"{text} " if text[-1] in ".)" else f"{text}. "


def labelled(label: str | None, text: str) -> str:
    """Item number and wording together, as lists and forms show them."""
    return f"{item_label(label)}{text}"
