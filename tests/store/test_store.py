"""The storage interface, run against every backend (SQLite always, PostgreSQL when present)."""

import uuid
from datetime import date

import pytest
from helpers import drop_schema, postgres_url

from crosswire.records import Analysis, Article, IngestError, Quote
from crosswire.store import open_store


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "test.db"))
        yield s
        s.close()
        return
    schema = f"cw_{uuid.uuid4().hex[:10]}"
    s = open_store(postgres_url(schema))
    yield s
    s.close()
    drop_schema(schema)


def _article(aid: str, **kw) -> Article:
    return Article(
        id=aid, source=f"{aid}.txt", text=f"Text of {aid} about the Orvel dam.", raw="r", **kw
    )


def test_sqlite_uses_wal_and_fts(tmp_path):
    """SQLite only: WAL mode and the FTS5 index."""
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    assert store.query("PRAGMA journal_mode")[0][0] == "wal"
    store.add_article(_article("a1", title="Dam holds"))
    store.conn.commit()
    assert store.search("orvel") == ["a1"]
    assert store.search('"dam') == ["a1"]  # user text is never FTS syntax


def test_sqlite_full_text_row_follows_its_article(tmp_path):
    """SQLite only: replacing an article's text replaces its one full-text row."""
    store = open_store(str(tmp_path / "x.db"))
    store.add_article(_article("a1", title="Dam holds"))
    store.add_article(_article("a2", title="Port strike"))
    store.update_text("a1", "The Velmar ferry runs again.", [], "hash")
    assert store.search("ferry") == ["a1"]
    assert store.search("orvel") == ["a2"]
    rows = store.query("SELECT rowid, id FROM articles_fts ORDER BY rowid")
    assert rows == store.query("SELECT seq, id FROM articles ORDER BY seq")
    store.close()


def test_sqlite_store_written_before_the_seq_rowids_is_rebuilt_once(tmp_path):
    """An older file: full-text rows with rowids of their own and user_version 0."""
    path = str(tmp_path / "old.db")
    store = open_store(path)
    store.add_article(_article("a1", title="Dam holds"))
    store.add_article(_article("a2", title="Port strike"))
    store.execute("DELETE FROM articles_fts")
    for rowid, aid in ((70, "a2"), (71, "a1")):
        text = store.get_article(aid).text
        store.execute(
            "INSERT INTO articles_fts (rowid, id, title, text) VALUES (?, ?, '', ?)",
            (rowid, aid, text),
        )
    store.execute("PRAGMA user_version = 0")
    store.conn.commit()
    store.close()
    reopened = open_store(path)
    rows = reopened.query("SELECT rowid, id FROM articles_fts ORDER BY rowid")
    assert rows == reopened.query("SELECT seq, id FROM articles ORDER BY seq")
    assert set(reopened.search("orvel")) == {"a1", "a2"}
    reopened.update_text("a2", "The Velmar ferry runs again.", [], "hash")
    assert reopened.search("orvel") == ["a1"]
    reopened.close()


def test_full_text_search(store):
    store.add_article(_article("a1", title="Dam holds"))
    store.add_article(_article("a2", title="Port strike"))
    store.conn.commit()
    assert set(store.search("orvel")) == {"a1", "a2"}
    assert store.search("holds") == ["a1"]


def test_minhash_and_lsh_round_trip(store):
    store.add_article(_article("a1"))
    store.add_article(_article("a2"))
    store.save_minhash("a1", b"\x00\x01sig", [b"b0", b"b1"])
    store.save_minhash("a2", b"\x02sig", [b"zz", b"b1"])
    assert store.get_minhash("a1") == b"\x00\x01sig"
    assert store.lsh_candidates([b"b0", b"b1"], exclude="a1") == ["a2"]


def test_add_article_is_idempotent(store):
    assert store.add_article(_article("a1"))
    assert not store.add_article(_article("a1"))
    assert store.count_articles() == 1
    assert store.resolve_article_id("a") == "a1"
    assert store.resolve_article_id("a1.txt") == "a1"


def test_analysis_round_trip(store):
    store.add_article(_article("a1"))
    analysis = Analysis(
        article="a1", sentences=[(0, 10)], quotes=[Quote(0, 4, "Text", speaker="Ida Brannock")]
    )
    store.save_analysis(analysis)
    assert store.get_analysis("a1") == analysis
    assert store.unanalysed_ids() == []


