"""Per-article analysis: entities and actors, quotes with speakers, figures, claims."""

from crosswire.analyze.pipeline import analyze_article, analyze_articles

__all__ = ["analyze_article", "analyze_articles"]
