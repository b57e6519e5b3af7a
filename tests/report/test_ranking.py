"""What is shown first and what is folded, whatever the format."""

import dataclasses

from crosswire.records import Discrepancy, Passage, QuoteGroup
from crosswire.report import render_report
from crosswire.report.ranking import rank_discrepancies, rank_lone_quotes, weak
from crosswire.report.terminal import FOLD_QUOTES


def _group(speaker: str | None, text: str, status: str = "single-source") -> QuoteGroup:
    return QuoteGroup(speaker=speaker, status=status,  # type: ignore[arg-type]
                      variants=[Passage("a1", text, 0, len(text))])  # fmt: skip


def test_lone_quotes_open_on_the_main_voices() -> None:
    groups = [
        _group(None, "a remark nobody claims, quite a long one"),
        _group("Olle Brand", "short"),
        _group("Ansa Korhel", "we stay"),
        _group("Ansa Korhel", "we stay out until the night shifts are paid"),
        _group("Olle Brand", "a disputed remark", status="conflicting"),
    ]
    ranked = [(g.speaker, g.variants[0].text) for g in rank_lone_quotes(groups)]
    assert ranked == [
        ("Olle Brand", "a disputed remark"),
        ("Ansa Korhel", "we stay out until the night shifts are paid"),
        ("Ansa Korhel", "we stay"),
        ("Olle Brand", "short"),
        (None, "a remark nobody claims, quite a long one"),
    ]


def test_discrepancies_by_confidence_then_kind() -> None:
    date = Discrepancy("date", "Monday vs Tuesday", [])
    meaning = Discrepancy("figure-meaning", "workers vs ships", [])
    venue = Discrepancy("venue", "a rally vs an interview", [])
    assert rank_discrepancies([date, venue, meaning]) == [meaning, venue, date]
    # a comparison that rates its findings decides the order, and its doubtful ones fold
    rated = [dataclasses.replace(d, confidence=c) for d, c in ((meaning, 0.4), (date, 0.9))]
    assert [d.kind for d in rank_discrepancies(rated)] == ["date", "figure-meaning"]
    assert weak(rated[0]) and not weak(rated[1]) and not weak(meaning)


def test_every_format_folds_single_source_quotes(story, articles, comparison) -> None:
    wire = articles[2]
    extra = [_group("Ansa Korhel", f"remark number {i}") for i in range(FOLD_QUOTES + 3)]
    for g in extra:
        g.variants[0].article = wire.id
    comparison.quotes += extra
    text = render_report(story, articles, comparison, "text", width=200)
    assert "… and 4 more quotes (`crosswire quotes --story` lists all)" in text
    md = render_report(story, articles, comparison, "md")
    assert "<details><summary>19 quotes, main voices first</summary>" in md
    assert "<details><summary>1 passage</summary>" in md
    html = render_report(story, articles, comparison, "html")
    assert "Quoted by one outlet only (19), main voices first" in html
    assert all(f"remark number {i}" in html and f"remark number {i}" in md for i in range(18))
