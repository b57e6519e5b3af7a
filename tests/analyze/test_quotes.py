"""Quote extraction and speaker attribution: fictional fixtures, then the real seeds."""

from __future__ import annotations

import pytest
import spacy
from helpers import RESOURCES, shared_path
from spacy.tokens import Doc, Span

from crosswire.analyze import analyze_article
from crosswire.analyze.actors import same_actor
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.quotes import extract_quotes
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


# -- how news prose attributes speech: one rule per test ------------------------------------------
def parsed(rows: list[tuple[str, str, str, str, int, str]], spaces: list[bool],
           persons: list[tuple[int, int]]) -> Doc:
    """A doc with a given parse (word, POS, tag, dependency, head index, lemma), to pin a
    rule to the misparse it handles whatever the installed model makes of the sentence."""
    doc = Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        spaces=spaces,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )
    doc.ents = [Span(doc, s, e, label="PERSON") for s, e in persons]
    return doc


def quotes_of(doc: Doc) -> list[Quote]:
    entities, actors = extract_entities(doc)
    return extract_quotes(doc, entities, actors)


def test_word_before_the_speaker_title_does_not_block_the_cue() -> None:
    # "Stamp" is taken for a verb with its own object; the cue after it still reports.
    quote = find(analyse(
        '"We know how the valley is going to go," Stamp senior adviser Paul Okafor conceded '
        "in an interview before the vote."
    ), "valley")
    assert quote.speaker == "Paul Okafor"


def test_subject_outside_the_quotation_speaks() -> None:
    quote = find(analyse(
        "“The drop we are seeing is tied to the emails, the foundation, all the old stuff,” "
        "said a person close to the Lind family. “It is a serious problem.”"
    ), "drop")
    assert quote.speaker_text == "a person"


def test_inverted_cue_takes_the_described_speaker_after_it() -> None:
    rows = [
        ('"', "PUNCT", "``", "punct", 2, '"'), ("We", "PRON", "PRP", "nsubj", 2, "we"),
        ("lost", "VERB", "VBD", "ccomp", 5, "lose"), (",", "PUNCT", ",", "punct", 5, ","),
        ('"', "PUNCT", "''", "punct", 5, '"'), ("said", "VERB", "VBD", "ROOT", 5, "say"),
        ("retired", "VERB", "VBN", "amod", 7, "retire"),
        ("surgeon", "NOUN", "NN", "compound", 9, "surgeon"),
        ("Elena", "PROPN", "NNP", "compound", 9, "Elena"),
        ("Voss", "PROPN", "NNP", "nsubj", 11, "Voss"),  # the subject of "asked", not "said"
        (",", "PUNCT", ",", "punct", 9, ","), ("asked", "VERB", "VBD", "ccomp", 5, "ask"),
        ("about", "ADP", "IN", "prep", 11, "about"), ("it", "PRON", "PRP", "pobj", 12, "it"),
        (".", "PUNCT", ".", "punct", 5, "."),
    ]
    spaces = [False, True, False, False, True, True, True, True, True, False, True, True, True,
              False, False]
    [quote] = quotes_of(parsed(rows, spaces, [(8, 10)]))
    assert quote.text == "We lost"
    assert (quote.speaker, quote.speaker_text) == ("Elena Voss", "retired surgeon Elena Voss")


def test_dash_signature_line_signs_the_quotation_without_ner() -> None:
    quote = find(analyse(
        'Halvorsen spoke at the harbour on Monday.\n\n"We will rebuild the pier before the '
        'winter storms arrive."\n\n- Halvorsen.'
    ), "rebuild")
    assert quote.speaker_text == "Halvorsen"


def test_cue_hung_on_the_quoted_clause_takes_the_source_after_it() -> None:
    quote = find(analyse(
        'Dunmore drafted the reply overnight.\n\n"In preparing the report, the office kept records '
        'of every meeting, and in several places added remarks of its own," read the '
        "statement, which was attributed to Dunmore."
    ), "kept records")
    assert (quote.cue, quote.speaker_text) == ("read", "the statement")


