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
