"""Who speaks: from the grammatical subject of a cue to a canonical actor.

A pronoun is resolved to the last *person subject* outside quotation marks rather than to the
last name in the text: "Rutte dismissed suggestions ..., lauding US President Donald Trump's
engagement." makes Rutte, not Trump, the "he" of the next "he stressed".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.actors import ActorIndex, description_span, is_description
from crosswire.analyze.cached import ent_containing
from crosswire.analyze.cues import (
    GROUP_NOUNS,
    PASSIVE_SPEAKER_LEMMAS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    is_speech_verb,
)
from crosswire.analyze.kinship import gender as title_gender
from crosswire.analyze.statements.registry import active

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How far back (tokens) a name that just spoke can be the "he" of a cue.
_NEAR = 80
_FEMININE = frozenset({"she", "her"})
_PRONOUNS_THING = frozenset({"it", "they"})
_DETERMINERS = frozenset({"the", "a", "an", "some", "several", "many", "other", "another"})


@dataclass(slots=True)
class Speaker:
    """A speaker mention as written and the actor it resolves to (``None``: unknown)."""

    start: int
    end: int
    text: str
    actor: str | None


class Focus:
    """Who the text is about, sentence by sentence: the person subjects outside quotes.

    Pronouns are resolved against it; the "gender" of a person is learnt from the pronouns
    already resolved to them, so a "she" skips a person previously called "he".
    """

    def __init__(self, doc: Doc, index: ActorIndex, inside_quote: list[bool]) -> None:
        self.doc = doc
        self.index = index
        self.inside = inside_quote
        self.events: list[tuple[int, str, bool]] = []  # (token index, actor, is group)
        # seeded from kinship and honorific titles ("their father, Tor Vale"; "Mrs. Vale")
        self.gender: dict[str, str] = {
            p.name: g for p in index.persons if (g := title_gender(p.titles)) is not None
        }
        self._resolved: dict[int, str | None] = {}
        self._done = -1
        self.people = {p.name for p in index.persons}
        # Names that spoke but that the entity model did not take for people (token, actor).
        self.named_speakers: list[tuple[int, str]] = []

    def advance(self, upto: int) -> None:
        """Record the subjects of tokens before ``upto`` (document order, once)."""
        doc = self.doc
        for i in range(self._done + 1, min(upto, len(doc))):
            self._done = i
            tok = doc[i]
            if self.inside[i]:
                continue
            if tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "pobj" and _is_according_to(tok)):
                mention = subject_mention(tok)
                actor = self.resolve(mention, tok)
                if actor is None:
                    continue
                # Only people and groups of people can be "he" or "they" later; "the threat"
                # as a subject must not become the antecedent of "him".
                if actor in self.people:
                    self.events.append((i, actor, False))
                elif _is_group(tok):
                    self.events.append((i, actor, True))
                if actor not in self.people and _unrecognised_speaker(tok):
                    self.named_speakers.append((i, actor))

    def resolve(self, mention: Span, head: Token) -> str | None:
        """The actor of a subject mention: a named person, a description, a pronoun, a group."""
        if head.i in self._resolved:
            return self._resolved[head.i]
        actor = self._resolve(mention, head)
        self._resolved[head.i] = actor
        return actor

    def _resolve(self, mention: Span, head: Token) -> str | None:
        named = self.index.actor_at(mention.start_char, mention.end_char)
        if named is not None and (head.ent_type_ == "PERSON" or head.pos_ == "PROPN"):
            return named
        if head.pos_ == "PROPN" or (head.is_title and head.pos_ in ("ADV", "ADJ", "NOUN")):
            # A name the NER model missed here ("Quill told reporters", "Early described it",
            # a surname tagged as a common word) but knows elsewhere.
            known = self.index.person_named(mention.text, mention.start_char)
            if known is not None:
                return known
        lower = head.lower_
        if lower in PRONOUNS_PERSON:
            self.advance(head.i)
            gender = "f" if lower in _FEMININE else "m"
            for _, actor, group in reversed(self.events):
                if group:
                    continue
                if self.gender.get(actor, gender) == gender:
                    self.gender.setdefault(actor, gender)
                    return actor
            if self.named_speakers and head.i - self.named_speakers[-1][0] <= _NEAR:
                # No person in sight, but a name just spoke: "“X,” Teodor Malvik said. ¶ “Y,”
                # he added." with "Malvik" taken for an organisation.
                return self.named_speakers[-1][1]
            return None
        if lower in PRONOUNS_GROUP:
            self.advance(head.i)
            # "they" only continues a group named as subject in the last sentences.
            for i, actor, group in reversed(self.events):
                if head.i - i > 60:
                    break
                if group:
                    return actor
            return None
        if head.pos_ == "PRON":
            return None
        if is_description(mention):
            return self.index.resolve_description(mention)
        if head.ent_type_ in ("ORG", "NORP", "GPE"):
            return _strip_determiner(mention.text)
        # Any other noun phrase names its speakers as the text does ("several member
        # states", "a report"): reported as written rather than dropped.
        return _strip_determiner(mention.text)


def _unrecognised_speaker(tok: Token) -> bool:
    """A name the entity model did not recognise, as the subject of a speech verb
    ("Teodor Malvik said"): a person, whom a later "he said" can mean."""
    return (
        tok.pos_ == "PROPN"
        and tok.ent_type_ in ("", "PERSON", "ORG")
        and tok.lower_ not in GROUP_NOUNS
        and is_speech_verb(tok.head)
    )


def _is_according_to(tok: Token) -> bool:
    prep = tok.head
    return prep.lower_ == "to" and prep.head.lower_ == "according"


def _is_group(tok: Token) -> bool:
    return tok.lower_ in GROUP_NOUNS or tok.lemma_.lower() in GROUP_NOUNS or (
        tok.ent_type_ in ("ORG", "NORP", "GPE") and tok.ent_type_ != "PERSON"
    )


def _strip_determiner(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def subject_mention(tok: Token) -> Span:
    """The mention a subject token heads: the whole name, the role phrase, "officials in
    Warsaw"; relative clauses and appositions are left out."""
    return _without_blanks(_mention(tok))