def test_stories_group_and_order_newest_first(store):
    store.add_article(_article("a1", outlet="Herald", published="2031-04-01", title="Old"))
    store.add_article(_article("a2", outlet="Post", published="2031-04-09", title="New"))
    store.add_article(_article("a3", outlet="Ledger", published="2031-04-02"))
    store.set_story("a1", "a1")
    store.set_story("a3", "a1")
    store.set_story("a2", "a2")
    stories = store.stories()
    assert [s.id for s in stories] == ["a2", "a1"]
    assert stories[1].outlets == ["Herald", "Ledger"]
    assert stories[1].articles == ["a1", "a3"]
    assert stories[1].title == "Old"


def test_errors_are_kept_and_cleared_when_the_input_later_succeeds(store):
    store.add_error(IngestError("bad.txt", "E001", "empty"))
    store.add_error(IngestError("bad.txt", "E001", "empty"))
    assert len(store.errors()) == 1
    store.add_article(Article(id="b", source="bad.txt", text="t", raw="t"))
    assert store.errors() == []


def test_story_key_retrieval_reads_the_time_window_and_the_latest_undated(store):
    for aid, published in (
        ("early", "2031-01-02"),
        ("near", "2031-03-09T22:00:00"),
        ("late", "2031-06-01"),
        ("undated1", None),
        ("undated2", None),
    ):
        store.add_article(_article(aid, published=published))
        store.save_story_features(aid, {"published": published}, ["w:orvel", "n:Lind"])
    found = store.articles_with_keys(["w:orvel", "n:Lind"], "new", "2031-03-10", 7.0)
    assert found == {"near": 2, "undated1": 2, "undated2": 2}
    assert set(store.articles_with_keys(["w:orvel"], "new", "2031-03-10", 7.0, undated=1)) == {
        "near",
        "undated2",
    }
    everything = store.articles_with_keys(["w:orvel"], "new")
    assert set(everything) == {"early", "near", "late", "undated1", "undated2"}
    assert list(store.articles_with_keys(["w:orvel"], "new", undated=2)) == ["undated2", "undated1"]


def test_thread_retrieval_reads_a_key_s_nearest_holders_on_either_side(store):
    dated = {f"d{day:02d}": f"2031-03-{day:02d}" for day in (1, 3, 5, 9, 10, 12, 14, 20)}
    dated["d14b"] = "2031-03-14"
    # Added out of time order: which holders are read must not depend on it.
    for aid in sorted(dated, reverse=True) + ["undated1", "undated2", "undated3"]:
        store.add_article(_article(aid, published=dated.get(aid)))
        store.save_story_features(aid, {"published": dated.get(aid)}, ["w:orvel"])
    store.add_article(_article("far", published="2031-09-01"))
    store.save_story_features("far", {"published": "2031-09-01"}, ["w:orvel", "n:Lind"])
    found = store.articles_nearest_with_keys(["w:orvel", "n:Lind"], "d10", "2031-03-10", 120, 2)
    # Two on or after the day (ties by id), two before it, the two latest undated.
    assert found == {"d12": 1, "d14": 1, "d09": 1, "d05": 1, "undated3": 1, "undated2": 1}
    wide = store.articles_nearest_with_keys(["w:orvel", "n:Lind"], "d10", "2031-03-10", 200, 20)
    assert wide["far"] == 2 and len(wide) == len(dated) + 3
    assert set(store.articles_nearest_with_keys(["n:Lind"], "x", None, 120, 1)) == {"far"}


def test_outlet_lines_reaching_a_minimum_are_the_frequent_ones_among_them(store):
    holders = {"sign-off": 5, "app promo": 2, "a one-off": 1}
    for line, n in holders.items():
        for i in range(n):
            store.add_outlet_lines("Valley Herald", f"{line}-{i}", [line])
    store.add_outlet_lines("Other Post", "o1", ["app promo"])
    asked = ["sign-off", "app promo", "a one-off", "never seen"]
    for least in (1, 2, 3, 6):
        frequent = store.frequent_outlet_lines("Valley Herald", least)
        assert store.outlet_lines_reaching("Valley Herald", asked, least) == frequent
    assert store.outlet_lines_reaching("Valley Herald", ["a one-off"], 2) == set()
    assert store.learned_min_articles("Valley Herald") is None
    store.save_learned_outlet_lines("Valley Herald", ["sign-off"], 3)
    store.save_learned_outlet_lines("Valley Herald", [], 2)
    assert store.learned_min_articles("Valley Herald") == 2
    assert store.learned_outlet_lines("Valley Herald") == {"sign-off"}


