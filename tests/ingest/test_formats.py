"""Feeds, WARC archives and CSV on hand-written input; WARC records against one size limit: a
huge claim or a bomb costs its record only, quickly and in bounded memory."""

from __future__ import annotations

import gzip
import io
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.ingest import read_path
from crosswire.ingest.readers import ReadOptions
from crosswire.ingest.tabular import parse_map
from crosswire.ingest.warc import MAX_RECORD_BYTES
from crosswire.records import IngestError, RawItem

PARAGRAPH = (
    "Dock workers in the port of Tarsk returned to work on Friday after a nine-day strike over "
    "night-shift pay. The port authority said cargo would clear within a week, and the union "
    "said its members had accepted the agreement by a wide margin in a vote on Thursday."
)

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>The Coastal Ledger</title><language>en</language>
<item><title>Tarsk Strike Ends</title><link>https://ledger.example/strike</link>
<guid>ledger-1</guid><pubDate>Fri, 01 May 2026 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{PARAGRAPH}</p><p>Second paragraph.</p>]]></description></item>
<item><title>Teaser only</title><link>https://ledger.example/teaser</link>
<description>Read more on our site.</description></item>
</channel></rss>"""


def test_rss_items_with_bodies_become_articles(tmp_path):
    path = tmp_path / "ledger.rss"
    path.write_text(RSS)
    items = list(read_path(path))
    article, teaser = items
    assert isinstance(article, RawItem) and isinstance(teaser, IngestError)
    assert article.outlet == "The Coastal Ledger"
    assert article.published == "2026-05-01T08:00:00Z"
    assert article.body.split("\n") == [PARAGRAPH, "Second paragraph."]
    assert article.source.endswith("#ledger-1")
    assert teaser.code == "E003"


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str = "text/html") -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": "2026-05-02T10:00:00Z"},
    )  # fmt: skip
    writer.write_record(record)


def _page(title: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH.replace('Tarsk', 'Vell')}</p></article></body></html>"
    ).encode()


def test_warc_html_responses_become_articles_and_the_rest_is_skipped(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    _response(writer, "https://ledger.example/a", _page("First Page"))
    _response(writer, "https://ledger.example/logo.png", b"\x89PNG....", ctype="image/png")
    _response(writer, "https://ledger.example/b", _page("Second Page"))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(buffer.getvalue())
    items = list(read_path(path))
    assert [i.title for i in items] == ["First Page", "Second Page"]
    assert items[0].url == "https://ledger.example/a"
    assert items[0].published == "2026-05-02"


def _records(*titles: str, compress: bool = True) -> list[bytes]:
    """Each title's response record, as the bytes (a gzip member) it takes in the archive."""
    out, buffer = [], io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for n, title in enumerate(titles):
        before = len(buffer.getvalue())
        _response(writer, f"https://ledger.example/{n}", _page(title))
        out.append(buffer.getvalue()[before:])
    return out


def _read_damaged(path: Path, data: bytes) -> tuple[list[str | None], list[IngestError]]:
    """The titles read from a damaged archive and the errors it gave."""
    path.write_bytes(data)
    items = list(read_path(path))
    titles = [i.title for i in items if isinstance(i, RawItem)]
    return titles, [i for i in items if isinstance(i, IngestError)]


def test_corrupt_record_in_the_middle_costs_only_that_record(tmp_path):
    first, second, third = _records("First Page", "Second Page", "Third Page")
    cases = {
        "garbage.warc.gz": first + gzip.compress(b"\x00\x01 not a record" * 40) + second,
        # A record whose compressed bytes are damaged half way through.
        "damaged.warc.gz": first + second[:40] + b"\xff" * 60 + second[100:] + third,
    }
    for name, data in cases.items():
        titles, errors = _read_damaged(tmp_path / name, data)
        assert titles[0] == "First Page" and titles[-1] in ("Second Page", "Third Page"), name
        assert len(titles) == 2, name
        assert len(errors) == 1 and errors[0].code == "E004", (name, errors)
        assert "corrupt record at byte" in errors[0].message, name


def test_damaged_plain_warc_reports_the_lost_record_and_reads_on(tmp_path):
    first, second, third = _records("First Page", "Second Page", "Third Page", compress=False)
    cases = {
        "garbage.warc": first + b"\x00\x01 not a record" * 40 + second + third,
        # Damaged header lines: the record loses its type, or warcio fails on it with an
        # AttributeError rather than an error of its own.
        "typeless.warc": first + second[:40] + b"\xff" * 60 + second[100:] + third,
        "mangled.warc": first + second[:100] + b"\xff" * 60 + second[160:] + third,
        # A Content-Length too large: warcio reads the next record as this one's payload.
        "overrun.warc": first + second.replace(b"Content-Length: ", b"Content-Length: 9", 1)
        + third,
    }
    for name, data in cases.items():
        titles, errors = _read_damaged(tmp_path / name, data)
        assert titles[0] == "First Page" and titles[-1] == "Third Page", (name, titles)
        assert len(errors) == 1 and errors[0].code == "E004", (name, errors)
        assert "record at byte" in errors[0].message, name
    overrun = list(read_path(tmp_path / "overrun.warc"))
    assert "Content-Length runs over the record" in overrun[1].message
    assert [i.title for i in overrun if isinstance(i, RawItem)] == ["First Page", "Third Page"]


