"""Realistic report data without a database: for renderer tests, the benchmark and previews."""

from __future__ import annotations

import random
from datetime import date

from nghiquyet.reports.data import Header, ReportData, Signer, TargetInput, TaskRow, UpdateRow, assemble
from nghiquyet.status import Period, spec_for

# (group, metric, comparator, value, value_max, unit, change, actual for the year, lead unit, note)
SAMPLE_TARGETS: list[tuple[str, str, str, float, float | None, str, str | None, float | None, str, str]] = [
    (
        "kinh_te_xa_hoi",
        "Tốc độ tăng trưởng GRDP",
        "range",
        7.2,
        7.8,
        "%",
        "increase",
        7.5,
        "Sở Kế hoạch và Đầu tư",
        "",
    ),
    (
        "kinh_te_xa_hoi",
        "Thu ngân sách nhà nước",
        "gte",
        14150,
        None,
        "tỷ đồng",
        None,
        14500,
        "Sở Tài chính",
        "",
    ),
    (
        "kinh_te_xa_hoi",
        "GRDP bình quân đầu người",
        "eq",
        92.5,
        None,
        "triệu đồng/người",
        None,
        90.1,
        "Cục Thống kê tỉnh",
        "Giá nông sản giảm mạnh trong 6 tháng cuối năm",
    ),
    (
        "kinh_te_xa_hoi",
        "Tổng vốn đầu tư toàn xã hội",
        "approx",
        60000,
        None,
        "tỷ đồng",
        None,
        59000,
        "Sở Kế hoạch và Đầu tư",
        "",
    ),
    ("kinh_te_xa_hoi", "Khách du lịch", "gte", 9000, None, "nghìn lượt", None, 9800, "Sở Du lịch", ""),
    (
        "kinh_te_xa_hoi",
        "Tỷ lệ hộ nghèo",
        "range",
        1.0,
        1.5,
        "%",
        "decrease",
        1.2,
        "Sở Lao động - Thương binh và Xã hội",
        "",
    ),
    (
        "kinh_te_xa_hoi",
        "Tỷ lệ thất nghiệp khu vực thành thị",
        "lt",
        1.2,
        None,
        "%",
        None,
        1.25,
        "Sở Lao động - Thương binh và Xã hội",
        "Nhiều doanh nghiệp may mặc cắt giảm đơn hàng",
    ),
    (
        "kinh_te_xa_hoi",
        "Số bác sĩ trên vạn dân",
        "gte",
        11,
        None,
        "bác sĩ/vạn dân",
        None,
        11.2,
        "Sở Y tế",
        "",
    ),
    (
        "kinh_te_xa_hoi",
        "Xã đạt chuẩn nông thôn mới nâng cao",
        "gte",
        12,
        None,
        "xã",
        None,
        None,
        "Văn phòng Điều phối nông thôn mới",
        "",
    ),
    (
        "moi_truong",
        "Tỷ lệ che phủ rừng",
        "gt",
        54.5,
        None,
        "%",
        None,
        54.6,
        "Sở Nông nghiệp và Phát triển nông thôn",
        "",
    ),
    (
        "moi_truong",
        "Tỷ lệ chất thải rắn đô thị được thu gom",
        "gte",
        97,
        None,
        "%",
        None,
        95.5,
        "Sở Tài nguyên và Môi trường",
        "Hai nhà máy xử lý rác chậm tiến độ",
    ),
    (
        "quoc_phong_an_ninh",
        "Tỷ lệ hoàn thành chỉ tiêu tuyển quân",
        "eq",
        100,
        None,
        "%",
        None,
        100,
        "Bộ Chỉ huy Quân sự tỉnh",
        "",
    ),
    (
        "xay_dung_dang",
        "Kết nạp đảng viên mới",
        "gte",
        2300,
        None,
        "đảng viên",
        None,
        2415,
        "Ban Tổ chức Tỉnh ủy",
        "",
    ),
    (
        "xay_dung_dang",
        "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
        "gt",
        90,
        None,
        "%",
        None,
        92.3,
        "Ban Tổ chức Tỉnh ủy",
        "",
    ),
]

