"""A command typed wrongly, said in Vietnamese: Click's own messages ("Missing argument 'files'.",
"No such option: --x") are English, and a person at the console reads them."""

from __future__ import annotations

from typing import Any

# Typer carries its own copy of Click; its exceptions are not the `click` package's.
from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption, UsageError

# Pydantic's reasons for a value Typer could not convert, as they open.
_VALUE_REASONS = (
    ("Input should be a valid integer", "phải là số nguyên"),
    ("Input should be a valid number", "phải là số"),
    ("Input should be a valid boolean", "phải là có/không (true hoặc false)"),
    ("Input should be a valid date", "phải là ngày"),
)


def _name(param: Any, fallback: str) -> str:
    """"--period" for an option, "FILES" for an argument."""
    if param is None:
        return fallback
    opts = getattr(param, "opts", None)
    if getattr(param, "param_type_name", "") == "option" and opts:
        return str(max(opts, key=len))
    return str(getattr(param, "name", None) or fallback).upper()


def usage_message(exc: UsageError) -> str:
    """What is wrong, then what to do: always ends by naming the --help that shows the right form."""
    command = exc.ctx.command_path if exc.ctx is not None else "nghiquyet"
    text = exc.format_message()
    if isinstance(exc, MissingParameter):
        kind = "tùy chọn" if getattr(exc.param, "param_type_name", "") == "option" else "tham số"
        what = f"thiếu {kind} {_name(exc.param, str(exc.param_hint or ''))}"
    elif isinstance(exc, NoSuchOption):
        what = f"không có tùy chọn {exc.option_name}"
        if exc.possibilities:
            what += " (có phải ý bạn là " + ", ".join(sorted(exc.possibilities)) + "?)"
    elif isinstance(exc, BadParameter):
        reason = next((vi for en, vi in _VALUE_REASONS if en in text), "không hợp lệ")
        what = f"giá trị của {_name(exc.param, str(exc.param_hint or 'tham số'))} {reason}"
    elif text.startswith("No such command"):
        what = "không có lệnh " + text.removeprefix("No such command").strip(" .'\"")
    elif text.startswith("Got unexpected extra argument"):
        extra = text.rsplit("(", 1)[-1].rstrip(").")
        what = f"thừa tham số: {extra}"
    else:
        what = "lệnh viết chưa đúng"
    return f"{what}. Chạy `{command} --help` để xem cách viết đúng."
