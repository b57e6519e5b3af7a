"""Near-duplicate links on Ray Data: candidates from a shuffle on LSH band keys.

The store adapter (``dedup/link.py``) asks the store's LSH index for each article's
candidates, one article at a time. Here the batch's articles are fingerprinted in Ray tasks;
their band keys and those of every stored fingerprint are exploded into (key, article) rows,
grouped by key (a hash shuffle on a bucket of the key, each group split by key again: Ray
Data's ``map_groups`` pays its overhead per group), and each key emits its pairs with
a batch article. The
driver then walks the batch in age order, as the local pipeline does, and takes each decision
with the same :func:`crosswire.dedup.decide.choose_original` on the pairs found, so a Ray
ingest links the copies a local one links. The exact hash is one more key, so an exact copy
whose signature is missing (its run stopped) or older than its text (re-cleaned after a
boilerplate line was learned) is found as the store's exact-hash lookup finds it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from crosswire.config import Config
from crosswire.dedup.decide import Age, Candidate, Printed, age_of, choose_original
from crosswire.engine.ray_data import (
    bucket_of,
    by_key,
    dataset_of,
    key_buckets,
    shuffle_partitions,
)
from crosswire.store import Store

EXACT_KEY = "="
# Fingerprints exploded into band keys per task.
KEY_BATCH = 2048


def _fingerprint_batch(
    batch: dict[str, Any], num_perm: int, shingle_size: int, threshold: float
) -> dict[str, list[Any]]:
    """One batch of articles fingerprinted: exact hash and MinHash signature of each."""
    from crosswire.dedup.fingerprint import fingerprint

    exact: list[str] = []
    signatures: list[bytes] = []
    for text in batch["text"]:
        fp = fingerprint(str(text), num_perm, shingle_size, threshold)
        exact.append(fp.exact)
        signatures.append(fp.signature)
    return {"id": list(batch["id"]), "exact": exact, "signature": signatures}


def _band_keys(row: dict[str, Any], num_perm: int, threshold: float) -> list[dict[str, Any]]:
    """A fingerprint exploded into one row per key: each LSH band's bucket, and the exact hash."""
    from crosswire.dedup.fingerprint import band_buckets

    keys = []
    if row["signature"] is not None and len(row["signature"]):
        buckets = band_buckets(bytes(row["signature"]), threshold, num_perm)
        keys = [f"{band}:{bucket.hex()}" for band, bucket in enumerate(buckets)]
    if row["exact"]:
        keys.append(EXACT_KEY + str(row["exact"]))
    return [{"key": k, "id": row["id"], "new": row["new"]} for k in keys]


def _band_key_batch(
    batch: dict[str, Any], num_perm: int, threshold: float, buckets: int
) -> dict[str, list[Any]]:
    """A batch of fingerprints exploded into key rows (:func:`_band_keys` of each), each with
    its key's bucket: one task per batch rather than per row."""
    out: dict[str, list[Any]] = {"key": [], "id": [], "new": [], "bucket": []}
    for article, exact, signature, new in zip(
        batch["id"], batch["exact"], batch["signature"], batch["new"], strict=True
    ):
        row = {"id": str(article), "exact": exact, "signature": signature, "new": bool(new)}
        for key_row in _band_keys(row, num_perm, threshold):
            for column, value in key_row.items():
                out[column].append(value)
            out["bucket"].append(bucket_of(key_row["key"], buckets))
    return out


def _pairs(group: dict[str, Any]) -> dict[str, list[str]]:
    """The pairs of one bucket's groups, key by key, that hold a batch article: (batch
    article, candidate)."""
    left: list[str] = []
    right: list[str] = []
    for indices in by_key(group, "key").values():
        members = list(dict.fromkeys((str(group["id"][i]), bool(group["new"][i])) for i in indices))
        for article, new in members:
            if not new:
                continue
            for other, _ in members:
                if other != article:
                    left.append(article)
                    right.append(other)
    return {"article": left, "candidate": right}


