"""Hostile inputs through ``crosswire ingest``, each in its own process: peak memory and wall
time per case against the targets (500 MB, 30 s), beside an ordinary ingest (the demo)
measured in the same run as the baseline.

Every case of issue 14's table that is an input, and the ones that already held (random
bytes, a truncated and a byte-flipped page, deep nesting, a gzip bomb in the first member,
lying WARC lengths, entity expansion and external entities in a feed, links and FIFOs), is
written into a temporary folder (about 15 MB, a minute to make), then ingested. ``--floor``
exits non-zero when a case misses a target or does not end in the outcome it should.

    python bench/hostile.py [--floor] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
PEAK_MB = 500
SECONDS = 30

BODY = (
    "The ferry service between Quillan and Marrow Point resumed on Friday after a week of "
    "storms, the harbour office of the fictional town said. About 1,200 passengers crossed "
    "on the first day, and the timetable returns to normal next week."
)
PAGE = (
    "<html><head><title>Ferry resumes - Quillan Courier</title></head><body><article>"
    f"<h1>Ferry resumes</h1><p>{BODY}</p><p>{BODY.replace('Friday', 'Monday')}</p>"
    "</article></body></html>"
)


def _bomb(size: int, head: bytes = b"") -> bytes:
    """A gzip member of ``head`` and ``size`` zero bytes (about a thousandth of it)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [packer.compress(head)]
    block = b"\0" * (1 << 24)
    for _ in range(size // len(block)):
        out.append(packer.compress(block))
    return b"".join(out) + packer.flush()


def _warc_head(length: int, kind: str = "response") -> bytes:
    return (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:hostile-1>\r\n"
        "WARC-Target-URI: https://quillan.example/huge\r\nContent-Type: application/http\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()


def _good(folder: Path) -> None:
    """The ordinary article beside every hostile one: it must be stored whatever its
    neighbour does."""
    (folder / "good.txt").write_text(f"Ferry resumes\n\n{BODY}")


def type_confusion(folder: Path) -> None:
    records = [{"maintext": BODY, "title": 2024, "url": 42, "source_domain": {}},
               {"maintext": {"not": "text"}}]  # fmt: skip
    (folder / "bad.jsonl").write_text("\n".join(json.dumps(r) for r in records))


def utf16_and_utf32(folder: Path) -> None:
    text = BODY + " Der Fährmann grüßte."
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (folder / "utf32.html").write_bytes(
        codecs.BOM_UTF32_BE + PAGE.replace(BODY, text).encode("utf-32-be")
    )


def gzip_bomb_second_member(folder: Path) -> None:
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"a small first member\n") + _bomb(2 << 30))


def gzip_bomb_first_member(folder: Path) -> None:
    (folder / "bomb.html.gz").write_bytes(_bomb(2 << 30))


def warc_claims_3_gib(folder: Path) -> None:
    (folder / "claim.warc.gz").write_bytes(_bomb(3 << 30, _warc_head(3 << 30)))


def warc_lying_lengths(folder: Path) -> None:
    html = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}".encode()
    honest = _warc_head(len(html)).replace(b"hostile-1", b"hostile-2") + html + b"\r\n\r\n"
    (folder / "short.warc").write_bytes(_warc_head(10) + html + b"\r\n\r\n" + honest)
    (folder / "long.warc").write_bytes(_warc_head(len(html) * 50) + html + b"\r\n\r\n" + honest)
    # A short record, then a gigabyte of zeros in the same gzip member.
    (folder / "tail.warc.gz").write_bytes(_bomb(1 << 30, _warc_head(10) + b"0123456789\r\n"))


def deep_json_line(folder: Path) -> None:
    good = json.dumps({"maintext": BODY, "title": "Ferry back"})
    (folder / "deep.jsonl").write_text(good + "\n" + "[" * 100_000 + "\n" + good.replace(
        "Ferry back", "Ferry runs"))  # fmt: skip


def tagless_page(folder: Path) -> None:
    row = (f'div class="row">p>{BODY}/p>a href="/more">More/a>/div>\n')
    (folder / "tagless.html").write_text(
        "!DOCTYPE html>\nhtml>head>title>Quillan/title>/head>body>" + row * (2_800_000 // len(row))
    )


def nul_bytes(folder: Path) -> None:
    (folder / "late.txt").write_text("x" * 9000 + "\n\n" + BODY[:80] + "\x00\x07 " + BODY[80:])
    (folder / "nul.json").write_text(json.dumps({"maintext": BODY + "\u0000 End.",
                                                 "title": "Fer\u0000ry"}))  # fmt: skip


def special_files(folder: Path) -> None:
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop").symlink_to(folder / "loop")
    os.mkfifo(folder / "pipe.txt")
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(BODY)
    locked.chmod(0)


def random_and_damaged(folder: Path) -> None:
    (folder / "random.html").write_bytes(os.urandom(1 << 20))
    (folder / "cut.html").write_text(PAGE[: len(PAGE) // 2])
    flipped = bytearray(PAGE.encode())
    for i in range(0, len(flipped), 37):
        flipped[i] ^= 0x5A
    (folder / "flipped.html").write_bytes(bytes(flipped))
    (folder / "deep.html").write_text("<div>" * 100_000 + f"<p>{BODY}</p>" + "</div>" * 100_000)


def hostile_feeds(folder: Path) -> None:
    laughs = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    item = "<item><title>Ferry</title><description>{}</description></item>"
    (folder / "laughs.rss").write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}]><rss version="2.0"><channel>'
        f"<title>Quillan</title>{item.format('&l9;')}</channel></rss>"
    )
    (folder / "external.rss").write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<rss version="2.0"><channel><title>Quillan</title>{item.format("&x;" + BODY)}'
        "</channel></rss>"
    )


