"""The web app and JSON API: the same stories and reports as the command line, over HTTP.

Routes live by what they serve: ``pages.py`` (HTML), ``json_api.py`` (JSON), ``feeds.py``
(Atom), ``writes.py`` (ingest over HTTP). The API documentation (``/docs``, ``/redoc``) is
served from the assets of the installed ``fastapi-offline`` package: it works with no network.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from crosswire import __version__
from crosswire.config import Config
from crosswire.web import errors, feeds, json_api, pages, writes
from crosswire.web.activity import CountRequests
from crosswire.web.limits import MAX_BODY, BodyLimit
from crosswire.web.state import COMPARE_BUDGET_S, WebState
from crosswire.web.stores import Stores, cannot_write
from crosswire.web.writes import upload_folder

DESCRIPTION = (
    "Stories across outlets: what each carries, where they agree and where they conflict. "
    "Reads are open; writes need the server's token (`Authorization: Bearer TOKEN`). "
    "Errors are RFC 9457 problem details.\n\n"
    "[← The stories and their search](/)"  # the way back from these pages to the site
)


def create_app(
    config: Config | None = None,
    *,
    token: str | None = None,
    read_only: bool | None = None,
    uploads: str | Path | None = None,
    compare_budget_s: float = COMPARE_BUDGET_S,
    max_body: int = MAX_BODY,
) -> FastAPI:
    """A FastAPI app over the store ``config.db`` names.

    ``token`` (default ``$CROSSWIRE_TOKEN``) enables writes; without it the server is
    read-only. ``read_only`` None serves a database read-only when it cannot be written.

    Examples:
        >>> app = create_app(Config(db=":memory:"))
        >>> sorted(r.path for r in app.routes if r.path.startswith("/api/"))[:2]
        ['/api/alerts', '/api/articles']
    """
    config = config or Config()
    if read_only is None:
        read_only = cannot_write(config.db)
    state = WebState(
        config=config,
        stores=Stores(config.db, read_only=read_only),
        token=token if token is not None else os.environ.get("CROSSWIRE_TOKEN") or None,
        read_only=read_only,
        uploads=Path(uploads) if uploads else upload_folder(config.db),
        compare_budget_s=compare_budget_s,
    )
    app: FastAPI = FastAPIOffline(title="crosswire", version=__version__,
                                  description=DESCRIPTION)  # fmt: skip
    app.state.crosswire = state
    errors.install(app)
    for module in (json_api, writes, feeds, pages):
        app.include_router(module.router)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(CountRequests, activity=state.activity)
    return app
