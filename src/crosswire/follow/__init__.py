"""Follows and alerts: what is new in a story or from a person since an analyst last looked."""

from crosswire.follow.alerts import follow, update_alerts

__all__ = ["follow", "update_alerts"]
