"""Readers: input files to :class:`~crosswire.records.RawItem` records or per-item errors."""

from crosswire.ingest.readers import read_path
from crosswire.ingest.walk import expand_paths

__all__ = ["expand_paths", "read_path"]
