import numpy as np
import pytest

from crosswire.compare.meaning import SAME, same_meaning
from crosswire.compare.quotes import group_quotes
from crosswire.records import Quote

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


def test_same_meaning_examples():
    assert same_meaning("The bridge will open in spring", "the bridge will open in spring.") >= SAME
    assert same_meaning("Vorland needs more bridges", "Olvane has enough teachers now") < SAME


PARAPHRASE_A = (
    '"The levee gave way shortly after midnight, and our crews had less than an hour to warn '
    'the farms downstream," Mira Toller said.'
)
PARAPHRASE_B = (
    '"The levee broke soon after midnight, and our teams had under one hour to alert the farms '
    'below the dam," Toller said.'
)
RELATED = '"The farms downstream will need new levees before the autumn," Toller said.'


def _inner(text: str) -> str:
    return text[1 : text.index('," ')]


def test_reworded_translation_variant_is_one_statement(story):
    story.article("a", "Harbor Ledger", PARAPHRASE_A)
    story.article("b", "Northgate Times", PARAPHRASE_B)
    story.quote("a", _inner(PARAPHRASE_A), speaker="Toller")
    story.quote("b", _inner(PARAPHRASE_B), speaker="Toller")
    groups, _ = group_quotes(story.sources())
    assert [(g.status, len(g.variants)) for g in groups] == [("corroborated", 2)]


def test_related_remark_on_the_same_topic_stays_separate(story):
    story.article("a", "Harbor Ledger", PARAPHRASE_A)
    story.article("b", "Northgate Times", RELATED)
    story.quote("a", _inner(PARAPHRASE_A), speaker="Toller")
    story.quote("b", _inner(RELATED), speaker="Toller")
    groups, _ = group_quotes(story.sources())
    assert [g.status for g in groups] == ["single-source", "single-source"]


def test_group_shows_the_fullest_name_of_its_speaker(story):
    story.article("a", "Harbor Ledger", PARAPHRASE_A)
    story.article("b", "Northgate Times", PARAPHRASE_B)
    qa = story.quote("a", _inner(PARAPHRASE_A), speaker="Toller")
    # the extractor kept only the surname, but the article writes the full name
    qa.speaker_start = PARAPHRASE_A.index("Mira Toller") + len("Mira ")
    qa.speaker_end = qa.speaker_start + len("Toller")
    story.quote("b", _inner(PARAPHRASE_B), speaker="Toller")
    groups, discrepancies = group_quotes(story.sources())
    assert [g.speaker for g in groups] == ["Mira Toller"]
    assert not discrepancies


def test_unattributed_variant_takes_the_speaker_of_its_group(story):
    a = "The harbour will stay closed until Friday, the Olvane port office said."
    b = '"The harbour will stay closed until Friday," a statement read.'
    story.article("a", "Harbor Ledger", a)
    story.article("b", "Northgate Times", b)
    story.quote("a", "The harbour will stay closed until Friday", speaker=None)
    story.quote("b", "The harbour will stay closed until Friday", speaker="Olvane port office")
    groups, discrepancies = group_quotes(story.sources())
    assert [(g.speaker, g.status) for g in groups] == [("Olvane port office", "corroborated")]
    assert not discrepancies


def test_embedder_backs_a_weaker_lexical_match(story):
    a = "Our harbour crews rebuilt the northern pier within a single week"
    b = "In seven days the workers at the port put the north jetty back together"
    story.article("a", "Harbor Ledger", f'"{a}," Toller said.')
    story.article("b", "Northgate Times", f'"{b}," Toller said.')
    story.quote("a", a, speaker="Toller")
    story.quote("b", b, speaker="Toller")
    assert len(group_quotes(story.sources())[0]) == 2

    def embed(texts):  # a stand-in embedder that finds the two texts alike
        return np.tile(np.array([1.0, 0.0]), (len(texts), 1))

    # lexical overlap alone is too weak here, and an embedding alone is not enough either
    assert len(group_quotes(story.sources(), embed)[0]) == 2
    story.analyses["b"].quotes[0].text = (
        "the harbour was rebuilt in a week after the storm wrecked the ferry terminal and market"
    )
    assert len(group_quotes(story.sources())[0]) == 2
    assert len(group_quotes(story.sources(), embed)[0]) == 1


