import pytest

from crosswire.compare.figures import compatible_values, group_figures, meaning_words
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
    assert "differ by 5000" in discrepancies[0].why
    assert "spread" not in discrepancies[0].why  # two outlets' counts, not forecasters' views


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
    assert meaning_words(figure) == {"death", "coast"}


DAM_A = "Two people were killed on the ferry road. Police evacuated 480 families from Olvane."
DAM_B = "Two people died when their van left the ferry road. 480 people were hurt in Olvane."
DAM_C = "Three people died in the storm surge, the Olvane port office said."


def test_killed_and_died_count_the_same_thing(story):
    story.article("a", "Harbor Ledger", DAM_A)
    story.article("b", "Northgate Times", DAM_B)
    story.figure("a", "Two", 2, "people", "people (killed on the ferry road)")
    story.figure("b", "Two", 2, "people", "people (died)")
    groups, discrepancies = group_figures(story.sources())
    assert [(g.status, g.outlets) for g in groups] == [
        ("corroborated", ["Harbor Ledger", "Northgate Times"])
    ]
    assert not discrepancies


def test_death_toll_two_against_three_is_a_value_discrepancy(story):
    story.article("a", "Harbor Ledger", DAM_A)
    story.article("b", "Northgate Times", DAM_B)
    story.article("c", "Valley Wire", DAM_C)
    story.figure("a", "Two", 2, "people", "people (killed on the ferry road)")
    story.figure("b", "Two", 2, "people", "people (died)")
    story.figure("c", "Three", 3, "people", "people (died in the storm surge)")
    groups, discrepancies = group_figures(story.sources())
    (d,) = discrepancies
    assert d.kind == "figure-value"
    assert [s.article for s in d.sides] == ["a", "b", "c"]
    assert [g.status for g in groups] == ["conflicting"]
    story.assert_passages(d.sides)


def test_same_distinctive_number_counting_households_and_injured_people(story):
    story.article("a", "Harbor Ledger", DAM_A)
    story.article("b", "Northgate Times", DAM_B)
    story.figure("a", "480", 480, "family", "families (evacuated from Olvane)")
    story.figure("b", "480", 480, "people", "people (hurt in Olvane)")
    groups, discrepancies = group_figures(story.sources())
    (d,) = discrepancies
    assert d.kind == "figure-meaning"
    assert "evacuated" in d.summary and "hurt" in d.summary
    assert groups[0].status == "conflicting"


def test_small_numbers_of_different_things_are_not_a_discrepancy(story):
    story.article("a", "Harbor Ledger", DAM_A)
    story.article("b", "Northgate Times", "The navy sent two patrol boats to the ferry road.")
    story.figure("a", "Two", 2, "people", "people (killed on the ferry road)")
    story.figure("b", "two", 2, "boat", "patrol boats (sent)")
    groups, discrepancies = group_figures(story.sources())
    assert not discrepancies
    assert [g.status for g in groups] == ["single-source", "single-source"]


def test_compatible_bounds_are_not_a_value_discrepancy(story):
    story.article("a", "Harbor Ledger", "At least 300 people were injured in Olvane.")
    story.article("b", "Northgate Times", "Some 340 people were injured in Olvane.")
    low = story.figure("a", "At least 300", 300, "people", "people (injured in Olvane)")
    low.qualifier = "at least"
    story.figure("b", "340", 340, "people", "people (wounded in Olvane)")
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies
    low.qualifier = None  # an exact 300 against 340 is a disagreement
    _, discrepancies = group_figures(story.sources())
    assert [d.kind for d in discrepancies] == ["figure-value"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((10, None), (10, None), True),
        ((10, "~"), (10.8, None), True),
        ((10, "up to"), (7, None), True),
        ((10, ">"), (7, None), False),
        ((10, "range:20"), (15, None), True),
        ((2, None), (3, None), False),
    ],
)
def test_compatible_values(a, b, same):
    fa = Figure(0, 1, "x", a[0], None, a[1])
    fb = Figure(0, 1, "x", b[0], None, b[1])
    assert compatible_values(fa, fb) is same


def test_distinctive_number_worded_differently_is_corroborated(story):
    story.article("a", "Harbor Ledger", "In total 35 fire crews are now at the Olvane dock.")
    story.article("b", "Northgate Times", "Total 35 fire crews are working at the dock, he said.")
    story.figure("a", "35", 35, "crew", "fire crews (are now at the Olvane dock)")
    story.figure("b", "35", 35, "crew", "fire crews (working)")
    groups, discrepancies = group_figures(story.sources())
    assert not discrepancies
    assert [(g.status, g.outlets) for g in groups] == [
        ("corroborated", ["Harbor Ledger", "Northgate Times"])
    ]


