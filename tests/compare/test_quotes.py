from crosswire.compare.quotes import group_quotes, same_statement

LEDGER = (
    'Ilse Brandt spoke on Friday. "We also see the close link between Vorland and Ostmark. '
    "Ostmark is watching the border. And I am convinced that if Ostmark moves its army, it will "
    'press its junior ally, Vorland, to keep us busy in the north," she said.'
)
TIMES = (
    "Brandt gave an interview. \u201cWe see the strong link between Vorland and Ostmark. Ostmark "
    "is watching the border. I am convinced: if Ostmark deploys its army there, it will push its "
    "junior ally Vorland to keep us busy in the north,\u201d Brandt said."
)
WIRE = (
    "Brandt was blunt. \u201cThey would probably call their junior ally in Vorland first and ask "
    "it to strike somewhere in the north,\u201d she said."
)
A = "We also see the close link"
B = "We see the strong link"


def _quote(text: str, begin: str) -> str:
    start = text.index(begin)
    end = min(i for i in (text.find('"', start), text.find("\u201d", start)) if i > 0)
    return text[start : end - 1]


def test_translations_of_one_statement_are_one_group(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.quote("a", _quote(LEDGER, A))
    story.quote("b", _quote(TIMES, B), speaker="Brandt")
    groups, discrepancies = group_quotes(story.sources())
    assert len(groups) == 1
    (group,) = groups
    assert group.status == "corroborated"
    assert group.outlets == ["Harbor Ledger", "Northgate Times"]
    assert group.speaker == "Ilse Brandt"
    assert [v.article for v in group.variants] == ["a", "b"]
    assert not discrepancies
    story.assert_passages(group.variants)


def test_related_remark_of_same_speaker_stays_separate(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("c", "Valley Wire", WIRE)
    story.quote("a", _quote(LEDGER, A))
    story.quote("c", _quote(WIRE, "They would"))
    groups, _ = group_quotes(story.sources())
    assert len(groups) == 2
    assert all(g.status == "single-source" for g in groups)


def test_statement_cut_at_different_points_is_one_group(story):
    story.article("a", "Harbor Ledger", LEDGER)
    short = "Ostmark is watching the border. I am convinced: if Ostmark deploys its army there"
    story.article("b", "Northgate Times", f'Brandt said: "{short}."')
    story.quote("a", _quote(LEDGER, A))
    story.quote("b", short)
    groups, _ = group_quotes(story.sources())
    assert len(groups) == 1 and groups[0].status == "corroborated"


def test_different_speakers_conflict_and_are_reported(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.quote("a", _quote(LEDGER, A))
    story.quote("b", _quote(TIMES, B), speaker="Piet Morrow")
    groups, discrepancies = group_quotes(story.sources())
    assert [g.status for g in groups] == ["conflicting"]
    (d,) = discrepancies
    assert d.kind == "attribution"
    assert "Ilse Brandt" in d.summary and "Piet Morrow" in d.summary
    assert {s.article for s in d.sides} == {"a", "b"}
    story.assert_passages(d.sides)
    # the sides are whole sentences: the reader sees the attribution, not only the quote
    assert any(s.text.endswith("Brandt said.") for s in d.sides)


def test_unknown_speaker_does_not_conflict(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.quote("a", _quote(LEDGER, A))
    story.quote("b", _quote(TIMES, B), speaker=None)
    groups, discrepancies = group_quotes(story.sources())
    assert groups[0].status == "corroborated" and not discrepancies


def test_same_outlet_twice_is_single_source(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Harbor Ledger", TIMES)
    story.quote("a", _quote(LEDGER, A))
    story.quote("b", _quote(TIMES, B))
    groups, _ = group_quotes(story.sources())
    assert all(g.status == "single-source" for g in groups)


def test_same_statement_examples():
    assert same_statement("The bridge will open in spring", "the bridge will open in spring.")
    assert not same_statement("Vorland needs more bridges", "Vorland needs more teachers now")
