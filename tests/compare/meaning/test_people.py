"""The person and group-of-people noun classes: their build on a hand-made WNDB sample, and
the shipped table."""

from __future__ import annotations

import gzip
import json

import pytest
from helpers import RESOURCES

from crosswire.compare.meaning.build import read_wordnet
from crosswire.compare.meaning.build_people import build
from crosswire.compare.meaning.people import (
    PEOPLE_FILE,
    counts_people,
    group_of_people,
    person_noun,
    written_head,
)

WORDNET = RESOURCES / "wordnet"


def test_build_follows_hypernyms_to_the_roots():
    tables = build(read_wordnet(WORDNET))
    # "harbourmaster" is a warden, a warden a person; "children" is WordNet's plural of "child"
    assert set(tables["person"]) == {"person", "warden", "harbourmaster", "child", "children"}
    # "case" is a person only in its third sense: too rare to count
    assert "case" not in tables["person"]
    # "faculty" is a group of people in its second sense, "staff" in its first; one word only
    assert set(tables["group"]) == {"group", "people", "faculty", "staff", "team", "household"}
    assert "pier" not in tables["person"] + tables["group"]


def test_read_wordnet_keeps_hypernym_pointers():
    wordnet = read_wordnet(WORDNET)
    assert wordnet.hypernyms[("n", "00000022")] == ["00000011"]
    assert wordnet.hypernyms[("n", "00000010")] == []


def test_shipped_classes():
    with gzip.open(PEOPLE_FILE, "rt", encoding="utf-8") as handle:
        raw = json.load(handle)
    assert len(raw["person"]) > 5000 and len(raw["group"]) > 500
    # nouns no hand-made list held: the counts of people in news of letters and lawsuits
    for noun in ("professor", "signatory", "republican", "manager", "plaintiff", "administrator"):
        assert person_noun(noun), noun
    for noun in ("store", "household", "team", "classification", "boat"):
        assert not person_noun(noun), noun


@pytest.mark.parametrize(
    ("unit", "written", "expected"),
    [
        ("woman", "women", True),
        ("manager", "managers", True),
        ("republicans", "republicans", True),  # an unlemmatised plural
        ("faculty", "faculty", True),  # a group of people written uninflected: its members
        ("staff", "staff", True),
        ("faculty", None, False),  # how it is written is unknown
        ("team", "teams", False),  # an inflected group noun counts groups
        ("household", "households", False),
        ("store", "stores", False),
        (None, None, False),
    ],
)
def test_counts_people(unit, written, expected):
    assert counts_people(unit, written) is expected


def test_group_nouns_count_people_only_as_written():
    assert group_of_people("crew") and group_of_people("troops")
    assert not group_of_people("crews") and not group_of_people("families")


def test_written_head_finds_the_inflected_form():
    assert written_head("member", "members of the Harbor caucus (signed)") == "members"
    assert written_head("woman", "women (serve)") == "women"
    assert written_head("faculty", "Orvel College faculty (called)") == "faculty"
    assert written_head("warden", "pilots (signed)") is None
    assert written_head("warden", None) is None
