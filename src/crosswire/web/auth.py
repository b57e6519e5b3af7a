"""Who may write: the holder of the token the server was started with, and nobody otherwise.

Without ``CROSSWIRE_TOKEN`` the server is read-only. With it, a client sends
``Authorization: Bearer TOKEN``; a browser signs in once and carries the token in a cookie
that is sent only with requests from the site's own pages (``SameSite=Strict``), so another
site cannot make a signed-in browser write.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from crosswire.web.errors import Problem

COOKIE = "crosswire_token"


def presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(COOKIE)


def can_write(request: Request, token: str | None) -> bool:
    presented = presented_token(request)
    return bool(token and presented and hmac.compare_digest(presented, token))


def require_writer(request: Request, token: str | None, read_only: bool) -> None:
    """Refuse a write unless the server takes writes and the request carries its token."""
    if read_only:
        raise Problem(403, "this database is served read-only")
    if not token:
        raise Problem(403, "this server is read-only: start it with CROSSWIRE_TOKEN set to "
                           "accept writes")  # fmt: skip
    if not can_write(request, token):
        raise Problem(401, "a write needs the server's token (Authorization: Bearer TOKEN)",
                      headers={"WWW-Authenticate": 'Bearer realm="crosswire"'})  # fmt: skip
