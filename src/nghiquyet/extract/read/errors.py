"""Typed reading errors: each says what is wrong (Vietnamese, English in parentheses) and what to do."""

from __future__ import annotations

from nghiquyet.errors import InputError, LimitExceeded

SUPPORTED = (".txt", ".md", ".docx", ".pdf")


class FileMissing(InputError):
    """The path does not name a readable file."""

    def __init__(self, path: str) -> None:
        super().__init__("không tìm thấy tệp (file not found)", path=path,
                         hint="kiểm tra lại đường dẫn")


class FileUnreadable(InputError):
    """The file exists but the system refuses to open it (permissions, a lock, a device error)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"không mở được tệp (cannot open file: {detail})", path=path,
                         hint="kiểm tra quyền đọc tệp hoặc đóng chương trình đang giữ tệp")


class UnsupportedFormat(InputError):
    """The extension is not one we read."""

    def __init__(self, path: str, suffix: str, hint: str | None = None) -> None:
        shown = suffix or "(không có đuôi)"
        super().__init__(f"định dạng {shown} không hỗ trợ (unsupported format)", path=path,
                         hint=hint or "dùng tệp " + ", ".join(SUPPORTED))


class FileTooLarge(LimitExceeded):
    """The file is larger than the configured limit (protects memory and time)."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(
            f"tệp quá lớn: {_mb(size)} MB, giới hạn {_mb(limit)} MB (file too large)",
            path=path, hint="tách văn bản thành nhiều tệp nhỏ hơn hoặc bỏ hình ảnh đính kèm")


class InflatesTooMuch(LimitExceeded):
    """A .docx whose XML inflates past the limit (a zip bomb, or far beyond any resolution)."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__(
            f"tệp Word giải nén ra hơn {_mb(limit)} MB nội dung XML, vượt giới hạn (inflates too much)",
            path=path,
            hint="mở bằng Word, lưu lại thành tệp .docx mới (hoặc tách thành nhiều tệp) rồi tải lên lại")


class TooManyPages(LimitExceeded):
    """A PDF with more pages than a resolution or report could have."""

    def __init__(self, path: str, pages: int, limit: int) -> None:
        super().__init__(
            f"tệp PDF có {_count(pages)} trang, vượt giới hạn {_count(limit)} trang (too many pages)",
            path=path, hint="tách riêng phần văn bản cần theo dõi thành tệp PDF nhỏ hơn rồi tải lên lại")
        self.pages = pages


class EmptyDocument(InputError):
    """The file holds no text at all."""

    def __init__(self, path: str, hint: str | None = None) -> None:
        super().__init__("tệp không có nội dung văn bản (empty document)", path=path,
                         hint=hint or "kiểm tra đã chọn đúng tệp và tệp đã được lưu đầy đủ")


class BinaryFile(InputError):
    """A .txt/.md whose bytes are not text in any encoding we know."""

    def __init__(self, path: str, hint: str | None = None) -> None:
        super().__init__("tệp không phải văn bản thuần (binary file, not text)", path=path,
                         hint=hint or "lưu văn bản dưới dạng .txt (UTF-8), .docx hoặc .pdf")


class CorruptFile(InputError):
    """A .docx or .pdf that its reader cannot open (truncated download, broken zip, bad PDF)."""

    def __init__(self, path: str, kind: str, detail: str = "") -> None:
        extra = f": {detail}" if detail else ""
        super().__init__(f"tệp {kind} bị hỏng hoặc không đọc được (corrupt {kind} file){extra}",
                         path=path, hint=f"mở lại bằng phần mềm soạn thảo rồi lưu thành tệp {kind} mới")


class ProtectedFile(InputError):
    """A password-protected PDF or encrypted Office file."""

    def __init__(self, path: str) -> None:
        super().__init__("tệp có mật khẩu bảo vệ (password-protected file)", path=path,
                         hint="bỏ mật khẩu rồi lưu lại tệp, hoặc dùng bản .docx gốc")


class ScannedPdf(InputError):
    """A PDF whose pages are images (no text layer), or whose text layer is unreadable glyph codes."""

    def __init__(self, path: str, pages: int, *, garbled: bool = False) -> None:
        message = (f"lớp chữ của PDF không đọc được, phông không có bảng mã Unicode ({pages} trang)"
                   " (PDF text layer unreadable: fonts without a Unicode map)" if garbled else
                   f"tệp PDF là bản scan, {pages} trang không có lớp chữ (scanned PDF, no text layer)")
        super().__init__(message, path=path, hint="chạy nhận dạng chữ (OCR) trước, hoặc dùng bản .docx gốc")


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # 5.000, the Vietnamese way


def _mb(size: int) -> str:
    """Megabytes the Vietnamese way: decimal comma ("57,2")."""
    return f"{size / 1_048_576:.1f}".replace(".", ",").removesuffix(",0")
