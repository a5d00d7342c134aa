"""A Scrapy add-on: the news crawl inside another Scrapy project, with one line of settings.

::

    # settings.py of your project
    ADDONS = {"scraper.addon.NewsAddon": 100}
    SPIDER_MODULES = ["your_project.spiders", "spiders"]  # only to run our `news` spider

then ``scrapy crawl news -a url=https://news.example/`` works there (Scrapy finds spiders before it
loads add-ons, so ``SPIDER_MODULES`` is yours to extend), or your own spiders can yield
:class:`scraper.items.Page` items and get clean records. The add-on puts our components into the
component dicts (your own entries stay: Scrapy merges them by priority) and sets our ``NEWS_*``
defaults and the crawl's politeness and retry settings at the ``addon`` priority, below your
project's: anything you set in ``settings.py`` or with ``-s`` wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scraper import settings as ours

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

# Settings of ours besides NEWS_*: what a polite, restartable news crawl needs to behave as documented.
_PLAIN = (
    "AUTOTHROTTLE_ENABLED", "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY", "DOWNLOAD_MAXSIZE", "DOWNLOAD_WARNSIZE",
    "DEPTH_LIMIT", "RETRY_ENABLED", "RETRY_GIVE_UP_LOG_LEVEL", "RETRY_HTTP_CODES", "RETRY_TIMES",
    "ROBOTSTXT_OBEY", "FEED_EXPORT_ENCODING", "FEED_EXPORT_FIELDS", "LOG_FORMATTER",
)  # fmt: skip
_COMPONENTS = ("ITEM_PIPELINES", "DOWNLOADER_MIDDLEWARES", "EXTENSIONS")


class NewsAddon:
    """Installs the news crawl's pipelines, middlewares, extensions, spider and settings."""

    def update_settings(self, settings: BaseSettings) -> None:
        """Called by Scrapy before the settings are frozen (``ADDONS``)."""
        for name in dir(ours):
            if name.startswith("NEWS_") or name in _PLAIN:
                settings.set(name, getattr(ours, name), priority="addon")
        for name in _COMPONENTS:
            settings[name].update(getattr(ours, name))  # merged with the project's own entries
