"""`nghiquyet tally --unit ID --period P`: the subtree tally and each child's, text and JSON."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.plans.schemas import PlanUpdate
from nghiquyet.plans.service import update_plan
from nghiquyet.tracking.service import assign
from tests.factories import make_plan, make_unit, make_user
from tests.services.helpers import approved


def test_tally_prints_the_level_and_each_child(settings: Settings,
                                               session_factory: sessionmaker[Session]) -> None:
    with session_factory() as db:
        office = make_user(db, role="office", username="vanphong")
        province = make_unit(db, name="UBND tỉnh", code="UBND", kind="ubnd")
        district = make_unit(db, name="UBND huyện Lạc Dương", code="H-LD", kind="ubnd", parent=province)
        commune = make_unit(db, name="UBND xã Đạ Sar", code="X-DS", kind="ubnd_xa", parent=district)
        reporter = make_user(db, role="unit", unit=commune, username="xadasar")
        plan = make_plan(db, title="Nghị quyết xã")  # thu ngân sách ≥ 100; hộ nghèo < 2%
        revenue, poverty = (ind.targets[0] for ind in plan.indicators)
        for target in (revenue, poverty):
            assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=commune.id, actor=office)
        approved(db, target=revenue, period="2024", value=130, reporter=reporter, office=office)
        db.commit()
        province_id, district_id = province.id, district.id
    cli = CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                         "NGHIQUYET_DATABASE_URL": settings.resolved_database_url})

    text = cli.invoke(app, ["tally", "--unit", str(province_id), "--period", "2024"])
    assert text.exit_code == 0, text.output
    assert "Năm 2024 — UBND tỉnh: 1/2 chỉ tiêu hoàn thành" in text.output
    assert "UBND huyện Lạc Dương: 1/2 chỉ tiêu hoàn thành" in text.output

    as_json = cli.invoke(app, ["tally", "--unit", str(province_id), "--period", "2024", "--format", "json"])
    body = json.loads(as_json.output)
    assert body["whole"] == body["children"][0]["tally"]
    assert body["children"][0]["unit"]["id"] == district_id and body["children"][0]["units_below"] == 1

    bad = cli.invoke(app, ["tally", "--unit", str(province_id), "--period", "quý 5"])
    assert bad.exit_code == 1 and "Kỳ báo cáo không hợp lệ" in bad.output


def test_tally_of_one_plan_counts_the_plans_below_it(settings: Settings,
                                                     session_factory: sessionmaker[Session]) -> None:
    with session_factory() as db:
        office = make_user(db, role="office", username="vanphong")
        province = make_unit(db, name="UBND tỉnh", code="UBND", kind="ubnd")
        commune = make_unit(db, name="UBND xã Đạ Sar", code="X-DS", kind="ubnd_xa", parent=province)
        upper = make_plan(db, title="Nghị quyết tỉnh")
        lower = make_plan(db, title="Nghị quyết xã")
        other = make_plan(db, title="Kế hoạch chuyên đề")
        for plan, unit in ((upper, province), (lower, commune), (other, commune)):
            for ind in plan.indicators:
                assign(db, item_type="indicator", item_id=ind.id, unit_id=unit.id, actor=office)
        update_plan(db, plan_id=lower.id, changes=PlanUpdate(parent_plan_id=upper.id), actor=office)
        db.commit()
        province_id, upper_id = province.id, upper.id
    cli = CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                         "NGHIQUYET_DATABASE_URL": settings.resolved_database_url})
    every = json.loads(cli.invoke(app, ["tally", "--unit", str(province_id), "--period", "2024",
                                        "--format", "json"]).output)
    family = json.loads(cli.invoke(app, ["tally", "--unit", str(province_id), "--period", "2024",
                                         "--plan", str(upper_id), "--format", "json"]).output)
    assert (every["whole"]["total"], every["plans"]) == (6, 3)
    assert (family["whole"]["total"], family["plans"]) == (4, 2)  # the province's plan and the commune's
    missing = cli.invoke(app, ["tally", "--unit", str(province_id), "--period", "2024", "--plan", "999999"])
    assert missing.exit_code == 1 and "Không tìm thấy kế hoạch" in missing.output
