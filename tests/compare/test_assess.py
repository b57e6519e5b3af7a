"""What every discrepancy is checked for, whoever produced it, and the order and the fold."""

from __future__ import annotations

from crosswire.compare.assess import assess, subject_overlap
from crosswire.compare.origins import find_origins
from crosswire.compare.rank import FOLD_BELOW, ranked, weak
from crosswire.records import Discrepancy, Passage

RISKS = "An online quiz lets readers rate 12 risks the central bank faces this autumn."
BANKS = "The 12 regional reserve banks report to the board in Tarsk every month."
TOLL_A = "Two people died when the dam at Orvel gave way on Sunday night."
TOLL_B = "Three people died when the Orvel dam gave way late on Sunday."


def _passage(article: str, text: str) -> Passage:
    return Passage(article, text, 0, len(text))


def test_subject_overlap_ignores_numbers_and_tells_one_thing_from_two():
    assert subject_overlap([_passage("a", RISKS), _passage("b", BANKS)]) < 0.2
    assert subject_overlap([_passage("a", TOLL_A), _passage("b", TOLL_B)]) > 0.6


def test_a_discrepancy_without_a_reason_gets_one_from_its_sides(story):
    story.article("a", "Vessa Post", RISKS + " " + TOLL_A)
    story.article("b", "Orvel Radio", BANKS + " " + TOLL_B)
    sources, origins = story.sources(), find_origins(story.articles)
    text = {a.id: a.text for a in story.articles}

    def side(key: str, sentence: str) -> Passage:
        start = text[key].index(sentence)
        return Passage(key, sentence, start, start + len(sentence))

    unrelated = assess(
        Discrepancy("figure-meaning", "12 and 12", [side("a", RISKS), side("b", BANKS)]),
        sources, origins,
    )
    toll = assess(
        Discrepancy("figure-value", "2 and 3", [side("a", TOLL_A), side("b", TOLL_B)]),
        sources, origins,
    )
    assert weak(unrelated) and not weak(toll)
    assert "share" in unrelated.why and toll.confidence == 1.0
    assert ranked([unrelated, toll]) == [toll, unrelated]


def test_many_sides_lower_the_confidence(story):
    sentences = [
        "Two people died when the Orvel dam gave way.",
        "Rescuers at the Orvel dam counted three dead by noon.",
        "The dam collapse at Orvel killed four, the mayor said.",
        "Five bodies were found below the broken Orvel dam.",
        "Police put the Orvel dam toll at six on Monday.",
        "Seven died at Orvel, where the dam burst overnight.",
    ]
    for n, sentence in enumerate(sentences):
        story.article(str(n), f"Outlet {n}", sentence)
    sides = [_passage(str(n), s) for n, s in enumerate(sentences)]
    lumped = assess(Discrepancy("figure-value", "many", sides), story.sources(),
                    find_origins(story.articles))
    assert lumped.confidence < 1.0 and "6 sides" in lumped.why


def test_the_fold_is_a_threshold_on_confidence():
    assert weak(Discrepancy("venue", "x", [], "why", FOLD_BELOW - 0.01))
    assert not weak(Discrepancy("venue", "x", [], "why", FOLD_BELOW))
