"""Page widgets: a stock ticker, a price box or a poll left in the text ("Swap Short: 94 %
Swap Long: 6 % Long position overnight fee -0.0064% ... TSLA 890.18 Current price +4.440%")
is a run of numbers with labels, not sentences; its numbers are not figures an outlet reports.
A sentence is such a run when numbers make up a large share of its words and it has no verb
whose subject is a noun phrase of prose."""

from __future__ import annotations

import re

# A sentence with at least this many numbers, numbers being at least this share of its words.
MIN_NUMBERS = 4
MIN_NUMBER_SHARE = 0.15
MIN_LABELS = 3
_WORD = re.compile(r"[+\-−]?\$?\d[\d,.:]*%?|[A-Za-z][\w'’-]*")
_NUMBER = re.compile(r"[+\-−]?\$?\d")
# A label with its number ("Swap Long: 6 %", "Current price +4.440%"): a widget lists them.
_LABEL = re.compile(r"\b[A-Za-z]+:\s*[+\-−]?\d|\b[A-Za-z]+\s+[+−]\d")


def is_widget(sentence: str) -> bool:
    """Whether a sentence is a widget's run of labelled numbers rather than prose."""
    words = _WORD.findall(sentence)
    numbers = [w for w in words if _NUMBER.match(w)]
    if len(numbers) < MIN_NUMBERS or len(numbers) < MIN_NUMBER_SHARE * len(words):
        return False
    return len(_LABEL.findall(sentence)) >= MIN_LABELS
