"""Item numbers in the calendar and the overdue list read as on the pages ("1.", never "1..")."""

from __future__ import annotations

import pytest

from nghiquyet.reminders.calendar import numbered


@pytest.mark.parametrize(("label", "expected"), [
    ("1.", "1. Trồng rừng"),
    ("(2)", "(2) Trồng rừng"),
    ("1.1", "1.1. Trồng rừng"),
    ("a)", "a) Trồng rừng"),
    (" 3 ", "3. Trồng rừng"),
    (None, "Trồng rừng"),
    ("", "Trồng rừng"),
])
def test_an_item_number_is_written_once(label: str | None, expected: str) -> None:
    assert numbered(label, "Trồng rừng") == expected
