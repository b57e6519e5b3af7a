"""Test helpers importable from any test module (``from helpers import shared_path``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESOURCES = Path(__file__).resolve().parent / "resources"


def shared_path(*parts: str) -> Path:
    """A path in ../shared; skips the test locally when it is missing, fails in CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI must run with ../shared beside the project")
        pytest.skip(f"{path} is missing (../shared is not beside this checkout)")
    return path


POSTGRES_URL = os.environ.get(
    "CROSSWIRE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"
)


def postgres_url(schema: str) -> str:
    """A PostgreSQL URL with its own schema; skips locally when no server answers, fails in CI."""
    try:
        import psycopg

        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except Exception as exc:  # no driver or no server
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is needed in CI: {exc}")
        pytest.skip(f"no PostgreSQL at {POSTGRES_URL}: {exc}")
    return f"{POSTGRES_URL}?schema={schema}"


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_URL) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def quotes_in(text: str, *without: str) -> list:
    """The quotes of a fictional article, with the named quote rules switched off."""
    from crosswire.analyze import analyze_article
    from crosswire.analyze.statements.registry import switched_off
    from crosswire.records import Article

    with switched_off(*without):
        return analyze_article(Article(id="t", source="t", text=text, raw=text)).quotes


def said(text: str, *without: str) -> list[tuple[str, str, str | None, str | None]]:
    """Each quote of a fictional article as (kind, text, cue, speaker mention)."""
    return [(q.kind, q.text, q.cue, q.speaker_text) for q in quotes_in(text, *without)]


def bcubed_f1(predicted: dict[str, str], gold: dict[str, str]) -> float:
    """B-cubed F1 over the items of ``gold``: per item, the share of its predicted cluster in
    its gold cluster (precision) and of its gold cluster in its predicted cluster (recall)."""
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for item in gold:
        by_pred.setdefault(predicted[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in gold:
        cluster, truth = by_pred[predicted[item]], by_gold[gold[item]]
        precision += len(cluster & truth) / len(cluster)
        recall += len(cluster & truth) / len(truth)
    p, r = precision / len(gold), recall / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0
