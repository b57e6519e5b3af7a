"""Article embeddings for story grouping: which embedder, and how a vector is stored.

The embedding is computed once, when an article's story features are indexed, and kept in the
same JSON data as float16 base64 (1 KB for 384 dimensions), so re-ingest and incremental
grouping never run the model again for a stored article.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import numpy as np

from crosswire.embed import Embedder, EmbedderUnavailable, available, get_embedder
from crosswire.records import Article
from crosswire.stories.text import lead, looks_english

# "auto": the embedding path when its optional package is installed, the lexical one otherwise.
AUTO = "auto"
AUTO_EMBEDDER = "minilm"


def resolve_embedder(name: str | None) -> Embedder | None:
    """The embedder ``config.story_embedder`` names; None for the lexical path.

    ``"auto"`` falls back to lexical grouping silently when the model is not installed; an
    explicit name that cannot load raises :class:`EmbedderUnavailable`, since the user asked
    for it by name.
    """
    if not name:
        return None
    if name == AUTO:
        return get_embedder(AUTO_EMBEDDER) if available(AUTO_EMBEDDER) else None
    return get_embedder(name)


def encode_vector(vector: np.ndarray) -> str:
    """A unit vector as compact JSON-safe text (float16, base64)."""
    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def decode_vector(data: str) -> np.ndarray:
    """The float32 unit vector back from :func:`encode_vector` (renormalised after rounding)."""
    vector = np.frombuffer(base64.b64decode(data), dtype="<f2").astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def embeds(embedder: Embedder, article: Article, text: str) -> bool:
    """Whether ``embedder`` reads this article's language (``languages`` None: any)."""
    languages = getattr(embedder, "languages", None)
    if languages is None or not text:
        return bool(text)
    if article.language:
        return article.language.lower().split("-")[0] in languages
    return "en" in languages and looks_english(text)


def embed_articles(embedder: Embedder, articles: Sequence[Article]) -> list[str | None]:
    """Encoded embeddings of each article's title and lead, in one batched model call.

    None for an article the embedder cannot read (another language, no text): it is compared
    by its words alone.
    """
    leads = [lead(a.title, a.text) for a in articles]
    wanted = [
        i for i, (a, t) in enumerate(zip(articles, leads, strict=True)) if embeds(embedder, a, t)
    ]
    out: list[str | None] = [None] * len(articles)
    if wanted:
        vectors = embedder.embed([leads[i] for i in wanted])
        for i, vector in zip(wanted, vectors, strict=True):
            out[i] = encode_vector(vector)
    return out


__all__ = [
    "AUTO",
    "EmbedderUnavailable",
    "decode_vector",
    "embed_articles",
    "encode_vector",
    "resolve_embedder",
]
