"""Title, outlet, author and date normalisation for HTML pages.

trafilatura finds metadata well but returns it as the page's ``<title>`` puts it: with the site
name glued on (``Headline - Outlet``), bylines with their "By"/"Posted by", the publisher listed
as an author, and names re-cased (``lupa`` becomes ``Lupa``). These rules hold on news pages in
general: the visible headline (``<h1>``) is the title when it agrees with the metadata title, a
title segment that names the site is the site, and an author is a person as the page spells it.
Dates are htmldate's (through trafilatura), asked for the publication date only (see
:func:`drop_modified`), and overruled by a publication date the page declares twice alike.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.utils import parsedate_to_datetime
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
    published: list[str] = field(default_factory=list)
    bylines: list[list[str]] = field(default_factory=list)


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


def _ld_people(value: object) -> list[str]:
    """JSON-LD author names that are not declared organisations (a publisher as author)."""
    items = value if isinstance(value, list) else [value]
    return [
        n
        for item in items
        if not (isinstance(item, dict) and item.get("@type") == "Organization")
        for n in _ld_names(item)
    ]


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
            # Block elements joined by a space: their texts run together in text_content().
            " ".join(tree.itertext()),
        ]
    )
    published = [
        *(o["datePublished"] for o in ld if isinstance(o.get("datePublished"), str)),
        *meta("article:published_time", "og:article:published_time"),
    ]
    rel_links = tree.xpath('//a[contains(@rel, "author")]')
    rel_authors = _unique(_norm(e.text_content()) for e in rel_links)
    bylines = [
        [n for o in ld for n in _ld_people(o.get("author"))],
        meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"),
        # The first rel=author link is the byline; later ones sit in related-post lists.
        rel_authors[:1],
        _unique(_itemprop_name(e) for e in tree.xpath('//*[@itemprop="author"]')),
        _byline_texts(tree),
    ]
    return PageMeta(titles, headings, sites, author_text, domain_label(url), published, bylines)


_BYLINE_CLASS = re.compile(r"\b(?:by-?line|author|autor|auteur)", re.IGNORECASE)
_COMMENTS = re.compile(r"comment|kommentar|respon|reply|related|widget|sidebar", re.IGNORECASE)


def _byline_texts(tree: HtmlElement) -> list[str]:
    """Short texts of byline-classed elements ("by Jo Doe", "von jdoe"), outside comment
    threads and sidebars (their authors are commenters and other articles' authors)."""
    for element in tree.xpath(
        '//*[contains(@class, "author") or contains(@class, "byline") or contains(@class, "autor")]'
    ):
        if not _BYLINE_CLASS.search(element.get("class", "")):
            continue
        ancestry = " ".join(
            f"{a.get('class', '')} {a.get('id', '')}" for a in element.iterancestors()
        )
        if _COMMENTS.search(ancestry):
            continue
        text = _norm(element.text_content())
        # Only what reads as a byline: "by ..."/"von ..." or a link (a profile); labels such as
        # "Stand: 20. April" or "Foto: ..." share these classes.
        if not (_BYLINE_PREFIX.match(text) or element.tag == "a") or re.search(r"\d", text):
            continue
        if len(text.split()) <= _MAX_AUTHOR_WORDS + 1:
            return [text]
    return []


def _itemprop_name(element: HtmlElement) -> str:
    """A schema.org author element's name: its ``name`` property when it has one (the element
    itself often holds a whole author box), else its text when that is short."""
    names = element.xpath('.//*[@itemprop="name"]')
    if names:
        return names[0].get("content") or _norm(names[0].text_content())
    text = _norm(element.get("content") or element.text_content())
    return text if len(text.split()) <= _MAX_AUTHOR_WORDS else ""


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
    # No word, "/", "@" or "-" just before the name: checked after its first letter (the
    # two-character lookbehind), since a pattern that opens with a lookbehind gives the regex
    # engine no first letter to scan for, and ``text`` is the whole page (150,000 characters
    # on average on the Zyte pages): a third of the time, the same matches.
    regex = re.compile(
        rf"{pattern[0]}(?<![\w/@-].){pattern[1:]}\.?(?![\w/@-])", re.IGNORECASE
    )
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
        name = _norm(part).strip(" .:-|→»›")
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


def fallback_authors(page: PageMeta, sites: Iterable[str]) -> list[str]:
    """Authors from the page's own declarations, in order of how deliberate they are: JSON-LD
    ``author``, ``<meta name=author>``, ``rel=author`` links, schema.org ``itemprop=author``.

    trafilatura reads these too but drops what it takes for a non-name (single words, user
    handles, lower case), which is how many blogs sign; the first source that yields a person
    after :func:`clean_authors` is taken.
    """
    sites = list(sites)
    for source in page.bylines:
        names = [n for n in source if not n.startswith(("http:", "https:", "@", "/"))]
        authors = clean_authors("; ".join(names), sites, page.domain, page.author_text)
        if authors:
            return authors
    return []


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


# Declarations of when a page was changed, not published (htmldate's own lists, lower-case).
_MODIFIED_META = {
    "article:modified",
    "article:modified_date",
    "article:modified_time",
    "article:post_modified",
    "bt:moddate",
    "dateupdate",
    "datemodified",
    "dc.modified",
    "dcterms.modified",
    "lastdate",
    "lastmod",
    "last-modified",
    "lastmodified",
    "modificationdate",
    "modified",
    "modified_time",
    "og:article:modified_time",
    "og:modified_time",
    "og:updated_time",
    "revision_date",
    "updated_time",
    "utime",
}


def drop_modified(tree: HtmlElement) -> None:
    """Remove modification-date ``<meta>`` elements from a page (in place) before htmldate runs.

    htmldate, asked for the original date, still falls back on a header's modification date
    when the header declares no publication date, before it reads the article's own dates
    (its ``<time>`` elements): an update a year later then reads as the publication date.
    """
    for element in list(tree.iter("meta")):
        name = element.get("name") or element.get("property") or element.get("itemprop") or ""
        parent = element.getparent()
        if name.lower() in _MODIFIED_META and parent is not None:
            parent.remove(element)


_STAMP = re.compile(
    r"\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d|GMT|UTC)?)?"
)
_UTC = re.compile(r"Z|[+-]00:?00|GMT|UTC")
# A UTC time in these hours falls on the same calendar day from UTC-6 (the Americas' east) to
# UTC+3 (Europe): its day is the outlet's day wherever the outlet is.
_SAFE_UTC_HOURS = range(6, 21)
# A date typed without a time is stored as local midnight; east of UTC it serialises as 22:00 or
# 23:00 UTC the evening before, which is not an evening publication.
_MIDNIGHT_UTC_HOURS = (22, 23)


@dataclass(slots=True, frozen=True)
class Stamp:
    """A declared publication time: its day, whether that day is certain, and whether it was
    a local midnight written in UTC (then ``day`` is already the local day)."""

    day: date
    certain: bool
    midnight: bool = False


def read_stamp(value: str) -> Stamp | None:
    """An ISO 8601 or RFC 2822 timestamp's calendar day, with how far its day can be trusted.

    A day with a local offset is the outlet's day. A UTC time near midnight may be the day
    before or after in the outlet's zone, so it is uncertain, except for the local-midnight
    pattern above. A date without a time is certain.
    """
    match = _STAMP.match(value)
    if match:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        if match[4] is None or match[7] is None:
            return Stamp(day, match[4] is None)
        hour, minute, second = int(match[4]), int(match[5]), int(match[6] or 0)
        utc = bool(_UTC.fullmatch(match[7]))
    else:
        try:
            stamp = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError, IndexError):
            return None
        day, hour, minute, second = stamp.date(), stamp.hour, stamp.minute, stamp.second
        utc = stamp.utcoffset() in (None, timedelta(0))
    if not utc:
        return Stamp(day, True)
    if hour in _MIDNIGHT_UTC_HOURS and minute == 0 and second == 0:
        return Stamp(day + timedelta(days=1), True, midnight=True)
    return Stamp(day, hour in _SAFE_UTC_HOURS)


def pick_date(page: PageMeta, found: str | None) -> str | None:
    """The publication day: htmldate's, unless the page declares its publication in JSON-LD or
    Open Graph more than once, on the same certain day (a deliberate declaration; one alone is
    often a template's or a listing's), or as a local midnight written in UTC."""
    stamps = [s for s in map(read_stamp, page.published) if s is not None]
    if not stamps:
        return found
    first = stamps[0]
    agreed = len(stamps) >= 2 and all(s.day == first.day for s in stamps)
    if first.certain and (agreed or first.midnight):
        return first.day.isoformat()
    return found
