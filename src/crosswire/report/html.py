"""The story report as one standalone HTML page.

No external assets: the stylesheet is inlined and each article's clean text is embedded, with
every cited span wrapped in an element whose id the statements link to, so a reader can click
from a claim to the sentence it came from, offline. Everything from the articles is escaped.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files

from crosswire.records import Article, Discrepancy, Passage
from crosswire.report.diff import mark_differences
from crosswire.report.view import (
    ReportView,
    anchor_id,
    article_anchor,
    confidence_label,
    quoted,
    show_date,
    show_value,
)

# Optional nicety: open the collapsed article a link points into. Links work without it in
# browsers that expand <details> for fragment navigation.
_OPEN_TARGET = (
    "<script>function o(){var t=location.hash&&document.getElementById(location.hash.slice(1));"
    "for(var d=t;d;d=d.parentElement){if(d.tagName==='DETAILS')d.open=true}"
    "if(t)t.scrollIntoView()}addEventListener('hashchange',o);o();</script>"
)


def _css() -> str:
    return files("crosswire.report").joinpath("style.css").read_text(encoding="utf-8")


def _ref(view: ReportView, passage: Passage) -> str:
    label = escape(view.ref(passage))
    anchor = view.anchor(passage)
    if anchor is None:
        return f'<span class="ref missing" title="not found in the article text">{label}</span>'
    return f'<a class="ref" href="#{anchor}">{label}</a>'


def _badge(status: str) -> str:
    return f'<span class="badge {escape(status)}">{escape(status)}</span>'


def _said(view: ReportView, passage: Passage) -> str:
    return f'<span class="said">{escape(quoted(passage.text))}</span> {_ref(view, passage)}'


def render_html(view: ReportView) -> str:
    """The whole report as a standalone HTML document."""
    title = escape(view.story.title or "Untitled story")
    body = "\n".join(
        [
            _header(view),
            _summary(view),
            _discrepancies(view),
            _quotes(view),
            _figures(view),
            _unique(view),
            _sources(view),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title} · crosswire</title>\n<style>\n{_css()}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n{_OPEN_TARGET}\n</body>\n</html>\n"
    )


def _header(view: ReportView) -> str:
    rows = []
    for a in view.articles:
        copy = view.copy_note(a.id)
        note = f'<span class="copy">{escape(copy)}</span>' if copy else ""
        rows.append(
            f'<tr><td><a href="#{article_anchor(a.id)}">{escape(view.label(a.id))}</a>'
            f"</td><td>{escape(a.title or '')}</td><td>{escape(show_date(a.published))}</td>"
            f"<td>{note}</td></tr>"
        )
    return (
        f"<header>\n<h1>{escape(view.story.title or 'Untitled story')}</h1>\n"
        f'<p class="meta">{escape(view.header_line())}</p>\n'
        '<table class="articles"><thead><tr><th>Outlet</th><th>Title</th><th>Published</th>'
        f"<th></th></tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
        f'<p class="summary">{escape(view.summary())}</p>\n</header>'
    )


def _summary(view: ReportView) -> str:
    if not view.comparison.summary:
        return ""
    items = []
    for line in view.comparison.summary:
        refs = " ".join(_ref(view, p) for p in line.sources)
        mark = (
            _badge(line.status)
            if line.kind == "fact"
            else f'<span class="kind">{escape(line.kind)}</span>'
        )
        items.append(f"<li>{mark} {escape(line.text.strip())} {refs}</li>")
    return f'<section id="summary">\n<h2>Summary</h2>\n<ul>{"".join(items)}</ul>\n</section>'


def _discrepancy(view: ReportView, d: Discrepancy) -> str:
    sides = "".join(
        f'<li><span class="outlet">{escape(view.label(s.article))}</span> {_said(view, s)}</li>'
        for s in d.sides
    )
    why = f'<p class="why">Why: {escape(d.why)}</p>' if d.why else ""
    return (
        f'<article class="discrepancy"><h3><span class="kind">{escape(d.kind)}</span> '
        f'{escape(d.summary)} <span class="confidence">confidence {confidence_label(d)}</span>'
        f"</h3>{why}<ul>{sides}</ul></article>"
    )


def _discrepancies(view: ReportView) -> str:
    items = [_discrepancy(view, d) for d in view.shown_discrepancies()]
    folded = view.folded_discrepancies()
    if folded:
        items.append(
            f'<details class="folded"><summary>{escape(view.folded_heading())}</summary>'
            + "".join(_discrepancy(view, d) for d in folded) + "</details>"
        )
    content = "\n".join(items) or '<p class="none">No disagreement found between outlets.</p>'
    return f'<section id="discrepancies">\n<h2>Discrepancies</h2>\n{content}\n</section>'


def _notes(notes: list[str | None]) -> str:
    notes = [n for n in notes if n]
    if not notes:
        return ""
    return '<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>"


def _quotes(view: ReportView) -> str:
    items = []
    for group in view.compared_quotes():
        speaker = escape(group.speaker) if group.speaker else "Unattributed"
        marked = mark_differences([v.text for v in group.variants])
        columns = []
        for variant, segments in zip(group.variants, marked, strict=True):
            words = "".join(
                f"<mark>{escape(s.text)}</mark>" if s.differs else escape(s.text) for s in segments
            )
            columns.append(
                f'<figure class="variant"><figcaption>{escape(view.label(variant.article))}'
                f"</figcaption><blockquote>{words}</blockquote>{_ref(view, variant)}</figure>"
            )
        items.append(
            f'<article class="quote {escape(group.status)}"><h3>{speaker} '
            f'{_badge(group.status)}</h3><div class="variants">{"".join(columns)}</div>'
            f"{_notes([*group.notes, view.origin_note(group)])}</article>"
        )
    lone = view.lone_quotes()
    if lone:
        rows = []
        for group in lone:
            variant = group.variants[0]
            speaker = escape(group.speaker) if group.speaker else "Unattributed"
            badge = "" if group.status == "single-source" else f" {_badge(group.status)}"
            rows.append(
                f'<li><span class="outlet">{speaker}</span> '
                f"({escape(view.label(variant.article))}): {_said(view, variant)}{badge}</li>"
            )
        items.append(f'<h3>Quoted by one outlet only</h3>\n<ul class="lone">{"".join(rows)}</ul>')
    content = "\n".join(items) or '<p class="none">No quotes found.</p>'
    return f'<section id="quotes">\n<h2>Quotes</h2>\n{content}\n</section>'


def _in_context(view: ReportView, passage: Passage) -> str:
    """A figure mention inside its sentence, the mention in bold."""
    before, inside, after = view.context(passage)
    return (
        f'<span class="said">{escape(before.lstrip())}<b>{escape(inside)}</b>'
        f"{escape(after.rstrip())}</span> {_ref(view, passage)}"
    )


def _figures(view: ReportView) -> str:
    if not view.comparison.figures:
        return (
            '<section id="figures">\n<h2>Figures</h2>\n'
            '<p class="none">No figures found.</p>\n</section>'
        )
    rows = []
    for f in view.comparison.figures:
        outlets = escape(", ".join(sorted({view.label(m.article) for m in f.mentions})))
        if (note := view.origin_note(f)) is not None:
            outlets += f'<br><span class="origins">{escape(note)}</span>'
        written = "<br>".join(_in_context(view, m) for m in f.mentions)
        value = escape(show_value(f.value, f.unit))
        rows.append(
            f'<tr class="{escape(f.status)}"><td class="value">{value}</td>'
            f"<td>{escape(f.counts or '')}</td><td>{_badge(f.status)}</td>"
            f"<td>{outlets}</td><td>{written}</td></tr>"
        )
    return (
        '<section id="figures">\n<h2>Figures</h2>\n<table class="figures"><thead><tr>'
        "<th>Value</th><th>Counts</th><th>Status</th><th>Outlets</th><th>As written</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>\n</section>"
    )


def _unique(view: ReportView) -> str:
    parts = []
    for article_id, passages in view.unique_by_article().items():
        items = "".join(f"<li>{_said(view, p)}</li>" for p in passages)
        parts.append(
            f'<section class="unique">\n<h2>Only in {escape(view.label(article_id))}</h2>\n'
            f"<ul>{items}</ul>\n</section>"
        )
    return "\n".join(parts)


def _sources(view: ReportView) -> str:
    blocks = []
    for a in view.articles:
        meta = " · ".join(
            escape(x) for x in (show_date(a.published), a.source, a.url or "", a.id) if x
        )
        blocks.append(
            f'<details class="article" id="{article_anchor(a.id)}"><summary>'
            f"<b>{escape(view.label(a.id))}</b> — {escape(a.title or 'untitled')}</summary>"
            f'<p class="meta">{meta}</p>'
            f'<div class="text">{marked_text(a, view.cited_spans(a.id))}</div></details>'
        )
    return f'<section id="articles">\n<h2>Articles</h2>\n{"".join(blocks)}\n</section>'


def marked_text(article: Article, spans: list[tuple[int, int]]) -> str:
    """The article's clean text, escaped, with each cited span wrapped in an anchored element.

    ``spans`` are sorted by start, longest first. Nested spans (a figure inside a quote) nest;
    a span that crosses the end of an enclosing one is cut at that end, since HTML elements
    cannot overlap, and keeps the id of its full extent so links to it still resolve.
    """
    text = article.text
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            out.append(escape(text[pos:end]))
            out.append("</span>")
            pos = end

    for start, end in spans:
        close_until(start)
        out.append(escape(text[pos:start]))
        pos = start
        clipped = min(end, open_ends[-1]) if open_ends else end
        out.append(f'<span class="cite" id="{anchor_id(article.id, start, end)}">')
        open_ends.append(clipped)
    close_until(len(text))
    out.append(escape(text[pos:]))
    return "".join(out)
