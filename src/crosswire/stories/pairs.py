"""What two articles share, as the numbers the same-story model reads.

Two reports of one incident share more than a topic: the same rare names and places, the same
figures (a magnitude, a toll, an amount), the same years, and the same words in their titles
and leads. Two incidents of one kind (two earthquakes, two jobs reports) share the topic's
words and its famous names, and differ in exactly those specifics. Each feature here measures
one such piece of evidence on a 0-1 scale; :mod:`crosswire.stories.model` weighs them as it
learned to on labelled clusters.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from crosswire.stories.clashes import calendar_clash, figure_clash
from crosswire.stories.language import different_languages, undetermined_language
from crosswire.stories.similarity import Vectors, cosine

# Shared rare names counted up to this many: beyond it, more adds no evidence.
RARE_CAP = 4.0
# Articles this long (content words, the title and lead counted again) are full reports;
# shorter ones (a lead, a headline) must show more before they join.
FULL_LENGTH = 400
# Length (in the same units) on whose log scale ``*_x_long`` features grow: two full reports
# of one event share a core under different background, so their cosines run lower than two
# leads' do, and the model must read a cosine against the length it comes from.
LONG_LENGTH = 3000
# Shared names and figures a pair needs before its name cosine counts as evidence of one
# event, not of one topic: one shared name is a politician in the news or a city (Trump,
# Merkel, Mallorca); two that also match are an event. What the model of pairs in two
# languages leans on, where names and figures are nearly all two reports share.
MIN_ANCHORS = 2

FEATURES = (
    "words",
    "names",
    "head",
    "rare_names",
    "shared_figures",
    "figure_overlap",
    "year_clash",
    "short",
    "length_ratio",
    "cross_language",
    "words_x_names",
    "head_x_short",
    "words_contained",
    "names_contained",
    "words_x_long",
    "names_x_long",
    "standout",
    "best_ratio",
    "undetermined_language",
    "anchors",
    "two_anchors",
    "anchored_names",
    "weekday_clash",
    "month_clash",
    "amount_clash",
)
# The features read off what two reports state differently (``stories/clashes.py``): the
# last of ``FEATURES``, computed only for a model that reads them.
CLASHES = ("weekday_clash", "month_clash", "amount_clash")


def _figures(vector: Vectors) -> set[str]:
    return {n for n in vector.names if n.startswith("#")}


def contained(a: dict[str, float], b: dict[str, float], size_a: int, size_b: int) -> float:
    """How much of the shorter article's weight lies on terms the longer one has too: a short
    report of an event's core is contained in a long one, whose background and asides lower
    the cosine however much they share."""
    short, long = (a, b) if size_a <= size_b else (b, a)
    return sum(w * w for t, w in short.items() if t in long)


def standing(words: float, near: Sequence[float]) -> tuple[float, float]:
    """How a pair's word cosine stands among an article's other candidates (``near``: their
    cosines, highest first): 1 / (1 + how many beat it), and its share of the best one.

    Two incidents of one kind make each other's articles as close as the right ones; where a
    time window or the news leaves no such rival, the right pair stands out, however long and
    differently worded the reports are."""
    beaten = sum(1 for other in near if other > words + 1e-12)
    best = near[0] if near else 0.0
    return 1.0 / (1 + beaten), (min(1.0, words / best) if best > 0 else 1.0)


def pair_features(
    a: Vectors,
    b: Vectors,
    near_a: Sequence[float] = (),
    near_b: Sequence[float] = (),
    clashes: bool = True,
) -> list[float]:
    """The evidence that ``a`` and ``b`` report one incident, one value per ``FEATURES``.

    ``near_a`` and ``near_b`` are the word cosines of each article's retrieved candidates,
    highest first (:func:`standing`); without them a pair stands alone. ``clashes`` False
    leaves the :data:`CLASHES` at 0.0 uncomputed, for a model that does not read them."""
    words = cosine(a.words, b.words)
    names = cosine(a.names, b.names) if a.names and b.names else 0.0
    head = cosine(a.head, b.head) if a.head and b.head else words
    shared = a.names.keys() & b.names.keys()
    rare = sum(
        min(a.rarity.get(n, 0.0), b.rarity.get(n, 0.0)) ** 2 for n in shared if n[0] != "#"
    )
    fa, fb = _figures(a), _figures(b)
    shared_figures = len(fa & fb)
    overlap = shared_figures / min(len(fa), len(fb)) if fa and fb else 0.0
    # The years each article dwells on (named more than once, or in its title): a long report
    # names background years once ("since 1949"), which tell nothing about its occasion.
    ya, yb = a.years, b.years
    clash = 1.0 if ya and yb and not (fa & fb) & (ya | yb) else 0.0
    small, large = sorted((a.size, b.size))
    short = 1.0 - min(1.0, math.log1p(small) / math.log1p(FULL_LENGTH))
    ratio = small / large if large else 0.0
    cross = 1.0 if different_languages(a.language, b.language) else 0.0
    unread = 1.0 if undetermined_language(a.language, b.language) else 0.0
    anchors = len(shared)
    long = min(1.0, math.log1p(small) / math.log1p(LONG_LENGTH))
    return [
        words,
        names,
        head,
        min(rare, RARE_CAP) / RARE_CAP,
        min(shared_figures, RARE_CAP) / RARE_CAP,
        overlap,
        clash,
        short,
        ratio,
        cross,
        words * names,
        head * short,
        contained(a.words, b.words, a.size, b.size),
        contained(a.names, b.names, a.size, b.size),
        words * long,
        names * long,
        (standing(words, near_a)[0] + standing(words, near_b)[0]) / 2,
        (standing(words, near_a)[1] + standing(words, near_b)[1]) / 2,
        unread,
        min(anchors, RARE_CAP) / RARE_CAP,
        1.0 if anchors >= MIN_ANCHORS else 0.0,
        names if anchors >= MIN_ANCHORS else 0.0,
        *(
            (
                calendar_clash("weekday", a.words, a.names, a.language, b.words, b.names,
                               b.language),
                calendar_clash("month", a.words, a.names, a.language, b.words, b.names,
                               b.language),
                figure_clash(a.names, b.names),
            )
            if clashes else (0.0, 0.0, 0.0)
        ),
    ]  # fmt: skip
