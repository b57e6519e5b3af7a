import json

from crosswire.ingest.newsplease import read_newsplease
from crosswire.records import IngestError, RawItem

RECORD = {
    "id": "orv-1",
    "title": "Orvel Dam Spillway Opened",
    "maintext": "Engineers opened the Orvel spillway on Sunday.",
    "date_publish": "2031-04-06 09:00:00",
    "source_domain": "valleyherald.example",
    "url": "https://valleyherald.example/orvel",
    "authors": ["Ana Brill"],
}


def test_single_object():
    (item,) = read_newsplease("a.json", json.dumps(RECORD))
    assert isinstance(item, RawItem)
    assert item.title == "Orvel Dam Spillway Opened"
    assert item.outlet == "valleyherald.example"
    assert item.published == "2031-04-06 09:00:00"
    assert item.authors == ["Ana Brill"]
    assert item.external_id == "orv-1"


def test_json_lines_with_a_bad_line_keeps_the_rest():
    lines = [json.dumps(RECORD), "{not json", json.dumps({**RECORD, "id": "orv-2"})]
    items = list(read_newsplease("feed.jsonl", "\n".join(lines)))
    assert [type(i) for i in items] == [IngestError, RawItem, RawItem]
    assert items[0].source == "feed.jsonl#2" and items[0].code == "E005"
    assert [i.source for i in items[1:]] == ["feed.jsonl#orv-1", "feed.jsonl#orv-2"]


def test_record_without_text_is_an_error():
    (item,) = read_newsplease("a.json", json.dumps({"title": "Only a title"}))
    assert isinstance(item, IngestError) and item.code == "E001"
