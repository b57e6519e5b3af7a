"""Assign each article to exactly one story, incrementally, against what the store holds.

An article is compared only with candidates that share one of its story keys (its most
distinctive words and names), never with every stored article, so ingest can run batch after
batch. Retrieved candidates above the threshold name the stories it may join; it joins the one
holding its best match, provided its average score over that story's members (average link)
passes most of the threshold too, and otherwise starts a story of its own, whose id is its id. The
average-link condition stops chaining: one article that covers two events cannot pull the second
event into the first's story. A story is never re-split or merged afterwards, so re-running on
the same articles changes nothing.

With ``config.story_embedder`` set, each pair's lexical score is joined with the cosine of the
two articles' lead embeddings (:func:`crosswire.stories.similarity.combine`): the embedding
reads paraphrase and topic-level wording the word counts miss, the words keep names and
specifics the embedding blurs. Retrieval stays lexical, so the cost per article is unchanged
apart from one model call per new article at indexing time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from crosswire.config import Config
from crosswire.dates import parse_date
from crosswire.records import Article
from crosswire.store.base import Store
from crosswire.stories.embedding import decode_vector, embed_articles, resolve_embedder
from crosswire.stories.features import StoryFeatures, article_features, name_key
from crosswire.stories.language import different_languages
from crosswire.stories.similarity import (
    PairScore,
    Vectors,
    combine,
    embedding_cosine,
    pair_score,
    vectors,
    within_window,
)

# Candidate retrieval keys per article: its highest-weighted words and names. Two reports of
# one event share several of either; a dozen keeps the index small but robust to wording.
# Reports in two languages share only names and figures, so those get as many keys as words
# (8 name keys missed cross-language pairs whose shared names ranked lower on one side).
KEY_WORDS = 12
KEY_NAMES = 12
# Candidates scored per article, most shared keys first: bounds the work per article however
# large the store grows.
MAX_CANDIDATES = 50
# Story members compared for the average link; the most recent ones describe the story now, so
# a long-running story can evolve without every new report having to match its first one.
MAX_MEMBERS = 25
# The average link may fall a quarter below the threshold the best link must pass: reports of
# one event share a core, but each outlet adds its own background (the seeds' long report is
# 0.25-0.33 from the two short ones), so demanding the full threshold on average splits real
# stories; a bridge article matching one member and nothing else still falls far below.
COHESION = 0.75


@dataclass(slots=True)
class Match:
    """The story an article joins and how close it is."""

    story: str
    best: float
    mean: float


class _Batch:
    """Per-call caches: stored features, document frequencies and vectors under one IDF."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.features: dict[str, StoryFeatures | None] = {}
        self.df: dict[str, int] = {}
        self.vecs: dict[str, Vectors] = {}
        self.embeddings: dict[str, tuple[str, np.ndarray] | None] = {}
        self.documents = 0

    def get_features(self, article_id: str) -> StoryFeatures | None:
        if article_id not in self.features:
            data = self.store.get_story_features(article_id)
            self.features[article_id] = StoryFeatures.from_dict(data) if data else None
        return self.features[article_id]

    def vector(self, article_id: str) -> Vectors | None:
        if article_id in self.vecs:
            return self.vecs[article_id]
        features = self.get_features(article_id)
        if features is None:
            return None
        missing = [t for t in features.document_terms() if t not in self.df]
        if missing:
            found = self.store.document_frequencies(missing)
            self.df.update({t: found.get(t, 0) for t in missing})
        self.vecs[article_id] = vectors(features, self.df, self.documents)
        return self.vecs[article_id]

    def embedding(self, article_id: str) -> tuple[str, np.ndarray] | None:
        """The article's stored lead embedding with its embedder's name, decoded once."""
        if article_id not in self.embeddings:
            features = self.get_features(article_id)
            if features is None or features.embedding is None or features.embedder is None:
                self.embeddings[article_id] = None
            else:
                vector = decode_vector(features.embedding)
                self.embeddings[article_id] = (features.embedder, vector)
        return self.embeddings[article_id]

    def score(self, first: str, second: str) -> PairScore | None:
        """Lexical score of two indexed articles, joined with their embedding cosine when
        both were embedded by the same model (older, lexically indexed ones count by words)."""
        a, b = self.vector(first), self.vector(second)
        if a is None or b is None:
            return None
        lexical = pair_score(a, b)
        ea, eb = self.embedding(first), self.embedding(second)
        if ea is None or eb is None or ea[0] != eb[0]:
            return lexical
        return combine(lexical, embedding_cosine(ea[1], eb[1]))


def story_keys(features: StoryFeatures, df: dict[str, int], documents: int) -> list[str]:
    """An article's retrieval keys: its top words (``w:``) and names (``n:``) by TF-IDF."""
    vecs = vectors(features, df, documents)
    words = sorted(vecs.words.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_WORDS]
    names = sorted(vecs.names.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_NAMES]
    return [f"w:{t}" for t, _ in words] + [f"n:{n}" for n, _ in names]


