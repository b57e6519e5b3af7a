"""Cheap lexical features of an article for story grouping (no NLP model needed).

Grouping runs before spaCy analysis, so everything here is regex and counting: content-word
stems for a TF-IDF vector, proper-noun tokens as a stand-in for named entities, and the
publication date for a time window.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from crosswire.records import Article
from crosswire.stories.text import report_text

# Words with letters (and inner apostrophes/hyphens); numbers alone say little about the event.
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
# A run of capitalised words, optionally joined by a short lowercase particle
# ("Bank of England", "Ursula von der Leyen"): a regex stand-in for named entities.
NAME_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*[\w]|[A-Z])"
    r"(?:\s+(?:(?:of|de|del|der|von|van|al|bin|la|le)\s+)*(?:[A-Z][\w'’.-]*[\w]|[A-Z]))*"
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    # Reporting verbs and news filler: every article has them, they never tell stories apart.
    {"said", "says", "told", "according", "reported", "reports", "report", "news", "year",
     "years", "new", "just", "like", "also", "would", "could", "one", "two", "per", "cent",
     "mr", "mrs", "ms", "dr", "read", "click", "subscribe", "sign", "login", "email"}
)  # fmt: skip
# How much more a title word counts than a body word: a headline names the event in a few
# words, and for paywalled pages it is often all there is.
TITLE_WEIGHT = 3
# Body words counted a second time from the start of the report: about the lead paragraph and
# the one after it. 50 and 100 gave the same F1 on the SemEval pairs; 100 was steadier across
# thresholds (bench/stories.py).
LEAD_WORDS = 100
MIN_WORD_LEN = 3


def stem(word: str) -> str:
    """A light suffix stripper, so "crashes"/"crashed"/"crash" share one feature.

    Deliberately conservative (a few inflections only): an over-eager stemmer merges unrelated
    words, which matters more for grouping than a missed variant.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


def content_words(text: str) -> list[str]:
    """Stems of the content words of ``text`` (stop words and very short words dropped)."""
    out = []
    for match in WORD_RE.finditer(text):
        word = match.group().lower().replace("’", "'")
        if len(word) < MIN_WORD_LEN or word in STOP_WORDS:
            continue
        stemmed = stem(word)
        if len(stemmed) >= MIN_WORD_LEN and stemmed not in STOP_WORDS:
            out.append(stemmed)
    return out


def lowercase_words(text: str) -> set[str]:
    """Words written in lowercase somewhere in ``text`` (evidence they are common words)."""
    return {m.group() for m in WORD_RE.finditer(text) if m.group().islower()}


def proper_names(text: str, common: set[str] | None = None) -> list[str]:
    """Lowercased tokens of capitalised word runs ("Mark Rutte" -> "mark", "rutte").

    Tokens rather than whole runs, so "Rutte" and "Mark Rutte" match. A capitalised word that
    also appears in lowercase in the text is a common word at a sentence start or in a Title
    Case headline ("Says", "Attempt"), not a name, and is dropped.
    """
    lower_words = lowercase_words(text) if common is None else common
    out = []
    for match in NAME_RE.finditer(text):
        for token in match.group().split():
            word = token.strip(".'’-").lower()
            if len(word) < 2 or word in STOP_WORDS or word in lower_words:
                continue
            out.append(word.replace("’", "'").removesuffix("'s"))
    return out


def is_title_case(title: str) -> bool:
    """True for a headline that capitalises (nearly) every content word."""
    words = [m.group() for m in WORD_RE.finditer(title) if m.group().lower() not in STOP_WORDS]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised >= 0.8 * len(words)


def parse_date(value: str | None) -> datetime | None:
    """A naive UTC-agnostic datetime from an ISO date string, or None if absent/unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return parsed.replace(tzinfo=None)


@dataclass(slots=True)
class StoryFeatures:
    """What grouping keeps of an article: term and name counts, and when it was published.

    ``embedding`` is the encoded lead embedding (see :mod:`crosswire.stories.embedding`) and
    ``embedder`` the name of the model that made it; both are None on the lexical path.
    """

    terms: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    published: str | None = None
    embedding: str | None = None
    embedder: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "terms": dict(self.terms), "names": dict(self.names), "published": self.published
        }  # fmt: skip
        if self.embedding is not None:
            data["embedding"] = self.embedding
            data["embedder"] = self.embedder
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryFeatures:
        return cls(
            terms=Counter(data.get("terms", {})),
            names=Counter(data.get("names", {})),
            published=data.get("published"),
            embedding=data.get("embedding"),
            embedder=data.get("embedder"),
        )

    def document_terms(self) -> set[str]:
        """The keys counted once per article in the store's document-frequency table."""
        return set(self.terms) | {name_key(n) for n in self.names}


def name_key(name: str) -> str:
    """Names share the document-frequency table with terms under their own prefix."""
    return "@" + name


def article_features(article: Article) -> StoryFeatures:
    """Features of one article: body and (weighted) title words and names, and its date.

    The body is the report without page chrome (:func:`report_text`): a paywall stub counts
    by its title alone.
    """
    body = report_text(article.text)
    # Lowercase words of body and title together: a Title Case headline has none of its own.
    common = lowercase_words(body) | lowercase_words(article.title or "")
    terms = Counter(content_words(body))
    names = Counter(proper_names(body, common))
    # The opening words count twice: news puts the event first (the lead), and what follows
    # drifts into background, related-story links and outlet notes.
    opening = " ".join(body.split()[:LEAD_WORDS])
    terms.update(content_words(opening))
    names.update(proper_names(opening, common))
    if article.title:
        title_names = proper_names(article.title, common)
        if is_title_case(article.title):
            # "NATO Chief Says Russia May Attempt ...": every word is capitalised, so only the
            # words the body also writes as names count as names.
            title_names = [n for n in title_names if n in names]
        for _ in range(TITLE_WEIGHT):
            terms.update(content_words(article.title))
            names.update(title_names)
    return StoryFeatures(terms=terms, names=names, published=article.published)
