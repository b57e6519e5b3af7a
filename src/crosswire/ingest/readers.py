"""Pick a reader by input kind and turn one file into articles or per-item errors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from crosswire.errors import READER_FAILED, UNSUPPORTED, CrosswireError
from crosswire.ingest.decode import decode_text, read_bytes
from crosswire.ingest.feeds import looks_like_feed, read_feed
from crosswire.ingest.guards import check_text
from crosswire.ingest.html import declared_charset, read_html
from crosswire.ingest.newsplease import read_newsplease
from crosswire.ingest.sidecar import apply_sidecar, read_sidecar
from crosswire.ingest.tabular import read_csv
from crosswire.ingest.text import read_text
from crosswire.ingest.warc import is_warc, read_warc
from crosswire.records import IngestError, RawItem

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
CSV_SUFFIXES = {".csv", ".tsv"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass(slots=True)
class ReadOptions:
    """Per-run reader settings: CSV column names (``--map``)."""

    csv_map: dict[str, str] = field(default_factory=dict)


def input_kind(path: Path, data: bytes) -> str:
    """``html``, ``json``, ``feed``, ``csv`` or ``text``: by name (``.gz`` aside), then content."""
    name = path.name.lower().removesuffix(".gz")
    suffix = Path(name).suffix
    if looks_like_feed(data):
        return "feed"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in FEED_SUFFIXES:
        return "html"  # XML that is not a feed: XHTML at best
    if suffix in TEXT_SUFFIXES:
        head = data[:512].lstrip().lower()
        return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"
    raise CrosswireError(UNSUPPORTED, detail=f"'{suffix}' files")


def _read(path: Path, options: ReadOptions) -> list[RawItem | IngestError]:
    source = str(path)
    data = read_bytes(path)
    kind = input_kind(path, data)
    if kind == "feed":
        return list(read_feed(source, data))
    if kind == "json":
        return list(read_newsplease(source, decode_text(data)))
    if kind == "csv":
        return list(read_csv(source, decode_text(data), options.csv_map))
    if kind == "html":
        # The page's URL (from a sidecar, as `fetch` writes) helps find its outlet and title.
        url = read_sidecar(path).get("url")
        text = decode_text(data, declared_charset(data))
        return [read_html(source, text, url=url if isinstance(url, str) else None)]
    return [read_text(source, decode_text(data))]


def _within_limits(item: RawItem | IngestError) -> RawItem | IngestError:
    """The item, or its ``E016`` when its text is longer than any article."""
    if isinstance(item, RawItem):
        try:
            check_text(item.body)
        except CrosswireError as err:
            return IngestError(item.source, err.code, str(err))
    return item


def read_path(path: Path, options: ReadOptions | None = None) -> Iterator[RawItem | IngestError]:
    """Every article in one input file; any failure becomes an :class:`IngestError`."""
    options = options or ReadOptions()
    if is_warc(path):  # streamed: archives are far larger than any one page
        try:
            for item in read_warc(path):
                yield _within_limits(item)
        except Exception as exc:  # what was read before the failure is kept
            yield IngestError(str(path), READER_FAILED.code, READER_FAILED.format(detail=repr(exc)))
        return
    try:
        items = _read(path, options)
    except CrosswireError as err:
        yield IngestError(str(path), err.code, str(err))
        return
    except Exception as exc:  # a reader bug or exotic input must not end the batch
        yield IngestError(str(path), READER_FAILED.code, READER_FAILED.format(detail=repr(exc)))
        return
    for item in items:
        if isinstance(item, RawItem) and len(items) == 1:
            item = apply_sidecar(item, path)
        yield _within_limits(item)
