"""Where each article and each passage of a compared set comes from: its independent origin.

Corroboration means two outlets found the same thing out. An outlet that runs another's op-ed
in part, rewords another's article, or quotes another outlet's prose at length adds a name,
not a source. Articles that copy another article of the set (``crosswire.dedup.copies``, or
``duplicate_of`` as stored) join its origin and are left out of the comparison; a passage of
an independent article that another article of the set carries sentence for sentence (one of
them writing it as its own prose) rests on one origin with it, so an item corroborated only by
such passages counts once.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from crosswire.dates import parse_date
from crosswire.dedup.align import Link, Unit, link_units
from crosswire.dedup.copies import Copy, copies_among, profile
from crosswire.dedup.credits import Credit, find_credit
from crosswire.records import Article, Origin, Passage

# A passage rests on another article's when that article carries its sentence at length:
# nearly word for word, or a run of words no two reporters write alike by chance (quoted,
# pasted). Formulaic sentences ("At least 40 people were hurt, according to ...") keep a
# fifth of their words apart and share runs of six or seven words.
MIN_PASSAGE_SIMILARITY = 0.8
MIN_PASSAGE_RUN = 10


@dataclass(slots=True)
class Origins:
    """The copies of a set, its origins, and which of its sentences carry which."""

    copies: dict[str, Copy] = field(default_factory=dict)  # copy id -> how it copies
    original: dict[str, str] = field(default_factory=dict)  # article id -> its original's id
    units: dict[str, list[Unit]] = field(default_factory=dict)
    links: dict[tuple[str, int], list[Link]] = field(default_factory=dict)
    credits: dict[str, Credit] = field(default_factory=dict)
    # Independent articles that credit one agency or publisher: article id -> the first one.
    agency: dict[str, str] = field(default_factory=dict)

    def origin_of(self, article_id: str) -> str:
        """The id of the article an article's text comes from (itself when original)."""
        return self.original.get(article_id, article_id)

    def root(self, article_id: str) -> str:
        """The article standing for the origin an article rests on: its original, or the
        first article of the set crediting the same agency."""
        original = self.origin_of(article_id)
        return self.agency.get(original, original)

    def wrote(self, article_id: str, name: str) -> bool:
        """Whether ``name`` is credited as an author of the article."""
        from crosswire.compare.speakers import same_name

        credit = self.credits.get(article_id)
        return credit is not None and any(same_name(name, a) for a in credit.authors)

    def carried(self, passage: Passage) -> set[tuple[str, int]]:
        """The sentences of other articles (article id, sentence number) that carry the
        sentences ``passage`` overlaps nearly word for word, where at least one side is the
        outlet's own prose. A quotation in a run of consecutive sentences that both
        articles carry in the same order, where the run holds the outlet's own prose, is
        carried too: it is part of one copied passage (a wire story's quotes and narration),
        not one remark quoted by two reporters."""
        found = set()
        for i, unit in enumerate(self.units.get(passage.article, [])):
            if unit.start < passage.end and passage.start < unit.end:
                found |= {
                    (link.b, link.j)
                    for link in self.links.get((passage.article, i), [])
                    if self._at_length(link)
                    and (not link.quotation or self._inside_copied_run(link))
                }
        return found

    def _inside_copied_run(self, link: Link) -> bool:
        """Whether the link lies in a run of consecutive sentence links (i+k to j+k) between
        the same two articles, one of which is a link of the outlets' own prose."""
        for step in (-1, 1):
            k = step
            while True:
                nxt = next(
                    (o for o in self.links.get((link.a, link.i + k), [])
                     if o.b == link.b and o.j == link.j + k),
                    None,
                )
                if nxt is None:
                    break
                if not nxt.quotation:
                    return True
                k += step
        return False

    def _at_length(self, link: Link) -> bool:
        a, b = self.units[link.a][link.i].words, self.units[link.b][link.j].words
        if link.similarity >= MIN_PASSAGE_SIMILARITY and min(len(a), len(b)) >= MIN_PASSAGE_RUN:
            return True
        run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(
            0, len(a), 0, len(b)
        )
        return run.size >= MIN_PASSAGE_RUN

    def sentences(self, passage: Passage) -> set[tuple[str, int]]:
        """The sentences (article id, sentence number) ``passage`` overlaps."""
        return {
            (passage.article, i)
            for i, unit in enumerate(self.units.get(passage.article, []))
            if unit.start < passage.end and passage.start < unit.end
        }


def by_age(articles: Iterable[Article]) -> list[Article]:
    """Earliest published first, undated last, then in the order given."""

    def age(item: tuple[int, Article]) -> tuple[bool, str, int]:
        date = parse_date(item[1].published)
        return date is None, date.isoformat() if date else "", item[0]

    return [a for _, a in sorted(enumerate(articles), key=age)]


def find_origins(articles: list[Article]) -> Origins:
    """The copies among ``articles`` and the sentence links between the rest.

    A stored ``duplicate_of`` inside the set is kept; other copies are found from the texts.
    Chains collapse: a copy of a copy rests on the first one's original.
    """
    # Cached on the articles' ids and texts: a report, its claims and its summary compare the
    # same set, and the alignment is the costly part of that.
    key = tuple((a.id, hash(a.text), a.duplicate_of, a.published) for a in articles)
    if key not in _CACHE:
        _CACHE[key] = _find_origins(articles)
        while len(_CACHE) > _CACHED_SETS:
            _CACHE.popitem(last=False)
    _CACHE.move_to_end(key)
    return _CACHE[key]


