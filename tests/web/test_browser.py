"""The web app in a real browser: Debian's Chromium, headless, driven by Playwright.

What an analyst does on the seeds (the list, a search for a speaker, the story with its
discrepancies and side-by-side quotes, a reference followed to its sentence), on a desktop and
on a 390-pixel phone; an article full of scripts shows them as text and runs none of them;
the API docs work with no network; the seeds in SQLite and in PostgreSQL. A failing test
leaves a screenshot in out/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from helpers import ROOT, drop_schema, postgres_url, shared_path

from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.web.app import create_app
from web.support import AUTH, TOKEN, WEB, Server

CHROMIUM = "/usr/bin/chromium"
# No first-run, sync or background traffic: this machine's network is closed, and a browser
# test must not depend on any host but the server under test.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SCREENSHOTS = ROOT / "out" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(f"no browser: {reason}")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as exc:
        _unavailable(f"playwright is not installed ({exc}); `make test` installs it")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing; `make test` installs Debian's chromium")
    with sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        except Error as exc:
            _unavailable(f"Chromium did not start: {exc}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(request, browser):
    """A fresh page; only the server under test may be reached (anything else is recorded
    and refused). Screenshot on failure."""
    size = getattr(request, "param", DESKTOP)
    context = browser.new_context(viewport=size)
    outside: list[str] = []

    def route(r):
        if re.match(r"^(https?://127\.0\.0\.1[:/]|about:|data:)", r.request.url):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.outside = outside  # type: ignore[attr-defined]
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def seeds_server(request, tmp_path_factory):
    """``crosswire serve`` over the seeds, in SQLite and in PostgreSQL."""
    seeds = shared_path("corpus", "seeds")
    schema = None
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    else:
        schema = f"cw_browser_{uuid.uuid4().hex[:10]}"
        db = postgres_url(schema)
    ingest_paths([seeds], Config(db=db, progress=False, workers=1))
    server = Server(db)
    yield server
    server.stop()
    if schema:
        drop_schema(schema)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, sqlite_demo):
    """The demo plus an article whose every field is markup meant to run."""
    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "demo.db"
    shutil.copy(sqlite_demo, db)
    app = create_app(Config(db=str(db), progress=False, workers=1), token=TOKEN,
                     uploads=folder / "up")  # fmt: skip
    with TestClient(app) as client:
        posted = client.post("/api/articles", content=(WEB / "hostile.json").read_bytes(),
                             headers={"Content-Type": "application/json", **AUTH})  # fmt: skip
        assert posted.status_code == 201, posted.text
        (article,) = posted.json()["added"]
    server = Server(str(db))
    yield server, article
    server.stop()


def _no_page_overflow(tab) -> None:
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= tab.viewport_size["width"], f"the page scrolls sideways: {width} px"


@pytest.mark.parametrize("page", [DESKTOP, PHONE], indirect=True, ids=["desktop", "phone"])
def test_an_analyst_follows_the_seeds_story_to_a_cited_sentence(page, seeds_server):
    base = seeds_server.base
    page.goto(base + "/")
    story = page.locator("li.story").first
    assert "EIN Presswire + 2 unnamed" in story.inner_text()
    _no_page_overflow(page)

    page.fill("#site-q", "Rutte")
    page.press("#site-q", "Enter")
    page.wait_for_url(re.compile(r"\?q=Rutte"))
    assert "rutte" in {m.lower() for m in page.locator("li.story mark").all_inner_texts()}
    page.locator("li.story h2 a").first.click()
    page.wait_for_url(re.compile(r"/stories/"))
    _no_page_overflow(page)

    toc = page.locator("nav.toc")
    page.locator("#figures").scroll_into_view_if_needed()  # far down a long page
    assert _in_view(page, toc) and toc.bounding_box()["height"] < 60  # sections stay in reach
    kinds = page.locator("#discrepancies article.discrepancy .kind").all_inner_texts()
    assert {"FIGURE-MEANING", "VENUE"} <= {k.upper() for k in kinds}, kinds
    assert page.locator("table.matrix td.cell.contradicts").count() >= 2
    junior = page.locator("article.quote", has_text="junior partner").first
    assert junior.locator("figure.variant").count() >= 2
    assert junior.locator("mark").count() >= 1  # the words the outlets word differently

    meaning = page.locator("article.discrepancy", has_text="counts different things").first
    side = meaning.locator("li").first
    said = side.locator("b").inner_text()
    side.locator("a.ref").click()
    page.wait_for_url(re.compile(r"/articles/\w+\?at=\d+-\d+#at-\d+-\d+"))
    target = page.locator(":target")
    assert target.count() == 1 and "cited" in (target.get_attribute("class") or "")
    assert " ".join(target.inner_text().split()) == " ".join(said.split())
    assert target.is_visible() and _in_view(page, target)
    assert said.split()[0] in page.locator(".cited-sentence").first.inner_text()
    _no_page_overflow(page)
    assert page.outside == []  # type: ignore[attr-defined]


def _in_view(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and 0 <= box["y"] < height


@pytest.mark.parametrize("page", [DESKTOP, PHONE], indirect=True, ids=["desktop", "phone"])
def test_markup_in_an_article_is_text_and_nothing_runs(page, hostile_server):
    server, article = hostile_server
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog {d.message}"), d.dismiss()))
    for url in (f"/articles/{article}", "/", "/?q=harbour+notice", f"/api/articles/{article}"):
        page.goto(server.base + url)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("script, iframe, svg[onload], img[onerror]").count() == 0, url
        assert page.locator('a[href^="javascript:"], [onclick], [onmouseover]').count() == 0
    page.goto(server.base + f"/articles/{article}")
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned = 'body';</script>" in text
    assert "javascript:window.__pwned='link'" in text
    assert "<script>" in page.locator("h1").inner_text()
    page.get_by_text("here", exact=False).first.click()
    page.locator("dd", has_text="javascript:").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    story = page.locator("a", has_text="story:").first
    if story.count():
        story.click()
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert errors == []


def test_the_api_docs_work_with_no_network(page, seeds_server):
    page.goto(seeds_server.base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    operations = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/stories" in operations and "/api/stories/{story_id}" in operations
    with page.context.expect_page() as opened:  # the way back to the site (Swagger UI opens
        page.locator('.swagger-ui .info a[href="/"]').click()  # its links in a new tab)
    opened.value.wait_for_selector("#site-q")
    assert page.outside == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("page", [DESKTOP, PHONE], indirect=True, ids=["desktop", "phone"])
def test_every_page_fits_the_screen_and_leads_back_to_the_list(page, seeds_server):
    base = seeds_server.base
    page.goto(base + "/")
    story = page.locator("li.story h2 a").first.get_attribute("href")
    page.goto(base + story)
    article = page.locator("table.articles a").first.get_attribute("href")
    person = page.locator("article.quote h3 a").first.get_attribute("href")
    for url, status in ((story, 200), (article, 200), (person, 200), ("/follows", 200),
                        ("/?q=Rutte&conflicts=true", 200), ("/stories/nosuchstory", 404),
                        ("/articles/nosuchone", 404)):  # fmt: skip
        response = page.goto(base + url)
        assert response is not None and response.status == status, url
        _no_page_overflow(page)
        assert page.locator("nav.site a[href='/']").count() >= 1, url
        assert page.locator("form[role=search] input[name=q]").is_visible(), url
    page.goto(base + "/stories/nosuchstory")
    said = page.locator("main").inner_text()
    assert "no story 'nosuchstory'" in said and "Back to the stories" in said
    assert "crosswire " not in said and "{" not in said  # no JSON, no command to type
    assert page.outside == []  # type: ignore[attr-defined]
