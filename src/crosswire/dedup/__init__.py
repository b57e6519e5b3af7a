"""Exact and near-duplicate detection (MinHash-LSH via datasketch)."""

from crosswire.dedup.fingerprint import exact_hash, fingerprint
from crosswire.dedup.link import find_original, link_duplicates

__all__ = ["exact_hash", "find_original", "fingerprint", "link_duplicates"]
