"""Canonical actors: one name per person of an article, whatever form a mention takes.

News prose names a person once in full ("NATO Secretary General Mark Rutte"), then by surname
("Rutte") and by role ("the NATO chief", "the alliance's top official"). Quotes are compared
across outlets by speaker, so every form must resolve to one canonical name per article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.cached import doc_ents, doc_text
from crosswire.analyze.cues import GENERIC_ROLES, ROLE_NOUNS, words_of
from crosswire.analyze.kinship import relative
from crosswire.analyze.marks import find_quotations

# Honorifics and titles written as part of a name ("Mr. Smith", "Gov. Pence"): stripped from the
# canonical name but kept as a title, so "the governor" can still find the person.
HONORIFICS = words_of(
    """
    mr mrs ms miss dr prof sir dame gov sen rep gen col lt sgt president vice secretary
    senator governor minister chancellor premier prime pope king queen prince judge
    """
)
# Title words that carry no identity ("the former top official of the ...").
TITLE_STOPWORDS = words_of("the a an of 's ’s former current new then top senior chief")
# Generational suffixes written after a surname ("Jesse Vale Jr.").
GENERATIONS = words_of("jr sr ii iii iv")
_CLEAN_EDGE = re.compile(r"^[\W_]+|(?:['’]s)?[\W_]*$")


def strip_titles(words: list[str]) -> list[str]:
    """Name words without leading titles or acronyms ("NATO Secretary General Mark Rutte")."""
    while len(words) > 1 and (
        words[0].lower().rstrip(".") in HONORIFICS
        or words[0].lower() in ROLE_NOUNS
        or (words[0].isupper() and len(words[0]) > 1)
    ):
        words = words[1:]
    return words


def name_tokens(name: str) -> list[str]:
    """Lower-cased word tokens of a name, titles dropped ("Mr. Smith" -> ["smith"])."""
    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w\-’'.]+", name)]
    words = [w.strip(".") for w in words if w not in ("'s", "’s", "")]
    return [w.lower() for w in strip_titles([w for w in words if w])]


def same_actor(a: str, b: str) -> bool:
    """Whether two canonical names can denote one person across outlets.

    True when one name's tokens are a suffix of the other's (a surname used alone, a first
    name added), so "Rutte" in one outlet and "Mark Rutte" in another are one speaker.

    Examples:
        >>> same_actor("Rutte", "Mark Rutte")
        True
        >>> same_actor("Hillary Clinton", "Chelsea Clinton")
        False
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return long_[-len(short) :] == short


def clean_name(text: str) -> str:
    """A name as written minus a possessive and stray punctuation ("Rutte’s" -> "Rutte")."""
    return _CLEAN_EDGE.sub("", text.strip())


@dataclass(slots=True)
class Person:
    """One person of an article: canonical name, forms seen, and the titles they were given."""

    name: str
    tokens: list[str]
    first: int
    forms: list[str] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # Mentions in the narration, outside quotation marks: who the article is about.
    narrated: list[int] = field(default_factory=list)


