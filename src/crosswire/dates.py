"""Publication dates as stored: ISO strings read once into datetimes and day numbers.

Kept apart from the grouping code so that the store can use them without importing it.
"""

from __future__ import annotations

from datetime import datetime


def parse_date(value: str | None) -> datetime | None:
    """A naive UTC-agnostic datetime from an ISO date string, or None if absent/unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return parsed.replace(tzinfo=None)


def day_number(value: str | None) -> int | None:
    """The day of an ISO date or datetime as a day count (None when absent or unreadable)."""
    parsed = parse_date(value)
    return parsed.date().toordinal() if parsed else None
