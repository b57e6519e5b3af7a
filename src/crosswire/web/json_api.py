"""The JSON API: the same stories, articles and people as the pages, for programs.

``/api/stories/{id}`` is the report JSON of ``docs/formats.md``; lists are pages of
``{items, total, page, per_page, pages, next}``. Errors are problem details (``errors.py``).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from crosswire import api
from crosswire.analyze.on_demand import analysis_of
from crosswire.follow import follow
from crosswire.report import report_dict
from crosswire.store.follows import alerts, follows, remove_follow
from crosswire.store.lookup import resolve_article, resolve_story
from crosswire.web.auth import require_writer
from crosswire.web.errors import Problem
from crosswire.web.listing import (
    MAX_PER_PAGE,
    PER_PAGE,
    Filters,
    plain_snippet,
    search_articles,
)
from crosswire.web.people import person
from crosswire.web.state import state_of

router = APIRouter(prefix="/api")
# Each route names its one group in the API docs (a router-wide tag would add "read" to the
# writes too, listing them twice).
READ = ["read"]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="items per page")]
Page = Annotated[int, Query(ge=1, description="page number, from 1")]


def _page(request: Request, items: list[Any], total: int, page: int, per_page: int
          ) -> dict[str, Any]:  # fmt: skip
    pages = max(1, -(-total // per_page))
    following = str(request.url.include_query_params(page=page + 1)) if page < pages else None
    return {"items": items, "total": total, "page": page, "per_page": per_page, "pages": pages,
            "next": following}  # fmt: skip


@router.get("/stories", tags=READ)
def list_stories_api(
    request: Request,
    q: Annotated[str, Query(description="full-text search: titles, text, quotes, speakers")] = "",
    outlet: Annotated[str, Query(description="an outlet's name, or an unnamed one's file")] = "",
    speaker: Annotated[str, Query(description="a quoted person's name or surname")] = "",
    since: Annotated[str, Query(alias="from", description="first day, YYYY-MM-DD")] = "",
    until: Annotated[str, Query(alias="to", description="last day, YYYY-MM-DD")] = "",
    conflicts: Annotated[bool, Query(description="only stories with a conflict")] = False,
    page: Page = 1,
    per_page: PerPage = PER_PAGE,
) -> dict[str, Any]:
    """Stories, newest first (best match first with ``q``), each with its outlets named and
    unnamed, dates, coverage counts once compared, and a highlighted snippet when searched."""
    state = state_of(request)
    filters = Filters(q=q, outlet=outlet, speaker=speaker, since=since, until=until,
                      conflicts=conflicts)  # fmt: skip
    listing = state.stories(filters, page, per_page)
    items = [
        {**e.as_dict(), "coverage": listing.counts.get(e.id),
         "snippet": plain_snippet(listing.snippets[e.id]) if e.id in listing.snippets else None}
        for e in listing.items
    ]  # fmt: skip
    return _page(request, items, listing.total, listing.page, listing.per_page)


@router.get("/stories/{story_id}", tags=READ)
def story_report(request: Request, story_id: str) -> dict[str, Any]:
    """The story report in the JSON contract of ``crosswire report --format json``; an id
    prefix shared by several stories is a 409 listing them (``matches``)."""
    state = state_of(request)
    with state.stores.session() as s:
        return report_dict(*state.comparisons.get(s, resolve_story(s, story_id)))


@router.get("/articles/{article_id}", tags=READ)
def article(request: Request, article_id: str) -> dict[str, Any]:
    """One article with its clean text and what was extracted (as ``show --json``), the lines
    removed as boilerplate and the copies of it."""
    state = state_of(request)
    with state.stores.session() as s:
        found = s.get_article(resolve_article(s, article_id))
        if found is None:
            raise Problem(404, f"no article {article_id!r}")
        record = api.article_record(found, analysis_of(s, found.id, state.config))
        copies = s.query("SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", (found.id,))
    return {**record, "removed": found.removed, "copies": [r[0] for r in copies]}


@router.get("/people/{name}", tags=READ)
def person_api(request: Request, name: str, page: Page = 1) -> dict[str, Any]:
    """What one person is quoted as saying, by story (ten stories a page), and where two
    outlets' wordings of one remark differ."""
    state = state_of(request)
    with state.stores.session() as s:
        found = person(s, state, state.index.snapshot(s), name, page)
    stories = [
        {
            "story": item.story_id,
            "title": item.entry.title if item.entry else None,
            "quotes": item.quotes,
            "differing": [
                {"speaker": q.group.speaker, "status": q.group.status,
                 "variants": [{**c.passage.as_dict(), "outlet": c.label,
                               "differs": [s.text for s in c.segments if s.differs]}
                              for c in q.columns]}
                for q in item.differing
            ],
        }
        for item in found.stories
    ]  # fmt: skip
    return {"name": found.name, "quotes": found.quotes, "outlets": found.outlets,
            "page": found.page, "pages": found.pages, "stories": stories}  # fmt: skip