def test_people_under_different_nouns_are_one_quantity(story):
    story.article("a", "Harbor Ledger", "More than 10,000 men and women march in the Olvane fair.")
    story.article("b", "Northgate Times", "Some 10,000 participants perform in the fair.")
    a = story.figure("a", "More than 10,000", 10000, "man", "men (march in the Olvane fair)")
    a.qualifier = ">"
    b = story.figure("b", "Some 10,000", 10000, "participant", "participants (perform)")
    b.qualifier = "~"
    groups, discrepancies = group_figures(story.sources())
    assert not discrepancies
    assert [g.status for g in groups] == ["corroborated"]


def test_a_duration_and_a_count_share_only_a_number(story):
    story.article("a", "Harbor Ledger", "The Dolphins lost the final 12 months ago.")
    story.article("b", "Northgate Times", "The Dolphins face a league of 12 teams.")
    story.figure("a", "12", 12, "month", "months")
    story.figure("b", "12", 12, "team", "teams (face)")
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies


def test_different_words_without_events_are_no_meaning_discrepancy(story):
    story.article("a", "Harbor Ledger", "Brenn finished the year with a $24.7 million haul.")
    story.article("b", "Northgate Times", "Ola Brenn raised $24.7 million in the last quarter.")
    story.figure("a", "$24.7 million", 24.7e6, "USD", "haul (finished)")
    story.figure("b", "$24.7 million", 24.7e6, "USD", "Ola Brenn (raised)")
    groups, discrepancies = group_figures(story.sources())
    assert not discrepancies
    assert [g.status for g in groups] == ["corroborated"]


def test_figures_of_different_months_are_neither_one_quantity_nor_a_conflict(story):
    story.article("a", "Harbor Ledger", "Support for the Vellan levy was 28% in April.")
    story.article("b", "Valley Wire", "Support for the Vellan levy reached 44% in June.")
    story.article("c", "Northgate Times", "Support for the Vellan levy was also 28% in June.")
    story.figure("a", "28%", 28, "%", "Support for the Vellan levy (was)").period = "april"
    story.figure("b", "44%", 44, "%", "Support for the Vellan levy (reached)").period = "june"
    story.figure("c", "28%", 28, "%", "Support for the Vellan levy (was)").period = "june"
    groups, discrepancies = group_figures(story.sources())
    assert all(g.status != "corroborated" for g in groups)  # April's 28% is not June's
    (d,) = discrepancies  # June's 44% against June's 28%, not against April's
    assert d.kind == "figure-value"
    assert {s.article for s in d.sides} == {"b", "c"}
    assert "june" in d.why and "differ by 16" in d.why
    assert d.confidence >= 0.5


def test_a_change_and_a_level_are_different_measures(story):
    story.article("a", "Harbor Ledger", "The Tarvik jobless rate rose 0.4% in May.")
    story.article("b", "Valley Wire", "The Tarvik jobless rate was 3.6% in May.")
    story.figure("a", "0.4%", 0.4, "%", "The Tarvik jobless rate (rose)").change = "up"
    story.figure("b", "3.6%", 3.6, "%", "The Tarvik jobless rate (was)")
    _, discrepancies = group_figures(story.sources())
    assert discrepancies == []


def test_estimates_of_different_forecasters_are_shown_as_a_spread(story):
    story.article("a", "Harbor Ledger", "Orla Bank puts the odds of a Vellan recession at 30%.")
    story.article("b", "Valley Wire", "A survey put the odds of a Vellan recession at 44%.")
    story.figure("a", "30%", 30, "%", "the odds of a Vellan recession (puts)")
    story.figure("b", "44%", 44, "%", "the odds of a Vellan recession (put)")
    (d,) = group_figures(story.sources())[1]
    assert "spread" in d.why


@pytest.mark.parametrize(
    ("text_a", "text_b", "fig_a", "fig_b", "status"),
    [
        # a bare number with no measure corroborates nothing
        ("Reasons to stay: 10. The harbour is calm.", "On a scale of one to ten, it is 10 now.",
         ("10", 10, None, ""), ("10", 10, None, "it (is)"), "single-source"),
        # a rate agrees with its bare sum: the "per" may be left to the sentence before
        ("Oil fell below $100/barrel on Tuesday.", "Oil dipped below $100 on Tuesday.",
         ("$100/barrel", 100, "USD per barrel", "oil (fell)"), ("$100", 100, "USD", "oil (dipped)"),
         "corroborated"),
    ],
)
def test_two_outlets_one_number(story, text_a, text_b, fig_a, fig_b, status):
    story.article("a", "Harbor Ledger", text_a)
    story.article("b", "Valley Wire", text_b)
    story.figure("a", *fig_a)
    story.figure("b", *fig_b)
    groups, _ = group_figures(story.sources())
    assert [(g.status, g.outlets) for g in groups] == [(status, ["Harbor Ledger", "Valley Wire"])]


