from crosswire.report.diff import mark_differences


def changed(segments) -> list[str]:
    return [s.text for s in segments if s.differs]


def test_segments_join_back_to_the_variant() -> None:
    variants = ["We will not unload a single ship.", "We won’t unload one ship, ever!"]
    for text, segments in zip(variants, mark_differences(variants), strict=True):
        assert "".join(s.text for s in segments) == text


def test_marks_only_the_words_that_differ() -> None:
    a, b = mark_differences(
        ["The spillway gave way shortly after four", "The spillway broke soon after four"]
    )
    assert changed(a) == ["gave way shortly"]
    assert changed(b) == ["broke soon"]


def test_identical_wordings_have_no_marks() -> None:
    a, b = mark_differences(["Nobody was left behind.", "nobody was left behind"])
    assert changed(a) == changed(b) == []


def test_punctuation_and_curly_apostrophes_are_not_changes() -> None:
    a, b = mark_differences(["“It doesn’t matter,” she said", '"It doesn\'t matter" she said'])
    assert changed(a) == changed(b) == []


def test_a_word_missing_from_any_other_variant_is_marked() -> None:
    a, b, c = mark_differences(["ships wait here", "ships wait here", "ships queue here"])
    assert changed(a) == changed(b) == ["wait"]
    assert changed(c) == ["queue"]


def test_neighbouring_changes_form_one_run_across_punctuation() -> None:
    a, _ = mark_differences(["red, blue and green", "yellow and green"])
    assert changed(a) == ["red, blue"]


def test_decimal_numbers_are_one_word() -> None:
    a, b = mark_differences(["up to 1.1 million people", "up to 1.2 million people"])
    assert changed(a) == ["1.1"] and changed(b) == ["1.2"]


def test_single_variant_has_nothing_to_compare() -> None:
    (only,) = mark_differences(["We stay out"])
    assert changed(only) == []


def test_a_fragment_does_not_mark_the_full_wordings_against_it() -> None:
    full_a = "nobody will return to the lower town before every metre is checked"
    full_b = "we will not let anyone back into the lower town until every metre is checked"
    a, b, part = mark_differences([full_a, full_b, "every metre is checked"])
    assert [s.text for s in a if s.differs] == ["nobody", "return to", "before"]
    assert not any(s.differs for s in part)
