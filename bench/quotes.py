"""Quote and attribution quality and speed: crosswire against textacy's direct_quotations.

PolNeAR dev split (../shared/data/quotes/polnear/dev.jsonl): direct quotes (gold content with
quotation marks) content P/R/F1 (partial and exact match) and end-to-end F1 (speaker mention
too); all attributions incl. indirect speech; speaker accuracy on matched direct quotes; and
speed. Both systems read the same spaCy docs, parsed once in this run, so the extraction times
compare like for like; spaCy's own time is the baseline the overhead is measured against.

    .venv/bin/python bench/quotes.py                 # dev split
    .venv/bin/python bench/quotes.py --split train --limit 100   # tuning (never tune on dev)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from crosswire.analyze.attribution_eval import Scores, Span, load_gold, spans_of_quotes
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.nlp import load_nlp
from crosswire.analyze.quotes import extract_quotes
from crosswire.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED  # noqa: E402

DATA = SHARED / "data" / "quotes" / "polnear"


def textacy_spans(doc) -> tuple[list[Span], bool]:  # noqa: ANN001 - a spaCy Doc
    """textacy's direct quotations as scoring spans; (spans, gave_up)."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy raises on unbalanced quotation marks: no quotes for it
        return [], True
    spans = []
    for speaker, _cue, content in triples:
        source = [(t.idx, t.idx + len(t.text)) for t in speaker]
        spans.append(Span([(content.start_char, content.end_char)], source, content.text, True))
    return spans, False


def report(name: str, scores: Scores, seconds: float, n: int, extra: str = "") -> None:
    print(f"== {name} ({n / seconds:.1f} articles/s extraction{extra})")
    print(f"  direct quotes, partial match : {scores.direct.line()}")
    print(f"  direct quotes, exact match   : {scores.direct_exact.line()}")
    print(f"  direct quotes, end-to-end    : {scores.direct_e2e.line()}")
    print(f"  all attributions, content    : {scores.all.line()}")
    print(f"  all attributions, end-to-end : {scores.all_e2e.line()}")
    print(f"  speaker accuracy (matched direct): {scores.speaker_accuracy:.3f} "
          f"({scores.speaker_ok}/{scores.speaker_n})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    path = DATA / f"{args.split}.jsonl"
    if not path.exists():
        print(f"{path} is missing: ../shared must sit beside the project")
        return 1
    gold = load_gold(path, args.limit)
    nlp = load_nlp(Config().spacy_model)
    texts = [g.text for g in gold]
    list(nlp.pipe(texts[:2]))  # warm-up: model caches, not counted

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=Config().batch_size))
    t_spacy = time.perf_counter() - t0

    cw = Scores()
    t0 = time.perf_counter()
    predicted = []
    for doc in docs:
        entities, actors = extract_entities(doc)
        predicted.append(extract_quotes(doc, entities, actors))
    t_cw = time.perf_counter() - t0
    for g, quotes in zip(gold, predicted, strict=True):
        cw.add(list(spans_of_quotes(quotes)), g.attributions)

    n = len(gold)
    n_direct = sum(a.direct for g in gold for a in g.attributions)
    n_all = sum(len(g.attributions) for g in gold)
    print(f"PolNeAR {args.split}: {n} articles, {n_all} attributions ({n_direct} direct)")
    print(f"spaCy ({Config().spacy_model}, incl. parser): {n / t_spacy:.1f} articles/s "
          f"({t_spacy:.2f}s)")
    report("crosswire", cw, t_cw, n,
           f"; adds {100 * t_cw / t_spacy:.0f}% to spaCy's time")

    try:
        import textacy  # noqa: F401
    except ImportError:
        print("== textacy: not installed (.venv/bin/pip install textacy); crosswire alone")
        return 0
    tx = Scores()
    gave_up = 0
    t0 = time.perf_counter()
    tx_spans = []
    for doc in docs:
        spans, failed = textacy_spans(doc)
        gave_up += failed
        tx_spans.append(spans)
    t_tx = time.perf_counter() - t0
    for g, spans in zip(gold, tx_spans, strict=True):
        tx.add(spans, g.attributions)
    report("textacy direct_quotations (baseline)", tx, t_tx, n,
           f"; adds {100 * t_tx / t_spacy:.0f}% to spaCy's time; gave up on {gave_up}/{n}")
    e2e_ratio = cw.direct_e2e.f1 / max(tx.direct_e2e.f1, 1e-9)
    all_ratio = cw.all.f1 / max(tx.all.f1, 1e-9)
    print(f"ratio crosswire/textacy: direct e2e F1 {e2e_ratio:.2f}x, "
          f"all-attribution F1 {all_ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
