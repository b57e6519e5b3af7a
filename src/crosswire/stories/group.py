"""Assign each article to exactly one story, and let stories correct themselves as news arrives.

An article is compared only with candidates that share one of its story keys (its most
distinctive words and names), never with every stored article, so ingest can run batch after
batch. Each candidate pair gets the probability that the two report one incident, from the
learned pair model (:mod:`crosswire.stories.model`) over what they share
(:mod:`crosswire.stories.pairs`): rare names, figures, years, title and lead words, not only
the topic's vocabulary.

The new articles, and every story one of them is likely to belong to, are then grouped again
from scratch by average-link agglomeration (:mod:`crosswire.stories.cluster`): two stories
that new reports show to be one merge, and a story whose members no longer hold together
splits. Grouping the neighbourhood again, rather than attaching each newcomer to the story
formed first, is what makes the result independent of the order articles arrive in and of how
they are split into runs. Ids are kept (:mod:`crosswire.stories.naming`): a story keeps its id
while it holds most of its members, and the id of a story merged into an older one still
resolves to it.

The stage is one place with two adapters: what is decided over records and candidate sets
lives in :mod:`crosswire.stories.keys` (an article's keys, the rows a key retrieves),
:mod:`crosswire.stories.candidates` (which of those are scored) and
:mod:`crosswire.stories.decide` (a pair's probability, the neighbourhood regrouped, the
clusters); this module is the store adapter, which reads those records from the
store and writes the stories back. The Ray engine feeds the same functions from Ray tasks over
the story keys, and scores the new articles' pairs with ``pair_probability`` in Ray tasks
(``engine/ray_stories.py``).

With ``config.story_embedder`` set, each pair's probability is joined with the cosine of the
two articles' lead embeddings (:func:`crosswire.stories.similarity.combine`). Retrieval stays
lexical, so the cost per article is unchanged apart from one model call per new article at
indexing time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import numpy as np

from crosswire.config import Config
from crosswire.dates import date_key
from crosswire.records import Article
from crosswire.store.base import Store
from crosswire.stories.candidates import key_weights, rank_candidates, worth_scoring
from crosswire.stories.cluster import Pair, pair_key
from crosswire.stories.decide import (
    Match,
    Plan,
    decide_clusters,
    likely_candidates,
    pair_probability,
    ranked_matches,
    regroup_plan,
)
from crosswire.stories.embedding import decode_vector, embed_articles, resolve_embedder
from crosswire.stories.features import StoryFeatures, article_features, name_key
from crosswire.stories.keys import story_keys
from crosswire.stories.model import PairModel, load_model
from crosswire.stories.naming import name_clusters
from crosswire.stories.near import add_to_near_lists, candidate_cosines, closest
from crosswire.stories.pairs import pair_features
from crosswire.stories.similarity import Vectors, vectors, weigh, within_window
from crosswire.stories.threads import link_threads, relinked

# Another engine's candidate search (``engine/ray_stories.py``): for each of the new articles,
# the stored articles its story keys reach with the keys each shares, as
# ``Store.articles_sharing_keys`` reads them; ``_Batch.candidates`` ranks them either way.
Retriever = Callable[["Store", Sequence[str], Config], dict[str, dict[str, list[str]]]]
# A retriever may also score the new articles' pairs with their candidates (a ``scores``
# method: the batch's caches and the new ids -> probabilities by ``pair_key``), with this
# module's records and ``pair_probability``; those scores fill ``_Batch.scores`` before the
# neighbourhood is scored, so nothing else changes.
Scorer = Callable[["_Batch", Sequence[str]], dict[Pair, float]]


class _Batch:
    """Per-call caches: stored features, document frequencies and vectors under one IDF."""

    def __init__(self, store: Store, config: Config, model: PairModel | None = None) -> None:
        self.store = store
        self.config = config
        self.model = model or load_model()
        if config.story_threshold is not None:
            self.model = replace(self.model, threshold=config.story_threshold)
        self.features: dict[str, StoryFeatures | None] = {}
        self.df: dict[str, int] = {}
        self.vecs: dict[str, Vectors] = {}
        self.words: dict[str, dict[str, float]] = {}
        self.embeddings: dict[str, tuple[str, np.ndarray] | None] = {}
        self.documents = store.count_story_features()
        self.near: dict[str, list[float]] = {}
        self.retrieved: dict[str, list[str]] = {}
        # Another engine's retrieval (a ``Retriever``'s answer), ranked here like the store's.
        self.shared: dict[str, dict[str, list[str]]] = {}
        self.scores: dict[Pair, float] = {}

    def get_features(self, article_id: str) -> StoryFeatures | None:
        if article_id not in self.features:
            self.load_features([article_id])
        return self.features[article_id]

    def load_features(self, article_ids: Iterable[str]) -> None:
        """Read the stored features of ``article_ids``, and the document frequencies of
        their terms, in one go (a query per article costs more than the reading)."""
        wanted = [a for a in dict.fromkeys(article_ids) if a not in self.features]
        if not wanted:
            return
        found = self.store.story_features_of(wanted)
        terms: set[str] = set()
        for article_id in wanted:
            data = found.get(article_id)
            features = StoryFeatures.from_dict(data) if data else None
            self.features[article_id] = features
            if features is not None:
                terms.update(features.document_terms())
        self.load_df(terms)

    def load_df(self, terms: Iterable[str]) -> None:
        """Read the document frequencies of ``terms`` not read yet, in one statement."""
        missing = {t for t in terms if t not in self.df}
        if missing:
            found = self.store.document_frequencies(missing)
            self.df.update({t: found.get(t, 0) for t in missing})

    def vector(self, article_id: str) -> Vectors | None:
        if article_id in self.vecs:
            return self.vecs[article_id]
        features = self.get_features(article_id)
        if features is None:
            return None
        # load_features read the document frequencies of its terms with it.
        self.vecs[article_id] = vectors(features, self.df, self.documents)
        return self.vecs[article_id]

    def word_vector(self, article_id: str) -> dict[str, float] | None:
        """The article's word vector alone (what a thread's topic is read from): its full
        :meth:`vector`'s when built, else only the words weighed, once."""
        if article_id in self.vecs:
            return self.vecs[article_id].words
        if article_id not in self.words:
            features = self.get_features(article_id)
            if features is None:
                return None
            self.words[article_id] = weigh(features.terms, self.df, self.documents)
        return self.words[article_id]

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

    def nearby(self, article_id: str) -> list[float]:
        """Word cosines of the article's closest candidates inside its time window, highest
        first, from its stored near-list (:mod:`crosswire.stories.near`)."""
        if article_id not in self.near:
            self.load_near([article_id])
        return self.near[article_id]

    def load_near(self, article_ids: Iterable[str]) -> None:
        """Read the near-lists of ``article_ids`` in one go. An indexed article without one
        (indexed before near-lists were kept) gets it from its own candidates, once."""
        wanted = [a for a in dict.fromkeys(article_ids) if a not in self.near]
        if not wanted:
            return
        stored = self.store.story_near(wanted)
        missing = {}
        for article_id in wanted:
            if article_id not in stored and self.get_features(article_id) is not None:
                stored[article_id] = missing[article_id] = closest(
                    candidate_cosines(self, article_id)
                )
            self.near[article_id] = sorted(stored.get(article_id, {}).values(), reverse=True)
        if missing:
            self.store.save_story_near(missing)

    def pair_values(self, first: str, second: str) -> list[float] | None:
        """The pair model's features of two indexed articles (None when one is not indexed)."""
        a, b = self.vector(first), self.vector(second)
        if a is None or b is None:
            return None
        return pair_features(a, b, self.nearby(first), self.nearby(second))

    def probability(self, first: str, second: str) -> float:
        """How likely two indexed articles are to report one incident: 0 outside the time
        window, the model's probability joined with the embedding cosine when both were
        embedded by the same model (older, lexically indexed ones count by words alone).

        Scored once per pair and call, the two in id order: the same either way round."""
        key = pair_key(first, second)
        if key not in self.scores:
            self.scores[key] = self._probability(*key)
        return self.scores[key]

    def published(self, article_id: str) -> str | None:
        features = self.get_features(article_id)
        return features.published if features is not None else None

    def in_window(self, first: str, second: str) -> bool:
        """Whether two articles lie within the time window, read before any vector is built:
        a candidate retrieved by its day's margin may lie outside."""
        window = self.config.story_window_days
        return within_window(self.published(first), self.published(second), window)

    def _probability(self, first: str, second: str) -> float:
        """:func:`crosswire.stories.decide.pair_probability` over the stored records."""
        if not self.in_window(first, second):
            return 0.0
        a, b = self.vector(first), self.vector(second)
        if a is None or b is None:
            return 0.0
        return pair_probability(
            self.model, self.config.story_window_days, a, b,
            self.nearby(first), self.nearby(second), self.embedding(first), self.embedding(second),
        )  # fmt: skip

    def keys(self, article_id: str) -> list[str]:
        return [k for (k,) in self.store.query(
            "SELECT key FROM story_keys WHERE article = ?", (article_id,)
        )]  # fmt: skip

    def candidates(self, article_id: str) -> list[str]:
        """Stored articles inside ``article_id``'s time window that share its story keys, the
        few worth scoring (:func:`crosswire.stories.candidates.worth_scoring`, then
        :func:`crosswire.stories.candidates.rank_candidates`)."""
        if article_id in self.retrieved:
            return self.retrieved[article_id]
        features = self.get_features(article_id)
        if features is None:
            return []
        keys = self.keys(article_id)
        shared = self.shared.get(article_id)
        if shared is None:
            shared = self.store.articles_sharing_keys(
                keys, article_id, features.published, self.config.story_window_days
            )
        languages = self.store.story_languages(shared)
        shared = worth_scoring(shared, features.language, languages)
        weights = key_weights(keys, self.df, self.documents)
        self.retrieved[article_id] = rank_candidates(shared, weights)
        return self.retrieved[article_id]


