"""Cheap lexical features of an article for story grouping (no NLP model needed).

Grouping runs before spaCy analysis, so everything here is regex and counting: content-word
stems for a TF-IDF vector (character pairs for Chinese and Japanese, which do not separate
words), proper-noun tokens and figures as a stand-in for named entities, the article's
language, and the publication date for a time window.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from crosswire.records import Article
from crosswire.stories.language import (
    HAN,
    KANA,
    NOUN_CAPITALISING,
    detect_language,
    stop_words,
)
from crosswire.stories.text import report_text

# Words with letters (and inner apostrophes/hyphens); figures are counted apart (NUMBER_RE).
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
# Capital letters of the Latin, Greek and Cyrillic alphabets ("Österreich", "Łódź", "Москва").
UPPER = "".join(c for c in map(chr, (*range(0x41, 0x250), *range(0x370, 0x530))) if c.isupper())
# A run of capitalised words, optionally joined by a short lowercase particle
# ("Bank of England", "Ursula von der Leyen"): a regex stand-in for named entities.
_CAPITALISED = rf"(?:[{UPPER}][\w'’.-]*[\w]|[{UPPER}])"
NAME_RE = re.compile(
    rf"{_CAPITALISED}(?:\s+(?:(?:of|de|del|der|von|van|al|bin|la|le)\s+)*{_CAPITALISED})*"
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    # Reporting verbs and news filler: every article has them, they never tell stories apart.
    {"said", "says", "told", "according", "reported", "reports", "report", "news", "year",
     "years", "new", "just", "like", "also", "would", "could", "one", "two", "per", "cent",
     "mr", "mrs", "ms", "dr", "read", "click", "subscribe", "sign", "login", "email"}
)  # fmt: skip
# How much more a title word counts than a body word: a headline names the event in a few
# words, and for paywalled pages it is often all there is.
TITLE_WEIGHT = 3
# Body words counted a second time from the start of the report: about the lead paragraph and
# the one after it. 50 and 100 gave the same F1 on the SemEval pairs; 100 was steadier across
# thresholds (bench/stories.py).
LEAD_WORDS = 100
MIN_WORD_LEN = 3
# Han and kana runs: written without spaces, so words are counted as overlapping character
# pairs (most Chinese words are two characters long; a pair shared by two reports is evidence
# the way a shared word is).
CJK_RE = re.compile(f"[{KANA}{HAN}]+")
# Figures written with digits, with thousands separators ("50,000", "50.000", "50 000") and
# decimal commas ("3,5"). Digits are the same in every script, so a shared "1982" or "50000" is
# evidence across languages; one-digit figures are too common to tell events apart.
NUMBER_RE = re.compile(
    r"(?<![\w.,-])\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?!\d)|(?<![\w.,-])\d+(?:[.,]\d+)?"
)
THOUSANDS_RE = re.compile(r"[,. \u00a0\u202f](?=\d{3}(?!\d))")
MIN_NUMBER_LEN = 2
# Scale words after a figure, in the languages of the news we read: "22.66 billion",
# "226,6亿", "1,8 Mio." and "180万" are one amount, and only the amount is shared across
# languages. Longest first, so "mil millones" wins over "mil".
SCALES = (
    (1e9, r"mil millones|billions?|bn|mrd|milliard\w*|miliard\w*|mld|milyar|млрд|миллиард\w*"
          r"|مليار"),
    (1e6, r"millions?|millionen|mill[oó]n(?:es)?|milion\w*|mn|mln|mio|milyon|млн|миллион\w*"
          r"|مليون"),
    (1e3, r"thousand|tausend|mila|mil|tys|bin|тыс\w*|ألف"),
)  # fmt: skip
SCALE_RE = re.compile(
    r"\s?(?:(?P<cjk>[万亿千])|(?P<word>"
    + "|".join(words for _, words in SCALES)
    + r")(?![^\W\d_]))",
    re.IGNORECASE,
)
SCALE_VALUES = [(re.compile(rf"(?:{words})$", re.IGNORECASE), value) for value, words in SCALES]
CJK_SCALES = {"万": 1e4, "亿": 1e8, "千": 1e3}


def stem(word: str) -> str:
    """A light suffix stripper, so "crashes"/"crashed"/"crash" share one feature.

    Deliberately conservative (a few inflections only): an over-eager stemmer merges unrelated
    words, which matters more for grouping than a missed variant.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


