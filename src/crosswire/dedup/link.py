"""Link each new article to the original it copies, if any."""

from __future__ import annotations

from crosswire.config import Config
from crosswire.dedup.fingerprint import fingerprint, minhash_from_signature
from crosswire.store.base import Store


def find_original(store: Store, article_id: str, config: Config | None = None) -> str | None:
    """Fingerprint a stored article and return the id of the article it duplicates.

    An exact copy (same words) or a near copy (estimated Jaccard of word shingles at or above
    ``near_duplicate_threshold``) of an earlier stored article is a syndicated copy; it links
    to that article's own original so chains collapse to one independent source.
    """
    config = config or Config()
    article = store.get_article(article_id)
    if article is None:
        return None
    fp = fingerprint(
        article.text, config.minhash_perm, config.shingle_size, config.near_duplicate_threshold
    )
    store.save_minhash(article_id, fp.signature, fp.buckets)
    exact = [a for a in store.articles_by_exact_hash(fp.exact) if a != article_id]
    candidates = exact or [
        other
        for other in store.lsh_candidates(fp.buckets, exclude=article_id)
        if (sig := store.get_minhash(other)) is not None
        and fp.minhash.jaccard(minhash_from_signature(sig, config.minhash_perm))
        >= config.near_duplicate_threshold
    ]
    # Only articles fingerprinted before this one can be its original.
    earlier = [c for c in candidates if store.get_minhash(c) is not None and c != article_id]
    if not earlier:
        return None
    originals = []
    for candidate in earlier:
        other = store.get_article(candidate)
        if other is not None:
            originals.append(other.duplicate_of or other.id)
    return min(originals, key=lambda oid: _age(store, oid))


def _age(store: Store, article_id: str) -> tuple[str, int]:
    """Sort key: earliest published first (undated last), then the order stored."""
    article = store.get_article(article_id)
    published = article.published if article is not None and article.published else "~"
    return published, store.ingest_rank(article_id)


def link_duplicates(store: Store, article_ids: list[str], config: Config | None = None) -> int:
    """Set ``duplicate_of`` for the given (newly stored) articles; return how many are copies."""
    copies = 0
    # Within a batch the earliest published article is fingerprinted first, so it is the one
    # the others are copies of; across batches, what was stored first stays the original.
    for article_id in sorted(article_ids, key=lambda aid: _age(store, aid)):
        original = find_original(store, article_id, config)
        if original is not None and original != article_id:
            store.set_duplicate_of(article_id, original)
            copies += 1
    store.conn.commit()
    return copies