def _without_blanks(span: Span) -> Span:
    """The span less the whitespace tokens at its edges (an entity can start with one)."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].is_space:
        start += 1
    while end > start + 1 and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def _mention(tok: Token) -> Span:
    doc = tok.doc
    for child in tok.children:
        # "Lind's cousin, Marta Lind, said": the apposed name is the speaker's mention.
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            tok = child
            break
    if tok.ent_type_:
        ent = ent_containing(doc, tok.i)
        if ent is not None:
            return ent
    if tok.pos_ == "PRON":
        return doc[tok.i : tok.i + 1]
    if tok.lower_ in GROUP_NOUNS or tok.lemma_.lower() in GROUP_NOUNS or is_description(
        description_span(tok)
    ):
        return description_span(tok)
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod"):
            left = min(left, child.left_edge.i)
    return doc[left : tok.i + 1]


def speaker_of(verb: Token, focus: Focus) -> Speaker | None:
    """The speaker of a cue verb: its subject, the subject of the verb it continues ("he said,
    adding ..."), or X of "according to X"."""
    subject = find_subject(verb)
    if subject is not None and focus.inside[subject.i]:
        # "“X, the foundation, all of it,” said a person close to Y": the parser gave the
        # verb a subject inside the quotation too; the one outside the marks speaks.
        subject = next(
            (
                c
                for c in subject.head.children
                if c.dep_ in SUBJECT_DEPS and not focus.inside[c.i]
            ),
            None,
        )
    if verb.tag_ == "VBN" and (subject is None or subject.head.i != verb.i):
        # "widely labeled as a “charade” by harbour workers", "as described by the
        # inspector": a participle with a "by" agent names who speaks.
        subject = _agent(verb) or subject
    if subject is None:
        subject = _fallback_subject(verb, focus)
    if subject is not None and subject.head.i == verb.i and is_passive_cue(verb):
        # "Smith was asked, “X?”", "the book is described as “riveting”": the subject of a
        # passive cue is who or what is spoken about; the speaker is the "by" agent, if named.
        subject = _agent(subject.head)
    if subject is None:
        return None
    mention = subject_mention(subject)
    actor = focus.resolve(mention, subject)
    if actor is not None and subject.lower_ in PRONOUNS_PERSON:
        outer = _outer_name(verb, actor, focus)
        if outer is not None:
            # "Cruz railed against what he calls “X”", "Bolton said he would advise on the
            # “threats”": the pronoun stands for the subject of the clause it sits in, and
            # that name is where the source is written.
            mention = subject_mention(outer)
    elif subject.lower_ in _PRONOUNS_THING:
        outer = outer_subject(verb, subject, focus)
        if outer is not None:
            # "The council pledged to act against what it called “X”": the same holds for
            # the "it" of an organisation and the "they" of a group.
            mention = subject_mention(outer)
            actor = focus.resolve(mention, outer)
    return Speaker(mention.start_char, mention.end_char, mention.text, actor)


def outer_subject(verb: Token, pronoun: Token, focus: Focus) -> Token | None:
    """The subject of a clause ``verb`` is embedded in that "it" or "they" stands for: a
    noun phrase that is not a person, or the same pronoun. A conjunct without a subject of
    its own shares the outer one, so the walk goes through conjuncts too."""
    if not active("outer_subject"):
        return None
    outer = _enclosing_subject(verb, focus, ("advcl", "relcl", "parataxis", "acl"), 8)
    if outer is None or outer.lower_ == pronoun.lower_:
        return outer
    if outer.pos_ == "PRON" or outer.ent_type_ == "PERSON":
        return None
    return outer if outer.pos_ in ("NOUN", "PROPN") else None


def _enclosing_subject(
    verb: Token, focus: Focus, stop: tuple[str, ...], steps: int
) -> Token | None:
    """The first subject outside quotation marks of a clause ``verb`` is embedded in, not
    climbing out of a clause attached as one of ``stop``."""
    tok = verb
    for _ in range(steps):
        if tok.head == tok or tok.dep_ in stop:
            return None
        tok = tok.head
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS and not focus.inside[child.i]:
                return child
    return None


def is_passive_cue(verb: Token) -> bool:
    """Whether a cue is passive ("was asked", "is described"); "'s said" is "has said"."""
    if verb.lemma_.lower() in PASSIVE_SPEAKER_LEMMAS:
        return False
    return any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in verb.children)


