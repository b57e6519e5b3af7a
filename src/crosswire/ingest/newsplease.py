"""news-please JSON: one object, a list of objects, or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from crosswire.errors import BAD_JSON, EMPTY, CrosswireError
from crosswire.records import IngestError, RawItem


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(a).strip() for a in value if str(a).strip()]
    return []


def item_from_record(source: str, record: dict[str, Any]) -> RawItem:
    """Map news-please fields (title, maintext, date_publish, source_domain, ...) to a RawItem."""
    body = record.get("maintext") or record.get("text") or record.get("description") or ""
    if not isinstance(body, str) or not body.strip():
        raise CrosswireError(EMPTY, detail="no 'maintext' (or 'text') in the record")
    published = record.get("date_publish") or record.get("published")
    return RawItem(
        source=source,
        body=body.strip(),
        title=(record.get("title") or None),
        outlet=record.get("source_domain") or record.get("outlet") or None,
        url=record.get("url") or None,
        published=str(published) if published else None,
        authors=_authors(record.get("authors")),
        language=record.get("language") or None,
        external_id=str(record["id"]) if record.get("id") is not None else None,
    )


def read_newsplease(source: str, text: str) -> Iterator[RawItem | IngestError]:
    """Items of a JSON document or JSON Lines file; a bad line is its own error."""
    stripped = text.strip()
    records: list[tuple[str, Any]] = []
    try:
        whole = json.loads(stripped)
        if isinstance(whole, list):
            records = [(f"{source}#{i + 1}", r) for i, r in enumerate(whole)]
        else:
            records = [(source, whole)]
    except json.JSONDecodeError as exc:
        lines = stripped.split("\n")
        if len(lines) == 1:
            yield IngestError(source, BAD_JSON.code, BAD_JSON.format(detail=str(exc)))
            return
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            key = f"{source}#{number}"
            try:
                records.append((key, json.loads(line)))
            except json.JSONDecodeError as line_exc:
                yield IngestError(key, BAD_JSON.code, BAD_JSON.format(detail=str(line_exc)))
    for key, record in records:
        if not isinstance(record, dict):
            yield IngestError(key, BAD_JSON.code, BAD_JSON.format(detail="not a JSON object"))
            continue
        if record.get("id") is not None and key != source:
            key = f"{key.rsplit('#', 1)[0]}#{record['id']}"
        try:
            yield item_from_record(key, record)
        except CrosswireError as err:
            yield IngestError(key, err.code, str(err))
