"""The web UI and JSON API: the same stories and reports as the CLI, over HTTP.

Each request opens its own store: SQLite connections must not cross threads, and opening
one is cheap next to comparing a story. (No ``from __future__ import annotations`` here:
FastAPI resolves the dependency annotations, defined inside ``create_app``, at run time.)
"""

import html
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse

from crosswire import __version__, api
from crosswire.config import Config
from crosswire.report import render_report, report_dict
from crosswire.store import Store, open_store

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>
body{{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;
color:#222}}
table{{border-collapse:collapse;width:100%}}td,th{{text-align:left;padding:.4rem .6rem;
border-bottom:1px solid #ddd;vertical-align:top}}th{{background:#f4f4f4}}
a{{color:#0645ad}}input{{font:inherit;padding:.3rem .5rem;width:20rem}}.muted{{color:#777}}
</style></head><body>{body}</body></html>"""


def create_app(config: Config | None = None) -> FastAPI:
    """A FastAPI app over the store ``config.db`` names.

    Examples:
        >>> app = create_app(Config(db=":memory:"))
        >>> sorted(r.path for r in app.routes if r.path.startswith("/api/"))[:2]
        ['/api/articles/{article_id}', '/api/errors']
    """
    config = config or Config()
    app = FastAPI(title="crosswire", version=__version__)

    def store() -> Iterator[Store]:
        s = open_store(config.db)
        try:
            yield s
        finally:
            s.close()

    StoreDep = Annotated[Store, Depends(store)]

    def comparison(s: Store, story_id: str) -> tuple[Any, Any, Any]:
        try:
            return api.story_comparison(s, story_id, config)
        except api.NotFound as exc:
            raise HTTPException(404, str(exc)) from exc

    @app.get("/api/stories")
    def list_stories(
        s: StoreDep,
        q: Annotated[str | None, Query(description="full-text search over articles")] = None,
    ) -> list[dict[str, Any]]:
        """Stories, newest first; with ``q``, only those holding a matching article."""
        stories = s.stories()
        if q:
            hits = set(s.search(q, limit=500))
            stories = [st for st in stories if hits.intersection(st.articles)]
        return [st.as_dict() for st in stories]

    @app.get("/api/stories/{story_id}")
    def story_report(story_id: str, s: StoreDep) -> dict[str, Any]:
        """The story report in the JSON contract of ``crosswire report --format json``."""
        return report_dict(*comparison(s, story_id))

    @app.get("/api/articles/{article_id}")
    def article(article_id: str, s: StoreDep) -> dict[str, Any]:
        """One article with its clean text and what was extracted (as ``show --json``)."""
        found = s.resolve_article_id(article_id)
        item = s.get_article(found) if found else None
        if item is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return api.article_record(item, s.get_analysis(item.id))

    @app.get("/api/quotes")
    def quotes(speaker: Annotated[str, Query(min_length=2)], s: StoreDep) -> list[dict]:
        """What a person said across stories."""
        return api.quotes_of_speaker(s, speaker)

    @app.get("/api/errors")
    def errors(s: StoreDep) -> list[dict[str, Any]]:
        """Inputs that could not be ingested, with their error codes."""
        return [e.as_dict() for e in s.errors()]

    @app.get("/", response_class=HTMLResponse)
    def index(s: StoreDep, q: str | None = None) -> str:
        rows = []
        for st in list_stories(s, q):
            first = (st["first_published"] or "")[:10]
            rows.append(
                f'<tr><td><a href="/stories/{html.escape(st["id"])}">'
                f"{html.escape(st['title'] or '(untitled)')}</a></td>"
                f"<td>{html.escape(', '.join(st['outlets']))}</td>"
                f"<td>{len(st['articles'])}</td><td>{first}</td></tr>"
            )
        search = html.escape(q or "")
        body = (
            "<h1>crosswire</h1><form><input name=q placeholder='search articles' "
            f"value='{search}'> <button>Search</button></form><p class=muted>"
            f"{len(rows)} stories, newest first</p><table><tr><th>story</th><th>outlets</th>"
            f"<th>articles</th><th>first published</th></tr>{''.join(rows)}</table>"
        )
        return PAGE.format(title="crosswire: stories", body=body)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str, s: StoreDep) -> str:
        return render_report(*comparison(s, story_id), "html")

    return app
