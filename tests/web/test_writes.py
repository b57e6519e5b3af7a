"""Writes: news-please JSON in, only with the token; follows and their Atom feeds; on every
backend."""

from __future__ import annotations

import json

import feedparser
import pytest
from fastapi.testclient import TestClient
from helpers import drop_schema

from crosswire.cli import main
from crosswire.config import Config
from crosswire.web.app import create_app
from web.support import AUTH, TOKEN, WEB, dam_story, demo_store

VALLEY = (WEB / "valley_post.json").read_bytes()


@pytest.fixture(params=["sqlite", "postgres"])
def writable(request, tmp_path, demo_copy):
    if request.param == "sqlite":
        db, schema = demo_copy, None
    else:
        db, schema = demo_store("postgres", tmp_path)
    app = create_app(Config(db=db, progress=False, workers=1), token=TOKEN,
                     uploads=tmp_path / "uploads", compare_budget_s=30)  # fmt: skip
    with TestClient(app) as client:
        yield client
    if schema:
        drop_schema(schema)


def _post(client, body: bytes, **headers) -> object:
    return client.post("/api/articles", content=body,
                       headers={"Content-Type": "application/json", **headers})  # fmt: skip


def test_writes_need_the_token(writable):
    refused = _post(writable, VALLEY)
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Bearer")
    assert refused.headers["content-type"] == "application/problem+json"
    assert _post(writable, VALLEY, Authorization="Bearer wrong").status_code == 401
    assert writable.get("/api/stories").json()["items"][0]["articles"].__len__() == 4


def test_a_posted_article_joins_its_story_once_and_followers_hear_of_it(writable):
    dam = dam_story(writable)
    follow = writable.post("/api/follows", json={"kind": "story", "target": dam["id"][:6]},
                           headers=AUTH)  # fmt: skip
    assert follow.status_code == 201 and follow.json()["target"] == dam["id"]
    person = writable.post("/api/follows", json={"kind": "person", "target": "Teodor Malvik"},
                           headers=AUTH).json()  # fmt: skip
    feed_url = follow.json()["feed"]
    assert feedparser.parse(writable.get(feed_url).text).entries == []  # the baseline: no news

    added = _post(writable, VALLEY, **AUTH)
    assert added.status_code == 201, added.text
    result = added.json()
    (article,) = result["added"]
    assert result["stories"][article] == dam["id"] and result["errors"] == []
    again = _post(writable, VALLEY, **AUTH)
    assert again.status_code == 200 and again.json()["added"] == [] and again.json()["unchanged"]

    feed = feedparser.parse(writable.get(feed_url).text)
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    assert any(t.startswith("New outlet in") for t in titles), titles
    assert any("new quote" in t.lower() for t in titles), titles
    assert any("Vessa Valley Post" in e.summary for e in feed.entries)
    assert all(e.link.startswith("http") for e in feed.entries)
    malvik = feedparser.parse(writable.get(person["feed"]).text)
    assert [e for e in malvik.entries if "Lantern Row" in e.summary]
    everything = feedparser.parse(writable.get("/feeds/all.atom").text)
    assert len(everything.entries) == len(feed.entries) + len(malvik.entries)
    assert writable.get("/feeds/nope.atom").status_code == 404


def test_bad_records_are_their_own_errors_and_bodies_are_checked(writable):
    batch = json.dumps([
        {"title": "Empty", "maintext": ""},
        json.loads(VALLEY),
    ]).encode()  # fmt: skip
    result = _post(writable, batch, **AUTH)
    assert result.status_code == 201
    assert [e["code"] for e in result.json()["errors"]] == ["E001"]
    assert _post(writable, b"not json at all", **AUTH).status_code == 422
    assert _post(writable, b"   ", **AUTH).status_code == 422
    html = writable.post("/api/articles", content=b"<p>x</p>",
                         headers={"Content-Type": "text/html", **AUTH})  # fmt: skip
    assert html.status_code == 415


def test_request_bodies_are_limited(tmp_path, demo_copy):
    app = create_app(Config(db=demo_copy, progress=False, workers=1), token=TOKEN,
                     uploads=tmp_path / "up", max_body=2000)  # fmt: skip
    with TestClient(app) as client:
        big = b'{"maintext": "' + b"x" * 5000 + b'"}'
        declared = _post(client, big, **AUTH)
        assert declared.status_code == 413 and declared.json()["status"] == 413

        def chunks():
            for _ in range(10):
                yield b"y" * 500

        streamed = client.post("/api/articles", content=chunks(),
                               headers={"Content-Type": "application/json", **AUTH})  # fmt: skip
        assert streamed.status_code == 413
        assert not (tmp_path / "up").exists()


def test_a_browser_signs_in_and_follows_with_forms(writable):
    dam = dam_story(writable)
    story = writable.get(f"/stories/{dam['id']}", headers={"Accept": "text/html"}).text
    assert "Sign in to follow" in story
    assert writable.post("/signin", data={"token": "wrong"}).status_code == 401
    signed = writable.post("/signin", data={"token": TOKEN, "back": f"/stories/{dam['id']}"},
                           follow_redirects=False)  # fmt: skip
    assert signed.status_code == 303 and "samesite=strict" in signed.headers["set-cookie"].lower()
    assert "httponly" in signed.headers["set-cookie"].lower()
    story = writable.get(f"/stories/{dam['id']}").text
    assert 'action="/follows"' in story
    done = writable.post("/follows", data={"kind": "story", "target": dam["id"],
                                           "back": "https://elsewhere.example/"},
                         follow_redirects=False)  # fmt: skip
    assert done.status_code == 303 and done.headers["location"] == "/follows"
    page = writable.get("/follows").text
    assert dam["title"].split()[0] in page and ".atom" in page
    (fid,) = [f["id"] for f in writable.get("/api/follows").json()]
    writable.post(f"/follows/{fid}/delete", data={"back": "/follows"})
    assert writable.get("/api/follows").json() == []


def test_the_command_line_follows_and_ingest_writes_alerts(demo_copy, capsys):
    stories = json.loads((main(["stories", "--db", demo_copy, "--json"]), capsys.readouterr())[1]
                         .out)  # fmt: skip
    dam = max(stories, key=lambda s: len(s["articles"]))
    assert main(["follow", dam["id"][:8], "--db", demo_copy]) == 0
    assert "following story" in capsys.readouterr().out
    assert main(["--db", demo_copy, "ingest", str(WEB / "valley_post.json"), "--no-progress"]) == 0
    assert "new alerts" in capsys.readouterr().err
    assert main(["follow", "--list", "--json", "--db", demo_copy]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["follows"][0]["target"] == dam["id"]
    assert any("Vessa Valley Post" in a["summary"] for a in listed["alerts"])
