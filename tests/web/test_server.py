"""The server as it runs: uvicorn in its own process, its thread pool, real connections.

In one client's sequence about one request in ten used to fail on SQLite (a store opened in
one pool thread, used in another); here many clients at once, during an ingest, and over a
database on a read-only file system."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from helpers import drop_schema

from web.support import AUTH, TOKEN, WEB, Server, demo_store

REQUESTS = 240


@pytest.fixture(params=["sqlite", "postgres"])
def served(request, tmp_path):
    db, schema = demo_store(request.param, tmp_path)
    server = Server(db, token=TOKEN)
    yield server, db
    log = server.stop()
    if schema:
        drop_schema(schema)
    assert "Traceback" not in log, log


def _urls(base: str) -> list[str]:
    stories = httpx.get(base + "/api/stories").json()["items"]
    ids = [s["id"] for s in stories]
    articles = [a for s in stories for a in s["articles"]]
    urls = ["/", "/api/stories", "/api/stories?q=spillway", "/?q=dam", "/api/search?q=Malvik"]
    urls += [f"/stories/{i}" for i in ids] + [f"/api/stories/{i}" for i in ids]
    urls += [f"/articles/{a}" for a in articles] + ["/people/Malvik", "/api/stories?q=%00"]
    return urls


def _hammer(
    base: str, urls: list[str], count: int, clients: int = 8
) -> list[tuple[str, int | str]]:
    """``count`` requests over ``urls`` from ``clients`` clients at once; the failures."""

    def one(i: int) -> tuple[str, int | str]:
        url = urls[i % len(urls)]
        try:
            return url, httpx.get(base + url, timeout=60).status_code
        except httpx.HTTPError as exc:
            return url, repr(exc)

    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(one, range(count)))
    return [(u, s) for u, s in results if s != 200]


def test_many_clients_at_once_get_no_error(served):
    server, _ = served
    assert _hammer(server.base, _urls(server.base), REQUESTS) == []


def test_one_client_in_sequence_gets_no_error(served):
    # The pool's threads take turns: a store opened in one and used in another failed here.
    server, _ = served
    assert _hammer(server.base, _urls(server.base), REQUESTS // 2, clients=1) == []


def test_the_server_reads_while_an_ingest_writes(served, tmp_path):
    server, db = served
    folder = tmp_path / "more"
    folder.mkdir()
    for i in range(12):  # fictional short reports, each an article of its own
        (folder / f"note_{i:02d}.txt").write_text(
            f"Ferry notice {i} for the Vessa crossing\nThe Vessa ferry at Tennock runs "
            f"{i + 2} extra crossings on day {i} while the river road stays closed, the "
            f"harbour office of Port Aldwin said. Crossing number {i} leaves at {i + 6} "
            "in the morning and returns before dusk.\n", encoding="utf-8")  # fmt: skip
    env = {**os.environ, "CROSSWIRE_WORKERS": "1"}
    ingest = subprocess.Popen(
        [sys.executable, "-m", "crosswire.cli", "ingest", str(folder), "--db", db,
         "--no-progress"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    urls = _urls(server.base)
    failures: list[tuple[str, int | str]] = []
    rounds = 0
    while ingest.poll() is None and rounds < 40:
        failures += _hammer(server.base, urls, 40)
        rounds += 1
    out, _ = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, out
    assert rounds >= 1 and failures == []
    after = httpx.get(server.base + "/api/stories", params={"per_page": 100}).json()
    assert after["total"] >= 3  # the new articles are listed once stored


def test_a_database_on_a_read_only_file_system_is_served_read_only(sqlite_demo, tmp_path):
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a folder read-only")
    source, mount = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    shutil.copy(sqlite_demo, source / "demo.db")
    before = sorted(p.name for p in source.iterdir())
    remount = f"mount --bind {source} {mount} && mount -o remount,bind,ro {mount} && exec"
    wrap = ["unshare", "-m", "sh", "-c", remount]
    try:
        server = Server(str(mount / "demo.db"), wrap=wrap, token=TOKEN)
    except RuntimeError as exc:
        if "mount" in str(exc).lower() or "unshare" in str(exc).lower():
            pytest.skip(f"cannot mount read-only here: {exc}")
        raise
    try:
        assert _hammer(server.base, _urls(server.base), 60) == []
        posted = httpx.post(server.base + "/api/articles", headers=AUTH,
                            content=(WEB / "valley_post.json").read_bytes())  # fmt: skip
        assert posted.status_code == 403 and "read-only" in posted.json()["detail"]
    finally:
        log = server.stop()
    assert "read-only" in log and "Traceback" not in log
    assert sorted(p.name for p in source.iterdir()) == before


def test_the_server_binds_to_this_machine_by_default():
    from crosswire.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"


def test_a_missing_database_is_not_served(tmp_path):
    missing = tmp_path / "typo.db"
    done = subprocess.run([sys.executable, "-m", "crosswire.cli", "serve", "--db", str(missing)],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2 and "no database at" in done.stderr
    assert not Path(missing).exists()
