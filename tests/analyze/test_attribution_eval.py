"""Scoring quotes against gold: matching rules and the offset-only samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.analyze.attribution_eval import (
    Span,
    content_match,
    load_offset_sample,
    speaker_match,
    text_digest,
)


def test_partial_match_needs_half_the_shorter_span() -> None:
    gold = Span([(10, 30)], text="the harbour will open in May")
    assert content_match(Span([(20, 40)]), gold)
    assert not content_match(Span([(25, 60)]), gold)


def test_speaker_match_is_overlap_or_both_unnamed() -> None:
    gold = Span([(0, 5)], source=[(8, 12)])
    assert speaker_match(Span([(0, 5)], source=[(10, 11)]), gold)
    assert not speaker_match(Span([(0, 5)], source=[(20, 24)]), gold)
    assert speaker_match(Span([(0, 5)]), Span([(0, 5)]))


def _sample(tmp_path: Path, text: str) -> Path:
    sample = tmp_path / "sample.json"
    sample.write_text(json.dumps({"articles": [{
        "id": "a1", "sha1": text_digest(text),
        "quotes": [{"content": [[0, 9]], "source": [11, 14]}],
    }]}), encoding="utf-8")
    return sample


def test_offset_sample_takes_the_text_that_was_annotated(tmp_path: Path) -> None:
    annotated = '"We won," Ada said.'
    sample = _sample(tmp_path, annotated)
    [gold] = load_offset_sample(sample, {"a1": ['"We lost," Ada said.', annotated]})
    assert gold.text == annotated
    assert gold.attributions[0].text == '"We won,"'
    with pytest.raises(ValueError, match="a1"):
        load_offset_sample(sample, {"a1": ['"We lost," Ada said.']})
