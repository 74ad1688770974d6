"""Vietnamese numbers and dates: "1.010" is 1010, "7,2" is 7.2, "25/03/2024" is a date.

Vietnamese writes "." between thousands and "," before decimals. Documents typed in
English-locale software sometimes write "7.5" for 7,5, so a dot followed by anything other
than exactly three digits is read as a decimal point.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

# A number as written: digit groups joined by "." or "," ("1.234,5", "127.000", "7,2", "02").
# Not preceded by a letter/digit (so "A1" or "lần2" stay out); a unit may be glued after it ("5ha").
# The look-behind comes after the first digit so the pattern opens with a class `re` scans for at C speed.
NUMBER_RE = re.compile(r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)*")
_VALID = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """One number found in a text: its value and where it is (`text[start:end]` is `raw`)."""

    value: float
    start: int
    end: int
    raw: str


def parse_vn_number(text: str) -> float:
    """Read a Vietnamese-formatted number: "1.010" → 1010, "7,2" → 7.2, "1.234,5" → 1234.5."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    sign = 1.0
    if s[:1] in "-−–+" and len(s) > 1:
        sign = -1.0 if s[0] != "+" else 1.0
        s = s[1:]
    if not _VALID.fullmatch(s):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    if "," in s:
        whole, _, frac = s.rpartition(",")
        if "," in whole:
            # "1,234,567": commas as thousands separators (English habit); no decimals.
            if all(len(g) == 3 for g in s.split(",")[1:]) and "." not in s:
                return sign * float(s.replace(",", ""))
            raise ValueError(f"not a Vietnamese number (two decimal commas): {text!r}")
        if "." in whole:
            if not _THOUSANDS.fullmatch(whole):
                raise ValueError(f"not a Vietnamese number (bad thousands groups): {text!r}")
            whole = whole.replace(".", "")
        if "." in frac:
            raise ValueError(f"not a Vietnamese number (dot after the decimal comma): {text!r}")
        return sign * float(f"{whole}.{frac}")
    if "." in s:
        if _THOUSANDS.fullmatch(s):
            return sign * float(s.replace(".", ""))
        if s.count(".") == 1:
            return sign * float(s)  # "7.5": an English-style decimal point
        raise ValueError(f"not a Vietnamese number (bad thousands groups): {text!r}")
    return sign * float(s)


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in `text` with its character offsets, in order; unreadable groups are skipped."""
    return list(iter_numbers(text))


def iter_numbers(text: str) -> Iterator[NumberSpan]:
    """Like `find_numbers`, lazily."""
    for m in NUMBER_RE.finditer(text):
        raw = m.group()
        if raw.isdecimal():  # digits only (most numbers): no separators to read
            value = float(raw)
        else:
            try:
                value = parse_vn_number(raw)
            except ValueError:
                continue
        yield NumberSpan(value=value, start=m.start(), end=m.end(), raw=raw)


def format_vn_number(x: float, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way: 1234.5 → "1.234,5", 16 → "16", 7.25 → "7,25"."""
    # Without `decimals`, show what the value needs (up to 6 places), never trailing zeros.
    body = f"{abs(x):.6f}".rstrip("0").rstrip(".") if decimals is None else f"{abs(x):.{decimals}f}"
    whole, _, frac = body.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    sign = "-" if x < 0 and body.strip("0.") else ""
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def format_vn_date(d: date) -> str:
    """dd/mm/yyyy, as Vietnamese documents write dates."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


_DATE_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_WORDS = re.compile(
    r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE
)


def parse_vn_date(s: str) -> date:
    """Read "25/03/2024", "25-3-2024", "ngày 25 tháng 3 năm 2024" (or ISO "2024-03-25") as a date."""
    text = s.strip()
    if iso := _DATE_ISO.fullmatch(text):  # stored values and form inputs come as yyyy-mm-dd
        year, month, day = (int(g) for g in iso.groups())
    elif m := _DATE_NUMERIC.search(text) or _DATE_WORDS.search(text):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise ValueError(f"not a Vietnamese date: {s!r}")
    try:
        return date(year, month, day)
    except ValueError as e:
        raise ValueError(f"not a valid date: {s!r} ({e})") from None
