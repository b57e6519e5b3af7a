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
