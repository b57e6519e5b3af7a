"""Drop what is not the article: disclaimers, press-release footers, related-link lists,
share/subscribe lines, and lines an outlet repeats under every article."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from crosswire.clean.rules import Rules, load_rules

# Learned boilerplate lives at the edges of an article (mastheads, sign-offs); looking only
# there keeps a syndicated series, whose bodies repeat, from being learned as boilerplate.
HEAD_LINES = 3
TAIL_LINES = 8
MAX_LEARNED_SHARE = 0.5
_LIST_ITEM_MAX = 250
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*$")


@dataclass(slots=True)
class Cleaned:
    """Clean text, the lines removed (for ``show``), and an outlet named by a signature."""

    text: str
    removed: list[str] = field(default_factory=list)
    outlet: str | None = None


def line_key(line: str) -> str:
    """A short stable key for a line, insensitive to case, spacing and digits."""
    norm = re.sub(r"\d+", "0", " ".join(line.lower().split()))
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def edge_lines(text: str) -> list[str]:
    """Keys of the lines where an outlet's own boilerplate sits (first and last lines)."""
    lines = [ln for ln in text.split("\n") if len(ln.split()) >= 3]
    edges = lines[:HEAD_LINES] + lines[-TAIL_LINES:]
    return [line_key(ln) for ln in edges]


def find_outlet(text: str, rules: Rules | None = None) -> str | None:
    """The outlet a distributor's signature names (``EIN Presswire provides this news content``)."""
    rules = rules or load_rules()
    for pattern in rules.outlet_signatures:
        match = pattern.search(text)
        if match:
            return match.group("outlet").strip()
    return None


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(p.match(line) for p in patterns)


def _is_list_item(line: str) -> bool:
    return len(line) <= _LIST_ITEM_MAX and not _SENTENCE_END.search(line)


def clean_text(body: str, rules: Rules | None = None, learned: set[str] | None = None) -> Cleaned:
    """Remove boilerplate from an article body.

    Examples:
        >>> clean_text("Flood waters rose.\\nShare this article").text
        'Flood waters rose.'
    """
    rules = rules or load_rules()
    outlet = find_outlet(body, rules)
    lines = [ln.strip() for ln in body.replace("\r\n", "\n").split("\n")]
    removed: list[str] = []

    # A trailer (disclaimer, "Read also" list) runs to the end; only trust the marker in the
    # second half, where a heading inside the story would rarely use such words.
    total = sum(len(ln) + 1 for ln in lines) or 1
    seen = 0
    for index, line in enumerate(lines):
        if seen >= total / 2 and line and _matches(rules.cut_from, line):
            removed.extend(ln for ln in lines[index:] if ln)
            lines = lines[:index]
            break
        seen += len(line) + 1

    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line and _matches(rules.drop_block, line):
            # Outlets insert "Read also" lists of headlines mid-article; dropping them keeps
            # their headlines out of the quotes and claims.
            removed.append(line)
            index += 1
            while index < len(lines) and (
                not lines[index]
                or _matches(rules.drop_line, lines[index])
                or _is_list_item(lines[index])
            ):
                if lines[index]:
                    removed.append(lines[index])
                index += 1
            continue
        if line and _matches(rules.drop_line, line):
            removed.append(line)
        else:
            kept.append(line)
        index += 1

    if learned:
        content = [i for i, ln in enumerate(kept) if len(ln.split()) >= 3]
        edges = set(content[:HEAD_LINES] + content[-TAIL_LINES:])
        drop = {i for i in edges if line_key(kept[i]) in learned}
        if drop and len(drop) <= MAX_LEARNED_SHARE * len(content):
            removed.extend(kept[i] for i in sorted(drop))
            kept = [ln for i, ln in enumerate(kept) if i not in drop]

    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(text=text, removed=removed, outlet=outlet)
