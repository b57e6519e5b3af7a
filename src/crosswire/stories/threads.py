"""Threads: stories on one running topic (a withdrawal, a trial, a season of rulings).

A story is one incident; the reader following a topic wants the incidents before and after
it. Two stories are linked when their vocabularies (the centroids of their members' word
vectors) are close, however far apart in time, up to ``THREAD_DAYS``; a thread is what those
links connect. The topic threshold comes with the pair model (``story_model.json``), chosen on
ECB+ train, whose topics each hold two incidents of one kind: the two stories of a topic are a
thread, stories of different topics are not.

A fragment (a story of one or two reports, often a report of a larger story that the pair
model kept apart, or an opinion piece on it) rarely shares its story's vocabulary as a whole,
so it is also linked to the story of its most likely candidate report, when that pair's
probability reaches the model's ``fragment_threshold`` (chosen on ECB+ train as well). One
link, to its best story only: a fragment joins a thread, it does not chain two together.
The links of a fragment are its own to decide: a larger story relinked adds links to it but
never drops one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from crosswire.stories.similarity import cosine

if TYPE_CHECKING:  # group.py calls this module: no import of it at run time
    from crosswire.stories.group import _Batch

# How far apart in time two stories of one thread may lie: a season of rulings, a long trial.
THREAD_DAYS = 120
# Members of a story its topic is read from.
TOPIC_MEMBERS = 10
# Stories a story's topic is compared with, those sharing most of its keys first. Each costs
# a centroid of up to ten members' vectors, so this bounds the work per story however many
# stories the window holds (an archive ingested in no order fills every window of it); a
# thread is what the links connect, so a running topic stays one thread through each of its
# stories' nearest.
MAX_NEIGHBOURS = 10
# Retrieval keys a story reaches other stories by: as many as one article has.
TOPIC_KEYS = 24
# Holders of one topic key read on each side in time (and as many undated): half of the
# ``MAX_NEIGHBOURS`` stories compared on either side, each holder possibly another story.
# Reading every holder within ``THREAD_DAYS`` grew with the archive's density (a year
# ingested in no order fills all of them: 20 rows per article into an empty store, 218 at
# 10,000 over 60 days); a thread is what the links connect, so a story needs its nearest
# incidents of the topic, and those reach the ones beyond.
KEY_HOLDERS = MAX_NEIGHBOURS // 2
# Stories listed for one thread, newest first: enough for a timeline, bounded for a long topic.
MAX_THREAD = 200
# Members a story may hold and still be a fragment, linked to its most likely story.
FRAGMENT_MEMBERS = 2


def centroid(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    """The normalised sum of word vectors: what a story's reports talk about together."""
    total: dict[str, float] = {}
    for vector in vectors:
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in total.values()))
    return {t: w / norm for t, w in total.items()} if norm else {}


def topic_similarity(first: dict[str, float], second: dict[str, float]) -> float:
    return cosine(first, second)


def read_topic(batch: _Batch, members: list[str]) -> dict[str, float]:
    """The topic of the story whose members (oldest first) are ``members``: the centroid of
    its newest ``TOPIC_MEMBERS``' word vectors, which describe it now."""
    newest = members[-TOPIC_MEMBERS:]
    batch.load_features(newest)
    return centroid(v for m in newest if (v := batch.word_vector(m)) is not None)


def likeliest_story(
    batch: _Batch, story: str, members: list[str], threshold: float
) -> tuple[str, float] | None:
    """The other story holding the fragment's most likely candidate report, with that pair's
    probability, when it reaches ``threshold`` (ties by story id). The new reports' candidates
    were scored when they were grouped, so this mostly reads the batch's scores."""
    ranked: list[tuple[float, str]] = []
    for member in members:
        found = batch.candidates(member)
        batch.load_features(found)
        batch.load_near([member, *found])
        likely = {c: p for c in found if (p := batch.probability(member, c)) >= threshold}
        ranked.extend(
            (-likely[candidate], other)
            for candidate, other in batch.store.story_by_article(likely).items()
            if other != story
        )
    if not ranked:
        return None
    probability, other = min(ranked)
    return other, -probability


