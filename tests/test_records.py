"""Records as dicts: exactly what ``dataclasses.asdict`` gives, and the same round trip."""

from __future__ import annotations

from dataclasses import asdict

from crosswire.records import Analysis, Article, Claim, Entity, Figure, Quote, Story


def _analysis() -> Analysis:
    return Analysis(
        article="a1",
        sentences=[(0, 42), (43, 90)],
        entities=[Entity(0, 10, "Ilse Varga", "PERSON", "Ilse Varga")],
        actors={"Ilse Varga": ["Ilse Varga", "Varga", "the harbour master"]},
        quotes=[Quote(44, 70, "Work starts next week", speaker="Ilse Varga", speaker_start=0)],
        figures=[Figure(75, 77, "40", 40.0, counts="boats", in_quote=False, place=None)],
        claims=[Claim(0, 7, "BRUSSELS", "venue", "dateline:Brussels", 0, 42)],
    )


def test_as_dict_is_asdict() -> None:
    analysis = _analysis()
    article = Article(id="a1", source="x.txt", text="t", raw="r", authors=["A. Quill"])
    story = Story(id="s1", title=None, articles=["a1", "a2"], outlets=["ledger"])
    for record in (analysis, article, *analysis.quotes, *analysis.figures, story):
        assert record.as_dict() == asdict(record)
        assert list(record.as_dict()) == list(asdict(record))  # the same key order (JSON)
    assert type(analysis.as_dict()["sentences"][0]) is tuple


def test_as_dict_copies_containers() -> None:
    analysis = _analysis()
    data = analysis.as_dict()
    data["actors"]["Ilse Varga"].append("someone else")
    data["sentences"].clear()
    assert analysis.actors["Ilse Varga"] == ["Ilse Varga", "Varga", "the harbour master"]
    assert analysis.sentences == [(0, 42), (43, 90)]
    assert Analysis.from_dict(analysis.as_dict()) == analysis
