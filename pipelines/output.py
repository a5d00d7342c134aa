"""Output stage: one JSON Lines file per run, never half-written, plus a run summary.

Records go to ``<path>.part`` as Scrapy's ``JsonLinesItemExporter`` writes them (UTF-8, not
ASCII escaped; see :func:`record_line`) and each one is flushed as it is written, so a killed
run keeps every record it wrote.
When the spider closes, the file is renamed into place (``os.replace`` is atomic): a reader that
sees ``<run-id>.jsonl`` sees a finished run. The summary (``<run-id>.summary.json``) is written
the same way when the ``spider_closed`` signal fires, with the close reason and final stats.

The path comes from ``-a output=TEMPLATE``, else ``NEWS_OUTPUT_PATH``; the template may use
``{spider}``, ``{date}`` (UTC, YYYY-MM-DD), ``{run_id}`` and ``{source}``.

With the crawl state on, a record is saved in the state right after it is flushed and synced,
never before: a run killed at any moment has on disk every record the state knows. At start, the
``.part`` files that killed runs of this template left are recovered before anything is written
(``pipelines/recovery.py``: which files are ours, and what happens to lines that are not records).
A ``.part`` file a live run is writing is locked (``flock``) and left alone: it is locked from the
moment it has that name until it is renamed into place (:func:`~scraper.partfiles.open_locked`),
so runs and cluster workers sharing an output folder never take each other's file.

Nothing is written outside the output root (the template's text before its first field): the
``{source}`` field is the source's name as a slug (``../../x`` -> ``x``), and the final path is
checked to fall under the root, symbolic links resolved.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.serialize import ScrapyJSONEncoder

from pipelines.drop import drop
from pipelines.recovery import own_parts, part_path, recover_part, sweep_openings
from scraper.cluster import run_of
from scraper.config import ConfigError
from scraper.items import Article, DropReason
from scraper.partfiles import finish_locked, open_locked
from scraper.state.extension import CrawlStateExtension
from scraper.summary import OUTPUT_NOT_WRITABLE, OUTPUT_PATH, RECORDS, RUN_ID

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from scraper.cluster.claims import RunClaims
    from scraper.cluster.run import ClusterRun

logger = logging.getLogger(__name__)

TEMPLATE_FIELDS = ("spider", "date", "run_id", "source")


def new_run_id(now: datetime) -> str:
    """Sortable and unique enough for runs started in the same second: ``20261125T103000Z-a1b2``."""
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(2)}"


class OutputPipeline:
    """Writes articles to the run's JSON Lines file and the run summary beside it."""

    def __init__(self, crawler: Crawler, template: str, max_articles: int, source_limits: dict[str, int]) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.template = template
        self.max_articles = max_articles
        self.source_limits = source_limits
        self.started = datetime.now(UTC)
        cluster: ClusterRun | None = run_of(crawler)  # a cluster worker names its files after the shared run
        self.run_id = cluster.output_run_id if cluster is not None else new_run_id(self.started)
        self.path: Path | None = None
        self.part: Path | None = None
        self._file: IO[bytes] | None = None
        self._writing = False  # the .part file is open and locked
        self.written = 0
        self.written_by_source: dict[str, int] = {}
        self.run: CrawlStateExtension | None = crawler.get_extension(CrawlStateExtension)
        self.claims: RunClaims | None = None
        if cluster is not None:
            from scraper.cluster.claims import RunClaims  # Redis only in a cluster worker

            self.claims = RunClaims(cluster)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("NEWS_OUTPUT_ENABLED"):
            raise NotConfigured("NEWS_OUTPUT_ENABLED is off")
        template = settings.get("NEWS_OUTPUT_PATH")
        _check_template(template, "NEWS_OUTPUT_PATH")
        _check_writable(output_root(template), crawler)
        max_articles = settings.getint("NEWS_MAX_ARTICLES")
        if max_articles < 0:
            raise ConfigError(f"NEWS_MAX_ARTICLES must be >= 0 (0 = no limit), got {max_articles}")
        source_limits = {str(k): int(v) for k, v in settings.getdict("NEWS_SOURCE_MAX_ARTICLES").items()}
        return cls(crawler, template, max_articles, source_limits)

    def open_spider(self) -> None:
        spider = self.crawler.spider
        assert spider is not None
        template = self.template
        values = {
            "spider": spider.name,
            "date": f"{self.started:%Y-%m-%d}",
            "run_id": self.run_id,
            "source": slug(self.crawler.settings.get("NEWS_RUN_SOURCE_NAME") or "all"),
        }
        self.path = Path(template.format(**values))
        self.part = part_path(self.path, self.run_id)
        self._recover(template)
        try:
            confine(self.path, output_root(template))
            self.part.parent.mkdir(parents=True, exist_ok=True)
            self._file = open_locked(self.part)  # locked before another run's recovery can see it
        except OSError as exc:
            logger.error("Cannot write the output file %s: %s", self.part, exc.strerror or exc)
            self.stats.set_value(OUTPUT_NOT_WRITABLE, 1)
            raise
        self.stats.set_value(OUTPUT_PATH, str(self.path))
        self.stats.set_value(RUN_ID, self.run_id)
        self._writing = True
        logger.info("Writing records to %s (renamed to %s when the run closes)", self.part, self.path.name)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        assert self._writing
        assert self._file is not None
        stats = self.stats
        if self._limit_reached(item):
            drop(stats, DropReason.MAX_ARTICLES, "limit reached")
        if stats.get_value(OUTPUT_NOT_WRITABLE):
            drop(stats, DropReason.NOT_WRITTEN, "the output file could not be written")
        if self.claims is not None:
            self.claims.mark_written(item.canonical_url)  # before the write: see scraper/cluster/claims.py
        try:
            self._file.write(record_line(item))
            self._file.flush()
            if self.run is not None:
                os.fsync(self._file.fileno())  # on disk before the state says it was written
        except OSError as exc:  # disk full, I/O error: the run fails, nothing more is fetched
            self._output_failed(exc)
            drop(stats, DropReason.NOT_WRITTEN, f"writing {self.part}: {exc.strerror or exc}")
        if self.run is not None:
            self.run.commit(item)
        self.written += 1
        self.written_by_source[item.source] = self.written_by_source.get(item.source, 0) + 1
        stats.inc_value(RECORDS)
        stats.inc_value(f"{RECORDS}_by_source/{item.source}")
        if self.max_articles and self.written >= self.max_articles:
            self._close_run("max_articles")
        return item

    def _recover(self, template: str) -> None:
        """Finish the ``.part`` files killed runs of this template left, before this run writes."""
        try:
            sweep_openings(template)
        except OSError as exc:  # a read-only folder: the empty files stay, harmless
            logger.warning("Cannot remove the empty files of runs killed at start: %s", exc.strerror or exc)
        for part in own_parts(template):
            try:
                records = recover_part(part, self.run)
            except OSError as exc:  # unreadable, or its folder read-only: not a reason to stop this run
                logger.warning("Cannot recover %s: %s; left as it is", part, exc.strerror or exc)
                continue
            if records is not None:
                self.stats.inc_value("news/output/recovered_files")
                self.stats.inc_value("news/output/recovered_records", records)

    def _limit_reached(self, item: Article) -> bool:
        if self.max_articles and self.written >= self.max_articles:
            return True
        limit = self.source_limits.get(item.source, 0)
        return bool(limit) and self.written_by_source.get(item.source, 0) >= limit

    def _close_run(self, reason: str) -> None:
        try:
            engine = self.crawler.engine
        except RuntimeError:  # not inside a running crawl: nothing to close
            return
        if engine is not None and engine.spider is not None:
            logger.info("Wrote %d records: closing the run (%s)", self.written, reason)
            deferred_from_coro(engine.close_spider_async(reason=reason))

    def close_spider(self) -> None:
        if not self._writing or self._file is None:
            return
        assert self.part is not None
        assert self.path is not None
        failed = bool(self.stats.get_value(OUTPUT_NOT_WRITABLE))
        try:
            # Renamed while still locked, closed (unlocked) after: unlocked under its .part name, the
            # file would be another run's recovery's to take for a killed run's, and this rename fail.
            if failed:  # a write failed: the last line may be cut; the next run's recovery trims it
                self._file.close()
                logger.warning("The output file stays %s after a write error, for the next run to recover", self.part)
                return
            finish_locked(self._file, self.part, self.path)
        except OSError as exc:  # the .part file keeps what was written; the next run recovers it
            self._output_failed(exc)
            return
        finally:
            self._writing = False
        logger.info("Wrote %d records to %s", self.written, self.path)

    def _output_failed(self, exc: OSError) -> None:
        """Fail the run once: logged, counted for the exit status, and the crawl closed."""
        if not self.stats.get_value(OUTPUT_NOT_WRITABLE):
            logger.error("Cannot write the output file %s: %s; the run stops", self.part, exc.strerror or exc)
            self.stats.set_value(OUTPUT_NOT_WRITABLE, 1)
            self._close_run("output_not_writable")


