"""The data that moves through the crawl: ``Page`` in, ``Article`` out.

A spider callback yields a :class:`Page` (what was fetched, nothing parsed); the extraction
stage turns it into an :class:`Article` (the JSON Lines record) or a :class:`Rejection` that
names one :class:`DropReason`. The same reason word is used in ``DropItem``, in the stats key
(``news/drop/<reason>``) and in the run summary, so a count can always be traced to its cause.

The ``Article`` fields *are* the output schema (``scraper/schema/article.schema.json``): a
field never changes meaning once released; adding one bumps ``SCHEMA_VERSION``'s minor part.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import inspect
import itertools
import textwrap
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = "1.3"


class DropReason(StrEnum):
    """Every way a fetched page can fail to become a record (one closed set)."""

    NOT_HTML = "not_html"  # content type or bytes say it is not an HTML document
    EMPTY_BODY = "empty_body"  # 200 with no bytes, or only whitespace/markup
    BINARY_BODY = "binary_body"  # bytes that do not decode as text (junk served as HTML)
    TOO_LARGE = "too_large"  # over NEWS_EXTRACT_MAX_BYTES (not parsed) or NEWS_EXTRACT_MAX_WORDS
    NOT_ARTICLE = "not_article"  # a listing, tag, author, section or static page
    NO_TEXT = "no_text"  # looks like an article but no body text survived extraction
    PAYWALLED = "paywalled"  # only a paywall stub is visible (dropped unless configured)
    EXTRACTION_FAILED = "extraction_failed"  # the parser gave up on malformed markup
    TOO_SLOW = "too_slow"  # extraction ran over NEWS_EXTRACT_TIMEOUT: the worker was killed and replaced
    WORKER_DIED = "worker_died"  # the extraction worker died on the page (OOM killer, crash), twice: retried once
    EXTRACTION_ERROR = "extraction_error"  # a bug: an exception no rule foresaw (news/extract/error/<Type>)
    BAD_URL = "bad_url"  # validation: the record's URL is not absolute http(s)
    UNREADABLE = "unreadable"  # scraper extract: the input file cannot be read
    MISSING_TITLE = "missing_title"  # validation: no headline
    TEXT_TOO_SHORT = "text_too_short"  # validation: fewer words than NEWS_EXTRACT_MIN_WORDS
    BAD_DATE = "bad_date"  # validation: published date in the future or before 1990
    DUPLICATE_URL = "duplicate_url"  # same canonical URL already written this run
    DUPLICATE_CONTENT = "duplicate_content"  # same cleaned text already written (this run or an earlier one)
    NEAR_DUPLICATE = "near_duplicate"  # nearly the same text (MinHash) as an article already written
    UNCHANGED = "unchanged"  # same canonical URL and same text as the record an earlier run wrote
    OUTSIDE_DATE_WINDOW = "outside_date_window"  # published before the requested window
    NOT_WRITTEN = "not_written"  # the output file could not be written (disk full, I/O error): the run fails
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


@dataclass(slots=True, frozen=True)
class Fetch:
    """What the download of an article page said, for the crawl state (never exported).

    It rides on the ``Page`` and then the ``Article``, so the state learns it from the record
    the output stage wrote, not from a side table another component keeps.
    """

    urls: tuple[str, ...]  # the request URL and any redirects before the final one
    etag: str | None = None
    last_modified: str | None = None


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
    fetch: Fetch | None = None  # redirects, ETag and Last-Modified of the download


@dataclass(slots=True)
class Image:
    """An article image; captions and credits live here rather than in the text.

    Each field's attribute docstring is its documentation, copied verbatim into the JSON Schema
    and the record table in docs/schema.md (``tests/test_items_docs.py`` keeps them in step).
    """

    url: str | None
    """The image's absolute URL; null for a caption cut from the text whose image was not found (or was an
    inline `data:` image)."""
    caption: str | None = None
    """The caption, without the photo credit; null when there is none."""
    credit: str | None = None
    """The photo credit, split from the caption; null when there is none."""


@dataclass(slots=True)
class BodyBlock:
    """One block of ``Article.body``: a paragraph, sub-heading, list, quote, table or code, in page order.

    ``text`` is the block exactly as it appears in ``Article.text`` (which is the blocks' texts
    joined by one blank line), so the two never disagree.
    """

    type: str  # "heading", "paragraph", "list", "quote", "table" or "code"
    text: str  # lines joined by "\n": list items, table rows (cells joined by " | "), a quote's lines, code lines


@dataclass(slots=True)
class Article:
    """The JSON Lines record: one per article (schema ``SCHEMA_VERSION``).

    Each field's attribute docstring is its documentation for downstream users, copied verbatim
    into the JSON Schema's ``description`` and the record table in docs/schema.md; read it with
    :func:`field_docs`. ``tests/test_items_docs.py`` fails when the three differ.
    """

    url: str
    """The final URL the page was fetched from (after redirects); for `scraper extract`, the URL given for the file."""
    canonical_url: str
    """`<link rel="canonical">` or `og:url` when it is an http(s) URL on the same site (registered domain) as
    `url`, else `url`."""
    source: str
    """The source's name from the sources file, else the site's host without `www.` (`scraper extract`:
    `--source`, else the URL's host)."""
    site_name: str | None
    """The publisher's name (`og:site_name`, JSON-LD publisher); null when the page does not give one."""
    title: str
    """The article's headline (JSON-LD `headline` or the visible `<h1>`), without ` | Site` suffixes; never empty."""
    authors: list[str]
    """People, without "By", roles, emails or dates; the desk, agency or site only when no person is named.
    Empty when the page names no one."""
    published: str | None
    """Publication date, ISO 8601: the date alone when the page gives only a date (`2026-11-03`), else with
    time to the second and the UTC offset when the page gives one (`2026-11-03T08:15:00+01:00`); null when the
    page gives no date. The markup's date, unless the line by the headline prints another day that is no
    revision (not "Updated …", not the modified day): then that day. A later revision the headline prints wins
    over a date only the JSON-LD states (no meta or `<time>` agrees). With no article date in the markup, the
    page's own JSON-LD date stands in; with neither, the headline's printed day (an update's too), else a guess;
    never a year alone (a copyright line's January 1st)."""
    modified: str | None
    """Last modification, written like `published`; null when the page does not say. A new `revision` sets it
    (the page's new date, else the fetch time)."""
    published_raw: str | None
    """The page's own string for `published`, when it differs from the normalised value; else null."""
    modified_raw: str | None
    """The page's own string for `modified`, when it differs from the normalised value; else null."""
    language: str | None
    """BCP 47 tag from markup (`<html lang>`, JSON-LD `inLanguage`, `og:locale`: the language in lower case
    plus a two-letter region in upper case, `en`, `de`, `pt-BR`), else detected in the text (CLD2: `de`,
    `zh-Hant`); null when the text is short or the guess unreliable."""
    description: str | None
    """The page's summary (`og:description`, meta description, JSON-LD `description`); null when it has none."""
    section: str | None
    """The site section (`Politics`), as the page names it (JSON-LD `articleSection`, `article:section`); null
    when it does not."""
    tags: list[str]
    """Keywords and topics, split on commas, de-duplicated (ignoring case), in page order; empty when the page
    has none."""
    image: str | None
    """The lead image's absolute URL (`og:image`, JSON-LD `image`); null when the page has none."""
    images: list[Image]
    """Article images, the lead image included; captions and photo credits removed from the text end up here.
    Empty when there are none."""
    text: str
    """The clean body: paragraphs and sub-headings as blocks separated by one blank line; list items, table
    rows and a quote's lines (its attribution too) on their own lines."""
    word_count: int
    """Words in `text` (runs of characters between whitespace); each Chinese, Japanese or Korean character
    counts as one word."""
    paywalled: bool
    """True when the page marks the article as not freely accessible (JSON-LD `isAccessibleForFree: false`):
    `text` is then only what the page shows. Such articles are written only with `NEWS_EXTRACT_KEEP_PAYWALLED`
    (on by default)."""
    fetched_at: str
    """When the page was fetched: ISO 8601 in UTC, to the second (`2026-11-25T11:54:43+00:00`); for
    `scraper extract`, the file's modification time."""
    content_hash: str
    """sha256 (64 lower-case hex digits) of the normalised `text` (case, punctuation and spacing ignored): the
    same story gives the same hash."""
    revision: int = 1
    """1 when an article is first written; a later run that finds its text changed writes it again with
    `revision` + 1 and `modified` set (the page's new date, else the fetch time). Added in 1.1."""
    duplicate_of: str | None = None
    """Only with `NEWS_DEDUP_MODE=flag`: the canonical URL of the first record of the same story (same or
    nearly the same text); else null. Added in 1.1."""
    body: list[BodyBlock] = field(default_factory=list)
    """The clean body as blocks in page order, `{"type", "text"}`: `type` is `heading`, `paragraph`, `list`,
    `quote`, `table` or `code` (since 1.3); `text` is the block as it stands in `text` (list items, table rows
    with cells joined by ` | `, a quote's lines on lines of their own, code with its lines and indentation), so
    the texts joined by one blank line are `text`. Added in 1.2."""
    markdown: str | None = None
    """Only with `NEWS_MARKDOWN`: the headline and `body` as Markdown (`##` sub-headings, `-` list items, `>`
    quotes, tables as pipe tables, code as fenced blocks); else null. Added in 1.2."""
    schema_version: str = SCHEMA_VERSION
    """The record format's version, `"1.3"`. New optional fields bump the minor version; a field never
    changes meaning."""
    # Not exported (see EXPORTED_FIELDS): facts the crawl state needs once the record is written.
    fetch: Fetch | None = field(default=None, repr=False, metadata={"exported": False})
    signature: bytes | None = field(default=None, repr=False, metadata={"exported": False})  # MinHash
    # What extraction decided that a run counts, as stats keys under news/extract/ ("date/year_only_dropped").
    notes: tuple[str, ...] = field(default=(), repr=False, metadata={"exported": False})

    def to_dict(self) -> dict[str, Any]:
        """The record as written to JSON Lines: exported fields only, images as dicts."""
        return {name: _plain(getattr(self, name)) for name in EXPORTED_FIELDS}


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready lists and dicts.

    Field by field rather than ``dataclasses.asdict``, which deep-copies every leaf: about a
    hundred ``deepcopy`` calls a record, in the crawl process, for strings that are immutable.
    """
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


EXPORTED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article) if f.metadata.get("exported", True))
"""The record's fields, in order: what JSON Lines output (ours and ``-O`` feed exports) holds."""


@dataclass(slots=True, frozen=True)
class Rejection:
    """Why a page did not become an article, with a human-readable detail."""

    reason: DropReason
    detail: str = ""
    error: str | None = None  # EXTRACTION_ERROR: the exception's type, counted as news/extract/error/<type>
    traceback: str = ""  # EXTRACTION_ERROR: the whole traceback, logged where a person sees it
    verdict: str = ""  # for not_article: the page-kind verdict that decided ("listing/cards")


def field_docs(cls: type[Any]) -> dict[str, str]:
    """``{field: doc}`` for a dataclass, from its fields' attribute docstrings, in field order.

    An attribute docstring is the string literal on the line under a field's annotation; Python
    keeps no trace of it at run time, so it is read from the class's source with ``ast``.
    Whitespace is collapsed to single spaces, so the text can be compared with (or copied into)
    the JSON Schema and the docs/schema.md table. Fields without a docstring are left out.
    """
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = next(node for node in tree.body if isinstance(node, ast.ClassDef)).body
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = " ".join(following.value.value.split())
    return {f.name: docs[f.name] for f in fields(cls) if f.name in docs}
