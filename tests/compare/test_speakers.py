from crosswire.compare.speakers import display_speaker, mention_name, written_name


def test_display_speaker_prefers_the_majority_actor_under_its_longest_name():
    assert display_speaker(["Toller", "Mira Toller", "Piet Morrow"]) == "Mira Toller"
    assert display_speaker(["Toller"], ["Mira Toller"]) == "Mira Toller"
    assert display_speaker(["Toller"], ["Mira Toller", "Anders Toller"]) == "Toller"
    assert display_speaker([]) is None


def test_mention_name_drops_roles_and_rejects_descriptions():
    assert mention_name("Harbour Minister Mira Toller") == "Mira Toller"
    assert mention_name("councillor Piet Morrow") == "Piet Morrow"
    assert mention_name("OHN Secretary-General Piet Morrow") == "Piet Morrow"
    assert mention_name("the Olvane port office") is None


def test_written_name_reaches_back_to_the_first_name_but_not_across_a_sentence():
    text = '"We are ready," Mira Toller said. Yesterday Toller left.'
    start = text.index("Toller")
    assert written_name(text, start, start + len("Toller")) == "Mira Toller"
    start = text.rindex("Toller")
    assert written_name(text, start, start + len("Toller")) == "Toller"


def test_only_two_names_can_contradict_each_other():
    from crosswire.compare.speakers import compatible_credits, is_name

    assert is_name("Harbour chief Ola Brenn") and is_name("Amin al-Tarrow")
    assert not is_name("the harbour department") and not is_name("local authorities")
    assert not compatible_credits("Ola Brenn", "Piet Morrow")
    assert compatible_credits("Brenn", "Ola Brenn")
    assert compatible_credits("Tarrow", "Amin al-Tarrow")
    assert compatible_credits("Olvane Shipping", "Olvane Shipping Group Plc")
    # a description may stand for any name; two descriptions must share a word
    assert compatible_credits("Harbour chief Ola Brenn", "the harbour department")
    assert compatible_credits("local authorities", "police authorities")
    assert not compatible_credits("army engineers", "Olvane hospital board")
    # "various estimates" credits no one
    assert compatible_credits("Olvane visitor centre", "various estimates")


def test_a_publication_is_where_words_appeared_not_a_second_speaker():
    from crosswire.compare.speakers import compatible_credits

    # "the senator, according to the Harbour Times, said" / "Quill told the Harbour Times"
    assert compatible_credits("Harbour Times", "Tomas Quill")
    assert compatible_credits("Reuters", "Ilse Brandt")
    assert not compatible_credits("Tomas Quill", "Ilse Brandt")


def test_one_source_under_two_names_and_sources_that_name_no_one():
    from crosswire.compare.speakers import compatible_credits, vague

    assert compatible_credits("the ad", "the advertisement")  # one campaign spot
    assert vague("various media stories") and vague("news stories")
    assert not compatible_credits("army engineers", "Olvane hospital board")


def test_a_short_first_name_is_the_same_speaker():
    from crosswire.compare.speakers import compatible_credits, short_first_name

    assert short_first_name("Tim Orr", "Lt. Gov. Timothy Orr")
    assert compatible_credits("Chris Vale", "Christopher Vale")
    assert not short_first_name("Tim Orr", "Tom Orr")
    assert not short_first_name("Tim Orr", "Timothy Vale")
    assert not compatible_credits("Ed Vale", "Edna Vale")  # too short to tell
