"""Same meaning across outlets: the passage matcher on NAnCo against its baselines, one run.

NAnCo (../shared/data/compare/nanco/val.json): many outlets' answers to one question, grouped
by meaning. Every two answers of a question are a pair, "same" when their cluster is; the
score is balanced accuracy at each question's best threshold, averaged over questions (the
paper's protocol, :mod:`crosswire.compare.meaning.nanco`). Rows, all in this run:

- crosswire lexical: ``crosswire.api.same_meaning`` without an embedder (what the comparison
  uses by default), and two ablations: without WordNet synonyms, without the polarity and
  number factors;
- crosswire + MiniLM: the same with the optional embedder (skipped when not installed), and
  MiniLM's cosine alone;
- TF-IDF cosine (scikit-learn, fitted on the question's answers);
- same_statement: the word-overlap rule quote grouping used before the matcher (stems of the
  shorter quote found in the longer >= 0.6 with 3 shared, or rapidfuzz token-sort >= 0.85).

Then, since the comparison cannot pick a threshold per question, each scorer at the one it
uses (``crosswire.compare.meaning.SAME``) over all pairs, and the matcher's speed beside the
old rule's on the same pairs.

``--recession`` compares the 37 outlets of ``../shared/data/compare/recession`` as one story
(ingested through the whole pipeline), lexically and with MiniLM, and prints what a reader
would judge: every corroborated quote group, the summary's agreed facts, the number of
"only in" passages and the comparison time.

    .venv/bin/python bench/meaning.py [--nanco FILE] [--recession]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED  # noqa: E402

from crosswire.compare.lexicon import normal_stems  # noqa: E402
from crosswire.compare.meaning import SAME, Matcher, profile, score  # noqa: E402
from crosswire.compare.meaning.nanco import (  # noqa: E402
    Question,
    Scorer,
    load_questions,
    question_scores,
)
from crosswire.compare.text import fuzzy, overlap  # noqa: E402
from crosswire.embed import Embedder, available, get_embedder  # noqa: E402

NANCO = SHARED / "data" / "compare" / "nanco" / "val.json"
RECESSION = SHARED / "data" / "compare" / "recession" / "articles.jsonl"


def matcher_scorer(embedder: Embedder | None = None) -> Scorer:
    def scores(texts: list[str]) -> np.ndarray:
        matcher = Matcher(texts, embedder.embed if embedder else None)
        n = len(texts)
        return np.array([[matcher.score(i, j) for j in range(n)] for i in range(n)])

    return scores


def without(name: str, value: object, scorer: Scorer) -> Scorer:
    """``scorer`` with one constant of the score module changed (an ablation)."""

    def scores(texts: list[str]) -> np.ndarray:
        with mock.patch.object(score, name, value):
            return scorer(texts)

    return scores


def lexical_only(texts: list[str]) -> np.ndarray:
    """Coverage without the polarity and number factors."""
    matcher = Matcher(texts)
    p = matcher.profiles
    return np.array([[score.lexical(a, b) for b in p] for a in p])


def cosine_scorer(embedder: Embedder) -> Scorer:
    def scores(texts: list[str]) -> np.ndarray:
        vectors = embedder.embed(texts)
        return vectors @ vectors.T

    return scores


def tfidf_cosine(texts: list[str]) -> np.ndarray:
    matrix = TfidfVectorizer().fit_transform(texts)
    return (matrix @ matrix.T).toarray()


def same_statement(a: str, b: str) -> bool:
    """The word-overlap rule quote grouping used before the passage matcher."""
    sa, sb = normal_stems(a), normal_stems(b)
    if len(sa & sb) >= 3 and overlap(sa, sb) >= 0.6:
        return True
    return fuzzy(a, b) >= 0.85


def rule_scorer(rule: Callable[[str, str], bool]) -> Scorer:
    def scores(texts: list[str]) -> np.ndarray:
        return np.array([[float(rule(a, b)) for b in texts] for a in texts])

    return scores


def at_threshold(questions: list[Question], scorer: Scorer, threshold: float) -> str:
    """Pooled precision, recall and balanced accuracy of "same when score >= threshold"."""
    predicted, gold = [], []
    for q in questions:
        matrix = scorer(q.answers)
        predicted += [matrix[i, j] >= threshold for i, j in q.pairs()]
        gold += q.gold()
    p, g = np.array(predicted), np.array(gold)
    tp, fp = int((p & g).sum()), int((p & ~g).sum())
    recall, specificity = tp / g.sum(), 1 - fp / (~g).sum()
    precision = tp / (tp + fp) if tp + fp else 0.0
    return (f"precision {precision:.3f} recall {recall:.3f} "
            f"balanced accuracy {(recall + specificity) / 2:.3f}")


def speed(questions: list[Question], embedder: Embedder | None) -> str:
    texts = [a for q in questions for a in q.answers]
    pairs = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
    profile.cache_clear()  # the rows above profiled these texts already
    began = time.perf_counter()
    matcher = Matcher(texts, embedder.embed if embedder else None)
    profiled = time.perf_counter() - began
    began = time.perf_counter()
    for i, j in pairs:
        matcher.score(i, j)
    scored = time.perf_counter() - began
    began = time.perf_counter()
    for i, j in pairs:
        same_statement(texts[i], texts[j])
    old = time.perf_counter() - began
    return (f"{len(texts)} passages profiled{' and embedded' if embedder else ''} in "
            f"{profiled * 1000:.0f} ms, {len(pairs)} pairs scored in {scored * 1000:.0f} ms "
            f"({len(pairs) / scored:,.0f} pairs/s; same_statement on the same pairs "
            f"{len(pairs) / old:,.0f} pairs/s)")


def recession(embedder: Embedder | None) -> None:
    from crosswire.compare import compare_story
    from crosswire.config import Config
    from crosswire.pipeline import ingest_paths
    from crosswire.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        config = Config(db=f"{tmp}/recession.db", progress=False)
        store = open_store(config.db)
        ingest_paths([RECESSION], config, store)
        articles = list(store.iter_articles())
        analyses = {a.id: an for a in articles if (an := store.get_analysis(a.id)) is not None}
        store.close()
    outlet = {a.id: a.outlet for a in articles}
    for name in ("lexical", "minilm") if embedder is not None else ("lexical",):
        config = Config(progress=False)
        config.story_embedder = None if name == "lexical" else name
        began = time.perf_counter()
        comparison = compare_story("recession", articles, analyses, config)
        seconds = time.perf_counter() - began
        shared = [g for g in comparison.quotes if len(g.outlets) >= 2]
        agreed = [line for line in comparison.summary if line.status == "corroborated"]
        print(f"\n=== recession cluster as one story, {name}: {len(articles)} articles compared "
              f"in {seconds:.1f} s; {len(comparison.quotes)} quote groups, {len(shared)} "
              f"shared by outlets; {len(comparison.unique)} 'only in' passages")
        for group in shared:
            print(f"  quote group ({group.status}) {group.speaker or '(no speaker)'}:")
            for v in group.variants:
                print(f"    {outlet[v.article]}: {' '.join(v.text.split())[:150]}")
        for line in agreed:
            print(f"  agreed by {', '.join(line.outlets)}:")
            for p in line.sources:
                print(f"    {outlet[p.article]}: {' '.join(p.text.split())[:150]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nanco", type=Path, default=NANCO)
    ap.add_argument("--recession", action="store_true",
                    help="also compare the recession cluster as one story")
    args = ap.parse_args()
    questions = load_questions(args.nanco)
    embedder = get_embedder("minilm") if available("minilm") else None
    rows: dict[str, Scorer] = {
        "crosswire lexical": matcher_scorer(),
        "  without WordNet synonyms": without("SYNONYM", 0.0, matcher_scorer()),
        "  without polarity and numbers": lexical_only,
    }
    if embedder is not None:
        rows["crosswire + MiniLM"] = matcher_scorer(embedder)
        rows["MiniLM cosine alone"] = cosine_scorer(embedder)
    rows["TF-IDF cosine"] = tfidf_cosine
    rows["same_statement (before)"] = rule_scorer(same_statement)
    ids = " ".join(f"{q.qid:>6}" for q in questions)
    print(f"NAnCo {args.nanco.name}: {len(questions)} questions, "
          f"{sum(len(q.answers) for q in questions)} answers, "
          f"{sum(len(q.pairs()) for q in questions)} pairs")
    print(f"balanced accuracy, best threshold per question\n{'':32s}{ids}   mean")
    for name, scorer in rows.items():
        values = question_scores(questions, scorer)
        cells = " ".join(f"{v:6.3f}" for v in values)
        print(f"{name:32s}{cells}  {np.mean(values):.3f}")
    print(f"\nat the comparison's threshold (SAME = {SAME}), all pairs pooled")
    for name in ("crosswire lexical", "crosswire + MiniLM"):
        if name in rows:
            print(f"  {name:30s}{at_threshold(questions, rows[name], SAME)}")
    print(f"  {'same_statement (before)':30s}"
          f"{at_threshold(questions, rows['same_statement (before)'], 0.5)}")
    print("\nspeed (this machine, shared with other work: compare within the run)")
    print(f"  lexical: {speed(questions, None)}")
    if embedder is not None:
        print(f"  + MiniLM: {speed(questions, embedder)}")
    if embedder is None:
        print("(MiniLM rows skipped: the optional embeddings extra is not installed)")
    if args.recession:
        recession(embedder)


if __name__ == "__main__":
    main()
