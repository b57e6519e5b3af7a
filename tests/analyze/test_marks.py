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
