"""The analysis stage end to end on a fictional article."""

from __future__ import annotations

from crosswire.analyze import analyze_article, analyze_articles
from crosswire.records import Analysis, Article

TEXT = (
    "Velmar Council Looks At Tolls\n"
    'Mayor Ewa Sarnik said on Friday that tolls were "the last resort." She added: '
    '"We will consult every household first."'
)


def test_analysis_has_sentences_per_line_and_quotes() -> None:
    article = Article(id="a1", source="t", text=TEXT, raw=TEXT)
    analysis = analyze_article(article)
    assert analysis.article == "a1"
    # The heading line is its own sentence (line breaks end sentences).
    start, end = analysis.sentences[0]
    assert TEXT[start:end].strip() == "Velmar Council Looks At Tolls"
    speakers = {q.speaker for q in analysis.quotes}
    assert speakers == {"Ewa Sarnik"}
    assert Analysis.from_dict(analysis.as_dict()) == analysis


def test_batches_keep_input_order() -> None:
    articles = [Article(id=f"a{i}", source="t", text=TEXT, raw=TEXT) for i in range(3)]
    assert [a.article for a in analyze_articles(articles)] == ["a0", "a1", "a2"]
