"""Quote and attribution quality and speed: crosswire against textacy's direct_quotations.

PolNeAR dev split (../shared/data/quotes/polnear/dev.jsonl): direct quotes (gold content with
quotation marks) content P/R/F1 (partial and exact match) and end-to-end F1 (speaker mention
too); all attributions incl. indirect speech; speaker accuracy on matched direct quotes; and
speed.

By default crosswire runs the way a user runs it: the split is written as news-please JSON
Lines, ingested into a fresh store (read, clean, dedup, stories, analyse) and each article's
clean text and quotes are read back from the store. Cleaning may drop lines (a title, a
boilerplate line), so predicted offsets are mapped back onto the gold text before scoring. The
baseline (textacy) and ``--direct`` (crosswire on the gold text, no ingest: fast iteration)
read spaCy docs parsed once in this run, so extraction times compare like for like and
spaCy's own time is the baseline the overhead is measured against.

    .venv/bin/python bench/quotes.py                 # dev split, ingest path + baseline
    .venv/bin/python bench/quotes.py --direct        # dev split, gold text, no ingest
    .venv/bin/python bench/quotes.py --split train --limit 100 --direct   # tuning split
    .venv/bin/python bench/quotes.py --direct --train-rules-only   # dev held out for every rule
    .venv/bin/python bench/quotes.py --unseen        # articles no rule was tuned on
    .venv/bin/python bench/quotes.py --news --errors /tmp/news-errors.jsonl   # open for rules
    .venv/bin/python bench/quotes.py --split train --direct --errors /tmp/train-errors.jsonl
    .venv/bin/python bench/quotes.py --direct --without terms   # one named rule switched off
    .venv/bin/python bench/quotes.py --direct --each-rule   # every named rule off alone, a table
    .venv/bin/python bench/quotes.py --list-rules

``--train-rules-only`` switches off the four rules that were found by reading dev errors
(docs/benchmarks.md, "How far the dev figures are held out"), so dev is scored as held out
for every remaining rule. ``--unseen`` scores direct quotes and speakers on 63 English news
articles of 2019 (../shared/data/extraction/zyte-dev, the gold article bodies) annotated for
this check by readers who did not see crosswire's output, offsets only in
bench/data/quotes-unseen.json; crosswire with and without the dev-found rules and textacy run
on the same parses. ``--news`` does the same on 168 English SemEval-2022 news articles
annotated the same way (bench/data/quotes-news.json), whose errors are open for rule work.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import crosswire.analyze.pipeline as analyze_pipeline
import crosswire.pipeline as ingest_pipeline
from crosswire.analyze.attribution_eval import (
    Gold,
    Scores,
    Span,
    article_bodies,
    load_gold,
    load_offset_sample,
    match,
    spans_of_quotes,
    speaker_match,
)
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.nlp import load_nlp
from crosswire.analyze.quotes import extract_quotes
from crosswire.analyze.statements.registry import DEV_RULES, RULES, switched_off
from crosswire.config import Config
from crosswire.records import Quote
from crosswire.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SEMEVAL_PAIRS, SHARED, add_rule_options, listed_rules, semeval_texts  # noqa: E402

DATA = SHARED / "data" / "quotes" / "polnear"
UNSEEN_TEXTS = SHARED / "data" / "extraction" / "zyte-dev" / "ground-truth.json"
UNSEEN = Path(__file__).resolve().parent / "data" / "quotes-unseen.json"
NEWS = Path(__file__).resolve().parent / "data" / "quotes-news.json"


# -- the rules found on dev ------------------------------------------------------------------------
@contextmanager
def without_dev_rules() -> Iterator[None]:
    """Switch off the four rules found by reading dev errors: the signature after the closing
    mark ("” ― Name"), fragments listed under one cue as one quote, "what it called" spoken by
    the organisation that is the subject, and the name after an opening "Said X:"."""
    with switched_off(*(rule.name for rule in DEV_RULES)):
        yield


def load_unseen() -> list[Gold]:
    """The unseen sample: annotation offsets from bench/data, texts from ../shared."""
    return load_offset_sample(UNSEEN, article_bodies(UNSEEN_TEXTS))


def load_news() -> list[Gold]:
    """The news sample: annotation offsets from bench/data, texts from the SemEval pairs."""
    return load_offset_sample(NEWS, semeval_texts("en"))


# -- offsets: clean text -> gold text -------------------------------------------------------------
class OffsetMap:
    """Char offsets of a clean text mapped onto the text it was cleaned from.

    The clean text is the gold text minus some lines (a title, boilerplate) and with blank
    runs normalised, so the equal blocks of a diff carry nearly every character across.
    """

    def __init__(self, clean: str, gold: str) -> None:
        self.identical = clean == gold
        self.shift = gold.find(clean) if not self.identical else 0
        self.starts: list[int] = []
        self.blocks: list[tuple[int, int, int]] = []  # (clean start, gold start, length)
        if not self.identical and self.shift < 0:
            matcher = SequenceMatcher(None, clean, gold, autojunk=False)
            self.blocks = [(a, b, n) for a, b, n in matcher.get_matching_blocks() if n]
            self.starts = [a for a, _, _ in self.blocks]

    def __call__(self, pos: int) -> int:
        if self.identical:
            return pos
        if self.shift >= 0:
            return pos + self.shift
        k = max(0, bisect.bisect_right(self.starts, pos) - 1)
        if not self.blocks:
            return pos
        a, b, n = self.blocks[k]
        return b + min(pos - a, n)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span's ends mapped; an end maps as the character before it, plus one."""
        return self(start), self(max(start, end - 1)) + 1 if end > start else self(start)


