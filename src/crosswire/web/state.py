"""What every route of one app shares: its settings, its stores, its caches."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from crosswire.config import Config
from crosswire.web.activity import Activity
from crosswire.web.comparisons import Comparisons
from crosswire.web.listing import Filters, Listing, StoryIndex, list_stories
from crosswire.web.stores import Stores

# Seconds a list page may spend comparing stories never compared before; the rest are
# compared in the background and their coverage bars show on a later view. None by default:
# a page of twenty new stories would otherwise cost seconds.
COMPARE_BUDGET_S = 0.0


@dataclass(slots=True)
class WebState:
    config: Config
    stores: Stores
    token: str | None
    read_only: bool
    uploads: Path
    compare_budget_s: float = COMPARE_BUDGET_S
    index: StoryIndex = field(default_factory=StoryIndex)
    activity: Activity = field(default_factory=Activity)
    comparisons: Comparisons = field(init=False)
    # One ingest at a time: each runs the whole pipeline over the store.
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.comparisons = Comparisons(self.config, self.stores, activity=self.activity)

    def stories(self, filters: Filters, page: int, per_page: int) -> Listing:
        """One page of the story list; stories on it never compared are compared first,
        within the time budget, so that their coverage bars show."""
        with self.stores.session() as s:
            listing = list_stories(s, self.index, filters, self.comparisons.counts, page,
                                   per_page)  # fmt: skip
            ids = [e.id for e in listing.items]
            if self.comparisons.fill(s, ids, self.compare_budget_s):
                listing.counts = self.comparisons.counts(s, ids)
        return listing

    @property
    def writable(self) -> bool:
        return bool(self.token) and not self.read_only


def state_of(request: Request) -> WebState:
    return request.app.state.crosswire  # type: ignore[no-any-return]