def index_articles(store: Store, articles: Iterable[Article], config: Config | None = None) -> None:
    """Store features, keys and near-lists of articles not indexed yet (duplicates are never
    indexed).

    With an embedder configured, the new articles' lead embeddings are computed in one batch
    and stored with their features.

    Document frequencies of the whole batch are counted before any keys are chosen, so the
    first article of a batch is weighed against its batch-mates too. One transaction: a crash
    cannot count an article's terms without storing its features (re-runs would count twice).
    Syndicated copies stay out of the counts, or a wire story would make its own words look
    common. Once all are stored, each new article's cosines with its candidates are added to
    the near-lists (:mod:`crosswire.stories.near`).
    """
    _index(store, articles, config)


def _index(
    store: Store,
    articles: Iterable[Article],
    config: Config | None,
    candidates_with: Retriever | None = None,
) -> _Batch | None:
    """:func:`index_articles`, returning the per-call caches it filled (None: nothing new).
    ``candidates_with`` finds the new articles' candidates (the store's index by default)."""
    new: dict[str, StoryFeatures] = {}
    new_articles: list[Article] = []
    for article in articles:
        if article.duplicate_of or article.id in new:
            continue
        if store.get_story_features(article.id) is None:
            new[article.id] = article_features(article)
            new_articles.append(article)
    if not new:
        return None
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
        batch = _Batch(store, config or Config())
        if candidates_with is not None:
            batch.shared.update(candidates_with(store, sorted(new), batch.config))
        add_to_near_lists(batch, new)
    return batch


