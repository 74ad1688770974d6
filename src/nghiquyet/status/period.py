"""Reporting periods: a year, a half, a quarter or a month (`2024`, `2024-H1`, `2024-Q1`, `2024-03`)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

PeriodKind = Literal["year", "half", "quarter", "month"]

# How many months one period of each kind spans; the index counts such spans from January.
_MONTHS: dict[str, int] = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_ROMAN = ("I", "II", "III", "IV")
_PATTERN = re.compile(r"^\s*(\d{4})(?:-(?:(H)([12])|(Q)([1-4])|(\d{1,2})))?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One reporting period; sorted by year, start month, then length (2024-01 < 2024-Q1 < 2024)."""

    year: int
    first_month: int
    months: int

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read `2024`, `2024-H1`, `2024-Q3` or `2024-03`; raise ValueError with a Vietnamese message."""
        if cls is Period:  # the stored codes are few and parsed per target: keep them (not subclasses)
            return _parse(str(text))
        return cls._parse_text(text)

    @classmethod
    def _parse_text(cls, text: str) -> Period:
        m = _PATTERN.match(str(text))
        if not m:
            raise ValueError(
                f"Kỳ báo cáo không hợp lệ: '{text}' (dùng dạng 2024, 2024-H1, 2024-Q1 hoặc 2024-03)"
            )
        year = int(m.group(1))
        if m.group(2):
            return cls.of(year, "half", int(m.group(3)))
        if m.group(4):
            return cls.of(year, "quarter", int(m.group(5)))
        if m.group(6):
            month = int(m.group(6))
            if not 1 <= month <= 12:
                raise ValueError(f"Kỳ báo cáo không hợp lệ: '{text}' (tháng phải từ 01 đến 12)")
            return cls.of(year, "month", month)
        return cls.of(year, "year", 1)

    @classmethod
    def of(cls, year: int, kind: PeriodKind, index: int = 1) -> Period:
        """The `index`-th period of `kind` in `year` (1-based)."""
        span = _MONTHS[kind]
        if not 1 <= index <= 12 // span:
            raise ValueError(f"Kỳ báo cáo không hợp lệ: {kind} thứ {index} của năm {year}")
        return cls(year, (index - 1) * span + 1, span)

    @classmethod
    def containing(cls, day: date, kind: PeriodKind) -> Period:
        """The period of `kind` that `day` falls in."""
        span = _MONTHS[kind]
        return cls.of(day.year, kind, (day.month - 1) // span + 1)

    @property
    def kind(self) -> PeriodKind:
        return {12: "year", 6: "half", 3: "quarter", 1: "month"}[self.months]  # type: ignore[return-value]

    @property
    def index(self) -> int:
        return (self.first_month - 1) // self.months + 1

    @property
    def last_month(self) -> int:
        return self.first_month + self.months - 1

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        return _month_end(self.year, self.last_month)

    @property
    def code(self) -> str:
        """The canonical string (`2024-Q1`), the form stored in the database."""
        kind = self.kind
        if kind == "year":
            return str(self.year)
        if kind == "half":
            return f"{self.year}-H{self.index}"
        if kind == "quarter":
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.first_month:02d}"

    @property
    def label_vi(self) -> str:
        kind = self.kind
        if kind == "year":
            return f"Năm {self.year}"
        if kind == "half":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if kind == "quarter":
            return f"Quý {_ROMAN[self.index - 1]}/{self.year}"
        return f"Tháng {self.first_month}/{self.year}"

    @property
    def fraction_of_year(self) -> float:
        """Share of the year elapsed at the period's end, counted in whole months (Q1 → 0.25)."""
        return self.last_month / 12

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before this one (2024-Q1 → 2023-Q4)."""
        if self.index > 1:
            return Period.of(self.year, self.kind, self.index - 1)
        return Period.of(self.year - 1, self.kind, 12 // self.months)

    def year_before(self) -> Period:
        """The same period one year earlier (cùng kỳ năm trước)."""
        return Period(self.year - 1, self.first_month, self.months)

    def __str__(self) -> str:
        return self.code


def period_label(code: str | Period | None) -> str:
    """What a person reads for a stored period code: "2024-Q2" → "Quý II/2024" (the one label function).

    A code that does not parse is shown as it is (never an error on a page or in a report).
    """
    if code is None or code == "":
        return ""
    if isinstance(code, Period):
        return code.label_vi
    try:
        return Period.parse(code).label_vi
    except ValueError:
        return str(code)


@lru_cache(maxsize=1024)
def _parse(text: str) -> Period:
    return Period._parse_text(text)


@lru_cache(maxsize=1024)
def _month_end(year: int, month: int) -> date:
    """Last day of a month (kept: judging thousands of targets asks for the same few)."""
    return date(year, month, calendar.monthrange(year, month)[1])


def elapsed_fraction(day: date) -> float:
    """Share of `day`'s year elapsed at the end of `day` (31 Dec → 1.0)."""
    days = 366 if calendar.isleap(day.year) else 365
    return day.timetuple().tm_yday / days
