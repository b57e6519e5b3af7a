"""The story report as one standalone HTML page, rendered from the web app's templates.

No external assets: the stylesheet is inlined and each article's clean text is embedded, with
every cited span wrapped in an element whose id the statements link to, so a reader can click
from a claim to the sentence it came from, offline. Everything from the articles is escaped
(the templates autoescape).
"""

from __future__ import annotations

from crosswire.records import Article
from crosswire.report.page import InPage, StoryPage
from crosswire.report.spans import Mark, tokens
from crosswire.report.view import ReportView, anchor_id
from crosswire.templates import environment, render


def render_html(view: ReportView) -> str:
    """The whole report as a standalone HTML document."""
    page = StoryPage(view, InPage(view), standalone=True, neighbours=list(view.thread))
    return render("report.html", page=page)


def marked_text(article: Article, spans: list[tuple[int, int]]) -> str:
    """The article's clean text, escaped, with each cited span wrapped in an anchored element.

    Nested spans (a figure inside a quote) nest; a span that crosses the end of an enclosing
    one is cut at that end, since HTML elements cannot overlap, and keeps the id of its full
    extent so links to it still resolve.
    """
    marks = [Mark(s, e, "cite", anchor_id(article.id, s, e)) for s, e in spans]
    macro = environment().get_template("_macros.html").module.marked  # type: ignore[attr-defined]
    return str(macro(list(tokens(article.text, marks))))
