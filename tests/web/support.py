"""What the web tests share: the demo in a store, the test token, browser headers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
from fastapi.testclient import TestClient
from helpers import RESOURCES, ROOT, postgres_url

from crosswire.config import Config
from crosswire.pipeline import ingest_paths

DEMO = ROOT / "examples" / "demo"
WEB = RESOURCES / "web"
TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def demo_store(kind: str, folder: Path) -> tuple[str, str | None]:
    """A database holding the demo, analysed: its URL, and a PostgreSQL schema to drop."""
    if kind == "sqlite":
        db = str(folder / "demo.db")
        ingest_paths([DEMO], Config(db=db, progress=False, workers=1))
        return db, None
    schema = f"cw_web_{uuid.uuid4().hex[:10]}"
    db = postgres_url(schema)
    ingest_paths([DEMO], Config(db=db, progress=False, workers=1))
    return db, schema


def dam_story(client: TestClient) -> dict:
    stories = client.get("/api/stories").json()["items"]
    return max(stories, key=lambda s: len(s["articles"]))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``crosswire serve`` in a child process (optionally wrapped, e.g. in a mount namespace)."""

    def __init__(self, db: str, wrap: list[str] | None = None, token: str = "") -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "crosswire.cli", "serve", "--db", db,
                   "--port", str(self.port)]  # fmt: skip
        env = {**os.environ, "CROSSWIRE_TOKEN": token}
        if wrap:  # the last word of the wrapper is a shell line: the command is added to it
            command = [*wrap[:-1], wrap[-1] + " " + " ".join(f"'{c}'" for c in command)]
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped: {self.process.stdout.read()}")
            try:
                httpx.get(self.base + "/api/errors", timeout=2)
                return
            except httpx.HTTPError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("the server did not answer within 60 s")

    def stop(self) -> str:
        self.process.terminate()
        try:
            out, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return out
