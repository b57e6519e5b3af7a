from crosswire.compare.attribution import compare_figure_sources, figure_source
from crosswire.compare.figures import group_figures

LEDGER = "At least 480 people were hurt, according to the Olvane hospital board."
TIMES = "At least 480 people were hurt, the Olvane hospital board said."
WIRE = "At least 480 people were hurt, according to army engineers."


def _hurt(story, id, text, source_phrase, source):
    f = story.figure(id, "At least 480", 480, "people", "people (hurt)")
    f.qualifier = "at least"
    story.claim(id, source_phrase, "source", source)
    return f


def test_figure_source_is_the_claim_of_its_sentence_or_the_quote_speaker(story):
    story.article("a", "Harbor Ledger", LEDGER)
    f = _hurt(story, "a", LEDGER, "according to the Olvane hospital board", "Olvane hospital board")
    (source,) = story.sources()
    assert figure_source(source, f) == "Olvane hospital board"
    story.article("b", "Northgate Times", '"By our count 90 boats sank," Mira Toller said.')
    g = story.figure("b", "90", 90, "boat", "boats (sank)")
    story.claim("b", "By our count", "source", "our count")
    story.quote("b", "By our count 90 boats sank", speaker="Mira Toller")
    assert figure_source(story.sources()[1], g) == "Mira Toller"


def test_same_figure_credited_to_different_sources(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.article("c", "Valley Wire", WIRE)
    _hurt(story, "a", LEDGER, "according to the Olvane hospital board", "Olvane hospital board")
    _hurt(story, "b", TIMES, ", the Olvane hospital board said.", "Olvane hospital board")
    groups, _ = group_figures(story.sources()[:2])
    assert compare_figure_sources(story.sources()[:2], groups) == []
    _hurt(story, "c", WIRE, "according to army engineers", "army engineers")
    groups, _ = group_figures(story.sources())
    (d,) = compare_figure_sources(story.sources(), groups)
    assert d.kind == "figure-attribution"
    assert "army engineers (Valley Wire)" in d.summary
    assert [s.article for s in d.sides] == ["a", "b", "c"]
    story.assert_passages(d.sides)


def test_described_source_fits_a_named_one(story):
    named = "At least 480 people were hurt, according to harbour chief Ola Brenn."
    described = "At least 480 people were hurt, the harbour department said."
    story.article("a", "Harbor Ledger", named)
    story.article("b", "Northgate Times", described)
    _hurt(story, "a", named, "according to harbour chief Ola Brenn", "harbour chief Ola Brenn")
    _hurt(story, "b", described, ", the harbour department said.", "harbour department")
    groups, _ = group_figures(story.sources())
    assert compare_figure_sources(story.sources(), groups) == []
