"""Publication dates read from their stored ISO strings."""

from __future__ import annotations

from crosswire.dates import day_number, parse_date


def test_parse_date_reads_iso_forms_and_rejects_junk() -> None:
    assert parse_date("2031-05-01T09:00:00Z").day == 1  # type: ignore[union-attr]
    assert parse_date("2031-05-01 junk").month == 5  # type: ignore[union-attr]
    assert parse_date("yesterday") is None
    assert parse_date(None) is None


def test_day_number_counts_days_whatever_the_time() -> None:
    first = day_number("2031-05-01T23:59:00Z")
    assert first is not None
    assert day_number("2031-05-02 00:01") == first + 1
    assert day_number("2031-06-01") == first + 31
    assert day_number("soon") is None


def test_dates_keep_their_zone_and_compare_as_instants() -> None:
    from crosswire.dates import date_key, show_date

    berlin, london = "2026-03-10T17:45:00+01:00", "2026-03-10T16:50:00Z"
    assert parse_date(berlin) < parse_date(london)  # type: ignore[operator]
    assert berlin > london  # as strings the order is the other way round
    assert sorted([london, berlin, None, "2026-03-09"], key=date_key) == [
        "2026-03-09", berlin, london, None
    ]
    assert parse_date("2026-03-10T12:00:00").utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert show_date(berlin) == "2026-03-10 17:45 +01:00"
    assert show_date(london) == "2026-03-10 16:50 UTC"
    assert show_date("2026-03-10T16:50:00-05:30") == "2026-03-10 16:50 -05:30"
    assert day_number(berlin) == day_number("2026-03-10")  # the day the outlet printed


def test_stories_order_by_the_instant_not_the_string(store) -> None:
    from crosswire.records import Article

    def add(aid: str, story: str, published: str) -> None:
        store.add_article(Article(id=aid, source=f"{aid}.txt", text=f"text {aid}", raw="",
                                  published=published, story=story))  # fmt: skip

    add("a", "s1", "2026-03-10T17:45:00+01:00")  # 16:45 UTC
    add("b", "s1", "2026-03-10T16:50:00Z")
    add("c", "s2", "2026-03-10T17:00:00+01:00")  # 16:00 UTC
    assert store.story_article_ids("s1") == ["a", "b"]
    (s1,) = [s for s in store.stories() if s.id == "s1"]
    assert (s1.first_published, s1.last_published) == ("2026-03-10T17:45:00+01:00",
                                                       "2026-03-10T16:50:00Z")  # fmt: skip
    assert [s.id for s in store.stories()] == ["s1", "s2"]
