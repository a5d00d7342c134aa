"""The data that moves through the crawl: ``Page`` in, ``Article`` out.

A spider callback yields a :class:`Page` (what was fetched, nothing parsed); the extraction
stage turns it into an :class:`Article` (the JSON Lines record) or a :class:`Rejection` that
names one :class:`DropReason`. The same reason word is used in ``DropItem``, in the stats key
(``news/drop/<reason>``) and in the run summary, so a count can always be traced to its cause.

The ``Article`` fields *are* the output schema (``scraper/schema/article.schema.json``): a
field never changes meaning once released; adding one bumps ``SCHEMA_VERSION``'s minor part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

SCHEMA_VERSION = "1.1"


class DropReason(StrEnum):
    """Every way a fetched page can fail to become a record (one closed set)."""

    NOT_HTML = "not_html"  # content type or bytes say it is not an HTML document
    EMPTY_BODY = "empty_body"  # 200 with no bytes, or only whitespace/markup
    BINARY_BODY = "binary_body"  # bytes that do not decode as text (junk served as HTML)
    TOO_LARGE = "too_large"  # over NEWS_MAX_PAGE_BYTES, not parsed
    NOT_ARTICLE = "not_article"  # a listing, tag, author, section or static page
    NO_TEXT = "no_text"  # looks like an article but no body text survived extraction
    PAYWALLED = "paywalled"  # only a paywall stub is visible (dropped unless configured)
    EXTRACTION_FAILED = "extraction_failed"  # the parser gave up on malformed markup
    MISSING_TITLE = "missing_title"  # validation: no headline
    TEXT_TOO_SHORT = "text_too_short"  # validation: fewer words than NEWS_MIN_WORDS
    BAD_DATE = "bad_date"  # validation: published date in the future or before 1990
    DUPLICATE_URL = "duplicate_url"  # same canonical URL already written this run
    DUPLICATE_CONTENT = "duplicate_content"  # same cleaned text already written (this run or an earlier one)
    NEAR_DUPLICATE = "near_duplicate"  # nearly the same text (MinHash) as an article already written
    UNCHANGED = "unchanged"  # same canonical URL and same text as the record an earlier run wrote
    OUTSIDE_DATE_WINDOW = "outside_date_window"  # published before the requested window
    MAX_ARTICLES = "max_articles"  # the run's max_articles limit was already reached


class FetchFailure(StrEnum):
    """Every way a request can fail for good, before any page reaches the spider (one closed set).

    The run summary's ``fetch_errors`` and the stats keys ``news/fetch_error/<reason>`` use these
    words; an HTTP error answer that is not retried (or no longer) is ``http_<status>``.
    """

    TIMEOUT = "timeout"  # no complete answer within DOWNLOAD_TIMEOUT, after the retries
    CONNECTION_LOST = "connection_lost"  # the server closed the connection without an answer
    CONNECTION_REFUSED = "connection_refused"  # nothing listens at the host and port
    DNS_ERROR = "dns_error"  # the host name does not resolve
    TRUNCATED = "truncated"  # fewer bytes arrived than the Content-Length announced
    TOO_LARGE = "too_large"  # the body is above DOWNLOAD_MAXSIZE: aborted, never parsed
    TOO_MANY_REDIRECTS = "too_many_redirects"  # more than REDIRECT_MAX_TIMES hops
    REDIRECT_LOOP = "redirect_loop"  # redirected back to itself or to a URL earlier in its chain
    OTHER = "other"  # anything else; the log names the exception


@dataclass(slots=True)
class Page:
    """One fetched response, as a spider callback hands it to the pipelines.

    Callbacks do nothing else: parsing happens in the extraction stage, in worker
    processes, so the fields are plain picklable values.
    """

    url: str  # the URL that was requested (after our canonicalisation)
    final_url: str  # the URL of the response, after redirects
    status: int
    body: bytes
    encoding: str | None  # the encoding Scrapy decided on (header, BOM, meta or guess)
    content_type: str  # the Content-Type header, lower-cased, without parameters
    fetched_at: str  # ISO 8601 UTC, when the response arrived
    source: str  # the source's name (sources.toml) or the site's domain
    discovered_via: str  # "start", "sitemap", "news_sitemap", "feed" or "link"
    hints: dict[str, str] = field(default_factory=dict)  # title/date from a feed or sitemap
    kind: str = ""  # the spider's head verdict ("article/jsonld", "unknown/no_signal"); extraction refines it


@dataclass(slots=True)
class Image:
    """An article image; captions and credits live here rather than in the text."""

    url: str | None
    caption: str | None = None
    credit: str | None = None


@dataclass(slots=True)
class Article:
    """The JSON Lines record: one per article (schema ``SCHEMA_VERSION``)."""

    url: str  # the final URL the page was fetched from
    canonical_url: str  # <link rel=canonical> / og:url when on the same site, else url
    source: str  # the source's name from sources.toml, or the site's domain
    site_name: str | None  # the publisher's name (og:site_name, JSON-LD publisher)
    title: str  # the visible headline, without " | Site" suffixes
    authors: list[str]  # people (or the agency/desk when no person is named), no "By"
    published: str | None  # ISO 8601, with time and UTC offset when the page gives them
    modified: str | None  # ISO 8601 like published; null when the page does not say
    published_raw: str | None  # the page's own string for published, when it differs
    modified_raw: str | None  # the page's own string for modified, when it differs
    language: str | None  # BCP 47 primary tag ("en", "de", "pt-BR" kept as given)
    description: str | None  # the page's summary (og:description / meta description)
    section: str | None  # the site section ("Politics"), as the page names it
    tags: list[str]  # keywords/topics, de-duplicated, page order
    image: str | None  # the lead image URL (absolute)
    images: list[Image]  # article images with caption and credit
    text: str  # clean body: paragraphs and sub-headings, blocks separated by a blank line
    word_count: int  # number of whitespace-separated words in text
    paywalled: bool  # true when the page marks the article as not fully accessible
    fetched_at: str  # ISO 8601 UTC, when the page was fetched
    content_hash: str  # sha256 hex of the normalised text: same story, same hash
    revision: int = 1  # 1 when first written; +1 each time a later run finds the text changed
    duplicate_of: str | None = None  # NEWS_DEDUP_MODE=flag: canonical URL of the first record of this story
    schema_version: str = SCHEMA_VERSION


@dataclass(slots=True, frozen=True)
class Rejection:
    """Why a page did not become an article, with a human-readable detail."""

    reason: DropReason
    detail: str = ""
    unexpected: bool = False  # an exception no rule foresaw: a bug to fix, logged as a warning
    verdict: str = ""  # for not_article: the page-kind verdict that decided ("listing/cards")