def _agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb ("was asked by host Bill Maher" -> "Maher")."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _outer_name(verb: Token, actor: str, focus: Focus) -> Token | None:
    """The named subject of a clause ``verb`` is embedded in, when it is ``actor``.

    Only through complements ("railed against what he calls", "said he would"): a pronoun in
    an adverbial or coordinate clause ("though he said") is its own mention.
    """
    outer = _enclosing_subject(verb, focus, ("advcl", "conj", "relcl", "parataxis", "acl"), 6)
    if outer is None or (outer.pos_ != "PROPN" and outer.ent_type_ != "PERSON"):
        return None
    return outer if focus.resolve(subject_mention(outer), outer) == actor else None


def _fallback_subject(verb: Token, focus: Focus) -> Token | None:
    """A speaker for a cue the parser left without a usable subject.

    Two misparses are common around quotations: a name before the verb taken for an
    apposition ("her adviser, Jake Sullivan, said: “X”") and a participle hung on a verb
    inside the quotation ("Clinton seemed ready, telling the crowd, “X”"). The name right
    before the verb, else the last subject outside quotes earlier in the sentence, speaks.
    """
    doc = verb.doc
    inside = focus.inside
    start = verb.sent.start
    i = verb.i - 1
    while i >= start and doc[i].pos_ == "ADV" and doc[i].is_lower and not inside[i]:
        i -= 1  # "Clinton, exasperated, famously responded"
    aside = _name_before_aside(doc, i, start, focus) if verb.tag_ != "VBG" else None
    if aside is not None:
        return aside
    while i >= start and doc[i].is_punct and doc[i].text in ",)":
        if doc[i].text == ")":
            while i >= start and doc[i].text != "(":
                i -= 1
        i -= 1
    if verb.tag_ != "VBG":
        if i < start or inside[i]:
            return None
        tok = doc[i]
        for _ in range(4):
            # "Col. Ilse M. Brandt, a spokeswoman for the harbour guard, said": from the end of
            # an apposition back to the name it describes.
            if tok.ent_type_ == "PERSON":
                break
            appos = next((a for a in tok.ancestors if a.dep_ == "appos"), None)
            if appos is None or appos.head.i >= tok.i:
                break
            tok = appos.head
        named = tok.ent_type_ in ("PERSON", "ORG") or (tok.pos_ == "PROPN" and not tok.ent_type_)
        # A surname that is also a common word ("Early described it as ...", tagged as an
        # adverb) still names the person the article introduced under it.
        known = tok.is_title and focus.index.person_named(tok.text, tok.idx) is not None
        return tok if named or known else None
    for k in range(verb.i - 1, start - 1, -1):
        tok = doc[k]
        if inside[k] or tok.dep_ not in SUBJECT_DEPS:
            continue
        if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" or tok.lower_ in PRONOUNS_PERSON:
            return tok
        if _is_group(tok):
            return tok
        return None
    return None


