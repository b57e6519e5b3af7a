"""news-please JSON: one object, a list of objects, or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from crosswire.errors import BAD_JSON, EMPTY, READER_FAILED, CrosswireError
from crosswire.ingest.values import as_text
from crosswire.records import IngestError, RawItem


def _authors(value: Any) -> list[str]:
    if isinstance(value, list):
        return [name for name in map(as_text, value) if name]
    name = as_text(value)
    return [name] if name else []


def item_from_record(source: str, record: dict[str, Any]) -> RawItem:
    """Map news-please fields (title, maintext, date_publish, source_domain, ...) to a RawItem."""

    def first(*names: str) -> str | None:
        return next((t for t in (as_text(record.get(n)) for n in names) if t), None)

    body = first("maintext", "text", "description")
    if body is None:
        raise CrosswireError(EMPTY, detail="no 'maintext' (or 'text') string in the record")
    return RawItem(
        source=source,
        body=body,
        title=first("title"),
        outlet=first("source_domain", "outlet"),
        url=first("url"),
        published=first("date_publish", "published"),
        authors=_authors(record.get("authors")),
        language=first("language"),
        external_id=as_text(record.get("id")),
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
    except (json.JSONDecodeError, RecursionError) as exc:  # deep nesting: read per line
        lines = stripped.split("\n")
        if len(lines) == 1:
            detail = str(exc) if str(exc) else "nested too deeply to read"
            yield IngestError(source, BAD_JSON.code, BAD_JSON.format(detail=detail))
            return
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            key = f"{source}#{number}"
            try:
                records.append((key, json.loads(line)))
            except json.JSONDecodeError as line_exc:
                yield IngestError(key, BAD_JSON.code, BAD_JSON.format(detail=str(line_exc)))
            except RecursionError:
                detail = "nested too deeply to read"
                yield IngestError(key, BAD_JSON.code, BAD_JSON.format(detail=detail))
    for key, record in records:
        if not isinstance(record, dict):
            yield IngestError(key, BAD_JSON.code, BAD_JSON.format(detail="not a JSON object"))
            continue
        record_id = as_text(record.get("id"))
        if record_id is not None and key != source:
            key = f"{key.rsplit('#', 1)[0]}#{record_id}"
        try:
            yield item_from_record(key, record)
        except CrosswireError as err:
            yield IngestError(key, err.code, str(err))
        except Exception as exc:  # a record's surprise costs that record, not its neighbours
            yield IngestError(key, READER_FAILED.code, READER_FAILED.format(detail=repr(exc)))