def test_truncated_warc_keeps_what_came_before(tmp_path):
    first, second = _records("First Page", "Second Page")
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(first + second[: len(second) // 2])
    items = list(read_path(path))
    assert isinstance(items[0], RawItem) and items[0].title == "First Page"
    assert isinstance(items[-1], IngestError) and items[-1].code == "E004"
    assert "ends in the middle of a record" in items[-1].message


def test_csv_with_column_map(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "hed,copy,day,paper\n"
        f'Tarsk Strike Ends,"{PARAGRAPH}",2026-05-01,Coastal Ledger\n'
        "Empty Row,,2026-05-02,Coastal Ledger\n"
    )
    options = ReadOptions(csv_map=parse_map("title=hed,text=copy,published=day,outlet=paper"))
    article, empty = read_path(path, options)
    assert article.title == "Tarsk Strike Ends" and article.outlet == "Coastal Ledger"
    assert article.published == "2026-05-01"
    assert isinstance(empty, IngestError)
    (no_map,) = read_path(path)
    assert isinstance(no_map, IngestError) and "--map" in no_map.message


def test_a_table_with_a_header_and_no_rows_is_an_error_not_silence(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_text("title,text,published,outlet\r\n")
    (item,) = read_path(path)
    assert isinstance(item, IngestError) and item.code == "E001"
    assert "no rows" in item.message


def test_an_archive_reader_failure_keeps_what_was_read_and_ends_in_an_error(tmp_path, monkeypatch):
    import crosswire.ingest.readers as readers

    first, second = _records("First Page", "Second Page")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(first + second)
    real = readers.read_warc

    def failing(p):
        it = real(p)
        yield next(it)
        raise RuntimeError("disk went away")

    monkeypatch.setattr(readers, "read_warc", failing)
    items = list(read_path(path))
    assert isinstance(items[0], RawItem) and items[0].title == "First Page"
    assert isinstance(items[1], IngestError) and items[1].code == "E012"
    assert "disk went away" in items[1].message



def _claim(length: int, payload: bytes = b"<html>tiny</html>") -> bytes:
    """A record whose header declares ``length`` bytes, whatever follows it."""
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:claim-1>\r\n"
        b"WARC-Target-URI: https://ledger.example/huge\r\nContent-Type: application/http\r\n"
        + f"Content-Length: {length}\r\n\r\n".encode()
        + payload
    )


def _read(path) -> tuple[list[str | None], list[IngestError], float, int]:
    tracemalloc.start()
    began = time.perf_counter()
    try:
        items = list(read_path(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    titles = [i.title for i in items if isinstance(i, RawItem)]
    errors = [i for i in items if isinstance(i, IngestError)]
    return titles, errors, time.perf_counter() - began, peak


@pytest.mark.parametrize("compress", [True, False])
def test_a_record_declaring_3_gib_is_refused_unread_and_the_next_is_read(tmp_path, compress):
    first, second = _records("First Page", "Second Page", compress=compress)
    claim = _claim(3 << 30, b"x" * (1 << 20))
    path = tmp_path / ("claim.warc.gz" if compress else "claim.warc")
    path.write_bytes(first + (gzip.compress(claim) if compress else claim) + second)
    titles, errors, seconds, peak = _read(path)
    assert titles == ["First Page", "Second Page"]
    assert [e.code for e in errors] == ["E006"]
    assert "declares 3221225472 bytes" in errors[0].message
    assert seconds < 5 and peak < 4 * MAX_RECORD_BYTES


def test_a_bomb_after_a_short_record_in_one_gzip_member_is_bounded(tmp_path):
    first = _records("First Page")[0]
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = packer.compress(_claim(10, b"0123456789\r\n\r\n"))
    bomb += packer.compress(b"\0" * (256 << 20)) + packer.flush()  # 256 MiB in 250 KB
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(first + bomb)
    titles, errors, seconds, peak = _read(path)
    assert titles == ["First Page"]
    assert errors and {e.code for e in errors} <= {"E004", "E003"}
    assert all("\x00" not in e.message for e in errors)
    assert seconds < 10 and peak < 4 * MAX_RECORD_BYTES


def test_a_claim_full_of_zeros_is_refused_before_its_http_headers_are_read(tmp_path):
    # The HTTP headers of a response are read line by line: 256 MiB of zeros with no newline
    # would be read through, looking for their end.
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = packer.compress(_claim(256 << 20, b"HTTP/1.1 200 OK\r\nX: "))
    bomb += packer.compress(b"\0" * (256 << 20)) + packer.flush()
    path = tmp_path / "zeros.warc.gz"
    path.write_bytes(bomb)

    def inflate() -> float:
        """The baseline: inflating the record once, a block at a time."""
        began = time.perf_counter()
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = bomb
        while data:
            inflater.decompress(data, 1 << 16)
            data = inflater.unconsumed_tail
        return time.perf_counter() - began

    # Best of three each: on a loaded machine one slow round of either decides nothing.
    inflate_s = min(inflate() for _ in range(3))
    reads = [_read(path) for _ in range(3)]
    for titles, errors, _, _ in reads:
        assert titles == [] and [e.code for e in errors] == ["E006"]
    seconds = min(r[2] for r in reads)
    assert seconds < inflate_s / 4, (seconds, inflate_s)
