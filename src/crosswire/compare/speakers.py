"""Whether two speaker names refer to the same actor.

Uses ``crosswire.analyze.actors.same_actor`` when the analysis stage provides it; until then
a local rule: names match when one is the other's tail ("Rutte" / "Mark Rutte"), ignoring
case, titles and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from crosswire.compare.lexicon import normal_stems
from crosswire.compare.publications import is_publication

_TITLES = {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "general", "secretary"}
# Words that introduce a name in a mention ("Interior Minister", "spokesman", "the").
_ROLE_WORDS = _TITLES | {
    "the", "a", "an", "spokesman", "spokeswoman", "spokesperson", "councillor", "councilor",
    "chief", "head", "director", "chairman", "chairwoman", "governor", "mayor", "senator",
    "chancellor", "premier", "prime", "commander", "ambassador", "prof", "professor",
}


def _tokens(name: str) -> list[str]:
    words = re.findall(r"[\w'’-]+", name.lower())
    return [w for w in words if w not in _TITLES]


def local_same_actor(a: str, b: str) -> bool:
    """"Rutte" and "Mark Rutte" are one actor; "Mark Rutte" and "Mark Carney" are not."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    short, long = sorted((ta, tb), key=len)
    return long[-len(short):] == short


def _resolve() -> Callable[[str, str], bool]:
    try:
        from crosswire.analyze.actors import same_actor  # type: ignore[attr-defined]
    except ImportError:
        return local_same_actor
    return same_actor


same_actor = _resolve()


def _name_tokens(name: str) -> list[str]:
    """A name's words without titles ("Lt. Gov. Timothy Vale" -> timothy, vale)."""
    try:
        from crosswire.analyze.actors import name_tokens
    except ImportError:
        return _tokens(mention_name(name) or name)
    return name_tokens(name)


# Words that do not tell one organisation or person from another ("Imagination Technologies
# Group Plc" is "Imagination Technologies"; "Turki Al-Malki" is "Al-Malki" and "Malki").
_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "del", "der", "van", "von", "la", "le", "du"}
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|de|da|del|van|von|la|le|du)-", re.IGNORECASE)
_NAME_NOISE = _TITLES | {
    "the", "al", "el", "group", "plc", "inc", "corp", "corporation", "co", "ltd", "llc", "ag",
    "holdings",
}


def is_name(text: str) -> bool:
    """Whether a speaker or source is a proper name ("Ilse Brandt", "DFS chief Atul Garg",
    "Imagination Technologies") rather than a description the text gives instead of a name
    ("the company", "local authorities", "Olvane hospital board").

    Examples:
        >>> is_name("Fire chief Ola Brenn"), is_name("the fire department")
        (True, False)
    """
    if mention_name(text) is not None:
        return True
    # "Amin al-Hachemi", "Ursula von der Leyen": lower-case particles belong to names.
    words = [_PARTICLE.sub("", w) for w in re.findall(r"[\w'’.-]+", text)]
    words = [w for w in words if w and w.lower() not in _PARTICLES]
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and (
        mention_name(" ".join(words)) is not None
    )


# Sources too vague to be compared: "according to various estimates", "media reports said".
_VAGUE_SOURCES = {
    "estimate", "estimates", "report", "reports", "source", "sources", "data", "figures",
    "statistics", "accounts", "count", "counts", "calculations", "projections", "media",
    "stories", "story", "articles", "article", "coverage",
}


def vague(text: str) -> bool:
    """Whether a credited source names no one at all ("various estimates", "reports")."""
    words = re.findall(r"[\w'’-]+", text.lower())
    return bool(words) and words[-1] in _VAGUE_SOURCES


def _name_words(name: str) -> set[str]:
    words = re.findall(r"[^\W_]+", _unaccented(name).lower().replace("’", "'").replace("'s", ""))
    return {w for w in words if w not in _NAME_NOISE}


