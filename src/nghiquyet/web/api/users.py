"""Accounts: office and admin create them and list them."""

from __future__ import annotations

from fastapi import APIRouter

from nghiquyet.accounts.schemas import Created, PasswordReset, UserCreate, UserRead
from nghiquyet.accounts.service import create_user, list_users, reset_password
from nghiquyet.web.api.params import PathId
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/users", tags=["users"])


@router.post("")
def create(body: UserCreate, session: DbSession, user: CurrentUser) -> Created:
    created = create_user(session, username=body.username, password=body.password, role=body.role,
                          unit_id=body.unit_id, full_name=body.full_name, actor=user)
    return Created(id=created.id)


@router.get("")
def index(session: DbSession, user: CurrentUser) -> list[UserRead]:
    return [UserRead.of(u) for u in list_users(session, actor=user)]


@router.post("/{user_id}/password")
def reset(user_id: PathId, body: PasswordReset, session: DbSession, user: CurrentUser) -> UserRead:
    """Quản trị viên đặt mật khẩu tạm: mọi phiên của người đó kết thúc, lần đăng nhập sau phải đổi."""
    return UserRead.of(reset_password(session, user_id=user_id, password=body.new_password, actor=user))
