"""The story list kept between requests: brought up to date as an ingest goes, equal to one
built from scratch."""

from __future__ import annotations

from crosswire.records import Article
from crosswire.web.listing import StoryIndex, build_snapshot


def _add(store, aid: str, story: str | None, outlet: str | None, published: str | None,
         duplicate_of: str | None = None) -> None:  # fmt: skip
    store.add_article(Article(id=aid, source=f"news/{aid}.txt", text=f"Text {aid}.", raw="",
                              title=f"Title {aid}", outlet=outlet, published=published,
                              story=story, duplicate_of=duplicate_of))  # fmt: skip
    store.conn.commit()


def _view(snapshot):
    return [(e.id, e.articles, e.outlets, e.unnamed, e.copies, e.first_published,
             e.last_published) for e in snapshot.stories]  # fmt: skip


def test_the_kept_list_follows_an_ingest(store):
    _add(store, "a1", "a1", "Coastline Gazette", "2026-04-06T08:30:00+02:00")
    _add(store, "b1", "b1", None, "2026-04-05T09:00:00Z")
    index = StoryIndex()
    first = index.snapshot(store)
    assert [e.id for e in first.stories] == ["a1", "b1"]
    assert first.by_id["b1"].unnamed == ["b1.txt"]
    assert index.snapshot(store) is first  # nothing changed: nothing read again

    _add(store, "a2", "a1", "Nordvik Post", "2026-04-06T07:00:00Z")  # joins a1, 09:00 +02
    _add(store, "a3", "a1", "Bayside Echo", "2026-04-06T10:00:00Z", duplicate_of="a2")
    _add(store, "c1", None, "Tidewater Wire", "2026-04-08T00:00:00Z")  # stored, no story yet
    second = index.snapshot(store)
    assert second.pending == {"c1"} and "c1" not in second.story_of
    assert second.by_id["a1"].articles == ["a1", "a2", "a3"]
    assert second.by_id["a1"].copies == 1
    store.set_story("c1", "c1")
    store.conn.commit()
    third = index.snapshot(store)
    assert [e.id for e in third.stories] == ["c1", "a1", "b1"] and not third.pending
    assert _view(third) == _view(build_snapshot(store, third.token))


def test_stories_never_compared_are_compared_in_the_background(demo_copy):
    import time

    from fastapi.testclient import TestClient

    from crosswire.config import Config
    from crosswire.web.app import create_app

    app = create_app(Config(db=demo_copy, progress=False, workers=1), token="")
    with TestClient(app) as client:
        first = client.get("/api/stories").json()["items"]
        assert all(s["coverage"] is None for s in first)  # answered at once
        comparisons = app.state.crosswire.comparisons
        deadline = time.monotonic() + 120
        while comparisons.waiting() and time.monotonic() < deadline:
            time.sleep(0.2)
        later = client.get("/api/stories").json()["items"]
        assert all(s["coverage"] is not None for s in later)
        dam = max(later, key=lambda s: len(s["articles"]))
        assert dam["coverage"]["discrepancies"] >= 1


def test_a_search_is_kept_for_its_pages_and_made_again_after_an_ingest(store, monkeypatch):
    from crosswire.web.listing import Filters, list_stories

    for n in range(5):
        _add(store, f"s{n}", f"s{n}", "Coastline Gazette", f"2026-04-0{n + 1}T08:00:00Z")
    calls = []
    search = store.search_seqs
    monkeypatch.setattr(store, "search_seqs", lambda *a, **k: calls.append(a) or search(*a, **k))
    index = StoryIndex()

    def page(n: int) -> list[str]:
        listing = list_stories(store, index, Filters(q="text"), lambda s, ids: {}, n, 2)
        return [e.id for e in listing.items]

    pages = [page(1), page(2), page(3)]
    assert sorted(sum(pages, [])) == [f"s{n}" for n in range(5)] and len(calls) == 1
    # The id of an article the snapshot read names its seq's article, not another's.
    assert index.snapshot(store).id_of[store.ingest_rank("s3")] == "s3"
    _add(store, "s5", "s5", "Nordvik Post", "2026-04-07T08:00:00Z")
    assert "s5" in page(1) + page(2) + page(3) + page(4) and len(calls) == 2
