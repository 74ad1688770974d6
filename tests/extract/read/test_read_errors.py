"""Every way a file can fail to read gives a typed InputError with a Vietnamese message and a hint."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nghiquyet.errors import InputError
from nghiquyet.extract.read import (
    BinaryFile,
    EmptyDocument,
    FileMissing,
    FileTooLarge,
    FileUnreadable,
    ProtectedFile,
    UnsupportedFormat,
    read_bytes,
    read_document,
)


def check_message(exc: InputError, path: Path) -> None:
    message = str(exc)
    assert message.startswith(str(path))
    # Vietnamese only: no English gloss, no exception class (issue 10 point 5).
    assert not re.search(r"\((?:[a-z]+[ ,:/]*){2,}\)|[A-Z][a-z]+Error|not found|corrupt|unsupported", message)
    assert exc.hint and exc.hint in message
    assert "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.docx"
    with pytest.raises(FileMissing) as info:
        read_document(path)
    check_message(info.value, path)
    assert "không tìm thấy" in str(info.value)


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileMissing):
        read_document(tmp_path)


@pytest.mark.parametrize("name", ["nq.xlsx", "nq.odt", "nq", "nq.html", "ảnh.jpg"])
def test_unknown_extension_names_the_supported_ones(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Nghị quyết", encoding="utf-8")
    with pytest.raises(UnsupportedFormat) as info:
        read_document(path)
    check_message(info.value, path)
    if name.endswith((".html", ".jpg")) or "." not in name:
        assert all(ext in str(info.value) for ext in (".txt", ".md", ".docx", ".pdf"))


def test_old_word_file_says_to_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "nq.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(UnsupportedFormat) as info:
        read_document(path)
    assert ".docx" in str(info.value)


def test_doc_renamed_to_docx_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "nq.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(UnsupportedFormat) as info:
        read_document(path)
    assert "97-2003" in str(info.value)


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "NQ.TXT"
    path.write_text("Nghị quyết", encoding="utf-8")
    assert read_document(path).kind == "txt"


def test_file_too_large_uses_the_limit_given(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Nghị quyết\n" * 2000, encoding="utf-8")
    with pytest.raises(FileTooLarge) as info:
        read_document(path, max_bytes=1024)
    check_message(info.value, path)
    assert read_document(path).lines[0] == "Nghị quyết"  # the default limit (50 MB) lets it through


@pytest.mark.parametrize("data", [
    b"", b"   \r\n\t\n", b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00", b"\x00\x00\x00",
])
def test_empty_text_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "trong.txt"
    path.write_bytes(data)
    with pytest.raises(EmptyDocument) as info:
        read_document(path)
    check_message(info.value, path)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_empty_binary_formats(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"trong{suffix}"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument):
        read_document(path)


def test_pdf_renamed_to_txt_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "nq.txt"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(BinaryFile) as info:
        read_document(path)
    assert ".pdf" in str(info.value)


def test_every_reader_error_is_an_input_error() -> None:
    for error in (BinaryFile, EmptyDocument, FileMissing, FileTooLarge, ProtectedFile, UnsupportedFormat):
        assert issubclass(error, InputError)


def test_uploads_read_from_memory_by_name() -> None:
    source = read_bytes("Nghị quyết\r\nsố 05".encode(), "tai-len.TXT")
    assert source.lines == ["Nghị quyết", "số 05"]
    with pytest.raises(UnsupportedFormat):
        read_bytes(b"x", "tai-len.exe")
    with pytest.raises(FileTooLarge):
        read_bytes(b"x" * 100, "tai-len.txt", max_bytes=10)


def test_rtf_named_txt_says_to_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "nq.txt"
    path.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Nghi quyet}")
    with pytest.raises(UnsupportedFormat) as info:
        read_document(path)
    assert ".docx" in str(info.value)


def test_pdf_named_docx_is_read_as_pdf(tmp_path: Path, vietnamese_pdf: Path) -> None:
    path = tmp_path / "nq.docx"
    path.write_bytes(vietnamese_pdf.read_bytes())
    source = read_document(path)
    assert source.kind == "pdf" and "NGHỊ QUYẾT" in source.lines
    assert any(".pdf" in note for note in source.notes)


def test_file_the_system_refuses_to_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "khoa.txt"
    path.write_text("Nghị quyết", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(FileUnreadable) as info:
        read_document(path)
    check_message(info.value, path)
    assert "Permission denied" not in str(info.value)
    assert "không mở được tệp: không có quyền truy cập tệp" in str(info.value)
