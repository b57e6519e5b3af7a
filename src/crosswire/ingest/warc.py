"""WARC / WARC.gz archives (warcio): HTML responses become articles; the rest is skipped."""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader
from warcio.utils import BUFF_SIZE

from crosswire.errors import BROKEN_GZIP, EMPTY, NO_ARTICLE, TOO_LARGE, CrosswireError
from crosswire.ingest.decode import decode_text
from crosswire.ingest.html import declared_charset, read_html
from crosswire.ingest.values import strip_controls
from crosswire.records import IngestError, RawItem

MAX_RECORD_BYTES = 20 * 1024 * 1024
# Header and separator lines are short; warcio reads a line until its newline, so the bytes
# after a record (a gigabyte of zeros in the same gzip member) would be one line in memory.
MAX_LINE_BYTES = 64 * 1024


class _LineBoundedReader(DecompressingBufferedReader):
    """warcio's reader with every line cut at :data:`MAX_LINE_BYTES`."""

    def readline(self, length: int | None = None) -> bytes:
        return bytes(super().readline(min(length or MAX_LINE_BYTES, MAX_LINE_BYTES)))


class Oversized(Exception):
    """A record declares more bytes than :data:`MAX_RECORD_BYTES`: it is not read at all."""

    def __init__(self, declared: int) -> None:
        self.declared = declared
        super().__init__(f"declares {declared} bytes")


class _BoundedLoader(ArcWarcRecordLoader):
    """warcio's record loader, refusing a record by its declared length before it reads the
    record's HTTP headers (a 3 GiB claim of zeros would be read through, looking for them)."""

    def load_http_headers(self, rec_type: str, uri: str, stream: Any, length: int | None) -> Any:
        if length is not None and length > MAX_RECORD_BYTES:
            raise Oversized(length)
        return super().load_http_headers(rec_type, uri, stream, length)


class BoundedArchiveIterator(ArchiveIterator):
    """warcio's iterator with records bounded by their declared length and lines bounded;
    its warning about a bad separator line (printed with the line) is left out: the caller
    reports the damage."""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__(stream)
        self.loader = _BoundedLoader()
        self.reader = _LineBoundedReader(self.fh, block_size=BUFF_SIZE)

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        with contextlib.redirect_stderr(io.StringIO()):
            return super()._consume_blanklines()  # type: ignore[no-any-return]


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def gzip_is_complete(
    path: Path, start: int = 0, chunk: int = 1 << 16, limit: int = 2 * MAX_RECORD_BYTES
) -> bool:
    """Whether every gzip member from ``start`` on ends properly (warcio stops quietly at a
    cut). Inflated a block at a time: a 1 MiB chunk of a bomb would inflate to a gigabyte
    at once. A member inflating past ``limit`` is no record (reading reported it): the check
    stops there rather than inflate a bomb to its end."""
    decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    started, inflated = False, 0
    with path.open("rb") as stream:
        stream.seek(start)
        while data := stream.read(chunk):
            while data:
                started = True
                try:
                    inflated += len(decomp.decompress(data, chunk))
                except zlib.error:
                    return False
                if inflated > limit:
                    return True
                if decomp.unconsumed_tail:
                    data = decomp.unconsumed_tail
                    continue
                if not decomp.eof:
                    break
                data = decomp.unused_data
                decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                started, inflated = False, 0
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
    resumes at the next record; what came before and after it is kept. A record declaring
    more than :data:`MAX_RECORD_BYTES` is one ``E006`` without reading its payload (warcio
    would inflate and read all of it to reach the next record)."""
    source = str(path)
    if path.stat().st_size == 0:
        yield IngestError(source, EMPTY.code, EMPTY.format(detail="0 bytes"))
        return
    name = path.name.lower()
    magic = _GZIP_MAGIC if name.endswith(".gz") else _WARC_MAGIC
    counts = {"said": 0, "skipped": 0, "oversized": 0}
    pos: int | None = 0
    tail = 0  # where the last reading pass began: the part a cut at the end would be in
    corrupt: tuple[int, str] | None = None  # where the unreadable stretch began, and why
    plain = not name.endswith(".gz")
    with path.open("rb") as stream, path.open("rb") as peek:
        while pos is not None:
            stream.seek(pos)
            tail = pos
            records = BoundedArchiveIterator(stream)
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
            except Oversized as big:
                start = max(records.offset, pos)  # where the refused record begins
                detail = (f"WARC: record at byte {start} declares {big.declared} bytes, over "
                          f"the limit of {MAX_RECORD_BYTES}")  # fmt: skip
                yield IngestError(
                    f"{source}@{start}", TOO_LARGE.code, TOO_LARGE.format(detail=detail)
                )
                counts["oversized"] += 1
                pos = next_record_start(path, start + 1, magic)
                tail = -1 if pos is None else pos  # the rest of the file is that record
            except Exception as exc:  # noqa: BLE001 - warcio fails on damage in many ways
                # (ArchiveLoadFailed, EOFError, ValueError, and AttributeError on a mangled
                # header line); each one means the bytes here are not a readable record.
                if corrupt is None:
                    corrupt = (max(last_end, pos), str(exc))
                arc = name.endswith((".arc", ".arc.gz"))
                pos = None if arc else next_record_start(path, max(last_end, pos) + 1, magic)
    if corrupt is not None:
        yield _corrupt_error(source, corrupt, resumed=None)
    said, skipped = counts["said"], counts["skipped"]
    if name.endswith(".gz") and tail >= 0 and not gzip_is_complete(path, tail):
        detail = "WARC: the archive ends in the middle of a record"
        yield IngestError(source, BROKEN_GZIP.code, BROKEN_GZIP.format(detail=detail))
    elif not said and not counts["oversized"]:
        detail = f"no HTML response among {skipped} WARC records"
        yield IngestError(source, NO_ARTICLE.code, NO_ARTICLE.format(detail=detail))


def _records(
    records: BoundedArchiveIterator, source: str, counts: dict[str, int], peek: BinaryIO | None
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
    why = " ".join(strip_controls(why).split())
    why = why if len(why) <= 120 else why[:117] + "..."
    after = f"reading resumed at byte {resumed}" if resumed is not None else "nothing after it"
    detail = f"WARC: corrupt record at byte {start} ({why}); {after}"
    return IngestError(f"{source}@{start}", BROKEN_GZIP.code, BROKEN_GZIP.format(detail=detail))
