"""How often a real contradiction is listed: conflicts injected into BASIL dev events.

No BASIL event holds a real contradiction, so the judged samples (``compare_basil.py``) say
how rarely the rules cry wolf, never how often folding hides a true dispute. Here every item
two or more outlets corroborate in the stored comparison of an event is made into one, in
memory (``../shared`` is only read):

- ``figure-value``: one outlet's mention of a corroborated figure gets another number (x1.5,
  its unit and words kept), so the outlets now give two values for one measure and period;
- ``attribution``: the speaker named for one outlet's variant of a corroborated quote is
  replaced by another person the event names, so the outlets credit one statement to two
  people.

The outlet changed is drawn with a fixed seed. The event is ingested and compared again, and
an injection counts as *listed* when a discrepancy of the right kind, not folded
(``rank.weak``), has a side holding the changed words; *folded* when such a discrepancy is
there but folded; *other kind* when only a discrepancy of another kind holds it; else
*missed*. The unmodified events give the false-alarm side: discrepancies listed where none is
real.

The baseline, measured on the same events in the same run, is the naive figure lister: any
two figures of different outlets with the same unit, a shared counted noun and different
values are a discrepancy.

    .venv/bin/python bench/compare_injected.py [--events 50] [--seed 7] [--show]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_basil import BASIL  # noqa: E402

from crosswire import api  # noqa: E402
from crosswire.analyze.on_demand import analyses_of  # noqa: E402
from crosswire.compare.rank import weak  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.records import Analysis, Article, Comparison, Figure  # noqa: E402
from crosswire.store import open_store  # noqa: E402

SEED = 7
FIELDS = ("id", "title", "maintext", "date_publish", "url", "source_domain")
SCALE = 1.5
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)


@dataclass(slots=True)
class Run:
    """One comparison of an event's articles, with what the comparison was made from."""

    articles: list[Article]
    analyses: dict[str, Analysis]
    comparison: Comparison


@dataclass(slots=True)
class Injection:
    """One controlled change: in ``url``'s article, ``old`` (the k-th occurrence in the raw
    text) becomes ``new``; the stored-text offset of the change is ``start``."""

    kind: str
    event: str
    url: str
    old: str
    new: str
    occurrence: int
    start: int
    label: str
    probe: int = -1  # stored-text offset a side must hold once changed; -1: the change's


@dataclass(slots=True)
class Tally:
    injected: int = 0
    listed: int = 0
    folded: int = 0
    other: int = 0
    missed: int = 0
    baseline: int = 0
    skipped: int = 0  # the raw text does not hold the words where the stored text does
    misses: list[str] = field(default_factory=list)


def events_of(count: int, seed: int) -> dict[str, list[dict]]:
    events: dict[str, list[dict]] = {}
    for line in BASIL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        events.setdefault(record["gold_story"], []).append(
            {k: record.get(k) for k in FIELDS})
    names = sorted(events)
    random.Random(seed).shuffle(names)
    return {name: events[name] for name in sorted(names[:count])}


def compare_records(records: list[dict]) -> Run:
    """The records ingested into a fresh database and compared as one set, as
    ``crosswire compare`` does."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "event.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        db = str(Path(tmp) / "event.db")
        store = open_store(db)
        ingest_paths([path], Config(db=db, progress=False), store)
        ids = [a.id for a in store.iter_articles()]
        _, articles, comparison = api.compare_articles(store, ids)
        analyses = analyses_of(store, ids)
        store.close()
    return Run(articles, analyses, comparison)


def _scaled(value: float) -> float:
    """x1.5; a whole number stays whole (rounded half up: 1 -> 2, 3 -> 5), as counts are."""
    new = value * SCALE
    if value == int(value):
        new = math.floor(new + 0.5)
    return new if new != value else value + 1


def _number_text(new: float, old: str) -> str:
    if new != int(new):
        return f"{new:g}"
    return f"{int(new):,}" if "," in old else str(int(new))


def changed_figure(text: str) -> str | None:
    """The mention with every number in it x1.5 ("40-60 hours" -> "60-90 hours"), words and
    unit kept; None when it holds no number this can write."""
    if _NUMBER.search(text):
        return _NUMBER.sub(
            lambda m: _number_text(_scaled(float(m.group().replace(",", ""))), m.group()), text)
    match = _WORD.search(text)
    if match is None:
        return None
    value = _scaled(float(_WORDS.index(match.group().lower())))
    word = _WORDS[int(value)] if value == int(value) and value < len(_WORDS) else f"{value:g}"
    if match.group()[0].isupper():
        word = word.capitalize()
    return text[: match.start()] + word + text[match.end():]


def _occurrence(text: str, part: str, start: int) -> int:
    return text.count(part, 0, start)


def figure_injections(event: str, run: Run, rng: random.Random) -> list[Injection]:
    """One per corroborated figure group: one drawn outlet's mention gets another number."""
    article = {a.id: a for a in run.articles}
    found = []
    for group in run.comparison.figures:
        if group.status != "corroborated" or len(set(group.outlets)) < 2:
            continue
        outlet = rng.choice(sorted(set(group.outlets)))
        mention = next(m for m in group.mentions if article[m.article].outlet == outlet)
        new = changed_figure(mention.text)
        if new is None or new == mention.text:
            continue
        a = article[mention.article]
        found.append(Injection(
            "figure-value", event, a.url or a.id, mention.text, new,
            _occurrence(a.text, mention.text, mention.start), mention.start,
            f"{outlet}: {mention.text!r} -> {new!r} ({group.counts or '?'})"))
    return found


