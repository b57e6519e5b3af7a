"""Load boilerplate rules from ``rules.json`` so they can be reviewed without touching logic."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("rules.json")


@dataclass(frozen=True, slots=True)
class Rules:
    cut_from: tuple[re.Pattern[str], ...]
    drop_block: tuple[re.Pattern[str], ...]
    drop_line: tuple[re.Pattern[str], ...]
    outlet_signatures: tuple[re.Pattern[str], ...]


def _compile(patterns: list[str], whole_line: bool = True) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"(?:{p})\Z" if whole_line else p, re.IGNORECASE) for p in patterns)


@lru_cache(maxsize=8)
def load_rules(path: Path = RULES_FILE) -> Rules:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Rules(
        cut_from=_compile(data["cut_from"]),
        drop_block=_compile(data["drop_block"]),
        drop_line=_compile(data["drop_line"]),
        outlet_signatures=tuple(re.compile(p) for p in data["outlet_signatures"]),
    )
