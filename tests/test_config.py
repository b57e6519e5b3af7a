"""Settings read from the environment."""

from __future__ import annotations

import pytest

from crosswire.config import Config


def test_workers_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_WORKERS", "3")
    assert Config().workers == 3
    monkeypatch.setenv("CROSSWIRE_WORKERS", "0")
    assert Config().workers == 1
    monkeypatch.delenv("CROSSWIRE_WORKERS")
    default = Config().workers
    monkeypatch.setenv("CROSSWIRE_WORKERS", "many")
    assert Config().workers == default >= 1
