"""How a person reads a document's (or its plan's) name: type, number, issuer and title, never the file name.

"Nghị quyết số 15-NQ/TU về nhiệm vụ năm 2024"; without a number the issuer identifies it:
"Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về nhiệm vụ năm 2024". Pages, reports, the CLI and the
assistant's citations all call `document_name`, so one document is named one way everywhere.
"""

from __future__ import annotations

from typing import Protocol

from nghiquyet.extract.summary import DOC_TYPES

UNTITLED = "Văn bản chưa có tiêu đề"
# Opening words of a trích yếu that continue the type's phrase ("Chương trình hành động ... thực hiện ...").
_CONTINUES = ("về ", "thực hiện ", "triển khai ", "tiếp tục ", "lãnh đạo ", "chỉ đạo ", "nâng cao ",
              "đẩy mạnh ", "tăng cường ", "phát triển ", "xây dựng ")
_KINDS = sorted((v for k, v in DOC_TYPES.items() if k != "other"), key=len, reverse=True)


class Named(Protocol):
    """A document or a plan: both carry the four fields a name is made of."""

    @property
    def doc_type(self) -> str | None: ...
    @property
    def number(self) -> str | None: ...
    @property
    def issuer(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...


def document_name(doc_type: str | None, number: str | None, title: str | None, issuer: str | None) -> str:
    """The document's name as a person writes it (an unknown title leaves type, number or issuer)."""
    kind = DOC_TYPES.get(doc_type or "", "") if doc_type != "other" else ""
    number = (number or "").strip()
    issuer = (issuer or "").strip()
    title = " ".join((title or "").split())
    if title == UNTITLED:
        title = ""
    lead = title.lower()
    if kind and lead.startswith(kind.lower() + " "):
        title = title[len(kind):].strip()
        lead = title.lower()
        if lead.startswith("số "):  # the title already carries the number
            return f"{kind} {title}"
    elif title and any(lead.startswith(k.lower() + " ") for k in _KINDS):
        # "Kết luận của đồng chí Bí thư ..." names the document by itself.
        return f"{title} (số {number})" if number else title
    head = (kind or "Văn bản") + (f" số {number}" if number else f" của {issuer}" if issuer else "")
    if not title:
        return head if (number or issuer or kind) else UNTITLED
    if lead.startswith(_CONTINUES):
        return f"{head} {title[0].lower()}{title[1:]}"
    return f"{head}: {title}"


def name_of(item: Named | None) -> str:
    """`document_name` of a Document or a Plan (an empty string for none)."""
    if item is None:
        return ""
    return document_name(item.doc_type, item.number, item.title, item.issuer)


def citation_name(item: Named | None, limit: int = 90) -> str:
    """The short form a source reference uses: "Nghị quyết số 12-NQ/HU", else the name, cut at `limit`."""
    if item is None:
        return "văn bản"
    if item.number:
        kind = DOC_TYPES.get(item.doc_type or "", "") if item.doc_type != "other" else ""
        return f"{kind or 'Văn bản'} số {item.number.strip()}"
    name = name_of(item)
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"
