"""WARC / WARC.gz archives (warcio): HTML responses become articles; the rest is skipped."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from crosswire.errors import BROKEN_GZIP, EMPTY, NO_ARTICLE, TOO_LARGE, CrosswireError
from crosswire.ingest.decode import decode_text
from crosswire.ingest.html import declared_charset, read_html
from crosswire.records import IngestError, RawItem

MAX_RECORD_BYTES = 20 * 1024 * 1024


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def gzip_is_complete(path: Path, start: int = 0, chunk: int = 1 << 20) -> bool:
    """Whether every gzip member from ``start`` on ends properly (warcio stops quietly at a
    cut)."""
    decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    started = False
    with path.open("rb") as stream:
        stream.seek(start)
        while data := stream.read(chunk):
            while data:
                started = True
                try:
                    decomp.decompress(data, 0)
                except zlib.error:
                    return False
                if not decomp.eof:
                    break
                data = decomp.unused_data
                decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                started = False
    return not started


# Where a record can start: a gzip member (each record of a .warc.gz is one) or a WARC header.
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."


def next_record_start(path: Path, start: int, magic: bytes, chunk: int = 1 << 20) -> int | None:
    """Offset of the first ``magic`` at or after ``start``: where reading can resume after a
    corrupt record (a false hit inside compressed data fails again and the search goes on)."""
    with path.open("rb") as stream:
        stream.seek(start)
        tail = b""
        base = start
        while data := stream.read(chunk):
            window = tail + data
            found = window.find(magic)
            if found >= 0:
                return base - len(tail) + found
            tail = window[-(len(magic) - 1) :]
            base += len(data)
    return None


def read_warc(path: Path) -> Iterator[RawItem | IngestError]:
    """Stream the archive record by record. A corrupt record gets one error and reading
    resumes at the next record; what came before and after it is kept."""
    source = str(path)
    if path.stat().st_size == 0:
        yield IngestError(source, EMPTY.code, EMPTY.format(detail="0 bytes"))
        return
    name = path.name.lower()
    magic = _GZIP_MAGIC if name.endswith(".gz") else _WARC_MAGIC
    counts = {"said": 0, "skipped": 0}
    pos: int | None = 0
    tail = 0  # where the last reading pass began: the part a cut at the end would be in
    corrupt: tuple[int, str] | None = None  # where the unreadable stretch began, and why
    plain = not name.endswith(".gz")
    with path.open("rb") as stream, path.open("rb") as peek:
        while pos is not None:
            stream.seek(pos)
            tail = pos
            records = ArchiveIterator(stream)
            last_end = pos
            try:
                for item, end in _records(records, source, counts, peek if plain else None):
                    if corrupt is not None:
                        yield _corrupt_error(source, corrupt, resumed=pos)
                        corrupt = None
                    last_end = end
                    if item is not None:
                        yield item
                pos = None
            except Exception as exc:  # noqa: BLE001 - warcio fails on damage in many ways
                # (ArchiveLoadFailed, EOFError, ValueError, and AttributeError on a mangled
                # header line); each one means the bytes here are not a readable record.
                if corrupt is None:
                    corrupt = (last_end, str(exc))
                arc = name.endswith((".arc", ".arc.gz"))
                pos = None if arc else next_record_start(path, max(last_end, pos) + 1, magic)
    if corrupt is not None:
        yield _corrupt_error(source, corrupt, resumed=None)
    said, skipped = counts["said"], counts["skipped"]
    if name.endswith(".gz") and not gzip_is_complete(path, tail):
        detail = "WARC: the archive ends in the middle of a record"
        yield IngestError(source, BROKEN_GZIP.code, BROKEN_GZIP.format(detail=detail))
    elif not said:
        detail = f"no HTML response among {skipped} WARC records"
        yield IngestError(source, NO_ARTICLE.code, NO_ARTICLE.format(detail=detail))


def _records(
    records: ArchiveIterator, source: str, counts: dict[str, int], peek: BinaryIO | None
) -> Iterator[tuple[RawItem | IngestError | None, int]]:
    """Each record's article (or error, or None when skipped) with the offset where it ends.

    ``peek`` (plain archives only) rereads each record's bytes: a Content-Length too large
    swallows the records after it without any error from warcio, so a WARC header inside a
    record stops reading there (the caller resumes at that header).
    """
    for record in records:
        ctype = (
            (record.http_headers.get_header("Content-Type") or "")
            if (record.http_headers is not None)
            else ""
        )
        wanted = record.rec_type == "response" and "html" in ctype.lower()
        item = _article(record, source) if wanted else None
        offset, length = records.get_record_offset(), records.get_record_length()
        if peek is not None:
            inner = _inner_header(peek, offset, length)
            if inner is not None:
                raise ValueError(f"its Content-Length runs over the record at byte {inner}")
        counts["said" if wanted else "skipped"] += 1
        if not record.rec_type:
            # Every record names its type; without one its header block is damaged.
            detail = f"WARC: record at byte {offset} has no WARC-Type (damaged header)"
            item = IngestError(
                f"{source}@{offset}", BROKEN_GZIP.code, BROKEN_GZIP.format(detail=detail)
            )
        yield item, offset + length


def _inner_header(peek: BinaryIO, offset: int, length: int) -> int | None:
    """Offset of a WARC record header inside the record at ``offset`` (None: none)."""
    peek.seek(offset + 1)
    data = peek.read(max(0, length - 1))
    k = data.find(b"\nWARC/1.")
    while k >= 0:
        head = data[k : k + 512]
        if b"\nWARC-Type:" in head and b"\nWARC-Record-ID:" in head:
            return offset + 1 + k + 1
        k = data.find(b"\nWARC/1.", k + 1)
    return None


def _article(record: ArcWarcRecord, source: str) -> RawItem | IngestError:
    url = record.rec_headers.get_header("WARC-Target-URI")
    key = f"{source}#{record.rec_headers.get_header('WARC-Record-ID') or url}"
    try:
        data = record.content_stream().read(MAX_RECORD_BYTES + 1)
        if len(data) > MAX_RECORD_BYTES:
            raise CrosswireError(TOO_LARGE, detail=f"record over {MAX_RECORD_BYTES} bytes")
        item = read_html(key, decode_text(data, declared_charset(data)), url=url)
    except CrosswireError as err:
        return IngestError(key, err.code, str(err))
    if item.published is None:
        # The fetch date bounds the publication date; grouping needs some time.
        fetched = record.rec_headers.get_header("WARC-Date")
        item.published = fetched[:10] if fetched else None
    return item


def _corrupt_error(source: str, corrupt: tuple[int, str], resumed: int | None) -> IngestError:
    start, why = corrupt
    why = " ".join(why.split())
    why = why if len(why) <= 120 else why[:117] + "..."
    after = f"reading resumed at byte {resumed}" if resumed is not None else "nothing after it"
    detail = f"WARC: corrupt record at byte {start} ({why}); {after}"
    return IngestError(f"{source}@{start}", BROKEN_GZIP.code, BROKEN_GZIP.format(detail=detail))
