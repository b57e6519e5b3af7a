"""Title, outlet and author normalisation for HTML pages.

trafilatura finds metadata well but returns it as the page's ``<title>`` puts it: with the site
name glued on (``Headline - Outlet``), bylines with their "By"/"Posted by", the publisher listed
as an author, and names re-cased (``lupa`` becomes ``Lupa``). These rules hold on news pages in
general: the visible headline (``<h1>``) is the title when it agrees with the metadata title, a
title segment that names the site is the site, and an author is a person as the page spells it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement
from rapidfuzz import fuzz

# Separators sites put between headline and site name; a colon is not one (headlines use it).
_TITLE_SEP = re.compile(r"\s+(?:[-|–—·•›»~/]{1,2}|::)\s+|\s*\|\s*")
_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_H1_MAX = 300
# An <h1> is the headline when it is (nearly) the metadata title, or a large part of it
# (metadata titles often add a kicker: "Climate: Headline").
_H1_SAME = 90
_H1_SHARE = 0.5

_BYLINE_PREFIX = re.compile(
    r"^(?:(?:view|see) all posts by|(?:zeige )?alle beiträge von|posted by|written by|"
    r"published by|artikel von|beitrag von|zum profil von|text(?: von)?:?|"
    r"by|von|vom|par|por|di|door|autor(?:in)?:?|auteur:?|author:?|redakteur(?:in)?:?)\s+",
    re.IGNORECASE,
)
# Labels and placeholders that bylines and CMS templates put where a name should be.
_NOT_NAMES = {
    "admin",
    "administrator",
    "agencies",
    "anonymous",
    "author",
    "autor",
    "by",
    "comments",
    "datum",
    "follow",
    "guest",
    "human",
    "name",
    "no author",
    "posted",
    "share",
    "staff",
    "super user",
    "unknown",
    "user",
    "von",
    "wordpressadmin",
}
_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s*,\s*|\s+(?:and|und|et|y|e|&)\s+", re.IGNORECASE)
_SAYS = re.compile(r"\b(?:says|said|sagt|schreibt)\b", re.IGNORECASE)
_MAX_AUTHOR_WORDS = 6


@dataclass(slots=True)
class PageMeta:
    """What a page declares about itself, read from its tree before extraction."""

    titles: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    author_text: str = ""
    domain: str | None = None


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _key(text: str) -> str:
    """Lower-case letters and digits without accents: "Helge.at", "helge-at", "HELGE AT"
    agree, and so do "Média" and "Media"."""
    plain = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[\W_]+", "", "".join(c for c in plain if not unicodedata.combining(c)))


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        text = _norm(value)
        if text and text not in seen:
            seen[text] = None
    return list(seen)


def _json_ld(tree: HtmlElement) -> list[dict[str, object]]:
    objects: list[dict[str, object]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    return objects


def _ld_names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _ld_names(v)]
    return []


def domain_label(url: str | None) -> str | None:
    """The registered name of a URL's host, without ``www`` and suffix: ``lastampa`` for
    ``https://www.lastampa.it/...``."""
    host = urlsplit(url).hostname if url else None
    if not host:
        return None
    labels = [p for p in host.lower().split(".") if p not in {"www", "m", "amp"}]
    if len(labels) >= 3 and len(labels[-2]) <= 3:  # co.uk, com.br
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def read_page_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    """Title candidates, visible headings, site names and author text declared by a page."""

    def meta(*names: str) -> list[str]:
        found = []
        for name in names:
            found += tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
        return found

    ld = _json_ld(tree)
    headlines = [o.get("headline") for o in ld if isinstance(o.get("headline"), str)]
    publishers = [n for o in ld for n in _ld_names(o.get("publisher"))]
    ld_authors = [n for o in ld for n in _ld_names(o.get("author"))]
    titles = _unique(
        [*meta("og:title"), *headlines, *meta("twitter:title"), *tree.xpath("//title/text()")]
    )
    headings = [
        h
        for h in _unique(t for e in tree.iter("h1") for t in _heading_forms(e))
        if len(h) < _H1_MAX
    ]
    sites = _unique([*meta("og:site_name", "application-name"), *publishers])
    author_text = " \n ".join(
        [
            *meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"),
            *ld_authors,
            tree.text_content() if tree is not None else "",
        ]
    )
    return PageMeta(titles, headings, sites, author_text, domain_label(url))


def _heading_forms(heading: HtmlElement) -> list[str]:
    """An ``<h1>``'s headline: without a leading kicker element ("Climate <span>Headline</span>"
    reads "Climate Headline" as text), then as it stands."""
    full = _norm(heading.text_content())
    children = [c for c in heading if isinstance(c.tag, str)]
    if len(children) >= 2 and not _norm(heading.text):
        kicker = _norm(children[0].text_content())
        rest = _norm(full[len(kicker) :]) if full.startswith(kicker) else ""
        if kicker and len(rest.split()) >= 3:
            return [rest.lstrip(":-–— "), full]
    return [full]


