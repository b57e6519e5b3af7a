"""Pick a reader by input kind and turn one file into articles or per-item errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from crosswire.errors import UNSUPPORTED, CrosswireError
from crosswire.ingest.decode import decode_text, read_bytes
from crosswire.ingest.html import declared_charset, read_html
from crosswire.ingest.newsplease import read_newsplease
from crosswire.ingest.sidecar import apply_sidecar
from crosswire.ingest.text import read_text
from crosswire.records import IngestError, RawItem

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def input_kind(path: Path, data: bytes) -> str:
    """``html``, ``json`` or ``text`` from the name (``.gz`` aside), then from the content."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in TEXT_SUFFIXES:
        head = data[:512].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
        return "text"
    raise CrosswireError(UNSUPPORTED, detail=f"'{suffix}' files")


def read_path(path: Path) -> Iterator[RawItem | IngestError]:
    """Every article in one input file; any failure becomes an :class:`IngestError`."""
    source = str(path)
    try:
        data = read_bytes(path)
        kind = input_kind(path, data)
        if kind == "json":
            items = list(read_newsplease(source, decode_text(data)))
        elif kind == "html":
            text = decode_text(data, declared_charset(data))
            items = [read_html(source, text)]
        else:
            items = [read_text(source, decode_text(data))]
    except CrosswireError as err:
        yield IngestError(source, err.code, str(err))
        return
    for item in items:
        if isinstance(item, RawItem) and len(items) == 1:
            item = apply_sidecar(item, path)
        yield item
