"""Pairing quotation marks on plain text."""

from __future__ import annotations

from crosswire.analyze.marks import find_quotations


def contents(text: str) -> list[str]:
    return [" ".join(text[s:e] for s, e in q.parts) for q in find_quotations(text)]


def test_straight_and_curly_pairs() -> None:
    assert contents('A "b c" d “e f” g') == ["b c", "e f"]


def test_multi_paragraph_quote_reopens_each_paragraph() -> None:
    text = '"First part.\n"Second part," she said.'
    quotes = find_quotations(text)
    assert len(quotes) == 1
    assert contents(text) == ["First part. Second part,"]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = 'He said "we will win\nThe next line.'
    quotes = find_quotations(text)
    assert len(quotes) == 1 and not quotes[0].closed
    assert contents(text) == ["we will win"]


def test_stray_closing_mark_is_ignored() -> None:
    assert contents("no opening” here “but this”") == ["but this"]


def test_doubled_apostrophes_pair_like_straight_marks() -> None:
    text = "He said ''we will win'' and left.\n''First part.\n''Second part,'' she said."
    quotes = find_quotations(text)
    assert contents(text) == ["we will win", "First part. Second part,"]
    assert text[quotes[0].after :].startswith(" and left")


def test_blank_lines_between_paragraphs_of_one_quote() -> None:
    # Clean text separates paragraphs with a blank line; the quote still runs on.
    text = (
        'Ines Halm said she would stay.\n\n"The first years were hard.\n\n"Now the mill '
        'pays," she said.'
    )
    assert contents(text) == ["The first years were hard. Now the mill pays,"]


def test_an_unclosed_quote_before_a_plain_paragraph_still_ends() -> None:
    text = 'He said "we will win\n\nThe next paragraph is narration.'
    quotes = find_quotations(text)
    assert len(quotes) == 1 and not quotes[0].closed
    assert contents(text) == ["we will win"]


def test_single_marks_quote_outside_double_marks() -> None:
    text = "The mayor called the scheme ‘a disaster waiting to happen’. He said 'no deal'."
    assert contents(text) == ["a disaster waiting to happen", "no deal"]


def test_apostrophes_are_not_single_quotes() -> None:
    text = "Don’t touch the workers’ fund, rock 'n' roll since the '90s, Ines' car."
    assert contents(text) == []


def test_plural_possessive_inside_a_single_quote() -> None:
    text = "‘The harbour stays, and the workers’ jobs with it,’ she said."
    assert contents(text) == ["The harbour stays, and the workers’ jobs with it,"]


def test_single_marks_inside_double_marks_are_one_quotation() -> None:
    text = "He said: “They told me ‘wait’ twice.” Then he left."
    assert contents(text) == ["They told me ‘wait’ twice."]


def test_a_line_that_is_only_a_single_quoted_phrase_is_a_subheading() -> None:
    text = "Harbour plan\n\n'A fight from start to finish.'\n\nThe council met on Monday."
    assert contents(text) == []


def test_straight_closing_mark_without_its_opening_is_skipped() -> None:
    # A cut text lost the opening mark; the next quotation still pairs the right way round.
    text = 'across the valley.\" The authors concluded: "This study adds to it." It ended.'
    assert contents(text) == ["This study adds to it."]


def test_lost_straight_closing_mark_before_a_new_quotation() -> None:
    text = 'the release said. "Most pups had wounds. "All found homes," the shelter said.'
    assert contents(text) == ["Most pups had wounds.", "All found homes,"]


def test_inch_mark_is_not_a_quotation() -> None:
    assert contents('It was "great" and 5" long.') == ["great"]


def test_curly_quotation_inside_a_straight_one() -> None:
    text = '"The court is not about “Equal Justice” anymore. It is about power," Ward said.'
    assert contents(text) == ["The court is not about “Equal Justice” anymore. It is about power,"]


def test_a_stray_straight_mark_does_not_swallow_the_curly_quotes_after_it() -> None:
    text = 'The "main pipe burst. “We are working on it,” the mayor said.'
    assert contents(text) == ["We are working on it,"]
