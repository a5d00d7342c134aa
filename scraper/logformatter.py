"""Log lines for dropped items that name the page and the reason, not a 2 MB body.

Scrapy's default ``dropped`` message prints the whole item: for a ``Page`` that is the raw
HTML. We print the URL and the reason instead; counts are in the stats.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import logformatter

from scraper.items import Article, Page

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.http import Response
    from twisted.python.failure import Failure


class NewsLogFormatter(logformatter.LogFormatter):
    """Short, greppable messages for drops and scraped records."""

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> logformatter.LogFormatterResult:
        url = item.final_url if isinstance(item, Page) else getattr(item, "url", "?")
        return {
            "level": logging.INFO,
            "msg": "Dropped %(url)s: %(reason)s",
            "args": {"url": url, "reason": exception},
        }

    def scraped(
        self, item: Any, response: Response | Failure | None, spider: Spider
    ) -> logformatter.LogFormatterResult:
        title = item.title if isinstance(item, Article) else ""
        return {
            "level": logging.DEBUG,
            "msg": "Scraped %(url)s: %(title)s",
            "args": {"url": getattr(item, "url", "?"), "title": title},
        }

    def item_error(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> logformatter.LogFormatterResult:
        """A stage raised on an item: name the item by its URL, never print its body or text.

        Scrapy's default puts the whole item in the line: a 20 MB page body, or an article's text.
        The traceback still follows (Scrapy logs it with the exception).
        """
        url = item.final_url if isinstance(item, Page) else getattr(item, "url", type(item).__name__)
        return {
            "level": logging.ERROR,
            "msg": "Error processing %(url)s",
            "args": {"url": str(url)[:300]},
        }