def output_root(template: str) -> Path:
    """The folder every path of the template falls under: its text before the first field."""
    head = template.split("{", 1)[0]
    return Path(head) if head.endswith(("/", os.sep)) else Path(head).parent


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def slug(name: str) -> str:
    """A source name as one safe folder or file name: ``../../x y`` -> ``x-y``.

    Source names come from a sources file or a URL's host; in ``{source}`` they must not name a
    parent folder, an absolute path, a hidden file or a second folder level.
    """
    text = _UNSAFE.sub("-", name.strip()).strip(".-")
    text = re.sub(r"\.{2,}", ".", text)
    return text[:80] or "source"


def confine(path: Path, root: Path) -> None:
    """Raise ``PermissionError`` unless ``path`` falls under ``root`` (symbolic links resolved)."""
    resolved, top = path.resolve(), root.resolve()
    if not resolved.is_relative_to(top):
        raise PermissionError(f"{path} is outside the output folder {root}")


def _check_writable(root: Path, crawler: Crawler) -> None:
    """Make the output root now, before the crawl starts: a run that cannot write fails at once.

    Found only when the spider opens, the failure would come after Scrapy's own start-up and
    leave tracebacks of its extensions behind our one line.
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if crawler.stats is not None:
            crawler.stats.set_value(OUTPUT_NOT_WRITABLE, 1)
        raise OSError(f"Cannot write the output file under {root}: {exc.strerror or exc}") from None


def _check_template(template: str, where: str) -> None:
    try:
        template.format(**dict.fromkeys(TEMPLATE_FIELDS, "x"))
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"{where}: bad output path template {template!r} ({exc}); fields: {TEMPLATE_FIELDS}") from exc
    if not template.endswith(".jsonl"):
        raise ConfigError(f"{where}: the output path must end in .jsonl, got {template!r}")
    if "{run_id}" not in template:  # without it, each run would replace the last run's file
        raise ConfigError(f"{where}: the output path must contain {{run_id}}, got {template!r}")


_ENCODER = ScrapyJSONEncoder(ensure_ascii=False)


def record_line(article: Article) -> bytes:
    """The record's line, byte for byte as ``JsonLinesItemExporter(fields_to_export=EXPORTED_FIELDS)`` writes it.

    The exporter walks the item through ``ItemAdapter`` and hands every nested dataclass (each
    image) to the encoder's fallback, which adapts it again: 0.8 ms a record, in the crawl
    process. The record's own plain dict costs 0.35 ms and encodes to the same bytes.
    """
    return (_ENCODER.encode(article.to_dict()) + "\n").encode("utf-8")
