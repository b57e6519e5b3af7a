"""Story ids that stay put while stories merge and split.

Readers follow, link and cite stories by id, so regrouping must not rename what it did not
change. Each earlier story belongs to the new cluster holding most of its members; a cluster
takes the oldest of the stories it owns, and the others it absorbed become aliases that
resolve to it. A cluster owning none (new articles, or the part split off a story) takes the
id of its first report, the way every story began.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from crosswire.store.base import Store


def _in_use(store: Store, story: str) -> bool:
    if store.query("SELECT 1 FROM articles WHERE story = ? LIMIT 1", (story,)):
        return True
    return store.story_alias(story) is not None


def name_clusters(
    store: Store, clusters: Sequence[Sequence[str]], before: Mapping[str, str | None]
) -> tuple[dict[str, str], dict[str, str]]:
    """Each article's story id, and the ids merged away (alias -> story).

    ``clusters`` hold article ids oldest first; ``before`` is each article's story before the
    regrouping (None for a new one). The oldest story is the one whose first report (its id)
    came first among the clusters' articles, else the smaller id.
    """
    rank = {a: (i, j) for i, cluster in enumerate(clusters) for j, a in enumerate(cluster)}
    counts = [Counter(before[a] for a in cluster if before.get(a)) for cluster in clusters]
    owner: dict[str, int] = {}
    for story in sorted({s for c in counts for s in c}):
        owner[story] = min(range(len(clusters)), key=lambda i: (-counts[i][story], i))

    def age(story: str) -> tuple[int, tuple[int, int], str]:
        return (0, rank[story], story) if story in rank else (1, (0, 0), story)

    owned: dict[int, list[str]] = {}
    for story, index in owner.items():
        owned.setdefault(index, []).append(story)
    names: dict[int, str] = {}
    aliases: dict[str, str] = {}
    for index, stories in owned.items():
        keep, *merged = sorted(stories, key=age)
        names[index] = keep
        aliases.update({story: keep for story in merged})
    taken = set(names.values())
    for index, cluster in enumerate(clusters):
        if index in names:
            continue
        name = next(
            (a for a in cluster if a not in taken and a not in aliases and not _in_use(store, a)),
            None,
        )
        if name is None:
            name = _fresh(store, cluster[0], taken)
        names[index] = name
        taken.add(name)
    stories = {a: names[i] for i, cluster in enumerate(clusters) for a in cluster}
    return stories, aliases


def _fresh(store: Store, base: str, taken: set[str]) -> str:
    """``base`` with the first free suffix: a split-off part whose articles all gave their
    ids to stories already."""
    n = 2
    while f"{base}~{n}" in taken or _in_use(store, f"{base}~{n}"):
        n += 1
    return f"{base}~{n}"
