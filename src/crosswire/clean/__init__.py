"""The clean stage: boilerplate removal and outlet inference."""

from crosswire.clean.boilerplate import Cleaned, clean_text, edge_lines, find_outlet, line_key

__all__ = ["Cleaned", "clean_text", "edge_lines", "find_outlet", "line_key"]
