from crosswire.config import Config
from crosswire.dedup import fingerprint, link_duplicates
from crosswire.records import Article

STORY = (
    "Engineers opened the spillway of the Orvel dam on Sunday after days of heavy rain in the "
    "upper valley. Chief engineer Ida Brannock said the reservoir was stable and that residents "
    "of Kessel, Marrow and Tine should stay alert through the week. The ministry said inspectors "
    "would return on Thursday to check the dam wall, and schools in the three villages stay closed."
)


def _article(aid: str, text: str, outlet: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, raw=text, outlet=outlet)


def test_exact_hash_ignores_punctuation_and_layout():
    assert fingerprint(STORY).exact == fingerprint(STORY.replace(". ", ".\n\n")).exact


def test_near_copy_links_to_original_and_unrelated_does_not(store):
    near = STORY.replace("Sunday", "Sunday morning") + " Reporting by the Valley Wire."
    other = "The port of Tarsk reopened on Friday after a nine-day strike over night-shift pay."
    for aid, text, outlet in [
        ("a1", STORY, "Valley Herald"),
        ("a2", near, "Coast Post"),
        ("a3", STORY, "Plains Daily"),
        ("a4", other, "Coast Post"),
    ]:
        store.add_article(_article(aid, text, outlet), fingerprint(text).exact)
    copies = link_duplicates(store, ["a1", "a2", "a3", "a4"], Config())
    assert copies == 2
    assert store.get_article("a2").duplicate_of == "a1"
    assert store.get_article("a3").duplicate_of == "a1"
    assert store.get_article("a1").duplicate_of is None
    assert store.get_article("a4").duplicate_of is None
