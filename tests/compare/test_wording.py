"""Notes on how outlets word one statement: a part quoted, words added."""

from __future__ import annotations

from crosswire.compare.wording import wording_notes
from crosswire.records import Passage

FULL = (
    "The spillway gave way shortly after four in the morning, and our crews had less than an "
    "hour to warn the villages downstream"
)
PART = "our crews had less than an hour to warn the villages"
ADDED = (
    "We had asked for the money to repair it three years ago and nobody answered. "
    "The spillway gave way shortly after four in the morning, and our teams had under an hour "
    "to warn the villages downstream"
)


def _passages(*texts: str) -> list[Passage]:
    return [Passage(article=f"a{i}", text=t, start=0, end=len(t)) for i, t in enumerate(texts)]


def test_an_outlet_quoting_a_fragment_is_noted():
    notes = wording_notes(_passages(FULL, PART), ["Harbour Herald", "Tidewire"])
    assert notes == ["Tidewire quotes only part of it (11 of 23 words)"]


def test_words_only_one_outlet_quotes_are_shown_and_not_taken_for_a_cut_elsewhere():
    notes = wording_notes(_passages(FULL, ADDED), ["Harbour Herald", "Merrowfield Courier"])
    assert notes == [
        "Merrowfield Courier adds words no other outlet quotes: “We had asked for the money "
        "to repair it three years ago and nobody …”"
    ]


def test_rewordings_and_a_single_outlet_give_no_notes():
    reworded = FULL.replace("gave way", "broke").replace("crews", "teams")
    assert wording_notes(_passages(FULL, reworded), ["Harbour Herald", "Tidewire"]) == []
    assert wording_notes(_passages(FULL, PART), ["Tidewire", "Tidewire"]) == []