_CACHED_SETS = 4
_CACHE: OrderedDict[tuple[object, ...], Origins] = OrderedDict()


def _find_origins(articles: list[Article]) -> Origins:
    ordered = by_age(articles)
    ids = {a.id for a in articles}
    profiles = {a.id: profile(a.text) for a in ordered}
    all_links = link_units({k: p.units for k, p in profiles.items()})
    origins = Origins(units={k: p.units for k, p in profiles.items()})
    stored = {a.id: a.duplicate_of for a in articles if a.duplicate_of in ids}
    found = {c.copy: c for c in copies_among(profiles, all_links, [a.id for a in ordered])}
    origins.copies = {k: v for k, v in found.items() if k not in stored}
    parent = {**{k: c.original for k, c in origins.copies.items()}, **stored}
    for article in ordered:
        seen = {article.id}
        root = article.id
        while root in parent and parent[root] not in seen:
            root = parent[root]
            seen.add(root)
        if root != article.id:
            origins.original[article.id] = root
    for link in all_links:
        if link.a not in origins.original and link.b not in origins.original:
            origins.links.setdefault((link.a, link.i), []).append(link)
    origins.credits = {
        a.id: find_credit("\n".join([a.text, *a.removed]), a.authors) for a in ordered
    }
    first: dict[str, str] = {}
    for article in ordered:
        publisher = origins.credits[article.id].publisher
        if article.id in origins.original or not publisher or _own(article, publisher):
            continue
        key = _key(publisher)
        if key in first:
            origins.agency[article.id] = first[key]
        else:
            first[key] = article.id
    return origins


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _own(article: Article, publisher: str) -> bool:
    """Whether the credited publisher is the article's own outlet ("(CNN)" on cnn.com)."""
    outlet = _key((article.outlet or "").split(".")[0])
    return bool(outlet) and (_key(publisher) in outlet or outlet in _key(publisher))


def passage_origins(
    passages: Iterable[tuple[str, Passage, str | None]], origins: Origins
) -> list[str]:
    """The independent origins of an item from its (outlet, passage, credited) triples, as
    outlet names in order. Outlets are one origin when their passages carry one another's
    sentences, when their articles rest on one agency, or when one credits its passage to a
    person (``credited``: the speaker of a quote, the source of a figure) credited as the
    author of the other's article (a columnist's own op-ed). The origin is named by the first
    outlet that writes the words as its own (the one quoted or copied)."""
    items = list(passages)
    outlets = list(dict.fromkeys(outlet for outlet, _, _ in items))
    parent = {o: o for o in outlets}

    def find(o: str) -> str:
        while parent[o] != o:
            o = parent[o]
        return o

    def join(a: str, b: str) -> None:
        if find(a) != find(b):
            parent[find(b)] = find(a)

    sentences: dict[str, set[tuple[str, int]]] = {o: set() for o in outlets}
    roots: dict[str, set[str]] = {o: set() for o in outlets}
    for outlet, p, _ in items:
        sentences[outlet] |= origins.sentences(p)
        roots[outlet].add(origins.root(p.article))
    for outlet, p, credited in items:
        carried = origins.carried(p)
        for other in outlets:
            if other == outlet:
                continue
            if carried & sentences[other] or roots[outlet] & roots[other]:
                join(other, outlet)
            elif credited and any(
                origins.wrote(q.article, credited) for o, q, _ in items if o == other
            ):
                join(other, outlet)  # the other outlet runs the credited person's own piece
    groups: dict[str, list[str]] = {}
    for o in outlets:
        groups.setdefault(find(o), []).append(o)

    credited_names = {c for _, _, c in items if c}

    def author(outlet: str) -> bool:
        return any(
            origins.wrote(p.article, name)
            for o, p, _ in items if o == outlet for name in credited_names
        )

    def own_prose(outlet: str) -> bool:
        return any(not origins.units[a][i].quoted for a, i in sentences[outlet])

    return [
        next((o for o in group if author(o)), None)
        or next((o for o in group if own_prose(o)), group[0])
        for group in groups.values()
    ]


def origin_records(
    articles: list[Article], origins: Origins, labels: dict[str, str]
) -> list[Origin]:
    """One :class:`Origin` per original article of the set, with the copies resting on it and
    how each copies (``labels``: article id -> the name a report gives it)."""
    records: dict[str, Origin] = {}
    for article in articles:
        root = origins.origin_of(article.id)
        record = records.setdefault(root, Origin(label=labels.get(root, root), articles=[root]))
        if article.id != root:
            record.articles.append(article.id)
            copy = origins.copies.get(article.id)
            how = (
                copy.evidence.describe(labels.get(article.id, article.id),
                                       labels.get(copy.original, copy.original))
                if copy is not None
                else f"{labels.get(article.id, article.id)} is stored as a copy of "
                f"{labels.get(root, root)}"
            )
            record.evidence.append(how)
    for record in records.values():
        record.outlets = list(dict.fromkeys(labels.get(a, a) for a in record.articles))
    return list(records.values())