def index_articles(store: Store, articles: Iterable[Article], config: Config | None = None) -> None:
    """Store features and keys of articles not indexed yet (duplicates are never indexed).

    With an embedder configured, the new articles' lead embeddings are computed in one batch
    and stored with their features.

    Document frequencies of the whole batch are counted before any keys are chosen, so the
    first article of a batch is weighed against its batch-mates too. One transaction: a crash
    cannot count an article's terms without storing its features (re-runs would count twice).
    Syndicated copies stay out of the counts, or a wire story would make its own words look
    common.
    """
    new: dict[str, StoryFeatures] = {}
    new_articles: list[Article] = []
    for article in articles:
        if article.duplicate_of or article.id in new:
            continue
        if store.get_story_features(article.id) is None:
            new[article.id] = article_features(article)
            new_articles.append(article)
    if not new:
        return
    embedder = resolve_embedder(config.story_embedder if config else None)
    if embedder is not None:
        for article, encoded in zip(
            new_articles, embed_articles(embedder, new_articles), strict=True
        ):
            if encoded is not None:
                new[article.id].embedding = encoded
                new[article.id].embedder = embedder.name
    with store.transaction():
        for features in new.values():
            store.add_document_terms(features.document_terms())
        documents = store.count_story_features() + len(new)
        terms = set().union(*(f.document_terms() for f in new.values()))
        df = store.document_frequencies(terms)
        for article_id, features in new.items():
            name_df = {**df, **{n: df.get(name_key(n), 0) for n in features.names}}
            keys = story_keys(features, name_df, documents)
            store.save_story_features(article_id, features.as_dict(), keys)


def _story_members(store: Store, story: str) -> list[str]:
    members = store.story_article_ids(story)
    return members[-MAX_MEMBERS:]


def best_story(
    batch: _Batch, article_id: str, config: Config
) -> tuple[Match | None, list[tuple[str, float]]]:
    """The story ``article_id`` should join (or None) and the scored candidates, best first."""
    store = batch.store
    features = batch.get_features(article_id)
    if features is None or batch.vector(article_id) is None:
        return None, []
    keys = store.query("SELECT key FROM story_keys WHERE article = ?", (article_id,))
    shared = store.articles_with_keys(
        [k for (k,) in keys], article_id, features.published, config.story_window_days
    )
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    scored: list[tuple[str, float]] = []
    stories: dict[str, float] = {}
    for candidate, _count in ranked:
        if len(scored) >= MAX_CANDIDATES:
            break
        story = store.query("SELECT story FROM articles WHERE id = ?", (candidate,))
        if not story or story[0][0] is None:
            continue  # not grouped yet: it will compare itself with this article later
        other = batch.get_features(candidate)
        if other is None:
            continue
        if not within_window(features.published, other.published, config.story_window_days):
            continue
        pair = batch.score(article_id, candidate)
        if pair is None:
            continue
        score = pair.score
        scored.append((candidate, score))
        if score >= config.story_threshold:
            stories[story[0][0]] = max(stories.get(story[0][0], 0.0), score)
    scored.sort(key=lambda kv: (-kv[1], kv[0]))
    matches = [
        Match(
            story=story_id,
            best=best,
            mean=_mean_link(batch, article_id, features, story_id, config),
        )
        for story_id, best in stories.items()
    ]
    matches = [m for m in matches if m.mean >= COHESION * config.story_threshold]
    if not matches:
        return None, scored
    return min(matches, key=lambda m: (-m.best, -m.mean, m.story)), scored


def _mean_link(
    batch: _Batch, article_id: str, features: StoryFeatures, story: str, config: Config
) -> float:
    """Average score against the story's indexed members inside the time window.

    Members in the article's own language are compared by all their words, the others by
    names and figures alone; when the story has members of both kinds, only the former
    count, or a report would be held to the weaker cross-language scores of its own story.
    """
    scores: dict[bool, list[float]] = {True: [], False: []}
    for member in _story_members(batch.store, story):
        other = batch.get_features(member)
        if other is None:
            continue
        if within_window(features.published, other.published, config.story_window_days):
            pair = batch.score(article_id, member)
            if pair is not None:
                same = not different_languages(features.language, other.language)
                scores[same].append(pair.score)
    kept = scores[True] or scores[False]
    return sum(kept) / len(kept) if kept else 0.0


def _arrival_order(articles: list[Article]) -> list[Article]:
    """Oldest first (undated last, input order within ties): a story's id is its first report."""

    def key(item: tuple[int, Article]) -> tuple[bool, str, int]:
        index, article = item
        date = parse_date(article.published)
        return (date is None, date.isoformat() if date else "", index)

    return [a for _, a in sorted(enumerate(articles), key=key)]


def assign_stories(store: Store, article_ids: list[str], config: Config | None = None) -> None:
    """Give every article in ``article_ids`` that has no story yet a story id.

    Duplicates (``duplicate_of`` set) join their original's story. Articles already in a story
    keep it, so running twice on the same ids changes nothing.

    Examples:
        >>> from crosswire.store import open_store
        >>> store = open_store(":memory:")
        >>> _ = store.add_article(Article(id="a1", source="a1.txt", text="Zorvia wins.", raw=""))
        >>> assign_stories(store, ["a1"])
        >>> store.get_article("a1").story
        'a1'
    """
    config = config or Config()
    articles = [a for a in store.iter_articles(article_ids) if a is not None]
    index_articles(store, articles, config)
    batch = _Batch(store)
    batch.documents = store.count_story_features()
    pending = [a for a in _arrival_order(articles) if a.story is None]
    with store.transaction():
        for article in (a for a in pending if not a.duplicate_of):
            match, _ = best_story(batch, article.id, config)
            store.set_story(article.id, match.story if match else article.id)
        for article in (a for a in pending if a.duplicate_of):
            store.set_story(article.id, _original_story(store, article))


def _original_story(store: Store, article: Article) -> str:
    """A duplicate's story: its original's, following chains of copies."""
    seen = {article.id}
    original = article.duplicate_of
    while original and original not in seen:
        seen.add(original)
        found = store.get_article(original)
        if found is None:
            return original
        if found.story:
            return found.story
        original = found.duplicate_of or found.id
        if original == found.id:
            return found.id
    return original or article.id
