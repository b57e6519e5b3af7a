"""Errors as RFC 9457 problem details, or as a page for a browser.

A client of the JSON API gets ``application/problem+json`` (``type``, ``title``, ``status``,
``detail``, and extension members such as the ``matches`` of an ambiguous id); a browser, which
asks for HTML first, gets a page in the site's layout with a way back. Nothing in either names
internals: a failure's traceback goes to the server log only.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from crosswire.errors import Ambiguous, NotFound

PROBLEM = "application/problem+json"
log = logging.getLogger("crosswire.web")


class BodyTooLarge(Exception):
    """A request body past the size limit (``limits.py``), found while it streamed in."""


class Problem(Exception):
    """An error a route raises on purpose, with what the client may need to recover."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None,
                 **extra: Any) -> None:  # fmt: skip
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


def wants_html(request: Request) -> bool:
    """True when the client prefers HTML to JSON, as a browser navigating does."""
    accept = request.headers.get("accept", "")
    html = accept.find("text/html")
    if html < 0:
        return False
    json_at = min((i for i in (accept.find("application/json"), accept.find(PROBLEM)) if i >= 0),
                  default=-1)  # fmt: skip
    return json_at < 0 or html < json_at


def problem_response(request: Request, status: int, detail: str,
                     headers: dict[str, str] | None = None, **extra: Any) -> Response:  # fmt: skip
    title = HTTPStatus(status).phrase
    if wants_html(request):
        from crosswire.web.pages import html_response, render_page  # they import this module

        html = render_page(request, "error.html", status=status, title=title, detail=detail,
                           extra=extra, match_base=request.url.path.rsplit("/", 1)[0])  # fmt: skip
        return html_response(html, status, headers)
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail,
            "instance": request.url.path, **extra}  # fmt: skip
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def install(app: FastAPI) -> None:
    """Answer every error, whoever raised it, in the negotiated form."""

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> Response:
        return problem_response(request, exc.status, exc.detail, exc.headers, **exc.extra)

    @app.exception_handler(BodyTooLarge)
    async def on_too_large(request: Request, exc: BodyTooLarge) -> Response:
        return problem_response(request, 413, str(exc))

    @app.exception_handler(Ambiguous)
    async def on_ambiguous(request: Request, exc: Ambiguous) -> Response:
        return problem_response(request, 409, str(exc), matches=exc.matches)

    @app.exception_handler(NotFound)
    async def on_not_found(request: Request, exc: NotFound) -> Response:
        return problem_response(request, 404, str(exc).split(";")[0])

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        return problem_response(request, exc.status_code, detail, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        shown = "; ".join(f"{e['where']}: {e['problem']}" for e in errors)
        return problem_response(request, 422, f"invalid request: {shown}", errors=errors)

    @app.exception_handler(Exception)
    async def on_failure(request: Request, exc: Exception) -> Response:
        log.exception("request %s failed", request.url.path)
        return problem_response(request, 500, "the server failed to answer this request")