def _people(run: Run) -> list[str]:
    """The people the event names in full (two words or more), most mentioned first."""
    counts: dict[str, int] = {}
    for analysis in run.analyses.values():
        for entity in analysis.entities:
            name = " ".join(entity.text.split())
            if entity.label == "PERSON" and len(name.split()) >= 2 and name[0].isupper():
                counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n))


def attribution_injections(event: str, run: Run, rng: random.Random) -> list[Injection]:
    """One per corroborated quote group: the name credited for one drawn outlet's variant
    becomes another person's the event names (one who is neither speaker of the group)."""
    article = {a.id: a for a in run.articles}
    people = _people(run)
    found = []
    for group in run.comparison.quotes:
        if group.status != "corroborated" or len(set(group.outlets)) < 2 or not group.speaker:
            continue
        outlet = rng.choice(sorted(set(group.outlets)))
        variant = next(v for v in group.variants if article[v.article].outlet == outlet)
        a = article[variant.article]
        quote = next((q for q in run.analyses[a.id].quotes
                      if q.start <= variant.start < q.end and q.speaker_start is not None
                      and q.speaker_end is not None), None)
        if quote is None or quote.speaker_start is None or quote.speaker_end is None:
            continue
        said = a.text[quote.speaker_start:quote.speaker_end]
        speakers = {group.speaker, quote.speaker or "", said}
        last_names = {s.split()[-1] for s in speakers if s.split()}
        others = [p for p in people if p.split()[-1] not in last_names]
        # a pronoun or relative ("he", "which") names no one to swap
        if not others or not said[:1].isupper():
            continue
        new = others[0]
        # a side holds the quote; a name written before it moves it by the change in length
        shift = len(new) - len(said) if quote.speaker_start < variant.start else 0
        found.append(Injection(
            "attribution", event, a.url or a.id, said, new,
            _occurrence(a.text, said, quote.speaker_start), quote.speaker_start,
            f"{outlet}: speaker {said!r} -> {new!r} for {variant.text[:60]!r}",
            variant.start + shift))
    return found


def injected_records(records: list[dict], injection: Injection) -> list[dict] | None:
    """The records with the change made in the raw text (the same occurrence of the words as
    in the stored text); None when the raw text does not hold it."""
    out = []
    done = False
    for record in records:
        if record.get("url") == injection.url and not done:
            text = record["maintext"] or ""
            at = -1
            for _ in range(injection.occurrence + 1):
                at = text.find(injection.old, at + 1)
                if at < 0:
                    return None
            record = {**record, "maintext": text[:at] + injection.new
                      + text[at + len(injection.old):]}
            done = True
        out.append(record)
    return out if done else None


def outcome(run: Run, injection: Injection) -> str:
    """listed / folded / other kind / missed (see the module docstring)."""
    ids = {a.id for a in run.articles if (a.url or a.id) == injection.url}
    text = next(a.text for a in run.articles if a.id in ids)
    at = text.find(injection.new, max(0, injection.start - 200))
    probes = {p for p in (at, injection.probe) if p >= 0}
    holding = [
        d for d in run.comparison.discrepancies
        if any(s.article in ids and s.start <= p < s.end for s in d.sides for p in probes)
    ]
    right = [d for d in holding if d.kind == injection.kind]
    if any(not weak(d) for d in right):
        return "listed"
    if right:
        return "folded"
    return "other kind" if any(not weak(d) for d in holding) else "missed"


