"""An indicator is complete when all its targets are reached; a plan's tally counts them."""

from __future__ import annotations

from nghiquyet.status import Judgement, Status, judge_indicator, tally


def j(status: Status) -> Judgement:
    return Judgement(status, f"x.{status.value}", status.label_vi)


def test_all_reached_is_complete_and_mixed_vuot_dat_is_dat() -> None:
    assert judge_indicator([j(Status.vuot), j(Status.vuot)]).status is Status.vuot
    both = judge_indicator([j(Status.vuot), j(Status.dat)])
    assert both.status is Status.dat and both.rule == "indicator.dat"
    assert both.explanation_vi.startswith("2/2 mức chỉ tiêu đạt")


def test_one_missed_target_makes_the_indicator_missed() -> None:
    assert judge_indicator([j(Status.vuot), j(Status.khong_dat)]).status is Status.khong_dat


def test_missing_data_blocks_completion() -> None:
    assert judge_indicator([j(Status.dat), j(Status.chua_co_so_lieu)]).status is Status.chua_co_so_lieu
    assert judge_indicator([j(Status.nguy_co), j(Status.chua_co_so_lieu)]).status is Status.nguy_co


def test_single_target_passes_its_explanation_through() -> None:
    one = judge_indicator([Judgement(Status.dat, "gte.reached", "Thực hiện ...", 10.0, 1.0)])
    assert (one.rule, one.explanation_vi, one.ratio) == ("indicator.dat", "Thực hiện ...", 1.0)


def test_indicator_without_targets() -> None:
    assert judge_indicator([]).rule == "indicator.no_targets"


def test_tally_counts_complete_as_dat_plus_vuot() -> None:
    t = tally([Status.vuot, Status.dat, Status.khong_dat, "chua_co_so_lieu", "dat"])
    assert (t.total, t.complete, t.incomplete) == (5, 3, 2)
    assert t.by_status["dat"] == 2 and t.by_status["nguy_co"] == 0
    assert set(t.by_status) == {s.value for s in Status}


def test_empty_tally() -> None:
    assert tally([]).total == 0
