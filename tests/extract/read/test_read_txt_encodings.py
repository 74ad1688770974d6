"""Plain text in every encoding Vietnamese offices have used reads back as the same Unicode lines."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from tests import corpus

from nghiquyet.extract.read import BinaryFile, read_document
from nghiquyet.extract.read.legacy import encode as legacy_encode

SEED = corpus.SEEDS / "003_80d04959fc9a9e21.txt"
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: precomposed base letter, then a combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in parts if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def encoded(text: str, encoding: str) -> bytes:
    if encoding == "cp1258":
        return to_cp1258(text)
    if encoding in ("tcvn3", "vni"):
        return legacy_encode(text, encoding).encode("cp1252")
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16-bom-le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-bom-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


@pytest.mark.parametrize(("encoding", "reported"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
    ("utf-16-bom-le", "utf-16-le"), ("utf-16-bom-be", "utf-16-be"), ("cp1258", "cp1258"), ("vni", "vni"),
])
def test_seed_reads_back_identical_in_each_encoding(tmp_path: Path, encoding: str, reported: str) -> None:
    text = seed_text()
    path = tmp_path / "nq.txt"
    path.write_bytes(encoded(text, encoding))
    source = read_document(path)
    assert source.encoding == reported
    assert source.lines == text.splitlines()


def test_seed_in_tcvn3_reads_back_with_only_lost_capitals_differing(tmp_path: Path) -> None:
    text = seed_text()
    path = tmp_path / "nq.txt"
    path.write_bytes(encoded(text, "tcvn3"))
    source = read_document(path)
    assert source.encoding == "tcvn3"
    assert any("TCVN3" in note for note in source.notes)
    expected = text.splitlines()
    assert len(source.lines) == len(expected)
    assert [line.casefold() for line in source.lines] == [line.casefold() for line in expected]
    pairs = zip("".join(source.lines), "".join(expected), strict=True)
    wrong = sum(a != b for a, b in pairs)
    assert wrong <= 3  # "Ủy ban" mid-sentence: TCVN3 cannot say it is a capital


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
@pytest.mark.parametrize("text", [
    "Nghị quyết về nhiệm vụ năm 2024",
    "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc",
    "Tăng trưởng kinh tế đạt 7,5% trở lên",
])
def test_short_text_is_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(encoded(text, encoding))
    source = read_document(path)
    assert source.encoding == encoding
    assert source.lines == text.splitlines()


def test_decomposed_utf8_is_normalised_to_nfc(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(unicodedata.normalize("NFD", "Nghị quyết số 05").encode("utf-8"))
    assert read_document(path).lines == ["Nghị quyết số 05"]


def test_tcvn3_saved_as_utf8_is_converted(tmp_path: Path) -> None:
    # A .VnTime document copied into a Unicode editor: the letters are right, the characters wrong.
    path = tmp_path / "copied.txt"
    path.write_text(legacy_encode("Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội", "tcvn3"), "utf-8")
    source = read_document(path)
    assert source.lines == ["Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội"]
    assert source.encoding == "tcvn3"


def test_plain_french_in_latin1_is_not_mistaken_for_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes("Résolution adoptée à l'unanimité".encode("cp1252"))
    assert read_document(path).encoding == "cp1258"


def test_trailing_nuls_and_ctrl_z_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "padded.txt"
    path.write_bytes("Nghị quyết\nvề nhiệm vụ\n".encode() + b"\x00" * 300 + b"\x1a")
    assert read_document(path).lines == ["Nghị quyết", "về nhiệm vụ"]


def test_utf16_with_trailing_nul_characters(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Nghị quyết\r\n".encode("utf-16-le") + b"\x00\x00" * 10)
    assert read_document(path).lines == ["Nghị quyết"]


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"\x7fELF\x02\x01\x01" + b"\x00" * 40,
    b"text with a NUL\x00 in the middle of it",
    bytes(range(1, 32)) * 10,
])
def test_binary_is_rejected(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(BinaryFile):
        read_document(path)


def test_markdown_reads_like_text(tmp_path: Path) -> None:
    path = tmp_path / "nq.md"
    path.write_text("# NGHỊ QUYẾT\n\n**về nhiệm vụ năm 2024**\n", encoding="utf-8")
    source = read_document(path)
    assert source.kind == "md"
    assert source.lines == ["# NGHỊ QUYẾT", "", "**về nhiệm vụ năm 2024**"]


def test_every_seed_reads_as_its_own_lines() -> None:
    for seed in sorted(SEED.parent.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        source = read_document(seed)
        assert source.lines == text.splitlines(), seed.name
        assert source.encoding == "utf-8"


def test_utf16_without_bom_cut_at_an_odd_byte(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("Nghị quyết về nhiệm vụ".encode("utf-16-le") + b"\x41")
    assert read_document(path).lines == ["Nghị quyết về nhiệm vụ"]


def test_utf8_cut_mid_letter_or_with_a_stray_byte_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    text = seed_text()
    data = text.encode("utf-8")
    path.write_bytes(data[:1000] + b"\x92" + data[1000:-1] + "ệ".encode()[:2])
    source = read_document(path)
    assert source.encoding == "utf-8"
    assert source.lines[0] == text.splitlines()[0]
    assert any("byte lỗi đã thay bằng �" in note for note in source.notes)
    assert not any("invalid" in note for note in source.notes)
