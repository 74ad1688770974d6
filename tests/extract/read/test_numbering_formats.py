"""Word number formats and level rules, checked directly on numbering definitions."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from read_builders import W_NS

from nghiquyet.extract.read.numbering import Numbering, format_number


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (14, "upperRoman", "XIV"),
    (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"), (3, "upperLetter", "C"),
    (7, "decimalZero", "07"), (12, "decimal", "12"), (5, "vietnameseCounting", "5"),
])
def test_number_formats(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def paragraph(num_id: int, ilvl: int) -> object:
    return parse_xml(f'<w:p xmlns:w="{W_NS}"><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/>'
                     f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr></w:p>')


def numbering(levels: str) -> Numbering:
    xml = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
           f'<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    return Numbering(parse_xml(xml), None)


def test_legal_numbering_shows_higher_levels_in_decimal() -> None:
    numbers = numbering(
        '<w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:isLgl/></w:lvl>')
    assert [numbers.label(paragraph(1, i), None) for i in (0, 1, 0, 1)] == ["I.", "1.1.", "II.", "2.1."]


def test_level_with_lvl_restart_zero_never_restarts() -> None:
    numbers = numbering(
        '<w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/>'
        '<w:lvlRestart w:val="0"/></w:lvl>')
    assert [numbers.label(paragraph(1, i), None) for i in (0, 1, 1, 0, 1)] == ["I.", "1.", "2.", "II.", "3."]


def test_unknown_list_and_level_without_definition_do_not_fail() -> None:
    numbers = numbering('<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>')
    assert numbers.label(paragraph(7, 0), None) == ""  # numId not defined: no label, no error
    assert numbers.label(paragraph(1, 3), None) == "1."  # level 3 undefined: Word's default "%1."


def test_bullet_and_none_formats() -> None:
    numbers = numbering(
        '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>')
    assert [numbers.label(paragraph(1, i), None) for i in (0, 1, 2)] == ["+", "", "-"]
