"""Kinship and honorific words in the titles of a person: who is introduced as someone's
relative, and the grammatical gender the words give.

Reporters introduce a principal's relatives by the relation ("his wife, Sandra Vale";
"their father, former governor Tor Vale") and go on calling the principal by the bare
surname, the relatives by first or full name: so a bare surname shared by a family is the
member *not* introduced as a relative. "Wife", "father", "Mrs." also say which pronoun fits,
which keeps a "she" from landing on a person introduced as a father.
"""

from __future__ import annotations

from crosswire.analyze.cues import words_of

MALE = words_of(
    "husband son father brother widower nephew uncle grandson grandfather stepson stepfather mr"
)
FEMALE = words_of(
    """wife daughter mother sister widow niece aunt granddaughter grandmother stepdaughter
    stepmother mrs ms miss"""
)
KIN = (MALE | FEMALE | words_of("spouse parent sibling cousin child")) - words_of("mr mrs ms miss")


def relative(titles: set[str]) -> bool:
    """Whether a person's titles introduce them as someone's relative ("his wife")."""
    return bool(titles & KIN)


def gender(titles: set[str]) -> str | None:
    """"m" or "f" when the titles give one gender only ("father", "Mrs."), else None.

    Examples:
        >>> gender({"his", "wife"}), gender({"former", "governor"})
        ('f', None)
    """
    words = {t.rstrip(".") for t in titles}
    male, female = bool(words & MALE), bool(words & FEMALE)
    if male == female:
        return None
    return "m" if male else "f"
