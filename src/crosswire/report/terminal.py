"""The story report for a terminal, with rich: panels, tables, colour.

Renderables are built from :class:`rich.text.Text` pieces, never from markup strings, so
brackets or markup-like text inside an article cannot change the styling.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from crosswire.records import Passage, QuoteGroup
from crosswire.report.diff import Segment, mark_differences
from crosswire.report.view import (
    ReportView,
    confidence_label,
    quoted,
    show_date,
    show_value,
    what_counted,
)

STATUS_STYLES = {
    "corroborated": "bold white on green",
    "single-source": "bold black on yellow",
    "conflicting": "bold white on red",
}
CHANGED = "bold black on yellow"
# A terminal cannot fold: past these counts single-source items are counted, not printed (the
# ranking puts the ones worth reading first; `crosswire quotes --story` and the HTML and
# Markdown reports have every one).
FOLD_QUOTES = 15
FOLD_UNIQUE = 5


def badge(status: str, plain: bool = False) -> Text:
    """A coloured status label; bracketed when colour is off so it still stands out."""
    if plain:
        return Text(f"[{status}]")
    return Text(f" {status} ", style=STATUS_STYLES.get(status, "reverse"))


def _ref(view: ReportView, passage: Passage) -> Text:
    return Text(f"[{view.ref(passage)}]", style="dim")


def _diffed(segments: list[Segment], plain: bool) -> Text:
    """A variant with its changed words styled, or wrapped in «» when colour is off."""
    text = Text()
    for s in segments:
        if not s.differs:
            text.append(s.text)
        elif plain:
            text.append(f"«{s.text}»")
        else:
            text.append(s.text, style=CHANGED)
    return text


def report_renderables(view: ReportView, plain: bool = False) -> Iterator[RenderableType]:
    """The report, section by section, as rich renderables."""
    yield _header(view)
    yield Text(view.summary(), style="bold")
    if view.comparison.summary:
        yield Rule("Summary")
        yield from _summary(view, plain)
    yield Rule("Discrepancies", style="red")
    yield from _discrepancies(view)
    yield Rule("Quotes")
    yield from _quotes(view, plain)
    yield Rule("Figures")
    yield from _figures(view, plain)
    for article_id, passages in view.unique_by_article().items():
        yield Rule(f"Only in {view.label(article_id)} ({len(passages)})")
        for p in passages[:FOLD_UNIQUE]:
            yield Text.assemble("• ", p.text.strip(), " ", _ref(view, p))
        if len(passages) > FOLD_UNIQUE:
            yield _folded(len(passages) - FOLD_UNIQUE, "passage", "--format html")
    if view.thread:
        yield Rule(f"Thread: {len(view.thread)} more stories on this topic, newest first")
        for line in view.thread_lines():
            yield Text(f"• {line}")
    yield Text("")
    # A citation names the outlet; the header gives its article id, and this, the way there.
    yield Text(
        "A citation [Outlet §START–END] is shown in its sentence by "
        "`crosswire show ARTICLE_ID --at START-END` (ids above).",
        style="dim",
    )


def _folded(count: int, what: str, where: str) -> Text:
    """The line that stands for items a terminal report leaves out, and where to see them."""
    return Text(f"… and {count} more {what}{'' if count == 1 else 's'} ({where} lists all)",
                style="dim")


def _summary(view: ReportView, plain: bool) -> Iterator[RenderableType]:
    """The agreed core, then the disputed points, each with where every outlet says it."""
    for line in view.comparison.summary:
        refs = Text(" ").join(_ref(view, p) for p in line.sources)
        mark = (
            badge(line.status, plain)
            if line.kind == "fact"
            else Text(f"{line.kind.upper()} ", style="bold red")
        )
        yield Text.assemble("• ", mark, " ", line.text.strip(), " ", refs)


def _header(view: ReportView) -> Panel:
    lines = [Text(view.header_line(), style="bold")]
    for a in view.articles:
        line = Text.assemble(
            ("• ", "dim"),
            (view.label(a.id), "bold cyan"),
            f" — {a.title or 'untitled'} · ",
            (show_date(a.published), "dim"),
            (f" · {a.id}", "dim"),
        )
        note = view.copy_note(a.id)
        if note:
            line.append(f"  {note}", style="italic magenta")
        lines.append(line)
    title = Text(view.story.title or "Untitled story", style="bold")
    return Panel(Group(*lines), title=title, title_align="left", border_style="cyan")


def _discrepancies(view: ReportView) -> Iterator[RenderableType]:
    if not view.comparison.discrepancies:
        yield Text("No disagreement found between outlets.", style="dim")
        return
    for d in view.shown_discrepancies():
        yield Text.assemble(
            (f"{d.kind.upper()} ", "bold red"),
            d.summary,
            (f" (confidence {confidence_label(d)})", "dim"),
        )
        if d.why:
            yield Text(f"why: {d.why}", style="dim")
        table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
        table.add_column("outlet", style="bold", no_wrap=True)
        table.add_column("says", ratio=1)
        for side in d.sides:
            says = Text.assemble(quoted(side.text), " ", _ref(view, side))
            table.add_row(Text(view.label(side.article)), says)
        yield table
    folded = view.folded_discrepancies()
    if folded:
        yield Text(f"{view.folded_heading()}:", style="dim")
        for d in folded:
            yield Text(f"  {d.kind} {confidence_label(d)}: {d.summary} (why: {d.why})", style="dim")


def quote_table(view: ReportView, group: QuoteGroup, plain: bool = False) -> Table:
    """One statement side by side: a column per outlet, changed words highlighted."""
    speaker = group.speaker or "Unattributed"
    title = Text.assemble((speaker, "bold"), " ", badge(group.status, plain))
    notes = [*group.notes, *filter(None, [view.origin_note(group)])]
    table = Table(
        title=title, title_justify="left", expand=True, show_lines=False,
        caption="\n".join(notes) or None, caption_justify="left",
    )  # fmt: skip
    marked = mark_differences([v.text for v in group.variants])
    for variant in group.variants:
        table.add_column(Text(view.label(variant.article), style="bold cyan"), ratio=1)
    table.add_row(*(_diffed(segments, plain) for segments in marked))
    table.add_row(*(_ref(view, v) for v in group.variants))
    return table


def _quotes(view: ReportView, plain: bool) -> Iterator[RenderableType]:
    if not view.comparison.quotes:
        yield Text("No quotes found.", style="dim")
    for group in view.compared_quotes():
        yield quote_table(view, group, plain)
    lone = view.lone_quotes()
    if lone:
        title = Text(f"Quoted by one outlet only ({len(lone)}), main voices first", style="bold")
        table = Table(title=title, title_justify="left")
        table.add_column("Speaker", style="bold", ratio=1)
        table.add_column("Outlet", style="cyan", ratio=1)
        table.add_column("Quote", ratio=4)
        for group in lone[:FOLD_QUOTES]:
            variant = group.variants[0]
            says = Text.assemble(quoted(variant.text), " ", _ref(view, variant))
            if group.status != "single-source":
                says.append_text(Text(" ").append_text(badge(group.status, plain)))
            table.add_row(Text(group.speaker or "Unattributed"), view.label(variant.article), says)
        yield table
        if len(lone) > FOLD_QUOTES:
            yield _folded(len(lone) - FOLD_QUOTES, "quote", "`crosswire quotes --story`")


def _in_context(view: ReportView, passage: Passage) -> Text:
    """A figure mention inside its sentence, the mention underlined."""
    before, inside, after = view.context(passage)
    return Text.assemble(
        before.lstrip(), (inside, "bold underline"), after.rstrip(), " ", _ref(view, passage)
    )


def _figures(view: ReportView, plain: bool) -> Iterator[RenderableType]:
    if not view.comparison.figures:
        yield Text("No figures found.", style="dim")
        return
    # One row per mention, the figure's value and status on its first row: each outlet's
    # wording sits on its own line, which a single "as written" cell squeezed into ellipses.
    table = Table(expand=True)
    table.add_column("Value", ratio=2)
    table.add_column("Status", no_wrap=True)
    table.add_column("Outlet", style="cyan", ratio=1)
    table.add_column("As written", ratio=3)
    for f in view.comparison.figures:
        value = Text(show_value(f.value, f.unit), style="bold")
        if counts := what_counted(f):
            value.append(f"\n{counts}", style="dim")
        if (note := view.origin_note(f)) is not None:
            value.append(f"\n{note}", style="dim italic")
        if f.sources:
            value.append(f"\nsource: {', '.join(f.sources)}", style="dim")
        for i, m in enumerate(f.mentions):
            table.add_row(
                value if i == 0 else Text(""),
                badge(f.status, plain) if i == 0 else Text(""),
                view.label(m.article),
                _in_context(view, m),
                end_section=i == len(f.mentions) - 1,
            )
    yield table


def print_view(view: ReportView, console: Console) -> None:
    """Print the report to ``console``; without colour, changed words are wrapped in «»."""
    plain = console.color_system is None
    for renderable in report_renderables(view, plain=plain):
        console.print(renderable)
        if isinstance(renderable, Table | Panel):
            console.print()


def render_terminal(view: ReportView, width: int = 100, color: bool = False) -> str:
    """The terminal report as a string: ANSI-coloured when ``color``, plain text otherwise."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="truecolor" if color else None,
        highlight=False,
        emoji=False,
    )
    print_view(view, console)
    return buffer.getvalue()
