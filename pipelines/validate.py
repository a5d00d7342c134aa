"""Validation stage: an ``Article`` that breaks the record contract is dropped with a reason.

Extraction already refuses pages that are not articles; this stage guards what downstream tools
rely on regardless of how a record was made: a headline, enough words, a sane publication date
(not in the future, not before 1990, not before the run's date window) and absolute URLs.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Self

from scrapy.exceptions import DropItem

from scraper.items import Article, DropReason
from scraper.reconcile import parse_date

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class ValidationPipeline:
    """Checks required fields, lengths and dates."""

    def __init__(self, crawler: Crawler, min_words: int, max_future: timedelta, since: datetime | None = None) -> None:
        self.crawler = crawler
        self.min_words = min_words
        self.max_future = max_future
        self.since = since  # the start of the run's date window (-a since / -a days)

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
        return cls(crawler, crawler.settings.getint("NEWS_EXTRACT_MIN_WORDS", 50), timedelta(days=days), since)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        problem = self.problem(item)
        if problem is not None:
            reason, detail = problem
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(f"news/drop/{reason}")
            raise DropItem(f"{reason}: {detail}")
        return item

    def problem(self, article: Article) -> tuple[DropReason, str] | None:
        """The first broken rule, or None when the record is fine."""
        if not article.title.strip():
            return DropReason.MISSING_TITLE, "no headline"
        if article.word_count < self.min_words:
            return DropReason.TEXT_TOO_SHORT, f"{article.word_count} words < {self.min_words}"
        if not article.url.startswith(("http://", "https://", "file://")):
            return DropReason.EXTRACTION_FAILED, f"not an absolute URL: {article.url}"
        published = parse_date(article.published)
        if published is not None:
            aware = published if published.tzinfo else published.replace(tzinfo=UTC)
            if aware > datetime.now(UTC) + self.max_future:
                return DropReason.BAD_DATE, f"published {article.published} is in the future"
            if aware.year < 1990:
                return DropReason.BAD_DATE, f"published {article.published} is before 1990"
            if self.since is not None and aware < self.since:
                return DropReason.OUTSIDE_DATE_WINDOW, f"published {article.published} before {self.since:%Y-%m-%d}"
        return None
