from crosswire.analyze.figures.widgets import is_widget

TICKER = (
    "ORLA 34.21 Current price +0.560% 1D% Trade now Swap Short: 94 % Swap Long: 6 % "
    "Long position overnight fee -0.0064% Short position overnight fee -0.0059%"
)


def test_a_ticker_box_is_a_widget():
    assert is_widget(TICKER)


def test_prose_dense_with_numbers_is_not():
    assert not is_widget(
        "Keller averaged 7.3 points and 3.7 rebounds while shooting 47.6% from the field "
        "and 32.3% from three-point range for the Larks."
    )
    assert not is_widget("Tarvik's index rose 0.4%, while the Vellan index fell 0.6% to 1,463.")
