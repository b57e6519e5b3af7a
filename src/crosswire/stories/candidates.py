"""Which retrieved articles an article is scored against: a cheap ranking before the pair model.

Retrieval returns every article inside the time window that shares a story key, and in a
dense window (a day of wire news, an archive ingested in no order) that is hundreds. Each one
scored costs its stored features, its vectors under the current IDF, a cosine for the
near-lists and the pair model's features. What the keys alone tell is nearly free: a
candidate's shared keys weighted by how rare they are (the dot product of the two key sets,
each key weighted by its IDF), so only the best ``SCORED_CANDIDATES`` by that weight are
scored, and the work per article stays the same however many the window holds.

Before that ranking, a candidate in the article's own language that shares a single key is
set aside (:func:`worth_scoring`): in an archive ingested in no order every window fills, and
those, sharing one rare word by chance, are what grows with the store; reports of one
incident in one language share several keys. Across languages one shared name is scored.

Counting shared keys instead ranks a candidate sharing three topic words above one sharing
two rare names.

The bound is the one the count of shared keys had (50). On the training parts (ECB+ train, 400
stories of NeuS train, ingested in batches of 200 in a shuffled order) the 25 best by weight
already keep 95.7% of an article's same-story candidates on NeuS train, more than the 50 with
most shared keys did (94.6%), and 99.5% on ECB+ train; but reports in two languages share only
a name or two, so in a crowded window they rank low: at 25, SemEval's cross-lingual F1 fell
from 0.784 to 0.776 (one pair), at 50 it holds. A floor on the weight shared (5% of the
article's own) was tried and left out for the same reason (SemEval cross-lingual F1 0.722 ->
0.707).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from crosswire.stories.features import name_key
from crosswire.stories.language import UNKNOWN
from crosswire.stories.similarity import idf

# Candidates scored with the pair model per article, best by key weight first.
SCORED_CANDIDATES = 50
# Retrieval keys a candidate in the article's own language must share to be scored: each
# article's keys are its dozen most distinctive words and names, and two reports of one
# incident in one language share several (on ECB+ train, 98% of the retrieved same-story
# pairs in one language share two or more); one shared key is a topic word or a name in the
# news. Reports in two languages share only a name or a word spelled alike, so they are
# scored on one.
MIN_SHARED_KEYS = 2


def key_term(key: str) -> str:
    """The document-frequency entry behind a retrieval key (``w:word`` or ``n:Name``)."""
    kind, _, value = key.partition(":")
    return name_key(value) if kind == "n" else value


def key_weights(keys: Iterable[str], df: Mapping[str, int], documents: int) -> dict[str, float]:
    """Each key's weight in the ranking: its term's IDF squared (a term of the dot product of
    two IDF-weighted key sets)."""
    return {key: idf(df.get(key_term(key), 0), documents) ** 2 for key in keys}


def rank_candidates(
    shared: Mapping[str, Sequence[str]],
    weights: Mapping[str, float],
    limit: int = SCORED_CANDIDATES,
) -> list[str]:
    """The candidates worth scoring, best first: at most ``limit`` of ``shared`` (candidate ->
    the keys it shares), ranked by the weight of their shared keys (``weights``: the
    article's keys). Ties go by id, so any order of ``shared`` gives the same list.

    Examples:
        >>> weights = {"n:Orrin": 9.0, "w:bridge": 4.0, "w:city": 1.0}
        >>> shared = {"b": ["w:bridge", "w:city"], "a": ["n:Orrin"], "c": ["w:city"]}
        >>> rank_candidates(shared, weights, limit=2)
        ['a', 'b']
    """
    scores = {
        candidate: sum(weights.get(key, 0.0) for key in sorted(set(keys)))
        for candidate, keys in shared.items()
    }
    return sorted(scores, key=lambda c: (-scores[c], c))[:limit]


def one_language(first: str | None, second: str | None) -> bool:
    """True when both languages were read and are the same one."""
    return bool(first) and first == second and first != UNKNOWN


def worth_scoring(
    shared: Mapping[str, Sequence[str]],
    language: str | None,
    languages: Mapping[str, str | None],
) -> dict[str, Sequence[str]]:
    """The candidates of ``shared`` (candidate -> the keys it shares) that may report the
    article's incident: those sharing ``MIN_SHARED_KEYS`` keys, and any whose language
    (``languages``) is not known to be the article's own (``language``).

    In an archive ingested in no order every time window fills, and the candidates sharing
    one rare word by chance grow with it (nearly all of a generated year's growth); each one
    scored costs its features read, its vectors built and the pair model's features.

    Examples:
        >>> shared = {"a": ["w:bridge"], "b": ["w:bridge", "n:Orrin"], "c": ["n:Orrin"]}
        >>> sorted(worth_scoring(shared, "en", {"a": "en", "b": "en", "c": "de"}))
        ['b', 'c']
    """
    return {
        candidate: keys for candidate, keys in shared.items()
        if len(set(keys)) >= MIN_SHARED_KEYS
        or not one_language(language, languages.get(candidate))
    }  # fmt: skip
