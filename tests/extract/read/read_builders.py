"""Builders for real test .docx files: Word numbering definitions and numbered paragraphs."""

from __future__ import annotations

import io
from typing import Any

from docx.oxml import parse_xml
from tests import corpus

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEEDS = corpus.SEEDS

# Two list definitions as Word writes them: a legal-style decimal outline ("1.", "1.1.", "a)")
# and a bullet list whose second level is a Symbol-font character.
NUMBERING_XML = f"""
<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="90">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="91">
    <w:multiLevelType w:val="hybridMultilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="92">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>
      <w:suff w:val="space"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="93">
    <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
  <w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>
  <w:num w:numId="92"><w:abstractNumId w:val="92"/></w:num>
  <w:num w:numId="93"><w:abstractNumId w:val="93"/></w:num>
  <w:num w:numId="94"><w:abstractNumId w:val="90"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>
"""


def add_numbering(document: Any) -> None:
    """Append the list definitions above to the document's numbering part (abstracts before nums)."""
    numbering = document.part.numbering_part.element
    extra = parse_xml(NUMBERING_XML)
    abstracts = [el for el in extra if el.tag == f"{{{W_NS}}}abstractNum"]
    nums = [el for el in extra if el.tag == f"{{{W_NS}}}num"]
    first_num = numbering.find(f"{{{W_NS}}}num")
    for ab in abstracts:
        if first_num is not None:
            first_num.addprevious(ab)
        else:
            numbering.append(ab)
    for num in nums:
        numbering.append(num)


def numbered(document: Any, text: str, num_id: int, ilvl: int = 0, style: str | None = None) -> Any:
    """A paragraph with direct numbering, as Word stores it (w:numPr in the paragraph properties)."""
    paragraph = document.add_paragraph(text, style=style)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def docx_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