def test_a_described_speaker_does_not_contradict_a_named_one(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.quote("a", _quote(LEDGER, A))
    story.quote("b", _quote(TIMES, B), speaker="a senior border official")
    groups, discrepancies = group_quotes(story.sources())
    assert [g.status for g in groups] == ["corroborated"] and not discrepancies


def test_outlet_naming_a_body_and_its_spokesperson_fits_either(story):
    again = (
        "Vorland and Ostmark share a strong link, and Ostmark is watching the border; if "
        "Ostmark deploys its army, it will push its junior ally Vorland to keep us busy"
    )
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", f'{TIMES} Brandt repeated: "{again}."')
    story.quote("a", _quote(LEDGER, A), speaker="Brandt")
    story.quote("b", _quote(TIMES, B), speaker="Vorland Border Council")
    story.quote("b", again, speaker="Brandt")
    groups, discrepancies = group_quotes(story.sources())
    assert [g.status for g in groups] == ["corroborated"] and not discrepancies


def test_short_phrase_inside_a_long_remark_is_no_attribution_clash(story):
    long = (
        "Brandt said the minister decided to get tested after attending a fair where two "
        "guests later tested positive for the fever, though she had no direct contact."
    )
    short = "Minister Ilse Brandt announced she had tested positive for the fever."
    story.article("a", "Harbor Ledger", long)
    story.article("b", "Northgate Times", short)
    story.quote("a", long[len("Brandt said ") : -1], speaker="Piet Morrow")
    story.quote("b", "she had tested positive for the fever", speaker="Ilse Brandt")
    groups, discrepancies = group_quotes(story.sources())
    # two people's remarks sharing a phrase: separate statements, and no dispute over who
    assert [g.status for g in groups] == ["single-source", "single-source"]
    assert not discrepancies


def test_a_few_words_quoted_verbatim_join_the_whole_remark_and_are_noted(story):
    story.article("a", "Harbor Ledger", LEDGER)
    phrase = "to keep us busy in the north"
    story.article("b", "Northgate Times", f'Brandt accused Ostmark of a plan "{phrase}".')
    story.quote("a", _quote(LEDGER, A))
    story.quote("b", phrase).kind = "partial"
    (group,), discrepancies = group_quotes(story.sources())
    assert [v.article for v in group.variants] == ["a", "b"]
    assert group.notes == ["Northgate Times quotes only part of it (7 of 39 words)"]
    assert not discrepancies


def test_a_common_phrase_of_another_speaker_is_not_cut_from_a_remark(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("c", "Valley Wire", 'Marta Lind wants the army "in the north".')
    story.quote("a", _quote(LEDGER, A))
    story.quote("c", "in the north", speaker="Marta Lind").kind = "partial"
    groups, _ = group_quotes(story.sources())
    assert len(groups) == 2


DENIED = "I do not think the Vorland economy is currently in a recession"
REWORDED = "she doesn't believe Vorland's economy is in a recession because its exports keep rising"
CUT = "Vorland's economy is in a recession because its exports keep rising"


def _two_outlets(story, first: str, second: str, speakers=("Ilse Brandt", "Brandt")):
    story.article("a", "Harbor Ledger", f'"{first}," Ilse Brandt said.')
    story.article("b", "Northgate Times", f"Brandt said {second}.")
    story.quote("a", first, speaker=speakers[0])
    story.quote("b", second, speaker=speakers[1]).kind = "indirect"
    return group_quotes(story.sources())


def test_a_reworded_denial_is_the_same_statement(story):
    groups, discrepancies = _two_outlets(story, DENIED, REWORDED)
    assert [(g.status, len(g.variants)) for g in groups] == [("corroborated", 2)]
    assert not discrepancies


def test_the_same_words_with_the_denial_dropped_are_another_statement(story):
    groups, _ = _two_outlets(story, DENIED, CUT)
    assert [g.status for g in groups] == ["single-source", "single-source"]


def test_another_number_is_another_statement(story):
    groups, _ = _two_outlets(
        story,
        "The new pier at Olvane will take three years to build",
        "the new pier at Olvane will take two years to build",
    )
    assert [g.status for g in groups] == ["single-source", "single-source"]


def test_two_people_holding_a_similar_view_are_two_statements(story):
    groups, discrepancies = _two_outlets(
        story, DENIED, REWORDED, speakers=("Ilse Brandt", "Piet Morrow")
    )
    assert [g.status for g in groups] == ["single-source", "single-source"]
    assert not discrepancies  # similar views of two people, not one remark misattributed


def test_a_chain_of_loose_matches_is_not_one_statement(story):
    # each remark shares half its words with the next, none with the one after that
    remarks = [
        "The ferry terminal at Olvane will reopen on Monday",
        "The ferry terminal at Olvane will get new pumps and a taller sea wall",
        "New pumps and a taller sea wall will protect the fish market of Olvane",
        "The fish market of Olvane will move inland for the winter season",
    ]
    outlets = ["Harbor Ledger", "Northgate Times", "Valley Wire", "Coast Courier"]
    for k, (outlet, remark) in enumerate(zip(outlets, remarks, strict=True)):
        story.article(str(k), outlet, f'"{remark}," Brandt said.')
        story.quote(str(k), remark, speaker="Brandt")
    groups, _ = group_quotes(story.sources())
    assert max(len(g.variants) for g in groups) <= 2


def test_a_belief_the_text_ascribes_is_not_lined_up_as_a_statement(story):
    # "Ilse Brandt believes ..." in one outlet and her quoted words in another: the belief
    # (analyze.statements marks it) corroborates nothing she said.
    story.article("a", "Harbor Ledger", f'"{DENIED}," Ilse Brandt said.')
    story.article("b", "Northgate Times", f"Brandt believes {REWORDED}.")
    story.quote("a", DENIED, speaker="Ilse Brandt")
    belief = story.quote("b", REWORDED, speaker="Brandt")
    belief.kind, belief.mode = "indirect", "belief"
    groups, _ = group_quotes(story.sources())
    assert [(g.status, g.outlets) for g in groups] == [("single-source", ["Harbor Ledger"])]
    belief.mode = "statement"
    groups, _ = group_quotes(story.sources())
    assert [g.status for g in groups] == ["corroborated"]


def test_two_descriptions_of_an_unnamed_speaker_do_not_conflict(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.quote("a", _quote(LEDGER, A), speaker="the reporter")
    story.quote("b", _quote(TIMES, B), speaker="a young man")
    groups, discrepancies = group_quotes(story.sources())
    assert not discrepancies  # one questioner described twice, maybe: nothing contradicts
    assert groups[0].status != "conflicting"


def _credit(quote, text, mention, speaker):
    """Credit ``quote`` to ``speaker`` through the mention ``mention`` written last in ``text``."""
    quote.speaker, quote.speaker_text = speaker, mention
    quote.speaker_start = text.rindex(mention)
    quote.speaker_end = quote.speaker_start + len(mention)


def test_a_dispute_resting_on_an_inferred_credit_is_folded(story):
    from crosswire.compare.rank import weak

    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    a = story.quote("a", _quote(LEDGER, A))
    b = story.quote("b", _quote(TIMES, B))
    _credit(a, LEDGER, "she", "Mira Toller")  # "she said", resolved to the wrong woman
    _credit(b, TIMES, "Brandt", "Ilse Brandt")
    _, (d,) = group_quotes(story.sources())
    assert weak(d) and 'the pronoun "she"' in d.why and "Harbor Ledger" in d.why
    # both outlets write a name by the quote: the outlets themselves disagree
    ledger = LEDGER.replace("she said", "Toller said")
    story.articles[0].text = story.articles[0].raw = ledger
    _credit(a, ledger, "Toller", "Mira Toller")
    _, (d,) = group_quotes(story.sources())
    assert not weak(d) and not d.why  # left to the generic check of the sides' sentences


LEVEE = ("The levee gave way shortly after midnight, and our crews had less than an hour to "
         "warn the farms downstream")
LEVEE_CUT = "Our crews had less than an hour to warn the farms downstream. We did what we could"
LEVEE_VIEW = "Our crews had an hour to warn the farms. We did what we could"


def test_one_quotation_credited_to_two_people_is_an_attribution_dispute(story):
    # the same twelve words in a row, cut at different points: one quotation, whoever spoke
    story.article("a", "Harbor Ledger", f'"{LEVEE}," Mira Toller said.')
    story.article("b", "Northgate Times", f'"{LEVEE_CUT}," Piet Morrow said.')
    story.quote("a", LEVEE, speaker="Mira Toller")
    story.quote("b", LEVEE_CUT, speaker="Piet Morrow")
    groups, (d,) = group_quotes(story.sources())
    assert [g.status for g in groups] == ["conflicting"]
    assert d.kind == "attribution" and "Piet Morrow" in d.summary


def test_two_people_saying_alike_in_their_own_words_stay_two_statements(story):
    # as close to the matcher, but no run of eight words: two people's views of one night
    story.article("a", "Harbor Ledger", f'"{LEVEE}," Mira Toller said.')
    story.article("b", "Northgate Times", f'"{LEVEE_VIEW}," Piet Morrow said.')
    story.quote("a", LEVEE, speaker="Mira Toller")
    story.quote("b", LEVEE_VIEW, speaker="Piet Morrow")
    groups, discrepancies = group_quotes(story.sources())
    assert [g.status for g in groups] == ["single-source", "single-source"]
    assert not discrepancies
    # credited to one person, the same two wordings are one statement
    story.analyses["b"].quotes[0].speaker = "Toller"
    groups, _ = group_quotes(story.sources())
    assert [g.status for g in groups] == ["corroborated"]


def _named(story, id, name, actor):
    """Record ``name`` (first occurrence) as a person of article ``id``."""
    from crosswire.records import Entity

    start, end = story._span(id, name)
    story.analyses[id].entities.append(Entity(start, end, name, "PERSON", actor))


@pytest.mark.parametrize(("before", "folded"), [
    ("Mira Toller spoke on Friday.", False),  # the one person in sight: "she" is hers
    ("Mira Toller spoke after Ilse Brandt on Friday.", True),  # either woman
    ("She said Mira Toller spoke on Friday.", True),  # the first "she" is someone else
])
def test_a_pronoun_is_the_outlets_credit_when_it_can_mean_only_one_person(story, before, folded):
    from crosswire.compare.rank import weak

    ledger = LEDGER.replace("Ilse Brandt spoke on Friday.", before)
    story.article("a", "Harbor Ledger", ledger)
    story.article("b", "Northgate Times", TIMES)
    a = story.quote("a", _quote(ledger, A))
    b = story.quote("b", _quote(TIMES, B))
    _named(story, "a", "Mira Toller", "Mira Toller")
    if "Ilse" in before:
        _named(story, "a", "Ilse Brandt", "Ilse Brandt")
    _credit(a, ledger, "she", "Mira Toller")
    _credit(b, TIMES, "Brandt", "Ilse Brandt")
    _, (d,) = group_quotes(story.sources())
    assert weak(d) == folded


@pytest.mark.parametrize(("before", "folded"), [
    ("Mayor Mira Toller spoke on Friday.", False),
    ("Mayor Mira Toller spoke after Ilse Brandt on Friday.", True),
    # her own quoted sentence in between: the sentence before it still names her alone
    ('Mayor Mira Toller spoke on Friday. "We rebuild."', False),
    # a quote split by its cue spans the cue: her name there is still the outlet's words
    ('"We rebuild," Mira Toller said. "We stay."', False),
])
def test_a_description_is_the_outlets_credit_when_it_can_mean_only_one_person(
    story, before, folded
):
    from crosswire.compare.rank import weak

    ledger = LEDGER.replace("Ilse Brandt spoke on Friday.", before).replace(
        "she said", "the mayor said")
    story.article("a", "Harbor Ledger", ledger)
    story.article("b", "Northgate Times", TIMES)
    a = story.quote("a", _quote(ledger, A))
    b = story.quote("b", _quote(TIMES, B))
    _named(story, "a", "Mira Toller", "Mira Toller")
    if "Ilse" in before:
        _named(story, "a", "Ilse Brandt", "Ilse Brandt")
    if "We rebuild." in before:
        story.quote("a", "We rebuild.", speaker="Mira Toller")
    if "We stay" in before:  # one quote of both parts, the cue inside its span
        start, end = ledger.index("We rebuild"), ledger.index("We stay.") + len("We stay.")
        story.analyses["a"].quotes.append(
            Quote(start, end, "We rebuild We stay.", speaker="Mira Toller"))
    _credit(a, ledger, "the mayor", "Mira Toller")
    _credit(b, TIMES, "Brandt", "Ilse Brandt")
    _, (d,) = group_quotes(story.sources())
    assert weak(d) == folded
