"""Sign-in for scripts and pages: the token comes back in the body and as an HttpOnly cookie."""

from __future__ import annotations

from fastapi import APIRouter, Response

from nghiquyet.accounts.schemas import LoginIn, TokenOut, UserRead
from nghiquyet.accounts.service import authenticate, issue_token
from nghiquyet.web.deps import SESSION_COOKIE, AppSettings, CurrentUser, DbSession

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login")
def login(body: LoginIn, response: Response, session: DbSession, settings: AppSettings) -> TokenOut:
    user = authenticate(session, username=body.username, password=body.password)
    token = issue_token(user, settings)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax",
                        max_age=settings.token_hours * 3600, path="/")
    return TokenOut(token=token, token_type="bearer", user=UserRead.of(user))


@router.post("/logout", status_code=204)
def logout(response: Response) -> None:
    # Tokens are stateless: logging out forgets the cookie; a script simply drops its token.
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.get("/me")
def me(user: CurrentUser) -> UserRead:
    return UserRead.of(user)
