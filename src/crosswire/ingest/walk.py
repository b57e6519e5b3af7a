"""Expand the paths a user gives (files, folders, globs) into input files, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from crosswire.errors import NOT_FOUND, UNREADABLE
from crosswire.ingest.sidecar import SIDECAR_SUFFIX
from crosswire.records import IngestError

# A crosswire database often sits in the folder being ingested.
NOT_INPUT = (SIDECAR_SUFFIX, ".db", ".db-wal", ".db-shm", ".db-journal", ".db-lock", ".sqlite",
             ".sqlite-lock")


def is_input_file(path: Path) -> bool:
    """Hidden files, metadata sidecars and databases are not articles."""
    return path.is_file() and not path.name.startswith(".") and not path.name.endswith(NOT_INPUT)


def _walk(folder: Path) -> Iterator[Path | IngestError]:
    """A folder's input files, sorted, with one error per path that cannot be read: an
    unreadable folder, a broken or looping link, a FIFO or other special file."""
    found: list[Path | IngestError] = []

    def unreadable(exc: OSError) -> None:
        name = exc.filename or str(folder)
        found.append(
            IngestError(
                str(name),
                UNREADABLE.code,
                UNREADABLE.format(detail=f"{name}: {exc.strerror or exc}"),
            )
        )

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in [*files, *(d for d in dirs if (Path(root) / d).is_symlink())]:
            path = Path(root) / name
            if name.startswith(".") or name.endswith(NOT_INPUT):
                continue
            if path.is_file():
                found.append(path)
                continue
            why = "a broken or looping link" if path.is_symlink() else "not a regular file"
            if path.is_symlink() and path.is_dir():
                why = "a link to a folder (not followed)"
            found.append(
                IngestError(str(path), UNREADABLE.code, UNREADABLE.format(detail=f"{path}: {why}"))
            )
    yield from sorted(found, key=lambda f: str(f.source if isinstance(f, IngestError) else f))


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Files in sorted order; folders recursively; globs expanded; a missing path is an error."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for entry in _walk(path):
                if isinstance(entry, IngestError):
                    yield entry
                elif entry not in seen:
                    seen.add(entry)
                    yield entry
            continue
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
