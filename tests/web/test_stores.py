"""One store per request thread: opened in that thread, reused by it, never shared."""

from __future__ import annotations

import threading

from crosswire.web.stores import Stores


def test_each_thread_has_its_own_store_and_keeps_it(sqlite_demo):
    stores = Stores(str(sqlite_demo))
    seen: dict[str, list[int]] = {}
    errors: list[BaseException] = []
    together = threading.Barrier(4, timeout=60)  # all open at once: no id is reused

    def requests(name: str) -> None:
        try:
            for _ in range(5):
                with stores.session() as store:
                    assert store.count_articles() == 5  # used in the thread it was opened in
                    seen.setdefault(name, []).append(id(store.conn))
            together.wait()
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            stores.close()

    threads = [threading.Thread(target=requests, args=(f"t{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert all(len(set(conns)) == 1 for conns in seen.values())  # reused within a thread
    assert len({conns[0] for conns in seen.values()}) == 4  # never shared between threads
