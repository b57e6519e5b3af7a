"""The thread measure of ``bench/threads.py`` on fictional records: a bridge's collapse and its
reopening are two incidents of one topic (one thread), a cup final another topic, so the
figures the bench prints rest on a tested scoring."""

from __future__ import annotations

import sys

import pytest
from helpers import ROOT

from tests.stories.test_group import BRIDGE, CUP, REOPENING

sys.path.insert(0, str(ROOT / "bench"))
from common import pairwise_prf  # noqa: E402
from threads import score_threads  # noqa: E402


def records() -> list[dict]:
    out = []
    for gold, stories, day in (("bridge_fall", BRIDGE, "05"), ("bridge_open", REOPENING, "13"),
                               ("cup_final", CUP, "05")):  # fmt: skip
        for record_id, (_, title, text) in stories.items():
            out.append({"id": record_id, "gold_story": gold, "title": title, "maintext": text,
                        "date_publish": f"2031-06-{day}T09:00:00"})  # fmt: skip
    return out


def test_pairs_are_counted_against_the_topics() -> None:
    # Story pairs (a, b), (a, c), (b, c): one thread or not, one topic or not.
    counts = pairwise_prf([True, True, False], [True, False, False])
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (1, 1, 0, 1)


@pytest.mark.parametrize("batch", [None, 2])
def test_a_topic_s_two_incidents_are_one_thread_in_one_run_or_in_batches(batch) -> None:
    result, threads_f1, stories = score_threads(records(), batch)
    # Three stories: the two of the bridge threaded, the cup's apart.
    assert stories == 3
    assert (result.tp, result.fp, result.fn, result.tn) == (1, 0, 0, 2)
    assert threads_f1 == pytest.approx(1.0)
