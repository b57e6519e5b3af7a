"""Publication dates as stored: ISO strings read once into datetimes and day numbers.

Outlets write times in their own zones ("17:45+01:00" and "16:50Z" are ten minutes apart, in
that order reversed if the offsets are dropped), so a parsed date keeps its zone: every
datetime here is aware, in UTC, and sorts and subtracts by the instant it names. A time written
without a zone is taken as UTC. Kept apart from the grouping code so that the store can use
them without importing it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache


def _parse(value: str | None) -> datetime | None:
    """The datetime as written (aware when the string gives a zone), or None."""
    if not value:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.fromisoformat(text[:10])
        except ValueError:
            return None


def parse_date(value: str | None) -> datetime | None:
    """An aware UTC datetime from an ISO date string, or None if absent or unreadable.

    Examples:
        >>> parse_date("2026-03-10T17:45:00+01:00").isoformat()
        '2026-03-10T16:45:00+00:00'
        >>> parse_date("2026-03-10").isoformat()
        '2026-03-10T00:00:00+00:00'
    """
    parsed = _parse(value)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


@lru_cache(maxsize=1 << 16)
def date_key(value: str | None) -> tuple[bool, str]:
    """A sort key putting dates in time order, whatever their zones, and unknown dates last.

    Kept per string: sorting a store's articles asks for the same few dates many times."""
    parsed = parse_date(value)
    return (parsed is None, parsed.isoformat() if parsed else "")


def day_number(value: str | None) -> int | None:
    """The calendar day of an ISO date or datetime as written, as a day count (None when absent
    or unreadable). The day is the one the outlet printed, in its own zone: a story window is
    counted in the days readers saw."""
    parsed = _parse(value)
    return parsed.date().toordinal() if parsed else None


def show_date(value: str | None) -> str:
    """An ISO timestamp shortened to date and minute, with its zone when it has one
    ("2026-03-10 17:45 +01:00"), so that two outlets' times can be compared by eye.

    Examples:
        >>> show_date("2026-03-10T17:45:00+01:00"), show_date("2026-03-10T16:45:00Z")
        ('2026-03-10 17:45 +01:00', '2026-03-10 16:45 UTC')
        >>> show_date("2026-04-06T08:30:00"), show_date("2026-04-06"), show_date(None)
        ('2026-04-06 08:30', '2026-04-06', 'date unknown')
    """
    if not value:
        return "date unknown"
    parsed = _parse(value)
    if parsed is None or len(value.strip()) <= 10:
        return value.strip()[:16] if parsed is None else value.strip()
    shown = parsed.strftime("%Y-%m-%d %H:%M")
    offset = parsed.utcoffset()
    if offset is None:
        return shown
    if not offset:
        return f"{shown} UTC"
    return f"{shown} {parsed.strftime('%z')[:3]}:{parsed.strftime('%z')[3:]}"
