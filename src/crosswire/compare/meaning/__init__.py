"""Same meaning, not only same words: the passage matcher of the comparison.

Quote grouping, corroboration and "only in" ask one question of two passages: do they state
the same thing? Outlets paraphrase ("I do not think the U.S. is currently in a recession" /
"he doesn't believe the economy is in recession"), so shared words are weighed by rarity and
matched through lemmas, stems and WordNet synonyms; a passage that adds "not" or changes a
number says something else, however many words it shares. An embedder, when one is installed,
adds the cosine of the two passages for paraphrases no lexicon knows.

- :mod:`~crosswire.compare.meaning.terms`: what a passage is compared by;
- :mod:`~crosswire.compare.meaning.score`: the score of two profiles;
- :mod:`~crosswire.compare.meaning.match`: many passages at once, with blocking;
- :mod:`~crosswire.compare.meaning.knowledge` and ``build``: the shipped word knowledge.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.compare.meaning.match import Embed, EmbeddingCache, Matcher
from crosswire.compare.meaning.score import combined
from crosswire.compare.meaning.terms import Profile, in_context, profile

# Scores at or above this call two passages the same statement: a full match with a polarity
# or number difference (scaled by half) stays below it. It is set on the hand-made quote
# fixtures (tests/compare/test_quotes.py: translations and cuts of one remark reach 0.58-0.92,
# related remarks of the same speaker 0.54); on NAnCo's validation questions it keeps 0.99 of
# the pairs it calls the same right (bench/meaning.py).
SAME = 0.55


def same_meaning(
    a: str, b: str, embed: Embed | None = None, context: Sequence[str] = ()
) -> float:
    """How close two passages are in meaning, in [0, 1]; :data:`SAME` and above is "the same
    statement". ``context``: other passages of the same story, whose shared words then weigh
    less (:func:`~crosswire.compare.meaning.terms.in_context`), as the comparison scores every
    pair of a story's quotes or sentences.

    Examples:
        >>> same_meaning("I do not think the economy is in a recession",
        ...              "He does not believe the economy is in recession") >= SAME
        True
        >>> same_meaning("The economy is in a recession",
        ...              "The economy is not in a recession") < SAME
        True
    """
    first, second, *_ = in_context([profile(t) for t in (a, b, *context)])
    cosine = None
    if embed is not None:
        vectors = embed([a, b])
        cosine = float(vectors[0] @ vectors[1])
    return combined(first, second, cosine)


__all__ = ["SAME", "Embed", "EmbeddingCache", "Matcher", "Profile", "profile", "same_meaning"]
