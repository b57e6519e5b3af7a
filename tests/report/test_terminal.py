import io

from rich.console import Console

from crosswire.report import print_report, render_report


def test_plain_text_report_has_every_section(story, articles, comparison) -> None:
    text = render_report(story, articles, comparison, "text", width=120)
    assert "\x1b[" not in text
    order = [
        "Vellmar docks <strike>",
        "2 quotes (1 corroborated",
        "Discrepancies",
        "Quotes",
        "Figures",
        "Only in Nordvik Post",
    ]
    positions = [text.index(word) for word in order]
    assert positions == sorted(positions)
    assert "syndicated copy of Tidewater Wire" in text
    assert "FIGURE 1,200 workers on strike vs 1,200 ships waiting" in text
    assert "source: Korhel" in text
    assert "[Nordvik Post §170–201]" in text


def test_plain_text_marks_changed_words(story, articles, comparison) -> None:
    text = render_report(story, articles, comparison, "text", width=160)
    assert "We will not unload «a single» ship until «the» night shifts" in text
    assert "We will not unload «one» ship until night shifts" in text
    assert "Ansa Korhel [corroborated]" in text and "[conflicting]" in text
    assert "Quoted by one outlet only" in text
    assert "│ Ansa Korhel " in text.split("Quoted by one outlet only")[1]


def test_colour_report_highlights_without_markers(story, articles, comparison) -> None:
    text = render_report(story, articles, comparison, "text", width=160, color=True)
    assert "\x1b[" in text
    assert "«" not in text
    assert "\x1b[1;30;43mone\x1b[0m" in text  # bold black on yellow


def test_print_report_writes_to_the_given_console(story, articles, comparison) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None)
    print_report(story, articles, comparison, console)
    out = buffer.getvalue()
    assert "Ansa Korhel" in out and "We stay out" in out
    assert "The harbour authority lost 3 million crowns" in out


def test_markup_in_article_text_is_not_interpreted(story, articles, comparison) -> None:
    comparison.unique[0].text = "[bold red]not markup[/]"
    text = render_report(story, articles, comparison, "text", width=120)
    assert "[bold red]not markup[/]" in text
