"""A mistyped command is told in Vietnamese with what to do, in a real process (the console entry
point), instead of Click's English "Missing argument", "No such option" (issue 10 point 5)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CASES = [
    (["import"], "thiếu tham số FILES. Chạy `nghiquyet import --help` để xem cách viết đúng."),
    (["levels"], "không có lệnh levels. Chạy `nghiquyet --help` để xem cách viết đúng."),
    (["report", "--plan", "x", "--period", "2024", "-o", "bc.docx"],
     "giá trị của --plan phải là số nguyên. Chạy `nghiquyet report --help` để xem cách viết đúng."),
    (["report", "--plan", "1", "-o", "bc.docx"],
     "thiếu tùy chọn --period. Chạy `nghiquyet report --help` để xem cách viết đúng."),
    (["report", "--plann", "1"],
     "không có tùy chọn --plann (có phải ý bạn là --plan?). "
     "Chạy `nghiquyet report --help` để xem cách viết đúng."),
    (["plans", "thua"], "thừa tham số: thua. Chạy `nghiquyet plans --help` để xem cách viết đúng."),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_usage_error_is_one_vietnamese_line(args: list[str], expected: str) -> None:
    done = subprocess.run([sys.executable, "-m", "nghiquyet.cli", *args], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"Lỗi: {expected}"]
    assert "Usage" not in done.stderr and "Error" not in done.stderr and done.stdout == ""
