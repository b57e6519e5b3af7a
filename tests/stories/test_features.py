"""Regex features: stems, proper names, Title Case headlines."""

from __future__ import annotations

from crosswire.records import Article
from crosswire.stories.features import (
    StoryFeatures,
    article_features,
    content_words,
    fold,
    is_title_case,
    numbers,
    proper_names,
    stem,
    stem_in,
)


def test_stem_merges_inflections_only() -> None:
    assert stem("crashes") == stem("crashed") == stem("crash") == "crash"
    assert stem("Quillfeather's") == "quillfeather"
    assert stem("bus") == "bus"  # not "bu"


def test_content_words_drop_stop_words_and_numbers() -> None:
    assert content_words("The mayor said 40,000 cars crossed it.") == ["mayor", "car", "cross"]


def test_proper_names_are_tokens_of_capitalised_runs() -> None:
    text = "Mayor Tessa Quillfeather of Velmora spoke. The mayor left the Bank of Orrin."
    names = proper_names(text)
    assert {"tessa", "quillfeather", "velmora", "bank", "orrin"} <= set(names)
    # "Mayor" is also written in lowercase, so it is a common word; "The" is a stop word.
    assert "mayor" not in names and "the" not in names


def test_title_case_headline_keeps_only_names_the_body_confirms() -> None:
    article = Article(
        id="a", source="a.txt", raw="", title="Velmora Mayor Orders Bridge Shut After Crack",
        text="Tessa Quillfeather closed a bridge in Velmora after a crack was found.",
    )  # fmt: skip
    assert is_title_case(article.title or "")
    names = article_features(article).names
    assert names["velmora"] == 2 + 3  # body once plus once as the lead, title three times
    assert "orders" not in names and "shut" not in names


def test_sentence_case_title_is_not_title_case() -> None:
    assert not is_title_case("Crack shuts Orrin Street bridge in Velmora")


def test_features_round_trip_as_json_data() -> None:
    article = Article(id="a", source="a.txt", raw="", text="Velmora bridge shut.", published="2031")
    features = article_features(article)
    assert StoryFeatures.from_dict(features.as_dict()) == features


def test_numbers_agree_across_separators_scales_and_digit_forms() -> None:
    # English and German thousands, a German decimal comma, Arabic-Indic digits.
    assert numbers("40,000 cars, 40.000 Autos, 40 000 voitures") == ["#40000"] * 3
    assert numbers("3,5 Prozent oder 3.5 per cent") == ["#3.5", "#3.5"]
    assert numbers("عام ٢٠٣١") == ["#2031"]
    # Scale words: one amount however a language writes it.
    assert numbers("1.8 million") == numbers("1,8 Mio. Euro") == numbers("180万人") == ["#1800000"]
    assert numbers("22.66 billion") == numbers("226.6亿美元") == ["#22660000000"]
    # Digits glued to Han characters still read ("5月17日"); one-digit figures say little.
    assert numbers("2031年5月17日") == ["#2031", "#17"]
    # The "19" of a name like "COVID-19" is not a figure.
    assert numbers("COVID-19 cases") == []


def test_chinese_counts_character_pairs_and_keeps_latin_names_apart() -> None:
    words = content_words("维尔莫拉大桥关闭Quillfeather表示", "zh")
    assert "大桥" in words and "关闭" in words
    assert "quillfeather" in words  # not glued to the characters around it
    assert "维尔莫拉大桥关闭quillfeather表示" not in words


def test_words_are_stemmed_in_their_own_language() -> None:
    # German and Spanish inflections meet; English keeps the light stripper.
    assert stem_in("Fahrzeugen", "de") == stem_in("Fahrzeuge", "de")
    assert stem_in("puentes", "es") == stem_in("puente", "es")
    assert stem_in("crashes", "en") == stem("crashes") == "crash"
    assert stem_in("crashes", None) == "crash"
    # Spanish reports of one bridge closure share their stems.
    first = set(content_words("Cerraron los puentes de Velmora", "es"))
    second = set(content_words("Cierran el puente de Velmora", "es"))
    assert stem_in("puente", "es") in first & second


def test_content_words_drop_the_function_words_of_the_articles_language() -> None:
    spanish = content_words("El alcalde cerró el puente con una orden", "es")
    assert "con" not in spanish and "una" not in spanish
    assert {stem_in(w, "es") for w in ("alcalde", "puente", "orden")} <= set(spanish)
    # Without the language, Spanish function words of three letters and more stay.
    assert "una" in content_words("El alcalde cerró el puente con una orden")


def test_accents_are_folded_so_spellings_across_outlets_match() -> None:
    assert fold("Poznań") == "Poznan"
    assert fold("Brücke") == "Brucke"
    assert proper_names("The mayor, Zoë Penhallow, met Sébastien Kovač.") == [
        "zoe", "penhallow", "sebastien", "kovac",
    ]  # fmt: skip


def test_german_nouns_are_not_names_but_full_names_are() -> None:
    text = (
        "Bürgermeisterin Tessa Quillfeather hat die Brücke gesperrt. Der Verkehr wird "
        "umgeleitet. Quillfeather sagte, die Prüfung dauere eine Woche."
    )
    names = proper_names(text, language="de")
    # "Brücke", "Verkehr", "Prüfung" are capitalised because they are nouns.
    assert "brucke" not in names and "verkehr" not in names and "prufung" not in names
    # Named in full once, "Quillfeather" alone counts afterwards.
    assert names.count("quillfeather") == 2 and "tessa" in names


def test_features_record_the_language_and_figures() -> None:
    article = Article(
        id="de", source="de.txt", raw="", title="Brücke in Velmora gesperrt",
        text="Die Orrin-Brücke der Stadt Velmora ist gesperrt. Täglich fahren 40.000 Autos "
        "über die Brücke, sagte Bürgermeisterin Tessa Quillfeather.",
    )  # fmt: skip
    features = article_features(article)
    assert features.language == "de"
    assert features.names["#40000"] == 2  # body and lead
    assert StoryFeatures.from_dict(features.as_dict()) == features
    # Features stored before languages were detected read back with no language.
    assert StoryFeatures.from_dict({"terms": {"bridge": 1}}).language is None