def mapped_spans(quotes: list[Quote], to_gold: OffsetMap) -> list[Span]:
    """Quotes of a clean text as scoring spans on the gold text."""
    out = []
    for span in spans_of_quotes(quotes):
        content = [to_gold.span(s, e) for s, e in span.content]
        source = [to_gold.span(s, e) for s, e in span.source]
        out.append(Span(content, source, span.text, span.direct))
    return out


# -- the ingest path ------------------------------------------------------------------------------
class Timer:
    """Wraps functions in a module namespace and adds up the seconds spent in them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._undo: list[tuple[Any, str, Any]] = []

    def wrap(self, module: Any, name: str, key: str) -> None:
        original: Callable[..., Any] = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[key] = self.seconds.get(key, 0.0) + time.perf_counter() - t0

        setattr(module, name, timed)
        self._undo.append((module, name, original))

    def restore(self) -> None:
        for module, name, original in reversed(self._undo):
            setattr(module, name, original)
        self._undo.clear()


def write_newsplease(path: Path, source: Path, limit: int | None) -> None:
    """The split as news-please JSON Lines (maintext, title, source_domain, date_publish)."""
    with source.open(encoding="utf-8") as fh, path.open("w", encoding="utf-8") as out:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            data = json.loads(line)
            record = {
                "id": data["id"],
                "title": data.get("title"),
                "maintext": data["text"],
                "source_domain": data.get("outlet"),
                "date_publish": data.get("published"),
                "authors": data.get("authors"),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def ingest_scores(gold: list[Gold], path: Path, limit: int | None) -> None:
    """Ingest the split like a user would, read quotes back from the store, score them."""
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / f"polnear-{path.stem}.jsonl"
        write_newsplease(jsonl, path, limit)
        config = Config(db=str(Path(tmp) / "bench.db"), progress=False, workers=1)
        timer = Timer()
        timer.wrap(ingest_pipeline, "analyse_pending", "analyse")
        timer.wrap(analyze_pipeline, "extract_entities", "entities")
        timer.wrap(analyze_pipeline, "extract_quotes", "quotes")
        timer.wrap(analyze_pipeline, "extract_figures", "figures")
        timer.wrap(analyze_pipeline, "extract_claims", "claims")
        load_nlp(config.spacy_model)  # model loading is not ingest throughput
        t0 = time.perf_counter()
        try:
            report = ingest_pipeline.ingest_paths([jsonl], config, analyse=True)
        finally:
            timer.restore()
        t_ingest = time.perf_counter() - t0

        scores = Scores()
        changed = missing = 0
        with open_store(config.db) as store:
            for g in gold:
                aid = store.resolve_article_id(f"{jsonl}#{g.id}")
                article = store.get_article(aid) if aid else None
                analysis = store.get_analysis(aid) if aid else None
                if article is None or analysis is None:
                    missing += 1
                    scores.add([], g.attributions)
                    continue
                to_gold = OffsetMap(article.text, g.text)
                changed += not to_gold.identical
                scores.add(mapped_spans(analysis.quotes, to_gold), g.attributions)

    sec = timer.seconds
    extraction = sec.get("entities", 0.0) + sec.get("quotes", 0.0)
    others = extraction + sec.get("figures", 0.0) + sec.get("claims", 0.0)
    spacy_time = max(sec.get("analyse", 0.0) - others, 1e-9)
    n = len(gold)
    print(f"== crosswire, ingest path ({n / t_ingest:.1f} articles/s end to end: read, clean, "
          f"dedup, stories, analyse; {len(report.errors)} errors)")
    print(f"  clean text differs from the gold text in {changed}/{n} articles "
          f"(offsets mapped back); not found in the store: {missing}")
    print(f"  quote extraction (entities+actors+quotes) {extraction:.2f}s = "
          f"{100 * extraction / spacy_time:.0f}% of spaCy's {spacy_time:.2f}s")
    print_scores(scores)


# -- the direct path and the baseline -------------------------------------------------------------
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


def print_scores(scores: Scores, direct_only: bool = False) -> None:
    print(f"  direct quotes, partial match : {scores.direct.line()}")
    print(f"  direct quotes, exact match   : {scores.direct_exact.line()}")
    print(f"  direct quotes, end-to-end    : {scores.direct_e2e.line()}")
    if not direct_only:
        print(f"  all attributions, content    : {scores.all.line()}")
        print(f"  all attributions, end-to-end : {scores.all_e2e.line()}")
    print(f"  speaker accuracy (matched direct): {scores.speaker_accuracy:.3f} "
          f"({scores.speaker_ok}/{scores.speaker_n})")


def report(
    name: str, scores: Scores, seconds: float, n: int, extra: str = "", direct_only: bool = False
) -> None:
    print(f"== {name} ({n / seconds:.1f} articles/s extraction{extra})")
    print_scores(scores, direct_only)


def crosswire_scores(
    docs: list, gold: list[Gold], errors: Path | None = None  # noqa: ANN001 - spaCy Docs
) -> tuple[Scores, float]:
    """crosswire's quotes on parsed docs, scored; (scores, extraction seconds). With
    ``errors``, every direct-quote error is written there as a JSON line."""
    scores = Scores()
    t0 = time.perf_counter()
    predicted = []
    for doc in docs:
        entities, actors = extract_entities(doc)
        predicted.append(extract_quotes(doc, entities, actors))
    seconds = time.perf_counter() - t0
    for g, quotes in zip(gold, predicted, strict=True):
        scores.add(list(spans_of_quotes(quotes)), g.attributions)
    if errors is not None:
        with errors.open("w", encoding="utf-8") as out:
            for g, quotes in zip(gold, predicted, strict=True):
                for row in direct_errors(g, quotes):
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return scores, seconds


def direct_errors(gold: Gold, quotes: list[Quote]) -> Iterator[dict[str, Any]]:
    """One article's direct-quote errors: gold quotes missed, quotes the gold lacks, and
    matched quotes whose speaker mention misses the gold source."""
    preds = list(spans_of_quotes(quotes))
    pairs = match(preds, gold.attributions)
    text = gold.text

    def words(segments: list[tuple[int, int]]) -> str:
        return " | ".join(text[a:b] for a, b in segments)

    for j, g in enumerate(gold.attributions):
        if g.direct and j not in {j for _, j in pairs}:
            yield {"article": gold.id, "error": "missed", "content": g.content,
                   "text": words(g.content), "gold_speaker": words(g.source)}
    for i, (p, q) in enumerate(zip(preds, quotes, strict=True)):
        if p.direct and i not in {i for i, _ in pairs}:
            yield {"article": gold.id, "error": "extra", "content": p.content,
                   "text": q.text, "speaker": q.speaker_text, "cue": q.cue}
    for i, j in pairs:
        p, g, q = preds[i], gold.attributions[j], quotes[i]
        if p.direct and g.direct and not speaker_match(p, g):
            yield {"article": gold.id, "error": "speaker", "content": g.content,
                   "text": words(g.content), "gold_speaker": words(g.source),
                   "speaker": q.speaker_text, "actor": q.speaker, "cue": q.cue}


def rule_figures(scores: Scores, direct_only: bool) -> list[float]:
    """The headline figures of a run: direct F1, end-to-end F1 (all attributions' too unless
    ``direct_only``) and speaker accuracy."""
    figures = [scores.direct.f1, scores.direct_e2e.f1]
    if not direct_only:
        figures += [scores.all.f1, scores.all_e2e.f1]
    return figures + [scores.speaker_accuracy]


def each_rule(docs: list, gold: list[Gold], base: Scores, direct_only: bool) -> None:  # noqa: ANN001
    """Every named rule switched off alone on the same parses: the change it makes."""
    names = ["direct", "e2e"] + ([] if direct_only else ["all", "all e2e"]) + ["speaker"]
    print("== each named rule switched off alone: figure without it (change from all on)")
    print(f"  {'rule':26}" + "".join(f"{n:>17}" for n in names))
    with_all = rule_figures(base, direct_only)
    for name in RULES:
        with switched_off(name):
            scores, _ = crosswire_scores(docs, gold)
        cells = (
            f"{v:.3f} ({v - b:+.3f})".rjust(17)
            for v, b in zip(rule_figures(scores, direct_only), with_all, strict=True)
        )
        print(f"  {name:26}" + "".join(cells))


def direct_scores(
    gold: list[Gold], with_crosswire: bool, with_baseline: bool, *, train_rules_only: bool = False,
    both_rule_sets: bool = False, direct_only: bool = False, errors: Path | None = None,
    by_rule: bool = False,
) -> Scores | None:
    """Parse the gold texts once; score crosswire on them (with every rule, with the rules
    found on train only, or both) and/or the textacy baseline."""
    nlp = load_nlp(Config().spacy_model)
    texts = [g.text for g in gold]
    list(nlp.pipe(texts[:2]))  # warm-up: model caches, not counted
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=Config().batch_size))
    t_spacy = time.perf_counter() - t0
    n = len(gold)
    print(f"spaCy ({Config().spacy_model}, incl. parser) on the gold texts: "
          f"{n / t_spacy:.1f} articles/s ({t_spacy:.2f}s)")

    cw = None
    if with_crosswire and not train_rules_only:
        cw, t_cw = crosswire_scores(docs, gold, errors)
        report("crosswire, gold text", cw, t_cw, n,
               f"; adds {100 * t_cw / t_spacy:.0f}% to spaCy's time", direct_only)
        if by_rule:
            each_rule(docs, gold, cw, direct_only)
    if with_crosswire and (train_rules_only or both_rule_sets):
        with without_dev_rules():
            held, t_held = crosswire_scores(docs, gold, errors if train_rules_only else None)
        report("crosswire without the four rules found on dev, gold text", held, t_held, n,
               "", direct_only)
        cw = cw or held

    if not with_baseline:
        return cw
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("== textacy: not installed (.venv/bin/pip install textacy); no baseline")
        return cw
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
           f"; adds {100 * t_tx / t_spacy:.0f}% to spaCy's time; gave up on {gave_up}/{n}",
           direct_only)
    return cw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--direct", action="store_true",
                        help="score crosswire on the gold text (no ingest): fast iteration")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy")
    parser.add_argument("--train-rules-only", action="store_true",
                        help="with --direct: switch off the four rules found on dev")
    parser.add_argument("--unseen", action="store_true",
                        help="direct quotes on the unseen sample (bench/data/quotes-unseen.json)")
    parser.add_argument("--news", action="store_true",
                        help="direct quotes on the news sample (bench/data/quotes-news.json)")
    parser.add_argument("--errors", type=Path, metavar="FILE",
                        help="with --direct or --news: write each direct-quote error (JSON Lines)")
    parser.add_argument("--each-rule", action="store_true",
                        help="with --direct, --unseen or --news: score each named rule "
                             "switched off alone, on the same parses")
    add_rule_options(parser)
    args = parser.parse_args(argv)
    if listed_rules(parser, args):
        return 0
    with switched_off(*args.without):
        if args.without:
            print(f"quote rules switched off: {', '.join(args.without)}")
        return _run(parser, args)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.errors is not None and (args.unseen or not (args.direct or args.news)):
        # The unseen sample stays a held-out check: its errors are not listed for rule work.
        parser.error("--errors needs --direct on a PolNeAR split or --news, never --unseen")
    if args.each_rule and not (args.direct or args.unseen or args.news):
        parser.error("--each-rule needs --direct, --unseen or --news (the same parses each time)")
    if args.unseen or args.news:
        if not (UNSEEN_TEXTS if args.unseen else SEMEVAL_PAIRS).exists():
            print("the sample's texts are missing: ../shared must sit beside the project")
            return 1
        gold = load_unseen() if args.unseen else load_news()
        n_quotes = sum(len(g.attributions) for g in gold)
        name = "unseen sample" if args.unseen else "news sample"
        print(f"{name}: {len(gold)} articles, {n_quotes} direct quotes")
        direct_scores(gold, with_crosswire=True, with_baseline=not args.no_baseline,
                      both_rule_sets=True, direct_only=True, errors=args.errors,
                      by_rule=args.each_rule)
        return 0
    path = DATA / f"{args.split}.jsonl"
    if not path.exists():
        print(f"{path} is missing: ../shared must sit beside the project")
        return 1
    gold = load_gold(path, args.limit)
    n_direct = sum(a.direct for g in gold for a in g.attributions)
    n_all = sum(len(g.attributions) for g in gold)
    print(f"PolNeAR {args.split}: {len(gold)} articles, {n_all} attributions ({n_direct} direct)")
    if not args.direct:
        ingest_scores(gold, path, args.limit)
    if args.direct or not args.no_baseline:
        direct_scores(gold, with_crosswire=args.direct, with_baseline=not args.no_baseline,
                      train_rules_only=args.train_rules_only, errors=args.errors,
                      by_rule=args.each_rule)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
