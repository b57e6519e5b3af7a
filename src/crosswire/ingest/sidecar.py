"""``NAME.meta.json`` beside an input file overrides the metadata crosswire infers."""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.ingest.values import as_text
from crosswire.records import RawItem

SIDECAR_SUFFIX = ".meta.json"
FIELDS = ("title", "outlet", "url", "published", "authors", "language")


def sidecar_path(path: Path) -> Path:
    name = path.name
    for suffix in (".gz", ".html", ".htm", ".txt", ".json", ".jsonl"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return path.with_name(name + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, object]:
    """The sidecar's fields, or nothing when it is missing or broken."""
    meta_path = sidecar_path(path)
    if not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return meta if isinstance(meta, dict) else {}


def apply_sidecar(item: RawItem, path: Path) -> RawItem:
    """Copy the sidecar's fields onto the item; a missing or broken sidecar changes nothing."""
    meta = read_sidecar(path)
    for field in FIELDS:
        value = meta.get(field)
        if field == "authors":
            names = value if isinstance(value, list) else [value]
            authors = [name for name in map(as_text, names) if name]
            if authors:
                item.authors = authors
        elif (text := as_text(value)) is not None:  # a number becomes text; an object is unknown
            setattr(item, field, text)
    return item