def fold(word: str) -> str:
    """``word`` without accents ("Poznań" -> "poznan"): outlets in other languages, and
    English ones, often drop them, and no two events differ by an accent."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def separate_scripts(text: str) -> str:
    """``text`` with spaces around Han and kana runs, so "McConnell表示" reads as a name."""
    return CJK_RE.sub(lambda m: f" {m.group()} ", text)


@cache
def language_stop_words(language: str | None) -> frozenset[str]:
    """News stop words plus the function words of the article's own language."""
    return STOP_WORDS | stop_words(language) if language else STOP_WORDS


def cjk_pairs(text: str, stops: frozenset[str] = frozenset()) -> list[str]:
    """Overlapping character pairs of the Han/kana runs of ``text``, stop words left out."""
    out = []
    for match in CJK_RE.finditer(text):
        run = match.group()
        out.extend(run[i : i + 2] for i in range(len(run) - 1) if run[i : i + 2] not in stops)
    return out


# Languages stemmed by their Snowball stemmer: German, Spanish or Polish inflect far more than
# English, and the light English stripper leaves "Fahrzeuge"/"Fahrzeugen" apart. English keeps
# the light stripper, which the English grouping figures were measured with.
SNOWBALL = {
    "ar": "arabic", "de": "german", "es": "spanish", "fr": "french", "it": "italian",
    "nl": "dutch", "pl": "polish", "pt": "portuguese", "ru": "russian", "tr": "turkish",
}  # fmt: skip


@cache
def _snowball(language: str) -> Any:
    return snowballstemmer.stemmer(SNOWBALL[language])


@lru_cache(maxsize=200_000)
def stem_in(word: str, language: str | None) -> str:
    """``word`` stemmed for its language: Snowball where it has one, else :func:`stem`.

    Cached: Snowball is pure Python, and news repeats its words.

    Examples:
        >>> stem_in("Fahrzeugen", "de") == stem_in("Fahrzeuge", "de")
        True
    """
    if language in SNOWBALL:
        return str(_snowball(language).stemWord(word.lower()))
    return stem(word)


def content_words(text: str, language: str | None = None) -> list[str]:
    """Stems of the content words of ``text`` (stop words and very short words dropped).

    ``language`` adds that language's function words to the stop words and picks the
    stemmer (:func:`stem_in`); Han and kana runs count as character pairs.
    """
    stops = language_stop_words(language)
    text = separate_scripts(text)
    out = []
    for match in WORD_RE.finditer(CJK_RE.sub(" ", text)):
        word = match.group().lower().replace("’", "'")
        if len(word) < MIN_WORD_LEN or word in stops:
            continue
        stemmed = stem_in(word, language)
        if len(stemmed) >= MIN_WORD_LEN and stemmed not in stops:
            out.append(fold(stemmed))
    out.extend(cjk_pairs(text, stops))
    return out


def _scale(match: re.Match[str] | None) -> float:
    if match is None:
        return 1.0
    if match.group("cjk"):
        return CJK_SCALES[match.group("cjk")]
    word = match.group("word")
    return next((value for pattern, value in SCALE_VALUES if pattern.match(word)), 1.0)


def numbers(text: str) -> list[str]:
    """Figures of two digits or more, normalised ("50,000" and "50.000" -> "#50000").

    A separator followed by exactly three digits groups thousands; any other is a decimal
    point, so "3,5" and "3.5" agree. A scale word multiplies ("1,8 Mio." and "180万" ->
    "#1800000"), and values keep four significant digits, so roundings agree too. The "#"
    keeps them apart from names in one counter.
    """
    out = []
    text = separate_scripts(text)  # "3月17日": digits touch Han characters
    for match in NUMBER_RE.finditer(text):
        digits = THOUSANDS_RE.sub("", match.group()).replace(",", ".")
        # Arabic-Indic and full-width digits read as ASCII ones, so "٢٠٢٠" matches "2020".
        digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in digits)
        scale = _scale(SCALE_RE.match(text, match.end()))
        if sum(c.isdigit() for c in digits) < MIN_NUMBER_LEN and scale == 1.0:
            continue
        value = float(f"{float(digits) * scale:.4g}")
        out.append("#" + (str(int(value)) if value.is_integer() else str(value)))
    return out


def lowercase_words(text: str) -> set[str]:
    """Words written in lowercase somewhere in ``text`` (evidence they are common words)."""
    return {m.group() for m in WORD_RE.finditer(text) if m.group().islower()}


