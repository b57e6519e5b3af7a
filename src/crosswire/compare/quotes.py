"""Line up the quotes of a story: one group per statement, with each outlet's wording.

Outlets translate, trim and paraphrase the same remark ("global connection" / "worldwide
connection"; "I do not think the U.S. is currently in a recession" / "he doesn't believe the
economy is in recession"), so two quotes are one statement when the passage matcher
(:mod:`crosswire.compare.meaning`) scores them the same; a quote that adds "not" or changes a
number is another statement. Who holds the view counts too: similar words from two people
who cannot be one actor are two people's views, unless the wording is the same or the two
share a run of eight words (one quotation cut at different points): then one outlet has
credited the wrong person, an "attribution" discrepancy. A quote joins a group
only when it matches more than half of the group's quotes from other outlets: with many
outlets, chains of loose matches would otherwise gather every remark on a topic into one.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.compare.assess import subject_assessment
from crosswire.compare.credit import inferred_credit
from crosswire.compare.meaning import SAME, Embed, Matcher
from crosswire.compare.publications import is_publication
from crosswire.compare.sources import Source
from crosswire.compare.speakers import (
    compatible_speakers,
    display_speaker,
    is_name,
    written_name,
)
from crosswire.compare.text import fuzzy, passage
from crosswire.compare.wording import word_keys, wording_notes
from crosswire.records import Discrepancy, Passage, Quote, QuoteGroup

# Quotes credited to two people who cannot be one actor are one statement only when they say
# it in nearly the same words (a translation or a copy, not two views alike).
SAME_WORDING = 0.75
# ... or when they are the same statement to the matcher and share this many words in a row:
# two people's similar views share phrases, not a run of eight words (outlets cut one
# quotation at different points, so the rest of the two wordings may differ).
SHARED_RUN = 8
# Near-identical wording of short quotes whose few content words give the matcher little
# to weigh.
MIN_FUZZY = 0.85
# A quote joins a group when it matches more than this share of the group's quotes from other
# outlets: one matching only one of a pair's two wordings is a related remark, not a third.
MIN_LINKED = 0.5
# Content terms a quote needs before its score can make it one statement with another: a
# phrase of one or two ("the labor market", "inflation still high") is an expression many
# remarks share, not a statement two outlets could corroborate.
MIN_TERMS = 3
# Words a fragment needs before its verbatim presence in a longer quotation makes it the same
# statement: four words in a row are a phrase of that remark, not a common expression.
MIN_CUT_WORDS = 4
# Confidence at most of an attribution dispute every pair of which rests on a credit the
# extraction inferred (a pronoun, a description, a mention in another sentence): folded.
INFERRED_CREDIT = 0.4


@dataclass(slots=True)
class _Item:
    source: Source
    quote: Quote
    words: list[str]


def _bar(a: _Item, b: _Item) -> float:
    """The score two quotes need to be one statement, given whom the outlets credit: one
    speaker quoted twice is no evidence of one remark (an interview holds many remarks on
    one topic), two speakers who cannot be one actor demand the same wording, or one
    quotation (:func:`one_quotation`)."""
    if compatible_speakers(a.quote.speaker, b.quote.speaker) or one_quotation(a.words, b.words):
        return SAME
    return SAME_WORDING


def one_quotation(a: list[str], b: list[str]) -> bool:
    """Whether two wordings share :data:`SHARED_RUN` words in a row: one quotation, whoever
    each outlet says spoke it.

    Examples:
        >>> one_quotation("we will rebuild every bridge on the Orr by spring".split(),
        ...               "and we will rebuild every bridge on the Orr by spring".split())
        True
        >>> one_quotation("we will rebuild the bridges by spring".split(),
        ...               "the bridges will be rebuilt by spring".split())
        False
    """
    return shared_run(a, b) >= SHARED_RUN


def shared_run(a: list[str], b: list[str]) -> int:
    """The length of the longest run of words ``a`` and ``b`` have in common."""
    best = 0
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0] * (len(b) + 1)
        for k, other in enumerate(b, 1):
            if word == other:
                current[k] = previous[k - 1] + 1
                best = max(best, current[k])
        previous = current
    return best


def _links(items: list[_Item], matcher: Matcher) -> dict[tuple[int, int], float]:
    """Pairs of quotes from different outlets that render one statement, with their score."""
    links: dict[tuple[int, int], float] = {}

    def other_outlets(i: int, j: int) -> bool:
        return items[i].source.outlet != items[j].source.outlet

    for i, j in matcher.candidates(SAME, other_outlets):
        a, b = items[i], items[j]
        score = matcher.score(i, j)
        stated = min(len(matcher.profiles[k].terms) for k in (i, j)) >= MIN_TERMS
        if (stated and score >= _bar(a, b)) or (
            # the same words, cut or lightly edited, but never with a "not" dropped
            matcher.agree(i, j)
            and (_cut_from(a, b) or _near_identical(a, b))
        ):
            links[(i, j)] = score
    return links


def _clusters(items: list[_Item], matcher: Matcher) -> list[list[int]]:
    """Groups of quotes, strongest links first; two groups merge when more than half of their
    cross-outlet pairs are links."""
    links = _links(items, matcher)
    group_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for i, j in sorted(links, key=lambda p: -links[p]):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        pairs = [
            (min(x, y), max(x, y))
            for x in members[gi]
            for y in members[gj]
            if items[x].source.outlet != items[y].source.outlet
        ]
        if sum(p in links for p in pairs) <= MIN_LINKED * len(pairs):
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] += members.pop(gj)
    return sorted((sorted(m) for m in members.values()), key=lambda g: g[0])


def _near_identical(a: _Item, b: _Item) -> bool:
    """The same words with a few edits; a phrase of fewer than :data:`MIN_CUT_WORDS` words
    ("the labor market") is an expression, not a statement two outlets could corroborate."""
    if min(len(a.words), len(b.words)) < MIN_CUT_WORDS:
        return False
    return fuzzy(a.quote.text, b.quote.text) >= MIN_FUZZY


def _cut_from(a: _Item, b: _Item) -> bool:
    """One outlet quotes a few words of the other's quotation, word for word ("every metre of
    the embankment" inside the whole remark): the same statement cut at another point. Only
    quotations count (their words are the speaker's), and the two speakers must fit."""
    if "indirect" in (a.quote.kind, b.quote.kind):
        return False
    if not compatible_speakers(a.quote.speaker, b.quote.speaker):
        return False
    short, long = sorted((a.words, b.words), key=len)
    if len(short) < MIN_CUT_WORDS or len(short) == len(long):
        return False
    return any(long[k : k + len(short)] == short for k in range(len(long) - len(short) + 1))


def _speaker(items: list[_Item], aliases: list[str]) -> str | None:
    """The speaker most variants name, under its longest name in the story ("Teodor Malvik"
    over "Malvik"); a variant without a speaker takes the one its group's other variants give.
    A publication credited in one variant ("according to the Times") yields to a person named
    in another: it is where the words appeared."""
    named = [i.quote.speaker for i in items if i.quote.speaker]
    people = [n for n in named if not is_publication(n)]
    return display_speaker(people or named, aliases)


def _written_names(items: list[_Item]) -> list[str]:
    """Speaker names as the articles write them, for showing the fullest form."""
    names = []
    for i in items:
        q, text = i.quote, i.source.article.text
        if q.speaker_start is not None and q.speaker_end is not None:
            name = written_name(text, q.speaker_start, q.speaker_end)
            if name:
                names.append(name)
    return list(dict.fromkeys(names))


def _quote_passage(item: _Item) -> Passage:
    q = item.quote
    return passage(item.source.article.id, item.source.article.text, q.start, q.end)


def group_quotes(
    sources: list[Source], embed: Embed | None = None
) -> tuple[list[QuoteGroup], list[Discrepancy]]:
    """One :class:`QuoteGroup` per statement, plus an "attribution" discrepancy for every
    statement that outlets give to different speakers."""
    items = [
        _Item(s, q, word_keys(q.text))
        for s in sources
        for q in sorted(s.analysis.quotes, key=lambda q: q.start)
        # beliefs, hopes, questions, quoted terms and relayed words assert nothing of the
        # speaker's that another outlet could corroborate (analyze.statements)
        if q.mode == "statement"
    ]
    matcher = Matcher([i.quote.text for i in items], embed)
    groups: list[QuoteGroup] = []
    discrepancies: list[Discrepancy] = []
    aliases = _written_names(items)
    for cluster in _clusters(items, matcher):
        members = [items[i] for i in cluster]
        outlets = list(dict.fromkeys(m.source.outlet for m in members))
        named = [cluster[k] for k, m in enumerate(members) if m.quote.speaker]
        clash = _clashes(items, named, matcher)
        status = "corroborated" if len(outlets) >= 2 else "single-source"
        if clash:
            status = "conflicting"
        variants = [_quote_passage(m) for m in members]
        notes = wording_notes(variants, [m.source.outlet for m in members])
        groups.append(QuoteGroup(_speaker(members, aliases), status, variants, outlets, notes))
        if clash:
            involved = [items[i] for i in named if any(i in pair for pair in clash)]
            speakers = list(
                dict.fromkeys(f"{m.quote.speaker} ({m.source.outlet})" for m in involved)
            )
            discrepancy = Discrepancy(
                "attribution",
                "Outlets attribute the same statement to different speakers: "
                + ", ".join(speakers) + ".",
                [_sentence_passage(m) for m in involved],
            )
            discrepancies.append(_weigh_credits(discrepancy, items, clash))
    groups.sort(key=lambda g: -len(g.outlets))  # stable: story order within equal counts
    return groups, discrepancies


def _clashes(
    items: list[_Item], named: list[int], matcher: Matcher
) -> list[tuple[int, int]]:
    """Pairs of outlets that credit one statement to named speakers who cannot be one actor.

    An outlet may name the same speaker twice over (the coalition, then its spokesman): two
    outlets clash only when *none* of one's speakers for the statement fits any of the
    other's. The two quotes must be one statement as a whole, in nearly the same words: a
    short phrase inside a longer remark ("he had tested positive") sits in many remarks, and
    crediting those to someone else is no contradiction.
    """
    by_outlet: dict[str, list[int]] = {}
    for i in named:
        by_outlet.setdefault(items[i].source.outlet, []).append(i)
    outlets = list(by_outlet)
    clashes = []
    for k, first in enumerate(outlets):
        for second in outlets[k + 1 :]:
            pairs = [(a, b) for a in by_outlet[first] for b in by_outlet[second]]
            speakers = [(items[a].quote.speaker, items[b].quote.speaker) for a, b in pairs]
            if any(compatible_speakers(x, y) or not two_names(x, y) for x, y in speakers):
                continue
            clashes += [(a, b) for a, b in pairs if _same_wording(items, matcher, a, b)]
    return clashes


def _weigh_credits(
    discrepancy: Discrepancy, items: list[_Item], clash: list[tuple[int, int]]
) -> Discrepancy:
    """Fold an attribution dispute that only the extraction's inferences make: when in every
    clashing pair some outlet's credit is inferred (:mod:`crosswire.compare.credit`), the
    outlets may well agree. One pair of names both outlets wrote keeps it."""
    reasons: dict[int, str | None] = {
        k: inferred_credit(items[k].source, items[k].quote) for pair in clash for k in pair
    }
    if any(reasons[a] is None and reasons[b] is None for a, b in clash):
        return discrepancy
    confidence, why = subject_assessment(discrepancy)
    inferred = [
        f"{items[k].source.outlet}'s credit to {items[k].quote.speaker} rests on {reason}"
        for k, reason in reasons.items() if reason
    ]
    discrepancy.confidence = min(confidence, INFERRED_CREDIT)
    discrepancy.why = (f"{why}; {'; '.join(dict.fromkeys(inferred))}: the extraction's "
                       "reading, not a name the outlet wrote")
    return discrepancy


def two_names(a: str | None, b: str | None) -> bool:
    """Whether both credits are names: only a name says who spoke. "The reporter" and "a
    young man" may be one unnamed questioner described twice, so two descriptions never
    contradict each other, however little they share."""
    return bool(a and b) and is_name(a) and is_name(b)


def _same_wording(items: list[_Item], matcher: Matcher, a: int, b: int) -> bool:
    """Whether two quotes are one statement in the same words: nearly the same wording, or
    one quotation cut at different points (:func:`one_quotation`)."""
    score = matcher.score(a, b)
    if score >= SAME_WORDING or (score >= SAME and one_quotation(items[a].words, items[b].words)):
        return True
    return matcher.agree(a, b) and _near_identical(items[a], items[b])


def _sentence_passage(item: _Item) -> Passage:
    """The sentence(s) around a quote, so a reader sees who the outlet says spoke."""
    article, q = item.source.article, item.quote
    start, end = q.start, q.end
    for s, e in item.source.analysis.sentences:
        if s <= q.start < e:
            start = s
        if s < q.end <= e:
            end = e
    if q.speaker_start is not None and q.speaker_end is not None:
        start, end = min(start, q.speaker_start), max(end, q.speaker_end)
    return passage(article.id, article.text, start, end)
