"""What a count counts, named as NewsQuant names a count's unit: the counted noun with the
words that narrow it, as lemmas ("700 heart transplants" -> "heart transplant", "eight other
employees" -> "other employee", "one of the hottest luxury cars in the world" -> "hot luxury
car world"). Two counts of different things ("460 Kia and Hyundai vehicles", "27,000 Model
S vehicles") then carry different names though their head noun is the same."""

from __future__ import annotations

from spacy.tokens import Token

# Words that name: nouns, adjectives, numbers; verbs only inside a clause that narrows the
# noun ("the largest dinosaurs to ever live").
_NAMING = {"NOUN", "PROPN", "ADJ", "NUM"}
_PARTICIPLES = {"VBN", "VBG"}
_NARROWING_PREPS = {"in", "on", "at", "of", "from"}


def _word(token: Token) -> str:
    return token.lemma_ if token.pos_ != "PROPN" else token.text


def _glued(tokens: list[Token]) -> list[str]:
    """Lemmas, with words joined by a hyphen kept as one ("coal-fired")."""
    words: list[str] = []
    glue = False
    for t in tokens:
        if t.text == "-" and not t.whitespace_ and words:
            glue = True
            words[-1] += "-"
            continue
        text = t.text if glue else _word(t)
        if glue:
            words[-1] += text
        else:
            words.append(text)
        glue = False
    return words


def _keep(token: Token, clause: bool) -> bool:
    if token.text == "-" and not token.whitespace_:
        return True
    if token.tag_ in _PARTICIPLES and token.dep_ == "amod":
        # "coal-fired" names the kind of plant; "recorded songs" do not
        before = token.doc[token.i - 1] if token.i > 0 else None
        return before is not None and before.text == "-" and not before.whitespace_
    if token.pos_ == "VERB":
        return clause
    return token.pos_ in _NAMING


def _narrowing(noun: Token) -> list[Token]:
    """The noun with what narrows it ("in the world", "to ever live"), not what goes on beside
    it ("with tuners scrambling", "installed in the US")."""
    tokens = [noun]
    for child in noun.children:
        participle = child.dep_ == "acl" and child.tag_ in _PARTICIPLES
        if child.dep_ == "prep" and child.lower_ not in _NARROWING_PREPS or participle:
            continue
        if child.dep_ in ("appos", "conj", "cc", "punct") and child.i > noun.i:
            continue
        tokens.extend(child.subtree)
    return tokens


def counted_name(noun: Token, number: range, whole: bool = False) -> str:
    """The name of what ``noun`` counts, from its modifiers outside the tokens of the number
    itself (``number``: "about 460" is not part of the name); ``whole`` takes its whole
    narrowing phrase, as for "one of the ... <noun> ..."."""
    if whole:
        tokens = [t for t in _narrowing(noun) if t.i not in number and _keep(t, clause=True)]
    else:
        # after the number its modifiers and theirs; before it only an adjective of its own
        # ("the previous two sessions"), not what the parse hangs there ("a total of five")
        first = number.start if number else noun.i
        lefts = [
            t for t in noun.lefts
            if t.i not in number and (t.i > first or t.dep_ == "amod" and t.pos_ == "ADJ")
        ]
        tokens = [s for t in lefts for s in t.subtree if s.i not in number]
        tokens = [t for t in tokens if t.i > first or t in lefts]
        tokens = [t for t in tokens if _keep(t, clause=False)] + [noun]
    words = _glued(sorted(set(tokens), key=lambda t: t.i))
    return " ".join(words).lower()
