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
