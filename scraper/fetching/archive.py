"""``NEWS_ARCHIVE=warc``: keep every fetched response, and its request, in a per-run WARC file.

Extraction keeps improving; pages change or vanish. With the archive on, a run writes
``<run-id>.warc.gz`` beside its ``<run-id>.jsonl``, and ``scraper extract`` re-extracts it later
with whatever the extractor has become, without fetching anything again.

A downloader middleware next to the downloader (950) sees each response as the server sent it,
before decompression and redirects are handled, so the archive holds redirect hops, robots.txt,
sitemaps and feeds too, and the payload digest is that of the bytes received. Responses that no
download produced (the crawl state's answers, robots.txt reused for the spider) are not
archived: only requests that passed this middleware on their way out are. Each response record
is followed by its request record (``WARC-Concurrent-To`` links them); ``WARC-IP-Address`` is
there when Scrapy knows the peer, and a body the crawl stopped after the headers (not a web
page) is marked ``WARC-Truncated``.

Kill-safety is the JSONL's (``pipelines/output.py``): the file is ``<run-id>.warc.gz.part``,
locked, until the spider closes and it is renamed into place; every record is a gzip member
of its own, flushed as soon as it is written. At start, the ``.part`` archives killed runs of
the same output template left are cut after their last whole member and renamed, so an archive
on disk always reads to its end. Stats: ``news/archive/records``, ``news/archive/bytes``,
``news/archive/path``, ``news/archive/recovered_files``; the run summary shows them as
``archive``.
"""

from __future__ import annotations

import fcntl
import glob
import io
import logging
import os
import re
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.config import ConfigError
from scraper.partfiles import finish_locked, open_locked, still_named
from scraper.summary import OUTPUT_PATH, RUN_ID
from scraper.warc import complete_length

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.http.headers import Headers

logger = logging.getLogger(__name__)

MODES = ("", "warc")
RECORDS = "news/archive/records"
BYTES = "news/archive/bytes"
PATH = "news/archive/path"
_SENT = "_news_archive_sent"  # request.meta: this very request went out through the downloader
_RUN_ID = r"\d{8}T\d{6}Z-[0-9a-f]{4}"
_OWN_PART = re.compile(rf"(?P<final>.+\.warc\.gz)(?:\.(?P<run_id>{_RUN_ID}))?\.part")
_FIELD = re.compile(r"\{[^{}]*\}")


def archive_path(output: Path) -> Path:
    """The archive beside a run's JSON Lines file: ``<run-id>.jsonl`` -> ``<run-id>.warc.gz``."""
    return output.with_name(output.name.removesuffix(".jsonl") + ".warc.gz")


def part_of(final: Path, run_id: str) -> Path:
    """The name the archive has while the run writes it (it names the run, as the JSONL's does)."""
    return final.with_name(final.name + ".part" if run_id in final.name else f"{final.name}.{run_id}.part")


