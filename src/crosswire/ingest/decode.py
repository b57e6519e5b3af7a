"""Bytes to text: gzip, encodings, and the checks that turn bad input into a clear error."""

from __future__ import annotations

import codecs
import re
import zlib
from pathlib import Path

from charset_normalizer import from_bytes

from crosswire.errors import BINARY, BROKEN_GZIP, EMPTY, TOO_LARGE, UNREADABLE, CrosswireError

MAX_BYTES = 50 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
MULTI_BYTE = {
    "utf_16",
    "utf_32",
    "shift_jis",
    "cp932",
    "euc_jp",
    "gb2312",
    "gbk",
    "gb18030",
    "big5",
    "euc_kr",
    "cp949",
    "iso2022_jp",
    "hz",
    "big5hkscs",
    "johab",
}


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's content, decompressed when gzipped; errors are :class:`CrosswireError`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CrosswireError(TOO_LARGE, detail=f"{size} bytes > {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        raise CrosswireError(UNREADABLE, detail=exc.strerror or str(exc)) from exc
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes)
    if not data.strip():
        raise CrosswireError(EMPTY, detail="0 bytes" if not data else "only whitespace")
    return data


def gunzip(data: bytes, max_bytes: int = MAX_BYTES) -> bytes:
    """Decompress every member against one size limit, refusing truncated streams (``gzip``
    would silently return a prefix, and inflate a bomb in a later member without bound)."""
    parts: list[bytes] = []
    size = 0
    rest = data
    while rest.startswith(GZIP_MAGIC):
        decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            out = decomp.decompress(rest, max_bytes + 1 - size)
        except zlib.error as exc:
            raise CrosswireError(BROKEN_GZIP, detail=str(exc)) from exc
        size += len(out)
        if size > max_bytes:
            raise CrosswireError(TOO_LARGE, detail=f"more than {max_bytes} bytes once decompressed")
        if not decomp.eof:
            raise CrosswireError(BROKEN_GZIP, detail="the stream ends before its last block")
        parts.append(out)
        rest = decomp.unused_data
    return b"".join(parts)


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_MIXED = "crosswire-cp1252-fallback"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error(_MIXED, _cp1252_fallback)


BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    head = data[:8192]
    if head.startswith(tuple(bom for bom, _ in BOMS)):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode text: a BOM or UTF-8 first, then a declared charset, then detection.

    Latin-1 and Windows-1252 files are common in news archives; detection keeps them from
    becoming mojibake instead of failing.
    """
    # A byte-order mark names the encoding before any test: UTF-16 and UTF-32 text is full of
    # NUL bytes. UTF-32 first: its little-endian mark starts like UTF-16's.
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if looks_binary(data):
        raise CrosswireError(BINARY, detail="control bytes in the content")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        # Mixed: valid UTF-8 sequences beside stray single bytes (a Latin-1 paragraph pasted
        # into a UTF-8 page). Keep the UTF-8 and read each stray byte as Windows-1252.
        return data.decode("utf-8", errors=_MIXED)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    # Detection cannot tell the single-byte Western encodings apart on short texts; news in
    # a Latin script is far more often Windows-1252/Latin-1 than Central European, so those
    # win unless detection finds a multi-byte encoding.
    if best is not None and best.encoding.replace("-", "_") in MULTI_BYTE:
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return str(best) if best is not None else data.decode("latin-1")
