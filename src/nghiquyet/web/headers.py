"""Security headers on every response: a strict Content-Security-Policy, nosniff, a referrer policy.

A pure ASGI middleware (not `BaseHTTPMiddleware`) so streamed files and error answers get the
headers too, and a header a route set itself (the evidence download's sandbox) is kept.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline script, style or handler anywhere (templates and /docs load files from /static):
# an injected <script> or onclick="" does not run even if escaping ever fails. img-src allows
# data: for the icons SVG charts and Swagger UI embed; form-action keeps forms on this site.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))

# Evidence files are whatever a unit uploaded: if one is ever rendered, it runs nothing.
DOWNLOAD_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'"

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    # Links to other sites carry no path (page addresses name plans and documents).
    ("referrer-policy", "strict-origin-when-cross-origin"),
    ("x-frame-options", "DENY"),  # frame-ancestors for browsers that predate CSP 2
)


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response that does not already carry them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
