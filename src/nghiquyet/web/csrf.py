"""Cross-site request forgery: an unsafe request a browser sends from another site is refused.

No tokens in forms: the browser itself says where a request comes from. The rule (the one Go's
`http.CrossOriginProtection` uses):

1. GET, HEAD and OPTIONS pass: they change nothing.
2. A request with `Authorization: Bearer` passes: it is a script's, not the cookie's, and a page
   on another site cannot add that header without a CORS preflight, which this app never grants.
3. `Sec-Fetch-Site` decides when present: `same-origin` (and `none`, a user's own navigation)
   pass; `same-site` and `cross-site` are refused (a sibling subdomain is another party).
4. Else `Origin` decides: it must be this server's own host (the Host header) or the origin of
   NGHIQUYET_BASE_URL; `Origin: null` (sandboxed frames, odd redirects) is refused.
5. Neither header: the request passes. Every browser this office can run sends `Origin` on a
   cross-origin POST (Firefox since 70, Chrome and Safari long before) and `Sec-Fetch-Site` too
   (Chrome 76, Firefox 90, Safari 16.4), so a request with neither is not from a browser: it is
   curl or a script holding its own cookie, which cannot be forged by a page someone else made.
   Refusing it would break those clients and stop no attack.

Every unsafe request without a bearer token is checked, the login form included: a forged login
would sign the victim into the attacker's account.
"""

from __future__ import annotations

import html
import json
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ALLOWED_FETCH_SITES = frozenset({"same-origin", "none"})
REFUSED = ("Yêu cầu bị từ chối: biểu mẫu được gửi từ một trang web khác (chống giả mạo yêu cầu). "
           "Hãy mở trang của hệ thống rồi thao tác lại.")


def origin_of(url: str) -> str | None:
    """`scheme://host[:port]` of a URL, lower-case; None for anything that is not http(s)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def is_cross_site(headers: Headers, trusted_origins: frozenset[str]) -> bool:
    """True when a browser sent this request from a page of another site (rules 3–5 above)."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site.strip().lower() not in ALLOWED_FETCH_SITES
    origin = headers.get("origin")
    if origin is None:
        return False  # not a browser: see rule 5
    claimed = origin_of(origin)
    if claimed is None:  # "null" or garbage
        return True
    if claimed in trusted_origins:
        return False
    host = headers.get("host", "").strip().lower()
    return not host or urlsplit(claimed).netloc != host


def _is_bearer(headers: Headers) -> bool:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and bool(value.strip())


class CrossOriginGuard:
    """Answers 403 (JSON under /api/, HTML elsewhere) to a cross-site unsafe request."""

    def __init__(self, app: ASGIApp, *, trusted_origins: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.trusted_origins = trusted_origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if _is_bearer(headers) or not is_cross_site(headers, self.trusted_origins):
            await self.app(scope, receive, send)
            return
        if str(scope.get("path", "")).startswith("/api/"):
            body = json.dumps({"detail": REFUSED}, ensure_ascii=False).encode()
            content_type = b"application/json"
        else:
            body = (f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>Bị từ chối</title>'
                    f'<p class="flash flash-error" role="alert">{html.escape(REFUSED)}</p></html>').encode()
            content_type = b"text/html; charset=utf-8"
        length = str(len(body)).encode()
        await send({"type": "http.response.start", "status": 403,
                    "headers": [(b"content-type", content_type), (b"content-length", length)]})
        await send({"type": "http.response.body", "body": body})
