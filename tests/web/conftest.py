"""A demo store per backend (SQLite, and PostgreSQL when it answers), and clients of apps
over it. Stores are built once per module: ingesting runs spaCy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from helpers import drop_schema

from crosswire.config import Config
from crosswire.web.app import create_app
from web.support import demo_store


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def demo_db(request, tmp_path_factory):
    db, schema = demo_store(request.param, tmp_path_factory.mktemp("web"))
    yield db
    if schema:
        drop_schema(schema)


@pytest.fixture(scope="module")
def client(demo_db, tmp_path_factory):
    """A read-only app (no token) over the demo."""
    config = Config(db=demo_db, progress=False, workers=1)
    app = create_app(config, token="", uploads=tmp_path_factory.mktemp("up"),
                     compare_budget_s=30)  # fmt: skip
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory) -> Path:
    """The demo in SQLite, built once: tests that write work on copies of it."""
    db, _ = demo_store("sqlite", tmp_path_factory.mktemp("demo-master"))
    return Path(db)


@pytest.fixture
def demo_copy(sqlite_demo, tmp_path) -> str:
    target = tmp_path / "demo.db"
    shutil.copy(sqlite_demo, target)
    return str(target)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each test's outcome on it: the browser tests take a screenshot when it failed."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report
