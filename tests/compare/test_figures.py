from crosswire.compare.figures import group_figures, meaning_words
from crosswire.records import Figure

LEDGER = "Officials said 40,000 people were evacuated from the coast. The toll was 12 boats."
TIMES = "Up to 40,000 people lost their homes in the storm, Brandt said."
WIRE = "Some 35,000 people were evacuated from the coast, the agency said."


def test_same_value_same_thing_is_corroborated(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("c", "Valley Wire", "About 40,000 people were evacuated from the coast.")
    story.figure("a", "40,000", 40000, "people", "people (evacuated from the coast)")
    story.figure("c", "About 40,000", 40000, "people", "people (evacuated from the coast)")
    groups, discrepancies = group_figures(story.sources())
    assert [(g.status, g.outlets) for g in groups] == [
        ("corroborated", ["Harbor Ledger", "Valley Wire"])
    ]
    assert not discrepancies
    story.assert_passages(groups[0].mentions)


def test_same_value_different_thing_is_a_meaning_discrepancy(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.figure("a", "40,000", 40000, "people", "people (evacuated from the coast)")
    story.figure("b", "Up to 40,000", 40000, "people", "people (lost their homes in the storm)")
    groups, discrepancies = group_figures(story.sources())
    assert [g.status for g in groups] == ["conflicting"]
    assert len(groups[0].mentions) == 2
    (d,) = discrepancies
    assert d.kind == "figure-meaning"
    assert "evacuated" in d.summary and "lost their homes" in d.summary
    assert [s.text for s in d.sides] == [
        "Officials said 40,000 people were evacuated from the coast.",
        TIMES,
    ]
    story.assert_passages(d.sides)


def test_same_thing_different_value_is_a_value_discrepancy(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("c", "Valley Wire", WIRE)
    story.figure("a", "40,000", 40000, "people", "people (evacuated from the coast)")
    story.figure("c", "Some 35,000", 35000, "people", "people (evacuated from the coast)")
    groups, discrepancies = group_figures(story.sources())
    assert [g.status for g in groups] == ["conflicting"]
    assert [d.kind for d in discrepancies] == ["figure-value"]
    assert {s.article for s in discrepancies[0].sides} == {"a", "c"}


def test_unrelated_figures_are_single_source_and_years_are_skipped(story):
    story.article("a", "Harbor Ledger", LEDGER + " It was the worst storm since 1987.")
    story.article("b", "Northgate Times", "The port reopened after 3 days.")
    story.figure("a", "12", 12, "boat", "boats")
    story.figure("a", "1987", 1987, "year", "")
    story.figure("b", "3", 3, "day", "days (reopened after)")
    groups, discrepancies = group_figures(story.sources())
    assert sorted((g.value, g.status) for g in groups) == [
        (3, "single-source"), (12, "single-source")
    ]
    assert not discrepancies


def test_syndicated_copy_does_not_corroborate(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("a2", "Coastal Digest", LEDGER, duplicate_of="a")
    story.figure("a", "40,000", 40000, "people", "people (evacuated from the coast)")
    story.figure("a2", "40,000", 40000, "people", "people (evacuated from the coast)")
    groups, _ = group_figures(story.sources())
    assert [(g.status, g.outlets) for g in groups] == [("single-source", ["Harbor Ledger"])]


def test_meaning_words_drop_the_unit():
    figure = Figure(0, 3, "two", 2, "people", None, "people (killed on the coast)")
    assert meaning_words(figure) == {"kille", "coast"}
