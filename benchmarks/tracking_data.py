"""Generate a national-scale tracking dataset fast, straight through the model tables (Core inserts).

Shape (scale 1): 10 provinces × 300 communes = 3,000 reporting units (+ the province nodes), one
yearly plan per commune with 20 targets (one per indicator), each indicator assigned to its commune
as lead, and four quarters plus the year of approved figures: 3,000 plans, 60,000 targets,
300,000 updates. Scale 10 multiplies the provinces (30,000 plans, 3,000,000 updates).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Table, insert

from nghiquyet.db import load_models

UNITS_PER_PROVINCE = 300
TARGETS_PER_PLAN = 20
YEAR = 2024
PERIODS = ("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024")
CHUNK = 5_000

# (metric, comparator, value, value_max, unit, direction, cumulative): a commune plan's usual targets.
TEMPLATES: tuple[tuple[str, str, float, float | None, str, str, bool], ...] = (
    ("Thu ngân sách trên địa bàn", "eq", 45.0, None, "tỷ đồng", "up", True),
    ("Tốc độ tăng giá trị sản xuất", "range", 7.0, 8.0, "%", "up", False),
    ("Thu nhập bình quân đầu người", "gte", 60.0, None, "triệu đồng", "up", False),
    ("Tỷ lệ hộ nghèo", "lt", 2.0, None, "%", "down", False),
    ("Tỷ lệ tham gia bảo hiểm y tế", "gte", 93.0, None, "%", "up", False),
    ("Kết nạp đảng viên mới", "gte", 12.0, None, "đảng viên", "up", True),
    ("Tỷ lệ che phủ rừng", "eq", 54.5, None, "%", "up", False),
    ("Sản phẩm OCOP đạt 3 sao trở lên", "gte", 3.0, None, "sản phẩm", "up", True),
    ("Tạo việc làm mới", "range", 300.0, 350.0, "lao động", "up", True),
    ("Tỷ lệ trường đạt chuẩn quốc gia", "gte", 85.0, None, "%", "up", False),
)


@dataclass(slots=True)
class Dataset:
    provinces: list[int]  # unit ids of the province nodes
    plan_ids: list[int]
    units: int
    targets: int
    updates: int
    seconds: float


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for i in range(0, len(rows), CHUNK):
        yield rows[i:i + CHUNK]


def _insert(engine: Engine, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    if engine.dialect.name == "postgresql":
        _copy(engine, table, rows)
        return
    with engine.begin() as conn:
        for part in _chunks(rows):
            conn.execute(insert(table), list(part))


def _copy(engine: Engine, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """PostgreSQL's COPY: ~20× faster than multi-row INSERT for millions of rows."""
    # Columns the generator leaves out take the model's Python-side defaults (e.g. created_at).
    columns = [c for c in table.columns if c.name in rows[0] or c.default is not None]
    defaults = {c.name: c.default.arg for c in columns if c.default is not None and c.name not in rows[0]}
    values = {name: (arg(None) if callable(arg) else arg) for name, arg in defaults.items()}  # type: ignore[call-arg]
    names = ", ".join(f'"{c.name}"' for c in columns)
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row([row.get(c.name, values.get(c.name)) for c in columns])
        raw.commit()
    finally:
        raw.close()


def generate(engine: Engine, *, scale: int = 1, seed: int = 2024) -> Dataset:
    """Fill an empty, migrated database; ids are assigned here so no round trip is needed."""
    started = time.perf_counter()
    rng = random.Random(seed)
    tables = load_models().tables
    n_provinces = 10 * scale
    units: list[dict[str, Any]] = []
    provinces: list[int] = []
    communes: list[tuple[int, int]] = []  # (unit id, province id)
    uid = 0
    for p in range(n_provinces):
        uid += 1
        pid = uid
        provinces.append(pid)
        units.append({"id": pid, "code": f"T{p:03d}", "name": f"Tỉnh ủy {p + 1}", "kind": "tinh_uy",
                      "parent_id": None, "path": f"/{pid}/", "depth": 0})
        for c in range(UNITS_PER_PROVINCE):
            uid += 1
            units.append({"id": uid, "code": f"T{p:03d}X{c:03d}",
                          "name": f"Đảng ủy xã {c + 1} - tỉnh {p + 1}", "kind": "dang_uy",
                          "parent_id": pid, "path": f"/{pid}/{uid}/", "depth": 1})
            communes.append((uid, pid))
    _insert(engine, tables["units"], units)

    plans: list[dict[str, Any]] = []
    indicators: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    assignments: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    iid = tid = aid = upid = 0
    for plan_id, (unit_id, _province) in enumerate(communes, start=1):
        plans.append({"id": plan_id, "title": f"Nghị quyết năm {YEAR} của {units[unit_id - 1]['name']}",
                      "doc_type": "nghi_quyet", "issuer": units[unit_id - 1]["name"],
                      "year_start": YEAR, "year_end": YEAR, "status": "active"})
        for pos in range(TARGETS_PER_PLAN):
            metric, comp, value, vmax, unit, direction, cumulative = TEMPLATES[pos % len(TEMPLATES)]
            iid += 1
            tid += 1
            aid += 1
            indicators.append({"id": iid, "plan_id": plan_id, "position": pos, "label": f"({pos + 1})",
                               "group": "kinh_te_xa_hoi", "text": metric, "line": 10 + pos})
            targets.append({"id": tid, "indicator_id": iid, "plan_id": plan_id, "position": 0,
                            "metric": metric, "comparator": comp, "value": value, "value_max": vmax,
                            "unit": unit, "year": YEAR, "direction": direction, "text": metric})
            assignments.append({"id": aid, "plan_id": plan_id, "item_type": "indicator", "indicator_id": iid,
                                "unit_id": unit_id, "role": "lead"})
            level = value * rng.uniform(0.8, 1.2)
            for q, period in enumerate(PERIODS):
                upid += 1
                share = (q + 1) / 4 if cumulative and period != str(YEAR) else 1.0
                updates.append({"id": upid, "plan_id": plan_id, "target_id": tid, "unit_id": unit_id,
                                "period": period, "value": round(level * share, 2), "state": "approved",
                                "version": 1})
    for name, rows in (("plans", plans), ("indicators", indicators), ("targets", targets),
                       ("assignments", assignments), ("updates", updates)):
        _insert(engine, tables[name], rows)
    if engine.dialect.name == "postgresql":
        # Explicit ids leave the sequences behind; later inserts through the ORM must not collide.
        with engine.begin() as conn:
            for name in ("units", "plans", "indicators", "targets", "assignments", "updates"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT MAX(id) FROM {name}))")
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return Dataset(provinces=provinces, plan_ids=[p["id"] for p in plans], units=len(units),
                   targets=len(targets), updates=len(updates), seconds=time.perf_counter() - started)