def topic_keys(held: Mapping[str, int], limit: int = TOPIC_KEYS) -> list[str]:
    """The retrieval keys most of a story's members hold (``held``: key -> members): what
    the story is about, rather than any one report's asides."""
    return sorted(held, key=lambda k: (-held[k], k))[:limit]


def relinked(
    before: Mapping[str, str | None], after: Mapping[str, str], aliases: Iterable[str] = ()
) -> set[str]:
    """The stories of a regrouping whose thread links are read again (``before`` and
    ``after``: each article of the neighbourhood's story before and after it; ``aliases``:
    stories merged away): those formed, merged, split or emptied, and those whose members
    reached the next power of two. A thread is a topic-level judgement, and one report more
    moves the centroid of several by little, so a story is relinked a logarithmic number of
    times as it grows, while every new story still links itself to its neighbours (and they
    to it: links are written both ways).

    Examples:
        >>> sorted(relinked({"a": "s", "b": "s", "c": None}, {"a": "s", "b": "s", "c": "s"}))
        []
        >>> sorted(relinked({"a": "s", "b": None}, {"a": "s", "b": "s"}))
        ['s']
    """
    held: dict[str, set[str]] = {}
    for article, story in before.items():
        if story is not None:
            held.setdefault(story, set()).add(article)
    now: dict[str, set[str]] = {}
    for article, story in after.items():
        now.setdefault(story, set()).add(article)
    out = set(aliases)
    out.update(s for s, members in held.items() if not members <= now.get(s, set()))
    for story, members in now.items():
        old = held.get(story, set())
        took = any(before.get(a) is not None for a in members - old)  # another story's
        if took or len(old).bit_length() < len(members).bit_length():  # new, or past 2**k
            out.add(story)
    return out


def link_threads(batch: _Batch, stories: Iterable[str]) -> None:
    """Recompute the thread links of ``stories`` (those :func:`relinked` picks from a
    regrouping) against the stories their members' keys reach within ``THREAD_DAYS`` of the
    newest member: one retrieval per story over the keys most of its members hold, the
    stories reached ranked by how many keys of theirs they share."""
    store, threshold = batch.store, batch.model.thread_threshold
    held: dict[str, list[str]] = {}
    topics: dict[str, dict[str, float]] = {}

    def members_of(story: str) -> list[str]:
        if story not in held:
            held[story] = store.story_article_ids(story)
        return held[story]

    def topic(story: str) -> dict[str, float]:
        if story not in topics:
            topics[story] = read_topic(batch, members_of(story))
        return topics[story]

    for story in sorted(set(stories)):
        members = members_of(story)[-TOPIC_MEMBERS:]
        fragment = 0 < len(members) <= FRAGMENT_MEMBERS
        links: dict[str, float] = {}
        compared: list[str] | None = None  # none: emptied or merged away, every link goes
        batch.load_features(members)
        indexed = [f for m in members if (f := batch.get_features(m)) is not None]
        if indexed:
            newest = next((f.published for f in reversed(indexed) if f.published), None)
            keys = topic_keys(store.story_keys_of(members))
            shared = store.articles_nearest_with_keys(
                keys, members[-1], newest, THREAD_DAYS, KEY_HOLDERS
            )
            reached: dict[str, int] = {}
            for article_id, other in store.story_by_article(shared).items():
                if other != story:
                    reached[other] = reached.get(other, 0) + shared[article_id]
            nearest = sorted(reached, key=lambda s: (-reached[s], s))[:MAX_NEIGHBOURS]
            for other in nearest:
                score = topic_similarity(topic(story), topic(other))
                if score >= threshold:
                    links[other] = score
            # A fragment's links are decided from its side (its likeliest story among them).
            compared = [o for o in nearest if fragment or len(members_of(o)) > FRAGMENT_MEMBERS]
            if fragment and (likeliest := likeliest_story(
                batch, story, members, batch.model.fragment_threshold
            )):  # fmt: skip
                other, probability = likeliest
                links[other] = max(links.get(other, 0.0), probability)
                compared.append(other)
        store.replace_thread_links(story, links, compared)
