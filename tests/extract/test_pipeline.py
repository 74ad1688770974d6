"""pipeline: named steps in order, contract shape, robustness, the text summary, vocabulary data."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from tests import corpus

from nghiquyet.extract import extract, extract_text
from nghiquyet.extract.model import SCHEMA
from nghiquyet.extract.pipeline import STEPS
from nghiquyet.extract.summary import render_text
from nghiquyet.extract.vocabulary.vocab import load

SEEDS = corpus.SEEDS
REQUIRED = {
    "schema",
    "source",
    "metadata",
    "sections",
    "indicators",
    "tasks",
    "assignments",
    "reporting",
    "results",
    "references",
}


def test_steps_run_in_the_documented_order() -> None:
    assert [name for name, _ in STEPS] == [
        "normalise",
        "outline",
        "metadata",
        "indicators",
        "tasks",
        "assignments",
        "results",
        "references",
    ]


def test_output_has_every_key_of_the_contract() -> None:
    data = extract_text("NGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n", source="nq.txt").to_dict()
    assert set(data) >= REQUIRED and data["schema"] == SCHEMA and data["source"] == "nq.txt"
    assert {
        "doc_type",
        "number",
        "issuer",
        "date",
        "title",
        "term",
        "years",
        "theme",
        "signer",
        "recipients",
    } <= set(data["metadata"])
    json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "1.\n\n2.",
        "(1)",
        "I.",
        "Phần thứ nhất",
        "**",
        "#",
        "Nơi nhận:",
        "T/M TỈNH ỦY",
        "- a\n- b",
        "| a | b |\n|---|---|",
        "a" * 5000,
        "–—\u00a0\u200b",
    ],
)
def test_odd_inputs_do_not_break_the_pipeline(text: str) -> None:
    ex = extract_text(text)
    assert ex.metadata.doc_type in {"other", "nghi_quyet", "ke_hoach"}


def test_document_references_exclude_the_documents_own_number() -> None:
    text = (
        "TỈNH ỦY X\nSố 05-NQ/TU\nNGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n-----\n"
        "Thực hiện Nghị quyết số 05-NQ/TU và Kết luận số 21-KL/TW, Kết luận số 21-KL/TW.\n"
    )
    ex = extract_text(text)
    assert ex.metadata.number == "05-NQ/TU" and ex.references == ["21-KL/TW"]


def test_text_summary_shows_metadata_outline_targets_and_tasks() -> None:
    text = (
        "NGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n-----\nI. CHỈ TIÊU\n- Thu ngân sách nhà nước đạt 1.010 tỷ đồng.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n1. Tăng cường thu ngân sách. Chống thất thu.\n"
    )
    out = render_text(extract_text(text, source="nq.txt"))
    assert "Loại văn bản: Nghị quyết" in out and "  I. CHỈ TIÊU  (dòng 4)" in out
    assert "Nhiệm vụ: 1" in out and "1 [II]" in out
    if extract_text(text).targets:  # the targets step may be absent in a partial checkout
        assert "1.010" in out and "tỷ đồng" in out


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed corpus not found at {SEEDS}")
def test_seed_summary_renders() -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    assert render_text(extract(seed)).startswith(f"== {seed.name} ==")


@pytest.mark.parametrize("name", ["bodies", "domains", "projects", "metadata", "layout"])
def test_vocabulary_files_are_valid(name: str) -> None:
    raw = resources.files("nghiquyet.extract").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert data == load(name)
    for key, value in data.items():
        if key.startswith("_"):
            continue
        assert value, f"{name}.{key} is empty"
        if isinstance(value, list):
            flat = [x for v in value for x in (v if isinstance(v, list) else [v])]
            assert all(isinstance(x, str) and x == x.strip() and x for x in flat), f"{name}.{key}"


def test_vocabulary_keys_the_code_relies_on() -> None:
    assert {"heads", "verbs", "lead_in", "clause_prefix", "reporting_cadence", "not_heads"} <= set(
        load("bodies")
    )
    assert set(load("domains")["task_domains"]) >= {
        "kinh_te",
        "van_hoa_xa_hoi",
        "quoc_phong_an_ninh",
        "xay_dung_dang",
        "doi_ngoai",
    }
    assert set(load("domains")["indicator_groups"]) <= {
        "kinh_te_xa_hoi",
        "xay_dung_dang",
        "quoc_phong_an_ninh",
        "moi_truong",
        "other",
    }
    kinds = {k for _, k in load("metadata")["doc_types"]}
    assert kinds <= {
        "nghi_quyet",
        "chuong_trinh_hanh_dong",
        "ke_hoach",
        "thong_bao_ket_luan",
        "ket_luan",
        "chi_thi",
        "bao_cao",
        "quyet_dinh",
        "other",
    }
    columns = load("layout")["table_columns"]
    assert set(columns["_order"]) == {k for k in columns if not k.startswith("_")}


def test_a_pages_bullets_under_its_heading_line_are_results() -> None:
    text = (
        "Những kết quả nổi bật của huyện Tân Phú nhiệm kỳ 2026-2031\n\n"
        "* Giá trị sản xuất nông nghiệp tăng bình quân 4,2%/năm.\n\n"
        "* Thu ngân sách trên địa bàn đạt 1.320 tỷ đồng.\n\n"
        "* 92% trường học đạt chuẩn quốc gia.\n"
    )
    got = [(r.value, r.unit) for r in extract_text(text).results]
    assert got == [(4.2, "%/năm"), (1320.0, "tỷ đồng"), (92.0, "%")]
