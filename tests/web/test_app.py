"""The web UI and JSON API on the demo corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.web.app import create_app

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web") / "demo.db")
    config = Config(db=db, progress=False, workers=1)
    ingest_paths([DEMO], config)
    return TestClient(create_app(config))


def test_api_stories_search_and_report(client):
    stories = client.get("/api/stories").json()
    assert len(stories) == 2
    dam = client.get("/api/stories", params={"q": "Kellmoor"}).json()
    assert len(dam) == 1 and len(dam[0]["articles"]) == 4
    report = client.get(f"/api/stories/{dam[0]['id']}").json()
    assert report["story"]["id"] == dam[0]["id"]
    assert report["quotes"] and report["articles"]
    assert client.get("/api/stories/nope").status_code == 404


def test_api_article_quotes_errors(client):
    story = client.get("/api/stories", params={"q": "Kellmoor"}).json()[0]
    article = client.get(f"/api/articles/{story['articles'][0]}").json()
    assert article["text"] and article["story"] == story["id"]
    speaker = next(q["speaker"] for q in article["quotes"] if q["speaker"])
    quotes = client.get("/api/quotes", params={"speaker": speaker}).json()
    assert quotes and all(q["speaker"] for q in quotes)
    assert client.get("/api/errors").json() == []
    assert client.get("/api/articles/nope").status_code == 404


def test_html_pages(client):
    index = client.get("/")
    assert index.status_code == 200 and "Kellmoor" in index.text
    story = client.get("/api/stories", params={"q": "Kellmoor"}).json()[0]
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200 and page.text.lower().startswith("<!doctype html")
    assert "Harbour Herald" in page.text and 'href="#a-' in page.text
