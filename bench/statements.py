"""Statements cut right: crosswire's statement rules against the quotes as extracted without
them, on a judged sample of real coverage.

The sample (bench/data/statements-judged.json) holds 48 quotes crosswire extracted from the
recession cluster (../shared/data/compare/recession) and the BASIL dev triplets
(../shared/data/stories/basil), each judged by reading: is it a statement of the speaker
(not a belief or hope the text ascribes, a question, a quoted term)? For a denial, does the
text keep its negation? For words relayed by another, who is speaking? Items are offsets and
ids only; the texts are read from ../shared at run time. The baseline is the same extractor
with the statement rules switched off (every quote a statement, the reported clause alone),
run on the same parses.

A second sample (bench/data/statements-basil-random.json) holds 30 quotes drawn at random
from crosswire's quotes of the BASIL dev triplets and judged the same way, with the mention
of the one whose words they are: it says how the rules fare on quotes nobody chose, and
how often the speaker is right.

    .venv/bin/python bench/statements.py
    .venv/bin/python bench/statements.py --without beliefs      # one rule's worth
    .venv/bin/python bench/statements.py --list-rules
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.analyze.entities import extract_entities
from crosswire.analyze.nlp import load_nlp
from crosswire.analyze.quotes import extract_quotes
from crosswire.analyze.statements import STATEMENT_RULES
from crosswire.analyze.statements.registry import switched_off
from crosswire.config import Config
from crosswire.records import Quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, add_rule_options, listed_rules  # noqa: E402

SAMPLE = Path(__file__).resolve().parent / "data" / "statements-judged.json"
RANDOM_SAMPLE = Path(__file__).resolve().parent / "data" / "statements-basil-random.json"
SOURCES = {
    "recession": SHARED / "data" / "compare" / "recession" / "articles.jsonl",
    "basil": SHARED / "data" / "stories" / "basil" / "dev.jsonl",
}
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)


@dataclass(slots=True)
class Figures:
    """What one run gets right on the judged sample."""

    judged: int = 0
    found: int = 0
    statement_right: int = 0
    flagged: int = 0  # quotes marked as no statement
    flagged_right: int = 0
    not_statements: int = 0  # judged as no statement
    negated: int = 0
    negation_kept: int = 0
    relayed: int = 0
    credited_right: int = 0
    mentions: int = 0  # judged with the mention of the one whose words they are
    mention_right: int = 0

    def lines(self) -> list[str]:
        def share(a: int, b: int) -> str:
            return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

        return [
            f"  items found            : {self.found}/{self.judged}",
            f"  statement or not, right: {share(self.statement_right, self.found)}",
            f"  not-a-statement marked : precision {share(self.flagged_right, self.flagged)}, "
            f"recall {share(self.flagged_right, self.not_statements)}",
            f"  denials keep negation  : {share(self.negation_kept, self.negated)}",
            f"  relayed words credited : {share(self.credited_right, self.relayed)}",
            f"  speaker mention right  : {share(self.mention_right, self.mentions)}",
        ]


def load_sample(path: Path = SAMPLE) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["items"]


def article_texts(items: list[dict[str, Any]]) -> dict[str, str]:
    """The maintext of every article the sample names, read from ../shared."""
    wanted = {(i["set"], i["article"]) for i in items}
    texts: dict[str, str] = {}
    for name, path in SOURCES.items():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if (name, row["id"]) in wanted:
                    texts[row["id"]] = row["maintext"]
    return texts


def score(items: list[dict[str, Any]], quotes: dict[str, list[Quote]]) -> Figures:
    """Compare each judged item with the quote found at its place (article, kind, offsets)."""
    fig = Figures(judged=len(items))
    for item in items:
        # an outer statement may end where the one it reports ends: the nearest start wins
        same_end = [
            q for q in quotes.get(item["article"], [])
            if q.kind == item["kind"] and q.end == item["end"]
        ]
        quote = min(same_end, key=lambda q: abs(q.start - item["start"]), default=None)
        if quote is None:
            continue
        fig.found += 1
        # relayed words are a statement, of the one who relays them (checked below)
        said = quote.mode in ("statement", "relayed")
        fig.statement_right += said == item["statement"]
        fig.flagged += not said
        fig.flagged_right += not said and not item["statement"]
        fig.not_statements += not item["statement"]
        if item.get("negated"):
            fig.negated += 1
            fig.negation_kept += bool(_NEGATION.search(quote.text))
        if "speaker_at" in item:
            fig.relayed += 1
            fig.credited_right += _mentions(quote, item["speaker_at"])
        if "mention_at" in item:
            fig.mentions += 1
            fig.mention_right += _mentions(quote, item["mention_at"])
    return fig


def _mentions(quote: Quote, at: int) -> bool:
    """The quote's speaker mention covers the offset ``at``."""
    return (
        quote.speaker_start is not None
        and quote.speaker_end is not None
        and quote.speaker_start <= at < quote.speaker_end
    )


def extract_all(docs: dict[str, Any]) -> dict[str, list[Quote]]:
    out = {}
    for aid, doc in docs.items():
        entities, actors = extract_entities(doc)
        out[aid] = extract_quotes(doc, entities, actors)
    return out


def judged_figures() -> tuple[Figures, Figures]:
    """The judged sample scored with every rule and with the statement rules off."""
    items = load_sample()
    texts = article_texts(items)
    nlp = load_nlp(Config().spacy_model)
    docs = dict(zip(texts, nlp.pipe(texts.values()), strict=True))
    crosswire = score(items, extract_all(docs))
    with switched_off(*{r.name for r in STATEMENT_RULES}):
        baseline = score(items, extract_all(docs))
    return crosswire, baseline


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_rule_options(ap)
    args = ap.parse_args(argv)
    if listed_rules(ap, args):
        return 0
    if not all(p.exists() for p in SOURCES.values()):
        print("the sample's texts are missing: ../shared must sit beside the project")
        return 1
    nlp = load_nlp(Config().spacy_model)
    for name, path in (("judged sample", SAMPLE), ("random BASIL sample", RANDOM_SAMPLE)):
        items = load_sample(path)
        texts = article_texts(items)
        docs = dict(zip(texts, nlp.pipe(texts.values()), strict=True))
        print(f"{name}: {len(items)} quotes in {len(texts)} articles "
              f"({sum(not i['statement'] for i in items)} judged no statement of the speaker)")
        with switched_off(*args.without):
            crosswire = score(items, extract_all(docs))
        off = f" without {', '.join(args.without)}" if args.without else ""
        print(f"== crosswire{off}")
        print("\n".join(crosswire.lines()))
        with switched_off(*{r.name for r in STATEMENT_RULES}):
            baseline = score(items, extract_all(docs))
        print("== baseline: the same extractor, statement rules off (every quote a statement)")
        print("\n".join(baseline.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
