"""Report text: paywall and login chrome out, the report in."""

from __future__ import annotations

from crosswire.stories.text import lead, looks_english, report_text

REPORT = (
    "The Orrin Street bridge in Velmora was closed on Monday after engineers found a crack. "
    "Mayor Tessa Quillfeather said it would stay shut until the survey ends. "
    "About 40,000 vehicles cross the bridge every day."
)


def test_chrome_sentences_are_dropped_from_a_report() -> None:
    text = REPORT + " Sign up for our newsletter to get stories like this. Read more below."
    assert report_text(text) == REPORT + " Read more below."


def test_a_paywall_stub_leaves_nothing() -> None:
    stub = (
        "You have used up your free access to the Velmora Herald this month.\n\n"
        "Subscribers, click below to login or register to continue. Log In Sign Up"
    )
    assert report_text(stub) == ""


def test_long_sentences_about_subscriptions_are_reporting() -> None:
    text = (
        "The Velmora Herald said on Monday that its print subscriptions fell by a third last "
        "year while digital readers doubled, and that the paper would close two of its "
        "regional offices in the spring to cut costs."
    )
    assert report_text(text) == text


def test_photo_credits_are_removed_and_text_without_chrome_is_unchanged() -> None:
    assert "Photo" not in report_text("Crowds gather at the quay. (Lantern Photo/Ivo Marsh) Rain.")
    assert report_text(REPORT) == REPORT


def test_url_dots_do_not_end_sentences() -> None:
    text = REPORT + " Login at velmoraherald.com is one click away for every member of the site."
    assert report_text(text) == REPORT


def test_lead_is_title_and_opening_words() -> None:
    assert lead("Bridge shut", REPORT, words=5) == "Bridge shut\nThe Orrin Street bridge in"
    assert lead(None, REPORT, words=3) == "The Orrin Street"
    # A stub counts by its title alone.
    assert lead("Bridge shut", "Subscribers, log in to read on.") == "Bridge shut"


def test_looks_english_tells_english_from_other_latin_script_languages() -> None:
    assert looks_english(REPORT)
    # Name-dense sports English still reads as English.
    assert looks_english("Ivo Penhallow scored twice as Brackwater Rovers beat Saltmere 3-1.")
    assert not looks_english("Die Brücke in Velmora ist seit Montag für den Verkehr gesperrt.")
    assert not looks_english("El puente de Velmora está cerrado desde el lunes por una grieta.")
    assert not looks_english("维尔莫拉的大桥因裂缝关闭")
    assert not looks_english("")


def test_gallery_controls_and_unbracketed_credits_are_removed() -> None:
    gallery = (
        "Photo: Ivo Marsh, Velmora Herald / Staff Photographer Image 1 of / 30 Caption Close "
        "1 / 30 Back to Gallery " + REPORT
    )
    assert report_text(gallery) == REPORT
    assert report_text("Ivo Marsh/Lantern Agency via Getty Images " + REPORT) == REPORT


def test_link_teasers_and_dateline_stamps_are_removed() -> None:
    text = "02 January 2031, 07:51 " + REPORT + " >>> See all the bridges of Velmora."
    assert report_text(text) == REPORT


def test_notes_about_the_page_itself_are_chrome() -> None:
    text = REPORT + (
        " This article was originally published on the Velmora Herald's site."
        " Visit the Herald's homepage for more stories. Follow her on Twitter @ivomarsh."
    )
    assert report_text(text) == REPORT
