"""What ``scraper extract`` reads: saved HTML files, manifests and WARC archives, as ``Page``s.

Every input becomes the ``Page`` a crawl would have built, so it takes the crawl's extraction
path: an HTML file with the URL it was given (or its canonical link) and its modification time;
a WARC response record with its ``WARC-Target-URI`` and ``WARC-Date``. Inputs are streamed: a
WARC file is read one record at a time (:mod:`scraper.warc`), so an archive of any size is read
in flat memory. Records that are not pages, listings (the crawl's spider only follows those),
and those a :class:`Selection` leaves out (another site, fetched before ``--since``), are
:class:`Skipped` with the reason counted in the summary, never extracted.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scraper.api import declared_url, page_from_html
from scraper.extraction.pagekind import Kind, Verdict, classify
from scraper.extraction.signals import head_signals_of
from scraper.items import Article, DropReason, Page, Rejection
from scraper.urls import host_of, registered_domain, source_name
from scraper.warc import WARC_SUFFIXES, WarcPage, WarcSkip, read_warc

logger = logging.getLogger("scraper.extract")

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")  # matched case-insensitively


@dataclass(slots=True, frozen=True)
class Job:
    """One input: where its bytes are and what we know about it."""

    path: Path
    url: str | None  # None: the page's own canonical URL, else its file:// URL
    id: str | None = None
    offset: int | None = None  # a WARC record: where it starts in the file


@dataclass(slots=True, frozen=True)
class Skipped:
    """An input that is not extracted: ``skipped/…``, ``malformed/…`` or ``filtered/…``."""

    reason: str
    detail: str = ""


Entry = tuple[Job, Page | Rejection | Skipped]


@dataclass(slots=True, frozen=True)
class Selection:
    """``--domain``, ``--since``/``--until`` and ``--language``: which records a batch keeps.

    Domains are registered domains (``bbc.co.uk`` keeps ``www.bbc.co.uk`` and ``news.bbc.co.uk``)
    and are checked before extraction, from the URL. A page fetched before ``since`` cannot hold
    an article published after it, so such WARC records are skipped unread too. After extraction
    a record is kept when its date (``published``, else ``fetched_at``) falls in the window and
    its language is one of ``languages`` (``en`` keeps ``en-GB``).
    """

    domains: frozenset[str] = frozenset()
    since: datetime | None = None  # aware, inclusive
    until: datetime | None = None  # aware, exclusive
    languages: frozenset[str] = frozenset()

    def before_extraction(self, url: str, fetched_at: str | None) -> Skipped | None:
        """Why a page is left out from its URL and fetch date alone; None when it is read."""
        if self.domains and registered_domain(host_of(url)) not in self.domains:
            return Skipped("filtered/domain", url)
        fetched = _moment(fetched_at)
        if self.since is not None and fetched is not None and fetched < self.since:
            return Skipped("filtered/date", f"fetched {fetched_at}")
        return None

    def after_extraction(self, article: Article) -> Skipped | None:
        """Why a record is left out by its date or language; None when it is kept."""
        if self.languages:
            language = (article.language or "").lower()
            if not any(language == want or language.startswith(want + "-") for want in self.languages):
                return Skipped("filtered/language", article.language or "unknown")
        when = _moment(article.published) or _moment(article.fetched_at)
        if when is not None and (
            (self.since is not None and when < self.since) or (self.until is not None and when >= self.until)
        ):
            return Skipped("filtered/date", f"dated {article.published or article.fetched_at}")
        return None


def parse_bound(value: str, end: bool) -> datetime:
    """``--since``/``--until`` as an aware moment: a date alone is its day's start (``--until``: the next day's).

    Raises ValueError for anything else than ISO 8601.
    """
    moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if end and len(value.strip()) == 10:  # a date alone: the whole day is in the window
        moment += timedelta(days=1)
    return moment


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def registered_domains(values: list[str]) -> frozenset[str]:
    """``--domain`` values (comma-separated names, ``@file`` with one per line) as registered domains.

    Raises OSError when a file cannot be read.
    """
    names: list[str] = []
    for value in values:
        if value.startswith("@"):
            lines = Path(value[1:]).read_text("utf-8").splitlines()
            names += [line.split("#", 1)[0] for line in lines]
        else:
            names += value.split(",")
    hosts = (host_of(n.strip()) if "://" in n else n.strip().lower().rstrip(".") for n in names)
    return frozenset(registered_domain(h) for h in hosts if h)


def iter_jobs(inputs: list[Path], url: str | None, manifest: Path | None) -> Iterator[Job]:
    """Expand files, folders and a manifest into jobs, in a stable order (a WARC file is one job)."""
    if manifest is not None:
        yield from _manifest_jobs(manifest)
    suffixes = HTML_SUFFIXES + WARC_SUFFIXES
    for path in inputs:
        files = sorted(p for p in path.rglob("*") if p.name.lower().endswith(suffixes)) if path.is_dir() else [path]
        for file in files:
            yield Job(path=file, url=url)


def _manifest_jobs(manifest: Path) -> Iterator[Job]:
    with manifest.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                # A null, missing or blank URL is no URL, not the text "None": the page's own
                # canonical link or its file:// URL stands in, as for a file given without --url.
                url = entry.get("url")
                if url is not None and not isinstance(url, str):
                    raise TypeError(f"its url is a {type(url).__name__}, not text")
                page_id, page_url = str(entry["id"]), (url.strip() or None if url else None)
            except (ValueError, KeyError, TypeError) as exc:
                logger.warning("%s:%d: not a manifest entry (%s); skipped", manifest, number, exc)
                continue
            path = Path(entry.get("path") or f"pages/{page_id}.html.gz")
            yield Job(path=path if path.is_absolute() else manifest.parent / path, url=page_url, id=page_id)


def load_page(job: Job, source: str | None) -> Page:
    """Read a saved page into a ``Page``, as if it had just been fetched. Raises OSError."""
    body = job.path.read_bytes()
    if job.path.name.endswith(".gz"):
        body = gzip.decompress(body)
    fetched = datetime.fromtimestamp(job.path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    # The page's own canonical link says where it lives; a file:// URL only as the last resort
    # (relative links and images then resolve to files), and never as the source.
    url = job.url or declared_url(body) or job.path.resolve().as_uri()
    return page_from_html(body, url, source=source, fetched_at=fetched, discovered_via="file")


def warc_entries(job: Job, source: str | None, selection: Selection, max_bytes: int) -> Iterator[Entry]:
    """The records of one WARC file as pages to extract, or skipped with their reason."""
    try:
        for record in read_warc(job.path, max_bytes):
            at = Job(path=job.path, url=record.url, offset=record.offset)
            if isinstance(record, WarcSkip):
                yield at, Skipped(record.reason, record.detail)
            elif (skipped := selection.before_extraction(record.url, record.fetched_at)) is not None:
                yield at, skipped
            else:
                page = _warc_page(record, source)
                verdict = head_verdict(page)
                if verdict is not None and verdict.kind is Kind.LISTING:
                    yield at, Skipped("skipped/listing", str(verdict))
                else:
                    page.kind = str(verdict) if verdict is not None else ""
                    yield at, page
    except OSError as exc:
        yield job, Rejection(DropReason.UNREADABLE, f"unreadable file: {exc.strerror or exc}")


def head_verdict(page: Page) -> Verdict | None:
    """What the crawl's spider decides from a page's head: listings are followed, never extracted.

    A crawl's archive holds its section and author pages too; read from the archive, they are
    skipped (``skipped/listing``) as the crawl skipped them, and the verdict of any other page
    travels on the ``Page`` as the spider's does. None when the page cannot be parsed here
    (extraction then says why).
    """
    signals = head_signals_of(page.body, page.encoding)
    return classify(signals, page.url) if signals is not None else None


def _warc_page(record: WarcPage, source: str | None) -> Page:
    """The ``Page`` the crawl would have built from this response."""
    return Page(
        url=record.url,
        final_url=record.url,
        status=record.status,
        body=record.body,
        encoding=record.encoding,
        content_type=record.content_type or "text/html",
        fetched_at=record.fetched_at,
        source=source or source_name(record.url) or "unknown",
        discovered_via="warc",
    )
