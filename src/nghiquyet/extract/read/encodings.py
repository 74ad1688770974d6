"""Bytes of a plain-text file → Unicode text, whatever an office PC saved it as.

Order matters: byte-order marks, then UTF-16 without a mark (spotted by where the NUL bytes
fall), then strict UTF-8, then the 8-bit Vietnamese encodings (Windows-1258, TCVN3, VNI),
chosen by which decoding reads most like Vietnamese.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

from nghiquyet.extract.read.legacy import LEGACY, Legacy, decode, legacy_label
from nghiquyet.extract.read.vietnamese import vietnamese_score

_SAMPLE = 65_536  # bytes looked at for UTF-16 and control-byte checks
_SCORE_SAMPLE = 16_384  # bytes decoded each way to choose an 8-bit encoding: a few pages decide it
# Control bytes that never occur in text (tab, LF, VT, FF, CR, ^Z and ESC excluded).
_CONTROL = bytes([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1A), 0x1C, 0x1D, 0x1E, 0x1F, 0x7F])


class NotText(ValueError):
    """The bytes are not text in any encoding we know (the caller raises BinaryFile)."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def decode_text(data: bytes) -> Decoded:
    """Decode a whole text file; raises NotText for binary data."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                       (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return repair_legacy(_with_bom(data[len(bom):], codec))
    utf16 = _utf16_by_nuls(data)
    if utf16:
        try:  # an odd length is a copy cut short: drop the half character
            return repair_legacy(Decoded(_clean_end(data[: len(data) // 2 * 2].decode(utf16)), utf16))
        except UnicodeDecodeError:
            pass  # NULs in a pattern but not valid UTF-16: judged as binary below
    data = data.rstrip(b"\x00\x1a")  # padding left by old editors and truncated copies
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if b"\x00" in data or controls > max(2, len(sample) // 100):
        raise NotText("control bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mostly = _mostly_utf8(data)
        if mostly is None:
            return _eight_bit(data)
        return mostly
    return repair_legacy(Decoded(_nfc(text), "utf-8"), note_suffix=" (lưu dưới dạng UTF-8)")


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes (a copy cut mid-letter, one stray byte) is still UTF-8.

    Legacy 8-bit text almost never forms valid multi-byte sequences, so many good ones and few
    bad ones is a safe sign; reading it as Windows-1258 instead would garble every accented letter.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad  # non-ASCII letters decoded
    if good < 10 * bad:
        return None
    note = f"{bad} byte lỗi đã thay bằng �"
    return Decoded(_clean_end(text), "utf-8", [note])


def _with_bom(body: bytes, codec: str) -> Decoded:
    try:
        return Decoded(_clean_end(body.decode(codec)), codec + "-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError:
        # The mark promised this encoding; keep what decodes and say some bytes were lost.
        text = body.decode(codec, errors="replace")
        return Decoded(_clean_end(text), codec, ["có byte lỗi đã thay bằng �"])


def _utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: Vietnamese text is mostly ASCII, so half its bytes are NUL."""
    sample = data[:_SAMPLE]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _eight_bit(data: bytes) -> Decoded:
    """Not UTF-8: try Windows-1258 and the legacy font encodings, keep the most Vietnamese reading."""
    sample = data[:_SCORE_SAMPLE]
    candidates = {"cp1258": _nfc(sample.decode("cp1258", errors="replace"))}
    latin = sample.decode("cp1252", errors="replace")
    for name in LEGACY:
        candidates[name] = _nfc(decode(latin, name))
    scores = {name: vietnamese_score(text) for name, text in candidates.items()}
    best = max(scores, key=lambda name: scores[name])  # ties keep the first: cp1258
    if best == "cp1258":
        return Decoded(_clean_end(_nfc(data.decode("cp1258", errors="replace"))), "cp1258")
    legacy: Legacy = "tcvn3" if best == "tcvn3" else "vni"
    text = _nfc(decode(data.decode("cp1252", errors="replace"), legacy))
    return Decoded(_clean_end(text), legacy, [converted_note(legacy)])


def repair_legacy(decoded: Decoded, note_suffix: str = "") -> Decoded:
    """Lines that are really TCVN3/VNI shown as Latin-1 ("NghÞ quyÕt"): convert those that read better.

    Line by line, because documents mix: a Unicode template with paragraphs pasted from an old
    .VnTime file. One legacy encoding is chosen for the whole text (the one that gains most).
    """
    lines = decoded.text.split("\n")
    candidates = [i for i, line in enumerate(lines) if _maybe_legacy(line)]
    if not candidates:
        return decoded
    best: Legacy | None = None
    best_gain = 2  # below this the evidence is too thin to touch the text
    converted: dict[int, str] = {}
    for name in LEGACY:
        gain, changes = 0, {}
        gained_words: set[str] = set()
        for i in candidates:
            before = vietnamese_score(lines[i])
            after_text = _nfc(decode(lines[i], name))
            after = vietnamese_score(after_text)
            if after > before:
                gain += after - before
                changes[i] = after_text
                gained_words |= _new_syllables(lines[i], after_text)
        # One odd word that happens to read as a syllable once converted ("Aà" → "Ầ" in VNI,
        # Hypothesis found it) is no legacy text: real legacy text turns several words right.
        if gain > best_gain and len(gained_words) >= 2:
            best, best_gain, converted = name, gain, changes
    if best is None:
        return decoded
    every_line = len(converted) == sum(1 for line in lines if not line.isascii())
    for i, line in converted.items():
        lines[i] = line
    encoding = best if every_line else decoded.encoding  # a mixed document stays "utf-8", with the note
    return Decoded("\n".join(lines), encoding, [*decoded.notes, converted_note(best) + note_suffix])


def _new_syllables(before: str, after: str) -> set[str]:
    """Vietnamese words of `after` (non-ASCII, scoring) that `before` did not have."""
    had = set(before.split())
    return {w for w in after.split() if w not in had and not w.isascii() and vietnamese_score(w) > 0}


def convert_if_legacy(text: str, name: Legacy) -> str | None:
    """`text` converted from `name` when it is legacy text (only Latin-1 characters) that reads better.

    For runs whose font says TCVN3/VNI: people also type Unicode in a .VnTime paragraph, and
    converting "có" would give "cú". A tie keeps the text: its font name alone is not enough.
    """
    if text.isascii() or not _maybe_legacy(text):
        return None
    converted = _nfc(decode(text, name))
    return converted if vietnamese_score(converted) > vietnamese_score(text) else None


def _maybe_legacy(line: str) -> bool:
    """Only Latin-1/Windows-1252 characters, some beyond ASCII: what legacy text looks like as Unicode."""
    return not line.isascii() and all(ord(c) <= 0xFF or c in _CP1252_EXTRA for c in line)


def converted_note(name: Legacy) -> str:
    """The note telling the user their text was converted (worth checking by eye)."""
    label = legacy_label(name)
    return f"đã chuyển từ mã {label} sang Unicode (converted from {label})"


# Characters Windows-1252 puts in 0x80–0x9F (smart quotes, dashes…): legacy text may contain them.
_CP1252_EXTRA = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _clean_end(text: str) -> str:
    """Drop a stray byte-order mark and the NUL/^Z padding some editors leave at the end."""
    return _nfc(text.lstrip("\ufeff").rstrip("\x00\x1a"))
