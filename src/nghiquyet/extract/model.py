"""Typed result of an extraction; `to_dict()` gives exactly the JSON of EXTRACTION.md.

Every item keeps its provenance: `line` (1-based, in the file as read) and, where useful,
`line_end` and the raw text it came from, so pages and reports can show the evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "nghiquyet.extraction/v1"

Comparator = Literal["eq", "gt", "gte", "lt", "lte", "approx", "range"]
Change = Literal["increase", "decrease"]
Role = Literal["lead", "support"]
Group = Literal["kinh_te_xa_hoi", "xay_dung_dang", "quoc_phong_an_ninh", "moi_truong", "other"]
DocType = Literal[
    "nghi_quyet", "chuong_trinh_hanh_dong", "ke_hoach", "thong_bao_ket_luan", "ket_luan",
    "chi_thi", "bao_cao", "quyet_dinh", "other",
]


@dataclass(slots=True)
class Signer:
    name: str | None = None
    position: str | None = None
    capacity: str | None = None


@dataclass(slots=True)
class Metadata:
    doc_type: str = "other"
    number: str | None = None
    issuer: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    title: str | None = None
    term: str | None = None
    years: list[int] | None = None  # [first, last]
    theme: str | None = None
    signer: Signer = field(default_factory=Signer)
    recipients: list[str] = field(default_factory=list)
    place: str | None = None


@dataclass(slots=True)
class Section:
    label: str
    title: str
    level: int
    line: int
    children: list[Section] = field(default_factory=list)


@dataclass(slots=True)
class Target:
    metric: str
    comparator: str
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    change: str | None = None
    baseline: str | None = None
    year: int | None = None
    text: str = ""  # the words of the source that state this target (evidence)
    direction: Literal["up", "down"] | None = None  # good direction, when the wording says


@dataclass(slots=True)
class Indicator:
    label: str | None
    group: str
    text: str
    line: int
    targets: list[Target] = field(default_factory=list)
    line_end: int | None = None
    section: str | None = None
    column: int | None = None  # where the item starts in its line, when a line holds several items


@dataclass(slots=True)
class Task:
    label: str | None
    section: str | None
    title: str | None
    text: str
    line: int
    domain: str | None = None
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str | None = None
    projects: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    line_end: int | None = None
    deadline_period: str | None = None  # the deadline as an ISO date or period ("2024-Q2")


@dataclass(slots=True)
class Assignment:
    body: str
    role: str
    duty: str
    line: int
    deadline: str | None = None


@dataclass(slots=True)
class Reporting:
    cadence: list[str] = field(default_factory=list)  # month, quarter, half_year, year
    body: str | None = None


@dataclass(slots=True)
class Result:
    metric: str
    value: float
    unit: str | None
    period: str | None
    text: str
    line: int
    total: float | None = None


@dataclass(slots=True)
class Extraction:
    source: str
    metadata: Metadata = field(default_factory=Metadata)
    sections: list[Section] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    reporting: Reporting = field(default_factory=Reporting)
    results: list[Result] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    lines: int = 0  # how many lines the source has, as read

    def to_dict(self) -> dict[str, Any]:
        """The EXTRACTION.md object (extra keys allowed, required keys always present)."""
        data = asdict(self)
        return {"schema": SCHEMA, **data}

    @property
    def targets(self) -> list[Target]:
        return [t for ind in self.indicators for t in ind.targets]


def _signer(d: dict[str, Any] | None) -> Signer:
    d = d or {}
    return Signer(name=d.get("name"), position=d.get("position"), capacity=d.get("capacity"))


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """Rebuild typed objects from stored JSON (e.g. a reviewer's edited copy)."""

    def section(d: dict[str, Any]) -> Section:
        return Section(
            label=str(d.get("label") or ""), title=str(d.get("title") or ""), level=int(d.get("level") or 1),
            line=int(d.get("line") or 0), children=[section(c) for c in d.get("children") or []],
        )

    def target(d: dict[str, Any]) -> Target:
        keys = Target.__dataclass_fields__
        return Target(**{k: v for k, v in d.items() if k in keys})

    meta = dict(data.get("metadata") or {})
    meta_keys = Metadata.__dataclass_fields__
    metadata = Metadata(**{k: v for k, v in meta.items() if k in meta_keys and k != "signer"})
    metadata.signer = _signer(meta.get("signer"))
    rep = data.get("reporting") or {}
    return Extraction(
        source=str(data.get("source") or ""),
        metadata=metadata,
        sections=[section(s) for s in data.get("sections") or []],
        indicators=[
            Indicator(
                **{k: v for k, v in i.items() if k in Indicator.__dataclass_fields__ and k != "targets"},
                targets=[target(t) for t in i.get("targets") or []],
            )
            for i in data.get("indicators") or []
        ],
        tasks=[Task(**{k: v for k, v in t.items() if k in Task.__dataclass_fields__})
               for t in data.get("tasks") or []],
        assignments=[Assignment(**{k: v for k, v in a.items() if k in Assignment.__dataclass_fields__})
                     for a in data.get("assignments") or []],
        reporting=Reporting(cadence=list(rep.get("cadence") or []), body=rep.get("body")),
        results=[Result(**{k: v for k, v in r.items() if k in Result.__dataclass_fields__})
                 for r in data.get("results") or []],
        references=list(data.get("references") or []),
        lines=int(data.get("lines") or 0),
    )
