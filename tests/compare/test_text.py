from crosswire.compare.speakers import compatible_speakers, local_same_actor
from crosswire.compare.text import containment, content_stems, split_lines, stem


def test_stems_merge_inflections_and_drop_function_words():
    assert stem("convinced") == stem("conviction")
    assert stem("Vorland's") == stem("Vorland")
    assert content_stems("He said that the bridges were closed") == {"bridg", "close"}


def test_containment_is_one_sided():
    short, long = {"a1", "b1"}, {"a1", "b1", "c1", "d1"}
    assert containment(short, long) == 1.0
    assert containment(long, short) == 0.5


def test_split_lines_trims_and_skips_blank_lines():
    text = "Harbor Works Expand\nThe port grew.  \n\nIt rained."
    spans = list(split_lines(text, 0, len(text)))
    assert [text[s:e] for s, e in spans] == ["Harbor Works Expand", "The port grew.", "It rained."]


def test_local_speaker_fallback():
    assert local_same_actor("Brandt", "Ilse Brandt")
    assert local_same_actor("Minister Ilse Brandt", "ilse brandt")
    assert not local_same_actor("Ilse Brandt", "Piet Brandt")
    assert compatible_speakers(None, "Piet Morrow")
    assert not compatible_speakers("Ilse Brandt", "Piet Morrow")
