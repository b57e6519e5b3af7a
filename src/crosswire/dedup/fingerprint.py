"""Exact and near-duplicate fingerprints: a syndicated copy links to its original."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

_WORD = re.compile(r"\w+", re.UNICODE)
# Signatures are stored, so the permutation scheme and its value type are fixed explicitly.
SCHEME = "affine32"
DTYPE = np.uint32


def normalise(text: str) -> list[str]:
    """Lower-cased word tokens: punctuation, quote styles and spacing do not matter."""
    return _WORD.findall(text.lower())


def exact_hash(text: str) -> str:
    """Same words in the same order -> same hash, whatever the punctuation or layout."""
    return hashlib.sha1(" ".join(normalise(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int) -> set[bytes]:
    words = normalise(text)
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@lru_cache(maxsize=8)
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for LSH candidates, from datasketch's optimiser.

    Bands are laid out for a threshold well below the one verified, because at the verified
    threshold itself LSH misses about half of the true pairs; candidates are then checked
    against the estimated Jaccard, so the extra ones cost only a comparison.
    """
    bands, rows = _optimal_param(max(0.3, threshold - 0.3), num_perm, 0.5, 0.5)
    return int(bands), int(rows)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The scheme's permutation parameters, drawn once and shared by every sketch: drawing
    them for every article cost as much as hashing its shingles."""
    permutations = MinHash(num_perm=num_perm, scheme=SCHEME).permutations
    permutations.flags.writeable = False
    return permutations


@dataclass(slots=True)
class Fingerprint:
    exact: str
    minhash: MinHash
    buckets: list[bytes]

    @property
    def signature(self) -> bytes:
        return self.minhash.hashvalues.astype(DTYPE).tobytes()


def fingerprint(
    text: str, num_perm: int = 128, shingle_size: int = 5, threshold: float = 0.8
) -> Fingerprint:
    """Exact hash, MinHash signature and LSH band buckets of a text.

    Examples:
        >>> a = fingerprint("The dam at Lake Orvel held through the night, engineers said.")
        >>> b = fingerprint("The dam at Lake Orvel held through the night, engineers said!")
        >>> a.exact == b.exact
        True
    """
    minhash = MinHash(num_perm=num_perm, scheme=SCHEME, permutations=_permutations(num_perm))
    minhash.update_batch(sorted(shingles(text, shingle_size)))
    buckets = band_buckets(minhash.hashvalues.astype(DTYPE).tobytes(), threshold, num_perm)
    return Fingerprint(exact=exact_hash(text), minhash=minhash, buckets=buckets)


def band_buckets(signature: bytes, threshold: float = 0.8, num_perm: int = 128) -> list[bytes]:
    """The LSH bucket of each band of a stored signature: the keys candidates share."""
    bands, rows = band_layout(threshold, num_perm)
    values = np.frombuffer(signature, dtype=DTYPE)
    return [values[b * rows : (b + 1) * rows].byteswap().tobytes() for b in range(bands)]
