"""Builders for tests (and demos): units, users, documents and plans from the seed corpus.

Shared by the service, API, report and page tests. Each builder only flushes; the caller commits
when it needs the rows visible to another session (e.g. an API request).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.documents.models import Document
from nghiquyet.documents.service import import_document, save_review
from nghiquyet.plans.models import Indicator, Plan, Target, Task
from nghiquyet.plans.service import confirm_plan
from nghiquyet.units.models import Unit
from nghiquyet.units.service import place
from tests import corpus

# The seed texts ship in the package, their gold under tests/golden/seeds (tests/corpus.py).
SEED_TEXTS = corpus.SEEDS
SEED_GOLD = corpus.SEED_GOLD
SEEDS = {
    "000": "000_29e2e8547b6387b0",  # nghị quyết năm 2024: 22 chỉ tiêu, 57 mức
    "001": "001_82c499cca2a5873a",  # chương trình hành động 2021-2025
    "002": "002_1a304e063d388c80",  # nghị quyết năm 2026: 18 chỉ tiêu, 26 mức
    "003": "003_80d04959fc9a9e21",  # nghị quyết năm 2024: 16 chỉ tiêu, 27 mức
    "004": "004_6cdd10a325536dcd",  # thông báo kết luận
}
_counter = itertools.count(1)

# A plan for the review tests (our own wording): indicator 1 states two targets in two sentences,
# indicator 2 runs over two lines; task 2 is really a target.
REVIEW_PLAN = """ĐẢNG BỘ XÃ AN PHÚ
Số 07-NQ/ĐU
NGHỊ QUYẾT
về phát triển kinh tế - xã hội năm 2027
I. CÁC CHỈ TIÊU CHỦ YẾU
1. Tốc độ tăng giá trị sản xuất đạt 9%. Thu nhập bình quân đầu người đạt 82 triệu đồng.
2. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 5%;
tỷ lệ trường đạt chuẩn quốc gia đạt 80%.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Đẩy mạnh chuyển đổi số trong cơ quan đảng, chính quyền.
2. Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96%.
"""


def seed_text_path(seed: str) -> Path:
    return SEED_TEXTS / f"{SEEDS[seed]}.txt"


def seed_gold(seed: str) -> dict[str, Any]:
    """The hand-checked extraction of a seed (the gold file)."""
    data: dict[str, Any] = json.loads((SEED_GOLD / f"{SEEDS[seed]}.json").read_text(encoding="utf-8"))
    return data


def corpus_available() -> bool:
    return SEED_GOLD.is_dir() and SEED_TEXTS.is_dir()


def make_unit(
    session: Session,
    *,
    name: str | None = None,
    code: str | None = None,
    kind: str = "so",
    parent: Unit | None = None,
) -> Unit:
    n = next(_counter)
    unit = Unit(name=name or f"Đơn vị thử {n}", code=code if code is not None else f"DV{n:04d}", kind=kind)
    place(session, unit, parent)
    session.flush()
    return unit


def make_user(
    session: Session,
    *,
    role: str = "office",
    unit: Unit | None = None,
    username: str | None = None,
    password_hash: str = "",
    active: bool = True,
    full_name: str = "",
) -> User:
    n = next(_counter)
    user = User(
        username=username or f"{role}{n}",
        role=role,
        unit_id=unit.id if unit is not None else None,
        password_hash=password_hash,
        full_name=full_name or f"Cán bộ {n}",
        active=active,
    )
    session.add(user)
    session.flush()
    return user


def make_document_from_seed(
    session: Session, *, actor: User, settings: Settings, seed: str = "002"
) -> Document:
    path = seed_text_path(seed)
    return import_document(
        session, filename=path.name, data=path.read_bytes(), actor=actor, settings=settings
    )


def make_plan_from_seed(
    session: Session, *, actor: User, settings: Settings, seed: str = "002", reviewed: bool = True
) -> Plan:
    """Import a seed document, store its gold extraction as the reviewer's copy, confirm the plan.

    With the gold review the plan does not depend on how good the extractor is today.
    """
    doc = make_document_from_seed(session, actor=actor, settings=settings, seed=seed)
    if reviewed:
        save_review(session, document_id=doc.id, extraction=seed_gold(seed), actor=actor)
    return confirm_plan(session, document_id=doc.id, actor=actor)


def make_plan(
    session: Session,
    *,
    title: str = "Kế hoạch thử",
    year_start: int = 2024,
    year_end: int = 2024,
    targets: list[dict[str, Any]] | None = None,
    tasks: list[dict[str, Any]] | None = None,
) -> Plan:
    """A small plan built directly (no document): one indicator per target dict, then the tasks."""
    plan = Plan(title=title, year_start=year_start, year_end=year_end, status="active")
    session.add(plan)
    specs = (
        targets
        if targets is not None
        else [
            {
                "metric": "Thu ngân sách",
                "comparator": "gte",
                "value": 100.0,
                "unit": "tỷ đồng",
                "year": year_end,
            },
            {"metric": "Tỷ lệ hộ nghèo", "comparator": "lt", "value": 2.0, "unit": "%", "year": year_end},
        ]
    )
    for pos, spec in enumerate(specs):
        indicator = Indicator(
            position=pos,
            label=f"({pos + 1})",
            group=spec.pop("group", "kinh_te_xa_hoi"),
            text=spec.get("metric", ""),
            line=pos + 1,
        )
        indicator.targets.append(Target(plan=plan, position=0, **spec))
        plan.indicators.append(indicator)
    for pos, spec in enumerate(tasks or []):
        plan.tasks.append(Task(position=pos, **spec))
    session.flush()
    return plan