def test_story_keys_written_before_their_dates_get_them_on_open(store):
    store.add_article(_article("a1", published="2031-03-01"))
    store.save_story_features("a1", {"published": "2031-03-01"}, ["w:orvel"])
    # The table as it was: no day, no seq.
    store.execute("DROP TABLE story_keys")
    store.execute(
        "CREATE TABLE story_keys (key TEXT NOT NULL, article TEXT NOT NULL, "
        "PRIMARY KEY (key, article))"
    )
    store.execute("INSERT INTO story_keys (key, article) VALUES ('w:orvel', 'a1')")
    store.conn.commit()
    reopened = open_store(store.url)
    [(day, seq)] = reopened.query("SELECT day, seq FROM story_keys")
    assert (day, seq) == (date(2031, 3, 1).toordinal(), 1)
    assert reopened.articles_with_keys(["w:orvel"], "x", "2031-03-05", 7.0) == {"a1": 1}
    reopened.close()


def test_story_languages_are_read_without_the_features(store):
    store.save_story_features("a1", {"language": "de"}, ["w:orvel"])
    store.save_story_features("a2", {}, ["w:orvel"])
    assert store.story_languages(["a1", "a2", "missing"]) == {"a1": "de", "a2": None}


def test_story_features_written_before_their_language_column_get_it_on_open(store):
    store.execute("DROP TABLE story_features")
    store.execute("CREATE TABLE story_features (article TEXT PRIMARY KEY, data TEXT NOT NULL)")
    store.execute(
        "INSERT INTO story_features (article, data) VALUES (?, ?)", ("a1", '{"language": "pl"}')
    )
    store.conn.commit()
    reopened = open_store(store.url)
    assert reopened.story_languages(["a1"]) == {"a1": "pl"}
    assert reopened.get_story_features("a1") == {"language": "pl"}
    reopened.close()


def test_near_lists_are_replaced_whole(store):
    store.save_story_near({"a1": {"a2": 0.5, "a3": 0.25}, "a2": {"a1": 0.5}})
    store.save_story_near({"a1": {"a2": 0.75}})
    assert store.story_near(["a1", "a2", "missing"]) == {"a1": {"a2": 0.75}, "a2": {"a1": 0.5}}


def test_a_thread_link_stays_until_a_comparison_of_its_pair_drops_it(store):
    store.replace_thread_links("a", {"b": 0.4, "c": 0.3})
    # "b" compared with "a" and "d": keeps its link to "a", finds one to "d"; "c" was not
    # compared, so the link "a" found to it stays.
    store.replace_thread_links("b", {"a": 0.4, "d": 0.5}, compared=["a", "d"])
    assert sorted(store.thread_of("a")) == ["a", "b", "c", "d"]
    store.replace_thread_links("c", {}, compared=["a"])
    assert sorted(store.thread_of("a")) == ["a", "b", "d"]
    store.replace_thread_links("b", {})  # emptied or merged away: every link of it goes
    assert store.thread_of("a") == ["a"] and store.thread_of("d") == ["d"]


def test_story_features_keys_and_stories_are_read_in_bulk(store):
    for aid in ("a1", "a2"):
        store.add_article(_article(aid, published="2031-03-01"))
    store.save_story_features("a1", {"published": "2031-03-01"}, ["w:orvel", "n:lind"])
    store.save_story_features("a2", {"published": "2031-03-02"}, ["w:orvel"])
    store.set_story("a1", "a1")
    assert store.story_features_of(["a1", "a2", "x"]) == {
        "a1": {"published": "2031-03-01"}, "a2": {"published": "2031-03-02"}
    }  # fmt: skip
    assert store.story_keys_of(["a1", "a2"]) == {"w:orvel": 2, "n:lind": 1}
    assert store.story_by_article(["a1", "a2"]) == {"a1": "a1"}


def test_latest_undated_keys_are_read_without_passing_the_dated_ones(tmp_path):
    """SQLite only: the query plan of an undated lookup seeks the key's undated rows."""
    store = open_store(str(tmp_path / "plan.db"))
    plan = store.query(
        "EXPLAIN QUERY PLAN SELECT article FROM story_keys WHERE key = ? AND article <> ? "
        "AND day IS NULL ORDER BY seq DESC LIMIT ?",
        ("w:orvel", "x", 5),
    )
    detail = " ".join(str(row[-1]) for row in plan)
    assert "story_keys_window (key=? AND day=?)" in detail
    assert "TEMP B-TREE" not in detail
    store.close()
