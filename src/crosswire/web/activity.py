"""Requests in flight, so that background work waits for the readers it would slow down.

The background comparer runs in the server's own process: comparing a story is Python work
that holds the interpreter lock, and done while pages are being answered it doubles their
latency. It waits instead until no request has been in flight for a moment.
"""

from __future__ import annotations

import threading
import time
from typing import Any

# Seconds without a request before background work goes on.
QUIET_S = 0.2


class Activity:
    """How many requests are being answered, and since when none is."""

    def __init__(self) -> None:
        self._in_flight = 0
        self._last = 0.0
        self._changed = threading.Condition()

    def begin(self) -> None:
        with self._changed:
            self._in_flight += 1

    def end(self) -> None:
        with self._changed:
            self._in_flight -= 1
            self._last = time.monotonic()
            self._changed.notify_all()

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def wait_idle(self, quiet_s: float = QUIET_S) -> None:
        """Return once no request has been in flight for ``quiet_s`` seconds."""
        with self._changed:
            while True:
                if self._in_flight == 0:
                    left = self._last + quiet_s - time.monotonic()
                    if left <= 0:
                        return
                    self._changed.wait(left)
                else:
                    self._changed.wait()


class CountRequests:
    """ASGI middleware: every HTTP request is counted in ``activity`` while it is answered."""

    def __init__(self, app: Any, activity: Activity) -> None:
        self.app = app
        self.activity = activity

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.activity.begin()
        try:
            await self.app(scope, receive, send)
        finally:
            self.activity.end()
