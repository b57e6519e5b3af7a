"""How the reading and analysis pools start their worker processes.

A spawned worker starts a fresh interpreter: it imports crosswire and its libraries again and,
for the analysis, loads the spaCy model again (about three seconds of a core per worker on
the two-core machine of ``bench/pipeline.py``, before its first article). A forked worker
starts with whatever the parent has imported and loaded, as spaCy's own ``nlp.pipe(n_process=)``
workers do. Forking is safe only while the parent runs no other thread (a thread holding a
lock at the fork, such as the progress bar's, leaves that lock held for ever in the child), and
only where the platform forks reliably (Linux), so anywhere else the pools spawn as before.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from multiprocessing.context import BaseContext


def can_fork() -> bool:
    """Whether a worker forked now inherits a sound copy of this process."""
    return (
        sys.platform == "linux"
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def worker_context() -> BaseContext:
    """Fork when :func:`can_fork`, else spawn."""
    return multiprocessing.get_context("fork" if can_fork() else "spawn")