SAMPLE_TASKS = [
    ("1", "Hoàn thành quy hoạch tỉnh thời kỳ 2021 - 2030", "Sở Kế hoạch và Đầu tư", date(2024, 6, 30), 100.0),
    ("2", "Đẩy nhanh giải ngân vốn đầu tư công", "Sở Tài chính", date(2024, 12, 31), 78.0),
    ("3", "Triển khai cao tốc Tân Phú - Bảo Lộc", "Sở Giao thông vận tải", date(2025, 12, 31), 35.0),
    ("4", "Chuyển đổi số trong cơ quan đảng", "Văn phòng Tỉnh ủy", date(2024, 9, 30), None),
]


def sample_header() -> Header:
    return Header(
        ["TỈNH ỦY LÂM ĐỒNG", "VĂN PHÒNG"], "Số 125-BC/VPTU", "Lâm Đồng", date(2025, 1, 10), party=True
    )


def sample_report_data(period: str = "2024", *, scale: float = 1.0) -> ReportData:
    """The sample plan judged for `period`; in-year periods report `scale` × the share of the year."""
    p = Period.parse(period)
    share = 1.0 if p.kind == "year" else p.fraction_of_year
    targets = []
    for i, (group, metric, comp, value, vmax, unit, change, actual, lead, note) in enumerate(
        SAMPLE_TARGETS, 1
    ):
        spec = spec_for(comparator=comp, value=value, value_max=vmax, unit=unit, change=change, metric=metric)
        figure = actual
        if figure is not None and spec.kind == "cumulative":
            figure = round(figure * share * scale, 2)
        targets.append(TargetInput(str(i), f"({i})", group, metric, spec, figure, lead, note, target_id=i))
    tasks = [
        TaskRow(n, label, title, lead, deadline, progress, overdue=progress != 100 and deadline < p.end)
        for n, (label, title, lead, deadline, progress) in enumerate(SAMPLE_TASKS, 1)
    ]
    updates = [
        UpdateRow(
            t.lead_unit, t.metric, p.code, t.actual, t.spec.unit, None, t.note, "approved", date(2025, 1, 5)
        )
        for t in targets
        if t.actual is not None
    ]
    return assemble(
        header=sample_header(),
        plan_title="Nghị quyết số 15-NQ/TU về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        period=p,
        plan_end=date(2024, 12, 31),
        targets=targets,
        tasks=tasks,
        updates=updates,
        signer=Signer("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"),
        recipients=[
            "Thường trực Tỉnh ủy (b/c)",
            "Các đồng chí Tỉnh ủy viên",
            "Các sở, ban, ngành, đơn vị",
            "Lưu Văn phòng Tỉnh ủy",
        ],
    )


def large_report_data(n_targets: int = 20, n_units: int = 300, seed: int = 7) -> ReportData:
    """A plan of `n_targets` targets reported by `n_units` units each (the benchmark's size)."""
    rng = random.Random(seed)
    p = Period.parse("2024")
    units = [f"UBND xã {i:03d}" for i in range(1, n_units + 1)]
    targets: list[TargetInput] = []
    updates: list[UpdateRow] = []
    for i in range(1, n_targets + 1):
        base = SAMPLE_TARGETS[(i - 1) % len(SAMPLE_TARGETS)]
        group, metric, comp, value, vmax, unit, change = base[:7]
        spec = spec_for(comparator=comp, value=value, value_max=vmax, unit=unit, change=change, metric=metric)
        figures = [
            value * rng.uniform(0.85, 1.15) / (n_units if spec.kind == "cumulative" else 1) for _ in units
        ]
        for u, f in zip(units, figures, strict=True):
            updates.append(
                UpdateRow(u, metric, p.code, round(f, 3), unit, None, "", "approved", date(2025, 1, 5))
            )
        actual = sum(figures) if spec.kind == "cumulative" else sum(figures) / len(figures)
        targets.append(
            TargetInput(
                str(i),
                f"({i})",
                group,
                f"{metric} ({i})",
                spec,
                round(actual, 2),
                units[i % n_units],
                target_id=i,
            )
        )
    return assemble(
        header=sample_header(),
        plan_title="Kế hoạch thử nghiệm quy mô lớn",
        period=p,
        plan_end=date(2024, 12, 31),
        targets=targets,
        updates=updates,
        signer=Signer("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn B"),
    )