class WarcArchiveMiddleware:
    """Writes each downloaded response and its request to the run's ``.warc.gz``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.path: Path | None = None
        self.part: Path | None = None
        self._file: IO[bytes] | None = None
        self._writer: WARCWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        mode = str(crawler.settings.get("NEWS_ARCHIVE") or "").strip().lower()
        if mode not in MODES:
            raise ConfigError(f"NEWS_ARCHIVE must be empty (off) or 'warc', got {mode!r}")
        if not mode:
            raise NotConfigured  # off by default: no message, so Scrapy does not warn on every crawl
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self) -> None:
        """Recover killed runs' archives, then open this run's, beside its JSON Lines file."""
        output, run_id = self.stats.get_value(OUTPUT_PATH), self.stats.get_value(RUN_ID)
        if not output or not run_id:
            logger.warning("NEWS_ARCHIVE=warc needs the run's output file (NEWS_OUTPUT_ENABLED): nothing archived")
            return
        self._recover(str(self.crawler.settings.get("NEWS_OUTPUT_PATH")))
        self.path = archive_path(Path(output))
        self.part = part_of(self.path, run_id)
        try:
            self._file = open_locked(self.part)  # another run's recovery leaves a live archive alone
        except OSError as exc:
            logger.error("Cannot write the archive %s: %s; nothing archived", self.part, exc.strerror or exc)
            self._file = None
            return
        self._writer = WARCWriter(self._file, gzip=True)
        self.stats.set_value(PATH, str(self.path))
        self.stats.set_value(RECORDS, 0)
        self.stats.set_value(BYTES, 0)
        info = self._writer.create_warcinfo_record(
            self.path.name, {"software": "news-scraper (Scrapy, warcio)", "format": "WARC File Format 1.0",
                             "robots": "obey" if self.crawler.settings.getbool("ROBOTSTXT_OBEY") else "ignore",
                             "http-header-user-agent": str(self.crawler.settings.get("USER_AGENT"))},
        )  # fmt: skip
        self._write([info])
        logger.info("Archiving responses to %s (renamed to %s when the run closes)", self.part, self.path.name)

    def process_request(self, request: Request) -> None:
        request.meta[_SENT] = id(request)  # copies (retries, redirects) carry it, with another id

    def process_response(self, request: Request, response: Response) -> Response:
        if self._writer is not None and request.meta.get(_SENT) == id(request):
            self._archive(request, response)
        return response

    def _archive(self, request: Request, response: Response) -> None:
        assert self._writer is not None
        warc_headers = {"WARC-Date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
        if response.ip_address is not None:
            warc_headers["WARC-IP-Address"] = str(response.ip_address)
        if "download_stopped" in response.flags:
            warc_headers["WARC-Truncated"] = "unspecified"  # the body was not wanted (not a web page)
        status = f"{response.status} {_phrase(response.status)}"
        answer = StatusAndHeaders(status, _header_pairs(response.headers), protocol="HTTP/1.1")
        body = response.body
        resp = self._writer.create_warc_record(
            response.url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=answer, warc_headers_dict=warc_headers,
        )  # fmt: skip
        target = urlsplit(request.url)
        asked = StatusAndHeaders(
            f"{request.method} {target.path or '/'}{'?' + target.query if target.query else ''} HTTP/1.1",
            [("Host", target.netloc), *_header_pairs(request.headers, drop=("host",))],
            is_http_request=True,
        )
        concurrent = {"WARC-Date": warc_headers["WARC-Date"],
                      "WARC-Concurrent-To": resp.rec_headers.get_header("WARC-Record-ID")}  # fmt: skip
        req = self._writer.create_warc_record(
            request.url, "request", payload=io.BytesIO(request.body), length=len(request.body),
            http_headers=asked, warc_headers_dict=concurrent,
        )  # fmt: skip
        self._write([resp, req])

    def _write(self, records: list[Any]) -> None:
        """Each record its own gzip member, flushed at once; a write error stops the archive, not the crawl."""
        assert self._writer is not None
        assert self._file is not None
        try:
            for record in records:
                self._writer.write_record(record)
                self._file.flush()
        except OSError as exc:
            logger.error("Cannot write the archive %s: %s; archiving stops", self.part, exc.strerror or exc)
            self.stats.inc_value("news/archive/write_errors")
            self._writer = None
            return
        self.stats.inc_value(RECORDS, len(records))
        self.stats.set_value(BYTES, self._file.tell())

    def spider_closed(self) -> None:
        if self._file is None:
            return
        assert self.part is not None
        assert self.path is not None
        try:
            if self._writer is None:  # after a write error the part stays for the next run to cut
                self._file.close()
            else:  # renamed while still locked: unlocked under its .part name, another run could take it
                finish_locked(self._file, self.part, self.path)
        except OSError as exc:
            logger.error("Cannot finish the archive %s: %s", self.part, exc.strerror or exc)
            return
        finally:
            self._file = self._writer = None
        logger.info("Archived %d records to %s", self.stats.get_value(RECORDS, 0), self.path)

    def _recover(self, template: str) -> None:
        """Cut the archives killed runs of this template left after their last whole record; rename them."""
        pattern = "*".join(glob.escape(piece) for piece in _FIELD.split(template.removesuffix(".jsonl")))
        for name in sorted(glob.glob(pattern + "*.warc.gz*.part")):
            part = Path(name)
            match = _OWN_PART.fullmatch(part.name)
            if match is None or part.is_symlink() or not part.is_file():
                continue
            try:
                dropped = _recover_part(part, part.with_name(match["final"]))
            except OSError as exc:
                logger.warning("Cannot recover the archive %s: %s; left as it is", part, exc.strerror or exc)
                continue
            if dropped is not None:
                self.stats.inc_value("news/archive/recovered_files")
                self.stats.inc_value("news/archive/recovered_bytes_dropped", dropped)


def _recover_part(part: Path, final: Path) -> int | None:
    """Cut one killed run's archive at its last whole record and rename it; None when a live run holds it."""
    try:
        handle = part.open("r+b")
    except FileNotFoundError:  # renamed into place by its run (or another run's recovery) since it was listed
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        if not still_named(part, handle):  # its run renamed it into place and closed it after we opened it
            return None
        size = handle.seek(0, os.SEEK_END)
        keep = complete_length(handle)
        if keep != size:
            handle.truncate(keep)
            os.fsync(handle.fileno())
        os.replace(part, final)
    logger.warning("Recovered the archive of a killed run: %s (%d bytes of a cut record dropped)", final, size - keep)
    return size - keep


def _header_pairs(headers: Headers, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Scrapy headers as (name, value) pairs; Transfer-Encoding renamed, as the body is stored de-chunked."""
    pairs: list[tuple[str, str]] = []
    for key, values in headers.items():
        name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if name.lower() in drop:
            continue
        if name.lower() == "transfer-encoding":
            name = "X-Crawler-Transfer-Encoding"
        pairs += [(name, v.decode("latin-1") if isinstance(v, bytes) else str(v)) for v in values]
    return pairs


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
