"""Worker pools fork only while the parent runs one thread, and spawn otherwise."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from crosswire.processes import can_fork, worker_context


@pytest.mark.skipif(sys.platform != "linux", reason="forking is used on Linux only")
def test_a_single_threaded_parent_forks() -> None:
    # In a fresh interpreter: a test before this one may have left a thread running here.
    code = "from crosswire.processes import worker_context as w; print(w().get_start_method())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "fork"


def test_a_parent_running_another_thread_spawns() -> None:
    # The progress bar refreshes from a thread: a child forked while it holds a lock would
    # wait on that lock for ever.
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        assert worker_context().get_start_method() == "spawn"
    finally:
        stop.set()
        thread.join()
