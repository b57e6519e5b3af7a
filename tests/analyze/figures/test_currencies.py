from crosswire.analyze.figures.currencies import currency_name, sign_code, word_code


def test_signs_and_words_name_one_code():
    assert sign_code("HK $") == sign_code("HK$") == "HKD"
    assert sign_code("$US") == sign_code("$") == "USD"
    assert word_code("Australian  dollars") == "AUD"
    assert word_code("-euros") == "EUR"


def test_codes_carry_newsquant_names():
    assert currency_name("GBP") == "pound sterling"
    assert currency_name("CNY") == "chinese yuan"
