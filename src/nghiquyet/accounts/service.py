"""Accounts: password hashing (argon2), sign-in, signed tokens, and creating users."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.accounts.permissions import ROLES, require_role, role_of
from nghiquyet.audit.service import record, snapshot
from nghiquyet.config import Settings
from nghiquyet.errors import ConflictError, InputError, NghiquyetError, NotFoundError
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import require_manager

TOKEN_ALGORITHM = "HS256"
# One message for an unknown name and a wrong password, so sign-in cannot reveal who has an account.
LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng."
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MIN_PASSWORD = 6
# The rules as the password form explains them; `password_problem` checks the same ones.
PASSWORD_RULES = (
    f"Ít nhất {MIN_PASSWORD} ký tự.",
    "Khác mật khẩu hiện tại.",
    "Không trùng tên đăng nhập.",
    "Nhập mật khẩu mới hai lần giống nhau.",
)
REVOKED = "Phiên đăng nhập đã kết thúc (đã đăng xuất hoặc đổi mật khẩu): hãy đăng nhập lại."


class TokenError(NghiquyetError):
    """The token is missing, forged, expired or names a user who can no longer sign in."""


@dataclass(frozen=True, slots=True)
class TokenClaims:
    user_id: int
    role: str
    expires: datetime
    version: int = 0  # the user's token_version when issued; tokens from before versions count as 0


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    # OWASP's argon2id setting (19 MiB, 2 passes, 1 lane): ~0.1 s on a 2-core server, where the
    # library default (64 MiB, 4 lanes) takes ~0.5 s per sign-in. Stored hashes with other parameters
    # still verify and are re-hashed at the next successful sign-in.
    return PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Verified against when the username is unknown, so both failures take the same time.
    return hash_password("khong-co-tai-khoan-nay")


def find_user(session: Session, username: str) -> User | None:
    name = username.strip().lower()
    return session.scalars(select(User).where(func.lower(User.username) == name)).first()


def authenticate(session: Session, *, username: str, password: str) -> User:
    """The user whose name and password match; InputError with one generic message otherwise."""
    user = find_user(session, username)
    if user is None:
        verify_password(_dummy_hash(), password)
        raise InputError(LOGIN_FAILED)
    if not verify_password(user.password_hash, password) or not user.active:
        raise InputError(LOGIN_FAILED)
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)  # parameters were raised since it was stored
    return user


def _signing_key(settings: Settings) -> bytes:
    # A fixed 32-byte HMAC key whatever the length of the configured secret (RFC 7518 §3.2).
    if settings.secret_key is None:  # never sign with a guessable fallback
        raise TokenError("Máy chủ chưa có khóa ký: hãy khởi động lại để tạo khóa.")
    return hashlib.sha256(settings.secret_key.encode()).digest()


def issue_token(user: User, settings: Settings, *, now: datetime | None = None) -> str:
    """An HS256 token carrying the user's id and role, valid for `settings.token_hours`."""
    issued = now or datetime.now(UTC)
    claims = {
        "sub": str(user.id),
        "role": role_of(user),
        "ver": user.token_version or 0,
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(hours=settings.token_hours)).timestamp()),
    }
    return jwt.encode(claims, _signing_key(settings), algorithm=TOKEN_ALGORITHM)


