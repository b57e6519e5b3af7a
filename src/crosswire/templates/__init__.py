"""The Jinja2 templates every HTML output is rendered from: web pages, the standalone report,
Atom feeds.

One set of templates and one stylesheet, so that the report a user saves and the page the
server shows cannot drift apart. Autoescaping is on for every template: article text is
data, whatever markup it holds.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from crosswire.dates import show_date


@cache
def environment() -> Environment:
    """The shared environment (built once: compiling templates costs more than rendering)."""
    # The report imports this module: its helpers are imported when the environment is built.
    from crosswire.report.view import quoted, show_value, what_counted

    env = Environment(
        loader=PackageLoader("crosswire", "templates"),
        autoescape=select_autoescape(["html", "atom", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        show_date=show_date, show_value=show_value, quoted=quoted, what_counted=what_counted
    )
    env.globals["stylesheet"] = stylesheet
    return env


def render(name: str, **context: Any) -> str:
    """Render one template with ``context``."""
    return environment().get_template(name).render(**context)


@cache
def stylesheet() -> str:
    """The one stylesheet: linked by web pages, inlined in the standalone report."""
    return files("crosswire.templates").joinpath("style.css").read_text(encoding="utf-8")
