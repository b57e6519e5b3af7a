from crosswire.compare.story import compare_story
from crosswire.compare.summary import MAX_CORE, readable, summarize
from crosswire.compare.unique import sentences_of

LEDGER = (
    "A storm surge flooded the old harbour of Olvane on Sunday night.\n"
    "The ferry terminal and the fish market were closed by the port office.\n"
    "Two people were killed on the ferry road.\n"
    "Mayor Mira Toller thanked the volunteers of the rowing club."
)
TIMES = (
    "The old harbour of Olvane was flooded by a storm surge on Sunday night.\n"
    "The port office closed the ferry terminal and the fish market.\n"
    "Three people died on the ferry road."
)


def _story(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.figure("a", "Two", 2, "people", "people (killed on the ferry road)")
    story.figure("b", "Three", 3, "people", "people (died on the ferry road)")
    return compare_story("a", story.articles, story.analyses)


def test_summary_states_the_agreed_core_then_the_disputes(story):
    comparison = _story(story)
    lines = summarize(comparison, story.articles, story.analyses)
    core = [line for line in lines if line.status == "corroborated"]
    disputed = [line for line in lines if line.status == "conflicting"]
    assert [line.text.split()[1] for line in core] == ["storm", "ferry"]
    for line in core:
        assert line.outlets == ["Harbor Ledger", "Northgate Times"]
        assert [p.article for p in line.sources] == ["a", "b"]
        story.assert_passages(line.sources)
    # the death toll is disputed: stated as a dispute, never as an agreed fact
    (dispute,) = disputed
    assert dispute.kind == "figure-value" and {p.article for p in dispute.sources} == {"a", "b"}
    assert not any("ferry road" in line.text for line in core)
    # what one outlet alone reports is no part of the agreed core
    assert not any("volunteers" in line.text for line in lines)
    assert len(core) <= MAX_CORE


def test_single_outlet_story_has_no_agreed_core(story):
    story.article("a", "Harbor Ledger", LEDGER)
    comparison = compare_story("a", story.articles, story.analyses)
    assert summarize(comparison, story.articles, story.analyses) == []


QUOTING = (
    "The harbour master Ilse Brandt spoke to reporters on Monday.\n"
    "“The sea wall held. The pumps did not,” Brandt said.\n"
)
ALSO_QUOTING = "“The sea wall held, but the pumps did not,” said Ilse Brandt, the harbour master.\n"


def test_a_sentence_cut_from_a_quotation_keeps_its_marks_and_speaker(story):
    story.article("a", "Harbor Ledger", QUOTING)
    story.article("b", "Northgate Times", ALSO_QUOTING)
    story.quote("a", "The sea wall held. The pumps did not,")
    story.quote("b", "The sea wall held, but the pumps did not,")
    _, first, second = sentences_of(story.sources()[0])
    assert readable(first) == "Ilse Brandt: “The sea wall held.”"
    # the closing mark and the cue stay, the lost opening mark comes back
    assert readable(second) == "“The pumps did not,” Brandt said."


REOPENED = "The ferry terminal of Olvane reopened on Monday morning."


def test_a_denied_fact_is_not_stated_as_agreed(story):
    story.article("a", "Harbor Ledger", REOPENED)
    story.article("b", "Northgate Times", "The Olvane ferry terminal has not reopened on Monday.")
    comparison = compare_story("a", story.articles, story.analyses)
    assert not [line for line in comparison.summary if line.status == "corroborated"]
    agreeing = type(story)()
    agreeing.article("a", "Harbor Ledger", REOPENED)
    agreeing.article("b", "Northgate Times", "On Monday morning the Olvane ferry port reopened.")
    comparison = compare_story("a", agreeing.articles, agreeing.analyses)
    (line,) = [line for line in comparison.summary if line.status == "corroborated"]
    assert line.outlets == ["Harbor Ledger", "Northgate Times"]
