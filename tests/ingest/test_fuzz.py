"""Every reader survives arbitrary bytes: one item or one clear error, never an exception."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.ingest import read_path
from crosswire.records import IngestError, RawItem

PAGE = (
    "<html><head><title>Flood Barrier Holds - Valley Herald</title></head><body><article>"
    "<p>The flood barrier at Orvel held overnight, engineers said on Sunday.</p>"
    "<p>“The wall is sound,” chief engineer Ida Brannock said, adding that 340 households "
    "could return home by Tuesday.</p></article></body></html>"
)
SUFFIXES = [".txt", ".html", ".html.gz", ".json", ".jsonl", ".csv", ".rss", ".warc.gz", ".md"]


def _check(path: Path) -> None:
    items = list(read_path(path))
    assert items, "a reader must say something about every file"
    assert all(isinstance(i, (RawItem, IngestError)) for i in items)
    for item in items:
        if isinstance(item, IngestError):
            assert item.code.startswith("E") and item.message


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    _check(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(min_value=0, max_value=len(PAGE)),
    flips=st.lists(st.tuples(st.integers(0, len(PAGE) - 1), st.integers(0, 255)), max_size=8),
    gz=st.booleans(),
)
def test_mutated_pages(tmp_path_factory, cut, flips, gz):
    data = bytearray(PAGE.encode("utf-8")[:cut] + PAGE.encode("utf-8")[cut:])
    for index, value in flips:
        if index < len(data):
            data[index] = value
    payload = bytes(data[: cut or len(data)])
    if gz:
        packed = gzip.compress(payload)
        payload = packed[: max(1, len(packed) * cut // max(1, len(PAGE)))]
    path = tmp_path_factory.mktemp("mut") / ("page.html.gz" if gz else "page.html")
    path.write_bytes(payload)
    _check(path)


def test_deeply_nested_markup(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 20000 + "<p>Text inside many divs.</p>" + "</div>" * 20000)
    _check(path)
