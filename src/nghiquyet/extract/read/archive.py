"""Zip packages (.docx, .xlsx): how much their XML really inflates, counted while inflating.

The sizes an archive declares are the archive's word; a zip bomb declares little and inflates a lot.
Counting the bytes that come out, chunk by chunk, bounds memory and time whatever it declares.
"""

from __future__ import annotations

import zipfile

_CHUNK = 1_048_576


def xml_inflates_past(archive: zipfile.ZipFile, limit: int) -> bool:
    """True as soon as the XML parts (and .rels) of `archive` inflate past `limit` bytes together."""
    total = 0
    for info in archive.infolist():
        if not info.filename.lower().endswith((".xml", ".rels")):
            continue  # pictures and fonts are kept as bytes, never parsed
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    return True
    return False
