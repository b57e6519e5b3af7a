"""Atom feeds of alerts: one per follow, and one for all follows."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from crosswire.store.follows import alerts, get_follow
from crosswire.templates import render
from crosswire.web.errors import Problem
from crosswire.web.state import state_of

router = APIRouter(prefix="/feeds", tags=["feeds"])
ATOM = "application/atom+xml"
ENTRIES = 100


def _feed(request: Request, feed_id: str, title: str, created: str, follow: str | None) -> Response:
    state = state_of(request)
    with state.stores.session() as s:
        found = alerts(s, follow, limit=ENTRIES)
    base = str(request.base_url).rstrip("/")
    updated = found[0].created if found else created
    xml = render("feed.atom", feed_id=feed_id, title=title, alerts=found, base=base,
                 self_url=str(request.url), updated=updated)  # fmt: skip
    return Response(xml, media_type=ATOM)


@router.get("/all.atom", response_class=Response, responses={200: {"content": {ATOM: {}}}})
def all_alerts(request: Request) -> Response:
    """Every follow's alerts, newest first."""
    return _feed(request, "all", "crosswire: everything followed", "1970-01-01T00:00:00+00:00",
                 None)  # fmt: skip


@router.get("/{follow_id}.atom", response_class=Response,
            responses={200: {"content": {ATOM: {}}}})  # fmt: skip
def follow_alerts(request: Request, follow_id: str) -> Response:
    """One follow's alerts, newest first."""
    state = state_of(request)
    with state.stores.session() as s:
        found = get_follow(s, follow_id)
    if found is None:
        raise Problem(404, f"no follow {follow_id!r}")
    what = f"story “{found.label or found.target}”" if found.kind == "story" else found.target
    return _feed(request, found.id, f"crosswire: {what}", found.created, found.id)
