"""Field values of any JSON type turned into the text a record holds."""

from __future__ import annotations

import re
from typing import Any

# NUL and the other C0 controls but tab, newline, form feed and carriage return, and DEL: no
# text holds them, and PostgreSQL refuses NUL in a text column.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def as_text(value: Any) -> str | None:
    """A field's value as text, by one rule for every type: strings as they are, numbers
    (``"title": 2024``) written out, anything else (objects, lists, booleans, null) unknown.

    A field of the wrong type then costs that field, never the record or the run."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    return None


def strip_controls(text: str) -> str:
    """``text`` without control characters, so that every backend stores the same text."""
    return _CONTROL.sub("", text)
