"""prepare_files: the same prepared articles, in input order, with or without worker processes."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

import crosswire.ingest.prepare as prepare
from crosswire.dedup import exact_hash
from crosswire.ingest.prepare import prepare_file, prepare_files
from crosswire.ingest.readers import ReadOptions
from crosswire.records import IngestError

STORY = (
    "Orvel Harbour Board Approves Pier Repairs\n"
    "The Orvel harbour board approved repairs to pier {n} on Tuesday, its chair said.\n"
    "“Work starts next week,” said board chair Ilse Varga, adding that 40 boats were moved."
)


def files(tmp_path: Path, count: int) -> list[Path | IngestError]:
    paths: list[Path | IngestError] = []
    for n in range(count):
        path = tmp_path / f"{n:02d}.txt"
        path.write_text(STORY.format(n=n), encoding="utf-8")
        paths.append(path)
    return paths


def test_prepare_file_cleans_and_hashes(tmp_path: Path) -> None:
    (path,) = files(tmp_path, 1)
    ((article, digest),) = prepare_file(path, ReadOptions())
    assert article.title == "Orvel Harbour Board Approves Pier Repairs"
    assert "pier 0" in article.text
    assert digest == exact_hash(article.text)


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_pool_gives_what_one_process_gives_in_order(
    start: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} here")
    monkeypatch.setattr(prepare, "worker_context", lambda: multiprocessing.get_context(start))
    inputs = files(tmp_path, 9)
    error = IngestError(source="gone.txt", code="unreadable", message="missing")
    inputs.insert(3, error)
    single = list(prepare_files(inputs, ReadOptions(), workers=1))
    pooled = list(prepare_files(inputs, ReadOptions(), workers=2))
    assert pooled == single
    assert pooled[3] == [error]
    texts = [items[0][0].text for items in pooled if isinstance(items[0], tuple)]
    assert [f"pier {n}" in t for n, t in enumerate(texts)] == [True] * 9


def test_worker_module_does_not_import_spacy() -> None:
    # A spawned worker imports this module; spaCy would cost each worker a second at start.
    code = (
        "import sys, crosswire.ingest.prepare; "
        "print(sorted(m for m in ('spacy', 'sklearn', 'datasketch') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_pipeline_reexports_prepare_files() -> None:
    from crosswire import pipeline

    assert pipeline.prepare_files is prepare_files
