"""`nghiquyet extract` on unreadable files: one line on stderr, exit code 1, never a traceback."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.extract.read import read_document


def blank_pdf(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    with path.open("wb") as handle:
        pdf.save(handle)
    pdf.close()


# The whole line after "Lỗi: <path>: ": what is wrong and what to do, in Vietnamese only.
CASES: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "empty": ("trong.txt", lambda p: p.write_bytes(b""),
              "tệp không có nội dung văn bản — kiểm tra đã chọn đúng tệp và tệp đã được lưu đầy đủ"),
    "binary": ("anh.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00" + bytes(range(256))),
               "tệp không phải văn bản thuần (có thể là ảnh hoặc tệp chương trình) — "
               "lưu văn bản dưới dạng .txt (UTF-8), .docx hoặc .pdf"),
    "corrupt docx": ("hong.docx", lambda p: p.write_bytes(b"PK\x03\x04 truncated"),
                     "tệp DOCX bị hỏng hoặc không đọc được: không phải tệp nén hợp lệ — "
                     "mở lại bằng phần mềm soạn thảo rồi lưu thành tệp DOCX mới"),
    "corrupt pdf": ("hong.pdf", lambda p: p.write_bytes(b"%PDF-1.7\nnot a pdf\n"),
                    "tệp PDF bị hỏng hoặc không đọc được — "
                    "mở lại bằng phần mềm soạn thảo rồi lưu thành tệp PDF mới"),
    "unsupported": ("bang.xlsx", lambda p: p.write_bytes(b"PK\x03\x04"),
                    "định dạng .xlsx không được hỗ trợ — bảng tính không phải văn bản nghị quyết: "
                    "dùng tệp .docx hoặc .pdf"),
    "old word": ("cu.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64),
                 "định dạng .doc không được hỗ trợ — tệp Word 97-2003: mở bằng Word, chọn Lưu thành .docx"),
    "scanned": ("scan.pdf", blank_pdf,
                "tệp PDF là bản scan, 1 trang không có lớp chữ — chạy nhận dạng chữ (OCR) trước, "
                "hoặc dùng bản .docx gốc"),
    "missing": ("khong-co.txt", lambda p: None, "không tìm thấy tệp — kiểm tra lại đường dẫn và tên tệp"),
}
# What a person must never read: English glosses, library exception names, OS messages.
ENGLISH = ("file", "corrupt", "binary", "unsupported", "scanned", "Error", "error", "not found", "No such",
           "Permission denied", "BadZip", "Pdfium", "too large")


@pytest.mark.parametrize("case", sorted(CASES))
def test_unreadable_file_gives_one_line_and_exit_1(tmp_path: Path, case: str) -> None:
    name, make, expected = CASES[case]
    path = tmp_path / name
    make(path)
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"Lỗi: {path}: {expected}"], result.stderr
    assert not any(word in lines[0].removeprefix(f"Lỗi: {path}") for word in ENGLISH)
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_file_too_large_gives_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The pipeline passes no limit, so the reader's default applies; lower it for this test. (Found via
    # sys.modules: nghiquyet/__init__.py rebinds the name `nghiquyet.extract` to the extract function.)
    pipeline = importlib.import_module("nghiquyet.extract.pipeline")
    monkeypatch.setattr(pipeline, "read_document", partial(read_document, max_bytes=10))
    path = tmp_path / "lon.txt"
    path.write_text("Nghị quyết về nhiệm vụ năm 2024", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Lỗi: {path}: tệp quá lớn: {path.stat().st_size} byte, giới hạn 10 byte — "
        "tách văn bản thành nhiều tệp nhỏ hơn hoặc bỏ hình ảnh đính kèm"]


def test_good_and_bad_files_together_report_the_bad_one_and_exit_1(tmp_path: Path) -> None:
    good = tmp_path / "nq.txt"
    good.write_text("NGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n", encoding="utf-8")
    bad = tmp_path / "trong.md"
    bad.write_bytes(b"  \n")
    result = CliRunner().invoke(app, ["extract", str(good), str(bad)])
    assert result.exit_code == 1
    assert result.stderr.count("Lỗi: ") == 1
    assert '"source": "nq.txt"' in result.stdout


def test_scanned_pdf_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    blank_pdf(path)
    done = subprocess.run([sys.executable, "-m", "nghiquyet.cli", "extract", str(path)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert lines == [f"Lỗi: {path}: {CASES['scanned'][2]}"]
