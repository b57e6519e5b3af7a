"""A person across stories: every quote, and where outlets word one remark differently."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crosswire import api
from crosswire.report.page import ComparedQuote, side_by_side
from crosswire.report.view import ReportView
from crosswire.store import Store
from crosswire.web.listing import Snapshot, StoryEntry
from crosswire.web.state import WebState

STORIES_PER_PAGE = 10


@dataclass(slots=True)
class PersonStory:
    """One story in which the person is quoted."""

    entry: StoryEntry | None
    story_id: str
    quotes: list[dict[str, Any]]
    view: ReportView | None = None
    differing: list[ComparedQuote] = field(default_factory=list)


@dataclass(slots=True)
class Person:
    name: str
    quotes: int
    stories: list[PersonStory]
    page: int
    pages: int
    outlets: list[str]


def person(store: Store, state: WebState, snap: Snapshot, name: str, page: int = 1) -> Person:
    """What ``name`` is quoted as saying, by story, newest first; in stories where several
    articles quote them, the remarks two outlets carry side by side."""
    from crosswire.analyze.actors import same_actor  # spaCy's types: loaded on use

    rows = api.quotes_of_speaker(store, name, state.config)
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_story.setdefault(row["story"] or row["article"], []).append(row)
    order = list(by_story)
    pages = max(1, -(-len(order) // STORIES_PER_PAGE))
    page = max(1, min(page, pages))
    shown = order[(page - 1) * STORIES_PER_PAGE : page * STORIES_PER_PAGE]
    stories = []
    for story_id in shown:
        quotes = by_story[story_id]
        item = PersonStory(snap.by_id.get(story_id), story_id, quotes)
        if len({q["article"] for q in quotes}) > 1 and story_id in snap.by_id:
            story, articles, comparison = state.comparisons.get(store, story_id)
            item.view = ReportView(story, articles, comparison)
            item.differing = [
                side_by_side(item.view, g)
                for g in item.view.compared_quotes()
                if g.speaker and same_actor(g.speaker, name)
            ]
        stories.append(item)
    outlets = sorted({r["outlet"] for r in rows if r["outlet"]})
    return Person(name, len(rows), stories, page, pages, outlets)