def test_document_source_before_a_verb_tagged_as_noun() -> None:
    quote = find(analyse(
        "The paper ran an editorial on Friday.\n\n“If she wants to be the next governor, Marta "
        "Lind should act like one, and come to the valley,” the editorial read."
    ), "next governor")
    assert quote.speaker_text == "the editorial"


def test_surname_tagged_as_common_word_is_the_speaker() -> None:
    rows = [
        ("Rex", "PROPN", "NNP", "compound", 1, "Rex"),
        ("Early", "PROPN", "NNP", "nsubj", 2, "Early"),
        ("chairs", "VERB", "VBZ", "ROOT", 2, "chair"), ("the", "DET", "DT", "det", 4, "the"),
        ("party", "NOUN", "NN", "dobj", 2, "party"), (".", "PUNCT", ".", "punct", 2, "."),
        ("Told", "VERB", "VBN", "advcl", 12, "tell"), ("of", "ADP", "IN", "prep", 6, "of"),
        ("the", "DET", "DT", "det", 9, "the"), ("poll", "NOUN", "NN", "pobj", 7, "poll"),
        (",", "PUNCT", ",", "punct", 12, ","),
        ("Early", "ADV", "RB", "advmod", 12, "early"),  # the surname read as an adverb
        ("described", "VERB", "VBD", "ROOT", 12, "describe"),
        ("it", "PRON", "PRP", "dobj", 12, "it"), ("as", "ADP", "IN", "prep", 12, "as"),
        ("“", "PUNCT", "``", "punct", 16, "“"), ("news", "NOUN", "NN", "pobj", 14, "news"),
        ("to", "ADP", "IN", "prep", 16, "to"), ("me", "PRON", "PRP", "pobj", 17, "me"),
        (".", "PUNCT", ".", "punct", 12, "."), ("”", "PUNCT", "''", "punct", 12, "”"),
    ]
    spaces = [True, True, True, True, False, True, True, True, True, False, True, True, True,
              True, True, False, True, True, False, False, False]
    [quote] = quotes_of(parsed(rows, spaces, [(0, 2)]))
    assert (quote.kind, quote.text) == ("partial", "news to me.")
    assert (quote.speaker, quote.speaker_text) == ("Rex Early", "Early")


def test_roundup_source_after_the_headline_dash() -> None:
    quote = find(analyse(
        "Pollsters agree - Carl Benning: “The clearest lesson was an old one: keep knocking on "
        "doors until the last polling station closes.”"
    ), "clearest lesson")
    assert (quote.cue, quote.speaker) == (None, "Carl Benning")


def test_subject_of_a_passive_cue_is_not_the_speaker() -> None:
    asked = analyse(
        "Okafor was asked, “If you had known about the server, would you have told her it was "
        "a bad idea?” He answered, “I have no idea.”"
    )
    assert find(asked, "known about the server").speaker_text is None
    described = find(analyse(
        "The book, now a film, is described on the publisher's site as a “riveting account of "
        "the rescue.”"
    ), "riveting")
    # Words reported without naming who said them: kept, with no speaker rather than the book.
    assert (described.kind, described.speaker_text) == ("partial", None)


def test_name_before_an_aside_speaks() -> None:
    noting = find(analyse(
        "So far, Varga has shown little interest in that role. But Sen. Ana Reyes (D-Ore.), "
        "noting the size of Varga's following, said, \"Believe me, he has a mighty long "
        'mailing list, and he ought to put it to work."'
    ), "mailing list")
    assert noting.speaker_text is not None and "Reyes" in noting.speaker_text
    exasperated = find(analyse(
        "The senator kept pressing her on the attack. Lind, exasperated, famously responded: "
        '"What difference, at this point, does it make?"'
    ), "What difference")
    assert exasperated.speaker_text == "Lind"


def test_according_to_after_a_quotation_names_its_source() -> None:
    alone = find(analyse(
        "“The new material shows the ministry compiled extensive dossiers on senators,” "
        "according to Harbour Watch."
    ), "new material")
    assert (alone.cue, alone.speaker) == ("according to", "Harbour Watch")
    # With a speech verb first, the speaker stays the one who said it.
    said = find(analyse(
        "Marta Lind spoke on Monday. “It is time to act,” Lind said, according to the Coast "
        "Gazette."
    ), "time to act")
    assert said.speaker == "Marta Lind"