def attribution_trace(run: Run, injection: Injection) -> str:
    """Where a changed credit went: the changed quote's speaker as read, and the speakers of
    the group it landed in (why a miss is missed: regrouped, or grouped and not seen)."""
    ids = {a.id for a in run.articles if (a.url or a.id) == injection.url}
    outlet = {a.id: a.outlet for a in run.articles}
    aid = next(iter(ids))
    quote = next((q for q in run.analyses[aid].quotes
                  if q.start <= injection.probe < q.end), None)
    if quote is None:
        return "no quote at the probe"
    said = f"read {quote.speaker!r} from {quote.speaker_text!r} ({quote.mode})"
    group = next((g for g in run.comparison.quotes if any(
        v.article == aid and v.start <= injection.probe < v.end for v in g.variants)), None)
    if group is None:
        return f"{said}; in no group"
    speakers = []
    for v in group.variants:
        q = next((q for q in run.analyses[v.article].quotes
                  if q.start <= v.start < q.end), None)
        speakers.append(f"{outlet[v.article]}={q.speaker if q else None!r}")
    return f"{said}; group {group.status} of {len(group.variants)}: {', '.join(speakers)}"


def _nouns(figure: Figure) -> set[str]:
    words = f"{figure.noun or ''} {figure.counts or ''}".lower()
    return {w for w in re.findall(r"[a-z]{3,}", words)}


def naive_pairs(run: Run) -> list[tuple[tuple[str, Figure], tuple[str, Figure]]]:
    """The baseline lister: two figures of different outlets with the same unit, a shared
    counted noun and different values."""
    outlet = {a.id: a.outlet or a.id for a in run.articles}
    figures = [(aid, f) for aid, an in run.analyses.items() for f in an.figures]
    return [
        (x, y) for i, x in enumerate(figures) for y in figures[i + 1:]
        if outlet[x[0]] != outlet[y[0]] and x[1].unit == y[1].unit
        and x[1].value != y[1].value and _nouns(x[1]) & _nouns(y[1])
    ]


def naive_found(run: Run, injection: Injection) -> bool:
    ids = {a.id for a in run.articles if (a.url or a.id) == injection.url}
    return any(
        (aid in ids and f.start <= injection.start + 5 and injection.start < f.end + 5)
        for pair in naive_pairs(run) for aid, f in pair
    )


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "none"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=50, help="BASIL dev events drawn (50: all)")
    ap.add_argument("--seed", type=int, default=SEED, help="draws the events and outlets")
    ap.add_argument("--show", action="store_true", help="print every injection's outcome")
    ap.add_argument("--kind", choices=("figure-value", "attribution"), action="append",
                    help="only these injections (default: both)")
    args = ap.parse_args()
    began = time.perf_counter()
    events = events_of(args.events, args.seed)
    rng = random.Random(args.seed)
    tallies = {"figure-value": Tally(), "attribution": Tally()}
    false_alarms = naive_alarms = 0
    for event, records in events.items():
        plain = compare_records(records)
        listed = [d for d in plain.comparison.discrepancies if not weak(d)]
        false_alarms += len(listed)
        naive_alarms += len(naive_pairs(plain))
        for d in listed:
            print(f"  listed on unmodified {event[:8]}: {d.kind} {d.confidence:.2f} "
                  f"{d.summary[:140]}")
        injections = figure_injections(event, plain, rng) + attribution_injections(
            event, plain, rng)
        for injection in injections:
            if args.kind and injection.kind not in args.kind:
                continue
            changed = injected_records(records, injection)
            tally = tallies[injection.kind]
            if changed is None:
                tally.skipped += 1
                continue
            run = compare_records(changed)
            result = outcome(run, injection)
            tally.injected += 1
            tally.listed += result == "listed"
            tally.folded += result == "folded"
            tally.other += result == "other kind"
            tally.missed += result == "missed"
            if injection.kind == "figure-value":
                tally.baseline += naive_found(run, injection)
            if result != "listed" or args.show:
                why = [f"{d.kind} {d.confidence:.2f} {d.why[:200]}"
                       for d in run.comparison.discrepancies]
                line = f"[{result}] {event[:8]} {injection.label} | {'; '.join(why) or '-'}"
                if injection.kind == "attribution" and result != "listed":
                    line += f" || {attribution_trace(run, injection)}"
                if result != "listed":
                    tally.misses.append(line)
                print("  " + line)
    seconds = time.perf_counter() - began
    print(f"\nBASIL dev events: {len(events)} (seed {args.seed}), with their injections, "
          f"in {seconds:.0f} s")
    for kind, t in tallies.items():
        print(f"  {kind}: injected {t.injected}; listed {_share(t.listed, t.injected)}, "
              f"folded {t.folded}, listed as another kind only {t.other}, missed {t.missed}; "
              f"not made (words not found in the raw text) {t.skipped}")
    t = tallies["figure-value"]
    print(f"  baseline (naive lister: same unit, a shared noun, different values): "
          f"figure-value recall {_share(t.baseline, t.injected)}")
    print(f"  false alarms on the unmodified events: crosswire listed {false_alarms}; "
          f"naive lister {naive_alarms}")


if __name__ == "__main__":
    main()
