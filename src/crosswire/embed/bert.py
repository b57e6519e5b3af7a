"""A BERT encoder forward pass in numpy, so sentence embeddings need no PyTorch at run time.

Only inference is needed and the models are small (MiniLM: 6 layers, 384 wide), so plain
float32 matrix products are fast enough on a CPU and spare a multi-gigabyte dependency.
The layout follows Hugging Face's ``BertModel`` weight names (as saved in ``model.safetensors``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy.special import erf


@dataclass(slots=True, frozen=True)
class BertConfig:
    """The shape of the encoder (from the model's ``config.json``)."""

    hidden_size: int = 384
    num_hidden_layers: int = 6
    num_attention_heads: int = 12
    layer_norm_eps: float = 1e-12

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> BertConfig:
        return cls(
            hidden_size=int(data.get("hidden_size", 384)),  # type: ignore[arg-type]
            num_hidden_layers=int(data.get("num_hidden_layers", 6)),  # type: ignore[arg-type]
            num_attention_heads=int(data.get("num_attention_heads", 12)),  # type: ignore[arg-type]
            layer_norm_eps=float(data.get("layer_norm_eps", 1e-12)),  # type: ignore[arg-type]
        )


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    """The exact (erf) GELU BERT was trained with, not the tanh approximation."""
    out = erf(x * np.float32(1.0 / np.sqrt(2.0)))
    out += 1.0
    out *= x
    out *= 0.5
    return out


class BertEncoder:
    """Token ids in, last hidden states out. Weights are transposed once at load time."""

    def __init__(self, weights: Mapping[str, np.ndarray], config: BertConfig) -> None:
        self.config = config

        def get(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        def linear(prefix: str) -> tuple[np.ndarray, np.ndarray]:
            # torch stores (out, in); x @ W.T is x @ (in, out).
            return np.ascontiguousarray(get(prefix + ".weight").T), get(prefix + ".bias")

        self.word = get("embeddings.word_embeddings.weight")
        self.position = get("embeddings.position_embeddings.weight")
        self.token_type = get("embeddings.token_type_embeddings.weight")
        self.embed_norm = (get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(config.num_hidden_layers):
            p = f"encoder.layer.{i}."
            q, k, v = (linear(p + f"attention.self.{n}") for n in ("query", "key", "value"))
            # One fused projection for query, key and value: a single larger matmul is faster.
            qkv = (np.concatenate([q[0], k[0], v[0]], axis=1), np.concatenate([q[1], k[1], v[1]]))
            self.layers.append(
                {
                    "qkv": qkv,
                    "attn_out": linear(p + "attention.output.dense"),
                    "attn_norm": (
                        get(p + "attention.output.LayerNorm.weight"),
                        get(p + "attention.output.LayerNorm.bias"),
                    ),
                    "inter": linear(p + "intermediate.dense"),
                    "out": linear(p + "output.dense"),
                    "out_norm": (
                        get(p + "output.LayerNorm.weight"),
                        get(p + "output.LayerNorm.bias"),
                    ),
                }
            )

    def __call__(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Hidden states (batch, length, hidden) for ``ids`` with attention ``mask`` (1 = token)."""
        cfg = self.config
        batch, length = ids.shape
        heads = cfg.num_attention_heads
        head_dim = cfg.hidden_size // heads
        eps = cfg.layer_norm_eps
        # Single-segment input: token type 0 everywhere. Hidden states stay 2-D (tokens,
        # hidden) between layers: numpy's 2-D matmul is one BLAS call, 3-D @ 2-D loops.
        x = self.word[ids] + self.position[:length][None, :, :] + self.token_type[0]
        x = layer_norm(x.reshape(batch * length, cfg.hidden_size), *self.embed_norm, eps)
        # Padding keys get a large negative score so softmax gives them ~zero weight.
        bias = (1.0 - mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9)
        scale = np.float32(1.0 / np.sqrt(head_dim))
        for layer in self.layers:
            w, b = layer["qkv"]
            qkv = (x @ w + b).reshape(batch, length, 3, heads, head_dim)
            # Scaling the queries is cheaper than scaling the (length x length) scores.
            q = qkv[:, :, 0].transpose(0, 2, 1, 3) * scale
            k = qkv[:, :, 1].transpose(0, 2, 3, 1)
            v = qkv[:, :, 2].transpose(0, 2, 1, 3)
            scores = q @ k
            scores += bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, cfg.hidden_size)
            w, b = layer["attn_out"]
            x = layer_norm(context @ w + b + x, *layer["attn_norm"], eps)
            w, b = layer["inter"]
            hidden = gelu(x @ w + b)
            w, b = layer["out"]
            x = layer_norm(hidden @ w + b + x, *layer["out_norm"], eps)
        return x.reshape(batch, length, cfg.hidden_size)


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Average of the token states that are not padding (sentence-transformers' pooling)."""
    weights = mask[:, :, None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    return summed / np.maximum(weights.sum(axis=1), 1e-9)


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
