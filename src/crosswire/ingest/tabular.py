"""CSV with a header row; ``--map title=headline,text=body`` names the columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping

from crosswire.errors import BAD_TABLE, EMPTY, READER_FAILED, CrosswireError
from crosswire.ingest.newsplease import item_from_record
from crosswire.records import IngestError, RawItem

# Our field -> the column names tried when no mapping names it.
DEFAULT_COLUMNS = {
    "title": ("title", "headline"),
    "maintext": ("text", "maintext", "body", "content", "article"),
    "date_publish": ("published", "date", "date_publish", "pubdate"),
    "source_domain": ("outlet", "source", "publisher", "source_domain"),
    "url": ("url", "link"),
    "authors": ("authors", "author", "byline"),
    "id": ("id", "article_id"),
}
# Names a user may give on the left of --map, as our fields.
FIELD_ALIASES = {"text": "maintext", "published": "date_publish", "outlet": "source_domain"}


def parse_map(spec: str | None) -> dict[str, str]:
    """``"title=headline,text=body"`` -> ``{"title": "headline", "maintext": "body"}``."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if "=" in part:
            ours, theirs = (p.strip() for p in part.split("=", 1))
            mapping[FIELD_ALIASES.get(ours, ours)] = theirs
    return mapping


def read_csv(
    source: str, text: str, mapping: Mapping[str, str] | None = None
) -> Iterator[RawItem | IngestError]:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    lower = {h.lower().strip(): h for h in header}
    columns: dict[str, str] = {}
    for field, names in DEFAULT_COLUMNS.items():
        wanted = (mapping or {}).get(field)
        found = (
            lower.get(wanted.lower())
            if wanted
            else next((lower[n] for n in names if n in lower), None)
        )
        if found:
            columns[field] = found
    if "maintext" not in columns:
        detail = f"no text column among {header}; use --map text=COLUMN"
        raise CrosswireError(BAD_TABLE, detail=detail)
    rows = 0
    for number, row in enumerate(reader, start=2):
        rows += 1
        record = {field: row.get(column) for field, column in columns.items()}
        if isinstance(record.get("authors"), str):
            record["authors"] = [a.strip() for a in record["authors"].split(";") if a.strip()]
        key = f"{source}#{record.get('id') or number}"
        try:
            yield item_from_record(key, record)
        except CrosswireError as err:
            yield IngestError(key, err.code, str(err))
        except Exception as exc:  # a row's surprise costs that row, not its neighbours
            yield IngestError(key, READER_FAILED.code, READER_FAILED.format(detail=repr(exc)))
    if not rows:  # a header alone (a cut download, an export of nothing) is said, not skipped
        raise CrosswireError(EMPTY, detail="the table has a header row and no rows")
