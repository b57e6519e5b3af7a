import pytest

from crosswire.compare.publications import is_publication


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the Harbour Times", True),
        ("Times", True),
        ("Orvel Weekly", True),
        ("Reuters", True),
        ("the Associated Press", True),
        ("Tomas Quill", False),
        ("the paper he runs", False),  # a description: left to the text
        ("officials", False),
        (None, False),
    ],
)
def test_is_publication(name, expected):
    assert is_publication(name) is expected


def test_an_outlet_of_the_set_is_a_publication():
    assert is_publication("Orvelpost", outlets=("news.orvelpost.example",))
    assert not is_publication("Quill", outlets=("news.orvelpost.example",))