def _name_before_aside(doc: Doc, comma: int, start: int, focus: Focus) -> Token | None:
    """The name before an aside that ends at ``comma`` and runs up to the verb.

    "Sen. Ana Reyes (D-Ore.), noting the size of the list, said" and "Reyes, exasperated,
    responded" often come out with the aside as the main clause and the cue without a
    subject; the name before the aside is who speaks.
    """
    if comma < start or doc[comma].text != ",":
        return None
    for k in range(comma - 1, max(start, comma - 25) - 1, -1):
        if doc[k].text != ",":
            continue
        i = k - 1
        if i >= start and doc[i].text == ")":
            while i >= start and doc[i].text != "(":
                i -= 1
            i -= 1
        if i < start or focus.inside[i]:
            return None
        tok = doc[i]
        return tok if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" else None
    return None


def _preposition(tok: Token) -> bool:
    """A preposition with its object, which the parser can take for a subject: the "Of" of a
    fronted "Of Holm, Marek, who ..., said". A bare one ("From said") is a name it mistagged."""
    return tok.pos_ == "ADP" and any(c.dep_ == "pobj" for c in tok.children)


def find_subject(verb: Token) -> Token | None:
    """The grammatical subject of a cue, climbing over participles and conjuncts."""
    tok = verb
    for _ in range(6):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and not _preposition(c)]
        if subjects:
            # Two subjects come from a misparsed apposition ("Lind's cousin, Marta Lind,
            # disagreed"): the named person is the speaker.
            return next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0])
        if tok.lower_ == "according":
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "to":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            return grand
            return None
        if tok.dep_ in ("conj", "advcl", "xcomp", "acl", "relcl", "pcomp") and tok.head != tok:
            if tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.i == tok.i - 1:
                # "a man yelled “Go home!”" parsed as a man (who was) yelled: a finite
                # verb right after its noun has that noun for subject.
                return tok.head if tok.head.pos_ in ("PROPN", "NOUN") else None
            if tok.dep_ == "relcl":
                # "Rutte, who said ...": the noun the clause describes speaks.
                return tok.head if tok.head.pos_ in ("PROPN", "NOUN") else None
            tok = tok.head
            if tok.dep_ == "ccomp" and is_speech_verb(tok.head, with_clause=True):
                # "He emphasized that X was Y, describing it as ...": the participle belongs
                # to the speaker of the outer cue, not to the subject of the reported clause.
                tok = tok.head
            continue
        if tok.dep_ in ("prep", "dative") and tok.head != tok:
            tok = tok.head
            continue
        if tok.dep_ in ("dobj", "pobj") and tok.pos_ == "NOUN" and tok.head != tok:
            # "sent an email to supporters saying: “X”": the participle hangs on a noun; who
            # sent it speaks.
            tok = tok.head
            continue
        return None
    return None
