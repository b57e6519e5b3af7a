"""Analysis in worker processes: the same records as one process, failures kept per article."""

from __future__ import annotations

import multiprocessing

import pytest

import crosswire.analyze.workers as workers
from crosswire.config import Config
from crosswire.records import Analysis, Article

TEXTS = (
    'Mayor Ewa Sarnik said on Friday that tolls were "the last resort." She added: "We will '
    'consult every household first."',
    "The Velmar council will vote on 12 March on a toll of 4 crowns for lorries, officials said.",
    '"Nobody asked the ferry crews," union leader Tomas Brekke said on Monday.',
)


def _articles(n: int) -> list[Article]:
    return [
        Article(id=f"a{i}", source=f"s{i}", text=TEXTS[i % 3], raw=TEXTS[i % 3]) for i in range(n)
    ]


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_workers_give_the_records_one_process_gives(
    start: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} here")
    # Forked workers inherit the parent's model; spawned ones load their own.
    monkeypatch.setattr(workers, "worker_context", lambda: multiprocessing.get_context(start))
    config = Config(batch_size=2)
    batches = [_articles(6)[i : i + 2] for i in range(0, 6, 2)]
    serial = [a for done, _ in workers.analyse_batches(batches, config, 1) for a in done]
    parallel = [a for done, _ in workers.analyse_batches(iter(batches), config, 2) for a in done]
    assert [a.article for a in parallel] == [f"a{i}" for i in range(6)]
    assert [a.as_dict() for a in parallel] == [a.as_dict() for a in serial]
    assert any(a.quotes for a in parallel) and any(a.figures for a in parallel)


def test_a_failing_article_costs_only_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    real = workers.analyze_articles

    def flaky(articles: list[Article], config: Config) -> list[Analysis]:
        if any(a.id == "a1" for a in articles):
            raise ValueError("the parser broke on a1")
        return list(real(articles, config))

    monkeypatch.setattr(workers, "analyze_articles", flaky)
    analyses, failed = workers.analyse_batch(_articles(3), Config())
    assert [a.article for a in analyses] == ["a0", "a2"]
    assert failed == [("s1", "the parser broke on a1")]


def test_the_model_is_preloaded_only_for_workers_forked_from_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded: list[str] = []
    monkeypatch.setattr(workers, "load_nlp", loaded.append)
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    workers.preload_model(Config(workers=1))  # one process: it loads when it first analyses
    assert loaded == []
    workers.preload_model(Config(workers=2))
    assert loaded == [Config().spacy_model]
    monkeypatch.setattr(workers, "can_fork", lambda: False)  # spawned workers load their own
    workers.preload_model(Config(workers=2))
    assert loaded == [Config().spacy_model]


def test_tasks_are_cut_to_about_equal_text_and_keep_the_order() -> None:
    lengths = [("long", 900), ("a", 100), ("b", 100), ("c", 100), ("mid", 500), ("d", 300)]
    groups = workers.balanced_groups(lengths, most=32, parts=2)
    assert [i for g in groups for i in g] == [i for i, _ in lengths]  # every id, in order
    assert groups == [["long", "a"], ["b", "c", "mid", "d"]]


def test_no_task_holds_more_than_a_batch() -> None:
    lengths = [(f"a{i}", 10) for i in range(10)]
    groups = workers.balanced_groups(lengths, most=3, parts=2)
    assert [len(g) for g in groups] == [3, 3, 3, 1]
    assert workers.balanced_groups([], most=3, parts=2) == []
