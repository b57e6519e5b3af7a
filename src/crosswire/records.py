"""The typed records that flow between stages.

Every extracted item points back to its article and to character offsets in that article's
clean text (``Article.text``), so a report can always show the sentence a statement came from.
Records are plain dataclasses with ``as_dict``/``from_dict`` so they travel as JSON (storage,
export, a distributed engine) without custom encoders.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, Literal, Self

QuoteKind = Literal["direct", "partial", "indirect"]
# What a quote is as the speaker's word: a statement, or words that report no claim of theirs
# (a belief or hope the text ascribes, a question, a quoted term, words relayed by another).
QuoteMode = Literal["statement", "belief", "hope", "question", "term", "relayed"]
Status = Literal["corroborated", "single-source", "conflicting"]


class Record:
    """Mixin: JSON round trip for (nested) dataclass records."""

    def as_dict(self) -> dict[str, Any]:
        """What ``dataclasses.asdict`` gives, built directly: asdict looks the fields up and
        deep-copies every value, and an article's analysis holds thousands of them."""
        return _record_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _record_dict(record: Record) -> dict[str, Any]:
    return {name: _plain(getattr(record, name)) for name in _field_names(type(record))}


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """A field's value as ``dataclasses.asdict`` leaves it: records as dicts, containers
    rebuilt, everything else a deep copy (the scalars records hold are their own copy)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if isinstance(value, Record):
        return _record_dict(value)
    if kind is list:
        return [_plain(v) for v in value]
    if kind is tuple:
        return tuple(_plain(v) for v in value)
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    return asdict(value) if is_dataclass(value) else copy.deepcopy(value)  # type: ignore[arg-type]


@dataclass(slots=True)
class RawItem(Record):
    """One article as a reader found it, before cleaning.

    ``key`` identifies the item inside its source (a file path, ``path#line``) and ``body`` is
    the article text as the reader produced it. Metadata fields are what the input says;
    ``None`` means unknown.
    """

    source: str
    body: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    external_id: str | None = None


@dataclass(slots=True)
class Article(Record):
    """A cleaned article. ``text`` is the clean text all offsets refer to."""

    id: str
    source: str
    text: str
    raw: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    removed: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    story: str | None = None


@dataclass(slots=True)
class IngestError(Record):
    """A per-item failure: which input, what went wrong (coded), and what to do."""

    source: str
    code: str
    message: str


@dataclass(slots=True)
class Mention(Record):
    """A span of an article's clean text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity(Record):
    """A named entity mention with the canonical actor it refers to (if a person/org)."""

    start: int
    end: int
    text: str
    label: str
    actor: str | None = None


@dataclass(slots=True)
class Quote(Record):
    """A statement attributed to a speaker.

    ``speaker`` is the canonical actor ("Mark Rutte"); ``speaker_start``/``speaker_end`` locate
    the mention as written ("he" of "he said"). ``speaker`` is ``None`` when the text does not
    say who spoke: we report that rather than guess. ``mode`` says whether the words are a
    statement of the speaker (only those are compared across outlets as statements).
    """

    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    cue: str | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    mode: QuoteMode = "statement"


@dataclass(slots=True)
class Figure(Record):
    """A number with what it counts.

    ``value`` is normalised (1.1 million -> 1100000.0, 1% -> 1.0 with unit "%"); ``qualifier``
    is the bound or hedge ("up to", "less than", "over"); ``counts`` is the thing counted in the
    words of the sentence; ``sentence`` locates the whole sentence for context. ``change`` is
    "up" or "down" when the figure is the size of a rise or fall; ``period`` the month,
    quarter or year it applies to; ``noun`` what a count counts, as lemmas ("heart
    transplant"); ``source`` the agency, survey or forecaster the text attributes it to
    ("Bureau of Labor Statistics", "Goldman Sachs"); ``place`` the country, state or city it
    refers to ("United States"); ``measure`` what it measures as one name for all wordings
    ("CPI" for "the rate of increase in the Consumer Price Index" and "prices rose").
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    qualifier: str | None = None
    counts: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    in_quote: bool = False
    change: str | None = None
    period: str | None = None
    noun: str | None = None
    source: str | None = None
    place: str | None = None
    measure: str | None = None


@dataclass(slots=True)
class Claim(Record):
    """An event fact an analyst compares: where/when remarks were made.

    ``kind`` is ``venue`` (an interview with an outlet, a speech in a place) or ``date``;
    ``value`` is the normalised value ("interview:Bild", "place:Brussels").
    """

    start: int
    end: int
    text: str
    kind: str
    value: str
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(slots=True)
class Analysis(Record):
    """Everything extracted from one article's clean text."""

    article: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: dict[str, list[str]] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article=data["article"],
            sentences=[tuple(s) for s in data.get("sentences", [])],  # type: ignore[misc]
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            actors=dict(data.get("actors", {})),
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            figures=[Figure.from_dict(f) for f in data.get("figures", [])],
            claims=[Claim.from_dict(c) for c in data.get("claims", [])],
        )


