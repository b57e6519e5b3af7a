"""The copy decision on records alone, without a store."""

from crosswire.dedup.decide import Candidate, Printed, choose_original, estimated_jaccard
from crosswire.dedup.fingerprint import fingerprint

STORY = (
    "Engineers opened the spillway of the Orvel dam on Sunday after days of heavy rain in the "
    "upper valley. Chief engineer Ida Brannock said the reservoir was stable and that residents "
    "of Kessel, Marrow and Tine should stay alert through the week. The ministry said inspectors "
    "would return on Thursday to check the dam wall, and schools in the three villages stay closed."
)
NEAR = STORY.replace("Sunday", "Sunday morning") + " Reporting by the Valley Wire."
OTHER = "The port of Tarsk reopened on Friday after a nine-day strike over night-shift pay."


def _printed(aid: str, text: str) -> Printed:
    fp = fingerprint(text)
    return Printed(aid, fp.exact, fp.signature)


def _candidate(aid: str, text: str, age: tuple[str, int], original: str | None = None,
               fingerprinted: bool = True) -> Candidate:  # fmt: skip
    fp = fingerprint(text)
    signature = fp.signature if fingerprinted else None
    return Candidate(aid, fp.exact, signature, original or aid, age)


def test_a_near_copy_takes_the_oldest_original_of_its_candidates():
    article = _printed("new", NEAR)
    candidates = [
        _candidate("b", STORY, ("2026-03-02", 5)),
        _candidate("a", STORY.replace(".", "!"), ("2026-03-01", 9)),
        _candidate("c", OTHER, ("2026-01-01", 1)),
    ]
    assert estimated_jaccard(article.signature, candidates[0].signature) >= 0.8
    assert choose_original(article, candidates) == "a"


def test_a_copy_of_a_copy_links_to_the_first_source():
    candidates = [_candidate("copy", STORY, ("2026-03-01", 1), original="source")]
    assert choose_original(_printed("new", STORY), candidates) == "source"


def test_an_exact_copy_decides_alone_and_one_not_yet_fingerprinted_is_no_original():
    # Same words as an article stored but not fingerprinted yet: no original, even though an
    # older near copy is there (the local pipeline's rule, kept by every engine).
    candidates = [
        _candidate("later", STORY, ("2026-03-05", 7), fingerprinted=False),
        _candidate("older", NEAR, ("2026-01-01", 1)),
    ]
    assert choose_original(_printed("new", STORY), candidates) is None
    assert choose_original(_printed("new", STORY), candidates[1:]) == "older"


def test_unrelated_text_and_itself_are_no_original():
    article = _printed("new", STORY)
    assert choose_original(article, [_candidate("c", OTHER, ("2026-01-01", 1))]) is None
    assert choose_original(article, [_candidate("new", STORY, ("2026-01-01", 1))]) is None
