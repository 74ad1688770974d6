"""Whose plan a document is (level, place, congress terms), and which documents are one territory."""

from __future__ import annotations

from importlib import resources

import pytest

from nghiquyet.extract.document.territory import Territory, level_of, read_territory
from nghiquyet.series.territory import contradicts, territory_groups
from tests.factories import SEEDS, seed_gold, seed_text_path

DISTRICT = resources.files("nghiquyet.demo").joinpath("levels/nq-huyen-duc-trong-2024.txt")


def _seed(seed: str) -> Territory:
    issuer = seed_gold(seed)["metadata"].get("issuer")
    return read_territory(seed_text_path(seed).read_text(encoding="utf-8").splitlines(), issuer=issuer)


def test_each_seed_says_whose_plan_it_is() -> None:
    found = {seed: _seed(seed) for seed in SEEDS}
    assert {s: (t.level, t.place) for s, t in found.items()} == {
        "000": ("tinh", "Lâm Đồng"), "001": ("tinh", "Lâm Đồng"), "002": ("tinh", "Lâm Đồng"),
        "003": ("tinh", None), "004": ("tinh", "Lâm Đồng")}
    # "Đảng bộ tỉnh Lâm Đồng lần thứ XI nhiệm kỳ 2020 - 2025" (001 line 10); 003 line 14 and line 104.
    assert found["001"].congresses == ((2020, 2025, 11),)
    assert found["003"].congresses == ((2020, 2025, 12), (2025, 2030, 13))
    district = read_territory(DISTRICT.read_text(encoding="utf-8").splitlines(), issuer="Huyện ủy Đức Trọng")
    assert (district.level, district.place) == ("huyen", "Đức Trọng")


@pytest.mark.parametrize(("body", "level"), [
    ("Huyện ủy Đức Trọng", "huyen"), ("Ban Chấp hành Đảng bộ Ủy ban nhân dân tỉnh", "tinh"),
    ("Ban Thường vụ Tỉnh ủy", "tinh"), ("Đảng ủy xã Ninh Gia", "xa"), ("HĐND phường Xuân Hương", "xa"),
    ("Chi bộ thôn Tam Tiến", "co_so"), ("Chính phủ", None),
])
def test_the_level_comes_from_the_body_that_issues_it(body: str, level: str | None) -> None:
    assert level_of(body) == level


def test_another_province_and_a_district_are_territories_of_their_own() -> None:
    seeds = {i: _seed(seed) for i, seed in enumerate(sorted(SEEDS))}
    seeds[9] = Territory("huyen", "Đức Trọng")
    groups = territory_groups(seeds)
    assert len({groups[i] for i in (0, 1, 2, 4)}) == 1
    assert groups[3] not in {groups[0], groups[9]} and groups[9] != groups[0]
    assert contradicts(seeds[1], seeds[3]) == "khác Đảng bộ (Đại hội nhiệm kỳ 2020–2025: lần thứ 11 / 12)"


def test_documents_of_unknown_territory_are_linked_as_before() -> None:
    assert len(set(territory_groups({1: None, 2: None, 3: Territory("tinh", None)}).values())) == 1
    # With two named territories to choose from, an unnamed document joins neither.
    groups = territory_groups({1: Territory("tinh", "Lâm Đồng"), 2: Territory("tinh", "Gia Lai"),
                               3: Territory("tinh", None)})
    assert groups[3] not in (groups[1], groups[2])
