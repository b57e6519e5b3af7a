"""The numpy BERT building blocks, on small random weights (no model package needed)."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.embed.bert import BertConfig, BertEncoder, gelu, l2_normalise, layer_norm, mean_pool


def random_weights(config: BertConfig, vocab: int = 50, seed: int = 0) -> dict[str, np.ndarray]:
    """Weights named as Hugging Face's BertModel saves them, in torch's (out, in) layout."""
    rng = np.random.default_rng(seed)
    h, inter = config.hidden_size, 4 * config.hidden_size

    def r(*shape: int) -> np.ndarray:
        return rng.normal(0, 0.2, shape).astype(np.float32)

    weights = {
        "embeddings.word_embeddings.weight": r(vocab, h),
        "embeddings.position_embeddings.weight": r(32, h),
        "embeddings.token_type_embeddings.weight": r(2, h),
        "embeddings.LayerNorm.weight": 1 + r(h),
        "embeddings.LayerNorm.bias": r(h),
    }
    for i in range(config.num_hidden_layers):
        p = f"encoder.layer.{i}."
        for name, (out, inp) in {
            "attention.self.query": (h, h), "attention.self.key": (h, h),
            "attention.self.value": (h, h), "attention.output.dense": (h, h),
            "intermediate.dense": (inter, h), "output.dense": (h, inter),
        }.items():  # fmt: skip
            weights[p + name + ".weight"] = r(out, inp)
            weights[p + name + ".bias"] = r(out)
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            weights[p + norm + ".weight"] = 1 + r(h)
            weights[p + norm + ".bias"] = r(h)
    return weights


TINY = BertConfig(hidden_size=16, num_hidden_layers=2, num_attention_heads=4)


def test_gelu_is_the_erf_form() -> None:
    x = np.array([-1.0, 0.0, 1.0, 3.0], dtype=np.float32)
    # x * Phi(x): Phi(1) = 0.841345, Phi(3) = 0.998650 (the tanh form gives 0.841192 at 1).
    assert gelu(x) == pytest.approx([-0.158655, 0.0, 0.841345, 2.995950], abs=1e-5)


def test_layer_norm_centres_and_scales() -> None:
    x = np.array([[1.0, 2.0, 3.0, 6.0]], dtype=np.float32)
    out = layer_norm(x, np.ones(4, np.float32), np.zeros(4, np.float32), 1e-12)
    assert out.mean() == pytest.approx(0.0, abs=1e-6)
    assert out.std() == pytest.approx(1.0, abs=1e-5)


def test_mean_pool_ignores_padding_and_normalise_gives_unit_rows() -> None:
    hidden = np.array([[[1.0, 1.0], [3.0, 5.0], [100.0, 100.0]]], dtype=np.float32)
    mask = np.array([[1, 1, 0]])
    assert mean_pool(hidden, mask).tolist() == [[2.0, 3.0]]
    assert np.linalg.norm(l2_normalise(np.array([[3.0, 4.0]])), axis=1) == pytest.approx([1.0])


def test_padding_does_not_change_the_real_tokens() -> None:
    """The attention mask must hide padded positions from every real token."""
    encoder = BertEncoder(random_weights(TINY), TINY)
    ids = np.array([[1, 7, 9, 2]])
    alone = encoder(ids, np.ones_like(ids))
    padded_ids = np.array([[1, 7, 9, 2, 0, 0, 0]])
    padded = encoder(padded_ids, np.array([[1, 1, 1, 1, 0, 0, 0]]))
    assert padded.shape == (1, 7, TINY.hidden_size)
    assert np.allclose(padded[:, :4], alone, atol=1e-5)


def test_batch_rows_are_independent() -> None:
    encoder = BertEncoder(random_weights(TINY), TINY)
    ids = np.array([[1, 7, 9, 2], [1, 4, 2, 0]])
    mask = np.array([[1, 1, 1, 1], [1, 1, 1, 0]])
    batch = encoder(ids, mask)
    assert np.allclose(batch[0], encoder(ids[:1], mask[:1])[0], atol=1e-5)
    # Changing a token of one text changes that text only.
    other = ids.copy()
    other[1, 1] = 5
    changed = encoder(other, mask)
    assert np.allclose(changed[0], batch[0], atol=1e-6)
    assert not np.allclose(changed[1], batch[1], atol=1e-3)