@router.get("/search", tags=READ)
def search(request: Request, q: Annotated[str, Query(description="words to find")],
           page: Page = 1, per_page: PerPage = PER_PAGE) -> dict[str, Any]:  # fmt: skip
    """Articles matching ``q``, best first, each with its story and a snippet (``highlights``
    are [start, end) offsets of the matched words in the snippet's text)."""
    state = state_of(request)
    with state.stores.session() as s:
        hits = search_articles(s, state.index, q, page, per_page)
    return _page(request, hits.items, hits.total, hits.page, hits.per_page)


@router.get("/quotes", tags=READ)
def quotes(request: Request, speaker: Annotated[str, Query(min_length=2)]) -> list[dict]:
    """What a person said across stories (every quote, newest first)."""
    with state_of(request).stores.session() as s:
        return api.quotes_of_speaker(s, speaker)


@router.get("/errors", tags=READ)
def errors(request: Request) -> list[dict[str, Any]]:
    """Inputs that could not be ingested, with their error codes."""
    with state_of(request).stores.session() as s:
        return [e.as_dict() for e in s.errors()]


@router.get("/follows", tags=READ)
def follows_api(request: Request) -> list[dict[str, Any]]:
    """What is followed, with each follow's feed."""
    with state_of(request).stores.session() as s:
        found = follows(s)
    return [{"id": f.id, "kind": f.kind, "target": f.target, "label": f.label,
             "created": f.created, "feed": f"/feeds/{f.id}.atom"} for f in found]  # fmt: skip


@router.post("/follows", status_code=201, tags=["writes"])
async def add_follow_api(request: Request) -> dict[str, Any]:
    """Follow ``{"kind": "story" | "person", "target": ID or NAME}`` (needs the token)."""
    state = state_of(request)
    require_writer(request, state.token, state.read_only)
    try:
        body = await request.json()
        kind, target = str(body["kind"]), str(body["target"]).strip()
    except Exception as exc:
        raise Problem(422, 'send {"kind": "story" or "person", "target": ...}') from exc
    if kind not in ("story", "person") or not target:
        raise Problem(422, 'send {"kind": "story" or "person", "target": ...}')

    def write() -> dict[str, Any]:
        with state.stores.session() as s:
            found = follow(s, kind, target, state.config)
        return {"id": found.id, "kind": found.kind, "target": found.target,
                "feed": f"/feeds/{found.id}.atom"}  # fmt: skip

    return await run_in_threadpool(write)


@router.delete("/follows/{follow_id}", status_code=204, tags=["writes"])
def remove_follow_api(request: Request, follow_id: str) -> None:
    """Stop following (needs the token)."""
    state = state_of(request)
    require_writer(request, state.token, state.read_only)
    with state.stores.session() as s:
        if not remove_follow(s, follow_id):
            raise Problem(404, f"no follow {follow_id!r}")


@router.get("/alerts", tags=READ)
def alerts_api(
    request: Request, follow_id: Annotated[str | None, Query(alias="follow")] = None
) -> list[dict[str, Any]]:
    """The newest alerts, of one follow or of all."""
    with state_of(request).stores.session() as s:
        return [asdict(a) for a in alerts(s, follow_id)]
