"""Quote extraction and speaker attribution: fictional fixtures, then the real seeds."""

from __future__ import annotations

import pytest
from helpers import RESOURCES, shared_path

from crosswire.analyze import analyze_article
from crosswire.analyze.actors import same_actor
from crosswire.records import Analysis, Article, Quote

QUOTES = RESOURCES / "quotes"
# Boilerplate that cleaning removes: EIN Presswire's disclaimer, a "Read also" list.
BOILERPLATE_MARKERS = ("Legal Disclaimer:", "Read also")


def seed_article(prefix: str) -> Article:
    """The seed whose file name starts with ``prefix``, as cleaning would leave it: the title
    line (short, no final stop) and the trailing boilerplate removed."""
    path = next(shared_path("corpus", "seeds").glob(f"{prefix}_*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    first = lines[0].strip()
    if len(first.split()) <= 20 and not first.endswith((".", "!", "?", "”", '"')):
        lines = lines[1:]
    body = "\n".join(lines)
    for marker in BOILERPLATE_MARKERS:
        cut = body.find(marker)
        if cut >= 0:
            body = body[:cut]
    return Article(id=path.stem, source=str(path), text=body.strip(), raw=body)


def analyse(text: str) -> Analysis:
    return analyze_article(Article(id="t", source="t", text=text, raw=text))


def find(analysis: Analysis, words: str, kind: str | None = None) -> Quote:
    """The quote (of ``kind``) whose text contains ``words``: exactly one."""
    hits = [q for q in analysis.quotes if words in q.text and kind in (None, q.kind)]
    assert len(hits) == 1, [q.text for q in analysis.quotes]
    return hits[0]


@pytest.fixture(scope="module")
def harbour() -> Analysis:
    text = (QUOTES / "harbour.txt").read_text(encoding="utf-8").strip()
    return analyse(text)


def test_split_quote_is_one_quote_spanning_both_parts(harbour: Analysis) -> None:
    quote = find(harbour, "behind schedule")
    assert "storms in March" in quote.text
    assert quote.kind == "direct"
    assert quote.speaker == "Ilsa Brandt"
    assert (quote.speaker_text, quote.cue) == ("Brandt", "said")
    assert not any("storms in March" in q.text and q is not quote for q in harbour.quotes)


def test_offsets_point_at_content_without_marks(harbour: Analysis) -> None:
    text = (QUOTES / "harbour.txt").read_text(encoding="utf-8").strip()
    quote = find(harbour, "Nobody wanted")
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "she"


def test_pronoun_goes_to_subject_not_last_name(harbour: Analysis) -> None:
    # The sentence before names the mayor (possessive object), but its subject is Brandt.
    assert find(harbour, "Nobody wanted").speaker == "Ilsa Brandt"


def test_curly_marks_and_colon_cue(harbour: Analysis) -> None:
    quote = find(harbour, "council stands behind")
    assert (quote.kind, quote.cue, quote.speaker) == ("direct", "told", "Tomas Quill")


def test_partial_quote_inside_sentence(harbour: Analysis) -> None:
    quote = find(harbour, "race against the tide")
    assert quote.text == "a race against the tide"
    assert (quote.kind, quote.cue, quote.speaker) == ("partial", "described", "Ilsa Brandt")


def test_indirect_speech(harbour: Analysis) -> None:
    quote = find(harbour, "breakwater would not be finished")
    assert quote.kind == "indirect"
    assert quote.cue == "warned"
    assert quote.speaker == "Ilsa Brandt"
    assert not quote.text.startswith("that ")


def test_group_speaker_is_the_phrase_as_written(harbour: Analysis) -> None:
    quote = find(harbour, "driven away customers")
    assert quote.speaker == "Fishermen"


def test_same_surname_people_stay_apart(harbour: Analysis) -> None:
    assert find(harbour, "lose money").speaker == "Oskar Lind"
    assert find(harbour, "better than ever").speaker == "Marta Lind"
    assert find(harbour, "better than ever").cue == "saying"


def test_multi_paragraph_quote_is_one_quote(harbour: Analysis) -> None:
    quote = find(harbour, "budget is fixed")
    assert "no new taxes" in quote.text
    assert '"' not in quote.text
    assert quote.speaker == "Tomas Quill"


def test_unattributed_quote_has_no_speaker() -> None:
    analysis = analyse('The square was quiet.\n"Nobody came to the market today at all."')
    quote = find(analysis, "Nobody came")
    assert quote.speaker is None and quote.cue is None


def test_scare_quotes_are_not_quotes() -> None:
    analysis = analyse('The so-called "green corridor" opened in Dalmora last spring.')
    assert analysis.quotes == []


def test_headline_quote_goes_to_its_own_source() -> None:
    # A related-articles line after a quote by someone else must not inherit that speaker.
    analysis = analyse(
        '"We will rebuild the bridge by May," Mayor Ewa Sarnik said.\n'
        "“Tolls are coming”: Dalmora may charge drivers on the river road in 2027, says expert"
    )
    quote = find(analysis, "Tolls are coming")
    assert quote.speaker in (None, "expert")


def test_straight_and_curly_marks_mix() -> None:
    analysis = analyse('Ewa Sarnik said: “The river is rising fast." She left at noon.')
    quote = find(analysis, "river is rising")
    assert (quote.speaker, quote.cue) == ("Ewa Sarnik", "said")


def test_same_actor_matches_surname_suffix() -> None:
    assert same_actor("Rutte", "Mark Rutte")
    assert same_actor("Mark Rutte", "Rutte")
    assert not same_actor("Hillary Clinton", "Chelsea Clinton")
    assert not same_actor("Rutte", "")


def test_uncued_paragraph_continues_previous_statement() -> None:
    # The speaker named for an indirect statement goes on into the next quote paragraph.
    analysis = analyse(
        "Mayor Ewa Sarnik said the bridge would reopen in May.\n"
        "“We have the money and the crews ready for the work.”"
    )
    quote = find(analysis, "crews ready", kind="direct")
    assert quote.cue is None
    assert (quote.speaker, quote.speaker_text) == ("Ewa Sarnik", "Ewa Sarnik")


def test_any_verb_after_an_open_quote_reports_it() -> None:
    analysis = analyse("“The toll is a tax on the poor,” Oskar Lind shot back.")
    quote = find(analysis, "tax on the poor")
    assert (quote.kind, quote.speaker) == ("direct", "Oskar Lind")


def test_source_named_before_a_colon_without_verb() -> None:
    analysis = analyse(
        "HARBOUR WORKS RUN LATE - Ilsa Brandt: “The storms in March cost us six weeks of work.”"
    )
    assert find(analysis, "storms in March").speaker == "Ilsa Brandt"
    report = analyse(
        "The audit was published on Monday.\n"
        "More from the report: “Costs rose by a third over two years.”"
    )
    assert find(report, "Costs rose").speaker_text == "the report"


def test_one_cue_serving_both_halves_makes_one_quote() -> None:
    analysis = analyse(
        "“The budget is fixed,” Tomas Quill said, “and there will be no new taxes for the bridge.”"
    )
    assert len(analysis.quotes) == 1
    assert "no new taxes" in analysis.quotes[0].text
    assert analysis.quotes[0].speaker == "Tomas Quill"


def test_title_inside_the_cue_sentence_does_not_split_the_quote() -> None:
    analysis = analyse(
        "“We will reopen in May,” Ewa Sarnik told Radio Velmar’s “Morning Show” on Monday. "
        "“The crews are ready.”"
    )
    quote = find(analysis, "reopen in May")
    assert "crews are ready" in quote.text
    assert quote.speaker == "Ewa Sarnik"
    assert not any("Morning Show" in q.text for q in analysis.quotes)


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''We lose money every day,'' said Oskar Lind, who runs a smokehouse."
    quote = find(analyse(text), "lose money")
    assert quote.text == "We lose money every day"
    assert text[quote.start : quote.end] == quote.text
    assert (quote.kind, quote.speaker) == ("direct", "Oskar Lind")


def test_stance_verb_attributes_its_object() -> None:
    analysis = analyse("Councillor Marta Lind accused the contractor of hiding the delays.")
    quote = find(analysis, "contractor of hiding")
    assert (quote.kind, quote.cue) == ("indirect", "accused")
    assert quote.speaker is not None and same_actor(quote.speaker, "Marta Lind")


def test_stance_verb_needs_an_agent() -> None:
    # A plan or a number "supports" nothing in the reporting sense.
    assert analyse("The new budget supports the harbour works in Velmar.").quotes == []


def test_cue_before_a_closed_quote_wins_over_the_next_sentence() -> None:
    analysis = analyse(
        "But, Tomas Quill said, “The council stands behind the harbour.” "
        "And, he added, the vote was close."
    )
    quote = find(analysis, "stands behind")
    assert (quote.cue, quote.speaker_text) == ("said", "Tomas Quill")


def test_name_before_the_cue_through_an_apposition() -> None:
    analysis = analyse(
        "In a statement to the Velmar Courier, her senior adviser, Tomas Quill, said: "
        "“The harbour will open on time.”"
    )
    assert find(analysis, "open on time").speaker == "Tomas Quill"


# -- the real case: three outlets' reports of one event ---------------------------------------


@pytest.fixture(scope="module")
def seed000() -> Analysis:
    return analyze_article(seed_article("000"))


@pytest.fixture(scope="module")
def seed002() -> Analysis:
    return analyze_article(seed_article("002"))


@pytest.fixture(scope="module")
def seed003() -> Analysis:
    return analyze_article(seed_article("003"))


def test_seed000_every_quote_is_rutte(seed000: Analysis) -> None:
    direct = [q for q in seed000.quotes if q.kind == "direct"]
    assert len(direct) == 5
    assert all(q.speaker == "Rutte" for q in seed000.quotes)


def test_seed000_pronoun_cues_resolve_to_rutte(seed000: Analysis) -> None:
    cues = {q.cue for q in seed000.quotes if q.speaker_text == "he"}
    assert {"said", "added", "stressed"} <= cues
    # The last quote follows a sentence naming Trump; its speaker is still the subject, Rutte.
    last = max(seed000.quotes, key=lambda q: q.start)
    assert (last.cue, last.speaker) == ("stressed", "Rutte")


def test_seed000_description_joins_rutte(seed000: Analysis) -> None:
    forms = [f.lower() for f in seed000.actors["Rutte"]]
    assert "the alliance's top official" in forms


def test_seed002_junior_partner_quote_is_rutte(seed002: Analysis) -> None:
    quote = find(seed002, "junior partner")
    assert quote.kind == "direct"
    assert same_actor(quote.speaker or "", "Rutte")


def test_seed002_indirect_warning(seed002: Analysis) -> None:
    quote = find(seed002, "a victorious Russia would pose")
    assert quote.kind == "indirect"
    assert quote.speaker == "Mark Rutte"
    assert quote.cue == "warned"


def test_seed002_partial_quote(seed002: Analysis) -> None:
    quote = find(seed002, "most dangerous time", kind="partial")
    assert quote.speaker == "Mark Rutte"
    assert quote.cue == "describing"


def test_seed003_split_quote_is_rutte(seed003: Analysis) -> None:
    quote = find(seed003, "junior partner in Moscow")
    assert "absolute conviction" in quote.text
    assert quote.speaker == "Mark Rutte"
    assert "the nato chief" in [f.lower() for f in seed003.actors["Mark Rutte"]]


def test_seed003_group_speaker(seed003: Analysis) -> None:
    quote = find(seed003, "entirely consistent")
    assert quote.speaker == "officials"
