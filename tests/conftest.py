"""Shared fixtures: where ../shared lives, and a fresh store per test."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from helpers import RESOURCES, drop_schema, postgres_url, shared_path
from hypothesis import settings

from crosswire.config import Config
from crosswire.store import Store, open_store

# Fuzzing: a handful of examples per test in the suite; bench/fuzz.py asks for thousands.
settings.register_profile(
    "crosswire", max_examples=int(os.environ.get("CROSSWIRE_FUZZ_EXAMPLES", "25")), deadline=None
)
settings.load_profile("crosswire")


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("corpus", "seeds")


@pytest.fixture
def resources() -> Path:
    return RESOURCES


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "test.db"))
    yield s
    s.close()


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(db=str(tmp_path / "test.db"), progress=False)


@pytest.fixture(params=["sqlite", "postgres"])
def backend_db(request, tmp_path: Path):
    """A database URL on every backend: a SQLite file, and a PostgreSQL schema of its own
    (when a server answers), dropped afterwards."""
    if request.param == "sqlite":
        yield str(tmp_path / "cw.db")
        return
    schema = f"cw_{uuid.uuid4().hex[:10]}"
    yield postgres_url(schema)
    drop_schema(schema)
