"""One store per request thread, opened and used in that thread only.

SQLite connections must not cross threads, and FastAPI runs a sync endpoint, its dependencies
and their clean-up in whichever pool threads are free: a store opened by a dependency is used,
or closed, in another thread (about one request in ten failed that way). Here the endpoint
itself asks for its thread's store. A store is kept per thread, not opened per request:
opening one checks the schema, which costs 5 ms on SQLite and 100 ms on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from crosswire.store import SQLiteStore, Store, open_store
from crosswire.store.readonly import ReadOnlySQLiteStore

# A web request that writes (a follow, a cached comparison) waits this long for an ingest's
# write lock, not the minute a batch job waits: the page is answered either way.
WEB_BUSY_MS = 250


def is_sqlite(url: str) -> bool:
    return not url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def open_for_web(url: str, read_only: bool) -> Store:
    if read_only and is_sqlite(url):
        return ReadOnlySQLiteStore(sqlite_path(url), timeout=WEB_BUSY_MS / 1000)
    store = open_store(url)
    if isinstance(store, SQLiteStore):
        store.execute(f"PRAGMA busy_timeout = {WEB_BUSY_MS}")
    return store


def cannot_write(url: str) -> bool:
    """True when a SQLite database exists but opening it for writing fails (a read-only file,
    folder or mount)."""
    if not is_sqlite(url):
        return False
    try:
        open_store(url).close()
    except sqlite3.OperationalError:
        return True
    return False


class Stores:
    """The stores of the request threads, each opened on first use in its thread."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self._local = threading.local()

    @contextmanager
    def session(self) -> Iterator[Store]:
        """This thread's store for one request; any read transaction is ended after it (an
        open one on PostgreSQL would hold locks that an ingest's migrations wait for)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_for_web(self.url, self.read_only)
            self._local.store = store
        try:
            yield store
        except Exception:
            self._reset(store)
            raise
        else:
            store.conn.rollback()

    def _reset(self, store: Store) -> None:
        """After a failure the connection may be unusable (a server restarted): drop it."""
        try:
            store.conn.rollback()
        except Exception:
            self._local.store = None
            # A connection already broken cannot be closed either.
            with suppress(Exception):
                store.close()

    def close(self) -> None:
        """Close this thread's store (the others close with their threads)."""
        store = getattr(self._local, "store", None)
        if store is not None:
            self._local.store = None
            store.close()
