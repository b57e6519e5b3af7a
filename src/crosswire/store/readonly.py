"""A SQLite database read where it cannot be written: a read-only file, folder or mount."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from crosswire.store.sqlite import SQLiteStore


class ReadOnlySQLiteStore(SQLiteStore):
    """A SQLite file opened for reading only: no schema changes, no journal-mode switch.

    Used when the file or its folder cannot be written. A database in WAL mode needs its
    ``-shm`` file to be read; in a read-only folder without one, the file is opened as
    immutable (nothing can be writing it there).
    """

    def __init__(self, path: str, timeout: float = 5.0) -> None:
        self.timeout = timeout
        super().__init__(path)

    def _connect(self) -> sqlite3.Connection:
        uri = f"file:{quote(str(Path(self.path).resolve()))}"
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=self.timeout)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
        return conn

    def _create_schema(self) -> None:
        """Nothing to create: a read-only database is served as it is."""
