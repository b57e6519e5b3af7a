"""Language detection by script and function words, and per-language stop words."""

from __future__ import annotations

import pytest

from crosswire.stories.language import (
    UNKNOWN,
    detect_language,
    different_languages,
    stop_words,
    undetermined_language,
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Orrin Street bridge in Velmora was closed on Monday after a crack was found.", "en"),
        ("Die Brücke in Velmora ist seit Montag gesperrt, weil ein Riss gefunden wurde.", "de"),
        ("El puente de Velmora está cerrado desde el lunes por una grieta en el pilar.", "es"),
        ("Il ponte di Velmora è chiuso da lunedì per una crepa nel pilastro centrale.", "it"),
        ("Le pont de Velmora est fermé depuis lundi après la découverte d'une fissure.", "fr"),
        ("Most w Velmorze jest zamknięty od poniedziałku, bo w filarze jest pęknięcie.", "pl"),
        ("Мост в Вельморе закрыт с понедельника из-за трещины.", "ru"),
        ("أغلق جسر فيلمورا يوم الاثنين بعد اكتشاف صدع", "ar"),
    ],
)
def test_detects_the_language_of_a_sentence(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_chinese_quoting_a_latin_name_is_still_chinese() -> None:
    # Han characters are syllables: a few of them outweigh the letters of "Quillfeather".
    assert detect_language("维尔莫拉市长Tessa Quillfeather周一下令关闭大桥") == "zh"


def test_unsure_without_letters_or_function_words() -> None:
    assert detect_language("") == UNKNOWN
    assert detect_language("40,000 - 3:1") == UNKNOWN


def test_stop_words_come_per_language() -> None:
    assert {"und", "nicht", "wird"} <= stop_words("de")
    assert {"con", "una", "pero"} <= stop_words("es")
    assert "brücke" not in stop_words("de")
    assert "the" in stop_words("en")
    # No list for an unknown language, and no file path built from odd input.
    assert stop_words("xx") == frozenset()
    assert stop_words("../en") == frozenset()


def test_a_pair_is_in_two_languages_only_when_both_were_read() -> None:
    german = detect_language("Die Brücke in Velmora ist seit Montag gesperrt, der Riss ist groß.")
    english = detect_language("The Orrin Street bridge in Velmora was closed on Monday.")
    headline = detect_language("Velmora: Orrin Street 40,000")
    assert headline == UNKNOWN
    assert different_languages(german, english)
    assert not different_languages(english, english)
    # A side too short to read is no second language: its pair goes to a model of its own.
    assert not different_languages(english, headline)
    assert undetermined_language(english, headline) and undetermined_language(headline, german)
    assert not undetermined_language(german, english)
    assert not undetermined_language(headline, headline)
    assert not different_languages(None, english) and not undetermined_language(None, headline)
