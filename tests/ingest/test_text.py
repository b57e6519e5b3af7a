from crosswire.ingest.text import looks_like_title, read_text


def test_first_line_is_title_when_short_without_full_stop():
    item = read_text(
        "a.txt",
        "Harbour Cranes Idle as Strike Enters Third Day\nDock workers in Tarsk walked out.\n",
    )
    assert item.title == "Harbour Cranes Idle as Strike Enters Third Day"
    assert item.body == "Dock workers in Tarsk walked out."


def test_first_paragraph_is_not_a_title():
    body = "Dock workers in Tarsk walked out on Monday, the union said.\nTalks resume today."
    item = read_text("a.txt", body)
    assert item.title is None
    assert item.body == body


def test_title_heuristic():
    assert looks_like_title("Flood Barrier Holds in Vellmar")
    assert not looks_like_title("The barrier held, engineers said.")
    assert not looks_like_title("word " * 40)


def test_crlf_line_endings_are_normalised():
    item = read_text("a.txt", "Storm Hits Coast\r\nThe storm hit the coast.\r\nIt rained.")
    assert item.body == "The storm hit the coast.\nIt rained."
