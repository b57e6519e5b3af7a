"""Stored embeddings and the choice of embedder for grouping."""

from __future__ import annotations

import numpy as np
import pytest

import crosswire.stories.embedding as embedding
from crosswire.embed import EmbedderUnavailable
from crosswire.records import Article
from crosswire.stories.embedding import (
    decode_vector,
    embed_articles,
    encode_vector,
    resolve_embedder,
)


def test_vectors_round_trip_compactly() -> None:
    rng = np.random.default_rng(1)
    vector = rng.normal(size=384).astype(np.float32)
    vector /= np.linalg.norm(vector)
    encoded = encode_vector(vector)
    assert isinstance(encoded, str) and len(encoded) == 1024  # 384 float16 in base64
    decoded = decode_vector(encoded)
    assert float(decoded @ vector) > 0.9999
    assert np.linalg.norm(decoded) == pytest.approx(1.0, abs=1e-6)


def test_no_embedder_means_the_lexical_path() -> None:
    assert resolve_embedder(None) is None
    assert resolve_embedder("") is None


def test_auto_falls_back_to_lexical_when_the_model_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(embedding, "available", lambda name: False)
    assert resolve_embedder("auto") is None


def test_an_explicit_name_that_cannot_load_raises() -> None:
    with pytest.raises(EmbedderUnavailable):
        resolve_embedder("no-such-model")


class Ones:
    name, dim = "ones", 2

    def __init__(self, languages: tuple[str, ...] | None) -> None:
        self.languages = languages
        self.seen: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.full((len(texts), 2), np.sqrt(0.5), dtype=np.float32)


def article(article_id: str, text: str, language: str | None = None) -> Article:
    return Article(id=article_id, source="x", text=text, raw=text, language=language)


ENGLISH = "The bridge in Velmora was closed on Monday after a crack was found in its pier."
GERMAN = "Die Brücke in Velmora ist seit Montag gesperrt, nachdem ein Riss entdeckt wurde."


def test_an_english_only_embedder_skips_other_languages() -> None:
    ones = Ones(("en",))
    out = embed_articles(ones, [article("en", ENGLISH), article("de", GERMAN),
                                article("tagged", ENGLISH, language="de")])  # fmt: skip
    assert out[0] is not None and out[1] is None and out[2] is None
    assert ones.seen == [ENGLISH]


def test_an_embedder_without_languages_reads_everything() -> None:
    out = embed_articles(Ones(None), [article("en", ENGLISH), article("de", GERMAN)])
    assert all(o is not None for o in out)
