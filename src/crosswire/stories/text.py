"""The part of an article that says what happened: paywall, login chrome and site furniture
removed.

Grouping compares articles by their words, so text that belongs to the page rather than the
report hurts twice: a paywall stub ("Subscribers, click below to login ...") shares nothing with
the reports of its event, and two stubs of one site share everything with each other. The
cleaning stage removes boilerplate it can recognise per outlet; what reaches us can still carry
page chrome when an outlet is seen only once, so sentences made of it are dropped here, and
the furniture of a site's pages (photo credits, gallery controls, link teasers, dateline stamps)
is cut out where it stands: two unrelated pages of one site share all of it.
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from crosswire.stories.language import FUNCTION_WORDS

# Phrases of login walls, paywalls, sign-up boxes and notes on the page itself. They name an
# action on the page, which a news report almost never does in a short sentence of its own.
CHROME_RE = re.compile(
    r"\b(?:log ?in|log ?out|sign ?in|sign ?up|(?:non-?)?subscribers?|subscriptions?|subscribing|"
    r"password|username|free access|click here|click below|"
    r"newsletter|cookies?|ad ?blocker|premium content|already a member|"
    # The page speaking of itself or of the outlet rather than of the event: where it was
    # first published, the outlet's homepage and apps, the author's social accounts.
    r"(?:originally|first) published|full text of the article|homepage|for more stories|"
    r"(?:mobile|our) apps|try the app|"
    r"follow (?:him|her|us) on|local journalism|available to all readers)\b",
    re.IGNORECASE,
)
# Photo credits in captions "(AP Photo/Jane Doe)", "(Getty Images)": agency names, not events.
CREDIT_RE = re.compile(r"\((?:[^()]{0,40}\b(?:Photo|Images|Reuters|AFP|AP)\b[^()]{0,40})\)")
# Site furniture written inside the text, removed where it stands (it is no sentence of its
# own, so dropping whole sentences would miss it or take the report with it): unbracketed
# credits ("Photo: Jane Doe, Velmora Herald / Staff Photographer", "Jane Doe/Agency via Getty
# Images"), gallery controls ("Image 1 of / 30 Caption Close", "1 / 30 Back to Gallery"),
# link teasers (">>> See all of ..." to the end of the line or sentence) and the time stamp
# of a dateline ("02 January 2020, 07:51"). Two pages of one site share all of these
# whatever they report: in the SemEval pairs two galleries of one newspaper about a data
# breach and about feral hogs matched on little else.
FURNITURE = tuple(
    (trigger, re.compile(pattern))
    for trigger, pattern in (
        ("Photo", r"Photos?: [^.;:()/]{0,60}/ ?(?:(?:Staff|Contributor|Freelance) )?Photographer\b"
                  r"|Photos?: [^.;:()/]{0,60}/ ?(?:(?!Photo|Image)[A-Z][\w&.'’-]*(?: |$)){1,4}"),
        ("Getty Images", r"\b(?:[A-Z][\w'’-]+ ){1,3}?[A-Z][\w'’-]+/[A-Z][\w ]{0,40}? via Getty "
                         r"Images\b|(?:AFP via )?Getty Images\b"),
        ("Image ", r"Image \d+ of\s?/?\s?\d+\b"),
        ("Caption Close", r"Caption Close\b"),
        ("Back to Gallery", r"(?:\d+ / \d+ )?Back to Gallery\b"),
        ("- Sponsored -", r"- Sponsored -"),
        (">>>", r">>>[^\n>]*?(?:[.!?](?=\s+[A-Z\"“]|\s*$)|(?=\n|>>>|$))"),
        (":", r"(?<!\d)\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
              r"October|November|December) \d{4}, \d{1,2}:\d{2}\b"),
    )
)  # fmt: skip
# Sentence ends: a stop, maybe closing quotes, then space ("Philstar.com" is not an end).
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’)])\s+|\n+")
# A chrome sentence is short: a long sentence that mentions "register" is reporting.
CHROME_MAX_WORDS = 30
# When this little of the body is left, the page was a stub (paywall, login form): keep none of
# it, so the article is compared by its title alone rather than by the stub's leftovers.
STUB_SHARE = 0.35
STUB_WORDS = 25
# Words of the lead an embedding sees: the title and opening paragraphs name the event, and the
# encoder reads at most 256 word pieces anyway.
LEAD_WORDS = 200
# Frequent function words of other languages written in Latin script (``language.py``, English
# words removed). A text reads as English when English stop words are at least a tenth of its
# words and twice as frequent as any other language's: on the SemEval articles this keeps 616
# of 617 English texts and lets through 7 of 1,880 in nine other languages (bench/stories.py).
OTHER_WORDS = [
    frozenset(words.split()) - ENGLISH_STOP_WORDS
    for language, words in FUNCTION_WORDS.items()
    if language != "en"
]
ENGLISH_SHARE = 0.1
WORD_RE = re.compile(r"[^\W\d_]+")


def without_furniture(text: str) -> str:
    """``text`` without the site furniture of :data:`FURNITURE`, each replaced by a space."""
    for trigger, pattern in FURNITURE:
        if trigger in text:
            text = pattern.sub(" ", text)
    return text


def _is_chrome(sentence: str) -> bool:
    return len(sentence.split()) <= CHROME_MAX_WORDS and CHROME_RE.search(sentence) is not None


def report_text(text: str) -> str:
    """``text`` without page chrome sentences, photo credits and site furniture; "" for a
    paywall/login stub.

    Examples:
        >>> report_text("Ferry sinks near Velmora. Subscribers, log in to read more.")
        ''
        >>> report_text("Ferry sinks near Velmora.")
        'Ferry sinks near Velmora.'
    """
    text = without_furniture(CREDIT_RE.sub(" ", text))
    if CHROME_RE.search(text) is None:  # most reports: no sentence to look at
        return text.strip()
    sentences = [s for s in SENTENCE_END_RE.split(text) if s.strip()]
    kept = [s for s in sentences if not _is_chrome(s)]
    if len(kept) == len(sentences):
        return text.strip()
    total = sum(len(s.split()) for s in sentences)
    left = sum(len(s.split()) for s in kept)
    if left < STUB_WORDS or left < STUB_SHARE * total:
        return ""
    return re.sub(r"[ \t]+", " ", " ".join(s.strip() for s in kept)).strip()


def lead(title: str | None, text: str, words: int = LEAD_WORDS) -> str:
    """Title and the first ``words`` words of the report: what an embedding is computed on."""
    body = " ".join(report_text(text).split()[:words])
    if title and body:
        return f"{title.strip()}\n{body}"
    return (title or "").strip() or body


def looks_english(text: str, words: int = LEAD_WORDS) -> bool:
    """True when ``text`` reads as English by its function words.

    An English-only embedder maps other languages to noise, so its cosine must not count for
    them; function-word counts need no language model and tell English from the rest.

    Examples:
        >>> looks_english("The mayor closed the bridge in the night.")
        True
        >>> looks_english("Der Bürgermeister hat die Brücke in der Nacht gesperrt.")
        False
    """
    tokens = WORD_RE.findall(text.lower())[:words]
    english = sum(t in ENGLISH_STOP_WORDS for t in tokens)
    other = max(sum(t in vocabulary for t in tokens) for vocabulary in OTHER_WORDS)
    return bool(tokens) and english >= ENGLISH_SHARE * len(tokens) and english >= 2 * other
