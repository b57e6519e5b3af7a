import pytest

from crosswire.analyze.figures import extract_figures, extract_quantities, parse_amount
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config
from crosswire.records import Quote


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Config().spacy_model)


def figures(nlp, text, quotes=()):
    found = extract_figures(nlp(text), list(quotes))
    for f in found:  # offsets always point at the number phrase and its sentence
        assert text[f.start : f.end] == f.text
        assert f.sentence_start <= f.start < f.end <= f.sentence_end
    return found


def one(nlp, text):
    (figure,) = [f for f in figures(nlp, text) if f.unit != "year"]
    return figure


def test_counted_thing_tells_identical_numbers_apart(nlp):
    killed = one(nlp, "Up to 1.1 million people were killed or wounded on the Vorland side.")
    assert (killed.value, killed.unit, killed.qualifier) == (1.1e6, "people", "up to")
    assert "killed or wounded on the Vorland side" in killed.counts
    own = one(nlp, "He would sacrifice 1.1 million of his own people to win.")
    assert (own.value, own.unit) == (1.1e6, "people")
    assert "his own people" in own.counts and "sacrifice" in own.counts


@pytest.mark.parametrize("bound", ["less than", "under", "below"])
def test_upper_bounds_normalise_alike(nlp, bound):
    f = one(nlp, f"The army gained {bound} 1% of Vorlandian territory this year.")
    assert (f.value, f.unit, f.qualifier, f.counts) == (1.0, "%", "<", "Vorlandian territory")
    assert f.text == f"{bound} 1%"


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "counts"),
    [
        ("Ostmark could possess over a thousand naval warheads by 2031.",
         1000, "warhead", ">", "naval warheads (possess by 2031)"),
        ("Ostmark now buys over 80 percent of Vorland's crude exports.",
         80, "%", ">", "Vorland's crude exports"),
        ("Most members now spend 2 percent of GDP on defence.", 2, "%", None, "GDP"),
        ("Half of the budget went to the harbour.", 50, "%", None, "the budget"),
        ("The ministry pledged $5 billion in aid.", 5e9, "USD", None, "aid (pledged)"),
        ("The club paid 40 million euros for the striker.", 40e6, "EUR", None, None),
        ("It cost €2.5bn to build.", 2.5e9, "EUR", None, None),
        ("Between 10 and 20 percent of voters stayed home.", 10, "%", "range:20", "voters"),
        ("Some 2,000-3,000 troops were sent north.", 2000, "troop", "range:3000", None),
        ("Three coastal towns have asked for help.", 3, "town", None, None),
    ],
)
def test_values_units_qualifiers(nlp, text, value, unit, qualifier, counts):
    f = one(nlp, text)
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)
    if counts is not None:
        assert f.counts == counts


def test_digit_and_word_forms_normalise_to_one_value(nlp):
    digits = one(nlp, "About 1,100,000 people fled.")
    assert digits.value == one(nlp, "About 1.1 million people fled.").value == 1.1e6
    assert parse_amount(None, None, "a thousand") == 1000
    assert parse_amount(None, None, "twenty-five") == 25
    assert parse_amount("3", "bn", None) == 3e9


def test_years_are_kept_as_years(nlp):
    (year,) = figures(nlp, "The treaty was signed in 1987.")
    assert (year.value, year.unit, year.counts) == (1987, "year", None)


@pytest.mark.parametrize(
    "text",
    [
        "The F-16 jets and COVID-19 were discussed.",
        "In the 1990s the port grew.",
        "They met on March 12 at 10:30.",
        "The vote closes at 7 p.m. on Friday.",
        "One of them left.",
        "It will not be a two-front war.",
        "Trade between the two nations grew.",
        "She met the Northgate Four and read Article 5.",
    ],
)
def test_not_quantities(nlp, text):
    assert figures(nlp, text) == []


def test_in_quote(nlp):
    text = 'Brandt said: "We lost 300 boats." Later 20 boats returned.'
    start = text.index("We lost")
    quote = Quote(start, start + len("We lost 300 boats."), "We lost 300 boats.")
    found = figures(nlp, text, [quote])
    assert [(f.value, f.in_quote) for f in found] == [(300, True), (20, False)]


def test_counted_thing_stops_at_a_clause_with_its_own_subject(nlp):
    three, households = figures(
        nlp, "Three people died in the surge, and crews evacuated 480 households from Olvane."
    )
    assert three.counts == "people (died in the surge)"
    assert "evacuated" in households.counts


def test_source_is_not_part_of_the_counted_thing(nlp):
    f = one(nlp, "At least 480 people were injured, according to the Olvane hospital board.")
    assert f.counts == "people (injured)"


