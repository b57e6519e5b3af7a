"""Copies in part, reworded, and what is not a copy: the same quotation in two reports."""

from __future__ import annotations

from crosswire.dedup.align import link_units, units
from crosswire.dedup.copies import copy_of, find_copies

OPINION = (
    "The Orvel reservoir is still far too full for the season. Farmers downstream want the "
    "spillway kept open, but the water board worries about the villages below the dam.\n"
    "The answer depends on the weather in the hills, which nobody can promise. If the rain "
    "eases this week, the board can lower the level slowly and spare the lower town.\n"
    "If it does not, the board will have to choose between the fields and the houses, and "
    "that choice should be made in public rather than behind closed doors."
)
# A synonym spinner's version of the second paragraph: most words replaced, order kept.
SPUN = (
    "The solution relies on the climate in the mountains, which no one can guarantee. If the "
    "rainfall lessens this week, the council can reduce the level gradually and save the lower "
    "city."
)
STATEMENT = (
    '"We will not open the gates until the engineers have inspected every metre of the wall," '
    "said the board's chair, Ida Brannock."
)
REPORT_A = (
    "The water board of Orvel refused on Monday to open the spillway gates, despite calls from "
    "farmers in the lower valley. " + STATEMENT + " Farmers said their fields would flood."
)
REPORT_B = (
    "Farmers in Kessel staged a protest outside the water board's offices on Monday evening. "
    + STATEMENT + " Police said the protest was peaceful and ended before midnight."
)


def test_a_partial_copy_is_a_copy_of_the_whole_and_not_the_reverse():
    part = OPINION.split("\n")[1]
    evidence = copy_of(part, OPINION)
    assert evidence is not None and evidence.kind == "contained" and evidence.share == 1.0
    assert copy_of(OPINION, part) is None


def test_a_reworded_copy_is_found_by_its_sentences():
    evidence = copy_of(SPUN, OPINION)
    assert evidence is not None and evidence.kind == "reworded"
    assert evidence.chars > 100


def test_two_reports_quoting_one_statement_are_not_copies():
    assert copy_of(REPORT_A, REPORT_B) is None and copy_of(REPORT_B, REPORT_A) is None
    found = {"a": units(REPORT_A), "b": units(REPORT_B)}
    assert {link.quotation for link in link_units(found)} == {True}


def test_a_quotation_of_another_outlet_s_prose_is_linked():
    quoting = (
        "The Kessel Gazette spoke to farmers at the market on Tuesday morning. Most of them "
        "had moved their animals to higher ground by the weekend, and two had sold their "
        "winter hay early. The board's critics wrote this week: "
        '"If the rain eases this week, the board can lower the level slowly and spare the '
        'lower town."'
    )
    found = {"gazette": units(quoting), "opinion": units(OPINION)}
    links = [link for link in link_units(found) if link.a == "gazette" and not link.quotation]
    assert [(found["gazette"][link.i].quoted, link.b) for link in links] == [(True, "opinion")]
    # one quoted sentence is not the whole page: the Gazette is no copy of the opinion piece
    assert copy_of(quoting, OPINION) is None


def test_find_copies_names_the_container_or_the_earlier_as_original():
    texts = {"spun": SPUN, "opinion": OPINION, "part": OPINION.split("\n")[0], "a": REPORT_A}
    copies = {(c.copy, c.original, c.evidence.kind) for c in find_copies(texts)}
    assert copies == {("spun", "opinion", "reworded"), ("part", "opinion", "contained")}
    # a copy that rewords its original word for word both ways: the earlier one is original
    (mutual,) = find_copies({"later": OPINION, "earlier": OPINION}, order=["earlier", "later"])
    assert (mutual.copy, mutual.original, mutual.evidence.kind) == ("later", "earlier", "exact")


def test_a_wire_frame_around_one_quotation_is_a_copy():
    from crosswire.dedup.align import same_prose

    frame_a = (
        "Brannock accused the council of running a reckless policy on the spillway in Orvel, "
        'saying "nobody knows what is happening, and now it looks like the river is going to '
        'beat the whole valley this spring."'
    )
    frame_b = (
        "She accused the council of carrying out a reckless policy on the spillway in Orvel, "
        'saying "nobody knows what is happening, and now it looks like the river is going to '
        'beat the whole valley this spring."'
    )
    (a,), (b,) = units(frame_a), units(frame_b)
    assert a.quoted and b.quoted and same_prose(a, b)
    (link, _) = link_units({"a": [a], "b": [b]})
    assert not link.quotation  # the reporter's own frame survived: one copied sentence
    # the same quotation in two reporters' own words stays two reports of one remark
    (c,) = units(
        "The council was blamed for the spillway by Brannock, who told the crowd "
        '"nobody knows what is happening, and now it looks like the river is going to '
        'beat the whole valley this spring."'
    )
    assert not same_prose(a, c)