def test_statement_reported_inside_another_does_not_take_over_the_next_quote() -> None:
    analysis = analyse(
        "“Rates will rise in December,” said Megan Varga, chief economist at Corvane Bank. “And "
        "Fed governors have been lining up to say they want to tighten policy.” Varga added "
        "that the Fed badly wants to act well ahead of the vote. “They won’t say so in public, "
        "but they will move for reasons of their own.”"
    )
    assert any(q.speaker == "Fed" for q in analysis.quotes)  # "the Fed wants ..."
    assert find(analysis, "They won’t say").speaker == "Megan Varga"


def test_colon_after_a_relative_clause_is_introduced_by_the_main_subject() -> None:
    quote = find(analyse(
        'Lind made her case at the hearing.\n\n"Mistakes were made," said a former senior '
        'official. "But were they crimes?"\n\nLind has since apologized for what '
        'went wrong: "Yes, I should have kept the two accounts apart."'
    ), "two accounts")
    assert quote.speaker_text == "Lind"


def test_statement_noun_as_object_still_announces_the_quote() -> None:
    quote = find(analyse(
        '"We will not close the school," the council said on Monday.\n\nOn the other side, '
        'Sen. Ana Reyes tweeted a warning. "Harbour town: remember in November the members who '
        'voted for this."'
    ), "remember in November")
    assert (quote.cue, quote.speaker_text) == ("tweeted", "Reyes")


def test_he_continues_a_speaker_the_entity_model_did_not_take_for_a_person() -> None:
    # The small English model tags "Malvik" as an organisation here.
    text = (
        "Flood waters reached the lower town of Port Aldwin.\n\n"
        '"The spillway broke soon after four in the morning, and our teams had under one hour '
        'to alert the villages below the dam," Teodor Malvik said, speaking at a press '
        "conference in Merrowfield.\n\n"
        '"Nobody will return to the lower town before the engineers have inspected every metre '
        'of the embankment," he added.\n'
    )
    first, second = analyse(text).quotes
    assert first.speaker_text == "Malvik"
    assert second.speaker_text == "he" and second.speaker == first.speaker


def test_an_imagined_stance_is_no_statement() -> None:
    text = (
        "Germany could urge France to close the border, according to Foreign Minister Ilse "
        "Brandt. If NATO were drawn into supporting the French army, the talks would fail, she "
        "said. Councillor Marta Lind criticised the border police for its late warning."
    )
    quotes = analyse(text).quotes
    speakers = [q.speaker for q in quotes]
    assert "Germany" not in speakers and "NATO" not in speakers
    assert speakers == ["Ilse Brandt", "Ilse Brandt", "Marta Lind"]
    # what "according to" attributes ends where the phrase begins
    assert quotes[0].text == "Germany could urge France to close the border"


def test_reported_clause_keeps_the_closing_mark_of_the_words_it_quotes() -> None:
    text = (
        "Teodor Malvik, spokesman for the agency, spoke on Tuesday.\n\n"
        "Malvik said nobody would return before engineers had checked “every metre of the "
        "embankment.”\n"
    )
    (quote,) = analyse(text).quotes
    assert quote.kind == "indirect"
    assert quote.text.endswith("“every metre of the embankment.”")
    assert text[quote.start : quote.end] == quote.text


def test_a_verb_reports_the_clause_after_it_not_the_one_before_a_colon() -> None:
    text = (
        "Teodor Malvik, spokesman for the agency, spoke on Tuesday.\n\n"
        "Residents of the lower town will have to wait: Malvik said engineers would first "
        "inspect the embankment.\n"
    )
    (quote,) = analyse(text).quotes
    assert quote.text == "engineers would first inspect the embankment"
    assert quote.speaker_text == "Malvik"


