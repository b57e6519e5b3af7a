"""Compare the sources of a story: corroborated, single-source, conflicting, unique."""

from crosswire.compare.story import compare_story

__all__ = ["compare_story"]