def candidate_pairs(
    batch: list[dict[str, Any]], stored: list[dict[str, Any]], config: Config
) -> dict[str, set[str]]:
    """Each batch article's candidates: what shares a band bucket or the exact hash with it.

    ``batch`` and ``stored`` rows hold ``id``, ``exact`` ('' when unknown) and ``signature``
    (None when not fingerprinted); the batch's are paired with each other and with the stored.
    """
    rows = [{**r, "new": True} for r in batch] + [{**r, "new": False} for r in stored]
    if not rows:
        return {}
    settings = {"num_perm": config.minhash_perm, "threshold": config.near_duplicate_threshold}
    keyed = len(rows) * 26  # 25 bands and the exact hash at the default threshold
    settings["buckets"] = key_buckets(keyed)
    keys = dataset_of(rows, KEY_BATCH).map_batches(
        _band_key_batch, batch_size=KEY_BATCH, batch_format="numpy", fn_kwargs=settings
    )
    found: dict[str, set[str]] = defaultdict(set)
    grouped = keys.groupby("bucket", num_partitions=shuffle_partitions(keyed))
    for pair in grouped.map_groups(_pairs, batch_format="numpy").iter_rows():
        found[str(pair["article"])].add(str(pair["candidate"]))
    return found


def fingerprint_on_ray(store: Store, ids: list[str], config: Config) -> dict[str, Printed]:
    """The fingerprint record of each of ``ids``, computed in Ray tasks."""
    records = [{"id": a.id, "text": a.text} for a in store.iter_articles(ids)]
    if not records:
        return {}
    ds = dataset_of(records, 256).map_batches(
        _fingerprint_batch,
        batch_size=256,
        fn_kwargs={
            "num_perm": config.minhash_perm,
            "shingle_size": config.shingle_size,
            "threshold": config.near_duplicate_threshold,
        },
    )
    return {
        str(r["id"]): Printed(str(r["id"]), str(r["exact"]), bytes(r["signature"]))
        for r in ds.iter_rows()
    }


def _stored_rows(store: Store, batch: set[str]) -> list[dict[str, Any]]:
    """Every stored article outside the batch: its exact hash and signature (band keys are
    recomputed from the signature in the shuffle; an article without one has only its hash)."""
    return [
        {"id": a, "exact": e, "signature": s}
        for a, e, s in store.iter_fingerprints()
        if a not in batch
    ]


def link_on_ray(store: Store, article_ids: list[str], config: Config | None = None) -> int:
    """``link_duplicates`` with fingerprints and candidates computed on Ray (module doc)."""
    from crosswire.dedup.fingerprint import band_buckets

    config = config or Config()
    ages: dict[str, Age] = {}

    def age(article_id: str) -> Age:
        if article_id not in ages:
            ages[article_id] = age_of(*store.age_key(article_id))
        return ages[article_id]

    printed = fingerprint_on_ray(store, list(dict.fromkeys(article_ids)), config)
    batch = [{"id": p.id, "exact": p.exact, "signature": p.signature} for p in printed.values()]
    pairs = candidate_pairs(batch, _stored_rows(store, set(printed)), config)
    decided: dict[str, str | None] = {}
    copies = 0
    # The local pipeline's order: within a batch the earliest published is fingerprinted first.
    for article_id in sorted(printed, key=age):
        record = printed[article_id]
        candidates = []
        for other in sorted(pairs.get(article_id, ())):
            candidate = _candidate(store, other, printed, decided, age)
            if candidate is not None:
                candidates.append(candidate)
        original = choose_original(record, candidates, config.near_duplicate_threshold)
        store.save_minhash(
            article_id,
            record.signature,
            band_buckets(record.signature, config.near_duplicate_threshold, config.minhash_perm),
        )
        decided[article_id] = original
        if original is not None and original != article_id:
            store.set_duplicate_of(article_id, original)
            copies += 1
    store.conn.commit()
    return copies


def _candidate(
    store: Store,
    other: str,
    printed: dict[str, Printed],
    decided: dict[str, str | None],
    age: Any,
) -> Candidate | None:
    """A candidate as the store holds it at this point of the walk: a batch article counts as
    fingerprinted once its own decision is taken, with the original that decision found."""
    record = store.dedup_record(other)
    if record is None:
        return None
    exact, signature, duplicate_of = record
    if other in printed:
        exact = printed[other].exact
        signature = printed[other].signature if other in decided else None
        duplicate_of = decided.get(other) or duplicate_of
    original = duplicate_of or other
    return Candidate(other, exact, signature, original, age(original))
