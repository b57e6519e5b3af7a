"""Text out of HTML fragments (feed items carry article bodies as HTML snippets)."""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def fragment_text(fragment: str) -> str:
    """Paragraph-preserving text of an HTML fragment (one line per block element)."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    text = root.text_content()
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
