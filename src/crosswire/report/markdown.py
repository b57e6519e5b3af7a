"""The story report as GitHub Markdown: tables for side-by-side quotes, changed words in bold.

Every statement is followed by its source reference ``[Outlet §start–end]`` (offsets into the
article's clean text, listed with the article ids at the top) so a reader can check it.
"""

from __future__ import annotations

import re

from crosswire.records import Passage
from crosswire.report.diff import mark_differences
from crosswire.report.view import (
    ReportView,
    confidence_label,
    quoted,
    show_date,
    show_value,
    what_counted,
)

# Characters that Markdown would read as formatting or table structure. Brackets stay: a lone
# "[...]" renders as written in GitHub Markdown, and source references are written that way.
_SPECIAL = re.compile(r"([\\`*_|<>])")


def escape(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell: one line, formatting escaped.

    Runs of whitespace become one space but are kept at the edges, so escaped diff segments
    join up with their spaces.
    """
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _cite(view: ReportView, passage: Passage) -> str:
    return f"[{escape(view.ref(passage))}]"


def _badge(status: str) -> str:
    return f"`{status}`"


def _said(view: ReportView, passage: Passage) -> str:
    return f"{escape(quoted(passage.text))} {_cite(view, passage)}"


def render_markdown(view: ReportView) -> str:
    """The whole report as one Markdown document."""
    lines: list[str] = [f"# {escape(view.story.title or 'Untitled story')}", ""]
    lines += _header(view)
    lines += _summary(view)
    lines += _discrepancies(view)
    lines += _quotes(view)
    lines += _figures(view)
    lines += _unique(view)
    lines += _thread(view)
    return "\n".join(lines).rstrip() + "\n"


def _thread(view: ReportView) -> list[str]:
    if not view.thread:
        return []
    lines = ["## Thread", "", "Other stories on this topic, newest first:", ""]
    return [*lines, *(f"- {escape(line)}" for line in view.thread_lines()), ""]


def _header(view: ReportView) -> list[str]:
    lines = [
        f"**{escape(view.header_line())}**",
        "",
        "| Outlet | Title | Published | Article | Note |",
        "|---|---|---|---|---|",
    ]
    for a in view.articles:
        note = escape(view.copy_note(a.id) or "")
        lines.append(
            f"| {escape(view.label(a.id))} | {escape(a.title or '')} | "
            f"{show_date(a.published)} | `{a.id}` | {note} |"
        )
    return [*lines, "", f"> {escape(view.summary())}", ""]


def _summary(view: ReportView) -> list[str]:
    if not view.comparison.summary:
        return []
    lines = ["## Summary", ""]
    for line in view.comparison.summary:
        refs = " ".join(_cite(view, p) for p in line.sources)
        mark = _badge(line.status) if line.kind == "fact" else f"**{escape(line.kind)}**"
        lines.append(f"- {mark} {escape(line.text.strip())} {refs}")
    return [*lines, ""]


def _discrepancies(view: ReportView) -> list[str]:
    lines = ["## Discrepancies", ""]
    if not view.comparison.discrepancies:
        return [*lines, "No disagreement found between outlets.", ""]
    for d in view.shown_discrepancies():
        lines += [
            f"### {escape(d.kind.capitalize())}: {escape(d.summary)} "
            f"(confidence {confidence_label(d)})",
            "",
        ]
        if d.why:
            lines += [f"*Why: {escape(d.why)}*", ""]
        lines += [f"- **{escape(view.label(s.article))}**: {_said(view, s)}" for s in d.sides]
        lines.append("")
    folded = view.folded_discrepancies()
    if folded:
        lines += [f"<details><summary>{escape(view.folded_heading())}</summary>", ""]
        lines += [
            f"- {escape(d.kind)} ({confidence_label(d)}): {escape(d.summary)} "
            f"*Why: {escape(d.why)}* " + " ".join(_cite(view, s) for s in d.sides)
            for d in folded
        ]
        lines += ["", "</details>", ""]
    return lines


def _quotes(view: ReportView) -> list[str]:
    lines = ["## Quotes", ""]
    if not view.comparison.quotes:
        return [*lines, "No quotes found.", ""]
    for group in view.compared_quotes():
        speaker = escape(group.speaker) if group.speaker else "Unattributed"
        lines += [f"### {speaker} {_badge(group.status)}", ""]
        marked = mark_differences([v.text for v in group.variants])
        cells = [
            "".join(f"**{escape(s.text)}**" if s.differs else escape(s.text) for s in segs)
            for segs in marked
        ]
        outlets = [escape(view.label(v.article)) for v in group.variants]
        lines.append("| " + " | ".join(outlets) + " |")
        lines.append("|" + "---|" * len(group.variants))
        lines.append("| " + " | ".join(cells) + " |")
        lines.append("| " + " | ".join(_cite(view, v) for v in group.variants) + " |")
        lines.append("")
        notes = [*group.notes, *filter(None, [view.origin_note(group)])]
        if notes:
            lines += [f"- {escape(note)}" for note in notes] + [""]
    lone = view.lone_quotes()
    if lone:
        lines += [
            "### Quoted by one outlet only",
            "",
            f"<details><summary>{len(lone)} quotes, main voices first</summary>",
            "",
        ]
        for group in lone:
            variant = group.variants[0]
            speaker = escape(group.speaker) if group.speaker else "Unattributed"
            badge = "" if group.status == "single-source" else f" {_badge(group.status)}"
            lines.append(
                f"- **{speaker}** ({escape(view.label(variant.article))}): "
                f"{_said(view, variant)}{badge}"
            )
        lines += ["", "</details>", ""]
    return lines


def _in_context(view: ReportView, passage: Passage) -> str:
    """A figure mention inside its sentence, the mention in bold."""
    before, inside, after = view.context(passage)
    return f"{escape(before.lstrip())}**{escape(inside)}**{escape(after.rstrip())} " + _cite(
        view, passage
    )


def _figures(view: ReportView) -> list[str]:
    lines = ["## Figures", ""]
    if not view.comparison.figures:
        return [*lines, "No figures found.", ""]
    lines += [
        "| Value | Counts | Source | Status | Outlets | As written |",
        "|---|---|---|---|---|---|",
    ]
    for f in view.comparison.figures:
        outlets = escape(", ".join(sorted({view.label(m.article) for m in f.mentions})))
        if (note := view.origin_note(f)) is not None:
            outlets += f"<br>*{escape(note)}*"
        written = "<br>".join(_in_context(view, m) for m in f.mentions)
        lines.append(
            f"| {escape(show_value(f.value, f.unit))} | {escape(what_counted(f))} | "
            f"{escape(', '.join(f.sources))} | {_badge(f.status)} | {outlets} | {written} |"
        )
    return [*lines, ""]


def _unique(view: ReportView) -> list[str]:
    lines: list[str] = []
    for article_id, passages in view.unique_by_article().items():
        lines += [f"## Only in {escape(view.label(article_id))}", ""]
        count = f"{len(passages)} passage{'' if len(passages) == 1 else 's'}"
        lines += [f"<details><summary>{count}</summary>", ""]
        lines += [f"- {escape(p.text.strip())} {_cite(view, p)}" for p in passages]
        lines += ["", "</details>", ""]
    return lines
