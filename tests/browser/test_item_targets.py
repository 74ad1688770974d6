"""The item page's "Mức chỉ tiêu" table: each row's plan, expectation and figure belong to its own target,
also when the targets' statuses differ (the rows are listed lagging first elsewhere)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from nghiquyet.tracking.service import plan_status
from nghiquyet.web.format import vn_number
from tests.browser.helpers import login
from tests.browser.own_data import FOUR, OFFICE, PASSWORD, plan_with_four_targets
from tests.browser.own_site import open_page, own_site

# metric → what the status rules expect of it by today, as the service judges it (not recomputed here)
EXPECTED: dict[str, float | None] = {}


def _build(session: Session) -> None:
    built = plan_with_four_targets(session)
    judged = plan_status(session, plan_id=built.plan.id, period=str(built.plan.year_start),
                         as_of=dt.date.today())
    EXPECTED.update({t.metric: t.expected for i in judged.indicators for t in i.targets})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    with own_site(tmp_path_factory.mktemp("nq-item-targets"), lambda s, _: _build(s)) as url:
        yield url


def test_each_target_row_shows_its_own_plan_expectation_and_figure(browser: Any, site: str) -> None:
    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        page.goto("/chi-tieu")
        page.get_by_role("link", name="Phát triển doanh nghiệp").first.click()
        rows = page.locator("section[aria-labelledby=targets-title] tbody tr")
        assert rows.count() == len(FOUR)
        seen = {}
        for row in rows.all():
            cells = row.locator("td").all_inner_texts()
            seen[cells[0].strip()] = [c.strip() for c in cells[1:4]]
        assert len({tuple(v) for v in seen.values()}) == len(FOUR)
        for t in FOUR:
            assert seen[t.metric] == [
                f"≥ {vn_number(t.value)} {t.unit}",
                vn_number(EXPECTED[t.metric], 2),
                vn_number(t.actual),
            ], t.metric
