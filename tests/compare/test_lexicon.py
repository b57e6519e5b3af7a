from crosswire.compare.lexicon import event_classes, normal_stems


def test_paraphrases_map_to_the_same_stems():
    a = normal_stems("our crews had less than an hour to warn the farms downstream")
    b = normal_stems("our teams had under one hour to alert the farms below the dam")
    assert {"team", "warn", "downstream", "hour", "farms"} <= a & b


def test_number_words_become_digits():
    assert "4" in normal_stems("four in the morning") & normal_stems("4 in the morning")


def test_event_classes():
    assert event_classes("people (killed on the ferry road)") == {"death"}
    assert event_classes("people who lost their lives") == {"death"}
    assert event_classes("the death toll") == {"death"}
    assert event_classes("households (forced to leave)") == {"evacuation"}
    assert event_classes("people killed or wounded") == {"death", "injury"}
    assert event_classes("boats (sent)") == set()