def _is_site(segment: str, sites: Iterable[str], domain: str | None) -> bool:
    """Whether a title segment names the site (its name, or its domain)."""
    seg = _key(segment)
    if len(seg) < 2:
        return True  # a stray separator or ornament
    if _DOMAIN_LIKE.match(segment.strip()):
        return True
    names = [_key(s) for s in sites]
    if domain:
        names.append(_key(domain))
    for name in names:
        if len(name) < 3:
            continue
        if seg == name or (len(seg) >= 3 and (seg in name or name in seg)):
            return True
    return False


def strip_site(title: str, sites: Iterable[str], domain: str | None = None) -> str:
    """The title without leading or trailing segments that name the site."""
    sites = list(sites)
    parts = [p for p in _TITLE_SEP.split(title)]
    while len(parts) > 1 and _is_site(parts[-1], sites, domain):
        parts.pop()
    while len(parts) > 1 and _is_site(parts[0], sites, domain):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEP.split(title)):
        return _norm(title)
    # Rejoin what is left with the separators the title used between them.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return _norm(title[start:end]) if 0 <= start < end else _norm(" ".join(parts))


def _agrees(heading: str, title: str) -> bool:
    h, t = heading.lower(), title.lower()
    if fuzz.ratio(h, t) >= _H1_SAME:
        return True
    return len(h) >= _H1_SHARE * len(t) and fuzz.partial_ratio(h, t) >= _H1_SAME


def pick_title(page: PageMeta, fallback: str | None, sites: list[str]) -> str | None:
    """The headline: an ``<h1>`` that agrees with a metadata title, else the first metadata
    title without its site segments."""
    candidates = []
    for title in [*page.titles, *([fallback] if fallback else [])]:
        stripped = strip_site(title, sites, page.domain)
        if stripped and not _is_site(stripped, sites, page.domain):
            candidates.append(stripped)
    for heading in page.headings:
        if _is_site(heading, sites, page.domain):
            continue
        if any(_agrees(heading, c) for c in candidates):
            return heading
    if candidates:
        return candidates[0]
    return page.headings[0] if page.headings else _norm(fallback) or None


def pick_outlet(page: PageMeta, sitename: str | None, title: str | None) -> str | None:
    """The outlet: declared site name, else a title's site segment, else the domain."""
    for name in [*page.sites, sitename]:
        name = _norm(name)
        if name and not name.startswith(("http:", "https:")):
            return name
    for full in page.titles:
        parts = _TITLE_SEP.split(full)
        if len(parts) > 1 and page.domain and _is_site(parts[-1], [], page.domain):
            return _norm(parts[-1])
    return page.domain


def _surface(name: str, text: str) -> str:
    """The name as the page spells it (case, initials' dots, underscores), when found."""
    tokens = re.findall(r"\w+", name)
    if not tokens or not text:
        return name
    pattern = r"[\s._]{1,3}".join(re.escape(t) for t in tokens)
    regex = re.compile(rf"(?<![\w/@-]){pattern}\.?(?![\w/@-])", re.IGNORECASE)
    forms = Counter(m.group(0) for m in regex.finditer(text))
    if not forms:
        return name
    best = forms.most_common(1)[0][0]
    # Keep a final dot only where it closes an initial or abbreviation ("Jr.", "C.").
    if best.endswith(".") and not re.search(r"\b\w{1,2}\.$", best):
        best = best[:-1]
    return _norm(best)


def clean_authors(
    raw: str | None, sites: Iterable[str], domain: str | None = None, page_text: str = ""
) -> list[str]:
    """Split a byline into people: no "By"/"Posted by", no labels, no publisher names."""
    sites = [s for s in sites if s]
    authors: list[str] = []
    for part in _AUTHOR_SPLIT.split(raw or ""):
        name = _norm(part).strip(" .:-|")
        while (stripped := _BYLINE_PREFIX.sub("", name)) != name:
            name = stripped
        if not name or name.lower() in _NOT_NAMES or _SAYS.search(name):
            continue
        if len(name.split()) > _MAX_AUTHOR_WORDS or not re.search(r"[^\W\d_]", name):
            continue
        if _is_publisher(name, sites, domain):
            continue
        words = name.split()
        half = len(words) // 2
        if len(words) % 2 == 0 and half and words[:half] == words[half:]:
            name = " ".join(words[:half])  # "jdoe jdoe": a profile link's two labels
        name = _surface(name, page_text)
        if name not in authors:
            authors.append(name)
    return authors


def _is_publisher(name: str, sites: list[str], domain: str | None) -> bool:
    """A site name, or a byline that embeds one ("Example Zeitung GmbH"); a personal blog's
    domain inside a person's name ("helge.at", "Helge Fahrnberger") does not count."""
    key = _key(name)
    for site in map(_key, sites):
        if key == site or (len(site) >= 6 and site in key):
            return True
    # "Example De" for example.de, or the one word "Example"; "Ilse Varga" on ilsevarga.example
    # is a blogger on their own site.
    d = _key(domain or "")
    if len(d) < 3 or not key.startswith(d):
        return False
    rest = len(key) - len(d)
    return 0 < rest <= 4 or (rest == 0 and len(name.split()) == 1)
