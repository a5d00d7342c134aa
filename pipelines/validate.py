"""Validation stage: an ``Article`` that breaks the record contract is dropped with a reason.

Extraction already refuses pages that are not articles; the contract itself (headline, words,
dates, URLs) is :class:`scraper.validation.RecordRules`, shared with ``scraper extract``. This
stage reads its limits from the settings, counts each drop and raises ``DropItem``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from pipelines.drop import drop
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
        return cls(crawler, RecordRules.from_settings(crawler.settings))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        problem = self.rules.problem(item)
        if problem is not None:
            assert self.crawler.stats is not None
            drop(self.crawler.stats, *problem)
        return item
