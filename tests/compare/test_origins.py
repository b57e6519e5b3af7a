"""Independent origins: copies in the set, passages carried at length, one agency, a
columnist's own piece; and what stays independent (two reporters quoting one statement)."""

from __future__ import annotations

import json

from helpers import shared_path

from crosswire.clean import clean_text
from crosswire.compare import compare_story
from crosswire.compare.assess import assess
from crosswire.compare.origins import find_origins
from crosswire.compare.rank import weak
from crosswire.records import Article, Discrepancy, Passage

OPED = (
    "Opinion by Ilse Brandt for Vessa Post Perspectives\n"
    "The Orvel reservoir is still far too full for the season, and the water board knows it. "
    "Farmers downstream want the spillway kept open, but the villages below the dam fear it.\n"
    "The answer depends on the weather in the hills, which nobody can promise. If the rain "
    "eases this week, the board can lower the level by 40 centimetres and spare the lower town.\n"
    "If it does not, the board will have to choose between the fields and the houses, and that "
    "choice should be made in public rather than behind closed doors."
)
PART = OPED.split("\n")[2]
QUOTING = (
    "The Kessel Gazette spoke to farmers at the market on Tuesday morning. Most of them had "
    "moved their animals to higher ground, and two had sold their winter hay early.\n"
    'Ilse Brandt, a former board engineer, wrote this week: "If the rain eases this week, the '
    'board can lower the level by 40 centimetres and spare the lower town."\n'
    "The market will close early on Friday because of the forecast."
)
REPORT = (
    "Engineers of the Orvel water board said on Monday that they could lower the reservoir by "
    "40 centimetres within a week if the weather allowed it.\n"
    "The board's chair said the spillway would stay open through the weekend."
)


def test_a_partial_copy_in_the_set_is_no_source_and_its_origin_says_why(story):
    story.article("a", "Vessa Post", OPED)
    story.article("b", "Kessel Online", PART)
    story.article("c", "Orvel Radio", REPORT)
    assert [s.outlet for s in story.sources()] == ["Vessa Post", "Orvel Radio"]
    comparison = compare_story("a", story.articles, story.analyses)
    (oped,) = [o for o in comparison.origins if len(o.articles) > 1]
    assert oped.articles == ["a", "b"] and oped.outlets == ["Vessa Post", "Kessel Online"]
    (how,) = oped.evidence
    assert "Kessel Online carries" in how and "of Vessa Post's text" in how


def test_a_figure_quoted_from_another_outlet_s_prose_has_one_origin(story):
    story.article("a", "Vessa Post", OPED)
    story.article("b", "Kessel Gazette", QUOTING)
    story.figure("a", "40 centimetres", 40, "centimetre", "the level (lower)")
    story.figure("b", "40 centimetres", 40, "centimetre", "the level (lower)")
    comparison = compare_story("a", story.articles, story.analyses)
    (group,) = comparison.figures
    assert group.outlets == ["Vessa Post", "Kessel Gazette"]
    assert group.origins == ["Vessa Post"] and group.status == "single-source"


def test_independent_reports_of_one_figure_corroborate_it(story):
    story.article("a", "Vessa Post", OPED)
    story.article("c", "Orvel Radio", REPORT)
    story.figure("a", "40 centimetres", 40, "centimetre", "the level (lower)")
    story.figure("c", "40 centimetres", 40, "centimetre", "the reservoir (lower)")
    (group,) = compare_story("a", story.articles, story.analyses).figures
    assert group.status == "corroborated" and group.origins == ["Vessa Post", "Orvel Radio"]


def test_two_reporters_quoting_one_statement_are_two_origins(story):
    said = '"We will open the gates only when every metre of the wall is inspected," Brandt said.'
    story.article("a", "Vessa Post", "The board met on Monday in Orvel. " + said)
    story.article("b", "Kessel Gazette", "Farmers protested outside the board on Monday. " + said)
    for key in ("a", "b"):
        story.quote(key, "We will open the gates only when every metre of the wall is inspected")
    (group,) = compare_story("a", story.articles, story.analyses).quotes
    assert group.status == "corroborated"
    assert group.origins == ["Vessa Post", "Kessel Gazette"]


