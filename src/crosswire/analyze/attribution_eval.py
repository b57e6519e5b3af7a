"""Scoring quote extraction against gold attributions (PolNeAR-style JSON Lines).

Shared by ``bench/quotes.py`` and the evaluation gate test, so both count the same way:

- a prediction matches a gold content when their character spans overlap by at least half the
  shorter one ("partial") or their word sequences are equal ("exact"); matching is one to one,
  largest overlap first;
- "direct" gold contents are those containing a quotation mark; direct predictions are kinds
  "direct" and "partial";
- a matched pair has the right speaker when the predicted speaker mention overlaps a gold
  ``source`` segment (or both have none); end-to-end counts a prediction correct only then.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crosswire.records import Quote

QUOTE_MARKS = frozenset('"“”„«»')
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Span:
    """A predicted or gold attribution: content segments and speaker segments."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""
    direct: bool = False

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.content)


@dataclass(slots=True)
class Gold:
    """One gold article: id, text and attributions."""

    id: str
    text: str
    attributions: list[Span]


def load_gold(path: Path, limit: int | None = None) -> list[Gold]:
    """Articles of a PolNeAR JSON Lines file (``limit``: the first N)."""
    out: list[Gold] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            data = json.loads(line)
            spans = []
            for attr in data["attributions"]:
                content = [(s["start"], s["end"]) for s in attr.get("content") or []]
                text = " ".join(s["text"] for s in attr.get("content") or [])
                source = [(s["start"], s["end"]) for s in attr.get("source") or []]
                if not content:
                    continue  # an annotation without content cannot be matched or scored
                spans.append(Span(content, source, text, any(c in QUOTE_MARKS for c in text)))
            out.append(Gold(str(data["id"]), data["text"], spans))
            if limit is not None and len(out) >= limit:
                break
    return out


def load_offset_sample(sample: Path, texts: Mapping[str, Sequence[str]]) -> list[Gold]:
    """Direct-quote annotations kept as offsets only (``bench/data/quotes-*.json``) on article
    texts kept elsewhere: ``texts`` gives each id's candidate texts, and an article's ``sha1``,
    where the sample records one, picks the text that was annotated (a source may hold two
    versions of one article)."""
    data = json.loads(sample.read_text(encoding="utf-8"))
    out: list[Gold] = []
    for article in data["articles"]:
        text = _annotated_text(article, texts[article["id"]])
        spans = []
        for q in article["quotes"]:
            content = [(a, b) for a, b in q["content"]]
            source = [(q["source"][0], q["source"][1])] if q["source"] else []
            quoted = " ".join(text[a:b] for a, b in content)
            spans.append(Span(content, source, quoted, True))
        out.append(Gold(article["id"], text, spans))
    return out


def article_bodies(path: Path) -> dict[str, list[str]]:
    """A ``{id: {"articleBody": text}}`` file (the Zyte benchmark's gold) as candidate texts."""
    bodies = json.loads(path.read_text(encoding="utf-8"))
    return {key: [value["articleBody"]] for key, value in bodies.items()}


def text_digest(text: str) -> str:
    """The checksum an offset sample records for the text it annotates."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _annotated_text(article: dict, candidates: Sequence[str]) -> str:
    digest = article.get("sha1")
    for text in candidates:
        if digest is None or text_digest(text) == digest:
            return text
    raise ValueError(f"article {article['id']}: no text matches the annotated one")


def _overlap(a: Span, b: Span) -> int:
    return sum(
        max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.content for s2, e2 in b.content
    )


def content_match(pred: Span, gold: Span, exact: bool = False) -> bool:
    """Partial: overlap >= half the shorter span. Exact: the same word sequence."""
    if exact:
        return _WORD.findall(pred.text.lower()) == _WORD.findall(gold.text.lower())
    shorter = min(pred.length, gold.length)
    return shorter > 0 and _overlap(pred, gold) >= 0.5 * shorter


def speaker_match(pred: Span, gold: Span) -> bool:
    """The predicted mention overlaps a gold source segment; or neither has a speaker."""
    if not gold.source or not pred.source:
        return not gold.source and not pred.source
    return any(s1 < e2 and s2 < e1 for s1, e1 in pred.source for s2, e2 in gold.source)


def match(preds: list[Span], golds: list[Span], exact: bool = False) -> list[tuple[int, int]]:
    """One-to-one (prediction index, gold index) pairs, largest overlap first."""
    pairs = [
        (_overlap(p, g), i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if content_match(p, g, exact)
    ]
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


@dataclass(slots=True)
class Counts:
    """Counts behind precision, recall and F1 for one subset and one matching rule."""

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"


@dataclass(slots=True)
class Scores:
    """All figures of one system on one set of articles."""

    direct: Counts = field(default_factory=Counts)
    direct_exact: Counts = field(default_factory=Counts)
    direct_e2e: Counts = field(default_factory=Counts)
    all: Counts = field(default_factory=Counts)
    all_e2e: Counts = field(default_factory=Counts)
    speaker_ok: int = 0
    speaker_n: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_n if self.speaker_n else 0.0

    def add(self, preds: list[Span], golds: list[Span]) -> None:
        """Score one article's predictions against its gold attributions."""
        self._add_subset(self.direct, preds, golds, direct=True, exact=False, e2e=False)
        self._add_subset(self.direct_exact, preds, golds, direct=True, exact=True, e2e=False)
        self._add_subset(self.direct_e2e, preds, golds, direct=True, exact=False, e2e=True)
        self._add_subset(self.all, preds, golds, direct=False, exact=False, e2e=False)
        self._add_subset(self.all_e2e, preds, golds, direct=False, exact=False, e2e=True)
        for i, j in match(preds, golds):
            if preds[i].direct and golds[j].direct:
                self.speaker_n += 1
                self.speaker_ok += speaker_match(preds[i], golds[j])

    @staticmethod
    def _add_subset(
        counts: Counts, preds: list[Span], golds: list[Span], *, direct: bool, exact: bool,
        e2e: bool,
    ) -> None:
        pairs = match(preds, golds, exact)
        if e2e:
            pairs = [(i, j) for i, j in pairs if speaker_match(preds[i], golds[j])]
        in_p = [i for i, p in enumerate(preds) if p.direct or not direct]
        in_g = [j for j, g in enumerate(golds) if g.direct or not direct]
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        counts.n_pred += len(in_p)
        counts.n_gold += len(in_g)
        counts.tp_pred += sum(1 for i in in_p if i in matched_p)
        counts.tp_gold += sum(1 for j in in_g if j in matched_g)


def spans_of_quotes(quotes: Iterable[Quote]) -> Iterator[Span]:
    """Crosswire :class:`~crosswire.records.Quote` records as scoring spans."""
    for q in quotes:
        source = []
        if q.speaker_start is not None and q.speaker_end is not None:
            source = [(q.speaker_start, q.speaker_end)]
        yield Span([(q.start, q.end)], source, q.text, q.kind in ("direct", "partial"))
