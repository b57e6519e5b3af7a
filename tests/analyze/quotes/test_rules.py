"""The quote rules' registry (analyze/quotes/__init__.py): every rule names the module that
applies it, and a test here switches it off by name."""

from pathlib import Path

from crosswire.analyze import quotes
from crosswire.analyze.quotes import QUOTE_RULES
from crosswire.analyze.statements.registry import RULES

PACKAGE = Path(quotes.__file__).parent
TESTS = Path(__file__).parent


def test_each_quote_rule_names_its_module() -> None:
    for rule in QUOTE_RULES:
        module = rule.summary.split(":", 1)[0]
        assert (PACKAGE / module).is_file(), rule
        assert f'active("{rule.name}")' in (PACKAGE / module).read_text(encoding="utf-8"), rule


def test_each_quote_rule_is_switched_off_in_a_test() -> None:
    tests = "".join(p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py"))
    applied = {
        name for name in RULES
        if any(f'active("{name}")' in p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py"))
    }
    assert {r.name for r in QUOTE_RULES} <= applied
    assert [name for name in sorted(applied) if f'"{name}"' not in tests] == []
