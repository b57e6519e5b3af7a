"""The story list: every story with its outlets and dates, searched, filtered and paged.

Grouping 100,000 article rows into stories for each request would cost most of a second, so
the list is built once and kept until the store's articles change. The check is two indexed
queries (the last ingest number, the count of articles not yet in a story), cheap enough for
every request; a running ingest makes the list be rebuilt as it goes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Any

from crosswire.analyze.on_demand import analyse_speaker
from crosswire.dates import date_key, parse_date
from crosswire.store import Store
from crosswire.store.base import surname_key
from crosswire.store.snippets import START, STOP, search_words, snippets

# Articles a search ranks before their stories are gathered: more than any page shows.
SEARCH_DEPTH = 1000
# Searches whose stories a snapshot keeps, so that the next page of one costs no new search.
KEPT_SEARCHES = 64
PER_PAGE = 20
MAX_PER_PAGE = 100


@dataclass(slots=True)
class StoryEntry:
    """A story as the list shows it."""

    id: str
    title: str | None
    articles: list[str]
    outlets: list[str]
    unnamed: list[str]
    copies: int
    first_published: str | None
    last_published: str | None
    sort_key: str = ""
    thread: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "outlets": self.outlets,
            "unnamed_outlets": self.unnamed,
            "syndicated_copies": self.copies,
            "first_published": self.first_published,
            "last_published": self.last_published,
        }


@dataclass(slots=True)
class Snapshot:
    """The stories of one state of the store, newest first, and each article's story.

    ``last_seq`` is the newest article read and ``pending`` the articles read before they had
    a story: what a refresh reads again. ``id_of`` names the article of each seq, the key a
    search returns (the full-text index is keyed by it: looking ids up costs more than the
    search). ``searches`` keeps the stories of recent searches in this state of the store."""

    token: tuple[Any, ...]
    stories: list[StoryEntry]
    by_id: dict[str, StoryEntry]
    story_of: dict[str, str]
    outlets: list[str]
    last_seq: int = 0
    pending: set[str] = field(default_factory=set)
    id_of: dict[int, str] = field(default_factory=dict)
    searches: OrderedDict[tuple[str, ...], dict[str, str]] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def kept_search(self, words: tuple[str, ...]) -> dict[str, str] | None:
        with self.lock:
            found = self.searches.get(words)
            if found is not None:
                self.searches.move_to_end(words)
            return found

    def keep_search(self, words: tuple[str, ...], best: dict[str, str]) -> None:
        with self.lock:
            self.searches[words] = best
            while len(self.searches) > KEPT_SEARCHES:
                self.searches.popitem(last=False)


def _unnamed_label(source: str) -> str:
    base, _, record = source.partition("#")
    return (record or PurePath(base).name)[:40]


_ROWS = "SELECT story, id, outlet, title, published, duplicate_of, source, seq FROM articles "


def _entry(story_id: str, members: list[tuple[Any, ...]]) -> StoryEntry:
    """A story's list entry from its article rows (``_ROWS``)."""
    keyed = sorted(((date_key(m[4]), m) for m in members), key=lambda km: (*km[0], km[1][1]))
    members = [m for _, m in keyed]
    ids = {m[1] for m in members}
    # A copy of an article in the story is no outlet of its own.
    originals = [m for m in members if not (m[5] and m[5] in ids)]
    dated = [(k, m[4]) for k, m in keyed if m[4] and not k[0]]
    first = next((m for m in members if m[1] == story_id), members[0])
    last = dated[-1] if dated else None
    return StoryEntry(
        id=story_id,
        title=first[3] or next((m[3] for m in members if m[3]), None),
        articles=[m[1] for m in members],
        outlets=sorted({m[2] for m in members if m[2]}),
        unnamed=sorted({_unnamed_label(m[6]) for m in originals if not m[2]}),
        copies=len(members) - len(originals),
        first_published=dated[0][1] if dated else None,
        last_published=last[1] if last else None,
        sort_key=last[0][1] if last else "",
    )


def _snapshot(token: tuple[Any, ...], entries: list[StoryEntry], last_seq: int,
              pending: set[str], id_of: dict[int, str]) -> Snapshot:  # fmt: skip
    entries.sort(key=lambda s: (s.sort_key, s.id), reverse=True)
    return Snapshot(
        token=token,
        stories=entries,
        by_id={s.id: s for s in entries},
        story_of={a: s.id for s in entries for a in s.articles},
        outlets=sorted({o for s in entries for o in s.outlets}),
        last_seq=last_seq,
        pending=pending,
        id_of=id_of,
    )