def test_descending_pair_is_two_figures_not_a_range(nlp):
    found = figures(nlp, "Toller leads Morrow by 46 percent to 42 percent in the poll.")
    assert [(f.value, f.qualifier) for f in found] == [(46, None), (42, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Call the Olvane harbour police at 250-247-8333 or 1-800-222-8477.",
        "The ferry pass number is 0042 and the case file 4662135002.",
        "The Skerry Dolphins face a Northern 12 side in Olvane tonight.",
        "No. 5 Olvane meets No. 7 Tarrow on Sunday.",
        "Brenn scored twice in the first half of the final.",
        "The Olvane ferry resumed on 2 March after the storm.",
        "The ferry road is 5 1/2 miles long.",
        "The Harbour Tales season 1 episode 8 recap is out.",
        "The Dolphins won 5-2 over Tarrow and drew 1-1 at home.",
    ],
)
def test_identifiers_names_dates_and_parts_are_not_figures(nlp, text):
    assert [f.text for f in figures(nlp, text) if f.unit != "mile"] == []


def test_dozens_halves_and_hyphenated_scales(nlp):
    six = one(nlp, "Crews recovered about half a dozen abandoned boats a year.")
    assert (six.value, six.qualifier) == (6.0, "~")
    assert one(nlp, "The fair had more than four dozen food stalls.").value == 48.0
    money = one(nlp, "Towing cost the harbour board 135-thousand-dollars.")
    assert (money.value, money.unit) == (135000.0, "USD")


def test_a_multiplier_is_not_a_count(nlp):
    f = one(nlp, "Smoke in Olvane reached more than 21 times the safe level.")
    assert (f.value, f.unit, f.qualifier) == (21.0, "times", ">")


def test_half_a_percentage_point_is_half_a_point_not_half_of_everything(nlp):
    [f] = figures(nlp, "Analysts expect the rate to rise about half a percentage point.")
    assert (f.value, f.unit, f.qualifier) == (0.5, "percentage point", "~")


def test_one_in_five_is_a_share_not_five(nlp):
    [f] = figures(nlp, "Officials said 1 in 5 households in Brenmoor had no heating.")
    assert (f.value, f.unit) == (20.0, "%")
    later = figures(nlp, "Sales reached 2.4 million in 2017, the Tarvik office said.")
    assert [g.value for g in later if g.unit != "year"] == [2_400_000.0]


def test_minus_signs_are_kept(nlp):
    text = "The Larks' offense was minus-5 yards; the temperature fell to -12 degrees."
    found = figures(nlp, text)
    assert [(f.value, f.unit) for f in found] == [(-5.0, "yard"), (-12.0, "degree")]


def test_a_range_after_by_is_a_change_then_a_level(nlp):
    found = figures(nlp, "The deficit increased by $43.6 billion to $419.2 billion, Veld said.")
    assert [(f.value, f.qualifier, f.change) for f in found] == [
        (43.6e9, None, "up"), (419.2e9, None, None)
    ]


def test_small_counts_are_quantities_though_not_figures_to_compare(nlp):
    text = "She was one of the finalists the Orla agency kept."
    assert figures(nlp, text) == []
    assert [f.value for f in extract_quantities(nlp(text), [])] == [1.0]


def test_numbers_in_a_ticker_widget_are_not_figures(nlp):
    text = (
        "Inflation in Vellan rose 4% in May.\n"
        "ORLA 34.21 Current price +0.560% 1D% Trade now Swap Short: 94 % Swap Long: 6 % "
        "Long position overnight fee -0.0064%"
    )
    assert [f.text for f in figures(nlp, text)] == ["4%"]


def quantities(nlp, text):
    return [(f.text, f.value, f.unit, f.qualifier) for f in extract_quantities(nlp(text), [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sign glued to the digits, a code before them, a name after them
        ("The Orsk ferry cost PS6m and AUD1.5m.", [("PS6m", 6e6, "GBP", None),
                                                   ("AUD1.5m", 1.5e6, "AUD", None)]),
        ("Debt was about $US113 trillion.", [("about $US113 trillion", 113e12, "USD", "~")]),
        ("Norvale paid 7,199 Chinese yuan.", [("7,199 Chinese yuan", 7199, "CNY", None)]),
        ("A ticket was 1,200€ or 110 JPY.", [("1,200€", 1200, "EUR", None),
                                             ("110 JPY", 110, "JPY", None)]),
        # "this year's $5": the "s" of a word is no Singapore sign, "a $" no Australian one
        ("Last years price was $32280 on a $3500 loan.", [("$32280", 32280, "USD", None),
                                                          ("$3500", 3500, "USD", None)]),
    ],
)
def test_currencies_from_the_table(nlp, text, expected):
    assert quantities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The chips are sub-5 nanometer parts.", ("sub-5 nanometer", 5, "nanometre", "<")),
        ("The Owls had a .620 record last season.", (".620", 0.62, "record", None)),
        ("Gilts yield 1.38pc now.", ("1.38pc", 1.38, "%", None)),
        ("The wave moves at 3.1×10−6 metres per second.",
         ("3.1×10−6 metres per second", 3.1e-6, "metre per second", None)),
    ],
)
def test_written_forms_of_numbers(nlp, text, expected):
    (found,) = quantities(nlp, text)
    assert found[:2] == expected[:2] or found[1] == pytest.approx(expected[1])
    assert (found[0], found[2], found[3]) == (expected[0], expected[2], expected[3])


def test_a_plus_sign_is_a_rise(nlp):
    (f,) = extract_quantities(nlp("On the Vorland exchange at noon: Orsk 50 +0.4%."), [])[-1:]
    assert (f.value, f.change) == (0.4, "up")