def test_dash_after_the_closing_mark_signs_the_quotation() -> None:
    text = (
        "Readers wrote in about the new ferry timetable.\n\n"
        "“The last boat leaves before my shift ends, and nobody asked for my opinion.” ― "
        "Maren Solbakk\n"
        "“Finally a Sunday service. We waited eleven years for it.” ― Jonas Eide\n"
    )
    quotes = [q for q in analyse(text).quotes if q.kind == "direct"]
    assert [q.speaker_text for q in quotes] == ["Maren Solbakk", "Jonas Eide"]
    start = quotes[1].speaker_start
    assert text[start : quotes[1].speaker_end] == "Jonas Eide"


def test_cue_set_off_by_commas_reports_the_sentence_around_it() -> None:
    text = "The harbour, Lind said on Tuesday, was “where the whole town began.”\n"
    (quote,) = analyse(text).quotes
    assert quote.kind == "indirect"
    assert quote.speaker_text == "Lind"
    assert quote.text == "The harbour was “where the whole town began.”"
    assert text[quote.start : quote.end].startswith("The harbour, Lind said")


def test_as_someone_put_it_introduces_the_quotation() -> None:
    text = (
        "As Ines Halvorsen of the Courier put it, “the harbour is the town and the town is "
        "tired.”\n"
    )
    (quote,) = analyse(text).quotes
    assert (quote.kind, quote.cue, quote.speaker) == ("direct", "put", "Ines Halvorsen")


def test_said_in_a_statement_that_reports_the_clause() -> None:
    text = (
        "Jonas Eide, who runs the ferry company, said in a statement that “the new timetable "
        "has stopped the company from serving the islands.”\n"
    )
    (quote,) = analyse(text).quotes
    assert quote.kind == "indirect" and quote.speaker == "Jonas Eide"
    assert "stopped the company" in quote.text


def test_name_given_by_call_is_quoted_even_in_title_case() -> None:
    text = "Mayor Ines Halvorsen called Lind “The Stubborn Man of the Valley.”\n"
    quote = find(analyse(text), "Stubborn")
    assert (quote.kind, quote.cue, quote.speaker) == ("partial", "called", "Ines Halvorsen")


def test_listed_fragments_under_one_cue_are_one_quote() -> None:
    text = "Lind called the plan a “costly gamble,” an “open insult” and a “reckless idea.”\n"
    quotes = analyse(text).quotes
    assert len(quotes) == 1, [q.text for q in quotes]
    assert quotes[0].text.startswith("costly gamble, open insult")
    assert text[quotes[0].start : quotes[0].end].startswith("costly gamble,” an “open insult")
    assert quotes[0].speaker == "Lind"


def test_what_it_called_is_said_by_the_organisation() -> None:
    text = (
        "The Harbour Council on Friday condemned the plan and pledged to act against what it "
        "called “a danger to every family on the quay.”\n"
    )
    quote = find(analyse(text), "every family")
    assert quote.speaker_text == "The Harbour Council"


def test_inverted_cue_before_a_colon_names_its_speaker() -> None:
    text = "Reyes spoke last.\n\nSaid Reyes: “I do not think the council has read the plan.”\n"
    quote = find(analyse(text), "read the plan")
    assert (quote.cue, quote.speaker_text) == ("Said", "Reyes")


def test_standalone_quotation_continues_the_subject_just_named() -> None:
    text = (
        "Councillor Marta Lind filed the complaint against the ferry company on Monday.\n\n"
        "“We are asking the court to stop the new timetable before the winter.”\n"
    )
    quote = find(analyse(text), "asking the court")
    assert quote.speaker == "Marta Lind"


def test_standalone_quotation_does_not_continue_a_body_named_since() -> None:
    text = (
        "Councillor Marta Lind voted against the plan. Critics wanted the Velmar City Council "
        "to wait for the spring. You can see the post below:\n\n“Hey council, remember your "
        "promises about the pier?”\n"
    )
    quote = find(analyse(text), "remember your promises")
    assert quote.speaker is None


def test_reported_clause_stops_before_a_participle_after_a_quoted_comma() -> None:
    text = (
        "Lind insisted that she has “expanded the harbour trade,” claiming that she is "
        "responsible for the new jobs.\n"
    )
    first, second = analyse(text).quotes
    assert first.text == "she has “expanded the harbour trade,”"
    assert (second.cue, second.text) == ("claiming", "she is responsible for the new jobs")


