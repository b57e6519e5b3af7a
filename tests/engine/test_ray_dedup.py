"""Copies linked from a shuffle on band keys are the copies the store's LSH index links."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.config import Config
from crosswire.dedup import exact_hash, link_duplicates
from crosswire.records import Article
from crosswire.store import Store, open_store

pytest.importorskip("ray.data", reason="the Ray engine needs pip install 'crosswire[ray]'")

from crosswire.engine.ray_data import start  # noqa: E402
from crosswire.engine.ray_dedup import link_on_ray  # noqa: E402

DAM = (
    "Engineers opened the spillway of the Orvel dam on Sunday after days of heavy rain in the "
    "upper valley. Chief engineer Ida Brannock said the reservoir was stable and that residents "
    "of Kessel, Marrow and Tine should stay alert through the week. The ministry said inspectors "
    "would return on Thursday to check the dam wall, and schools in the three villages stay closed."
)
PORT = (
    "The port of Tarsk reopened on Friday after a nine-day strike over night-shift pay. Dockers "
    "voted to accept a pay rise of six percent, the union said, and the first container ship "
    "left the harbour at dawn. The harbour master said the backlog of forty ships would clear "
    "within ten days, and ferry services to the islands resumed on the afternoon timetable."
)
TRAM = "The city council of Velm voted to extend the tram line to the airport by the year 2029."

# (id, text, published): exact copies, near copies, a copy of a copy, undated ones, unrelated.
FIRST_RUN = [
    ("d1", DAM, "2026-03-02"),
    ("d2", DAM.replace(". ", ".\n\n"), "2026-03-01"),
    ("d3", DAM + " Reporting by the Valley Wire.", "2026-03-03"),
    ("p1", PORT, None),
    ("t1", TRAM, "2026-03-01"),
]
SECOND_RUN = [
    ("d4", DAM.replace("Sunday", "Sunday morning") + " Reporting by the Valley Wire.", None),
    ("d5", DAM, "2026-02-27"),
    ("p2", PORT.replace("Friday", "Friday, officials said,"), "2026-03-04"),
    ("p3", PORT, None),
    ("t2", "The council of Velm voted against a tram depot by the river on Tuesday.", "2026-03-02"),
]


@pytest.fixture(autouse=True, scope="module")
def _ray():
    start(workers=2)
    yield
    import ray

    ray.shutdown()


def _add(store: Store, rows: list[tuple[str, str, str | None]]) -> list[str]:
    for aid, text, published in rows:
        article = Article(id=aid, source=f"{aid}.txt", text=text, raw=text, published=published)
        store.add_article(article, exact_hash(text))
    store.conn.commit()
    return [aid for aid, _, _ in rows]


def _links(store: Store) -> dict[str, str | None]:
    return dict(store.query("SELECT id, duplicate_of FROM articles ORDER BY id"))


def test_ray_links_the_copies_the_store_links_over_two_runs(tmp_path: Path) -> None:
    local, ray = open_store(str(tmp_path / "local.db")), open_store(str(tmp_path / "ray.db"))
    config = Config()
    for rows in (FIRST_RUN, SECOND_RUN):
        expected = link_duplicates(local, _add(local, rows), config)
        assert link_on_ray(ray, _add(ray, rows), config) == expected
        assert _links(ray) == _links(local)
    links = _links(ray)
    assert links["d3"] == links["d1"] == "d2" and links["t2"] is None
    assert links["d5"] == "d2"  # stored first stays the original, however dated
    assert links["p3"] == "p1" and links["p2"] == "p1"
    assert ray.get_minhash("d4") == local.get_minhash("d4")
    local.close()
    ray.close()


def test_an_exact_copy_left_without_a_fingerprint_is_found_by_its_hash(tmp_path: Path) -> None:
    local, ray = open_store(str(tmp_path / "local.db")), open_store(str(tmp_path / "ray.db"))
    for store, link in ((local, link_duplicates), (ray, link_on_ray)):
        _add(store, FIRST_RUN)
        # A stopped run stored d1 and d2 and fingerprinted neither: only d3 is linked now.
        link(store, ["d3"], Config())
    assert _links(ray) == _links(local)
    local.close()
    ray.close()
