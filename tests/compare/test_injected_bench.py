"""The changes ``bench/compare_injected.py`` makes, on records written here (a fictional
event), so the recall it prints rests on changes that are what they claim."""

from __future__ import annotations

import sys

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from compare_injected import Injection, changed_figure, injected_records  # noqa: E402


@pytest.mark.parametrize(("mention", "changed"), [
    ("4,200 residents", "6,300 residents"),
    ("at least $10,000", "at least $15,000"),
    ("40-60 hours", "60-90 hours"),
    ("1.5 million", "2.25 million"),
    ("Three", "Five"),
    ("2 percent", "3 percent"),
    ("1 boat", "2 boat"),
])
def test_every_number_of_the_mention_is_changed_and_its_words_kept(mention, changed):
    assert changed_figure(mention) == changed


def test_a_mention_without_a_number_is_not_changed():
    assert changed_figure("a dozen ferries") is None


def test_the_same_occurrence_is_changed_in_one_outlets_text():
    records = [
        {"url": "https://ledger.example/a", "maintext": "Of 12 boats, 12 sank at Velmora."},
        {"url": "https://wire.example/b", "maintext": "Of 12 boats, 12 sank at Velmora."},
    ]
    change = Injection("figure-value", "ferry", "https://wire.example/b", "12", "18", 1, 13, "")
    out = injected_records(records, change)
    assert out is not None
    assert [r["maintext"] for r in out] == [
        "Of 12 boats, 12 sank at Velmora.", "Of 12 boats, 18 sank at Velmora."]
    assert records[1]["maintext"] == "Of 12 boats, 12 sank at Velmora."  # input left alone
    missing = Injection("figure-value", "ferry", "https://wire.example/b", "12", "18", 2, 0, "")
    assert injected_records(records, missing) is None
