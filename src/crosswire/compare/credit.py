"""Whether an outlet wrote who said a quote, or the extraction inferred it.

An attribution dispute says that two outlets credit one statement to different people. That
is what the outlets say only when each wrote the name by the quote. A credit resolved from a
pronoun ("he said", read as the wrong justice), from a description ("the congressman") or
carried from a mention in another sentence (the interviewer's question, then "His response:
...") is the extraction's reading, and its errors are no disagreement between outlets,
unless the text leaves the pronoun or description no one else to mean: "Orr spoke first.
“...,” he said." is Orr's credit as surely as "Orr said" (:func:`plain_antecedent`).
"""

from __future__ import annotations

import re

from crosswire.analyze.cues import PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_SELF
from crosswire.compare.sources import Source
from crosswire.compare.speakers import compatible_speakers, is_name
from crosswire.records import Quote

_PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_SELF | {"his", "hers", "their", "it"}
# Sentences wholly in quotation marks passed over, at most, looking for the sentence before.
_QUOTED_BACK = 4
_WORD = re.compile(r"\w+")
# "he" or "she" and their other forms: a person the text has named before.
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.IGNORECASE)


def inferred_credit(source: Source, quote: Quote) -> str | None:
    """Why ``quote``'s speaker is the extraction's inference, or None when the outlet wrote the
    name in the quote's own sentences (or no mention is recorded, so nothing can be checked).

    Examples:
        >>> from crosswire.records import Analysis, Article
        >>> text = 'Vale asked Orr a question. His answer: "We stay." "We go," Orr said.'
        >>> article = Article(id="a", source="a", text=text, raw=text, outlet="Ledger")
        >>> analysis = Analysis(article="a", sentences=[(0, 26), (27, 47), (48, 67)])
        >>> source = Source(article, analysis, "Ledger", 0)
        >>> carried = Quote(40, 47, "We stay.", speaker="Vale", speaker_text="Vale",
        ...                 speaker_start=0, speaker_end=4)
        >>> written = Quote(49, 55, "We go,", speaker="Orr", speaker_text="Orr",
        ...                 speaker_start=58, speaker_end=61)
        >>> pronoun = Quote(49, 55, "We go,", speaker="Orr", speaker_text="he",
        ...                 speaker_start=58, speaker_end=60)
        >>> inferred_credit(source, carried), inferred_credit(source, written)
        ('a mention in another sentence ("Vale")', None)
        >>> inferred_credit(source, pronoun)
        'the pronoun "he"'
    """
    mention = (quote.speaker_text or "").strip()
    if not mention or quote.speaker_start is None:
        return None
    if mention.lower() in _PRONOUNS:
        plain = mention.lower() in PRONOUNS_PERSON and plain_antecedent(source, quote)
        return None if plain else f'the pronoun "{mention}"'
    if not is_name(mention):
        return None if plain_antecedent(source, quote) else f'the description "{mention}"'
    start, end = _sentences_of(source, quote)
    if not start <= quote.speaker_start < end:
        return f'a mention in another sentence ("{mention}")'
    return None


def plain_antecedent(source: Source, quote: Quote) -> bool:
    """Whether a "he" or "she" credit (or a description, "the mayor") can only mean its
    speaker: outside quotation marks, the sentence before the quotation's and the text from
    there to the mention name that one person and no one else, and no other "he" or "she"
    comes before the name ("He said Orr would go. “...,” he said" may mean the first "he",
    someone named earlier).

    Examples:
        >>> from crosswire.records import Analysis, Article, Entity
        >>> text = 'Vale spoke first. "We stay," she said. He said Orr would go. "No," he said.'
        >>> article = Article(id="a", source="a", text=text, raw=text, outlet="Ledger")
        >>> people = [Entity(0, 4, "Vale", "PERSON", "Ada Vale"),
        ...           Entity(47, 50, "Orr", "PERSON", "Tim Orr")]
        >>> analysis = Analysis(article="a", sentences=[(0, 17), (18, 38), (39, 60), (61, 75)],
        ...                     entities=people)
        >>> source = Source(article, analysis, "Ledger", 0)
        >>> plain_antecedent(source, Quote(19, 26, "We stay,", speaker="Ada Vale",
        ...                                speaker_text="she", speaker_start=28,
        ...                                speaker_end=31))
        True
        >>> plain_antecedent(source, Quote(62, 65, "No,", speaker="Tim Orr",
        ...                                speaker_text="he", speaker_start=67, speaker_end=69))
        False
    """
    if quote.speaker is None or quote.speaker_start is None:
        return False
    sentences = source.analysis.sentences
    begin = min(quote.start, quote.speaker_start)  # the quotation may run over sentences
    own = next((k for k, (s, e) in enumerate(sentences) if s <= begin < e), None)
    if own is None:
        return False
    text = source.article.text
    # words in quotation marks are the speaker's; an indirect quote is the outlet's own. A
    # quote split by its cue spans the cue too, so a word counts as quoted when the quote's
    # text holds it.
    quoted = [q for q in source.analysis.quotes if q.kind != "indirect"]

    def outside(a: int, b: int) -> bool:
        return not any(q.start <= a and b <= q.end and text[a:b] in q.text for q in quoted)

    # the sentence before, passing over those wholly in quotation marks (the speaker's own
    # sentences, whoever introduced them)
    before = own - 1
    while before > 0 and before > own - _QUOTED_BACK and not any(
        outside(*m.span()) for m in _WORD.finditer(text, *sentences[before])
    ):
        before -= 1
    start = sentences[max(0, before)][0]

    people = [
        (at, name) for at, end, name in _names_in(source, start, quote.speaker_start)
        if outside(at, end)
    ]
    if not people or not all(compatible_speakers(name, quote.speaker) for _, name in people):
        return False
    first = min(at for at, _ in people)
    return not any(outside(m.start(), m.end()) for m in _PERSONAL.finditer(text, start, first))


def _names_in(source: Source, start: int, end: int) -> list[tuple[int, int, str]]:
    """Where ``text[start:end]`` names someone: the people the entity model found there, and
    any name the article gives one of its actors elsewhere (the model misses some mentions:
    "Orr" tagged as an organisation in one sentence is still Orr)."""
    found = [
        (e.start, e.end, e.actor or e.text) for e in source.analysis.entities
        if e.label == "PERSON" and start <= e.start and e.end <= end
    ]
    text = source.article.text
    for actor, forms in source.analysis.actors.items():
        for form in filter(is_name, forms):
            pattern = re.compile(r"(?<![\w'’])" + re.escape(form) + r"(?![\w’])")
            found += [(m.start(), m.end(), actor) for m in pattern.finditer(text, start, end)]
    return found


def _sentences_of(source: Source, quote: Quote) -> tuple[int, int]:
    """The span of the sentences the quote runs through (the quote itself without any)."""
    start, end = quote.start, quote.end
    for s, e in source.analysis.sentences:
        if s <= quote.start < e:
            start = min(start, s)
        if s < quote.end <= e:
            end = max(end, e)
    return start, end
