"""The knowledge build on a hand-made WNDB sample, and the shipped tables."""

from __future__ import annotations

import gzip
import json

from helpers import RESOURCES

from crosswire.compare.meaning.build import build, read_wordnet, sentence_frequencies
from crosswire.compare.meaning.knowledge import KNOWLEDGE_FILE, LICENSE_FILE, knowledge

WORDNET = RESOURCES / "wordnet"
TEXTS = [
    "The harbour does a big trade. Crews mend the pier.",
    "The port is large. The harbour crews repair the pier.\nThe biggest pier fell.",
    "Crews currently mend the port and repair the harbour.",
    "The old piers stood. Both piers stood.",
]


def test_reads_index_data_and_exceptions():
    wordnet = read_wordnet(WORDNET)
    assert wordnet.senses["harbour"] == {"n": ["00000002"]}
    assert wordnet.members[("n", "00000002")] == ["harbour", "port"]
    assert wordnet.exceptions["v"]["fell"] == "fall"
    assert wordnet.tagged[("do", "v")] == 20


def test_lemma_takes_the_most_used_reading():
    wordnet = read_wordnet(WORDNET)
    assert wordnet.lemma("does") == "do"  # not the plural of "doe"
    assert wordnet.lemma("fell") == "fall"  # an irregular form
    assert wordnet.lemma("biggest") == "big"
    assert wordnet.lemma("piers") == "pier"  # a suffix rule checked against the index
    assert wordnet.lemma("harbour") == "harbour"
    assert wordnet.lemma("quayside") == "quayside"  # unknown: itself


def test_sentence_frequencies_count_sentences_not_words():
    sentences, forms = sentence_frequencies(["The pier, the pier. A pier!"])
    assert sentences == 2 and forms["pier"] == 2


def test_build_keeps_what_the_corpus_uses_enough(monkeypatch):
    monkeypatch.setattr("crosswire.compare.meaning.build.MIN_DF", 2)
    tables = build(TEXTS, read_wordnet(WORDNET))
    assert tables["sentences"] == 8
    assert tables["df"]["harbour"] == 3
    assert "trade" not in tables["df"]  # seen once
    assert tables["lemmas"] == {"piers": "pier"}
    assert tables["df"]["pier"] == 5  # "pier" and "piers" are one term
    # synonyms only among lemmas the corpus uses: harbour/port and mend/repair
    assert ["harbour", "port"] in tables["synonyms"]
    assert ["mend", "repair"] in tables["synonyms"]
    assert not any("large" in group for group in tables["synonyms"])  # "large" seen once


def test_shipped_tables_load_with_their_licence():
    assert LICENSE_FILE.read_text(encoding="latin-1").startswith("WordNet Release 3.0")
    with gzip.open(KNOWLEDGE_FILE, "rt", encoding="utf-8") as handle:
        raw = json.load(handle)
    assert set(raw) == {"sentences", "df", "lemmas", "synonyms", "adverbs"}
    table = knowledge()
    assert table.sentences > 50_000 and len(table.df) > 10_000
    assert table.synonyms["big"] & table.synonyms["large"]
    assert table.lemmas["biggest"] == "big" and "currently" in table.adverbs
    # a rare word weighs more than a common one, an unseen one most
    assert table.weight("the") < table.weight("harbor") < table.weight("vorlandish")