class ActorIndex:
    """The people of one parsed article and how to resolve a mention to one of them."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.persons: list[Person] = []
        # char start of a PERSON mention -> canonical name
        self.mention_actor: dict[int, str] = {}
        # A name's tokens -> the people they can denote: the same names recur on every mention,
        # and the people (with their names) are fixed once the index is built.
        self._named: dict[tuple[str, ...], list[Person]] = {}
        # ("last", word) / ("first", word) -> positions in ``persons`` of the names ending /
        # starting with it: a name is matched against those few, not against everyone.
        self._by_word: dict[tuple[str, str], set[int]] = {}
        self.quoted = [(q.open, q.close) for q in find_quotations(doc_text(doc))]
        names = [ent for ent in doc_ents(doc) if ent.label_ == "PERSON" and "\n" not in ent.text]
        names += [n for ent in doc_ents(doc) if ent.label_ != "PERSON" for n in _titled_names(ent)]
        self._build(names)

    def in_quote(self, pos: int) -> bool:
        """Whether a char offset lies between quotation marks."""
        return any(s <= pos < e for s, e in self.quoted)

    # -- building -------------------------------------------------------------------------
    def _build(self, ents: list[Span]) -> None:
        full: dict[tuple[str, ...], Person] = {}
        # Longest names first: a short form ("Rutte") then joins the full name it ends.
        # Names in title-case headings are left out as new people ("Rutte Raises Alarm"
        # reads as a person "Rutte Raises"); they still count as mentions of known ones.
        founders = [e for e in ents if not _in_heading(e)]
        for ent in sorted(founders, key=lambda e: (-len(name_tokens(e.text)), e.start_char)):
            tokens = name_tokens(ent.text)
            if not tokens:
                continue
            key = tuple(tokens)
            if key in full:
                continue
            if not any(
                len(other) > len(key) and other[-len(key) :] == key for other in full
            ) and not any(len(other) > len(key) and other[: len(key)] == key for other in full):
                full[key] = Person(_display_name(ent), tokens, ent.start_char)
                # known before any bare surname is resolved, wherever it comes
                full[key].titles |= _titles_of(ent)
        self.persons = sorted(full.values(), key=lambda p: p.first)
        self._named = {}
        self._by_word = {}
        for i, person in enumerate(self.persons):
            for word in (("last", person.tokens[-1]), ("last", _core(person.tokens)[-1]),
                         ("first", person.tokens[0])):  # fmt: skip
                self._by_word.setdefault(word, set()).add(i)
        for ent in sorted(ents, key=lambda e: e.start_char):
            person = self._person_for_tokens(name_tokens(ent.text), ent.start_char)
            if person is None:
                continue
            person.first = min(person.first, ent.start_char)
            form = clean_name(ent.text)
            if form not in person.forms:
                person.forms.append(form)
            person.mentions.append((ent.start_char, ent.end_char))
            if not self.in_quote(ent.start_char):
                person.narrated.append(ent.start_char)
            person.titles |= _titles_of(ent)
            self.mention_actor[ent.start_char] = person.name
        self._add_untagged_mentions({(e.start_char) for e in ents})

    def _add_untagged_mentions(self, seen: set[int]) -> None:
        """Count proper names the NER model missed ("Venn thanked ...") as mentions of the
        person they name, when they match one: salience and forms then see them too."""
        if not self.persons:
            return
        doc = self.doc
        i = 0
        while i < len(doc):
            if doc[i].pos_ != "PROPN" or doc[i].ent_type_ == "PERSON":
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].ent_type_ == "":
                j += 1
            span = doc[i : j + 1]
            i = j + 1
            if span.start_char in seen or span[-1].ent_type_ not in ("", "PERSON", "ORG"):
                continue
            person = self._person_for_tokens(name_tokens(span.text), span.start_char)
            if person is None or len(name_tokens(span.text)) >= len(person.tokens) + 1:
                continue
            form = clean_name(span.text)
            if form not in person.forms:
                person.forms.append(form)
            person.mentions.append((span.start_char, span.end_char))
            if not self.in_quote(span.start_char):
                person.narrated.append(span.start_char)
            self.mention_actor[span.start_char] = person.name

    def _person_for_tokens(self, tokens: list[str], at: int) -> Person | None:
        """The person a name denotes; a shared surname goes to the nearest full name before."""
        if not tokens:
            return None
        key = tokens
        candidates = self._named.get(tuple(key))
        if candidates is None:
            candidates = self._named[tuple(key)] = self._candidates(key)
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        # A family shares the surname ("Tor Vale", "his wife, Sandra Vale"): the bare surname
        # is the one member not introduced as another's relative (analyze/kinship.py).
        principals = [p for p in candidates if not relative(p.titles)]
        if len(key) == 1 and len(principals) == 1:
            return principals[0]
        # Two people share the name ("Hillary Clinton", "Chelsea Clinton"): a bare "Clinton"
        # means whoever of them was last named in full before it, else the first introduced.
        before = [p for p in candidates if any(s <= at for s, _ in p.mentions)]
        if before:
            return max(before, key=lambda p: max(s for s, _ in p.mentions if s <= at))
        return min(candidates, key=lambda p: p.first)

    def _candidates(self, key: list[str]) -> list[Person]:
        """The people a name's tokens can denote, narrowed as far as the tokens alone allow
        (the one of that exact name; else those whose name it ends; else a first name)."""
        # Only a person whose name (or its core) ends with the key's last word, or one whose
        # first name is a one-word key, can qualify: read those from the index, in order.
        positions = self._by_word.get(("last", key[-1]), set())
        if len(key) == 1:
            positions = positions | self._by_word.get(("first", key[0]), set())
        candidates = [
            p
            for p in (self.persons[i] for i in sorted(positions))
            if p.tokens == key
            or _core(p.tokens)[-len(key) :] == key
            or (len(key) == 1 and p.tokens[0] == key[0])
        ]
        exact = [p for p in candidates if p.tokens == key]
        if exact:
            return exact[:1]
        # A surname ("Rutte") before a first name: "Rutte Raises" must not capture it.
        suffix = [p for p in candidates if _core(p.tokens)[-len(key) :] == key]
        return suffix or candidates

    # -- resolving ------------------------------------------------------------------------
    def person_named(self, name: str, at: int) -> str | None:
        """The canonical person a name as written denotes ("Quill" -> "Tomas Quill")."""
        person = self._person_for_tokens(name_tokens(name), at)
        return person.name if person is not None else None

    def actor_at(self, start: int, end: int) -> str | None:
        """The canonical person whose NER mention overlaps the char span, if any."""
        for person in self.persons:
            for s, e in person.mentions:
                if s < end and start < e:
                    return self.mention_actor.get(s, person.name)
        return None

    def resolve_description(self, span: Span) -> str | None:
        """The person a role description ("the NATO chief") stands for, or None.

        A description resolves to the person, named before it, whose titles share a word with
        it; failing that, a generic role ("the top official", not "the president") goes to the
        one person who dominates the narration so far (most mentions outside quotes, strictly
        more than anyone else): a story's "top official" is its main figure.
        """
        if not is_description(span):
            return None
        words = {t.lower_ for t in span if not t.is_punct} - TITLE_STOPWORDS
        before = [p for p in self.persons if p.narrated and p.narrated[0] < span.start_char]
        if not before:
            return None
        scored = [(len(words & p.titles), p) for p in before]
        best = max(score for score, _ in scored)
        if best > 0:
            top = [p for score, p in scored if score == best]
            if len(top) == 1:
                return top[0].name
            return None
        if span.root.lower_ not in GENERIC_ROLES or _qualified(span):
            return None
        counts = Counter(
            {p.name: sum(1 for s in p.narrated if s < span.start_char) for p in before}
        )
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
        return None

    def add_form(self, name: str, form: str) -> None:
        """Record a surface form (a description, say) under a canonical name."""
        for person in self.persons:
            if person.name == name and form.lower() not in {f.lower() for f in person.forms}:
                person.forms.append(form)

    def actors(self) -> dict[str, list[str]]:
        """``{canonical name: [surface forms]}`` in order of first mention."""
        return {p.name: list(p.forms) for p in self.persons}


def _core(tokens: list[str]) -> list[str]:
    """Name tokens without a generational suffix: the surname of "Tor Vale Jr." is "vale"."""
    while len(tokens) > 1 and tokens[-1] in GENERATIONS:
        tokens = tokens[:-1]
    return tokens


def _titled_names(ent: Span) -> list[Span]:
    """People the small NER model folds into an organisation: "Harbour Authority Chair Ilsa
    Brandt" is an ORG to it, but a title followed by capitalised words ends in a name."""
    tokens = list(ent)
    for k in range(len(tokens) - 2, -1, -1):
        word = tokens[k].lower_.rstrip(".")
        if word in ROLE_NOUNS or word in HONORIFICS:
            tail = tokens[k + 1 :]
            if 1 <= len(tail) <= 3 and all(t.is_title and t.is_alpha for t in tail):
                return [ent.doc[tail[0].i : tail[-1].i + 1]]
            return []
    return []


