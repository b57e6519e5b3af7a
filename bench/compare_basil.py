"""The comparison judged by reading on unseen three-outlet BASIL events.

Each BASIL dev event (``../shared/data/stories/basil/dev.jsonl``) is one event written by Fox
News, the New York Times and HuffPost. The events no rule work has read (none of their
articles is in ``bench/data/statements-*.json``) are drawn with a fixed seed into two samples:
``first``, judged before any change its errors led to, and ``second``, judged later and
never used to choose a change, so that one figure is not the tuned one. Each event's three
articles are ingested into a fresh database and compared as one chosen set, as
``crosswire compare`` does
(``api.compare_articles``, with analysis). Every listed discrepancy and every corroborated item
is looked up in ``bench/data/compare-basil-judged.json`` (a reader's verdicts, by event, item
kind and the sides' offsets in the stored text) and scored:

- listed discrepancies: real (a contradiction) or worth reading, against false alarms;
- corroborated items: right or wrong, and whether the origins they name are independent;
- items resting on a copy counted twice (origins named that the reader found not independent).

A quote group's verdict holds for the speaker it was judged with: credited to someone else,
the group is judged anew.

Items with no verdict are printed as NEW, with their sides, so that they get judged.

    .venv/bin/python bench/compare_basil.py [--sample first|second|all] [--show]
    .venv/bin/python bench/compare_basil.py --seed 14 [--events 10]   # a fresh sample
    .venv/bin/python bench/compare_basil.py --seed 16 --folded  # and what the report folds
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED  # noqa: E402

from crosswire import api  # noqa: E402
from crosswire.compare.rank import weak  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.records import Article, Comparison, Passage  # noqa: E402
from crosswire.store import open_store  # noqa: E402

BASIL = SHARED / "data" / "stories" / "basil" / "dev.jsonl"
DATA = Path(__file__).resolve().parent / "data"
VERDICTS = DATA / "compare-basil-judged.json"
SEED = 13
FIRST = 10  # events in the first sample; the rest of the unseen events are the second
FRESH = 10  # events in a sample drawn with another seed
# A side found again within this many characters of its judged start is the same side
# (a change of cleaning or sentence cutting moves offsets a little).
SLACK = 40
GOOD_DISCREPANCY = ("real", "worth")


@dataclass(slots=True)
class Item:
    """One thing the reader judges: a listed discrepancy or a corroborated group."""

    event: str
    kind: str  # "discrepancy:<kind>", "figure" or "quote"
    sides: list[tuple[str, int, int]]  # (outlet, start, end) in the stored article text
    origins: list[str]
    outlets: list[str]
    label: str  # what the report says, for the reader (printed, never stored)
    texts: list[str]


def unseen_events(seed: int = SEED, count: int = FRESH) -> dict[str, list[str]]:
    """The events whose articles no judged sample holds, drawn into two fixed samples (seed
    13). Another seed draws ``count`` fresh events from those no seed-13 sample holds: all
    unseen events are in those, so a fresh sample comes from the events whose articles only
    the statement samples read (never a comparison), named ``seed<N>``, none of them in
    another seed's judged sample."""
    events: dict[str, list[dict]] = {}
    for line in BASIL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        events.setdefault(record["gold_story"], []).append(record)
    read: set[str] = set()
    for path in DATA.glob("statements-*.json"):
        read |= {item["article"] for item in json.loads(path.read_text())["items"]}
    unseen = sorted(e for e, rs in events.items() if not read & {r["id"] for r in rs})
    random.Random(SEED).shuffle(unseen)
    if seed == SEED:
        return {"first": unseen[:FIRST], "second": unseen[FIRST:]}
    rest = sorted(set(events) - set(unseen))
    random.Random(seed).shuffle(rest)
    # the events of other seeds' samples are judged already: a fresh sample is new to it
    samples = json.loads(VERDICTS.read_text()).get("samples", {}) if VERDICTS.exists() else {}
    taken = {e for name, drawn in samples.items() if name != f"seed{seed}" for e in drawn}
    return {f"seed{seed}": [e for e in rest if e not in taken][:count]}


def _verdicts() -> list[dict]:
    """The reader's verdicts; the file's ``samples`` lists each fresh sample's events (an
    event with nothing to judge is in its sample too)."""
    return json.loads(VERDICTS.read_text())["items"] if VERDICTS.exists() else []


def event_records(event: str) -> list[dict]:
    return [
        r for line in BASIL.read_text(encoding="utf-8").splitlines()
        if (r := json.loads(line))["gold_story"] == event
    ]


def compare_event(event: str) -> tuple[list[Article], Comparison]:
    """The event's three articles ingested as news-please records and compared as one set."""
    fields = ("id", "title", "maintext", "date_publish", "url", "source_domain")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{event}.jsonl"
        rows = [{k: r.get(k) for k in fields} for r in event_records(event)]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        db = str(Path(tmp) / "event.db")
        store = open_store(db)
        ingest_paths([path], Config(db=db, progress=False), store)
        _, articles, comparison = api.compare_articles(store, [a.id for a in store.iter_articles()])
        store.close()
    return articles, comparison


def _sides(passages: list[Passage], outlet: dict[str, str]) -> list[tuple[str, int, int]]:
    return sorted({(outlet.get(p.article, p.article), p.start, p.end) for p in passages})


