"""Expand the paths a user gives (files, folders, globs) into input files, in a stable order."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from crosswire.errors import NOT_FOUND
from crosswire.ingest.sidecar import SIDECAR_SUFFIX
from crosswire.records import IngestError

# A crosswire database often sits in the folder being ingested.
NOT_INPUT = (SIDECAR_SUFFIX, ".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite")


def is_input_file(path: Path) -> bool:
    """Hidden files, metadata sidecars and databases are not articles."""
    return path.is_file() and not path.name.startswith(".") and not path.name.endswith(NOT_INPUT)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Files in sorted order; folders recursively; globs expanded; a missing path is an error."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if is_input_file(p))
        elif path.exists():
            candidates = [path]
        else:
            candidates = sorted(Path(p) for p in glob.glob(str(raw), recursive=True))
            candidates = [
                p for q in candidates for p in ([q] if q.is_file() else sorted(q.rglob("*")))
            ]
            candidates = [p for p in candidates if is_input_file(p)]
            if not candidates:
                yield IngestError(str(raw), NOT_FOUND.code, NOT_FOUND.format(detail=str(raw)))
                continue
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate
