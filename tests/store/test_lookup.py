"""Ids matched literally, on every backend: a typed prefix is never a pattern."""

import pytest

from crosswire.errors import Ambiguous, NotFound
from crosswire.records import Article
from crosswire.store.lookup import (
    article_matches,
    like_prefix,
    resolve_article,
    resolve_story,
    story_matches,
)


def _add(store, aid: str, story: str, source: str) -> None:
    store.add_article(Article(id=aid, source=source, text=f"text {aid}", raw="", story=story))
    store.conn.commit()


def test_prefixes_list_every_match_and_wildcards_match_nothing(store):
    _add(store, "ab12", "ab12", "news/001_ab.txt")
    _add(store, "ab34", "ab12", "news/002_cd.txt")
    _add(store, "c_d%", "c_d%", "news/odd_%name.txt")
    assert article_matches(store, "ab") == ["ab12", "ab34"]
    assert article_matches(store, "ab3") == ["ab34"]
    assert article_matches(store, "%") == [] and article_matches(store, "_") == []
    assert article_matches(store, "c_") == ["c_d%"]
    assert article_matches(store, "c%") == []
    assert article_matches(store, "002") == ["ab34"]  # the start of its file's name
    assert article_matches(store, "news/001_ab.txt") == ["ab12"]
    assert story_matches(store, "ab") == ["ab12"] and story_matches(store, "%") == []
    assert resolve_story(store, "c_d") == "c_d%"
    with pytest.raises(Ambiguous) as found:
        resolve_article(store, "ab")
    assert found.value.matches == ["ab12", "ab34"]
    with pytest.raises(NotFound):
        resolve_article(store, "%%")


def test_like_prefix_escapes_the_escape():
    assert like_prefix("a\\b%_") == "a\\\\b\\%\\_%"


def test_the_store_s_own_prefix_lookups_take_wildcards_literally(store):
    _add(store, "ab12", "ab12", "news/001_ab.txt")
    assert store.get_story("%") is None and store.get_story("_b12") is None
    assert store.get_story("ab").id == "ab12"
    assert store.resolve_article_id("%") is None and store.resolve_article_id("a_") is None
    assert store.resolve_article_id("ab") == "ab12"
    assert store.resolve_article_id("001_") == "ab12"  # the start of its file's name
