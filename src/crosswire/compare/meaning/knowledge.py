"""The word knowledge the passage matcher ships with, loaded once per process.

``knowledge.json.gz`` is built by :mod:`crosswire.compare.meaning.build` (which says what is in
it and where it comes from); nothing is fetched at run time.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

KNOWLEDGE_FILE = Path(__file__).with_name("knowledge.json.gz")
LICENSE_FILE = Path(__file__).with_name("WORDNET-LICENSE")


@dataclass(slots=True, frozen=True)
class Knowledge:
    """Term weights, lemmas and synonym sets."""

    sentences: int
    df: dict[str, int]
    lemmas: dict[str, str]
    # lemma -> ids of the synonym sets it belongs to
    synonyms: dict[str, frozenset[int]]
    adverbs: frozenset[str]

    def weight(self, term: str) -> float:
        """Smoothed IDF over the corpus sentences: an unseen term weighs most."""
        return math.log((self.sentences + 1) / (self.df.get(term, 0) + 1))


@cache
def knowledge(path: Path = KNOWLEDGE_FILE) -> Knowledge:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    sets: dict[str, set[int]] = {}
    for i, group in enumerate(data["synonyms"]):
        for lemma in group:
            sets.setdefault(lemma, set()).add(i)
    return Knowledge(
        sentences=data["sentences"],
        df=data["df"],
        lemmas=data["lemmas"],
        synonyms={lemma: frozenset(ids) for lemma, ids in sets.items()},
        adverbs=frozenset(data["adverbs"]),
    )
