"""A polite HTTP client: robots.txt, a per-host delay, timeouts, a size cap, retries with
backoff, and a User-Agent that names crosswire."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from urllib.parse import urlsplit

from crosswire import __version__

USER_AGENT = f"crosswire/{__version__} (news comparison; +https://github.com/crosswire/crosswire)"
RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A URL that could not be fetched, with the reason a user can act on."""


@dataclass(slots=True)
class Response:
    url: str
    status: int
    content_type: str
    body: bytes
    fetched: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class Fetcher:
    """Fetch URLs politely. One instance per run keeps robots.txt and per-host timing.

    Examples:
        >>> Fetcher(delay=0.5).user_agent.startswith("crosswire/")
        True
    """

    delay: float = 1.0
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """robots.txt says this User-Agent may fetch the URL (a missing robots.txt allows)."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                response = self._request(f"{root}/robots.txt", retries=0)
                parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
            except FetchError as exc:
                # No robots.txt (404) allows everything; refusal (401/403) allows nothing.
                parser = None if " 401" in str(exc) or " 403" in str(exc) else parser
                if parser is not None:
                    parser.parse([])
            self._robots[root] = parser
        robots = self._robots[root]
        return robots is not None and robots.can_fetch(self.user_agent, url)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET a URL that robots.txt allows; 304 Not Modified comes back with an empty body."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https URLs are fetched")
        if not self.allowed(url):
            raise FetchError(f"{url}: disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, self.retries, headers)

    def _request(self, url: str, retries: int, headers: dict[str, str] | None = None) -> Response:
        host = urlsplit(url).netloc
        attempt = 0
        while True:
            self._wait_for(host)
            request = urllib.request.Request(
                url, headers={"User-Agent": self.user_agent, **(headers or {})}
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                    body = reply.read(self.max_bytes + 1)
                    if len(body) > self.max_bytes:
                        raise FetchError(f"{url}: larger than {self.max_bytes} bytes")
                    return _response(url, reply.status, reply.headers, body, reply.url)
            except urllib.error.HTTPError as exc:
                if exc.code == 304:
                    return _response(url, 304, exc.headers, b"", url)
                if exc.code not in RETRY_STATUS or attempt >= retries:
                    raise FetchError(f"{url}: HTTP {exc.code}") from exc
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                if attempt >= retries:
                    raise FetchError(f"{url}: {getattr(exc, 'reason', exc)}") from exc
            time.sleep(self.backoff * 2**attempt)
            attempt += 1


def _response(url: str, status: int, headers: Message, body: bytes, final: str) -> Response:
    return Response(
        url=final or url,
        status=status,
        content_type=headers.get("Content-Type", "") or "",
        body=body,
        fetched=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"),
    )
