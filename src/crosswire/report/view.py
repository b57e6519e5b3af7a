"""What every report format shows, worked out once: labels, source references, counts.

The renderers differ only in markup; keeping the decisions here (how an article is named, where
a cited passage really is, what the summary counts) keeps the four formats in agreement.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from crosswire.compare.rank import weak
from crosswire.compare.sources import unnamed_labels
from crosswire.dates import show_date as show_date  # re-exported: the renderers import it here
from crosswire.records import (
    Article,
    Comparison,
    Discrepancy,
    FigureGroup,
    Passage,
    QuoteGroup,
    Story,
)
from crosswire.report.ranking import rank_lone_quotes

STATUSES = ("corroborated", "conflicting", "single-source")
# Where a sentence ends: terminal punctuation (maybe closing a quotation) then space, or a newline.
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+|\n")
CONTEXT_CHARS = 160


@dataclass(slots=True)
class ReportView:
    """A story, its articles and their comparison, with the lookups renderers need."""

    story: Story
    articles: list[Article]
    comparison: Comparison
    # The other stories of its thread (its running topic), newest first.
    thread: list[Story] = field(default_factory=list)
    by_id: dict[str, Article] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    copied: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {a.id: a for a in self.articles}
        self.labels = _labels(self.articles)
        # Copies the comparison found (in part, reworded): copy -> (original, how it copies).
        for origin in self.comparison.origins:
            for copy, how in zip(origin.articles[1:], origin.evidence, strict=False):
                self.copied[copy] = (origin.articles[0], how)

    # -- naming --------------------------------------------------------------------------------
    def label(self, article_id: str) -> str:
        """How the report names an article: its outlet, disambiguated when needed."""
        return self.labels.get(article_id) or article_id[:8]

    def copies(self) -> list[tuple[Article, str]]:
        """Copies (syndicated, stored as such, or found by the comparison) with the label of
        the article they copy."""
        return [(a, note) for a in self.articles if (note := self.copy_note(a.id))]

    def copy_note(self, article_id: str) -> str | None:
        """How the report marks a copy: "syndicated copy of X" for a stored one, "copy of X:
        how" for one the comparison found; None for an original."""
        article = self.by_id.get(article_id)
        if article is not None and article.duplicate_of:
            return f"syndicated copy of {self.label(article.duplicate_of)}"
        if article_id in self.copied:
            original, how = self.copied[article_id]
            return f"copy of {self.label(original)} ({how})"
        return None

    def origin_note(self, group: QuoteGroup | FigureGroup) -> str | None:
        """Which outlets of an item are one origin, when some are: "2 outlets, 1 independent
        origin: kesq.com". None when every outlet is an origin of its own."""
        if not group.origins or len(group.origins) >= len(group.outlets):
            return None
        origins = _plural(len(group.origins), "independent origin")
        return (
            f"{_plural(len(group.outlets), 'outlet')}, {origins}: {', '.join(group.origins)} "
            "(the others carry their words)"
        )

    # -- discrepancies -------------------------------------------------------------------------
    def shown_discrepancies(self) -> list[Discrepancy]:
        """The discrepancies worth reading, most certain first."""
        return [d for d in self.comparison.discrepancies if not weak(d)]

    def folded_discrepancies(self) -> list[Discrepancy]:
        """The weak ones: listed after the others, collapsed, one line each."""
        return [d for d in self.comparison.discrepancies if weak(d)]

    def folded_heading(self) -> str:
        """The line over the folded ones: "3 weak discrepancies, folded"."""
        count = len(self.folded_discrepancies())
        return f"{_plural(count, 'weak discrepancy', 'weak discrepancies')}, folded"

    # -- citations -----------------------------------------------------------------------------
    def span(self, passage: Passage) -> tuple[int, int] | None:
        """Where ``passage`` is in its article's clean text, or None if it cannot be found.

        Offsets are trusted when they select the passage text; otherwise (an article re-cleaned
        after analysis shifts them) the text is looked up, nearest to the stated start.
        """
        article = self.by_id.get(passage.article)
        if article is None:
            return None
        text = article.text
        in_range = 0 <= passage.start <= passage.end <= len(text)
        if in_range and text[passage.start : passage.end] == passage.text:
            return passage.start, passage.end
        if not passage.text:
            return None
        found = [m.start() for m in re.finditer(re.escape(passage.text), text)]
        if not found:
            return None
        start = min(found, key=lambda s: abs(s - passage.start))
        return start, start + len(passage.text)

    def ref(self, passage: Passage) -> str:
        """The source reference printed after a statement: ``Outlet §start–end``."""
        span = self.span(passage) or (passage.start, passage.end)
        return f"{self.label(passage.article)} §{span[0]}–{span[1]}"

    def anchor(self, passage: Passage) -> str | None:
        """The HTML id of the cited span, or None when the passage is not in the article."""
        span = self.span(passage)
        return anchor_id(passage.article, *span) if span else None

    def context(self, passage: Passage) -> tuple[str, str, str]:
        """The sentence around a short passage, as (before, passage, after).

        A figure mention is a few characters ("Two"); a reader needs its sentence to see what
        it counts. Sentence edges are found with punctuation, each side capped with an ellipsis.
        """
        span = self.span(passage)
        if span is None:
            return "", passage.text, ""
        text = self.by_id[passage.article].text
        start, end = span
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
        left = ends[-1] if ends else 0
        after = _SENTENCE_END.search(text, end)
        right = after.start() + len(after.group().rstrip()) if after else len(text)
        before, inside, following = text[left:start], text[start:end], text[end:right]
        if len(before) > CONTEXT_CHARS:
            before = "…" + before[-CONTEXT_CHARS:].lstrip()
        if len(following) > CONTEXT_CHARS:
            following = following[:CONTEXT_CHARS].rstrip() + "…"
        return before, inside, following

    def passages(self) -> list[Passage]:
        """Every passage the report cites, in report order."""
        cmp = self.comparison
        found: list[Passage] = [s for d in cmp.discrepancies for s in d.sides]
        found += [v for q in cmp.quotes for v in q.variants]
        found += [m for f in cmp.figures for m in f.mentions]
        found += cmp.unique
        found += [p for line in cmp.summary for p in line.sources]
        return found

    def cited_spans(self, article_id: str) -> list[tuple[int, int]]:
        """Distinct located spans cited in one article, sorted by start (longest first)."""
        spans = {
            span
            for p in self.passages()
            if p.article == article_id and (span := self.span(p)) is not None
        }
        return sorted(spans, key=lambda s: (s[0], -s[1]))

    # -- grouping and counting -----------------------------------------------------------------
    def compared_quotes(self) -> list[QuoteGroup]:
        """Statements several outlets carry: shown side by side."""
        return [q for q in self.comparison.quotes if len(q.variants) > 1]

    def lone_quotes(self) -> list[QuoteGroup]:
        """Statements one outlet carries: a list, since there is nothing to put beside them,
        ranked (report/ranking.py) so that a folded list opens on the ones worth reading."""
        return rank_lone_quotes([q for q in self.comparison.quotes if len(q.variants) == 1])

    def unique_by_article(self) -> dict[str, list[Passage]]:
        """Passages only one outlet carries, grouped by article in story order."""
        order = {a.id: i for i, a in enumerate(self.articles)}
        grouped: dict[str, list[Passage]] = {}
        for passage in sorted(
            self.comparison.unique, key=lambda p: (order.get(p.article, len(order)), p.start)
        ):
            grouped.setdefault(passage.article, []).append(passage)
        return grouped

    def outlets(self) -> list[str]:
        names = self.story.outlets or sorted({a.outlet for a in self.articles if a.outlet})
        return list(names)

    def dates(self) -> str:
        first, last = self.story.first_published, self.story.last_published
        if not first and not last:
            return "date unknown"
        if not last or first == last:
            return show_date(first or last)
        return f"{show_date(first)} – {show_date(last)}"

    def summary(self) -> str:
        """One line of counts: what the comparison found."""
        cmp = self.comparison
        parts = [
            _counted(len(cmp.quotes), "quote", Counter(q.status for q in cmp.quotes)),
            _counted(len(cmp.figures), "figure", Counter(f.status for f in cmp.figures)),
            _plural(len(cmp.discrepancies), "discrepancy", "discrepancies")
            + (f" ({len(folded)} weak, folded)" if (folded := self.folded_discrepancies()) else ""),
            _plural(len(cmp.unique), "passage") + " only in one outlet",
        ]
        return " · ".join(parts)

    def thread_lines(self) -> list[str]:
        """One line per story of the thread, newest first: its dates, title and id."""
        lines = []
        for other in self.thread:
            first, last = show_date(other.first_published), show_date(other.last_published)
            when = first if first == last else f"{first} – {last}"
            title = other.title or "Untitled story"
            lines.append(f"{when} · {title} · {len(other.articles)} articles · {other.id}")
        return lines

    def header_line(self) -> str:
        copies = len(self.copies())
        articles = _plural(len(self.articles), "article")
        if copies:
            found = copies - sum(1 for a in self.articles if a.duplicate_of)
            kind = "copy" if found else "syndicated copy"
            articles += f" ({_plural(copies, kind, kind.replace('copy', 'copies'))})"
        ids = {a.id for a in self.articles}
        unnamed = sum(
            1 for a in self.articles
            if not a.outlet and a.duplicate_of not in ids and a.id not in self.copied
        )
        outlets = _plural(len(self.outlets()), "outlet")
        if unnamed:
            outlets = f"{outlets} + {unnamed} unnamed"
        return f"{outlets} · {articles} · {self.dates()}"


