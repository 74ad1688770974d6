"""What the API reads and writes about accounts (never the password hash)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from nghiquyet.accounts.models import User
from nghiquyet.accounts.permissions import role_of

RoleName = Literal["admin", "office", "unit", "leader", "inspector"]


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=256)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


class PasswordReset(BaseModel):
    new_password: str = Field(min_length=1, max_length=256, description="Mật khẩu tạm, người dùng phải đổi")


class UserCreate(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=256)
    role: RoleName
    unit_id: int | None = None
    full_name: str | None = Field(default=None, max_length=255)


class UserRead(BaseModel):
    id: int
    username: str
    full_name: str | None = None
    role: str
    unit_id: int | None = None
    unit_name: str | None = None
    must_change_password: bool = Field(
        default=False, description="Mật khẩu tạm do quản trị viên đặt: phải đổi trước khi dùng")

    @classmethod
    def of(cls, user: User) -> UserRead:
        unit = user.unit
        return cls(id=user.id, username=user.username, full_name=user.full_name or None,
                   role=role_of(user), unit_id=user.unit_id, unit_name=unit.name if unit else None,
                   must_change_password=bool(user.must_change_password))


class TokenOut(BaseModel):
    token: str
    token_type: str = "bearer"
    user: UserRead


class Created(BaseModel):
    id: int
