"""Datasets the driver makes come in a few blocks, in order, not in Ray's 200 small ones."""

from __future__ import annotations

import pytest

pytest.importorskip("ray.data", reason="the Ray engine needs pip install 'crosswire[ray]'")

from crosswire.engine.ray_data import cluster_cores, dataset_of, start  # noqa: E402


@pytest.fixture(autouse=True, scope="module")
def _ray():
    start(workers=2)
    yield
    import ray

    ray.shutdown()


def test_a_small_list_is_one_block_and_a_large_one_a_block_per_core_at_most() -> None:
    rows = [{"key": f"k{i}", "n": i} for i in range(10_000)]
    assert dataset_of(rows[:300]).num_blocks() == 1
    large = dataset_of(rows, rows_per_block=1_000)
    assert large.num_blocks() == cluster_cores() == 2
    assert [r["n"] for r in large.iter_rows()] == list(range(10_000))


def test_a_spread_dataset_has_a_block_per_batch_in_input_order() -> None:
    rows = [{"path": f"f{i:03d}.txt"} for i in range(20)]
    spread = dataset_of(rows, rows_per_block=8, spread=True)
    assert spread.num_blocks() == 3
    assert [r["path"] for r in spread.iter_rows()] == [r["path"] for r in rows]
