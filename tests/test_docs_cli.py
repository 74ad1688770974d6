"""docs/cli.md is generated from the commands' --help (Datasette's habit): it cannot drift."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    saved = {k: os.environ.get(k) for k in module.ENV}
    os.environ.update(module.ENV)
    try:
        expected = module.reference()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == expected, "docs/cli.md is out of date: run `make docs`"


def test_every_help_speaks_vietnamese_even_in_the_librarys_own_words() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    body = text.split("\n", 4)[4]  # past the English-free title and the note on how it is generated
    from nghiquyet.commands.help_words import ENGLISH, HELP_OPTION, USAGE

    assert [w for w in ENGLISH if w in body] == []
    assert body.count(f"{USAGE.strip()} nghiquyet") == body.count("## `nghiquyet")
    assert body.count(HELP_OPTION) == body.count("## `nghiquyet")
    assert "[bắt buộc]" in body and "[mặc định: text]" in body and "╭─ Tùy chọn" in body
