"""The work counts ``bench/scale.py`` prints beside its speeds, on a small generated archive,
so the figures that show whether the work per article grows rest on tested counting."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import ROOT

from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store
from crosswire.stories import group

sys.path.insert(0, str(ROOT / "bench"))
from scale import WorkCounts, generate  # noqa: E402


def test_counts_the_story_stage_and_puts_it_back(tmp_path: Path) -> None:
    files, truth = generate(tmp_path, 120, seed=3, shuffled=True, days=10)
    original = group.rank_candidates
    config = Config(db=str(tmp_path / "s.db"), progress=False)
    store = open_store(config.db)
    with WorkCounts() as counts:
        ingest_paths(files, config, store, analyse=False)
        counted = dict(counts.counts)
        line = counts.take(len(truth))
    store.close()
    assert group.rank_candidates is original
    # Every original article is retrieved for; none of 120 reports of 24 events stands alone.
    assert 100 <= counted["retrieved"] <= len(truth)
    assert counted["scored"] <= counted["ranked"] <= counted["found"] <= counted["rows"]
    assert counted["pairs"] > 0 and counted["statements"] > len(truth)
    assert len(line.split()) == len(WorkCounts.COLUMNS) - 1 and not counts.counts
