from crosswire.compare.story import compare_story
from crosswire.compare.summary import MAX_CORE, summarize

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
