"""Writes over HTTP: news-please JSON in, ingested by the same pipeline as files.

A posted body is kept as a file in the server's upload folder (named by its content, so the
same body posted twice is one file) and ingested from there: the article's source points at
what was received, and re-posting changes nothing, exactly as re-ingesting a file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from crosswire.store import open_store
from crosswire.web.auth import require_writer
from crosswire.web.errors import Problem
from crosswire.web.state import WebState, state_of

router = APIRouter(prefix="/api", tags=["writes"])
JSON_TYPES = ("application/json", "application/x-ndjson", "application/jsonl", "text/plain")


def upload_folder(db: str) -> Path:
    """Next to a SQLite file (``news.db`` -> ``news-uploads/``); in the working folder for a
    database server."""
    if db.startswith(("postgresql://", "postgres://")):
        return Path("crosswire-uploads")
    path = Path(db.removeprefix("sqlite:///"))
    return path.with_name(path.stem + "-uploads")


def _check_json(text: str) -> None:
    """A body must be JSON or JSON Lines: anything else is refused whole (a bad record inside
    good JSON is that record's error, reported with the rest)."""
    try:
        json.loads(text)
        return
    except json.JSONDecodeError as exc:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) < 2:
            raise Problem(422, f"the body is not JSON: {exc}") from exc


def ingest_body(state: WebState, body: bytes) -> dict[str, Any]:
    from crosswire.follow import update_alerts
    from crosswire.pipeline import ingest_paths  # spaCy: loaded on the first write

    digest = hashlib.blake2b(body, digest_size=10).hexdigest()
    state.uploads.mkdir(parents=True, exist_ok=True)
    path = state.uploads / f"api-{digest}.json"
    if not path.exists():
        path.write_bytes(body)
    config = dataclasses.replace(state.config, progress=False, workers=1)
    with state.ingest_lock, open_store(config.db) as store:
        report = ingest_paths([path], config, store)
        written = update_alerts(store, config)
        stories = {a: (found.story if (found := store.get_article(a)) else None)
                   for a in report.added}  # fmt: skip
    return {
        "added": report.added,
        "unchanged": report.unchanged,
        "duplicates": report.duplicates,
        "stories": stories,
        "errors": [e.as_dict() for e in report.errors],
        "alerts": len(written),
    }


@router.post(
    "/articles",
    status_code=201,
    responses={200: {"description": "everything was stored before"},
               401: {"description": "no token or a wrong one"},
               403: {"description": "the server is read-only"},
               413: {"description": "the body is too large"},
               422: {"description": "nothing could be ingested"}},
)  # fmt: skip
async def post_articles(request: Request) -> JSONResponse:
    """Ingest news-please JSON (one object, a list, or JSON Lines) with the server's token.

    Answers what was added (and the story of each), what was already stored, and each bad
    record's error; the rest of a batch is ingested whatever one record holds."""
    state = state_of(request)
    require_writer(request, state.token, state.read_only)
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip()
    if kind not in JSON_TYPES:
        raise Problem(415, f"send news-please JSON ({JSON_TYPES[0]}), not {kind}")
    body = await request.body()
    text = body.decode("utf-8", "replace")
    if not text.strip():
        raise Problem(422, "the body is empty")
    _check_json(text)
    result = await run_in_threadpool(ingest_body, state, body)
    status = 201 if result["added"] else 200 if result["unchanged"] else 422
    return JSONResponse(result, status_code=status)
