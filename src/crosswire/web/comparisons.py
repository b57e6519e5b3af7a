"""Story comparisons for pages: the store's cache, with the latest few also kept in memory.

The store keeps every comparison with the signature of the story it was made of
(``store/comparisons.py``); here the most recent are also held as objects, with the rendered
body of their story page, so a popular story costs one signature query per view instead of
decoding its comparison and rendering its fifty articles' items again.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from crosswire import api
from crosswire.analyze.on_demand import analyses_of
from crosswire.config import Config
from crosswire.records import Article, Comparison, Story
from crosswire.store import Store
from crosswire.store.comparisons import coverage_counts, known_counts, story_signature
from crosswire.web.activity import Activity
from crosswire.web.stores import Stores

Compared = tuple[Story, list[Article], Comparison]
KEPT = 32
log = logging.getLogger("crosswire.web")


class Comparisons:
    def __init__(self, config: Config, stores: Stores | None = None, kept: int = KEPT,
                 activity: Activity | None = None) -> None:  # fmt: skip
        self.config = config
        self.stores = stores
        self.activity = activity
        self.kept = kept
        self._pending: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._queued: set[str] = set()
        self._worker: threading.Thread | None = None
        self._recent: OrderedDict[tuple[str, str], Compared] = OrderedDict()
        # Coverage counts of what this process compared: all a read-only store remembers.
        self._counts: dict[str, dict[str, int]] = {}
        self._bodies: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def _entry(self, store: Store, story_id: str) -> tuple[tuple[str, str], Compared]:
        # Analysed first, so that the key holds the analyses the comparison will be made of.
        analyses_of(store, store.story_article_ids(story_id), self.config)
        signature = story_signature(store, story_id, self.config.story_embedder or "")
        # A story page also lists the story's thread, which the grouping may relink while
        # the story's own articles stay the same: a new thread is a new page.
        story = store.get_story(story_id)
        thread = getattr(story, "thread", None) or ()
        key = (story_id, f"{signature}:{','.join(map(str, thread))}" if thread else signature)
        with self._lock:
            found = self._recent.get(key)
            if found is not None:
                self._recent.move_to_end(key)
                return key, found
        found = api.cached_comparison(store, story_id, self.config)
        with self._lock:
            self._recent[key] = found
            self._counts[story_id] = coverage_counts(found[2])
            while len(self._recent) > self.kept:
                evicted, _ = self._recent.popitem(last=False)
                self._bodies.pop(evicted, None)
        return key, found

    def get(self, store: Store, story_id: str) -> Compared:
        """The comparison of one story (an exact id) as it is now."""
        return self._entry(store, story_id)[1]

    def rendered(self, store: Store, story_id: str, render: Callable[[Compared], str]
                 ) -> tuple[Compared, str]:  # fmt: skip
        """The comparison and ``render`` of it, made once per state of the story: the body of
        a story page is the same for every reader, and rendering fifty articles' worth of
        items costs more than everything else a warm request does."""
        key, found = self._entry(store, story_id)
        with self._lock:
            body = self._bodies.get(key)
        if body is None:
            body = render(found)
            with self._lock:
                if key in self._recent:
                    self._bodies[key] = body
        return found, body

    def counts(self, store: Store, story_ids: list[str]) -> dict[str, dict[str, int]]:
        """Coverage counts of the stories compared before, in the store or in this process."""
        found = known_counts(store, story_ids)
        with self._lock:
            found.update((s, self._counts[s]) for s in story_ids if s in self._counts)
        return found

    def fill(self, store: Store, story_ids: list[str], budget_s: float) -> int:
        """Compare those of ``story_ids`` never compared, for at most ``budget_s`` seconds;
        the rest are compared in the background (when the app gave its stores), so that a
        list page is answered at once and shows their coverage on the next view. Returns how
        many were compared here."""
        known = self.counts(store, story_ids)
        started = time.monotonic()
        done = 0
        later = []
        for story_id in story_ids:
            if story_id in known:
                continue
            if time.monotonic() - started >= budget_s:
                later.append(story_id)
                continue
            self.get(store, story_id)
            done += 1
        if later and self.stores is not None:
            self._enqueue(later)
        return done

    def waiting(self) -> int:
        """Stories queued for the background comparer."""
        with self._lock:
            return len(self._queued)

    def _enqueue(self, story_ids: list[str]) -> None:
        with self._lock:
            fresh = [s for s in story_ids if s not in self._queued]
            self._queued.update(fresh)
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="comparer", daemon=True)
                self._worker.start()
        for story_id in fresh:
            self._pending.put(story_id)

    def _work(self) -> None:
        """One thread, with its own store, comparing what list pages found uncompared."""
        assert self.stores is not None
        while True:
            story_id = self._pending.get()
            if self.activity is not None:  # pages first: this waits until none is asked for
                self.activity.wait_idle()
            try:
                with self.stores.session() as store:
                    self.get(store, story_id)
            except Exception:  # a story gone or a store busy: it is compared on its page
                log.warning("comparing story %s in the background failed", story_id,
                            exc_info=True)  # fmt: skip
            finally:
                with self._lock:
                    self._queued.discard(story_id)