def proper_names(
    text: str, common: set[str] | None = None, language: str | None = None
) -> list[str]:
    """Lowercased tokens of capitalised word runs ("Mark Rutte" -> "mark", "rutte").

    Tokens rather than whole runs, so "Rutte" and "Mark Rutte" match. A capitalised word that
    also appears in lowercase in the text is a common word at a sentence start or in a Title
    Case headline ("Says", "Attempt"), not a name, and is dropped. In a language that
    capitalises every noun (German), a lone capitalised word is most likely a noun, so only
    runs of two words or more ("Heiko Maas", "Europäischen Union") count as names.
    """
    lower_words = lowercase_words(text) if common is None else common
    stops = language_stop_words(language)
    runs = []
    for match in NAME_RE.finditer(separate_scripts(text)):
        tokens = [t.strip(".'’-").lower() for t in match.group().split()]
        tokens = [t for t in tokens if len(t) >= 2 and t not in stops and t not in lower_words]
        runs.append([fold(t.replace("’", "'").removesuffix("'s")) for t in tokens])
    if language in NOUN_CAPITALISING:
        # "Heiko Maas ... Maas sagte": a lone word counts once the text has named it in full.
        named = {t for run in runs if len(run) >= 2 for t in run}
        runs = [run for run in runs if len(run) >= 2 or (run and run[0] in named)]
    return [t for run in runs for t in run]


def is_title_case(title: str) -> bool:
    """True for a headline that capitalises (nearly) every content word."""
    words = [m.group() for m in WORD_RE.finditer(title) if m.group().lower() not in STOP_WORDS]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised >= 0.8 * len(words)


@dataclass(slots=True)
class StoryFeatures:
    """What grouping keeps of an article: term and name counts, and when it was published.

    ``names`` holds figures too ("#1982"): like names, they are written alike in every
    language. ``language`` is the detected language (None for features stored before it was).

    ``head`` counts the words of the title and the lead alone: where two reports of one
    event agree most, and what a headline-only page has (empty for features stored before it
    was kept).

    ``embedding`` is the encoded lead embedding (see :mod:`crosswire.stories.embedding`) and
    ``embedder`` the name of the model that made it; both are None on the lexical path.
    """

    terms: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    published: str | None = None
    head: Counter[str] = field(default_factory=Counter)
    embedding: str | None = None
    embedder: str | None = None
    language: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "terms": dict(self.terms), "names": dict(self.names), "published": self.published
        }  # fmt: skip
        if self.language is not None:
            data["language"] = self.language
        if self.head:
            data["head"] = dict(self.head)
        if self.embedding is not None:
            data["embedding"] = self.embedding
            data["embedder"] = self.embedder
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryFeatures:
        return cls(
            terms=Counter(data.get("terms", {})),
            names=Counter(data.get("names", {})),
            published=data.get("published"),
            embedding=data.get("embedding"),
            embedder=data.get("embedder"),
            language=data.get("language"),
            head=Counter(data.get("head", {})),
        )

    def document_terms(self) -> set[str]:
        """The keys counted once per article in the store's document-frequency table."""
        return set(self.terms) | {name_key(n) for n in self.names}


def name_key(name: str) -> str:
    """Names share the document-frequency table with terms under their own prefix."""
    return "@" + name


def article_features(article: Article) -> StoryFeatures:
    """Features of one article: body and (weighted) title words and names, and its date.

    The body is the report without page chrome (:func:`report_text`): a paywall stub counts
    by its title alone.
    """
    body = report_text(article.text)
    language = detect_language(f"{article.title or ''}\n{body}")
    # Lowercase words of body and title together: a Title Case headline has none of its own.
    common = lowercase_words(body) | lowercase_words(article.title or "")
    terms = Counter(content_words(body, language))
    names = Counter(proper_names(body, common, language) + numbers(body))
    # The opening words count twice: news puts the event first (the lead), and what follows
    # drifts into background, related-story links and outlet notes.
    opening = " ".join(body.split()[:LEAD_WORDS])
    lead = content_words(opening, language)
    terms.update(lead)
    head = Counter(lead)
    names.update(proper_names(opening, common, language) + numbers(opening))
    if article.title:
        title_names = proper_names(article.title, common, language)
        if is_title_case(article.title):
            # "NATO Chief Says Russia May Attempt ...": every word is capitalised, so only the
            # words the body also writes as names count as names.
            title_names = [n for n in title_names if n in names]
        title_names += numbers(article.title)
        title_words = content_words(article.title, language)
        head.update(title_words)
        for _ in range(TITLE_WEIGHT):
            terms.update(title_words)
            names.update(title_names)
    return StoryFeatures(
        terms=terms, names=names, published=article.published, language=language, head=head
    )
