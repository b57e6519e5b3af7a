"""The Ray engine's analysis actors: made once, held for the Ray session, used by every ingest.

Loading the spaCy model is 1.5-1.7 CPU seconds an actor on two loaded cores, the analysis of
300 NeuS leads about 7: an actor pool made afresh by each ingest (Ray Data's
``ActorPoolStrategy``) paid a load per actor and ingest, and two actors' model loads were most
of what kept them from twice one actor's rate. Here the actors are named (``crosswire-analyser-
0``, ``-1``, ... in the ``crosswire`` namespace): the first ingest of a Ray session makes them,
every later one finds them by name and sends them its batches, so after the first ingest no
model is loaded again. On a cluster (an address given) they are detached and outlive the
driver, so the next ``crosswire ingest`` on the cluster finds them loaded as well; a Ray
started on this machine takes them down with it. A pool of another size, or whose actors hold
another model or batch size, is replaced; :func:`release_pool` kills it.

An actor runs the local pipeline's own ``analyze.workers.analyse_batch`` on the articles it is
sent, so both engines make the same analyses. The driver streams: it reads a batch's articles
from the store while the actors parse earlier ones, keeps two batches in flight per actor
(the next one waits in the actor's queue, no round trip between two batches), hands each
finished batch to the next free actor, and yields the results in the order sent, so the
caller stores batch ``k`` while the actors work on the batches after it.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from crosswire.analyze.workers import Failed
from crosswire.config import Config
from crosswire.records import Analysis, Article

NAMESPACE = "crosswire"
PREFIX = "crosswire-analyser"
# Batches in flight per actor: one being parsed, one waiting in its queue.
IN_FLIGHT_PER_ACTOR = 2
# What an actor's analyses depend on besides the articles: an actor holding other settings
# is replaced.
SETTINGS = ("spacy_model", "batch_size")


def settings_of(config: Config) -> dict[str, Any]:
    """The settings an analysis actor is made with (see :data:`SETTINGS`)."""
    return {k: getattr(config, k) for k in SETTINGS}


class AnalysisActor:
    """One actor of the pool: loads the model when made, then analyses batch after batch.

    It keeps its own account (:meth:`stats`): its process, the models it loaded, the batches
    and articles it analysed and the CPU seconds of its process, so a caller can tell what an
    ingest cost each actor and that no model was loaded again."""

    def __init__(self, settings: dict[str, Any]) -> None:
        from crosswire.analyze.nlp import load_nlp

        self.settings = dict(settings)
        self.config = Config(**self.settings)
        self.made = time.time()
        load_nlp(self.config.spacy_model)
        self.batches = 0
        self.articles = 0
        self.busy = 0.0

    def held_settings(self) -> dict[str, Any]:
        return self.settings

    def analyse(self, articles: list[Article]) -> tuple[list[Analysis], list[Failed]]:
        from crosswire.analyze.workers import analyse_batch

        t0 = time.perf_counter()
        try:
            return analyse_batch(articles, self.config)
        finally:
            self.busy += time.perf_counter() - t0
            self.batches += 1
            self.articles += len(articles)

    def stats(self) -> dict[str, Any]:
        from crosswire.analyze.nlp import load_nlp

        cpu = os.times()
        return {
            "pid": os.getpid(),
            "made": self.made,
            "model_loads": load_nlp.cache_info().misses,
            "batches": self.batches,
            "articles": self.articles,
            "busy": self.busy,
            "cpu": cpu.user + cpu.system,
        }


@dataclass(slots=True)
class Pool:
    """The analysis actors of this Ray session, as found or made by :func:`analysis_pool`."""

    actors: list[Any]
    settings: dict[str, Any]
    made: int  # actors made by the call that returned this pool (each loaded the model)

    def stats(self) -> list[dict[str, Any]]:
        """Each actor's :meth:`AnalysisActor.stats`, in pool order."""
        import ray

        return list(ray.get([a.stats.remote() for a in self.actors]))

    def map(
        self, batches: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Analysis], list[Failed]]]:
        """Each batch's analyses and failures, in the order of ``batches``: read lazily, at
        most :data:`IN_FLIGHT_PER_ACTOR` batches per actor in flight, each sent to the actor
        with the fewest."""
        import ray

        source = iter(batches)
        pending: deque[Any] = deque()  # refs in the order sent
        owner: dict[Any, int] = {}  # ref still running -> its actor
        load = [0] * len(self.actors)
        done: set[Any] = set()

        def send() -> bool:
            batch = next(source, None)
            if batch is None:
                return False
            actor = min(range(len(load)), key=load.__getitem__)
            ref = self.actors[actor].analyse.remote(batch)
            pending.append(ref)
            owner[ref] = actor
            load[actor] += 1
            return True

        while sum(load) < IN_FLIGHT_PER_ACTOR * len(self.actors) and send():
            pass
        while pending:
            if pending[0] not in done:
                ready, _ = ray.wait(list(owner), num_returns=1)
                for ref in ready:
                    load[owner.pop(ref)] -= 1
                    done.add(ref)
                    send()
                continue
            head = pending.popleft()
            done.discard(head)
            yield ray.get(head)


