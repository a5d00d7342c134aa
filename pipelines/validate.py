"""Validation stage: an ``Article`` that breaks the record contract is dropped with a reason.

Extraction already refuses pages that are not articles; the contract itself (headline, words,
dates, URLs) is :class:`scraper.validation.RecordRules`, shared with ``scraper extract``. This
stage reads its limits from the settings, counts each drop and raises ``DropItem``.
"""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import TYPE_CHECKING, Any, Self

from scrapy.exceptions import DropItem

from scraper.dates import parse_date
from scraper.items import Article
from scraper.validation import RecordRules

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class ValidationPipeline:
    """Checks required fields, lengths and dates."""

    def __init__(self, crawler: Crawler, rules: RecordRules) -> None:
        self.crawler = crawler
        self.rules = rules

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        days = crawler.settings.getint("NEWS_VALIDATE_MAX_FUTURE_DAYS", 2)
        if days < 0:
            raise ValueError(f"NEWS_VALIDATE_MAX_FUTURE_DAYS must be >= 0, got {days}")
        since_raw = crawler.settings.get("NEWS_SINCE") or None
        since = parse_date(since_raw) if since_raw else None
        if since_raw and since is None:
            raise ValueError(f"NEWS_SINCE must be an ISO 8601 date, got {since_raw!r}")
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        min_words = crawler.settings.getint("NEWS_EXTRACT_MIN_WORDS", 50)
        return cls(crawler, RecordRules(min_words, timedelta(days=days), since))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        problem = self.rules.problem(item)
        if problem is not None:
            reason, detail = problem
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(f"news/drop/{reason}")
            raise DropItem(f"{reason}: {detail}")
        return item
