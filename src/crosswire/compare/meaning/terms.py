"""What a passage is compared by: weighted content terms, its polarity and its numbers.

A term is the Snowball stem of a word's lemma ("biggest" -> "big", "smuggled" and
"smuggling" -> "smuggl"), weighted by how rare it is in news sentences, with the WordNet
synonym sets of its lemma. The lexicon's paraphrase variants ("gave way" / "broke") are mapped
to one word first and number words to digits. A passage is profiled once; every comparison
after that is set lookups.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from crosswire.compare.lexicon import canonical_tokens
from crosswire.compare.meaning.knowledge import knowledge
from crosswire.compare.text import STOP_WORDS

# Words that turn what follows them in their clause into its denial.
NEGATIONS = frozenset({
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without",
    "cannot", "n't",
})
# "one" is a number word more often in "one of the" than as a count: it must not make two
# passages disagree on numbers.
_NOT_A_COUNT = "1"
# Adverbs qualify a statement ("currently", "reportedly") rather than make it: half weight.
ADVERB_WEIGHT = 0.5
# A negation reaches to the end of its clause: punctuation followed by a space, or a word
# that joins another clause ("we're not trying to have a recession, and we don't think ...";
# "he doesn't believe it is a recession because the labor market is strong"; "nobody will
# return before the engineers have inspected the dam"). "That" does not end it: "I do not
# think that X" denies X.
_CLAUSE_END = re.compile(
    r"[,;:.!?()\[\]\n\"“”]+(?=\s|$)|\s[-–—]+\s|"
    r"\b(?:and|but|or|while|whereas|although|though|because|since|yet|which|who|before|"
    r"after|until|till|unless|when|whenever|where|if|so|then)\b",
    re.IGNORECASE,
)
# "U.S.", "UK", "EU": an acronym is a name, kept whatever its length and even when it spells
# a stop word ("US" / "us"); dotted ones lose their dots so that "U.S." and "US" are one.
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b")
# Passages a context needs before its own word counts say which words are the story's: a
# handful of passages share words by chance as much as by topic.
MIN_CONTEXT = 20
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(slots=True, frozen=True)
class Term:
    """One content term of a passage."""

    key: str
    weight: float
    synonyms: frozenset[int]


@dataclass(slots=True, frozen=True)
class Profile:
    """A passage as the matcher sees it."""

    text: str
    terms: tuple[Term, ...]
    keys: frozenset[str]
    # term key -> weight, and the terms that have synonyms (what coverage looks up)
    weights: dict[str, float]
    with_synonyms: tuple[Term, ...]
    synonyms: frozenset[int]
    weight: float
    # terms said only inside a negation's reach, and only outside one
    denied: frozenset[str]
    affirmed: frozenset[str]
    numbers: frozenset[str]


def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def word_forms(text: str) -> list[str]:
    """Lower-cased words after the lexicon's mapping, hyphenated compounds split and
    possessives dropped; what term weights are counted over and terms are made from."""
    return [form for token, _ in canonical_tokens(text) for form in _forms(token)]


@lru_cache(maxsize=1 << 16)
def _forms(token: str) -> tuple[str, ...]:
    if token.endswith("n't"):
        return ("n't",)
    parts = token.replace(" ", "-").split("-")
    return tuple(p.removesuffix("'s").strip("'") for p in parts if p.strip("'"))


def _number(form: str) -> str | None:
    if not form[0].isdigit():
        return None
    try:
        return f"{float(form.replace(',', '')):g}"
    except ValueError:
        return None


def _acronyms(text: str) -> tuple[str, set[str]]:
    """``text`` with dotted acronyms undotted, and its acronyms lower-cased (none in a text
    set in capitals, where every word would look like one)."""
    found = _ACRONYM.findall(text)
    if not found:
        return text, set()
    if len(_UPPER.findall(text)) > len(_LOWER.findall(text)):
        return text, set()
    text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    return text, {a.replace(".", "").lower() for a in found}


@lru_cache(maxsize=1 << 14)
def profile(text: str) -> Profile:
    """The terms, their polarity and the numbers of ``text`` (cached: "only in" and the
    summary profile the same sentences of one comparison).

    Examples:
        >>> p = profile("He doesn't believe the U.S. economy is in recession")
        >>> sorted(p.keys), sorted(p.denied)
        (['believ', 'economi', 'recess', 'us'], ['believ', 'economi', 'recess', 'us'])
        >>> sorted(profile("The economy is not in recession").denied)
        ['recess']
    """
    terms: dict[str, Term] = {}
    denied: set[str] = set()
    affirmed: set[str] = set()
    numbers: set[str] = set()
    undotted, acronyms = _acronyms(text)
    for clause in _CLAUSE_END.split(undotted):
        negated = False
        for token, mapped in canonical_tokens(clause):
            for form in _forms(token):
                if form in NEGATIONS:
                    negated = True
                    continue
                term = _term(form, mapped, form in acronyms)
                if term is None:
                    continue
                terms.setdefault(term.key, term)
                (denied if negated else affirmed).add(term.key)
                # number terms are digits (words start with a letter)
                if term.key[0].isdigit() and (term.key != _NOT_A_COUNT or not mapped):
                    numbers.add(term.key)
    return _profile(text, terms, denied, affirmed, numbers)


def _profile(
    text: str, terms: dict[str, Term], denied: set[str], affirmed: set[str], numbers: set[str]
) -> Profile:
    found = tuple(terms.values())
    return Profile(
        text=text,
        terms=found,
        keys=frozenset(terms),
        weights={t.key: t.weight for t in found},
        with_synonyms=tuple(t for t in found if t.synonyms),
        synonyms=frozenset().union(*(t.synonyms for t in found)),
        weight=sum(t.weight for t in found),
        denied=frozenset(denied - affirmed),
        affirmed=frozenset(affirmed - denied),
        numbers=frozenset(numbers),
    )


@lru_cache(maxsize=1 << 16)
def _term(form: str, mapped: bool, acronym: bool) -> Term | None:
    """The term of one word form, or None for a stop word (cached: news repeats its words)."""
    table = knowledge()
    number = _number(form)
    if number is not None:
        return Term(number, table.weight(number), frozenset())
    if not (mapped or acronym or (form not in STOP_WORDS and len(form) > 2)):
        return None
    lemma = form if mapped else table.lemmas.get(form, form)
    if lemma in STOP_WORDS and not (mapped or acronym):
        return None  # "does" is "do"
    key = stem(lemma)
    weight = table.weight(key)
    if lemma in table.adverbs:
        weight *= ADVERB_WEIGHT
    return Term(key, weight, table.synonyms.get(lemma, frozenset()))


def merged(a: Profile, b: Profile) -> Profile:
    """Two passages read as one (two adjacent sentences that another outlet wrote as one)."""
    return _profile(
        f"{a.text} {b.text}",
        {t.key: t for t in (*a.terms, *b.terms)},
        set(a.denied | b.denied),
        set(a.affirmed | b.affirmed),
        set(a.numbers | b.numbers),
    )


def in_context(profiles: list[Profile]) -> list[Profile]:
    """The profiles reweighted by how many of them hold each term, as TF-IDF does within one
    collection: every outlet's sentences on a recession name "inflation" and "the Federal
    Reserve", which then tell one statement from another less than the words only a few of
    them use. A term in one passage keeps its weight, one in all of them keeps
    ``1 / (1 + ln((n + 1) / 2))`` of it. Fewer than :data:`MIN_CONTEXT` passages are left as
    they are."""
    n = len(profiles)
    if n < MIN_CONTEXT:
        return profiles
    held = Counter(key for p in profiles for key in p.keys)
    top = math.log((n + 1) / 2) + 1

    def factor(key: str) -> float:
        return (math.log((n + 1) / (held[key] + 1)) + 1) / top

    return [
        _profile(
            p.text,
            {t.key: Term(t.key, t.weight * factor(t.key), t.synonyms) for t in p.terms},
            set(p.denied),
            set(p.affirmed),
            set(p.numbers),
        )
        for p in profiles
    ]
