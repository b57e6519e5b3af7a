"""Group articles that report the same event into stories."""

from crosswire.stories.group import assign_stories

__all__ = ["assign_stories"]
