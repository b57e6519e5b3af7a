"""Pages that are not articles: walls and widgets are recognised, short articles are not."""

from __future__ import annotations

import json

import pytest
from helpers import shared_path

from crosswire.clean import clean_text
from crosswire.clean.stubs import find_stub

STUBS = {
    "cookie banner": (
        "Cookies on Vessa Post Sites\n\nWe use cookies for several reasons, such as keeping our "
        "sites reliable and secure and measuring how they are used."
    ),
    "JavaScript wall": (
        "Why did this happen?\n\nPlease make sure your browser supports JavaScript and cookies "
        "and that you are not blocking them from loading."
    ),
    "paywall": (
        "Harbour fees rise again\nYou have reached the limit for free access to the Orvel "
        "Courier.\n\nSubscribers, click below to log in or register your subscription."
    ),
    "newsletter sign-up": (
        "Stay up to date on the flood\n\nGet Breaking News\n\nSign up now to get our free "
        "breaking news coverage delivered right to your inbox."
    ),
    "video page": (
        "Why the Tarsk Rally Will Fade\n\nPublished on March 3rd, 2026 Duration 41 minutes"
    ),
    "ad-block wall": (
        "We noticed you’re blocking ads!\n\nKeep supporting local journalism by turning off your "
        "ad blocker, or buy a subscription."
    ),
}


@pytest.mark.parametrize("kind", sorted(STUBS))
def test_a_wall_page_is_a_stub_of_its_kind(kind):
    stub = find_stub(STUBS[kind])
    assert stub is not None and stub.kind == kind
    assert stub.evidence in STUBS[kind].replace("’", "'")


def test_a_short_article_is_no_stub():
    text = (
        "The Orvel dam held through the night, engineers said on Monday. Residents of Kessel "
        "were told they could return home by noon, and the regional water board said the "
        "reservoir had fallen by a metre since Sunday."
    )
    assert find_stub(text) is None


def test_an_article_ending_with_a_sign_up_box_is_an_article():
    prose = (
        "The Orvel dam held through the night, engineers said on Monday, after the spillway "
        "was opened to let the swollen reservoir drain into the lower valley. "
    )
    box = "Sign up now to get our free breaking news coverage delivered to your inbox."
    text = prose * 3 + "\n" + box
    assert find_stub(text) is None


def test_a_long_page_that_mentions_cookies_is_an_article():
    text = ("Bakers in Tarsk sold out of cookies by noon as the festival opened. " * 20).strip()
    assert find_stub(text) is None


def test_a_removed_sign_up_line_still_shows_the_wall():
    # Cleaning drops "Sign up for our newsletter" lines; what is left is a heading or two.
    assert find_stub("Harbour News\n\nGet Breaking News", ["Sign up for our newsletter"])


def test_the_recession_set_has_four_stubs_and_they_are_the_only_ones():
    path = shared_path("data", "compare", "recession", "articles.jsonl")
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        cleaned = clean_text(record["maintext"])
        stub = find_stub(cleaned.text, cleaned.removed)
        if stub is not None:
            found[record["source_domain"]] = stub.kind
    assert found == {
        "ft.com": "cookie banner",
        "bloomberg.com": "JavaScript wall",
        "clintonherald.com": "newsletter sign-up",
        "realvision.com": "video page",
    }


def test_no_basil_article_is_a_stub():
    path = shared_path("data", "stories", "basil", "dev.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records
    assert not [r["id"] for r in records if find_stub(clean_text(r["maintext"]).text)]
