"""Fetching against a local HTTP server started by the test (never the internet)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crosswire.fetch import Fetcher, FetchError, download
from crosswire.fetch.watch import fetch_and_ingest, parse_interval
from crosswire.store import open_store

BODY = (
    "Dock workers in the port of Tarsk returned to work on Friday after a nine-day strike over "
    "night-shift pay, the union said. The port authority said cargo would clear within a week. "
)
PAGE = (
    "<html><head><title>Tarsk Strike Ends</title></head><body><article>"
    f"<p>{BODY}</p><p>{BODY}</p></article></body></html>"
)


class Site(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html", extra=None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        Site.hits[self.path] = Site.hits.get(self.path, 0) + 1
        Site.agents.append(self.headers.get("User-Agent", ""))
        port = self.server.server_address[1]
        if self.path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if self.path == "/page":
            return self._send(200, PAGE.encode())
        if self.path == "/flaky":
            if Site.hits[self.path] < 3:
                return self._send(503, b"busy")
            return self._send(200, PAGE.replace("Tarsk", "Vell").encode())
        if self.path == "/big":
            return self._send(200, b"x" * 5000)
        if self.path == "/feed":
            if self.headers.get("If-None-Match") == '"v1"':
                return self._send(304, b"")
            feed = (
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>'
                f"<item><title>Strike</title><link>http://127.0.0.1:{port}/page</link>"
                "<description>Short teaser.</description></item></channel></rss>"
            )
            return self._send(200, feed.encode(), "application/rss+xml", {"ETag": '"v1"'})
        return self._send(404, b"not found")


@pytest.fixture
def site():
    Site.hits, Site.agents = {}, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _fetcher() -> Fetcher:
    return Fetcher(delay=0.0, backoff=0.01, timeout=5, max_bytes=4096)


def test_polite_get_names_crosswire_and_respects_robots(site):
    fetcher = _fetcher()
    assert fetcher.get(f"{site}/page").status == 200
    assert all(agent.startswith("crosswire/") for agent in Site.agents)
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(f"{site}/private/page")
    assert "/private/page" not in Site.hits


def test_retries_with_backoff_then_succeeds(site):
    assert _fetcher().get(f"{site}/flaky").status == 200
    assert Site.hits["/flaky"] == 3


def test_size_cap_and_missing_pages_are_errors(site):
    with pytest.raises(FetchError, match="larger than"):
        _fetcher().get(f"{site}/big")
    with pytest.raises(FetchError, match="404"):
        _fetcher().get(f"{site}/nope")


def test_teaser_feed_fetches_linked_pages_and_304_costs_nothing(site, tmp_path):
    validators: dict = {}
    result = download([f"{site}/feed"], tmp_path, _fetcher(), validators)
    assert [p.suffix for p in result.files] == [".html"]
    assert Site.hits["/page"] == 1
    again = download([f"{site}/feed"], tmp_path, _fetcher(), validators)
    assert again.not_modified == 1 and again.files == []


def test_fetch_and_ingest_is_idempotent(site, tmp_path, config):
    store = open_store(config.db)
    urls = [f"{site}/page", f"{site}/nope"]
    first = fetch_and_ingest(urls, tmp_path / "dl", config, store, _fetcher())
    assert len(first.added) == 1
    assert [e.code for e in first.errors] == ["E013"]
    article = store.get_article(first.added[0])
    assert article.url == f"{site}/page"
    second = fetch_and_ingest(urls, tmp_path / "dl", config, store, _fetcher())
    assert second.added == [] and store.count_articles() == 1
    store.close()


def test_parse_interval():
    assert parse_interval("15m") == 900
    assert parse_interval("2h") == 7200
    assert parse_interval("30") == 30
    with pytest.raises(ValueError):
        parse_interval("soon")