def decode_token(token: str, settings: Settings) -> TokenClaims:
    try:
        data = jwt.decode(token, _signing_key(settings), algorithms=[TOKEN_ALGORITHM],
                          options={"require": ["sub", "exp"]})
    except jwt.ExpiredSignatureError as exc:
        raise TokenError("Phiên đăng nhập đã hết hạn: hãy đăng nhập lại.") from exc
    except jwt.PyJWTError as exc:
        raise TokenError("Mã đăng nhập không hợp lệ: hãy đăng nhập lại.") from exc
    try:
        user_id = int(data["sub"])
    except (TypeError, ValueError) as exc:
        raise TokenError("Mã đăng nhập không hợp lệ: hãy đăng nhập lại.") from exc
    version = data.get("ver", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise TokenError("Mã đăng nhập không hợp lệ: hãy đăng nhập lại.")
    return TokenClaims(user_id=user_id, role=str(data.get("role", "")),
                       expires=datetime.fromtimestamp(int(data["exp"]), UTC), version=version)


def user_from_token(session: Session, *, token: str, settings: Settings) -> User:
    """The user a token names; the role is read from the database, so a changed role applies at once."""
    claims = decode_token(token, settings)
    user = session.get(User, claims.user_id)
    if user is None or not user.active:
        raise TokenError("Tài khoản không còn hoạt động: hãy liên hệ Văn phòng.")
    if claims.version != (user.token_version or 0):
        raise TokenError(REVOKED)
    return user


def revoke_tokens(user: User) -> None:
    """End every session of `user`: tokens issued before this carry an older version (logout)."""
    user.token_version = (user.token_version or 0) + 1


def password_problem(user: User, password: str) -> str | None:
    """What is wrong with `password` as a new password for `user` (PASSWORD_RULES), or None."""
    if len(password) < MIN_PASSWORD:
        return f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự."
    if password.strip().lower() == (user.username or "").lower():
        return "Mật khẩu không được trùng tên đăng nhập."
    return None


def set_password(session: Session, *, user: User, password: str, actor: User | None) -> None:
    """A new password for `user` (their own, an admin's reset, or the CLI); every old token stops."""
    if actor is not None and actor.id != user.id:
        require_role(actor, {"admin"}, "Chỉ quản trị viên được đặt lại mật khẩu của người khác.")
    problem = password_problem(user, password)
    if problem:
        raise InputError(problem)
    user.password_hash = hash_password(password)
    revoke_tokens(user)
    session.flush()
    record(session, actor=actor, action="user.password", object_type="user", object_id=user.id)


def change_own_password(session: Session, *, user: User, current: str, new: str) -> None:
    """The signed-in user's change: the current password must be right, the new one different."""
    if not verify_password(user.password_hash, current):
        raise InputError("Mật khẩu hiện tại không đúng.")
    if new == current:
        raise InputError("Mật khẩu mới phải khác mật khẩu hiện tại.")
    set_password(session, user=user, password=new, actor=user)
    user.must_change_password = False


def reset_password(session: Session, *, user_id: int, password: str, actor: User) -> User:
    """An administrator gives another user a temporary password: their sessions end at once, and
    they must choose their own password at their next sign-in."""
    require_role(actor, {"admin"}, "Chỉ quản trị viên được đặt lại mật khẩu của người khác.")
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"Không tìm thấy tài khoản số {user_id}.")
    if user.id == actor.id:
        raise InputError("Đổi mật khẩu của chính mình ở trang Đổi mật khẩu (cần mật khẩu hiện tại).")
    set_password(session, user=user, password=password, actor=actor)
    user.must_change_password = True
    session.flush()
    return user


def create_user(session: Session, *, username: str, password: str, role: str, unit_id: int | None,
                actor: User | None, full_name: str | None = None) -> User:
    """A new account (office and admin only; only admin creates admins). `actor=None` is the CLI."""
    if actor is not None:
        require_manager(actor, "tạo tài khoản")
        if role == "admin":
            require_role(actor, {"admin"}, "Chỉ quản trị viên được tạo tài khoản quản trị.")
    name = username.strip().lower()
    if not USERNAME_RE.match(name):
        raise InputError(f"Tên đăng nhập '{username}' không hợp lệ: 3–64 ký tự a-z, 0-9, dấu chấm, gạch.")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    if role not in ROLES:
        raise InputError(f"Vai trò '{role}' không hợp lệ; chọn một trong: {', '.join(ROLES)}.")
    if role == "unit" and unit_id is None:
        raise InputError("Tài khoản đơn vị phải thuộc một đơn vị (unit_id).")
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")
    if find_user(session, name) is not None:
        raise ConflictError(f"Tên đăng nhập '{name}' đã có người dùng.")
    user = User(username=name, password_hash=hash_password(password), role=role, unit_id=unit_id,
                full_name=(full_name or "").strip())
    session.add(user)
    session.flush()
    record(session, actor=actor, action="user.create", object_type="user", object_id=user.id,
           after=snapshot(user))
    return user


def list_users(session: Session, *, actor: User) -> list[User]:
    """Every account, by username (office and admin)."""
    require_manager(actor, "xem danh sách tài khoản")
    return list(session.scalars(select(User).order_by(User.username)))
