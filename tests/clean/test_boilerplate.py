from crosswire.clean import clean_text, edge_lines, find_outlet, line_key

BODY = """The Orvel dam spillway was opened on Sunday, engineers said.
"The reservoir is stable," chief engineer Ida Brannock said.
Residents of three villages were told to stay alert through the week as water levels fell.
Share this article
Officials will inspect the dam again on Thursday, the ministry said.
Legal Disclaimer:
Wirecast Newsroom provides this news content as filed and cannot vouch for its accuracy."""


def test_disclaimer_trailer_and_share_line_are_removed_and_name_the_outlet():
    cleaned = clean_text(BODY)
    assert "Legal Disclaimer" not in cleaned.text
    assert "cannot vouch" not in cleaned.text
    assert "Share this article" not in cleaned.text
    assert cleaned.text.endswith("the ministry said.")
    assert cleaned.outlet == "Wirecast Newsroom"
    assert "Legal Disclaimer:" in cleaned.removed


def test_read_also_list_is_removed_mid_article_and_at_the_end():
    body = """The port of Tarsk reopened on Friday after nine days.
Read also
-
Crane operators vote on new shift plan
-
Ferry timetable changes announced for May
The port authority said cargo would clear within a week.
Unions said they would monitor the agreement closely over the coming months."""
    cleaned = clean_text(body)
    assert "Crane operators" not in cleaned.text
    assert "Ferry timetable" not in cleaned.text
    assert "cargo would clear within a week." in cleaned.text
    assert cleaned.text.startswith("The port of Tarsk reopened")


def test_marker_words_early_in_the_article_do_not_cut_it():
    body = (
        "Related:\nThe first paragraph of a story that goes on for a while, the council said.\n"
        + ("More sentences about the budget follow here, and they matter.\n" * 5)
    )
    assert "budget" in clean_text(body).text


def test_learned_outlet_lines_are_removed_only_at_the_edges():
    footer = "Follow the Valley Herald for live updates from the flood zone today"
    body = f"Water levels fell overnight in Orvel, officials said.\nSchools stay closed.\n{footer}"
    learned = {line_key(footer)}
    cleaned = clean_text(body, learned=learned)
    assert footer not in cleaned.text
    assert line_key(footer) in edge_lines(body)


def test_learned_lines_never_erase_an_article():
    body = "Line one of a syndicated story here.\nLine two of a syndicated story here."
    learned = {line_key(line) for line in body.split("\n")}
    assert clean_text(body, learned=learned).text == body


def test_no_signature_no_outlet():
    assert find_outlet("Plain story text.") is None
