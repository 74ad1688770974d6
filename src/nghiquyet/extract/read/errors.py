"""Typed reading errors: each says in Vietnamese what is wrong and what to do (no English, no class names)."""

from __future__ import annotations

from nghiquyet.errors import InputError, LimitExceeded

SUPPORTED = (".txt", ".md", ".docx", ".pdf")


class FileMissing(InputError):
    """The path does not name a readable file."""

    def __init__(self, path: str) -> None:
        super().__init__("không tìm thấy tệp", path=path, hint="kiểm tra lại đường dẫn và tên tệp")


class FileUnreadable(InputError):
    """The file exists but the system refuses to open it (permissions, a lock, a device error)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"không mở được tệp: {reason}", path=path,
                         hint="kiểm tra quyền đọc tệp hoặc đóng chương trình đang giữ tệp")


class UnsupportedFormat(InputError):
    """The extension is not one we read."""

    def __init__(self, path: str, suffix: str, hint: str | None = None) -> None:
        shown = suffix or "(không có đuôi)"
        super().__init__(f"định dạng {shown} không được hỗ trợ", path=path,
                         hint=hint or "dùng tệp " + ", ".join(SUPPORTED))


class FileTooLarge(LimitExceeded):
    """The file is larger than the configured limit (protects memory and time)."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(
            f"tệp quá lớn: {_size(size)}, giới hạn {_size(limit)}",
            path=path, hint="tách văn bản thành nhiều tệp nhỏ hơn hoặc bỏ hình ảnh đính kèm")


_RESAVE_DOCX = "mở bằng Word, lưu lại thành tệp .docx mới (hoặc tách thành nhiều tệp) rồi tải lên lại"


class InflatesTooMuch(LimitExceeded):
    """A .docx or .xlsx whose XML inflates past the limit (a zip bomb, or far beyond any real file)."""

    def __init__(self, path: str, limit: int, *, kind: str = "Word", hint: str | None = None) -> None:
        super().__init__(
            f"tệp {kind} giải nén ra hơn {_size(limit)} nội dung XML, vượt giới hạn",
            path=path,
            hint=hint or _RESAVE_DOCX)


class TooManyPages(LimitExceeded):
    """A PDF with more pages than a resolution or report could have."""

    def __init__(self, path: str, pages: int, limit: int) -> None:
        super().__init__(
            f"tệp PDF có {_count(pages)} trang, vượt giới hạn {_count(limit)} trang",
            path=path, hint="tách riêng phần văn bản cần theo dõi thành tệp PDF nhỏ hơn rồi tải lên lại")
        self.pages = pages


class EmptyDocument(InputError):
    """The file holds no text at all."""

    def __init__(self, path: str, hint: str | None = None) -> None:
        super().__init__("tệp không có nội dung văn bản", path=path,
                         hint=hint or "kiểm tra đã chọn đúng tệp và tệp đã được lưu đầy đủ")


class BinaryFile(InputError):
    """A .txt/.md whose bytes are not text in any encoding we know."""

    def __init__(self, path: str, hint: str | None = None) -> None:
        super().__init__("tệp không phải văn bản thuần (có thể là ảnh hoặc tệp chương trình)", path=path,
                         hint=hint or "lưu văn bản dưới dạng .txt (UTF-8), .docx hoặc .pdf")


class CorruptFile(InputError):
    """A .docx or .pdf that its reader cannot open (truncated download, broken zip, bad PDF)."""

    def __init__(self, path: str, kind: str, detail: str = "") -> None:
        # `detail` is Vietnamese (what is broken); a library's exception name is never shown.
        extra = f": {detail}" if detail else ""
        super().__init__(f"tệp {kind} bị hỏng hoặc không đọc được{extra}",
                         path=path, hint=f"mở lại bằng phần mềm soạn thảo rồi lưu thành tệp {kind} mới")


class ProtectedFile(InputError):
    """A password-protected PDF or encrypted Office file."""

    def __init__(self, path: str) -> None:
        super().__init__("tệp có mật khẩu bảo vệ", path=path,
                         hint="bỏ mật khẩu rồi lưu lại tệp, hoặc dùng bản .docx gốc")


class ScannedPdf(InputError):
    """A PDF whose pages are images (no text layer), or whose text layer is unreadable glyph codes."""

    def __init__(self, path: str, pages: int, *, garbled: bool = False) -> None:
        message = (f"lớp chữ của PDF không đọc được, phông không có bảng mã Unicode ({pages} trang)"
                   if garbled else f"tệp PDF là bản scan, {pages} trang không có lớp chữ")
        super().__init__(message, path=path, hint="chạy nhận dạng chữ (OCR) trước, hoặc dùng bản .docx gốc")


def _size(size: int) -> str:
    """A size the Vietnamese way, decimal comma ("57,2 MB"); small sizes in KB or bytes, never "0 MB"."""
    for unit, scale in (("MB", 1_048_576), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".replace(".", ",").removesuffix(",0") + f" {unit}"
    return f"{size} byte"


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # 5.000, the Vietnamese way