def test_from_a_to_b_is_one_span_as_newsquant_marks_it(nlp):
    text = "The Orsk coin fell from $2,415 to $2,315 while Tomas dropped from 208 pounds to 193."
    assert quantities(nlp, text) == [
        ("$2,415 to $2,315", 2415, "USD", "range:2315"),
        ("208 pounds to 193", 208, "pound-mass", "range:193"),
    ]
    # for comparison a level before and one after: two figures
    assert [f.text for f in figures(nlp, text)] == ["$2,415", "$2,315", "208 pounds", "193"]


def test_a_change_then_a_level_is_no_range(nlp):
    found = quantities(nlp, "The Vorland index rose 64.06 points to 4,577.10.")
    assert found == [("64.06 points", 64.06, "point", None), ("4,577.10", 4577.1, "point", None)]


def test_ranges_with_their_own_scales(nlp):
    found = quantities(nlp, "Flats in Orsk cost from $370,000 to $5.5 million.")
    assert found == [("$370,000 to $5.5 million", 370000, "USD", "range:5.5e+06")]
    found = quantities(nlp, "Sales rose in 2018 to 3.9 million sets.")
    assert [f[0] for f in found] == ["2018", "3.9 million"]


def test_an_order_of_magnitude_is_a_range(nlp):
    found = quantities(nlp, "Tens of thousands of pilgrims and dozens of monks came to Orsk.")
    assert found == [("Tens of thousands", 10000, "pilgrim", "range:100000"),
                     ("dozens", 12, "monk", "range:120")]
    assert figures(nlp, "Thousands of pilgrims came to Orsk.") == []  # too vague to compare


def test_a_bare_number_takes_the_unit_written_before_it(nlp):
    found = quantities(nlp, "The highest forecast is 84.75 cents, while the lowest is 74.07.")
    assert [f[2] for f in found] == ["cent", "cent"]
    found = quantities(nlp, "The Orsk fund rose 8.15% to 3.65.")  # a level after a percent
    assert [f[2] for f in found] == ["%", None]


@pytest.mark.parametrize(
    "text",
    [
        "The new zPhone 12 sold out in Orsk.",  # a brand with a capital inside
        "The S&P 500 closed higher in Norvale.",  # an index with an ampersand
        "The Vorland Air 797 Skyliner was grounded.",  # a singular proper name after it
        "Orsk Bank moved to 575 Brindle Road last week.",  # an address
        "Sales grew 35 per cent this half.",  # "this half" is a period, not 50%
    ],
)
def test_numbers_inside_names_are_not_quantities(nlp, text):
    assert [f.unit for f in extract_quantities(nlp(text), [])] in ([], ["%"])


def test_a_headline_opening_with_a_count_keeps_it(nlp):
    (count,) = extract_figures(nlp("31 Vorlanders Share Their Hopes For The Harbour."), [])
    assert count.value == 31


def test_a_number_in_apposition_to_a_name_is_an_age(nlp):
    (age,) = extract_quantities(nlp("Tomas Brenn, 66, has coached the Orsk Owls."), [])
    assert (age.value, age.unit) == (66, "year of age")


def test_a_range_of_words_and_digits(nlp):
    found = quantities(nlp, "Orsk has between 4 and five million trees.")
    assert [(f[0], f[1], f[3]) for f in found] == [
        ("between 4 and five million", 4, "range:5e+06")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A third of the Vorland fleet was idle.", ("A third", 100 / 3, "%")),
        ("Two-thirds of Orsk voters stayed home.", ("Two-thirds", 200 / 3, "%")),
        ("Some three quarters of a million pilgrims came.",
         ("Some three quarters of a million", 750000, "pilgrim")),
    ],
)
def test_shares_in_words(nlp, text, expected):
    (found,) = quantities(nlp, text)
    assert (found[0], found[2]) == (expected[0], expected[2])
    assert found[1] == pytest.approx(expected[1])


def test_a_quarter_of_the_year_is_a_period_not_a_share(nlp):
    assert quantities(nlp, "Orsk grew in the first quarter of the year.") == []


def test_m_with_a_dimension_is_metres(nlp):
    found = quantities(nlp, "Orsk built a 20m-high sea wall for £37m.")
    assert found == [("20m", 20, "metre", None), ("£37m", 37e6, "GBP", None)]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # the subject of "was up" / "was down" is what the percentage measures
        ("In May, the Vorland wage index was up 4.4% on a year earlier.",
         "the Vorland wage index (was)"),
        ("Ferry traffic was down 12% last quarter.", "Ferry traffic (was)"),
        # "a high of": a level of the verb's subject, named elsewhere in the clause
        ("Tarnish inflation has reached a 30-year high of 7.7%.", "Tarnish inflation (reached)"),
        # a qualified level names itself: not the subject of the verb it hangs on
        ("Officials in Brelmont kept a jobless rate of 3.9% in their forecast.", None),
    ],
)
def test_what_a_percentage_measures_is_the_subject_of_its_verb(nlp, text, counts):
    assert extract_figures(nlp(text), [])[0].counts == counts
