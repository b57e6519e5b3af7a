import json

import pytest

from crosswire.records import QuoteGroup
from crosswire.report import FORMATS, render_report

CONTRACT = {
    "quotes": {"speaker", "status", "variants"},
    "figures": {"value", "unit", "counts", "status", "mentions"},
    "discrepancies": {"kind", "summary", "sides"},
}
PASSAGE = {"article", "text", "start", "end"}


def test_json_follows_the_contract(story, articles, comparison) -> None:
    data = json.loads(render_report(story, articles, comparison, "json"))
    assert data["version"] == 1
    assert data["story"] == {"id": "a1", "title": "Vellmar docks <strike>", "thread": []}
    assert [a["id"] for a in data["articles"]] == ["a1", "b2", "c3", "d4"]
    assert set(data["articles"][3]) >= {"id", "outlet", "title", "published", "source"}
    assert data["articles"][3]["duplicate_of"] == "c3"
    for section, keys in CONTRACT.items():
        for item in data[section]:
            assert set(item) >= keys
    passages = [v for q in data["quotes"] for v in q["variants"]]
    passages += [m for f in data["figures"] for m in f["mentions"]]
    passages += [s for d in data["discrepancies"] for s in d["sides"]] + data["unique"]
    texts = {a.id: a.text for a in articles}
    for p in passages:
        assert set(p) >= PASSAGE
        assert texts[p["article"]][p["start"] : p["end"]] == p["text"]


def test_json_round_trips_to_records(story, articles, comparison) -> None:
    data = json.loads(render_report(story, articles, comparison, "json"))
    assert [QuoteGroup.from_dict(q).speaker for q in data["quotes"]] == ["Ansa Korhel"] * 2
    assert data["quotes"][0]["variants"][1]["text"] == comparison.quotes[0].variants[1].text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_every_quote_variant(story, articles, comparison, fmt) -> None:
    out = render_report(story, articles, comparison, fmt, width=200)
    for variant in comparison.quotes[1].variants + comparison.unique:
        assert variant.text in out


def test_unknown_format_is_refused(story, articles, comparison) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render_report(story, articles, comparison, "pdf")
