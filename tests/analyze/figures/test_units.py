from crosswire.analyze.figures.units import per_after, unit_after


def test_units_written_after_a_number_are_named():
    assert unit_after("87 mph winds", 2) == ("mile per hour", 6)
    assert unit_after("a 4500mAh cell", 6)[0] == "milliampere-hour"
    assert unit_after("300 barrels a day", 3)[0] == "barrel per day"
    assert unit_after("5 W charger", 1)[0] == "watt"


def test_a_word_that_only_starts_like_a_unit_is_not_one():
    assert unit_after("5 milestones", 1) is None
    assert unit_after("5 w charger", 1) is None  # one-letter symbols only as written


def test_a_sum_per_period_is_one_compound_unit():
    assert per_after("$5 a year", 2, "USD") == ("USD per year", 9)
    assert per_after("$5 in aid", 2, "USD") == ("USD", 2)


def test_engineering_sports_and_price_units():
    assert unit_after("above 10 kV/cm fields", 8)[0] == "kilovolt per centimetre"
    assert unit_after("9 ksi steel", 1)[0] == "kilopound per square inch"
    assert unit_after("0.4 WAR this year", 3)[0] == "win above replacement"
    assert unit_after("0.4 war", 3) is None  # an all-capital symbol only as written
    assert unit_after("24.5 cubic feet", 4)[0] == "cubic foot"
    assert unit_after("2.1degF warmer", 3)[0] == "fahrenheit"


def test_a_rate_given_per_an_item_or_with_a_slash():
    assert per_after("$62 per share", 3, "USD") == ("USD per share", 13)
    assert per_after("$62 a share", 3, "USD") == ("USD", 3)  # only "per" names an item
    assert per_after("£24 a-year", 3, "GBP")[0] == "GBP per year"


def test_a_year_earlier_is_a_time_not_a_rate():
    assert per_after("$6 billion a year earlier", 10, "USD") == ("USD", 10)