def scored_candidates(batch: _Batch, article_id: str) -> list[Match]:
    """The article's retrieved candidates with their probabilities, most likely first."""
    batch.load_features(batch.candidates(article_id))
    batch.load_near([article_id, *batch.candidates(article_id)])
    return ranked_matches(article_id, batch.candidates(article_id), batch.probability)


def _originals(store: Store, article_ids: Iterable[str]) -> list[str]:
    """The ids among ``article_ids`` that are not copies, in the order given."""
    ids = list(dict.fromkeys(article_ids))
    copies = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        copies.update(r[0] for r in store.query(
            f"SELECT id FROM articles WHERE id IN ({marks}) AND duplicate_of IS NOT NULL", chunk
        ))  # fmt: skip
    return [i for i in ids if i not in copies]


def neighbourhood(batch: _Batch, new: list[str]) -> Plan:
    """What must be grouped again when ``new`` arrive
    (:func:`crosswire.stories.decide.regroup_plan`): the new articles and the stories they are
    likely to join, read from the store, with the features and near-lists of the pairs to
    score loaded in one go."""
    store, threshold = batch.store, batch.model.threshold
    likely: set[str] = set()
    for article_id in new:
        likely.update(likely_candidates(scored_candidates(batch, article_id), threshold))
    touched = set(store.story_by_article(likely).values())
    stories = {s: _originals(store, store.story_article_ids(s)) for s in sorted(touched)}
    plan = regroup_plan(new, {a: batch.candidates(a) for a in new}, stories)
    for members in plan.apart:
        batch.load_features(members)
        batch.load_near(members)
    return plan


