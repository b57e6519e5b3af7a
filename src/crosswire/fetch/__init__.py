"""Fetching from the web, politely: pages and feeds become files that ``ingest`` reads."""

from crosswire.fetch.download import Downloaded, download
from crosswire.fetch.http import Fetcher, FetchError

__all__ = ["Downloaded", "FetchError", "Fetcher", "download"]
