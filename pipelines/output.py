"""Output stage: one JSON Lines file per run, never half-written, plus a run summary.

Records go to ``<path>.part`` through Scrapy's ``JsonLinesItemExporter`` (UTF-8, not ASCII
escaped) and each one is flushed as it is written, so a killed run keeps every record it wrote.
When the spider closes, the file is renamed into place (``os.replace`` is atomic): a reader that
sees ``<run-id>.jsonl`` sees a finished run. The summary (``<run-id>.summary.json``) is written
the same way when the ``spider_closed`` signal fires, with the close reason and final stats.

The path comes from ``-a output=TEMPLATE``, else ``NEWS_OUTPUT_PATH``; the template may use
``{spider}``, ``{date}`` (UTC, YYYY-MM-DD), ``{run_id}`` and ``{source}``.

With the crawl state on, a record is saved in the state right after it is flushed and synced,
never before: a run killed at any moment has on disk every record the state knows. At start, the
``.part`` files that killed runs left in the output tree are recovered before anything is
written: their complete lines are kept (a torn last line is dropped), saved in the state, and the
file is renamed to its final name with a summary whose ``finish_reason`` is ``recovered``. A
``.part`` file a live run is writing is locked (``flock``) and left alone.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import logging
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from scrapy.exceptions import NotConfigured
from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.defer import deferred_from_coro

from pipelines.drop import drop
from scraper.items import EXPORTED_FIELDS, Article, DropReason
from scraper.state.extension import CrawlStateExtension
from scraper.summary import OUTPUT_NOT_WRITABLE, OUTPUT_PATH, RECORDS, RUN_ID, write_json

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

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
        self.run_id = new_run_id(self.started)
        self.path: Path | None = None
        self.part: Path | None = None
        self._file: IO[bytes] | None = None
        self._exporter: JsonLinesItemExporter | None = None
        self.written = 0
        self.written_by_source: dict[str, int] = {}
        self.run: CrawlStateExtension | None = crawler.get_extension(CrawlStateExtension)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("NEWS_OUTPUT_ENABLED"):
            raise NotConfigured("NEWS_OUTPUT_ENABLED is off")
        template = settings.get("NEWS_OUTPUT_PATH")
        _check_template(template, "NEWS_OUTPUT_PATH")
        max_articles = settings.getint("NEWS_MAX_ARTICLES")
        if max_articles < 0:
            raise ValueError(f"NEWS_MAX_ARTICLES must be >= 0 (0 = no limit), got {max_articles}")
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
            "source": self.crawler.settings.get("NEWS_RUN_SOURCE_NAME") or "all",
        }
        self.path = Path(template.format(**values))
        self.part = self.path.with_name(self.path.name + ".part")
        self._recover(output_root(template))
        try:
            self.part.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.part.open("wb")
        except OSError as exc:
            logger.error("Cannot write the output file %s: %s", self.part, exc.strerror or exc)
            self.stats.set_value(OUTPUT_NOT_WRITABLE, 1)
            raise
        self.stats.set_value(OUTPUT_PATH, str(self.path))
        self.stats.set_value(RUN_ID, self.run_id)
        fcntl.flock(self._file, fcntl.LOCK_EX)  # tells a later run's recovery that this file is live
        self._exporter = JsonLinesItemExporter(self._file, encoding="utf-8", fields_to_export=list(EXPORTED_FIELDS))  # type: ignore[arg-type]
        self._exporter.start_exporting()
        logger.info("Writing records to %s (renamed to %s when the run closes)", self.part, self.path.name)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        assert self._exporter is not None
        assert self._file is not None
        stats = self.stats
        if self._limit_reached(item):
            drop(stats, DropReason.MAX_ARTICLES, "limit reached")
        self._exporter.export_item(item)
        self._file.flush()
        if self.run is not None:
            os.fsync(self._file.fileno())  # on disk before the state says it was written
            self.run.commit(item)
        self.written += 1
        self.written_by_source[item.source] = self.written_by_source.get(item.source, 0) + 1
        stats.inc_value(RECORDS)
        stats.inc_value(f"{RECORDS}_by_source/{item.source}")
        if self.max_articles and self.written >= self.max_articles:
            self._close_run("max_articles")
        return item

    def _recover(self, root: Path) -> None:
        """Finish the ``.part`` files of killed runs under ``root`` before this run writes."""
        if not root.is_dir():
            return
        for part in sorted(root.rglob("*.jsonl.part")):
            records = recover_part(part, self.run)
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
        if self._exporter is None or self._file is None:
            return
        self._exporter.finish_exporting()
        self._file.close()
        assert self.part is not None
        assert self.path is not None
        os.replace(self.part, self.path)
        self._exporter = None
        logger.info("Wrote %d records to %s", self.written, self.path)


def output_root(template: str) -> Path:
    """The folder every path of the template falls under: its text before the first field."""
    head = template.split("{", 1)[0]
    return Path(head) if head.endswith(("/", os.sep)) else Path(head).parent


def recover_part(part: Path, run: CrawlStateExtension | None) -> int | None:
    """Keep a killed run's complete records, save them in the state, rename the file into place.

    Returns the number of records kept, or None when a live run holds the file.
    """
    with part.open("r+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        data = handle.read()
        complete = data[: data.rfind(b"\n") + 1]  # a torn last line has no newline: dropped
        if len(complete) != len(data):
            handle.truncate(len(complete))
            os.fsync(handle.fileno())
        records = [record for line in complete.splitlines() if (record := _record(line, part)) is not None]
        if run is not None:
            for record in records:
                run.commit(_article(record))
        final = part.with_name(part.name.removesuffix(".part"))
        run_id = final.name.removesuffix(".jsonl")
        summary = {
            "run_id": run_id, "finish_reason": "recovered", "output": str(final),
            "recovered_at": datetime.now(UTC).isoformat(timespec="seconds"), "records_written": len(records),
            "torn_bytes_dropped": len(data) - len(complete),
        }  # fmt: skip
        target = final.with_name(run_id + ".summary.json")
        if not target.exists():  # a summary the killed run managed to write is the better one
            write_json(target, summary)
        os.replace(part, final)
    logger.warning("Recovered %d records of a killed run: %s", len(records), final)
    return len(records)


def _record(line: bytes, part: Path) -> dict[str, Any] | None:
    try:
        record: dict[str, Any] = json.loads(line)
    except json.JSONDecodeError:
        logger.warning("Recovering %s: a line that is not JSON was left out", part)
        return None
    return record


def _article(record: dict[str, Any]) -> Article:
    """A written record back as an ``Article`` (records of schema 1.0 lack the newer fields)."""
    names = {f.name for f in dataclasses.fields(Article)}
    return Article(**{k: v for k, v in record.items() if k in names})


def _check_template(template: str, where: str) -> None:
    try:
        template.format(**dict.fromkeys(TEMPLATE_FIELDS, "x"))
    except (KeyError, IndexError, ValueError) as exc:
        raise ValueError(f"{where}: bad output path template {template!r} ({exc}); fields: {TEMPLATE_FIELDS}") from exc
    if not template.endswith(".jsonl"):
        raise ValueError(f"{where}: the output path must end in .jsonl, got {template!r}")
    if "{run_id}" not in template:  # without it, each run would replace the last run's file
        raise ValueError(f"{where}: the output path must contain {{run_id}}, got {template!r}")
