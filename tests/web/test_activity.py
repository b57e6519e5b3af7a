"""Background work waits while requests are answered."""

import threading
import time

from crosswire.web.activity import Activity


def test_wait_idle_returns_only_after_the_last_request_and_a_quiet_moment():
    activity = Activity()
    activity.wait_idle(0.0)  # nothing in flight: no wait
    activity.begin()
    activity.begin()
    done = threading.Event()
    waiter = threading.Thread(target=lambda: (activity.wait_idle(0.05), done.set()))
    waiter.start()
    activity.end()
    assert not done.wait(0.15)  # one request still in flight
    ended = time.monotonic()
    activity.end()
    assert done.wait(2) and time.monotonic() - ended >= 0.04
    waiter.join()
    assert activity.in_flight == 0
