"""Link each new article to the original it copies, if any: the store adapter of the decision.

The store's LSH index supplies each article's candidates (``store.lsh_candidates``), one
article at a time in age order, and :func:`crosswire.dedup.decide.choose_original` decides.
"""

from __future__ import annotations

from crosswire.config import Config
from crosswire.dedup.decide import Age, Candidate, Printed, age_of, choose_original
from crosswire.dedup.fingerprint import Fingerprint, fingerprint
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
    printed = Printed(article_id, fp.exact, fp.signature)
    return choose_original(
        printed, stored_candidates(store, article_id, fp), config.near_duplicate_threshold
    )


def stored_candidates(store: Store, article_id: str, fp: Fingerprint) -> list[Candidate]:
    """The store's candidates for an article: its exact copies if any (the decision reads only
    those then), else what shares an LSH band bucket with it."""
    ids = [a for a in store.articles_by_exact_hash(fp.exact) if a != article_id]
    if not ids:
        ids = store.lsh_candidates(fp.buckets, exclude=article_id)
    found = []
    for other in ids:
        record = store.dedup_record(other)
        if record is None:
            continue
        exact, signature, duplicate_of = record
        original = duplicate_of or other
        found.append(Candidate(other, exact, signature, original, _age(store, original)))
    return found


def _age(store: Store, article_id: str) -> Age:
    """Sort key: earliest published first (undated last), then the order stored."""
    return age_of(*store.age_key(article_id))


def link_duplicates(store: Store, article_ids: list[str], config: Config | None = None) -> int:
    """Set ``duplicate_of`` for the given (newly stored) articles; return how many are copies."""
    copies = 0
    # Within a batch the earliest published article is fingerprinted first, so it is the one
    # the others are copies of; across batches, what was stored first stays the original.
    # One transaction for the batch: a commit per article cost a sixth of the lexical path.
    # A run killed before the commit leaves these articles without a fingerprint, and the next
    # run fingerprints them (``unfinished_ids``).
    with store.transaction():
        for article_id in sorted(article_ids, key=lambda aid: _age(store, aid)):
            original = find_original(store, article_id, config)
            if original is not None and original != article_id:
                store.set_duplicate_of(article_id, original)
                copies += 1
    store.conn.commit()
    return copies
