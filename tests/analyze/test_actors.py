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