def test_a_figure_credited_to_the_author_of_another_article_rests_on_it(story):
    story.article("a", "Vessa Post", OPED)
    paraphrase = (
        "Brandt expects the board to lower the reservoir by 40 centimetres if the weather "
        "holds, though she admits nobody can promise that."
    )
    story.article("b", "Kessel Gazette", paraphrase)
    story.figure("a", "40 centimetres", 40, "centimetre", "the level (lower)")
    story.figure("b", "40 centimetres", 40, "centimetre", "the reservoir (lower)")
    story.claim("b", "Brandt expects", "source", "Brandt")
    (group,) = compare_story("a", story.articles, story.analyses).figures
    assert group.origins == ["Vessa Post"] and group.status == "single-source"


def test_two_reports_crediting_one_agency_are_one_origin(story):
    story.article("a", "Orvel Daily", "ORVEL (AP) — " + REPORT)
    other = (
        "ORVEL, Vessa (AP) — The water board expects to lower the reservoir by 40 centimetres "
        "before the weekend, its engineers told reporters at the dam."
    )
    story.article("b", "Kessel Online", other)
    story.figure("a", "40 centimetres", 40, "centimetre", "the reservoir (lower)")
    story.figure("b", "40 centimetres", 40, "centimetre", "the reservoir (lower)")
    (group,) = compare_story("a", story.articles, story.analyses).figures
    assert len(group.origins) == 1 and group.status == "single-source"


def _side(story, key: str, words: str) -> Passage:
    start = story._text(key).index(words)
    return Passage(key, words, start, start + len(words))


def test_a_discrepancy_within_one_origin_is_folded(story):
    story.article("a", "Vessa Post", OPED)
    story.article("b", "Kessel Gazette", QUOTING)
    story.article("c", "Orvel Radio", REPORT)
    carried = "If the rain eases this week, the board can lower the level by 40 centimetres"
    origins = find_origins(story.articles)
    within = Discrepancy(
        "figure-value", "40 against 40", [_side(story, k, carried) for k in ("a", "b")],
        "a producer's reason", 0.9,
    )
    assessed = assess(within, story.sources(), origins)
    assert weak(assessed) and "rest on one origin (Vessa Post)" in assessed.why
    # sides from two independent articles keep what the producer said
    across = Discrepancy(
        "figure-value", "40 against 40",
        [_side(story, "a", carried), _side(story, "c", "lower the reservoir by 40 centimetres")],
        "a producer's reason", 0.9,
    )
    kept = assess(across, story.sources(), origins)
    assert (kept.confidence, kept.why) == (0.9, "a producer's reason")


def test_the_recession_set_s_copies_and_quoted_op_ed():
    path = shared_path("data", "compare", "recession", "articles.jsonl")
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = clean_text(r["maintext"]).text
        articles.append(Article(id=r["id"], source=r["id"], text=text, raw=r["maintext"],
                                outlet=r["source_domain"], published=r.get("date_publish")))
    origins = find_origins(articles)
    outlet = {a.id: a.outlet for a in articles}
    copies = {(outlet[c], outlet[origins.origin_of(c)]) for c in origins.original}
    assert copies == {
        ("erienewsnow.com", "kesq.com"),  # 802 characters of the op-ed: contained
        ("globalonlinemony.com", "nytimes.com"),  # the synonym-spun scrape: reworded
        ("vigourtimes.com", "ocregister.com"),
    }
    # cnn.com quotes the op-ed kesq.com carries: its quotations rest on it, sentence by sentence
    cnn = next(a for a in articles if a.outlet == "cnn.com")
    kesq = next(a for a in articles if a.outlet == "kesq.com")
    carried = [
        (i, link.b) for (aid, i), links in origins.links.items() if aid == cnn.id
        for link in links if link.b == kesq.id and not link.quotation
    ]
    assert len(carried) >= 3
    assert origins.credits[kesq.id].authors == ("David Wilcox",)


def test_a_quotation_inside_a_copied_wire_passage_has_one_origin(story):
    frame = ("Brandt accused the water board of running a reckless policy on the spillway "
             "at Orvel all through the spring floods, and the farmers agreed. ")
    said = '"We will open the gates only when every metre of the wall is inspected," she said.'
    story.article("a", "Vessa Post", "The board met on Monday in Orvel. " + frame + said)
    story.article("b", "Kessel Gazette", "Farmers protested outside the board on Monday. "
                  + frame.replace("running", "carrying out") + said)
    for key in ("a", "b"):
        story.quote(key, "We will open the gates only when every metre of the wall is inspected")
    (group,) = compare_story("a", story.articles, story.analyses).quotes
    assert group.status == "single-source"  # the wire's run: its frame copied, then its quote
    assert len(group.origins) == 1
