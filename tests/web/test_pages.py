"""The HTML pages on the demo, on every backend: well-formed, linked, navigable, scriptless."""

from __future__ import annotations

import re
from html import unescape

from report.htmlcheck import parse

from web.support import BROWSER, dam_story


def _page(client, url: str) -> str:
    response = client.get(url, headers=BROWSER)
    assert response.status_code == 200, (url, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src" not in response.headers["content-security-policy"]  # none allowed
    assert "default-src 'none'" in response.headers["content-security-policy"]
    parse(response.text)
    assert "<script" not in response.text
    return response.text


def _hrefs(page: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', page)]


def test_every_page_links_back_to_the_list_and_to_search(client):
    dam = dam_story(client)
    for url in ("/", f"/stories/{dam['id']}", f"/articles/{dam['articles'][0]}",
                "/people/Teodor%20Malvik", "/follows", "/?q=dam"):  # fmt: skip
        page = _page(client, url)
        assert 'href="/"' in page and 'role="search"' in page and 'name="q"' in page, url


def test_list_names_every_outlet_counts_and_coverage(client):
    page = _page(client, "/")
    dam = dam_story(client)
    assert page.index(dam["title"].replace("'", "&#39;")) < page.index("library reopens")
    assert "Harbour Herald, Lakeside Ledger, Merrowfield Courier, Tidewire Press Service" in page
    assert "4 articles (1 syndicated copy) · <time" in page and "1 article · <time" in page
    assert '<svg class="bar"' in page and "corroborated ·" in page


def test_search_highlights_the_matched_words(client):
    page = _page(client, "/?q=spillway")
    marks = re.findall(r"<mark>([^<]*)</mark>", page)
    assert marks and {m.lower() for m in marks} == {"spillway"}
    assert "1 story, best match first" in page
    assert "No story matches" in _page(client, "/?q=zzyzx")
    assert _page(client, "/?q=%00")  # any bytes are a search


def test_pagination_links_walk_the_list(client, monkeypatch):
    from crosswire.web import pages

    first = _page(client, "/?q=&page=1")
    assert "page 1 of 1" not in first  # one page: no pager
    monkeypatch.setattr(pages, "PER_PAGE", 1)  # the demo's two stories, one a page
    titles = [s["title"] for s in client.get("/api/stories").json()["items"]]
    seen, url = [], "/"
    while url:
        page = _page(client, url)
        seen += [unescape(t) for t in re.findall(r'<h2><a href="/stories/\w+">([^<]+)</a>', page)]
        assert f"page {len(seen)} of 2" in page
        nexts = re.findall(r'<a rel="next" href="([^"]+)"', page)
        url = unescape(nexts[0]) if nexts else None
    assert seen == titles
    assert 'rel="prev"' in page and 'rel="next"' not in page
    assert client.get("/api/stories", params={"per_page": 1}).json()["pages"] == 2


def test_the_list_filters_work_as_a_plain_form(client):
    dam, library = "Kellmoor Dam", "library reopens"
    for query, shown, hidden in (
        ("outlet=Harbour+Herald", dam, library),
        ("speaker=Malvik", dam, library),
        ("from=2026-03-10&to=2026-03-12", dam, library),
        ("to=2026-03-09", library, dam),
        ("conflicts=true", dam, library),
    ):
        page = _page(client, f"/?{query}")
        assert shown in page and hidden not in page, query
        assert "<details class=\"filters\" open>" in page, query  # the form shows what is set
    assert "No story matches" in _page(client, "/?outlet=Nowhere+Gazette")


def test_story_page_links_every_item_to_the_article_view_at_its_sentence(client):
    dam = dam_story(client)
    page = _page(client, f"/stories/{dam['id']}")
    for section in ("coverage", "discrepancies", "quotes", "figures", "timeline", "articles"):
        assert f'id="{section}"' in page and f'href="#{section}"' in page
    assert page.index('id="discrepancies"') < page.index('id="quotes"')
    assert '<table class="matrix">' in page
    at_links = [h for h in _hrefs(page) if "?at=" in h]
    assert len(at_links) > 20
    for href in at_links[:40]:
        path, query = href.split("?at=")
        start, end = (int(x) for x in query.split("#")[0].split("-"))
        article = client.get(path.replace("/articles/", "/api/articles/")).json()
        assert 0 <= start < end <= len(article["text"])
        view = _page(client, href.split("#")[0])
        assert f'id="at-{start}-{end}"' in view and 'class="cited-sentence"' in view
    assert "<details" in page and "Quoted by one outlet only" in page
    only_in = re.findall(r'<details class="fold unique"><summary>Only in ([^<]+) \((\d+)\)', page)
    assert len(only_in) >= 2 and all(int(n) > 0 for _, n in only_in)  # per outlet, closed
    figures = page[page.index('<table class="figures">'):]
    figures = figures[: figures.index("</table>")]
    assert "<th>Status</th>" in figures
    assert re.search(r'class="badge (conflicting|corroborated)', figures)


def test_story_page_and_standalone_report_share_their_templates(client):
    from crosswire import api
    from crosswire.report import render_report
    from crosswire.store import open_store

    dam = dam_story(client)
    page = _page(client, f"/stories/{dam['id']}")
    store = open_store(client.app.state.crosswire.config.db)
    try:
        report = render_report(*api.story_comparison(store, dam["id"]), "html")
    finally:
        store.close()
    heads = re.compile(r"<h[23][^>]*>(.*?)</h[23]>", re.S)

    def headings(html: str) -> list[str]:  # their words: links differ (person pages, anchors)
        return [re.sub(r"<[^>]+>", "", h) for h in heads.findall(html)]

    assert headings(page) == headings(report) and len(headings(page)) > 8
    assert "/static/style.css" in page and "--ink:" in report  # linked there, inlined here


def test_article_view_marks_quotes_speakers_figures_and_people(client):
    dam = dam_story(client)
    herald = next(
        a for a in dam["articles"] if client.get(f"/api/articles/{a}").json()["outlet"]
        == "Harbour Herald"
    )
    page = _page(client, f"/articles/{herald}")
    for cls in ("quote", "speaker", "figure", "person"):
        assert f'<span class="{cls}"' in page, cls
    assert "Removed as boilerplate" in page and "<details" in page
    assert f'href="/stories/{dam["id"]}"' in page
    lakeside = next(
        a for a in dam["articles"] if client.get(f"/api/articles/{a}").json()["duplicate_of"]
    )
    copy_page = _page(client, f"/articles/{lakeside}")
    assert "Copy of" in copy_page and "syndicated copy" in copy_page
    assert re.search(r'href="/people/(Teodor%20)?Malvik"', page)  # speakers link to their page


def test_prefix_ids_redirect_and_ambiguous_ones_list_their_matches(client):
    dam = dam_story(client)
    response = client.get(f"/stories/{dam['id'][:5]}", headers=BROWSER, follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == f"/stories/{dam['id']}"
    articles = dam["articles"] + [
        a for s in client.get("/api/stories").json()["items"] for a in s["articles"]
    ]
    prefix = next((a[:1] for a in articles if sum(b[:1] == a[:1] for b in set(articles)) > 1),
                  None)  # fmt: skip
    if prefix:
        page = client.get(f"/articles/{prefix}", headers=BROWSER)
        assert page.status_code == 409 and "Did you mean one of these?" in page.text
        assert page.text.count(f'href="/articles/{prefix}') >= 2


def test_person_page_puts_differing_wordings_side_by_side(client):
    page = _page(client, "/people/Teodor%20Malvik")
    assert "Worded differently by the outlets" in page and "<mark>" in page
    assert page.count('class="variant"') >= 2
    dated = re.findall(r'<li><time datetime="(2026-03-1\d)T[^"]+">[^<]+</time> <b>([^<]+)</b>',
                       page)  # fmt: skip
    assert len({outlet for _, outlet in dated}) >= 2  # each quote with its date and outlet
    assert "Nobody of that name" in _page(client, "/people/Nobody%20Atall")


def test_read_only_server_offers_no_follow_button(client):
    dam = dam_story(client)
    page = _page(client, f"/stories/{dam['id']}")
    assert "Read-only server" in page and 'action="/follows"' not in page
    denied = client.post("/follows", data={"kind": "story", "target": dam["id"]})
    assert denied.status_code == 403


def test_a_story_in_a_thread_links_its_neighbours(demo_copy, tmp_path, monkeypatch):
    """The grouping links stories into threads through ``Story.thread`` (their ids): the page
    lists the neighbours it knows, dated and linked, and skips itself and ids it does not.
    The demo's two stories are not one topic, so the thread is set here."""
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from crosswire.config import Config
    from crosswire.store.base import Store
    from crosswire.web.app import create_app

    app = create_app(Config(db=demo_copy, progress=False, workers=1), token="",
                     uploads=tmp_path / "up", compare_budget_s=30)  # fmt: skip
    with TestClient(app) as client:
        dam = dam_story(client)
        (library,) = [s for s in client.get("/api/stories").json()["items"] if s != dam]
        plain = _page(client, f"/stories/{dam['id']}")
        assert 'id="thread"' not in plain and 'href="#thread"' not in plain
        get_story = Store.get_story

        def threaded(self, story_id):
            found = get_story(self, story_id)
            if found is None or found.id != dam["id"]:
                return found
            return replace(found, thread=[dam["id"], library["id"], "0" * 16])

        monkeypatch.setattr(Store, "get_story", threaded)
        page = _page(client, f"/stories/{dam['id']}")
    section = page[page.index('<section id="thread">'):]
    section = section[: section.index("</section>")]
    assert 'href="#thread"' in page
    assert re.findall(r'href="(/stories/\w+)"', section) == [f"/stories/{library['id']}"]
    assert library["title"].replace("'", "&#39;") in section and "2026-03-09" in section
