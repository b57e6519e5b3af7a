"""Poll feeds on a schedule and ingest what is new."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from crosswire.config import Config
from crosswire.fetch.download import download
from crosswire.fetch.http import Fetcher
from crosswire.pipeline import IngestReport, ingest_paths
from crosswire.store import Store

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``"15m"`` -> 900.0 seconds; plain numbers are seconds."""
    match = _INTERVAL.match(text)
    if not match:
        raise ValueError(f"not an interval: {text!r} (use e.g. 30s, 15m, 2h)")
    return float(match.group(1)) * _UNIT[match.group(2)]


def read_feed_list(path: Path) -> list[str]:
    """One URL per line; blank lines and ``#`` comments are ignored."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def fetch_and_ingest(
    urls: list[str], folder: Path, config: Config, store: Store, fetcher: Fetcher
) -> IngestReport:
    """One round: download into ``folder`` (conditional GETs), ingest, record fetch errors."""
    state = folder / "validators.json"
    validators = (
        {k: tuple(v) for k, v in json.loads(state.read_text()).items()} if state.exists() else {}
    )
    result = download(urls, folder, fetcher, validators)  # type: ignore[arg-type]
    folder.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps(validators))
    report = ingest_paths(result.files, config, store) if result.files else IngestReport()
    for error in result.errors:
        store.add_error(error)
    store.conn.commit()
    report.errors.extend(result.errors)
    return report


def watch(
    feeds: list[str],
    folder: Path,
    config: Config,
    store: Store,
    every: float,
    rounds: int | None = None,
    on_round: Callable[[int, IngestReport], None] | None = None,
    fetcher: Fetcher | None = None,
) -> None:
    """Poll ``feeds`` every ``every`` seconds (``rounds`` times, or until interrupted)."""
    fetcher = fetcher or Fetcher()
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        report = fetch_and_ingest(feeds, folder, config, store, fetcher)
        done += 1
        if on_round is not None:
            on_round(done, report)
        if rounds is not None and done >= rounds:
            break
        time.sleep(max(0.0, every - (time.monotonic() - started)))