def _unaccented(text: str) -> str:
    """The letters without their accents: outlets write "Raúl" and "Raul" for one man."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def same_name(a: str, b: str) -> bool:
    """One actor under two names: a surname alone, a first name added, a company's legal
    suffix dropped, an Arabic article split off ("Malki" / "Turki Al-Malki"), accents left
    out or an initial added ("Raul Orr" / "Raúl R. Orr").

    Examples:
        >>> same_name("Raul Orr", "Raúl R. Orr"), same_name("Raul Orr", "Rosa Orr")
        (True, False)
    """
    if same_actor(a, b) or short_first_name(a, b):
        return True
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


# Letters a short first name must keep of the long one ("Tim" of "Timothy").
MIN_SHORT_NAME = 3


def short_first_name(a: str, b: str) -> bool:
    """One person under a short form of the first name: "Tim Vale" / "Timothy Vale", "Chris
    Orr" / "Christopher Orr" (same surname, one first name the start of the other).

    Examples:
        >>> short_first_name("Tim Vale", "Lt. Gov. Timothy Vale")
        True
        >>> short_first_name("Tim Vale", "Tom Vale")
        False
    """
    ta, tb = _name_tokens(a), _name_tokens(b)
    if len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1]:
        return False
    short, long = sorted((ta[0], tb[0]), key=len)
    return len(short) >= MIN_SHORT_NAME and short != long and long.startswith(short)


def compatible_credits(a: str | None, b: str | None) -> bool:
    """Whether two speakers or credited sources can be the same actor.

    Only two *names* can contradict each other. A description is what an outlet writes when
    it does not name the speaker ("a senior fire official" for the fire chief, "the company"
    for Imagination Technologies): it fits any name, and another description when the two
    share a content word or its synonym ("local authorities" / "police authorities"; "the
    ad" / "the advertisement"). Two descriptions with nothing in common ("army engineers" /
    "Olvane hospital board") are different bodies. A publication ("the Times") is where the
    words appeared, not who said them (:mod:`crosswire.compare.publications`): it fits anyone.

    Examples:
        >>> compatible_credits("Ilse Brandt", "Piet Morrow")
        False
        >>> compatible_credits("the company", "Imagination Technologies Group Plc")
        True
    """
    if a is None or b is None or a.lower() == b.lower() or vague(a) or vague(b):
        return True
    if is_publication(a) or is_publication(b):
        return True
    name_a, name_b = is_name(a), is_name(b)
    if name_a and name_b:
        return same_name(a, b)
    if name_a != name_b:
        return True
    return bool(normal_stems(a) & normal_stems(b))


def compatible_speakers(a: str | None, b: str | None) -> bool:
    """Unknown or merely described speakers never conflict: we only flag two different named
    speakers (see :func:`compatible_credits`)."""
    return compatible_credits(a, b)


def mention_name(text: str) -> str | None:
    """The personal name in a speaker mention as written, titles and roles dropped
    ("Interior Minister Renata Osk" -> "Renata Osk"); None for descriptions ("the board").

    Examples:
        >>> mention_name("Spokesman Teodor Malvik")
        'Teodor Malvik'
        >>> mention_name("the regional water board") is None
        True
    """
    words = re.findall(r"[\w'’.-]+", text)
    titles = [  # "Secretary-General" is a role too
        i for i, w in enumerate(words)
        if any(part in _ROLE_WORDS for part in w.lower().rstrip(".").split("-"))
    ]
    if titles:
        words = words[titles[-1] + 1 :]
    if not words or not all(w[:1].isupper() for w in words) or len(words) > 4:
        return None
    return " ".join(words)


_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]+)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$")


def written_name(text: str, start: int, end: int) -> str | None:
    """The name in the speaker mention at ``text[start:end]``, with up to two capitalised
    words right before it that are not a sentence's first word: an extractor that keeps only
    the surname of ``"...," Teodor Malvik said`` still lets a report show the full name."""
    for _ in range(2):
        m = _NAME_BEFORE.search(text, 0, start)
        if m is None or m.group(1).lower() in _ROLE_WORDS:
            break
        if _SENTENCE_START.search(text, 0, m.start()):
            break
        start = m.start()
    return mention_name(text[start:end])


def display_speaker(names: list[str], aliases: Sequence[str] = ()) -> str | None:
    """The actor most of ``names`` denote, shown under its longest name (``aliases`` are other
    names the articles use, e.g. the mention as written): outlets name a speaker in full
    ("Teodor Malvik") or by surname ("Malvik"), and a reader wants the full one.

    Examples:
        >>> display_speaker(["Malvik", "Teodor Malvik", "Malvik"])
        'Teodor Malvik'
        >>> display_speaker(["Malvik"], aliases=["Teodor Malvik", "Aldo Brenn"])
        'Teodor Malvik'
        >>> display_speaker(["Clinton"], aliases=["Hillary Clinton", "Chelsea Clinton"])
        'Clinton'
        >>> display_speaker([]) is None
        True
    """
    clusters: list[list[str]] = []
    for name in names:
        for cluster in clusters:
            if any(same_actor(name, other) for other in cluster):
                cluster.append(name)
                break
        else:
            clusters.append([name])
    if not clusters:
        return None
    best = max(clusters, key=lambda c: (len(c), max(map(len, c))))
    matching = [a for a in aliases if any(same_actor(a, n) for n in best)]
    # "Clinton" with aliases "Hillary Clinton" and "Chelsea Clinton": too ambiguous to extend
    if all(same_actor(a, b) for a in matching for b in matching):
        best += matching
    return max(best, key=len)
