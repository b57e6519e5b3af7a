import pytest

from crosswire.compare.rank import weak
from crosswire.compare.venues import NAMED_ONE_OCCASION, compare_venues, compatible_venues
from crosswire.records import Passage

# one statement in three outlets' words, placed at three occasions
SAID = "the border stays open to traders"
LEDGER = f'In remarks to a Vorland daily over the weekend, Brandt said "{SAID}".'
TIMES = ('In an interview with Vorland Post, Brandt said "the border stays open for traders". '
         "She said it on Monday.")
WIRE = f'Speaking in Ostberg earlier this week, Brandt said "{SAID}". It was in May.'


def said(story, *ids):
    """Brandt's statement quoted in each of the articles ``ids``."""
    for id in ids:
        text = next(a.text for a in story.articles if a.id == id)
        words = SAID if SAID in text else "the border stays open for traders"
        story.quote(id, words, speaker="Ilse Brandt")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("interview:a Vorland daily", "interview:Vorland Post", True),
        ("interview:Vorland Post", "interview:vorland post", True),
        ("interview:Vorland Post", "interview:Ostberg Radio", False),
        ("interview:Vorland Post", "speech:Ostberg", False),
        ("speech:a press conference", "speech:Ostberg", True),
    ],
)
def test_compatible_venues(a, b, expected):
    assert compatible_venues(a, b) is expected


def test_interview_against_speech_is_a_venue_discrepancy(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.article("c", "Valley Wire", WIRE)
    story.claim("a", "In remarks to a Vorland daily", "venue", "interview:a Vorland daily")
    story.claim("a", "over the weekend", "date", "weekend")
    story.claim("b", "In an interview with Vorland Post", "venue", "interview:Vorland Post")
    story.claim("b", "on Monday", "date", "Monday")
    story.claim("c", "Speaking in Ostberg", "venue", "speech:Ostberg")
    story.claim("c", "earlier this week", "date", "this week")
    story.claim("c", "in May", "date", "May")
    said(story, "a", "b", "c")
    discrepancies = compare_venues(story.sources())
    venue, date = discrepancies
    assert venue.kind == "venue"
    assert [s.article for s in venue.sides] == ["a", "b", "c"]
    assert "a speech in Ostberg (Valley Wire)" in venue.summary
    assert venue.sides[2].text == WIRE.split(" It was")[0]
    # only dates in the sentence naming the occasion: "on Monday" and "in May" date other things
    assert date.kind == "date"
    assert [s.article for s in date.sides] == ["a", "c"]
    story.assert_passages(venue.sides + date.sides)


def test_compatible_interviews_raise_nothing(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.claim("a", "In remarks to a Vorland daily", "venue", "interview:a Vorland daily")
    story.claim("b", "In an interview with Vorland Post", "venue", "interview:Vorland Post")
    assert compare_venues(story.sources()) == []


def test_dateline_is_not_an_occasion(story):
    story.article("a", "Harbor Ledger", "OSTBERG — " + LEDGER)
    story.article("c", "Valley Wire", WIRE)
    story.claim("a", "OSTBERG —", "venue", "dateline:Ostberg")
    story.claim("c", "Speaking in Ostberg", "venue", "speech:Ostberg")
    assert compare_venues(story.sources()) == []


def test_interviews_of_different_speakers_are_not_a_venue_discrepancy(story):
    ledger = 'Brandt said "we stay in Ostberg" in an interview with Vorland Post.'
    times = 'Piet Morrow told Ostberg Radio: "We stay in Ostberg."'
    story.article("a", "Harbor Ledger", ledger)
    story.article("b", "Northgate Times", times)
    story.claim("a", "in an interview with Vorland Post", "venue", "interview:Vorland Post")
    story.claim("b", "told Ostberg Radio", "venue", "interview:Ostberg Radio")
    story.quote("a", "we stay in Ostberg", speaker="Ilse Brandt")
    morrow = story.quote("b", "We stay in Ostberg", speaker="Piet Morrow")
    assert compare_venues(story.sources()) == []
    morrow.speaker = "Brandt"  # the same speaker in two places is a dispute again
    (venue,) = compare_venues(story.sources())
    assert venue.kind == "venue"


def test_one_speakers_different_remarks_at_different_occasions_are_a_weak_dispute(story):
    story.article("a", "Harbor Ledger", 'In an interview with Vorland Post, Brandt said "I never '
                  'signed that permit".')
    story.article("c", "Valley Wire", 'Brandt told Ostberg Radio on Tuesday: "The inquiry is a '
                  'distraction from the harbour works." Later she told Kessel Radio: "We build."')
    story.claim("a", "In an interview with Vorland Post", "venue", "interview:Vorland Post")
    story.claim("c", "told Ostberg Radio", "venue", "interview:Ostberg Radio")
    story.quote("a", "I never signed that permit")
    other = story.quote("c", "The inquiry is a distraction from the harbour works.")
    (venue,) = compare_venues(story.sources())
    # one outlet's own words place the speaker at one occasion each: one remark, placed apart
    assert venue.confidence == NAMED_ONE_OCCASION and not weak(venue)
    # the same outlet reports her at a second occasion: she gave several interviews, and two
    # statements of two interviews are no remark placed twice
    story.claim("c", "she told Kessel Radio", "venue", "interview:Kessel Radio")
    story.quote("c", "We build.")
    (venue,) = compare_venues(story.sources())
    assert weak(venue) and "several occasions" in venue.why
    other.text = "I never signed that permit"  # one statement placed at two occasions
    (venue,) = compare_venues(story.sources())
    assert venue.confidence == 1.0 and "both name the speaker" in venue.why
    assert "carry one of the speaker's statements" in venue.why


def test_one_quote_group_is_one_statement_however_worded(story):
    from crosswire.records import QuoteGroup

    story.article("a", "Harbor Ledger", LEDGER)
    story.article("c", "Valley Wire", 'Speaking in Ostberg, Brandt said "no trader will be '
                  'turned back at the crossing".')
    story.claim("a", "In remarks to a Vorland daily", "venue", "interview:a Vorland daily")
    story.claim("c", "Speaking in Ostberg", "venue", "speech:Ostberg")
    a = story.quote("a", SAID)
    c = story.quote("c", "no trader will be turned back at the crossing")
    (venue,) = compare_venues(story.sources())
    assert venue.confidence == NAMED_ONE_OCCASION  # the words alone are too different
    variants = [Passage("a", a.text, a.start, a.end), Passage("c", c.text, c.start, c.end)]
    group = QuoteGroup("Ilse Brandt", "corroborated", variants, ["Harbor Ledger", "Valley Wire"])
    (venue,) = compare_venues(story.sources(), [group])
    assert venue.confidence == 1.0


def test_an_unnamed_speaker_against_a_named_one_is_a_weak_dispute(story):
    story.article("a", "Harbor Ledger", f'A lumber broker told the Ledger: "{SAID}".')
    story.article("c", "Valley Wire", WIRE)
    story.claim("a", "told the Ledger", "venue", "interview:Ledger")
    story.claim("c", "Speaking in Ostberg", "venue", "speech:Ostberg")
    story.quote("a", SAID, speaker="a lumber broker")
    story.quote("c", SAID, speaker="Brandt")
    (weak,) = compare_venues(story.sources())
    assert weak.confidence < 0.5 and "may be different remarks" in weak.why


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("interview:KVOR-TV", "interview:KVOR Evening News", True),  # one station's call sign
        ("interview:Vorland Post", "interview:Vorland Radio", False),  # a place word is not
        ("interview:Vorland Radio", "interview:Mira Toller", True),  # the interviewer, named
        ("interview:Vorland Radio", "interview:Ostberg", False),
    ],
)
def test_one_outlet_under_two_names(a, b, expected):
    assert compatible_venues(a, b) is expected