def _in_heading(ent: Span) -> bool:
    """Whether a mention sits in a title-case line without a final stop (a subheading)."""
    text = doc_text(ent.doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : len(text) if end == -1 else end].strip()
    words = line.split()
    if not words or line[-1] in ".!?\"”" or len(words) > 14:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= 0.6 * len(words)


def _display_name(ent: Span) -> str:
    """A PERSON entity as a canonical name: as written, honorifics and possessive dropped."""
    return " ".join(strip_titles(clean_name(ent.text).split()))


def _titles_of(ent: Span) -> set[str]:
    """Words of the titles written with a name: "NATO Secretary General Mark Rutte", "Mark
    Rutte, NATO's secretary general", "the NATO chief, Mark Rutte"."""
    words: set[str] = set()
    doc = ent.doc
    # Premodifiers: walk left over compounds/adjectives attached inside the name phrase.
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case", "punct"):
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-",):
            break
        if tok.ent_type_ == "PERSON":
            break
        words.add(tok.lower_)
        i -= 1
    words |= {t.lower_ for t in ent if t.lower_.rstrip(".") in HONORIFICS}
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            words |= {t.lower_ for t in _own_words(child) if not t.is_punct}
    if root.dep_ == "appos" and root.head.ent_type_ != "PERSON":
        head = root.head
        words |= {t.lower_ for t in _own_words(head) if not t.is_punct and t.i < ent.start}
    return words - TITLE_STOPWORDS - set(name_tokens(ent.text))


def _own_words(token: Token) -> list[Token]:
    """A title phrase's words without the other people it names: in "the daughter of former
    Vice President Tor Vale" the vice-presidency is Vale's title, not the daughter's."""
    words = [token]
    for child in token.children:
        if child.dep_ == "prep" and any(t.ent_type_ == "PERSON" for t in child.subtree):
            continue
        words += _own_words(child)
    return words


def is_description(span: Span) -> bool:
    """A definite role phrase without a name: "the NATO chief", "the alliance's top official"."""
    head = span.root
    if head.lower_ not in ROLE_NOUNS or head.tag_ not in ("NN", "NNP"):
        return False
    if any(t.ent_type_ == "PERSON" for t in span):
        return False
    first = span[0]
    return first.lower_ in ("the", "this", "that") or any(t.dep_ == "poss" for t in span)


def _qualified(span: Span) -> bool:
    """A role tied to a named country or body ("the Nordland leader") that nobody's titles
    matched is somebody else than the story's main figure."""
    return any(
        t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG")
        for t in span
        if t.i != span.root.i
    )


def description_span(token: Token) -> Span:
    """The noun phrase a head noun leads, without trailing clauses: "the alliance's top
    official" for "official"."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("prep", "compound") and child.i == right + 1:
            right = child.right_edge.i
    return token.doc[left : right + 1]
