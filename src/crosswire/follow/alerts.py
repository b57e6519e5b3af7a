"""Turn what changed in followed stories and people into alerts.

An item is anything an analyst following a story wants to hear about when it first appears:
an outlet carrying the story, a conflict between outlets, a quote. Each has a stable key; an
update takes the keys there now, keeps those the follow has not seen, and writes one alert per
kind ("2 new quotes ..."), so that a burst of articles is a few feed entries, not dozens.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from crosswire.config import Config
from crosswire.errors import NotFound
from crosswire.records import Discrepancy
from crosswire.report.coverage import columns
from crosswire.report.view import ReportView, quoted
from crosswire.store import Store
from crosswire.store.follows import (
    Alert,
    Follow,
    add_alert,
    add_follow,
    follows,
    mark_seen,
    seen_items,
)
from crosswire.store.lookup import resolve_story

# Marks a follow whose baseline was taken: what existed when it was followed is no news.
BASELINE = "baseline"
# Items named in one alert's summary; the rest are counted.
SHOWN = 5
KIND_TITLES = {"outlet": "new outlet", "conflict": "new conflict", "quote": "new quote"}


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    kind: str
    text: str


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _conflict_key(d: Discrepancy) -> str:
    sides = sorted((s.article, s.start, s.end) for s in d.sides)
    digest = hashlib.blake2b(repr((d.kind, sides)).encode(), digest_size=8).hexdigest()
    return f"conflict:{digest}"


def story_items(store: Store, story_id: str, config: Config | None) -> tuple[str, list[Item]]:
    """The story's title and its outlets, conflicts and quotes as items."""
    from crosswire import api  # the comparison needs the compare package: loaded on use

    story, articles, comparison = api.cached_comparison(store, story_id, config)
    view = ReportView(story, articles, comparison)
    items = [Item(f"outlet:{c.label}", "outlet", c.label) for c in columns(view)]
    items += [Item(_conflict_key(d), "conflict", f"{d.kind}: {d.summary}") for d in
              comparison.discrepancies]  # fmt: skip
    for group in comparison.quotes:
        for v in group.variants:
            who = group.speaker or "unattributed"
            items.append(
                Item(f"quote:{v.article}:{v.start}:{v.end}", "quote",
                     f"{who} ({view.label(v.article)}): {quoted(v.text)}")
            )  # fmt: skip
    return story.title or story.id, items


def person_items(store: Store, name: str) -> list[Item]:
    """Everything ``name`` is quoted as saying, as items."""
    from crosswire import api

    return [
        Item(f"quote:{q['article']}:{q['start']}:{q['end']}", "quote",
             f"{q['outlet'] or q['article'][:8]}: {quoted(q['text'])}")
        for q in api.quotes_of_speaker(store, name)
    ]  # fmt: skip


def _alerts_for(follow: Follow, title: str, new: list[Item], link: str, now: str) -> list[Alert]:
    out = []
    for kind, label in KIND_TITLES.items():
        found = [i for i in new if i.kind == kind]
        if not found:
            continue
        count = f"{len(found)} {label}s" if len(found) > 1 else label.capitalize()
        lines = [i.text for i in found[:SHOWN]]
        if len(found) > SHOWN:
            lines.append(f"and {len(found) - SHOWN} more")
        digest = hashlib.blake2b(
            repr((follow.id, kind, sorted(i.key for i in found))).encode(), digest_size=10
        ).hexdigest()
        out.append(
            Alert(
                id=digest,
                follow=follow.id,
                kind=kind,
                story=follow.target if follow.kind == "story" else None,
                title=f"{count[0].upper()}{count[1:]} in “{title}”",
                summary="\n".join(lines),
                link=link,
                created=now,
            )
        )
    return out


def update_follow(store: Store, follow: Follow, config: Config | None = None,
                  now: str | None = None) -> list[Alert]:  # fmt: skip
    """Bring one follow up to date; the alerts written (none on its first update)."""
    now = now or now_iso()
    if follow.kind == "story":
        try:
            title, items = story_items(store, follow.target, config)
        except NotFound:  # the story is gone (a store rebuilt): nothing to say
            return []
        link = f"/stories/{quote(follow.target, safe='')}"
    else:
        title, items = follow.target, person_items(store, follow.target)
        link = f"/people/{quote(follow.target, safe='')}"
    seen = seen_items(store, follow.id)
    new = [i for i in dict.fromkeys(items) if i.key not in seen]
    written: list[Alert] = []
    with store.transaction():
        if BASELINE in seen:
            written = _alerts_for(follow, title, new, link, now)
            for alert in written:
                add_alert(store, alert)
        mark_seen(store, follow.id, [i.key for i in new] + [BASELINE])
    return written


def update_alerts(store: Store, config: Config | None = None,
                  only: Iterable[str] | None = None) -> list[Alert]:  # fmt: skip
    """Bring every follow (or those with ids in ``only``) up to date: what ``crosswire watch``
    runs after each round and the server after each write."""
    wanted = set(only) if only is not None else None
    written: list[Alert] = []
    for f in follows(store):
        if wanted is None or f.id in wanted:
            written += update_follow(store, f, config)
    return written


def follow(store: Store, kind: str, target: str, config: Config | None = None) -> Follow:
    """Follow a story (by id) or a person (by name) and take its baseline."""
    label = None
    if kind == "story":
        story = store.get_story(resolve_story(store, target))
        assert story is not None
        target, label = story.id, story.title
    found = add_follow(store, kind, target, label, now_iso())
    update_follow(store, found, config)
    return found
