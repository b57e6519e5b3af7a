"""Read and clean input files, in worker processes when there are enough of them.

This lives apart from :mod:`crosswire.pipeline` (which re-exports :func:`prepare_files`)
because a spawned worker imports the module of the function it runs, and the main module of
the parent: the pipeline module imports spaCy and scikit-learn (analysis, stories), which cost
each worker more than a second of the two cores before it read a page. This module imports
only the readers and the cleaner.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from crosswire.clean import clean_text
from crosswire.errors import READER_FAILED
from crosswire.ingest.readers import ReadOptions, read_path
from crosswire.ingest.values import strip_controls
from crosswire.processes import worker_context
from crosswire.records import Article, IngestError, RawItem


def article_id(item: RawItem) -> str:
    """A stable id from what the input says: the same input always gets the same id."""
    key = "\x1f".join((item.external_id or "", item.title or "", item.body))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _without_controls(item: RawItem) -> RawItem:
    """The item with control characters (NUL first) stripped from every text field."""
    for name in ("source", "body", "title", "outlet", "url", "published", "language"):
        value = getattr(item, name)
        if isinstance(value, str):
            setattr(item, name, strip_controls(value))
    item.authors = [strip_controls(a) for a in item.authors]
    return item


def clean_item(item: RawItem) -> Article:
    """Clean a raw item into an :class:`Article`."""
    item = _without_controls(item)
    cleaned = clean_text(item.body)
    return Article(
        id=article_id(item),
        source=item.source,
        text=cleaned.text,
        raw=item.body,
        title=item.title,
        # What the input states wins; a distributor's signature or the URL's host come next.
        outlet=item.outlet or cleaned.outlet or outlet_from_url(item.url),
        url=item.url,
        published=item.published,
        authors=item.authors,
        language=item.language,
        removed=cleaned.removed,
    )


def read_clean(path: Path | IngestError, options: ReadOptions) -> list[Article | IngestError]:
    """One file's articles, cleaned, or its errors (an error passed in is passed on)."""
    if isinstance(path, IngestError):
        return [path]
    out: list[Article | IngestError] = []
    for item in read_path(path, options):
        if isinstance(item, IngestError):
            # A message may quote the input (a damaged line): its control bytes are not text.
            item.message = strip_controls(item.message)
            out.append(item)
            continue
        try:
            out.append(clean_item(item))
        except Exception as exc:  # one item's failure costs that item, not the run
            detail = READER_FAILED.format(detail=f"cleaning failed: {exc!r}")
            out.append(IngestError(item.source, READER_FAILED.code, detail))
    return out


Prepared = tuple[Article, str] | IngestError


def prepare_file(path: Path | IngestError, options: ReadOptions) -> list[Prepared]:
    """Read and clean one file: articles with their exact-duplicate hashes, or errors."""
    return _with_hashes(read_clean(path, options))


def _with_hashes(items: list[Article | IngestError]) -> list[Prepared]:
    # Hashed in the parent, not the workers: the hash's module imports datasketch, which would
    # add to every worker's start, and hashing is cheap next to reading.
    from crosswire.dedup import exact_hash

    return [i if isinstance(i, IngestError) else (i, exact_hash(i.text)) for i in items]


# Files per task sent to a worker: enough that the pool's messaging is small next to reading,
# few enough that the two workers finish at nearly the same time.
_CHUNK = 8


def prepare_files(
    files: list[Path | IngestError], options: ReadOptions, workers: int
) -> Iterator[list[Prepared]]:
    """Prepared items per file, in input order; a process pool when it pays off.

    Reading and cleaning HTML is CPU-bound (trafilatura), so two cores read nearly twice as
    fast. Workers are forked when the parent runs no other thread, else spawned (the progress
    bar's thread: see ``crosswire/processes.py``).
    """
    if workers <= 1 or len(files) < 4 * workers:
        for path in files:
            yield prepare_file(path, options)
        return
    context = worker_context()
    chunk = max(1, min(_CHUNK, len(files) // (4 * workers)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for items in pool.map(read_clean, files, [options] * len(files), chunksize=chunk):
            yield _with_hashes(items)
