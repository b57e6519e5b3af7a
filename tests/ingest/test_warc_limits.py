"""WARC records are read against one size limit: a huge claim or a bomb costs its record only,
quickly and in bounded memory."""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib

import pytest
from ingest.test_formats import _records

from crosswire.ingest import read_path
from crosswire.ingest.warc import MAX_RECORD_BYTES
from crosswire.records import IngestError, RawItem


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
