"""Storage behind one interface, chosen by URL scheme (``sqlite:///``, a path, ``postgresql://``)."""

from __future__ import annotations

from crosswire.store.base import Store
from crosswire.store.sqlite import SQLiteStore


def open_store(url: str) -> Store:
    """Open the store a URL names: a file path or ``sqlite:///path`` (default), or PostgreSQL.

    Examples:
        >>> store = open_store(":memory:")
        >>> store.count_articles()
        0
    """
    if url.startswith(("postgresql://", "postgres://")):
        from crosswire.store.postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SQLiteStore(url)


__all__ = ["SQLiteStore", "Store", "open_store"]
