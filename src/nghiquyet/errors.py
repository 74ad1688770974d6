"""Typed errors. Each carries a message a Vietnamese office user can act on."""

from __future__ import annotations


class NghiquyetError(Exception):
    """Base of every error the application raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class InputError(NghiquyetError):
    """A file or value given by the user cannot be used; names the file and, if known, the line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}"
            if self.line:
                where += f":{self.line}"
            where += ": "
        return where + super().__str__()


class LimitExceeded(InputError):
    """The input is larger than the server accepts (bytes, inflated size, pages): answered 413."""


class TooComplex(InputError):
    """Reading the input overran its time or memory allowance: answered 422, with what to do."""


class NotFoundError(NghiquyetError):
    """The object asked for does not exist."""


class PermissionDenied(NghiquyetError):
    """The actor may not do this; the message says why."""


class ConflictError(NghiquyetError):
    """The action contradicts the stored state (e.g. editing approved data)."""

    def __init__(self, message: str, *, hint: str | None = None, existing_id: int | None = None) -> None:
        super().__init__(message, hint=hint)
        self.existing_id = existing_id  # the stored object the client should use instead


class ValidationFailed(InputError):
    """Values the user typed fail their checks; `problems` names each one (row, field, message).

    Nothing of the request was applied: every problem is reported at once, so a form can mark
    each wrong row and the API answers 422 with the list.
    """

    def __init__(self, message: str, *, problems: list[dict[str, object]] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in Vietnamese (the OS gives English: "Permission denied")."""
    if isinstance(exc, PermissionError):
        return "không có quyền truy cập tệp"
    if isinstance(exc, IsADirectoryError):
        return "đây là một thư mục, không phải tệp"
    if isinstance(exc, FileNotFoundError):
        return "không tìm thấy tệp"
    return "hệ thống không cho truy cập tệp (ổ đĩa lỗi, đầy, hoặc tệp đang bị khóa)"
