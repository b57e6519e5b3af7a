"""The analysis stage: sentences, entities and actors, quotes, figures and claims per article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from crosswire.analyze.claims import extract_claims
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.figures import extract_figures
from crosswire.analyze.nlp import load_nlp
from crosswire.analyze.quotes import extract_quotes
from crosswire.config import Config
from crosswire.records import Analysis, Article


def analyze_articles(
    articles: Iterable[Article], config: Config | None = None
) -> Iterator[Analysis]:
    """Analyse articles in batches with one spaCy pipeline (``nlp.pipe``), yielding one
    :class:`Analysis` per article in input order."""
    config = config or Config()
    nlp = load_nlp(config.spacy_model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=config.batch_size):
        yield analyse_doc(doc, article.id)


def analyse_doc(doc: Doc, article_id: str) -> Analysis:
    """The rules over one parsed document (``bench/analyse.py --rules`` times them alone)."""
    entities, actors = extract_entities(doc)
    quotes = extract_quotes(doc, entities, actors)
    figures = extract_figures(doc, quotes)
    claims = extract_claims(doc, entities)
    return Analysis(
        article=article_id,
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
        entities=entities,
        actors=actors,
        quotes=quotes,
        figures=figures,
        claims=claims,
    )


def analyze_article(article: Article, config: Config | None = None) -> Analysis:
    """Analyse one article (see :func:`analyze_articles` for batches)."""
    return next(analyze_articles([article], config))
