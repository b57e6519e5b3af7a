"""Many passages compared at once: each profiled and embedded once, and only the pairs that
can reach a threshold scored.

The 37 outlets of one week's recession coverage hold 1,300 sentences, 860,000 pairs; most
share no rare word and cannot be the same statement. Blocking is exact for a given threshold:
a passage's coverage by another reaches ``t`` only if the other holds one of the passage's
heaviest terms that make up more than ``1 - t`` of its weight (prefix filtering), and with an
embedder the rescaled cosine must reach what the lexical share cannot give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from crosswire.compare.meaning.score import (
    COSINE_FLOOR,
    EMBEDDING_SHARE,
    PRIOR_WEIGHT,
    combined,
    coverage,
    disagreement,
    with_cosine,
)
from crosswire.compare.meaning.terms import Profile, in_context, profile

# Texts -> L2-normalised rows, as ``crosswire.embed`` embedders return them.
Embed = Callable[[list[str]], np.ndarray]


class EmbeddingCache:
    """An embedder that runs each distinct text once: quote grouping, unique content and the
    summary of one comparison ask for many of the same sentences."""

    def __init__(self, embed: Embed) -> None:
        self._embed = embed
        self._vectors: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for text, row in zip(missing, np.asarray(self._embed(missing)), strict=True):
                self._vectors[text] = row
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts]).astype(np.float32, copy=False)


class Matcher:
    """Scores between the passages ``texts``, each passage the context of the others (see
    :func:`crosswire.compare.meaning.same_meaning` for what a score means)."""

    def __init__(self, texts: Sequence[str], embed: Embed | None = None) -> None:
        self.profiles: list[Profile] = in_context([profile(t) for t in texts])
        self.vectors: np.ndarray | None = None
        self._postings: dict[object, list[int]] | None = None
        if embed is not None and texts:
            self.vectors = np.asarray(embed(list(texts)), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.profiles)

    def cosine(self, i: int, j: int) -> float | None:
        if self.vectors is None:
            return None
        return float(self.vectors[i] @ self.vectors[j])

    def score(self, i: int, j: int) -> float:
        """The symmetric score of passages ``i`` and ``j``."""
        return combined(self.profiles[i], self.profiles[j], self.cosine(i, j))

    def agree(self, i: int, j: int) -> bool:
        """Whether passages ``i`` and ``j`` differ in neither polarity nor numbers."""
        return disagreement(self.profiles[i], self.profiles[j]) == 1.0

    def covered(self, i: int, j: int) -> float:
        """How much of passage ``i``'s content passage ``j`` carries (one-sided: ``j`` may
        say more), scaled down where they disagree in polarity or numbers."""
        a, b = self.profiles[i], self.profiles[j]
        return with_cosine(coverage(a, b), self.cosine(i, j)) * disagreement(a, b)

    def near(self, i: int, threshold: float) -> set[int]:
        """Passages other than ``i`` that may carry enough of ``i`` to reach ``threshold``
        (:meth:`covered`, and so the symmetric :meth:`score` too): those holding one of its
        heaviest terms; with an embedder also those holding fewer of them whose cosine can
        make up for it."""
        found = self._holding(i, threshold)
        if self.vectors is not None:
            lexical_floor, cosine_floor = self._floors(threshold)
            cosines = self.vectors @ self.vectors[i]
            if lexical_floor > 0:
                found |= {j for j in self._holding(i, lexical_floor) if cosines[j] >= cosine_floor}
            else:  # the cosine alone can reach the threshold
                found |= set(np.flatnonzero(cosines >= cosine_floor).tolist())
        found.discard(i)
        return found

    def candidates(
        self, threshold: float, keep: Callable[[int, int], bool] | None = None
    ) -> Iterator[tuple[int, int]]:
        """Pairs ``i < j`` whose score can reach ``threshold``, and that ``keep`` accepts: a
        pair reaches it only if one passage carries enough of the other."""
        pairs = {
            (min(i, j), max(i, j)) for i in range(len(self)) for j in self.near(i, threshold)
        }
        for pair in sorted(pairs):
            if keep is None or keep(*pair):
                yield pair

    def _holding(self, i: int, floor: float) -> set[int]:
        """Passages holding one of passage ``i``'s terms that a coverage of ``floor`` needs."""
        index = self._index()
        return {j for key in _prefix(self.profiles[i], floor) for j in index.get(key, ())}

    def _index(self) -> dict[object, list[int]]:
        if self._postings is None:
            self._postings = {}
            for j, p in enumerate(self.profiles):
                for key in _keys(p):
                    self._postings.setdefault(key, []).append(j)
        return self._postings

    @staticmethod
    def _floors(threshold: float) -> tuple[float, float]:
        """The least lexical value and cosine with which the blend of the two reaches
        ``threshold`` (see :func:`~crosswire.compare.meaning.score.with_cosine`)."""
        lexical_floor = (threshold - EMBEDDING_SHARE) / (1 - EMBEDDING_SHARE)
        needed = (threshold - (1 - EMBEDDING_SHARE)) / EMBEDDING_SHARE
        return lexical_floor, COSINE_FLOOR + max(needed, 0.0) * (1 - COSINE_FLOOR)


def _keys(p: Profile) -> Iterator[object]:
    yield from p.keys
    yield from ((None, s) for s in p.synonyms)


def _prefix(p: Profile, floor: float) -> Iterator[object]:
    """The heaviest terms of ``p`` (and their synonym sets) that leave less than ``floor``
    coverage to the rest: a passage holding none of them covers less than ``floor`` of ``p``
    (coverage divides by the weight plus :data:`PRIOR_WEIGHT`)."""
    budget = (1.0 - floor) * p.weight - floor * PRIOR_WEIGHT
    if budget < 0:
        return  # even all of p's terms would not reach the floor
    taken = 0.0
    for term in sorted(p.terms, key=lambda t: -t.weight):
        yield term.key
        yield from ((None, s) for s in term.synonyms)
        taken += term.weight
        if taken > budget:
            return
