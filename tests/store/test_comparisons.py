"""The comparison cache: used while the story is as it was, made again once it changes."""

from crosswire import api
from crosswire.records import Analysis, Article, Quote
from crosswire.store.comparisons import cached, known_counts, story_signature

REMARK = "We stay out of the harbour dispute"


def _article(aid: str, outlet: str, text: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, raw=text, outlet=outlet, story="s1")


def test_a_comparison_is_kept_until_its_story_changes(store):
    text = '"We stay out of the harbour dispute," Ansa Korhel said.'
    store.add_article(_article("s1", "Coastline Gazette", text), exact_hash="h1")
    store.save_analysis(Analysis(article="s1", quotes=[
        Quote(start=1, end=35, text=REMARK, speaker="Ansa Korhel")]))  # fmt: skip
    store.conn.commit()
    before = story_signature(store, "s1")
    _, _, comparison = api.cached_comparison(store, "s1")
    assert cached(store, "s1", before) == comparison
    assert known_counts(store, ["s1"])["s1"]["single-source"] == 1
    # an independent report of the same remark (an identical text would be a copy, no source)
    other = '"We stay out of the harbour dispute," Ansa Korhel told dockers on Tuesday evening.'
    store.add_article(_article("t2", "Nordvik Post", other), exact_hash="h2")
    store.conn.commit()
    after = story_signature(store, "s1")
    assert after != before and cached(store, "s1", after) is None
    store.save_analysis(Analysis(article="t2", quotes=[
        Quote(start=1, end=35, text=REMARK, speaker="Ansa Korhel")]))  # fmt: skip
    store.conn.commit()
    _, articles, again = api.cached_comparison(store, "s1")
    assert len(articles) == 2 and again.quotes[0].status == "corroborated"
    assert known_counts(store, ["s1"])["s1"]["corroborated"] == 1
