"""The runnable examples in the matcher's docstrings and ``crosswire.api.same_meaning``."""

from __future__ import annotations

import doctest

import pytest

from crosswire import api
from crosswire.compare import meaning
from crosswire.compare.meaning import terms


@pytest.mark.parametrize("module", [meaning, terms])
def test_module_examples(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


def test_api_example(monkeypatch):
    monkeypatch.delenv("CROSSWIRE_STORY_EMBEDDER", raising=False)
    globs = {"same_meaning": api.same_meaning}
    (test,) = doctest.DocTestFinder().find(api.same_meaning, "same_meaning", globs=globs)
    result = doctest.DocTestRunner().run(test)
    assert result.attempted and not result.failed