def test_participle_on_the_message_is_spoken_by_who_sent_it() -> None:
    text = 'Her campaign sent out an email to supporters saying, "The harbour needs you now."\n'
    (quote,) = analyse(text).quotes
    assert (quote.cue, quote.speaker_text) == ("saying", "Her campaign")


def test_by_agent_of_a_participle_cue_speaks() -> None:
    text = (
        "The review, widely labeled as a “charade” by harbour workers, will close in May. "
        "She was “extremely careless” with the files, as described by the inspector Ana Lind.\n"
    )
    first = find(analyse(text), "charade")
    second = find(analyse(text), "extremely careless")
    assert (first.cue, first.speaker_text) == ("labeled", "harbour workers")
    assert (second.cue, second.speaker_text) == ("described", "Ana Lind")


def test_fronted_prepositional_phrase_is_not_the_speaker() -> None:
    # The parser can take the "Of" of a fronted "Of X," for the subject of the cue.
    text = (
        "Harbour pilot Ivo Marek said of the mayor: “She is a careful woman.” "
        "Of Holm, Marek, who has given money to Anton Berg, said, "
        "“He is flat-out reckless. I think he is a good man.”\n"
    )
    quote = find(analyse(text), "flat-out reckless")
    assert quote.speaker_text == "Marek"


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        ("“Why is the ferry late again?” Ana Ostrander demanded.\n", "ferry late", "Ana Ostrander"),
        ("“Is the timetable final?” Holm pressed. “Not yet,” Berg said.\n", "timetable", "Holm"),
        ("“We will not pay for it,” the mayor, Dana Holm, fired back.\n", "not pay", "Dana Holm"),
        ("“Shame on the board!” a resident yelled from the gallery.\n", "Shame on", "a resident"),
    ],
)
def test_less_common_verbs_of_saying_are_cues(text: str, needle: str, speaker: str) -> None:
    quote = find(analyse(text), needle)
    assert quote.speaker_text == speaker