def test_the_occasion_of_someone_else_named_in_the_sentence_is_no_dispute(story):
    from crosswire.records import Entity

    story.article("a", "Harbor Ledger", "Piet Morrow made the news in an interview with Vorland "
                  "Post.")
    story.article("c", "Valley Wire", 'Speaking in Ostberg, Brandt said "we stay".')
    story.claim("a", "in an interview with Vorland Post", "venue", "interview:Vorland Post")
    story.claim("c", "Speaking in Ostberg", "venue", "speech:Ostberg")
    story.quote("c", "we stay", speaker="Ilse Brandt")
    story.analyses["a"].entities.append(Entity(0, 11, "Piet Morrow", "PERSON", "Piet Morrow"))
    assert compare_venues(story.sources()) == []
    story.analyses["a"].entities[0].actor = "Ilse Brandt"  # her occasion after all
    (venue,) = compare_venues(story.sources())
    assert venue.kind == "venue"


def test_two_outlets_naming_both_occasions_dispute_nothing(story):
    story.article("a", "Harbor Ledger", "Brandt, according to the Post, said she had misspoken at "
                  "a rally in Ostberg.")
    story.article("c", "Valley Wire", "Brandt told the Post she had misspoken at the rally in "
                  "Ostberg.")
    story.claim("a", "at a rally in Ostberg", "venue", "speech:Ostberg")
    story.claim("c", "told the Post", "venue", "interview:Post")
    story.quote("a", "she had misspoken", speaker="Ilse Brandt")
    story.quote("c", "she had misspoken", speaker="Ilse Brandt")
    assert compare_venues(story.sources()) == []


def test_a_deadline_is_not_the_date_of_the_remarks(story):
    story.article("a", "Harbor Ledger", 'Brandt said "we stay" in an interview with Vorland Post '
                  "on Thursday.")
    story.article("c", "Valley Wire", 'Brandt told Vorland Post "we stay", to decide by June.')
    story.claim("a", "in an interview with Vorland Post", "venue", "interview:Vorland Post")
    story.claim("c", "told Vorland Post", "venue", "interview:Vorland Post")
    story.claim("a", "on Thursday", "date", "thursday")
    deadline = story.claim("c", "by June", "date", "june")
    story.quote("a", "we stay", speaker="Ilse Brandt")
    story.quote("c", "we stay", speaker="Ilse Brandt")
    assert compare_venues(story.sources()) == []
    deadline.text = "in June"  # a date of the remarks again: the outlets disagree
    (date,) = compare_venues(story.sources())
    assert date.kind == "date"
