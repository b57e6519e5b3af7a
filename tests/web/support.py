"""What the web tests share: the demo in a store, the test token, browser headers."""

from __future__ import annotations

import uuid
from pathlib import Path

from fastapi.testclient import TestClient
from helpers import RESOURCES, ROOT, postgres_url

from crosswire.config import Config
from crosswire.pipeline import ingest_paths

DEMO = ROOT / "examples" / "demo"
WEB = RESOURCES / "web"
TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def demo_store(kind: str, folder: Path) -> tuple[str, str | None]:
    """A database holding the demo, analysed: its URL, and a PostgreSQL schema to drop."""
    if kind == "sqlite":
        db = str(folder / "demo.db")
        ingest_paths([DEMO], Config(db=db, progress=False, workers=1))
        return db, None
    schema = f"cw_web_{uuid.uuid4().hex[:10]}"
    db = postgres_url(schema)
    ingest_paths([DEMO], Config(db=db, progress=False, workers=1))
    return db, schema


def dam_story(client: TestClient) -> dict:
    stories = client.get("/api/stories").json()["items"]
    return max(stories, key=lambda s: len(s["articles"]))
