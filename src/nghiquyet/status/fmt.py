"""Vietnamese number text for explanations ("14.150", "1,2"); kept here so `status` stays self-contained."""

from __future__ import annotations


def vn_number(value: float, decimals: int = 2) -> str:
    """Format with "." between thousands and "," before decimals, trailing zeros dropped."""
    text = f"{abs(value):,.{decimals}f}".replace(",", " ")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = text.replace(".", ",").replace(" ", ".")
    return f"-{text}" if value < 0 and text != "0" else text


def with_unit(value: float, unit: str | None) -> str:
    """`1,2%` (a percent sign sticks to the number), `14.150 tỷ đồng` (other units after a space)."""
    number = vn_number(value)
    if not unit:
        return number
    return f"{number}{unit}" if unit.startswith("%") else f"{number} {unit}"