def anchor_id(article_id: str, start: int, end: int) -> str:
    """A valid, stable HTML id for a span of an article."""
    return f"a-{_safe_id(article_id)}-{start}-{end}"


def article_anchor(article_id: str) -> str:
    """The HTML id of an article's embedded text."""
    return f"article-{_safe_id(article_id)}"


def _safe_id(article_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", article_id)


def quoted(text: str) -> str:
    """Text in curly quotes, unless it already opens with a quotation mark of its own."""
    text = text.strip()
    return text if text[:1] in "\"“‘'«" else f"“{text}”"


def confidence_label(discrepancy: Discrepancy) -> str:
    """The confidence as the report prints it beside the kind: "0.70"."""
    return f"{discrepancy.confidence:.2f}"


def show_value(value: float, unit: str | None) -> str:
    """A figure's normalised value as a reader writes it: 1,100,000 / 2.5 / 1%."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def what_counted(figure: FigureGroup) -> str:
    """What a figure counts, unless its unit already says it ("2.3 million crowns": no "crowns")."""
    counts = (figure.counts or "").strip()
    unit = (figure.unit or "").lower()
    if unit and counts.lower() in {unit, unit + "s", unit + "es"}:
        return ""
    return counts


def _labels(articles: list[Article]) -> dict[str, str]:
    """Outlet names, with a short id appended where one outlet has several articles."""
    per_outlet = Counter(a.outlet for a in articles if a.outlet)
    labels = unnamed_labels(articles)
    for a in articles:
        if not a.outlet:
            continue
        if per_outlet[a.outlet] > 1:
            labels[a.id] = f"{a.outlet} ({a.id[:8]})"
        else:
            labels[a.id] = a.outlet
    return labels


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _counted(n: int, word: str, statuses: Counter[str]) -> str:
    text = _plural(n, word)
    detail = ", ".join(f"{statuses[s]} {s}" for s in STATUSES if statuses[s])
    return f"{text} ({detail})" if detail else text
