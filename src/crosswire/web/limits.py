"""Request size limits, enforced while the body arrives rather than after it is in memory."""

from __future__ import annotations

from typing import Any

from crosswire.web.errors import PROBLEM, BodyTooLarge

# A news-please JSON batch of a few hundred articles; forms are far smaller.
MAX_BODY = 8 * 1024 * 1024


class BodyLimit:
    """ASGI middleware: a declared length over the limit is refused at once (413); a body
    sent without one is counted as it streams and cut off when it passes the limit."""

    def __init__(self, app: Any, max_bytes: int = MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(f"a request body may hold at most {self.max_bytes} bytes")
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Any) -> None:
        body = (
            '{"type": "about:blank", "title": "Content Too Large", "status": 413, '
            f'"detail": "a request body may hold at most {self.max_bytes} bytes"}}'
        ).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", PROBLEM.encode()),
                                (b"content-length", str(len(body)).encode())]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})
