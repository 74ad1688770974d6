"""The office's entry of what the term programme's file does not carry: its appendix's budget target.

Seed 001 (Chương trình hành động 01-CTr/TU, 2021–2025) gives its main targets "trong Nghị quyết Đại hội
đại biểu Đảng bộ tỉnh lần thứ XI (phụ lục kèm theo)" (line 76), and the appendix is not in the file, so
no budget target can be extracted from it. The office types the appendix's sentence in, citing that
line, and the extractor's own target reader turns it into targets. The sentence is the XIth congress
resolution's, as the Ban Tuyên giáo Tỉnh ủy Lâm Đồng published it ("Những chỉ tiêu cơ bản của Nghị
quyết Đại hội XI Đảng bộ tỉnh", 18/12/2020, btgtu.lamdong.dcs.vn); the demo and the tests share it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.extract.figures.targets import parse_targets
from nghiquyet.plans.items import add_indicator
from nghiquyet.plans.models import Indicator
from nghiquyet.plans.schemas import IndicatorCreate, TargetCreate
from nghiquyet.units.permissions import Actor

APPENDIX_LINE = 76  # "(phụ lục kèm theo)"
APPENDIX_BUDGET = ("Tổng thu ngân sách nhà nước trên địa bàn, phấn đấu tăng bình quân 11-12%; trong đó, "
                   "thuế, phí tăng bình quân 12-14%; phấn đấu đến năm 2025, ngân sách địa phương cơ bản "
                   "cân đối nhu cầu chi thường xuyên")
TERM_END = 2025


def enter_appendix_budget(session: Session, *, plan_id: int, actor: Actor) -> Indicator:
    """Add the appendix's budget target to the programme's plan, read by the extractor's target reader."""
    targets = [TargetCreate(metric=t.metric, comparator=t.comparator, value=t.value, value_max=t.value_max,
                            unit=t.unit, change=t.change, baseline=t.baseline, year=t.year,
                            direction=t.direction, text=t.text)
               for t in parse_targets(APPENDIX_BUDGET, year=TERM_END)]
    return add_indicator(session, plan_id=plan_id, actor=actor, data=IndicatorCreate(
        group="kinh_te_xa_hoi", text=f"{APPENDIX_BUDGET} (phụ lục kèm theo)", line=APPENDIX_LINE,
        targets=targets))
