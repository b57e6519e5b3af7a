"""WARC / WARC.gz archives (warcio): HTML responses become articles; the rest is skipped."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crosswire.errors import BROKEN_GZIP, EMPTY, NO_ARTICLE, TOO_LARGE, CrosswireError
from crosswire.ingest.decode import decode_text
from crosswire.ingest.html import declared_charset, read_html
from crosswire.records import IngestError, RawItem

MAX_RECORD_BYTES = 20 * 1024 * 1024


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def gzip_is_complete(path: Path, chunk: int = 1 << 20) -> bool:
    """Whether every gzip member of the file ends properly (warcio stops quietly at a cut)."""
    decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    started = False
    with path.open("rb") as stream:
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


def read_warc(path: Path) -> Iterator[RawItem | IngestError]:
    """Stream the archive record by record; a corrupt record ends the archive with an error
    after everything before it was read."""
    source = str(path)
    if path.stat().st_size == 0:
        yield IngestError(source, EMPTY.code, EMPTY.format(detail="0 bytes"))
        return
    said = skipped = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                ctype = (
                    (record.http_headers.get_header("Content-Type") or "")
                    if (record.http_headers is not None)
                    else ""
                )
                if record.rec_type != "response" or "html" not in ctype.lower():
                    skipped += 1
                    continue
                said += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                key = f"{source}#{record.rec_headers.get_header('WARC-Record-ID') or url}"
                try:
                    data = record.content_stream().read(MAX_RECORD_BYTES + 1)
                    if len(data) > MAX_RECORD_BYTES:
                        raise CrosswireError(
                            TOO_LARGE, detail=f"record over {MAX_RECORD_BYTES} bytes"
                        )
                    item = read_html(key, decode_text(data, declared_charset(data)), url=url)
                except CrosswireError as err:
                    yield IngestError(key, err.code, str(err))
                    continue
                if item.published is None:
                    # The fetch date bounds the publication date; grouping needs some time.
                    fetched = record.rec_headers.get_header("WARC-Date")
                    item.published = fetched[:10] if fetched else None
                yield item
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            yield IngestError(source, BROKEN_GZIP.code, BROKEN_GZIP.format(detail=f"WARC: {exc}"))
            return
    if path.name.lower().endswith(".gz") and not gzip_is_complete(path):
        detail = "WARC: the archive ends in the middle of a record"
        yield IngestError(source, BROKEN_GZIP.code, BROKEN_GZIP.format(detail=detail))
    elif not said:
        detail = f"no HTML response among {skipped} WARC records"
        yield IngestError(source, NO_ARTICLE.code, NO_ARTICLE.format(detail=detail))