def test_a_number_is_not_the_range_it_starts(story):
    story.article("a", "Harbor Ledger", "The fee is 10 euros per berth at the harbour.")
    story.article("b", "Valley Wire", "Fees run 10 to 90 euros per berth at the harbour.")
    story.figure("a", "10", 10, "EUR", "berth")
    f = story.figure("b", "10 to 90", 10, "EUR", "berth")
    f.qualifier = "range:90"
    groups, _ = group_figures(story.sources())
    assert "corroborated" not in [g.status for g in groups]


def _forecasts(story, source_a: str, source_b: str):
    for id, outlet, source, value in (("a", "Harbor Ledger", source_a, 44),
                                      ("b", "Valley Wire", source_b, 38)):
        story.article(id, outlet, f"{source} puts the chance of a recession at {value}%.")
        story.figure(id, f"{value}%", value, "%", "the chance of a recession").source = source
    return group_figures(story.sources())


def test_different_bodies_values_are_a_spread_not_a_conflict(story):
    groups, discrepancies = _forecasts(story, "Brindle Capital", "Orsk Analytics")
    assert [d.kind for d in discrepancies] == ["figure-spread"]
    assert "Brindle Capital" in discrepancies[0].why and "spread" in discrepancies[0].why
    assert "conflicting" not in [g.status for g in groups]
    assert sorted(s for g in groups for s in g.sources) == ["Brindle Capital", "Orsk Analytics"]


def test_different_bodies_counts_of_an_outcome_still_conflict(story):
    story.article("a", "Harbor Ledger", "Five people died in the Orsk fire, the police said.")
    story.article("b", "Valley Wire", "Seven people died in the Orsk fire, the hospital said.")
    story.figure("a", "Five", 5, "people", "people (died in the Orsk fire)").source = "police"
    story.figure("b", "Seven", 7, "people", "people (died in the Orsk fire)").source = "hospital"
    _, discrepancies = group_figures(story.sources())
    assert [d.kind for d in discrepancies] == ["figure-value"]
    assert "different sources (police, hospital)" in discrepancies[0].why


def test_one_body_named_two_ways_still_conflicts(story):
    _, discrepancies = _forecasts(story, "Brindle Capital", "Brindle")
    assert [d.kind for d in discrepancies] == ["figure-value"]


def test_figures_of_different_places_are_not_one_figure(story):
    story.article("a", "Harbor Ledger", "Inflation in Vorland was 6.1% in May.")
    story.article("b", "Valley Wire", "Inflation in Orsk was 6.1% in May.")
    story.figure("a", "6.1%", 6.1, "%", "Inflation (was)").place = "Vorland"
    story.figure("b", "6.1%", 6.1, "%", "Inflation (was)").place = "Orsk"
    groups, _ = group_figures(story.sources())
    assert [g.status for g in groups] == ["single-source", "single-source"]


def test_a_doubtful_rival_does_not_undo_an_agreement(story):
    # two outlets agree on May's rate (one names no measure, in its counted words or around
    # its number); a third's figure of another month shares the measure with one of them
    # only: a folded rival, not a conflict
    story.article("a", "Harbor Ledger", "In May, Vorland prices rose 6.1% from a year ago.")
    story.article("b", "Valley Wire", "In May, the reading rose 6.1% from a year earlier.")
    story.article("c", "Northgate Times", "Vorland prices shot up 9.5% in one month.")
    story.figure("a", "6.1%", 6.1, "%", "Vorland prices (rose)").period = "may"
    story.figure("b", "6.1%", 6.1, "%", "").period = "may"
    story.figure("c", "9.5%", 9.5, "%", "Vorland prices (shot)")
    groups, discrepancies = group_figures(story.sources())
    assert [(d.kind, d.confidence < 0.5) for d in discrepancies] == [("figure-value", True)]
    assert ("corroborated", ["Harbor Ledger", "Valley Wire"]) in [
        (g.status, g.outlets) for g in groups
    ]
    assert "conflicting" not in [g.status for g in groups]


def test_a_bare_rate_is_too_little_to_be_a_named_one(story):
    story.article("a", "Harbor Ledger", "If that rate goes to 5%, the loan costs more.")
    story.article("b", "Valley Wire", "One estimate of the natural rate puts it above 5%.")
    story.figure("a", "5%", 5, "%", "that rate (goes)")
    story.figure("b", "above 5%", 5, "%", "One estimate of the natural rate (puts)")
    groups, _ = group_figures(story.sources())
    assert "corroborated" not in [g.status for g in groups]


