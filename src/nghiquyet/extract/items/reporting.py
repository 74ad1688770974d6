"""Reporting duty: who reports and how often ("định kỳ hàng quý, 6 tháng, hàng năm").

Read from the "Tổ chức thực hiện" part only: the first clause that sets a periodic duty or a
report on results names the body; the cadence words in that clause give the periods.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nghiquyet.extract.items.assignments import parse_clause, sentences
from nghiquyet.extract.model import Reporting
from nghiquyet.extract.text.normalise import Paragraph
from nghiquyet.extract.vocabulary.vocab import load

# Strongest first: a report on results, then a periodic duty with its periods, then any "định kỳ".
_TRIGGERS = (
    re.compile(
        r"báo cáo (?:kết quả|định kỳ|tiến độ|tình hình)|định kỳ[^.;]{0,60}báo cáo"
        r"|tổng hợp(?:,| và)[^.;]{0,30}báo cáo",
        re.IGNORECASE,
    ),
    re.compile(r"định kỳ[^.;]{0,40}(?:tháng|quý|năm)", re.IGNORECASE),
    re.compile(r"định kỳ", re.IGNORECASE),
)
_ORDER = ("month", "quarter", "half_year", "year")


def cadence_of(text: str) -> list[str]:
    """Periods named in a clause, in the order month, quarter, half_year, year."""
    table: dict[str, list[str]] = load("bodies")["reporting_cadence"]
    low = text.lower()
    return [k for k in _ORDER if any(w in low for w in table[k])]


def extract_reporting(paragraphs: Sequence[Paragraph]) -> Reporting:
    """The reporting duty of an implementation part, or an empty Reporting."""
    for trigger in _TRIGGERS:
        for p in paragraphs:
            for s, _ in sentences(p.text):
                if not trigger.search(s):
                    continue
                clause = parse_clause(s)
                if clause is None:
                    continue
                subject = re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[-+])\s*", "", clause.subject).strip(
                    " ,:"
                )
                subject = re.sub(r"(?i)^(?:giao|đề nghị|yêu cầu)\s+", "", subject)
                subject = subject[:1].upper() + subject[1:]
                return Reporting(cadence=cadence_of(s), body=subject or None)
    return Reporting()