# The handles of the actors this process made or found, by index. Ray collects an actor that
# is not detached once no handle to it is left, so the driver holds them for the session.
_handles: dict[int, Any] = {}


def _name(index: int) -> str:
    return f"{PREFIX}-{index}"


def _find(index: int) -> Any | None:
    """The live actor of that index in the pool's namespace, or None: the handle this
    process holds when it is that actor (a handle from ``get_actor`` does not keep it)."""
    import ray

    try:
        found = ray.get_actor(_name(index), namespace=NAMESPACE)
    except ValueError:  # none of that name (never made, or killed)
        _handles.pop(index, None)
        return None
    held = _handles.get(index)
    if held is not None and held._actor_id == found._actor_id:
        return held
    return found


def _kill(index: int, actor: Any) -> None:
    import ray

    ray.kill(actor, no_restart=True)
    _handles.pop(index, None)


def _wait_gone(index: int, seconds: float = 10.0) -> None:
    """Until the name of a killed actor is free again (Ray frees it when the actor is dead)."""
    deadline = time.monotonic() + seconds
    while _find(index) is not None and time.monotonic() < deadline:
        time.sleep(0.05)


def _make(index: int, settings: dict[str, Any], detached: bool) -> Any:
    import ray

    # No num_cpus: an actor then needs a CPU to be placed but holds none while it lives (Ray's
    # default), so the actors held between ingests leave the cores to the other stages' tasks.
    options: dict[str, Any] = {
        "name": _name(index), "namespace": NAMESPACE, "scheduling_strategy": "SPREAD"
    }  # fmt: skip
    if detached:
        options["lifetime"] = "detached"
    return ray.remote(AnalysisActor).options(**options).remote(settings)


def _held(actor: Any) -> dict[str, Any] | None:
    """The settings a found actor holds; None when it died (it is then replaced)."""
    import ray

    try:
        return dict(ray.get(actor.held_settings.remote()))
    except ray.exceptions.RayActorError:
        return None


def _detached() -> bool:
    """Whether this driver is connected to a cluster given by address (the actors then
    outlive it), not to a Ray it started."""
    from crosswire.engine import ray_data

    return ray_data.connected_address() is not None


def analysis_pool(size: int, settings: dict[str, Any]) -> Pool:
    """The session's ``size`` analysis actors holding ``settings``: those found by name and
    holding them kept, others made (and any beyond ``size``, or holding other settings,
    killed). The actors made load the model before the call returns."""
    import ray

    size = max(1, size)
    actors: list[Any] = []
    made = 0
    found = [_find(i) for i in range(size)]
    for index, actor in enumerate(found):
        if actor is not None and _held(actor) != settings:
            _kill(index, actor)
            _wait_gone(index)
            actor = None
        if actor is None:
            actor = _make(index, settings, _detached())
            made += 1
        actors.append(actor)
        _handles[index] = actor
    index = size
    while (extra := _find(index)) is not None:  # a larger pool before: its others go
        _kill(index, extra)
        _wait_gone(index)
        index += 1
    if made:  # the models load in parallel; a failed load is raised here, not mid-ingest
        ray.get([a.held_settings.remote() for a in actors])
    return Pool(actors, dict(settings), made)


def release_pool() -> int:
    """Kill the session's analysis actors (a cluster's detached ones too); how many."""
    import ray

    if not ray.is_initialized():
        return 0
    killed = 0
    index = 0
    while (actor := _find(index)) is not None:
        _kill(index, actor)
        _wait_gone(index)
        killed += 1
        index += 1
    _handles.clear()
    return killed


def pool_stats() -> dict[int, dict[str, Any]]:
    """Each live analysis actor's :meth:`AnalysisActor.stats`, by index (none made here)."""
    import ray

    found: dict[int, Any] = {}
    index = 0
    while (actor := _find(index)) is not None:
        found[index] = actor
        index += 1
    return dict(zip(found, ray.get([a.stats.remote() for a in found.values()]), strict=True))