def test_a_toll_of_a_month_is_not_one_of_another_year(story):
    """ "killed in December" in a January report is last December, not a 1994 incident."""
    story.article("a", "Harbor Ledger", "He cited a 1994 Orvel case in which a gunman killed two "
                  "pupils.")
    story.article("b", "Valley Wire", "Her son was killed in December with four pupils.")
    for article, published in zip(story.articles, ("2027-01-20", "2027-01-21"), strict=True):
        article.published = published
    story.figure("a", "two", 2, "pupil", "pupils (killed)").period = "1994"
    story.figure("b", "four", 4, "pupil", "pupils (killed in December)").period = "december"
    groups, discrepancies = group_figures(story.sources())
    assert not discrepancies
    assert [g.status for g in groups] == ["single-source", "single-source"]


def test_the_same_month_unnamed_year_still_conflicts(story):
    story.article("a", "Harbor Ledger", "Two pupils were killed in Orvel in December 2026.")
    story.article("b", "Valley Wire", "Four pupils were killed in Orvel in December.")
    story.articles[1].published = "2027-01-21"
    story.figure("a", "Two", 2, "pupil", "pupils (killed)").period = "december 2026"
    story.figure("b", "Four", 4, "pupil", "pupils (killed in December)").period = "december"
    _, discrepancies = group_figures(story.sources())
    assert [d.kind for d in discrepancies] == ["figure-value"]


def test_a_count_of_the_other_ones_is_no_total(story):
    story.article("a", "Harbor Ledger", "The blast killed 26 people at the Orvel depot.")
    story.article("b", "Valley Wire", "His brother died there along with 19 other workers.")
    story.figure("a", "26", 26, "people", "people (killed)")
    other = story.figure("b", "19", 19, "worker", "other workers (died)")
    other.noun = "other worker"
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies


def test_a_generic_count_noun_is_no_other_meaning(story):
    story.article("a", "Harbor Ledger", "The plan includes 23 steps on harbour safety.")
    story.article("b", "Valley Wire", "The mayor signed 23 executive orders on harbour safety.")
    story.article("c", "Northgate Times", "The port lost 23 vessels to the storm.")
    story.figure("a", "23", 23, "step", "steps (includes)")
    story.figure("b", "23", 23, "order", "executive orders")
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies
    story.figure("c", "23", 23, "vessel", "vessels (lost)")
    _, discrepancies = group_figures(story.sources())
    assert [d.kind for d in discrepancies] == ["figure-meaning"]  # orders are not vessels


def test_people_counted_under_nouns_no_list_names_are_one_quantity(story):
    story.article("a", "Harbor Ledger", "The letter was signed by 64 faculty members and "
                  "chaplains at Orvel College.")
    story.article("b", "Valley Wire", "Some 64 Orvel College faculty and deans called on him.")
    story.article("c", "Northgate Times", "A group of 64 professors sent the mayor a letter.")
    story.figure("a", "64", 64, "member", "faculty members (signed at Orvel College)")
    story.figure("b", "Some 64", 64, "faculty", "Orvel College faculty (called)")
    story.figure("c", "64", 64, "professor", "professors (sent)")
    groups, discrepancies = group_figures(story.sources())
    assert not discrepancies
    assert [(g.status, len(g.outlets)) for g in groups] == [("corroborated", 3)]


def test_a_group_noun_in_the_plural_counts_groups_not_people(story):
    story.article("a", "Harbor Ledger", "The flood drove 64 households from Olvane.")
    story.article("c", "Northgate Times", "A group of 64 professors sent the mayor a letter.")
    story.figure("a", "64", 64, "household", "households (drove from Olvane)")
    story.figure("c", "64", 64, "professor", "professors (sent)")
    _, discrepancies = group_figures(story.sources())
    assert [d.kind for d in discrepancies] == ["figure-meaning"]


def test_a_share_and_its_complement_are_one_fact(story):
    story.article("a", "Harbor Ledger", "After 2041 the Orvel fund will pay only 81 percent of "
                  "promised benefits.")
    story.article("b", "Valley Wire", "By 2041 Orvel retirees would face a 19 percent cut in "
                  "benefits.")
    story.figure("a", "81 percent", 81, "%", "promised benefits")
    cut = story.figure("b", "19 percent", 19, "%", "benefits (face)")
    for item in story.analyses["a"].figures + story.analyses["b"].figures:
        item.period = "2041"
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies
    cut.value = 29  # a cut that leaves another share than the one paid: a disagreement
    _, discrepancies = group_figures(story.sources())
    assert [d.kind for d in discrepancies] == ["figure-value"]


def test_two_cuts_summing_to_a_whole_still_conflict(story):
    story.article("a", "Harbor Ledger", "Orvel retirees would face an 81 percent cut in benefits.")
    story.article("b", "Valley Wire", "Orvel retirees would face a 19 percent cut in benefits.")
    story.figure("a", "81 percent", 81, "%", "benefits (face)")
    story.figure("b", "19 percent", 19, "%", "benefits (face)")
    _, discrepancies = group_figures(story.sources())
    assert [d.kind for d in discrepancies] == ["figure-value"]
