"""The pages an analyst reads: the story list, a story, an article, a person, follows.

Server-rendered from the shared templates, with no script: every page works without
JavaScript, and the Content-Security-Policy forbids scripts outright, so nothing an article
smuggles in can run.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from crosswire.analyze.on_demand import analysis_of
from crosswire.follow import follow
from crosswire.report.page import StoryPage
from crosswire.report.view import ReportView
from crosswire.store.follows import alerts, follow_id, follows, get_follow, remove_follow
from crosswire.store.lookup import resolve_article, resolve_story
from crosswire.templates import render, stylesheet
from crosswire.web.article_view import article_view
from crosswire.web.auth import COOKIE, can_write, require_writer
from crosswire.web.errors import Problem
from crosswire.web.links import (
    WebLinks,
    article_url,
    follow_feed_url,
    list_url,
    person_url,
    story_url,
)
from crosswire.web.listing import Filters, highlighted
from crosswire.web.people import person
from crosswire.web.state import state_of

router = APIRouter(include_in_schema=False)
# Stories on one page of the list.
PER_PAGE = 20

# Pages run no script at all; styles come from the site itself.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
MAX_FORM = 16 * 1024


@dataclass(slots=True)
class Site:
    """Navigation every page carries."""

    home: str = "/"
    follows: str = "/follows"
    docs: str = "/docs"
    signin: str = "/signin"
    q: str = ""
    writable: bool = False
    signed_in: bool = False


@dataclass(slots=True)
class Pager:
    number: int
    count: int
    previous: str | None
    next: str | None


def render_page(request: Request, template: str, q: str = "", **context: Any) -> str:
    state = state_of(request)
    site = Site(q=q, writable=state.writable, signed_in=can_write(request, state.token))
    return render(template, site=site, static=lambda name: f"/static/{name}",
                  standalone=False, **context)  # fmt: skip


def html_response(html: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return HTMLResponse(html, status_code=status,
                        headers={"Content-Security-Policy": CSP, **(headers or {})})  # fmt: skip


def page(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    return html_response(render_page(request, template, **context), status)


def pager(number: int, count: int, make_url: Any) -> Pager:
    return Pager(
        number,
        count,
        make_url(number - 1) if number > 1 else None,
        make_url(number + 1) if number < count else None,
    )


def _filters(q: str, outlet: str, speaker: str, since: str, until: str,
             conflicts: bool) -> Filters:  # fmt: skip
    return Filters(q=q.strip(), outlet=outlet.strip(), speaker=speaker.strip(),
                   since=since.strip(), until=until.strip(), conflicts=conflicts)  # fmt: skip


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    q: str = "",
    outlet: str = "",
    speaker: str = "",
    since: str = Query("", alias="from"),
    until: str = Query("", alias="to"),
    conflicts: bool = False,
    page_number: int = Query(1, alias="page", ge=1),
) -> Response:
    filters = _filters(q, outlet, speaker, since, until, conflicts)
    listing = state_of(request).stories(filters, page_number, PER_PAGE)
    params = {"q": filters.q, "outlet": filters.outlet, "speaker": filters.speaker,
              "from": filters.since, "to": filters.until, "conflicts": int(filters.conflicts)}
    pages = pager(listing.page, listing.pages, lambda n: list_url(**params, page=n))
    with state_of(request).stores.session() as s:
        outlets = state_of(request).index.snapshot(s).outlets
    return page(request, "list.html", q=filters.q, listing=listing, filters=filters,
                pages=pages, outlets=outlets, highlighted=highlighted,
                story_url=story_url)  # fmt: skip


def _follow_box(request: Request, kind: str, target: str) -> dict[str, Any]:
    state = state_of(request)
    fid = follow_id(kind, target)
    with state.stores.session() as s:
        found = get_follow(s, fid)
    return {"kind": kind, "target": target, "id": fid, "following": found is not None,
            "feed": follow_feed_url(fid) if found else None,
            "back": str(request.url.path)}  # fmt: skip


def _neighbours(request: Request, story: Any) -> list[Any]:
    """Stories linked to this one in a thread, when the grouping provides threads."""
    thread = getattr(story, "thread", None)
    if not thread:
        return []
    ids = [t["id"] if isinstance(t, dict) else t for t in thread] if isinstance(
        thread, list | tuple) else []  # fmt: skip
    state = state_of(request)
    with state.stores.session() as s:
        snap = state.index.snapshot(s)
    return [snap.by_id[i] for i in ids if i in snap.by_id and i != story.id]


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> Response:
    state = state_of(request)
    with state.stores.session() as s:
        full = resolve_story(s, story_id)
        if full != story_id:
            return RedirectResponse(story_url(full), status_code=307)
        (story, _, _), body = state.comparisons.rendered(s, full, lambda c: story_body(request, c))
    box = _follow_box(request, "story", full)
    return page(request, "story.html", story=story, body=Markup(body), follow=box,
                feed=box["feed"])  # fmt: skip


def story_body(request: Request, compared: tuple[Any, Any, Any]) -> str:
    """The part of a story page that is the same for every reader (``_story.html``)."""
    story, articles, comparison = compared
    view = ReportView(story, articles, comparison)
    body = StoryPage(view, WebLinks(view), neighbours=_neighbours(request, story))
    return render("_story.html", page=body)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, at: str | None = None) -> Response:
    state = state_of(request)
    with state.stores.session() as s:
        full = resolve_article(s, article_id)
        if full != article_id:
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(article_url(full) + query, status_code=307)
        article = s.get_article(full)
        if article is None:
            raise Problem(404, f"no article {article_id!r}")
        analysis = analysis_of(s, full, state.config)
        snap = state.index.snapshot(s)
        original = s.get_article(article.duplicate_of) if article.duplicate_of else None
        copies = s.query(
            "SELECT id, outlet, title FROM articles WHERE duplicate_of = ? ORDER BY id", (full,)
        )
    entry = snap.by_id.get(article.story or "")
    url = article.url if (article.url or "").lower().startswith(("http://", "https://")) else None
    return page(request, "article.html", view=article_view(article, analysis, at), story=entry,
                original=original, copies=copies, url=url, story_url=story_url,
                article_url=article_url, person_url=person_url)  # fmt: skip


@router.get("/people/{name}", response_class=HTMLResponse)
def person_page(request: Request, name: str,
                page_number: int = Query(1, alias="page", ge=1)) -> Response:  # fmt: skip
    state = state_of(request)
    with state.stores.session() as s:
        found = person(s, state, state.index.snapshot(s), name, page_number)
    pages = pager(found.page, found.pages, lambda n: f"{person_url(name)}?page={n}")
    box = _follow_box(request, "person", name)
    return page(request, "person.html", person=found, pages=pages, follow=box,
                feed=box["feed"], story_url=story_url, article_url=article_url)  # fmt: skip


@router.get("/follows", response_class=HTMLResponse)
def follows_page(request: Request) -> Response:
    state = state_of(request)
    with state.stores.session() as s:
        found = follows(s)
        latest = alerts(s, limit=50)
    return page(request, "follows.html", follows=found, alerts=latest, feed_url=follow_feed_url,
                story_url=story_url, person_url=person_url, feed="/feeds/all.atom")  # fmt: skip


async def form_fields(request: Request) -> dict[str, str]:
    """A small urlencoded form, parsed without a multipart library."""
    body = await request.body()
    if len(body) > MAX_FORM:
        raise Problem(413, f"a form may hold at most {MAX_FORM} bytes")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items()}


def _back(target: str | None, default: str = "/follows") -> str:
    """Where a form sends the browser after a write: a path on this site only."""
    parts = urlsplit(target or "")
    if not target or parts.scheme or parts.netloc or not target.startswith("/"):
        return default
    return target


@router.post("/follows")
async def add_follow_form(request: Request) -> Response:
    state = state_of(request)
    require_writer(request, state.token, state.read_only)
    fields = await form_fields(request)
    kind, target = fields.get("kind", ""), fields.get("target", "").strip()
    if kind not in ("story", "person") or not target:
        raise Problem(422, "a follow needs a kind (story or person) and a target")

    def write() -> None:
        with state.stores.session() as s:
            follow(s, kind, target, state.config)

    await run_in_threadpool(write)
    return RedirectResponse(_back(fields.get("back")), status_code=303)


@router.post("/follows/{fid}/delete")
async def remove_follow_form(request: Request, fid: str) -> Response:
    state = state_of(request)
    require_writer(request, state.token, state.read_only)
    fields = await form_fields(request)

    def write() -> None:
        with state.stores.session() as s:
            remove_follow(s, fid)

    await run_in_threadpool(write)
    return RedirectResponse(_back(fields.get("back")), status_code=303)


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request, back: str = "/") -> Response:
    return page(request, "signin.html", back=_back(back, "/"), failed=False)


@router.post("/signin")
async def signin(request: Request) -> Response:
    state = state_of(request)
    fields = await form_fields(request)
    token, back = fields.get("token", ""), _back(fields.get("back"), "/")
    if not state.token or not hmac.compare_digest(token, state.token):
        html = render_page(request, "signin.html", back=back, failed=True)
        return html_response(html, 401 if state.token else 403)
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")  # fmt: skip
    return response


@router.post("/signout")
async def signout(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("/static/style.css")
def style() -> Response:
    return Response(stylesheet(), media_type="text/css",
                    headers={"Cache-Control": "public, max-age=3600"})  # fmt: skip
