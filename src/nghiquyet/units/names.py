"""Which unit of the registry a body named in a document is ("đồng chí Chủ tịch UBND huyện" → UBND huyện X).

Pure: given the registry's (id, name) pairs and the document's own place. A name is read as the body
that carries the work out: a person's title is dropped ("đồng chí Chủ tịch", "Thủ trưởng"), a Party
organ inside a body stands for the body ("Đảng ủy Công an tỉnh" → "Công an tỉnh", when the registry
has no such Đảng ủy), abbreviations are spelt out (UBND, HĐND, MTTQ), and a bare "tỉnh" / "huyện" / "xã"
is the document's own ("UBND huyện" in Huyện ủy Đức Trọng's resolution). A name for many bodies
("các sở, ban, ngành") or one the registry does not hold stays unresolved, for the office to pick.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nghiquyet.extract.document.territory import fold

_ABBREVIATIONS = ((r"\bubnd\b", "uy ban nhan dan"), (r"\bhdnd\b", "hoi dong nhan dan"),
                  (r"\bmttq\b", "mat tran to quoc"), (r"\bbch\b", "ban chap hanh"),
                  (r"\bbcs\b", "ban can su"), (r"\bbtv\b", "ban thuong vu"), (r"\bvn\b", "viet nam"))
_TITLES = re.compile(
    r"^(?:(?:cac|dong chi|d/c|d/c\.)\s+)*(?:(?:pho\s+)?(?:chu tich|bi thu|giam doc|truong ban|chanh van phong"
    r"|chanh an|vien truong|chi huy truong|thu truong|truong|thanh vien|lanh dao|chu nhiem|tong bien tap"
    r"|can bo|cong chuc)\s+)+")
_ORGANS = re.compile(r"^(?:ban can su dang|dang uy|dang doan|ban thuong vu|ban chap hanh dang bo|chi bo)\s+")
_MANY = re.compile(r"^cac\b|\bcac\s+(so|ban|nganh|huyen|xa|phuong|don vi|co quan|dia phuong)\b")
_LEVEL_WORDS = ("tinh", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran")


@dataclass(frozen=True)
class Resolution:
    name: str  # as the document wrote it
    unit_id: int | None  # the one unit it names, or None
    candidates: tuple[int, ...] = ()  # when several units could be meant
    why: str = ""  # shown to the office when unresolved


def _spelt(text: str) -> str:
    folded = fold(re.sub(r"\([^)]*\)", " ", text))
    for pattern, full in _ABBREVIATIONS:
        folded = re.sub(pattern, full, folded)
    return " ".join(re.sub(r"[^\w/ ]+", " ", folded).split())


def _key(text: str, place: str) -> str:
    """The folded body name with the document's own place left out ("… tỉnh Lâm Đồng" = "… tỉnh")."""
    key = _spelt(text)
    if place:
        key = " ".join(re.sub(rf"\b{re.escape(place)}\b", " ", key).split())
    return key


def resolve_names(names: Sequence[str], units: Sequence[tuple[int, str]], *,
                  place: str | None = None) -> list[Resolution]:
    """Each name beside the unit it names (`place`: the document's own, e.g. "Lâm Đồng")."""
    own = fold(place or "")
    index: dict[str, list[int]] = {}
    for unit_id, unit_name in units:
        index.setdefault(_key(unit_name, own), []).append(unit_id)
    return [_resolve(name, index, own) for name in names]


def _resolve(name: str, index: dict[str, list[int]], place: str) -> Resolution:
    body = _TITLES.sub("", _key(name, place))
    if "," in name or ";" in name or _MANY.search(_TITLES.sub("", _spelt(name))):
        return Resolution(name, None, why="nêu nhiều đơn vị: chọn đơn vị chủ trì")
    tries = [body]
    unwrapped = _ORGANS.sub("", body)
    if unwrapped != body:
        tries.append(unwrapped)  # "Đảng ủy Công an tỉnh" is carried out by "Công an tỉnh"
    for key in tries:
        found = index.get(key, [])
        if len(found) == 1:
            return Resolution(name, found[0])
        if len(found) > 1:
            return Resolution(name, None, tuple(found), "trùng tên nhiều đơn vị")
    # "UBND huyện" with no name: a unit whose name adds only its place to it ("UBND huyện Đức Trọng").
    for key in tries:
        if key.split()[-1:] and key.split()[-1] in _LEVEL_WORDS:
            near = sorted({i for k, ids in index.items() if k.startswith(key + " ") for i in ids})
            if near:
                return Resolution(name, None, tuple(near), "chưa rõ địa bàn: chọn đơn vị")
    return Resolution(name, None, why="không có trong danh sách đơn vị")
