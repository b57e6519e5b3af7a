from crosswire.records import Comparison
from crosswire.report import render_report


def test_differing_quote_words_are_bold(story, articles, comparison) -> None:
    md = render_report(story, articles, comparison, "md")
    assert "| Coastline Gazette | Nordvik Post |" in md
    assert "We will not unload **a single** ship until **the** night shifts" in md
    assert "We will not unload **one** ship until night shifts" in md


def test_every_statement_carries_its_source_reference(story, articles, comparison) -> None:
    md = render_report(story, articles, comparison, "md")
    passages = [s for d in comparison.discrepancies for s in d.sides]
    passages += [m for f in comparison.figures for m in f.mentions] + comparison.unique
    outlet = {a.id: a.outlet for a in articles}
    for p in passages:
        ref = f"[{outlet[p.article]} §{p.start}–{p.end}]"
        line = next(line for line in md.splitlines() if ref in line)
        # the cited text comes just before its reference (figures: inside their sentence)
        assert p.text in line.replace("**", "").split(ref)[0].split("<br>")[-1]
    for v in comparison.quotes[0].variants:
        assert f"[{outlet[v.article]} §{v.start}–{v.end}]" in md


def test_sections_and_header(story, articles, comparison) -> None:
    md = render_report(story, articles, comparison, "md")
    assert md.startswith("# Vellmar docks \\<strike\\>\n")
    assert "syndicated copy of Tidewater Wire" in md
    assert "## Discrepancies" in md and "### Venue: an interview with the Coastline" in md
    assert "### Ansa Korhel `corroborated`" in md
    assert "| 1,200 | workers | Korhel | `conflicting` | Coastline Gazette, Nordvik Post |" in md
    assert "**About 1,200 workers** joined the strike, Korhel told" in md
    assert "## Only in Nordvik Post" in md
    assert md.index("## Discrepancies") < md.index("## Quotes") < md.index("## Figures")


def test_markdown_special_characters_are_escaped(story, articles, comparison) -> None:
    articles[1].outlet = "Post | *Nordvik*"
    md = render_report(story, articles, comparison, "md")
    assert "Post \\| \\*Nordvik\\*" in md
    assert "| Post | *Nordvik* |" not in md


def test_empty_comparison_says_so(story, articles) -> None:
    md = render_report(story, articles, Comparison(story="a1"), "md")
    assert "No disagreement found" in md and "No quotes found." in md
    assert "Only in" not in md


def test_one_outlet_quotes_are_listed_not_tabled(story, articles, comparison) -> None:
    md = render_report(story, articles, comparison, "md")
    lone = md.split("### Quoted by one outlet only")[1].split("## Figures")[0]
    assert "- **Ansa Korhel** (Tidewater Wire): “We stay out” [Tidewater Wire §37–48]" in lone
    assert "| Tidewater Wire |\n|---|" not in md
