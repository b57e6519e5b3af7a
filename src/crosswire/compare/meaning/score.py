"""How close two passages are in meaning: weighted term coverage, polarity, numbers, and
the embedding cosine when an embedder is installed.

Coverage counts, for each term of one passage weighted by its rarity, whether the other
passage has it (same stem) or a synonym of it (a shared WordNet synset counts a little less).
Outlets cut and extend one remark, so the coverage of the shorter passage by the longer counts
most. Two passages that differ in polarity ("is in a recession" / "is not in a recession") or
in their numbers ("three years" / "two years") say different things however many words they
share: their score is scaled down below any threshold that calls passages the same.
"""

from __future__ import annotations

from crosswire.compare.meaning.terms import Profile

# A synonym is a weaker match than the same word: WordNet sets hold near-synonyms whose sense
# depends on context ("curb" / "check").
SYNONYM = 0.8
# Coverage is counted as if the covered passage had one more term, of the weight of a word
# seen in one news sentence in 500 (log 500), that the other does not carry: a passage of two
# words found inside a long remark is weak evidence that the two say the same thing, a
# passage of eight is strong.
PRIOR_WEIGHT = 6.2
# Share of the symmetric score taken from the shorter passage's coverage: one outlet's
# phrase inside another's whole remark is the same statement (the rest of the score still
# needs the longer passage to be mostly about it).
SHORTER_SHARE = 0.65
# Scale for a difference in polarity or in numbers: half of any score, so that a full match
# with "not" added (1.0 -> 0.5) falls below every threshold the comparison uses.
NEGATION_FACTOR = 0.5
NUMBER_FACTOR = 0.5
# Passages of one story share its topic, and MiniLM finds any two of them somewhat alike: of
# the cross-outlet quote pairs of the seeds and the demo (nearly all different statements)
# half reach 0.25 and one in ten 0.46-0.47. Only the cosine above that level is evidence; it
# is rescaled from there to share the lexical score's scale.
COSINE_FLOOR = 0.45
# Share of the blended score that comes from the embedding when there is one: the embedding
# sees paraphrases no lexicon knows, the lexical score keeps names and rare words decisive.
EMBEDDING_SHARE = 0.5


def coverage(a: Profile, b: Profile, prior: float | None = None) -> float:
    """Share of ``a``'s term weight that ``b`` carries, by the same term or a synonym, counted
    with ``prior`` weight (default :data:`PRIOR_WEIGHT`) that ``b`` lacks."""
    shared = a.keys & b.keys
    weights = a.weights
    found = sum(weights[k] for k in shared)
    common = a.synonyms & b.synonyms
    if common:
        for term in a.with_synonyms:
            if term.key not in shared and not term.synonyms.isdisjoint(common):
                found += SYNONYM * term.weight
    total = a.weight + (PRIOR_WEIGHT if prior is None else prior)
    return found / total if total else 0.0


def lexical(a: Profile, b: Profile) -> float:
    """Symmetric term coverage, the shorter passage's counting most. Only the shorter's is
    counted with the prior weight: the doubt is whether a few words found inside a longer
    passage say what it says; the longer passage's own coverage already shows how much of
    it they leave out."""
    shorter, longer = (a, b) if a.weight <= b.weight else (b, a)
    return SHORTER_SHARE * coverage(shorter, longer) + (1 - SHORTER_SHARE) * coverage(
        longer, shorter, prior=0.0
    )


def disagreement(a: Profile, b: Profile) -> float:
    """The factor for what the two passages say differently: a term one denies and the other
    affirms, and a number of the passage with fewer numbers missing from the other."""
    factor = 1.0
    if not (a.denied.isdisjoint(b.affirmed) and a.affirmed.isdisjoint(b.denied)):
        factor *= NEGATION_FACTOR
    if a.numbers and b.numbers:
        fewer, more = (a.numbers, b.numbers) if len(a.numbers) <= len(b.numbers) else (
            b.numbers, a.numbers
        )
        if not fewer <= more:
            factor *= NUMBER_FACTOR
    return factor


def rescaled(cosine: float) -> float:
    return min(1.0, max(0.0, (cosine - COSINE_FLOOR) / (1 - COSINE_FLOOR)))


def with_cosine(value: float, cosine: float | None) -> float:
    """A lexical value raised by the embedding cosine: the embedding adds evidence of a
    paraphrase the word knowledge does not know, and never takes away what the words show (a
    short passage inside a long one has a low cosine with it)."""
    if cosine is None:
        return value
    return max(value, EMBEDDING_SHARE * rescaled(cosine) + (1 - EMBEDDING_SHARE) * value)


def combined(a: Profile, b: Profile, cosine: float | None = None) -> float:
    """The matcher's score in [0, 1]: lexical coverage (raised by the embedding cosine when
    there is one), scaled by the passages' disagreement."""
    return with_cosine(lexical(a, b), cosine) * disagreement(a, b)
