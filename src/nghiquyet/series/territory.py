"""Which documents speak for one territory: a series, a proposed figure or a directive stays inside one.

Pure. Documents naming the same place at the same level are one territory. A document that names no
place joins the one named territory it does not contradict (its level, and the ordinal of a congress
term both name: "Đảng bộ tỉnh lần thứ XII, nhiệm kỳ 2020 - 2025" is not the province whose congress of
that term was the XIth); when it could be several, or none, it stands with the unnamed documents it
does not contradict. A document whose territory is unknown (imported before territories were read)
contradicts nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nghiquyet.extract.document.territory import Territory, fold


@dataclass
class _Group:
    key: str
    members: list[Territory] = field(default_factory=list)


def contradicts(a: Territory, b: Territory) -> str | None:
    """Why two documents cannot be of one territory (in Vietnamese), or None when they may be."""
    if a.level and b.level and a.level != b.level:
        return "khác cấp"
    if a.place and b.place and fold(a.place) != fold(b.place):
        return f"khác địa bàn ({a.place} / {b.place})"
    terms = {(start, end): n for start, end, n in a.congresses}
    for start, end, n in b.congresses:
        if terms.get((start, end), n) != n:
            return f"khác Đảng bộ (Đại hội nhiệm kỳ {start}–{end}: lần thứ {terms[(start, end)]} / {n})"
    return None


def _fits(t: Territory, group: _Group) -> bool:
    return all(contradicts(t, other) is None for other in group.members)


def territory_groups(territories: Mapping[int, Territory | None]) -> dict[int, str]:
    """Document id → the key of its territory (documents of one key may be linked)."""
    unknown = Territory(None, None)
    named: dict[str, _Group] = {}
    for doc_id in sorted(territories):
        t = territories[doc_id]
        if t is not None and t.place:
            key = f"{t.level or '?'}:{fold(t.place)}"
            named.setdefault(key, _Group(key)).members.append(t)
    found: dict[int, str] = {}
    unnamed: list[_Group] = []
    for doc_id in sorted(territories):
        t = territories[doc_id] or unknown
        if t.place:
            found[doc_id] = f"{t.level or '?'}:{fold(t.place)}"
            continue
        fitting = [g for g in named.values() if _fits(t, g)]
        group = fitting[0] if len(fitting) == 1 else next((g for g in unnamed if _fits(t, g)), None)
        if group is None:
            group = _Group(f"{t.level or '?'}:#{doc_id}")
            unnamed.append(group)
        group.members.append(t)
        found[doc_id] = group.key
    return found
