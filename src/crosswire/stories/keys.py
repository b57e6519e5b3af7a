"""Story keys and the candidates they retrieve, as functions over records.

An article is compared only with the articles that share one of its story keys (its most
distinctive words and names) inside its time window, never with every stored article. What
the keys are (:func:`story_keys`) and which rows of one key an article reaches
(:func:`key_candidates`) are decided here, which of those are scored in
:func:`crosswire.stories.candidates.rank_candidates`; where the rows come from is an adapter:
the store's index (``Store.articles_sharing_keys``, one article at a time, ``stories/group.py``)
or a shuffle on
the key over every article's rows (``engine/ray_stories.py``). Both read the same rows by the
same rule, so both give an article the same candidates.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

# The undated articles read per key (the latest ones): one bound for both adapters.
from crosswire.store.base import UNDATED_PER_KEY
from crosswire.stories.features import StoryFeatures
from crosswire.stories.similarity import vectors

# Candidate retrieval keys per article: its highest-weighted words and names. Two reports of
# one event share several of either; a dozen keeps the index small but robust to wording.
# Reports in two languages share only names and figures, so those get as many keys as words
# (8 name keys missed cross-language pairs whose shared names ranked lower on one side).
KEY_WORDS = 12
KEY_NAMES = 12


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One story key of one article, with the article's day (None: undated) and ingest order:
    a row of the store's ``story_keys`` table, and of the key shuffle."""

    key: str
    article: str
    day: int | None
    seq: int | None


def story_keys(features: StoryFeatures, df: dict[str, int], documents: int) -> list[str]:
    """An article's retrieval keys: its top words (``w:``) and names (``n:``) by TF-IDF."""
    vecs = vectors(features, df, documents)
    words = sorted(vecs.words.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_WORDS]
    names = sorted(vecs.names.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_NAMES]
    return [f"w:{t}" for t, _ in words] + [f"n:{n}" for n, _ in names]


def reach(window_days: float) -> int:
    """Days either side of an article's day whose articles a key retrieves: the window and a
    day's margin (days are counted as printed, the window in instants, which the scoring
    checks)."""
    return int(window_days) + 1


def _latest(rows: Iterable[KeyRow], limit: int) -> list[KeyRow]:
    # Latest first; a row without an ingest order (written before it was kept) counts oldest.
    return sorted(rows, key=lambda r: -1 if r.seq is None else r.seq, reverse=True)[:limit]


def key_candidates(
    rows: Sequence[KeyRow],
    wanted: Collection[str],
    window_days: float | None,
    undated: int = UNDATED_PER_KEY,
) -> Iterator[tuple[str, str]]:
    """The (article, candidate) pairs one key's ``rows`` give the ``wanted`` articles among
    them: for a dated article, the other rows dated within :func:`reach` of its day and the
    ``undated`` latest undated ones; for an undated one (or without a window), the ``undated``
    latest others of any date. The rule of ``Store.articles_sharing_keys``, over records.

    Examples:
        >>> rows = [KeyRow("n:Orvel", "a", 700, 1), KeyRow("n:Orvel", "b", 703, 2),
        ...         KeyRow("n:Orvel", "c", 720, 3), KeyRow("n:Orvel", "d", None, 4)]
        >>> sorted(key_candidates(rows, {"a"}, 7))
        [('a', 'b'), ('a', 'd')]
    """
    unique = list({r.article: r for r in rows}.values())
    dated = sorted((r for r in unique if r.day is not None), key=lambda r: (r.day, r.article))
    days = [r.day for r in dated]
    latest_undated = _latest((r for r in unique if r.day is None), undated + 1)
    latest_any: list[KeyRow] | None = None
    for row in unique:
        if row.article not in wanted:
            continue
        if row.day is not None and window_days is not None:
            margin = reach(window_days)
            low = bisect_left(days, row.day - margin)
            high = bisect_right(days, row.day + margin)
            found = [r for r in latest_undated if r.article != row.article][:undated]
            found += [r for r in dated[low:high] if r.article != row.article]
        else:
            if latest_any is None:
                latest_any = _latest(unique, undated + 1)
            found = [r for r in latest_any if r.article != row.article][:undated]
        for other in found:
            yield row.article, other.article


def shared_keys(triples: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, list[str]]]:
    """Each article's candidates with the keys that reached each, sorted, from (article,
    candidate, key) triples in any order: what ``Store.articles_sharing_keys`` returns."""
    shared: dict[str, dict[str, set[str]]] = {}
    for article, candidate, key in triples:
        shared.setdefault(article, {}).setdefault(candidate, set()).add(key)
    return {a: {c: sorted(k) for c, k in found.items()} for a, found in shared.items()}