def judged_items(event: str, articles: list[Article], comparison: Comparison) -> list[Item]:
    outlet = {a.id: a.outlet or a.id for a in articles}
    items = [
        Item(event, f"discrepancy:{d.kind}", _sides(d.sides, outlet), [], [],
             f"{d.confidence:.2f} {d.summary} | why: {d.why}", [s.text for s in d.sides])
        for d in comparison.discrepancies if not weak(d)
    ]
    for g in comparison.figures:
        if g.status == "corroborated":
            items.append(Item(event, "figure", _sides(g.mentions, outlet), g.origins, g.outlets,
                              f"{g.value:g} {g.unit or ''} ({g.counts or '?'})",
                              [m.text for m in g.mentions]))
    for q in comparison.quotes:
        if q.status == "corroborated":
            items.append(Item(event, "quote", _sides(q.variants, outlet), q.origins, q.outlets,
                              q.speaker or "(no speaker)", [v.text for v in q.variants]))
    return items


def _same_sides(a: list[tuple[str, int, int]], b: list[list]) -> bool:
    """Every judged side found again (same outlet, start within SLACK) and no side added."""
    if len(a) != len(b):
        return False
    left = [tuple(s) for s in b]
    for outlet, start, _ in a:
        near = [s for s in left if s[0] == outlet and abs(s[1] - start) <= SLACK]
        if not near:
            return False
        left.remove(min(near, key=lambda s: abs(s[1] - start)))
    return True


def verdict_of(item: Item, verdicts: list[dict]) -> dict | None:
    """The reader's verdict on the same item: same event, kind and sides, and for a quote
    group the same speaker credited (a group credited to someone else is judged anew)."""
    for v in verdicts:
        if v["event"] != item.event or v["kind"] != item.kind:
            continue
        if "speaker" in v and item.kind == "quote" and v["speaker"] != item.label:
            continue
        if _same_sides(item.sides, v["sides"]):
            return v
    return None


def score(
    sample: str, events: list[str], verdicts: list[dict], show: bool, folded: bool = False
) -> dict[str, int]:
    tally = dict.fromkeys(
        ("events", "listed", "listed good", "corroborated", "right", "independent",
         "copy twice", "new", "folded"), 0)
    for event in events:
        articles, comparison = compare_event(event)
        tally["events"] += 1
        items = judged_items(event, articles, comparison)
        weak_ones = [d for d in comparison.discrepancies if weak(d)]
        tally["folded"] += len(weak_ones)
        if show or items or (folded and weak_ones):
            print(f"\n=== {sample} {event}: {', '.join(a.outlet or a.id for a in articles)}; "
                  f"{len(comparison.discrepancies)} discrepancies, {len(items)} judged items")
        if folded:
            for d in weak_ones:  # not scored: the report collapses them
                print(f"  (folded) {d.kind} {d.confidence:.2f} {d.summary[:160]} | why: "
                      f"{d.why[:240]}")
        for item in items:
            v = verdict_of(item, verdicts)
            mark = v["verdict"] if v else "NEW"
            if item.kind.startswith("discrepancy"):
                tally["listed"] += 1
                tally["listed good"] += bool(v and v["verdict"] in GOOD_DISCREPANCY)
            else:
                tally["corroborated"] += 1
                tally["right"] += bool(v and v["verdict"] == "right")
                tally["independent"] += bool(v and v.get("independent") and len(item.origins) >= 2)
                # two origins that are one report: a copy or another's text counted twice
                tally["copy twice"] += bool(v and v.get("independent") is False)
            tally["new"] += v is None
            print(f"  [{mark}] {item.kind} sides {json.dumps(item.sides)} "
                  f"origins {item.origins or '-'}")
            print(f"      {item.label}" + (f"  -- {v['reason']}" if v else ""))
            if v is None or show:
                for text in item.texts:
                    print(f"      > {' '.join(text.split())[:220]}")
    return tally


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "none"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", choices=("first", "second", "all"), default="all")
    ap.add_argument("--show", action="store_true", help="print every item's sides' text")
    ap.add_argument("--seed", type=int, default=SEED,
                    help=f"{SEED}: the first and second samples; another: a fresh sample")
    ap.add_argument("--events", type=int, default=FRESH, help="events in a fresh sample")
    ap.add_argument("--folded", action="store_true",
                    help="also print the folded discrepancies (not scored)")
    args = ap.parse_args()
    samples = unseen_events(args.seed, args.events)
    verdicts = _verdicts()
    if args.seed != SEED:
        chosen: tuple[str, ...] = tuple(samples)
    else:
        chosen = ("first", "second") if args.sample == "all" else (args.sample,)
    results = {}
    began = time.perf_counter()
    for sample in chosen:
        results[sample] = score(sample, samples[sample], verdicts, args.show, args.folded)
    print(f"\nBASIL dev events (seed {args.seed}), compared as one set each "
          f"in {time.perf_counter() - began:.0f} s:")
    for sample, t in results.items():
        print(f"  {sample} ({t['events']} events): listed discrepancies real or worth reading "
              f"{_share(t['listed good'], t['listed'])}; corroborated right "
              f"{_share(t['right'], t['corroborated'])}, naming independent origins "
              f"{_share(t['independent'], t['corroborated'])}; copies counted twice "
              f"{t['copy twice']}; not judged yet {t['new']}; folded discrepancies "
              f"{t['folded']}")


if __name__ == "__main__":
    main()
