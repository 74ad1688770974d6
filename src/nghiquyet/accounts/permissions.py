"""Role names and gates for routes; the rules themselves live in `units.permissions` (H4's services)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from nghiquyet.errors import PermissionDenied
from nghiquyet.units.permissions import AUDIT_READERS, MANAGERS, READERS

ROLES: tuple[str, ...] = ("admin", "office", "unit", "leader", "inspector")
ROLE_LABELS: dict[str, str] = {
    "admin": "Quản trị hệ thống",
    "office": "Văn phòng (quản lý kế hoạch, phê duyệt)",
    "unit": "Đơn vị báo cáo",
    "leader": "Lãnh đạo (xem)",
    "inspector": "Kiểm tra, giám sát (xem, nhật ký)",
}

__all__ = ["AUDIT_READERS", "MANAGERS", "READERS", "ROLES", "ROLE_LABELS", "has_role", "require_role",
           "role_of"]


class HasRole(Protocol):
    @property
    def role(self) -> object: ...


def role_of(user: HasRole) -> str:
    role = user.role
    return str(getattr(role, "value", role))


def has_role(user: HasRole, roles: Collection[str]) -> bool:
    return role_of(user) in roles


def require_role(user: HasRole, roles: Collection[str], reason: str) -> None:
    """Raise PermissionDenied with `reason` unless the user has one of `roles`."""
    if role_of(user) not in roles:
        raise PermissionDenied(reason)
