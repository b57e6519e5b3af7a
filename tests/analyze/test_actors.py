"""Canonical actors: names, titles and descriptions resolved to one person."""

from __future__ import annotations

from crosswire.analyze.actors import name_tokens, same_actor
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


def actors_of(text: str) -> dict[str, list[str]]:
    return extract_entities(load_nlp(Config().spacy_model)(text))[1]


def test_name_tokens_drop_titles_and_possessives() -> None:
    assert name_tokens("Mr. Carl Venn's") == ["carl", "venn"]
    assert name_tokens("NATO Secretary General Mark Rutte") == ["mark", "rutte"]


def test_same_actor_needs_a_token_suffix() -> None:
    assert same_actor("Venn", "Carl Venn")
    assert not same_actor("Venn", "Carla Venning")


def test_surname_and_title_join_the_full_name() -> None:
    actors = actors_of(
        "Dalmora Transit Minister Carl Venn opened the line on Monday. Venn thanked the "
        "workers. The minister then rode the first train."
    )
    assert "Carl Venn" in actors
    forms = actors["Carl Venn"]
    assert "Venn" in forms
    assert "The minister" in forms


def test_specific_title_does_not_go_to_the_wrong_person() -> None:
    actors = actors_of(
        "Carl Venn opened the line on Monday. Venn thanked the workers. "
        "The president was not there."
    )
    assert all("The president" not in forms for forms in actors.values())


def test_role_of_another_country_is_not_the_main_figure() -> None:
    # "leader" alone would go to the person the story is about; "the Nordland leader" names
    # somebody tied to Nordland, which nothing says Brill is.
    actors = actors_of(
        "President Ana Brill spoke on Tuesday. Brill said she trusts Oren Vask. Brill added "
        "that talks go on, after the Nordland leader threatened to walk out."
    )
    assert all("the Nordland leader" not in forms for forms in actors.values())
    generic = actors_of(
        "President Ana Brill spoke on Tuesday. Brill said she trusts Oren Vask. Brill added "
        "that talks go on. The leader then left the hall."
    )
    assert "The leader" in generic["Ana Brill"]


def test_a_family_s_bare_surname_is_the_member_not_introduced_as_a_relative() -> None:
    from crosswire.analyze import analyze_article
    from crosswire.records import Article

    text = (
        "Former Representative Tor Vale Jr. pleaded guilty in Orvel on Monday to misusing "
        "campaign funds. His wife, Sandra Vale, is expected to plead guilty on Tuesday. "
        "Vale said he had no excuses for his conduct."
    )
    analysis = analyze_article(Article(id="t", source="t", text=text, raw=text))
    assert "Vale" in analysis.actors["Tor Vale Jr"]  # the suffix is no part of the surname
    (quote,) = [q for q in analysis.quotes if "no excuses" in q.text]
    assert quote.speaker == "Tor Vale Jr"


def _speaker_of(text: str, words: str) -> str | None:
    from crosswire.analyze import analyze_article
    from crosswire.records import Article

    analysis = analyze_article(Article(id="t", source="t", text=text, raw=text))
    (quote,) = [q for q in analysis.quotes if words in q.text]
    return quote.speaker


def test_a_she_skips_a_person_introduced_as_a_father() -> None:
    text = (
        "Mara Ostby criticized the levy on Friday. Their father, former governor Dirk Ostby, "
        'backs the levy. "Water belongs to everyone," she said.'
    )
    assert _speaker_of(text, "Water") == "Mara Ostby"


def test_another_person_s_title_in_an_appositive_stays_theirs() -> None:
    text = (
        "Mara Ostby, the daughter of former Harbour Minister Dirk Ostby, wrote a post on "
        'Friday. "Water belongs to everyone," the former minister said in 2019.'
    )
    assert _speaker_of(text, "Water") == "Dirk Ostby"


def test_kinship_titles_give_relation_and_gender() -> None:
    from crosswire.analyze.kinship import gender, relative

    assert relative({"his", "wife"}) and not relative({"mrs"})
    assert gender({"their", "father"}) == "m" and gender({"mrs."}) == "f"
    assert gender({"former", "governor"}) is None and gender({"son", "mother"}) is None
