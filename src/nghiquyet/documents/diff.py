"""What changed between two extractions of the same document (indicators, targets, tasks)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ItemChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


@dataclass
class ExtractionDiff:
    indicators: ItemChanges = field(default_factory=ItemChanges)
    targets: ItemChanges = field(default_factory=ItemChanges)
    tasks: ItemChanges = field(default_factory=ItemChanges)
    metadata: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field → (before, after)

    @property
    def changed(self) -> bool:
        return self.indicators.changed or self.targets.changed or self.tasks.changed or bool(self.metadata)

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicators": {"added": self.indicators.added, "removed": self.indicators.removed},
            "targets": {"added": self.targets.added, "removed": self.targets.removed},
            "tasks": {"added": self.tasks.added, "removed": self.tasks.removed},
            "metadata": {k: list(v) for k, v in self.metadata.items()},
        }


def _short(text: str | None, n: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _indicator_key(i: dict[str, Any]) -> str:
    return f"{i.get('label') or ''} {_short(i.get('text'))}".strip()


def _target_key(t: dict[str, Any]) -> str:
    rng = f"{t.get('value')}" + (f"-{t.get('value_max')}" if t.get("value_max") is not None else "")
    return f"{_short(t.get('metric'), 50)} {t.get('comparator')} {rng} {t.get('unit') or ''}".strip()


def _task_key(t: dict[str, Any]) -> str:
    return f"{t.get('label') or ''} {_short(t.get('title') or t.get('text'))}".strip()


def _compare(before: list[str], after: list[str]) -> ItemChanges:
    # Multisets: the same wording may legitimately appear twice in one document.
    rest = list(after)
    removed = []
    for key in before:
        if key in rest:
            rest.remove(key)
        else:
            removed.append(key)
    return ItemChanges(added=rest, removed=removed)


def diff_extractions(before: dict[str, Any], after: dict[str, Any]) -> ExtractionDiff:
    """Items present in one extraction and not the other, each named by a short key."""
    b_ind, a_ind = before.get("indicators") or [], after.get("indicators") or []
    b_tasks, a_tasks = before.get("tasks") or [], after.get("tasks") or []
    meta_b, meta_a = before.get("metadata") or {}, after.get("metadata") or {}
    metadata = {k: (meta_b.get(k), meta_a.get(k)) for k in ("doc_type", "number", "issuer", "date", "title",
                                                           "years") if meta_b.get(k) != meta_a.get(k)}
    return ExtractionDiff(
        indicators=_compare([_indicator_key(i) for i in b_ind], [_indicator_key(i) for i in a_ind]),
        targets=_compare([_target_key(t) for i in b_ind for t in i.get("targets") or []],
                         [_target_key(t) for i in a_ind for t in i.get("targets") or []]),
        tasks=_compare([_task_key(t) for t in b_tasks], [_task_key(t) for t in a_tasks]),
        metadata=metadata,
    )
