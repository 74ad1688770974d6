"""Typer's and Click's own words in every --help, in Vietnamese: "Usage:", the panel titles,
"[required]", "[default: …]" and the --help option's "Show this message and exit." (issue 10, point 5).

Typer 0.29 carries its own copy of Click, whose strings are written in the code (no gettext catalogue
to install), so the words are set where the library keeps them: rich_utils' module constants, read at
each rendering, and two small wrappers on the Command and HelpFormatter classes. `install()` runs when
`nghiquyet.cli` is imported, so the console, `make docs` and the tests all show the same words;
tests/test_docs_cli.py fails when a library upgrade brings an English word back.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

from typer import core as typer_core
from typer._click import core, formatting

PANEL_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Tham số",
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "DEFAULT_STRING": "[mặc định: {}]",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "ENVVAR_STRING": "[biến môi trường: {}]",
    "DEPRECATED_STRING": "(không dùng nữa) ",
    "ABORTED_TEXT": "Đã dừng.",
}
HELP_OPTION = "Hiện hướng dẫn này rồi thoát."
USAGE = "Cách dùng: "
# The usage line's placeholders (Click's options_metavar and Typer's subcommand_metavar).
USAGE_WORDS = (("COMMAND [ARGS]...", "LỆNH [THAM SỐ]..."), ("[OPTIONS]", "[TÙY CHỌN]"))
# The value placeholders beside each option ("<int>", "<path>": Typer's type names).
TYPE_WORDS = {"<int>": "<số>", "<float>": "<số>", "<str>": "<chữ>", "<text>": "<chữ>", "<path>": "<tệp>",
              "<file>": "<tệp>", "<directory>": "<thư mục>", "<datetime>": "<ngày giờ>",
              "<bool>": ""}  # a flag takes no value: nothing to show
ENGLISH = ("Usage:", "Show this message", "Arguments", "Options", "Commands", "[required]", "[default:",
           "[OPTIONS]", "COMMAND [ARGS]", *TYPE_WORDS)


RICH_UTILS = "typer.rich_utils"


def _panel_words(rich_utils: ModuleType) -> None:
    for name, text in PANEL_WORDS.items():
        setattr(rich_utils, name, text)


class _WordsOnImport(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Sets the panel words the moment Typer imports rich_utils. Rich costs about 85 ms to import and
    only a help or an error page needs it, so a command that just runs no longer pays for it."""

    def __init__(self) -> None:
        self.loader: importlib.abc.Loader | None = None

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> ModuleSpec | None:
        if fullname != RICH_UTILS or self.loader is not None:
            return None
        sys.meta_path.remove(self)  # the real finders find it; this one only wraps its loader
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        self.loader, spec.loader = spec.loader, self
        return spec

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        assert self.loader is not None
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        assert self.loader is not None
        module.__loader__ = self.loader  # the module knows its real loader (source, resources)
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        self.loader.exec_module(module)
        _panel_words(module)


def install() -> None:
    """Put the Vietnamese words in place (idempotent)."""
    if RICH_UTILS in sys.modules:
        _panel_words(sys.modules[RICH_UTILS])
    elif not any(isinstance(finder, _WordsOnImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _WordsOnImport())
    if getattr(core.Command.get_help_option, "vietnamese", False):
        return
    help_option = core.Command.get_help_option
    write_usage = formatting.HelpFormatter.write_usage
    display_type = typer_core._TyperParameter.display_type

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = help_option(self, ctx)
        if option is not None:
            option.help = HELP_OPTION
        return option

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, vietnamese in USAGE_WORDS:
            args = args.replace(english, vietnamese)
        write_usage(self, prog, args, USAGE if prefix is None else prefix)

    def type_word(self: Any, ctx: Any) -> str:
        shown: str = display_type(self, ctx)
        return TYPE_WORDS.get(shown, shown)

    get_help_option.vietnamese = True  # type: ignore[attr-defined]
    typer_core._TyperParameter.display_type = type_word  # type: ignore[method-assign]
    core.Command.get_help_option = get_help_option  # type: ignore[method-assign]
    formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]
