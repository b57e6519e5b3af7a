"""Shared fixtures: where ../shared lives, and a fresh store per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crosswire.config import Config
from crosswire.store import Store, open_store

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
