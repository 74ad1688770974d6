"""Figures a sentence mentions rather than states: inside a document's name, or a purpose clause.

"Chính phủ ban hành Nghị quyết về ... tăng trưởng 8% năm 2025" names a resolution whose title
holds a figure; "Để thực hiện mục tiêu tăng trưởng 8% trở lên, các bộ ..." points at a target set
elsewhere. Neither sentence sets a target nor reports a result with that figure, whatever its
aim words. `mask_mentions` hides such figures (each digit becomes "x", so every offset stays),
and the targets and results steps read the masked text.
"""

from __future__ import annotations

import re

from nghiquyet.extract.vocabulary.vocab import act_kinds

# A document's name: its kind, an optional number, date or issuer, then "về" and the subject.
# The name runs to the first punctuation (not a decimal sign) or to a verb that begins what is said about it.
_NAME = re.compile(
    rf"(?<![^\W_])(?:{act_kinds()})(?![^\W_])[^.,;:()\n]{{0,80}}?\svề\s"
    r"(?:[^,.;:()\n]|[.,](?=\d))*?(?=[,.;:()\n](?!\d)|\s(?:đặt|đề\s+ra|xác\s+định|với|nêu|gồm|là|phấn\s+đấu|trong\s+đó|theo\s+đó)\s|\Z)",
    re.IGNORECASE,
)
# A purpose clause about an aim: "nhằm hiện thực hóa mục tiêu ...", "để đạt được chỉ tiêu ...",
# running to the clause's end.
_PURPOSE = re.compile(
    r"(?<![^\W_])(?:nhằm|để)\s+(?:góp\s+phần\s+)?(?:hiện\s+thực\s+h(?:óa|oá)|thực\s+hiện"
    r"|đạt\s+được|đạt|hoàn\s+thành|bảo\s+đảm|đảm\s+bảo)(?:\s+thắng\s+lợi)?\s+(?:(?:các|những)\s+)?"
    r"(?:mục\s+tiêu|chỉ\s+tiêu)(?![^\W_])(?:[^,.;:()\n]|[.,](?=\d))*",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")


def mention_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a document or states a purpose (start, end), in order."""
    low = text.lower()
    if "về" not in low and "nhằm" not in low and "để" not in low:
        return []  # most sentences have neither: no regular expression run
    spans = [m.span() for m in _NAME.finditer(text)] + [m.span() for m in _PURPOSE.finditer(text)]
    return sorted(spans)


def mask_mentions(text: str) -> str:
    """`text` with the digits of its mentioned figures replaced by "x" (same length); years stay,
    as they still tell the sentence's time."""
    spans = mention_spans(text)
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        for m in _NUMBER.finditer(text, start, end):
            if not _YEAR.fullmatch(m.group()):
                out[m.start() : m.end()] = re.sub(r"\d", "x", m.group())
    return "".join(out)
