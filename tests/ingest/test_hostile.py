"""Hostile inputs cost that input only: type confusion, byte-order marks, bombs, NUL bytes."""

from __future__ import annotations

import codecs
import gzip
import json
import zlib

import pytest

from crosswire.config import Config
from crosswire.ingest import read_path
from crosswire.ingest.decode import gunzip
from crosswire.pipeline import ingest_paths
from crosswire.records import IngestError, RawItem
from crosswire.store import open_store

BODY = (
    "The ferry service between Quillan and Marrow Point resumed on Friday after a week of "
    "storms, the harbour office of the fictional town said. About 1,200 passengers crossed."
)


def _record(**fields: object) -> dict[str, object]:
    return {
        "maintext": BODY,
        "title": "Ferry resumes",
        "source_domain": "quillan.example",
        **fields,
    }


@pytest.mark.parametrize(
    "fields",
    [
        {"title": 2024},
        {"url": 42},
        {"source_domain": {}},
        {"authors": [1, {"name": "x"}, "Ada Lind"]},
        {"date_publish": ["2024-01-01"]},
        {"id": {"nested": True}},
        {"language": False},
    ],
)
def test_wrong_types_are_coerced_or_dropped_never_raised(tmp_path, fields):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(_record(**fields)))
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], RawItem)
    item = items[0]
    for name in ("title", "outlet", "url", "published", "language", "external_id"):
        assert getattr(item, name) is None or isinstance(getattr(item, name), str)
    assert all(isinstance(a, str) for a in item.authors)
    if fields.get("title") == 2024:
        assert item.title == "2024"


def test_type_confused_record_costs_nothing_beside_it(tmp_path):
    (tmp_path / "bad.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in (
                _record(title=2024, url=42, source_domain={}),
                {"maintext": {"not": "text"}},
                _record(maintext=BODY.replace("Friday", "Monday") + " Delays ended."),
            )
        )
    )
    (tmp_path / "good.txt").write_text(BODY.replace("ferry", "bus") + " Roads reopened.")
    store = open_store(str(tmp_path / "cw.db"))
    report = ingest_paths([tmp_path], Config(progress=False, db=":memory:"), store, analyse=False)
    assert len(report.added) == 3
    assert [e.code for e in report.errors] == ["E001"]
    assert all(a.story for a in store.iter_articles())


def test_deep_line_in_json_lines_costs_that_line_only(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(
        json.dumps(_record()) + "\n" + "[" * 100_000 + "\n" + json.dumps(_record(title="B"))
    )
    items = list(read_path(path))
    assert sum(isinstance(i, RawItem) for i in items) == 2
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(errors) == 1 and errors[0].source.endswith("#2")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("name", ["story.txt", "story.html"])
def test_byte_order_marks_are_honoured(tmp_path, codec, name):
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }.get(codec, b"")
    text = BODY + " Der Fährmann grüßte."
    if name.endswith(".html"):
        text = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    path = tmp_path / name
    path.write_bytes(bom + text.encode(codec))
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], RawItem), items
    assert "Fährmann grüßte" in items[0].body


def test_gzip_bomb_in_a_later_member_is_bounded():
    small = gzip.compress(b"a small first member\n")
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = packer.compress(b"\0" * (8 << 20)) + packer.flush()
    with pytest.raises(Exception) as caught:
        gunzip(small + bomb, max_bytes=1 << 20)
    assert getattr(caught.value, "code", None) == "E006"
    assert gunzip(small + small, max_bytes=1 << 20) == b"a small first member\n" * 2


def test_nul_and_control_bytes_are_never_stored(tmp_path):
    (tmp_path / "a.txt").write_text("x" * 9000 + "\n\n" + BODY[:80] + "\x00\x07 " + BODY[80:])
    (tmp_path / "b.json").write_text(
        json.dumps(_record(title="Fer\u0000ry", maintext=BODY + "\u0000 End."))
    )
    store = open_store(str(tmp_path / "cw.db"))
    report = ingest_paths([tmp_path], Config(progress=False), store, analyse=False)
    assert len(report.added) == 2
    for article in store.iter_articles():
        for value in (article.text, article.raw, article.title or ""):
            assert "\x00" not in value and "\x07" not in value
