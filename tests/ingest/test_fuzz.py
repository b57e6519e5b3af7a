"""Every reader survives arbitrary input: one item or one clear error, never an exception.

Pages, feeds, WARC archives, JSON Lines and CSV, each from a real-looking template mutated
(byte flips, truncation, gzip), re-encoded, or filled with values of every JSON type. The
number of examples comes from the hypothesis profile (tests/conftest.py): a handful in the
suite, thousands with ``bench/fuzz.py``.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.ingest import read_path
from crosswire.records import IngestError, RawItem

PAGE = (
    "<html><head><title>Flood Barrier Holds - Valley Herald</title></head><body><article>"
    "<p>The flood barrier at Orvel held overnight, engineers said on Sunday.</p>"
    "<p>“The wall is sound,” chief engineer Ida Brannock said, adding that 340 households "
    "could return home by Tuesday.</p></article></body></html>"
)
BODY = (
    "The flood barrier at Orvel held overnight, engineers said on Sunday. The wall is sound, "
    "chief engineer Ida Brannock said, adding that 340 households could return by Tuesday."
)
FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Valley Herald'
    "</title><item><title>Barrier holds</title><link>https://valley.example/a</link>"
    f"<description><![CDATA[<p>{BODY}</p>]]></description></item><item><title>Roads open"
    f"</title><link>https://valley.example/b</link><description>{BODY.replace('Orvel', 'Tarn')}"
    "</description></item></channel></rss>"
)
SUFFIXES = [".txt", ".html", ".html.gz", ".json", ".jsonl", ".csv", ".rss", ".warc.gz", ".md"]
FIELDS = ["title", "maintext", "url", "source_domain", "authors", "date_publish", "language",
          "id", "description"]  # fmt: skip
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
          "latin-1"]  # fmt: skip
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),  # fmt: skip
    max_leaves=6,
)
mutations = st.tuples(
    st.floats(min_value=0, max_value=1),  # where to cut, as a share of the length
    st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 255)), max_size=8),
)


def _warc(compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for n in range(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://valley.example/{n}", "response", payload=io.BytesIO(PAGE.encode()),
            http_headers=headers,
        )  # fmt: skip
        writer.write_record(record)
    return buffer.getvalue()


def _csv() -> str:
    out = io.StringIO()
    rows = csv.writer(out)
    rows.writerow(["title", "text", "published", "outlet"])
    rows.writerow(["Barrier holds", BODY, "2026-04-01", "Valley Herald"])
    rows.writerow(["Roads open", BODY.replace("Orvel", "Tarn"), "2026-04-02", "Valley Herald"])
    return out.getvalue()


TEMPLATES = {
    "page.html": PAGE.encode(),
    "page.txt": BODY.encode(),
    "feed.rss": FEED.encode(),
    "crawl.warc.gz": _warc(True),
    "crawl.warc": _warc(False),
    "lines.jsonl": "\n".join(json.dumps({"title": t, "maintext": BODY + t})
                             for t in ("Barrier holds", "Roads open")).encode(),  # fmt: skip
    "table.csv": _csv().encode(),
}
# Files that are one document: one item or one error, exactly.
SINGLE = {"page.html", "page.txt"}


def _mutate(data: bytes, mutation: tuple[float, list[tuple[float, int]]]) -> bytes:
    cut, flips = mutation
    out = bytearray(data[: max(1, round(len(data) * cut))] if cut < 1 else data)
    for where, value in flips:
        out[min(len(out) - 1, int(where * len(out)))] = value
    return bytes(out)


def _check(path: Path, records: int = 1) -> list[RawItem | IngestError]:
    """The reader's answer: something about every file, only items and coded errors, and no
    more answers than records (and a file-level error or two)."""
    items = list(read_path(path))
    assert items, "a reader must say something about every file"
    assert all(isinstance(i, (RawItem, IngestError)) for i in items)
    for item in items:
        if isinstance(item, IngestError):
            assert item.code.startswith("E") and item.message
    assert len(items) <= records + 2, items
    return items


@FUZZ
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    _check(path, records=8)


@FUZZ
@given(name=st.sampled_from(sorted(TEMPLATES)), mutation=mutations, gz=st.booleans())
def test_mutated_inputs_of_every_kind(tmp_path_factory, name, mutation, gz):
    payload = _mutate(TEMPLATES[name], mutation)
    if gz and not name.endswith(".gz"):
        packed = gzip.compress(payload)
        payload = packed[: max(1, round(len(packed) * mutation[0]))] if mutation[0] < 1 else packed
        name += ".gz"
    path = tmp_path_factory.mktemp("mut") / name
    path.write_bytes(payload)
    items = _check(path, records=2)
    if name in SINGLE:
        assert len(items) == 1


@FUZZ
@given(name=st.sampled_from(["page.html", "page.txt"]), codec=st.sampled_from(CODECS))
def test_encodings(tmp_path_factory, name, codec):
    text = TEMPLATES[name].decode().replace("Tuesday.", "Tuesday. Der Fährmann grüßte.")
    path = tmp_path_factory.mktemp("enc") / name
    path.write_bytes(BOMS.get(codec, b"") + text.encode(codec, errors="replace"))
    (item,) = _check(path)
    if codec.startswith("utf"):  # a byte-order mark (or UTF-8) names the encoding
        assert isinstance(item, RawItem) and "Fährmann grüßte" in item.body


@FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(FIELDS), json_values), min_size=1,
                        max_size=4))  # fmt: skip
def test_type_confusion_in_json_lines_costs_one_line_each(tmp_path_factory, records):
    lines = [json.dumps({"maintext": BODY, **record}) for record in records]
    path = tmp_path_factory.mktemp("json") / "lines.jsonl"
    path.write_text("\n".join(lines))
    items = _check(path, records=len(lines))
    if len(lines) > 1:
        assert len(items) == len(lines)
    for item in items:
        if isinstance(item, RawItem):
            for name in ("title", "outlet", "url", "published", "language", "external_id"):
                assert getattr(item, name) is None or isinstance(getattr(item, name), str)
            assert all(isinstance(a, str) for a in item.authors)


@FUZZ
@given(cells=st.lists(st.lists(st.text(max_size=60), min_size=1, max_size=5), min_size=1,
                      max_size=4))  # fmt: skip
def test_any_cells_in_csv(tmp_path_factory, cells):
    out = io.StringIO()
    rows = csv.writer(out)
    rows.writerow(["title", "text", "published", "outlet"])
    rows.writerows(cells)
    path = tmp_path_factory.mktemp("csv") / "table.csv"
    path.write_text(out.getvalue(), encoding="utf-8", errors="surrogatepass")
    _check(path, records=len(cells))


@FUZZ
@given(sidecar=st.dictionaries(st.text(max_size=12), json_values, max_size=6))
def test_any_sidecar_beside_a_page(tmp_path_factory, sidecar):
    folder = tmp_path_factory.mktemp("side")
    (folder / "page.html").write_text(PAGE)
    (folder / "page.html.meta.json").write_text(json.dumps(sidecar))
    (item,) = _check(folder / "page.html")
    assert isinstance(item, RawItem)


def test_deeply_nested_markup(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 20000 + "<p>Text inside many divs.</p>" + "</div>" * 20000)
    _check(path)