@dataclass(slots=True)
class Story(Record):
    """A group of articles that report the same event. ``id`` is its first article's id.

    ``thread`` lists the other stories of its running topic, newest first (filled when one
    story is read, see ``Store.get_story``)."""

    id: str
    title: str | None
    articles: list[str]
    outlets: list[str]
    first_published: str | None = None
    last_published: str | None = None
    thread: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Passage(Record):
    """A quoted span of one article, as a report shows it."""

    article: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class QuoteGroup(Record):
    """One statement as several outlets worded it."""

    speaker: str | None
    status: Status
    variants: list[Passage]
    outlets: list[str] = field(default_factory=list)
    # How the wordings differ beyond a word here and there: an outlet quoting only part of
    # the statement, or adding words no other outlet quotes.
    notes: list[str] = field(default_factory=list)
    # The independent origins among ``outlets`` (see ``Origin``): an outlet carrying
    # another's words counts once with it.
    origins: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FigureGroup(Record):
    """One quantity as the outlets of a story report it; ``sources`` are the bodies its
    mentions are attributed to (``Figure.source``)."""

    value: float
    unit: str | None
    counts: str | None
    status: Status
    mentions: list[Passage]
    outlets: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Discrepancy(Record):
    """A point where outlets disagree: figure value/meaning, venue, date, attribution.

    ``why`` says what makes it one (what the sides share, how they differ) and ``confidence``
    (0-1) how sure the comparison is that it is a real difference between independent
    sources: the report ranks discrepancies by it and folds the weak ones.
    """

    kind: str
    summary: str
    sides: list[Passage]
    why: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class SummaryLine(Record):
    """One sentence of a story's summary with the passages that back it in each outlet.

    ``kind`` is ``fact`` for the agreed core, or the kind of a discrepancy for a disputed point.
    """

    text: str
    status: str
    sources: list[Passage]
    outlets: list[str] = field(default_factory=list)
    kind: str = "fact"
    origins: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Origin(Record):
    """One independent origin of a compared set: an original article (``articles[0]``) and
    the articles that copy it, with how each does (``evidence``); ``label`` names it as the
    report names the original's outlet."""

    label: str
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Comparison(Record):
    """The comparison of a story's sources: what is shared, what conflicts, what is unique."""

    story: str
    quotes: list[QuoteGroup] = field(default_factory=list)
    figures: list[FigureGroup] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    unique: list[Passage] = field(default_factory=list)
    summary: list[SummaryLine] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comparison:
        def passages(items: list[dict[str, Any]]) -> list[Passage]:
            return [Passage.from_dict(p) for p in items]

        return cls(
            story=data["story"],
            quotes=[
                QuoteGroup.from_dict({**q, "variants": passages(q.get("variants", []))})
                for q in data.get("quotes", [])
            ],
            figures=[
                FigureGroup.from_dict({**f, "mentions": passages(f.get("mentions", []))})
                for f in data.get("figures", [])
            ],
            discrepancies=[
                Discrepancy.from_dict({**d, "sides": passages(d.get("sides", []))})
                for d in data.get("discrepancies", [])
            ],
            unique=passages(data.get("unique", [])),
            summary=[
                SummaryLine.from_dict({**line, "sources": passages(line.get("sources", []))})
                for line in data.get("summary", [])
            ],
            origins=[Origin.from_dict(o) for o in data.get("origins", [])],
        )