def test_gerund_subject_names_an_activity_not_a_stance() -> None:
    # "that supporting Ostland now is wiser ...": the gerund is the clause's subject; nobody is
    # said to support anything, so no stance quote on "Ostland" beside the reported clause.
    rows = [
        ("Marta", "PROPN", "NNP", "compound", 1, "Marta"),
        ("Lind", "PROPN", "NNP", "nsubj", 2, "Lind"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        ("in", "ADP", "IN", "prep", 2, "in"),
        ("Velmar", "PROPN", "NNP", "pobj", 3, "Velmar"),
        (".", "PUNCT", ".", "punct", 2, "."),
        ("She", "PRON", "PRP", "nsubj", 7, "she"),
        ("insisted", "VERB", "VBD", "ROOT", 7, "insist"),
        ("that", "SCONJ", "IN", "mark", 12, "that"),
        ("supporting", "VERB", "VBG", "csubj", 12, "support"),
        ("Ostland", "PROPN", "NNP", "dobj", 9, "Ostland"),
        ("now", "ADV", "RB", "advmod", 12, "now"),
        ("is", "AUX", "VBZ", "ccomp", 7, "be"),
        ("wiser", "ADJ", "JJR", "acomp", 12, "wise"),
        ("than", "ADP", "IN", "prep", 13, "than"),
        ("waiting", "VERB", "VBG", "pcomp", 14, "wait"),
        (".", "PUNCT", ".", "punct", 7, "."),
    ]
    spaces = [True] * 4 + [False] + [True] * 10 + [False, False]
    quotes = quotes_of(parsed(rows, spaces, [(0, 2), (10, 11)]))
    assert [(q.kind, q.cue, q.text) for q in quotes] == [
        ("indirect", "insisted", "supporting Ostland now is wiser than waiting")
    ]


def test_according_to_in_the_next_sentence_does_not_source_a_closed_quote() -> None:
    quote = find(analyse(
        'The council met again. "It is a good year for the port," said Ines Halm, head of '
        'cargo at Castlemere. "I would not expect the toll to rise." The highest toll was 40 '
        "crowns in 2008, according to the Harbour League."
    ), "good year for the port", "direct")
    assert "toll to rise" in quote.text
    assert (quote.cue, quote.speaker) == ("said", "Ines Halm")


def test_a_closed_quote_is_not_reported_by_a_verb_deep_in_the_next_sentence() -> None:
    quote = find(analyse(
        'Coach Dara Pell wants a title. "It is a one-game season," Pell said at her press '
        'conference. "It is a new season." The Herons have lost four straight finals and Pell '
        "has vowed to end that run."
    ), "one-game season", "direct")
    assert "a new season" in quote.text
    assert (quote.cue, quote.speaker_text) == ("said", "Pell")


def test_described_source_with_a_modifier_before_a_verb_tagged_as_noun() -> None:
    analysis = analyse(
        "The search ended on Friday, the Valley Herald reported.\n\n“Our thoughts are with the "
        "crew and their families,” a statement from the harbour authority read.\n\n“We ask "
        "for privacy.”"
    )
    first = find(analysis, "Our thoughts")
    assert (first.cue, first.speaker_text) == ("read", "a statement")
    # The uncued paragraph after it continues the statement, not the newspaper.
    assert find(analysis, "privacy").speaker_text == "a statement"


def test_quotation_glued_to_the_words_around_it() -> None:
    # Flattened text loses the spaces around the marks; the speaker is still found.
    quote = find(analyse(
        "The mayor spoke at the pier on Monday.The talks had stalled.\"We will see. I have a "
        'good relationship with the union,"Halm told reporters at the pier.'
    ), "We will see")
    assert (quote.kind, quote.cue, quote.speaker_text) == ("direct", "told", "Halm")


def test_single_quotation_marks_quote_like_double_ones() -> None:
    analysis = analyse(
        "The transport minister, Ellen Voss, defended the plan on Monday. ‘We will not back "
        "down,’ Ms Voss said. ‘The harbour scheme stands, and the workers’ jobs with it.’\n\n"
        "‘I have seen the costs double in a year,’ the mayor, Tobias Renn, said."
    )
    voss = find(analysis, "back down")
    assert "workers’ jobs with it" in voss.text
    assert (voss.kind, voss.speaker) == ("direct", "Ellen Voss")
    assert find(analysis, "costs double").speaker == "Tobias Renn"


def test_quote_over_paragraphs_with_blank_lines_takes_the_cue_at_its_end() -> None:
    quote = find(analyse(
        "Marla Quint said she wanted to win on her own.\n\n\"People laughed at me when I was "
        "young. I was thin then.\n\n\"Only after the results came did I share my training,\" "
        "she said."
    ), "People laughed")
    assert "share my training" in quote.text
    assert (quote.cue, quote.speaker_text, quote.speaker) == ("said", "she", "Marla Quint")


def test_a_name_given_by_a_participle_is_not_a_quote() -> None:
    analysis = analyse(
        "Harbour Air will give away 5,000 tickets.\n\nThe campaign, called \"Win a Seat with "
        'Harbour Air," starts in March, and a show called "Dockside" will air it.'
    )
    assert [q.text for q in analysis.quotes if q.kind != "indirect"] == []


def test_full_stop_of_a_title_before_a_name_ends_no_sentence() -> None:
    quote = find(analyse(
        "The attorney pressed him. “That is correct,” Sgt. Ilse Brandt responded."
    ), "That is correct")
    assert (quote.cue, quote.speaker) == ("responded", "Ilse Brandt")


def test_described_as_when_the_parser_hangs_as_on_the_object() -> None:
    quote = find(analyse(
        "The Dalmora health agency has described an outbreak linked to a church in Castlemere "
        "as a “superspreading event.” Other experts disagree."
    ), "superspreading event")
    assert (quote.kind, quote.cue) == ("partial", "described")
    assert quote.speaker_text == "The Dalmora health agency"


def test_verb_of_saying_parsed_as_a_modifier_of_the_noun_before_it() -> None:
    quote = find(analyse(
        "People on the quay jeered, and as Ortiz thanked the town, a man yelled “Go home!”"
    ), "Go home")
    assert (quote.cue, quote.speaker_text) == ("yelled", "a man")
