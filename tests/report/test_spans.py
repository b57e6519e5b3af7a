"""Cutting a text into nested marked spans."""

from crosswire.report.sentences import parse_span, sentence_around
from crosswire.report.spans import Mark, tokens


def _html(text, marks):
    out = []
    for t in tokens(text, marks):
        out.append({"open": lambda t: f"<{t.mark.cls}>", "close": lambda t: "</>",
                    "text": lambda t: t.text}[t.kind](t))  # fmt: skip
    return "".join(out)


def test_marks_nest_cross_and_drop_out_of_range():
    text = "Korhel said the port stays shut."
    marks = [Mark(0, 6, "speaker"), Mark(0, 11, "cue"), Mark(12, 31, "quote"),
             Mark(16, 20, "place"), Mark(25, 40, "beyond"), Mark(5, 5, "empty")]  # fmt: skip
    assert _html(text, marks) == (
        "<cue><speaker>Korhel</> said</> <quote>the <place>port</> stays shut</>."
    )
    # a mark crossing the end of its enclosing one is cut there, the text kept whole
    assert _html("ab cd ef", [Mark(0, 5, "a"), Mark(3, 8, "b")]) == "<a>ab <b>cd</></> ef"


def test_spans_as_references_write_them():
    assert parse_span("§12–40", 100) == (12, 40)
    assert parse_span(" 12 - 40 ", 100) == (12, 40)
    assert parse_span("12", 100) == (12, None)
    for bad in ("", "x", "40-12", "12-400", "-3", "100"):
        assert parse_span(bad, 100) is None, bad


def test_the_sentence_around_a_span():
    text = "First one. The port stays shut, Korhel said. Last one."
    start = text.index("port")
    assert text[slice(*sentence_around(text, (start, start + 4)))] == (
        "The port stays shut, Korhel said."
    )
    # the analysis's sentences win when they cover the span
    assert sentence_around(text, (start, start + 4), [(0, 10), (11, 30)]) == (11, 30)
