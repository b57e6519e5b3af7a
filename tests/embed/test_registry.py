"""Embedders by name: unknown names, availability, one instance per process."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

import crosswire.embed as embed
from crosswire.embed import EmbedderUnavailable, available, get_embedder


class Counting:
    name, dim = "counting", 2
    made = 0

    def __init__(self) -> None:
        Counting.made += 1

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)


def _missing() -> embed.Embedder:
    raise EmbedderUnavailable("not installed here")


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(embed.EMBEDDERS, "counting", Counting)
    monkeypatch.setitem(embed.EMBEDDERS, "missing", _missing)
    get_embedder.cache_clear()
    yield
    get_embedder.cache_clear()


def test_unknown_name_is_unavailable_and_lists_known_ones(registry: None) -> None:
    with pytest.raises(EmbedderUnavailable, match="minilm"):
        get_embedder("no-such-model")
    assert not available("no-such-model")


def test_embedder_is_loaded_once(registry: None) -> None:
    Counting.made = 0
    assert get_embedder("counting") is get_embedder("counting")
    assert Counting.made == 1
    assert available("counting")


def test_missing_package_reads_as_unavailable(registry: None) -> None:
    assert not available("missing")