def build_snapshot(store: Store, token: tuple[Any, ...]) -> Snapshot:
    """Every story, from one read of the article rows."""
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    pending: set[str] = set()
    id_of: dict[int, str] = {}
    last_seq = 0
    for row in store.query(_ROWS):
        last_seq = max(last_seq, row[7])
        id_of[row[7]] = row[1]
        if row[0] is None:
            pending.add(row[1])
        else:
            grouped.setdefault(row[0], []).append(row)
    entries = [_entry(story_id, members) for story_id, members in grouped.items()]
    return _snapshot(token, entries, last_seq, pending, id_of)


def refresh_snapshot(store: Store, old: Snapshot, token: tuple[Any, ...]) -> Snapshot:
    """The snapshot after an ingest: only the stories of the articles stored since, and of
    those that were waiting for a story, are read again (an ingest adds articles and gives
    them stories; it never moves an article that has one)."""
    rows = store.query(_ROWS + "WHERE seq > ?", (old.last_seq,))
    waiting = sorted(old.pending)
    for start in range(0, len(waiting), 500):
        chunk = waiting[start : start + 500]
        rows += store.query(_ROWS + f"WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
    touched = {r[0] for r in rows if r[0] is not None}
    pending = {r[1] for r in rows if r[0] is None}
    entries = [e for e in old.stories if e.id not in touched]
    for story_id in touched:
        entries.append(_entry(story_id, store.query(_ROWS + "WHERE story = ?", (story_id,))))
    last_seq = max([old.last_seq, *(r[7] for r in rows)])
    id_of = {**old.id_of, **{r[7]: r[1] for r in rows}}
    return _snapshot(token, entries, last_seq, pending, id_of)


class StoryIndex:
    """The current :class:`Snapshot`, brought up to date when the articles change."""

    def __init__(self) -> None:
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    @staticmethod
    def token(store: Store) -> tuple[Any, ...]:
        last = store.query("SELECT MAX(seq) FROM articles")[0][0]
        pending = store.query("SELECT COUNT(*) FROM articles WHERE story IS NULL")[0][0]
        return (last or 0, pending)

    def snapshot(self, store: Store) -> Snapshot:
        token = self.token(store)
        current = self._snapshot
        if current is not None and current.token == token:
            return current
        with self._lock:  # one rebuild at a time; the others wait for it
            current = self._snapshot
            if current is not None and current.token == token:
                return current
            if current is None or token[0] < current.last_seq:  # a new or another store
                current = build_snapshot(store, token)
            else:
                current = refresh_snapshot(store, current, token)
            self._snapshot = current
        return current


@dataclass(slots=True)
class Filters:
    """What the list is narrowed to; every field optional."""

    q: str = ""
    outlet: str = ""
    speaker: str = ""
    since: str = ""
    until: str = ""
    conflicts: bool = False

    def active(self) -> bool:
        return bool(self.q or self.outlet or self.speaker or self.since or self.until
                    or self.conflicts)  # fmt: skip


@dataclass(slots=True)
class Listing:
    """One page of the list."""

    items: list[StoryEntry]
    total: int
    page: int
    per_page: int
    snippets: dict[str, str] = field(default_factory=dict)
    counts: dict[str, dict[str, Any]] = field(default_factory=dict)
    unknown_conflicts: int = 0

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _day(value: str) -> datetime | None:
    return parse_date(value) if value else None


def _in_range(entry: StoryEntry, since: datetime | None, until: datetime | None) -> bool:
    """A story is in a date range when its span of dates meets it (undated stories never)."""
    first, last = parse_date(entry.first_published), parse_date(entry.last_published)
    if first is None or last is None:
        return False
    if since is not None and last < since:
        return False
    # `until` names a day: the whole of it is in the range.
    return not (until is not None and first.date() > until.date())


Counts = Callable[[Store, list[str]], dict[str, dict[str, Any]]]


def search_stories(store: Store, snap: Snapshot, words: list[str]) -> dict[str, str]:
    """Story -> its best matching article, best story first: the full-text matches, then the
    stories quoting someone of that name (someone quoted as "he" is named in the text once).
    Kept per snapshot, so paging through a search, or narrowing it, searches once."""
    key = tuple(words)
    kept = snap.kept_search(key)
    if kept is not None:
        return kept
    best: dict[str, str] = {}
    for seq in store.search_seqs(" ".join(words), limit=SEARCH_DEPTH):
        article_id = snap.id_of.get(seq)
        story = snap.story_of.get(article_id) if article_id else None
        if story is not None and story not in best:
            best[story] = article_id  # type: ignore[assignment]
    for word in words:
        for article_id in store.articles_quoting(word) if len(word) > 2 else []:
            story = snap.story_of.get(article_id)
            if story is not None:
                best.setdefault(story, article_id)
    snap.keep_search(key, best)
    return best


def list_stories(
    store: Store,
    index: StoryIndex,
    filters: Filters,
    counts_of: Counts,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Listing:
    """The stories matching ``filters``: newest first, or by relevance when searching, with
    the best matching article's snippet for each story on the page."""
    snap = index.snapshot(store)
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    best: dict[str, str] = {}  # story -> its best matching article
    if filters.q and search_words(filters.q):
        best = search_stories(store, snap, search_words(filters.q))
        entries = [snap.by_id[s] for s in best]
    elif filters.q:
        entries = []
    else:
        entries = snap.stories
    if filters.outlet:
        wanted = filters.outlet.casefold()
        entries = [e for e in entries
                   if any(wanted == o.casefold() for o in (*e.outlets, *e.unnamed))]  # fmt: skip
    if filters.speaker:
        made = analyse_speaker(store, filters.speaker)  # the unanalysed that may quote them
        wanted = surname_key(filters.speaker)
        quoting = {snap.story_of.get(a) for a in store.articles_quoting(filters.speaker)}
        quoting |= {snap.story_of.get(a) for a, analysis in made.items()
                    if any(surname_key(q.speaker or "") == wanted for q in analysis.quotes)}
        entries = [e for e in entries if e.id in quoting]
    since, until = _day(filters.since), _day(filters.until)
    if since is not None or until is not None:
        entries = [e for e in entries if _in_range(e, since, until)]
    unknown = 0
    if filters.conflicts:
        counts = counts_of(store, [e.id for e in entries])
        unknown = sum(1 for e in entries if e.id not in counts and len(e.articles) > 1)
        entries = [
            e for e in entries
            if e.id in counts and (counts[e.id]["discrepancies"] or counts[e.id]["conflicting"])
        ]  # fmt: skip
    total = len(entries)
    page = max(1, page)
    shown = entries[(page - 1) * per_page : page * per_page]
    listing = Listing(shown, total, page, per_page, unknown_conflicts=unknown)
    listing.counts = counts_of(store, [e.id for e in shown])
    if best and shown:
        found = snippets(store, filters.q, [best[e.id] for e in shown if e.id in best])
        listing.snippets = {e.id: found[best[e.id]] for e in shown if best.get(e.id) in found}
    return listing


def highlighted(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as runs of text, each flagged when it is a matched word."""
    parts = snippet.replace(STOP, START).split(START)
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


def plain_snippet(snippet: str) -> dict[str, Any]:
    """A snippet for JSON: its text, and the [start, end) of each matched word in it."""
    text, spans, at = [], [], 0
    for part, hit in highlighted(snippet):
        if hit:
            spans.append([at, at + len(part)])
        text.append(part)
        at += len(part)
    return {"text": "".join(text), "highlights": spans}


@dataclass(slots=True)
class ArticleHits:
    items: list[dict[str, Any]]
    total: int
    page: int
    per_page: int


def search_articles(store: Store, index: StoryIndex, q: str, page: int = 1,
                    per_page: int = PER_PAGE) -> ArticleHits:  # fmt: skip
    """Articles matching ``q``, best first, with their stories and snippets."""
    words = search_words(q)
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    if not words:
        return ArticleHits([], 0, page, per_page)
    snap = index.snapshot(store)
    found_seqs = store.search_seqs(" ".join(words), limit=SEARCH_DEPTH)
    ids = [snap.id_of[seq] for seq in found_seqs if seq in snap.id_of]
    shown = ids[(page - 1) * per_page : page * per_page]
    found = snippets(store, q, shown)
    items = []
    for article in store.iter_articles(shown):
        items.append({
            "article": article.id, "story": snap.story_of.get(article.id),
            "title": article.title, "outlet": article.outlet, "published": article.published,
            "snippet": plain_snippet(found[article.id]) if article.id in found else None,
        })  # fmt: skip
    return ArticleHits(items, len(ids), page, per_page)