def _arrival_key(store: Store, article_id: str) -> tuple[object, ...]:
    """Oldest first (undated last, ingest order within ties): a story's id is its first report."""
    rows = store.query("SELECT published, seq FROM articles WHERE id = ?", (article_id,))
    published, seq = rows[0] if rows else (None, 0)
    return (*date_key(published), seq)


def assign_stories(
    store: Store,
    article_ids: list[str],
    config: Config | None = None,
    candidates_with: Retriever | None = None,
) -> None:
    """Give every article in ``article_ids`` that has no story yet a story, and regroup the
    stories they touch.

    Duplicates (``duplicate_of`` set) join their original's story. Running again on the same
    ids changes nothing: only articles without a story start a regrouping. The new articles'
    candidates come from the store's key index, or from ``candidates_with`` (another engine's
    search over the same key rows); everything else is the same either way.

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
    batch = _index(store, articles, config, candidates_with) or _Batch(store, config)
    pending = [a for a in articles if a.story is None]
    new = sorted({a.id for a in pending if not a.duplicate_of})
    unretrieved = [a for a in new if a not in batch.retrieved]
    if candidates_with is not None and unretrieved:  # indexed by a run that stopped
        batch.shared.update(candidates_with(store, unretrieved, config))
    scorer: Scorer | None = getattr(candidates_with, "scores", None)
    with store.transaction():
        if new:
            if scorer is not None:
                batch.scores.update(scorer(batch, new))
            plan = neighbourhood(batch, new)
            before = plan.before
            clusters = decide_clusters(plan, batch.probability, batch.model.threshold)
            ordered = [sorted(c, key=lambda a: _arrival_key(store, a)) for c in clusters]
            stories, aliases = name_clusters(store, ordered, before)
            for article_id, story in stories.items():
                if before.get(article_id) != story:
                    store.set_story(article_id, story)
                    _move_copies(store, article_id, story)
            for alias, story in aliases.items():
                store.add_story_alias(alias, story)
            link_threads(batch, relinked(before, stories, aliases))
        for article in (a for a in pending if a.duplicate_of):
            store.set_story(article.id, _original_story(store, article))


def _move_copies(store: Store, original: str, story: str) -> None:
    """Copies follow their original into its new story (chains of copies too)."""
    seen = {original}
    frontier = [original]
    while frontier:
        current = frontier.pop()
        for (copy,) in store.query("SELECT id FROM articles WHERE duplicate_of = ?", (current,)):
            if copy not in seen:
                seen.add(copy)
                store.set_story(copy, story)
                frontier.append(copy)


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