# name -> (what it writes, the error codes it must record, articles it must store at least)
CASES: dict[str, tuple[Callable[[Path], None], set[str], int]] = {
    "type-confused JSON": (type_confusion, {"E001"}, 2),
    "UTF-16/UTF-32 with BOM": (utf16_and_utf32, set(), 3),
    "gzip bomb, second member": (gzip_bomb_second_member, {"E006"}, 1),
    "gzip bomb, first member": (gzip_bomb_first_member, {"E006"}, 1),
    "WARC claiming 3 GiB": (warc_claims_3_gib, {"E006"}, 1),
    "WARC lying lengths": (warc_lying_lengths, {"E004"}, 2),
    "JSON Lines, 100,000 [": (deep_json_line, {"E005"}, 3),
    "page whose tags lost <": (tagless_page, {"E016"}, 1),
    "NUL bytes": (nul_bytes, set(), 3),
    "links, FIFO, locked folder": (special_files, {"E007"}, 1),
    "random, cut, flipped, deep": (random_and_damaged, set(), 1),
    "entity expansion, external entity": (hostile_feeds, set(), 1),
}


def measure(command: list[str]) -> None:
    """Run ``command`` and print its exit status, peak memory (MB) and seconds as JSON: the
    peak of this process's children is then the peak of that one command."""
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"rc": done.returncode, "peak_mb": peak, "seconds": seconds,
                      "tail": (done.stdout + done.stderr)[-400:]}))  # fmt: skip


def ingest(folder: Path, db: Path) -> dict[str, object]:
    command = [sys.executable, "-m", "crosswire.cli", "ingest", str(folder), "--db", str(db),
               "--no-progress"]  # fmt: skip
    done = subprocess.run([sys.executable, __file__, "--measure", *command],
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    from crosswire.store import open_store

    with open_store(str(db)) as store:
        result["articles"] = store.count_articles()
        result["codes"] = sorted({e.code for e in store.errors()})
        result["storyless"] = len(store.unfinished_ids()[1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--floor", action="store_true", help="exit 1 when a case misses")
    parser.add_argument("--only", nargs="*", help="cases whose name contains one of these")
    if sys.argv[1:2] == ["--measure"]:  # the measuring process of one case
        measure(sys.argv[2:])
        return 0
    args = parser.parse_args()
    chosen = {n: c for n, c in CASES.items()
              if not args.only or any(o.lower() in n.lower() for o in args.only)}  # fmt: skip
    misses = 0
    with tempfile.TemporaryDirectory(prefix="crosswire-hostile-") as tmp:
        base = ingest(DEMO, Path(tmp) / "demo.db")
        print(f"baseline, the demo ingest: {base['peak_mb']:.0f} MB, {base['seconds']:.1f} s, "
              f"{base['articles']} articles")  # fmt: skip
        print(f"{'case':36} {'peak MB':>8} {'x demo':>7} {'s':>6} {'articles':>8} "
              "codes                 ok")  # fmt: skip
        for number, (name, (write, codes, least)) in enumerate(chosen.items()):
            folder = Path(tmp) / f"case{number}"
            folder.mkdir()
            _good(folder)
            write(folder)
            got = ingest(folder, Path(tmp) / f"case{number}.db")
            peak, seconds = float(got["peak_mb"]), float(got["seconds"])  # type: ignore[arg-type]
            ok = (peak < PEAK_MB and seconds < SECONDS and codes <= set(got["codes"])  # type: ignore[arg-type]
                  and int(got["articles"]) >= least and got["storyless"] == 0  # type: ignore[call-overload]
                  and "Traceback" not in str(got["tail"]))  # fmt: skip
            misses += not ok
            print(f"{name:36} {peak:8.0f} {peak / float(base['peak_mb']):7.2f} "  # type: ignore[arg-type]
                  f"{seconds:6.1f} {got['articles']:>8} {','.join(got['codes']):21} "  # type: ignore[arg-type]
                  f"{'yes' if ok else 'NO'}")  # fmt: skip
            for locked in folder.rglob("locked"):
                locked.chmod(0o755)
            shutil.rmtree(folder, ignore_errors=True)
    print(f"targets: peak under {PEAK_MB} MB and under {SECONDS} s per case; "
          f"{misses} of {len(chosen)} cases missed")  # fmt: skip
    return 1 if args.floor and misses else 0


if __name__ == "__main__":
    sys.exit(main())
