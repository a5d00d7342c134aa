"""A Scrapy add-on: the news crawl inside another Scrapy project, with one line of settings.

::

    # settings.py of your project
    ADDONS = {"scraper.addon.NewsAddon": 100}

then ``scrapy crawl news -a url=https://news.example/`` works there, or your own spiders can yield
:class:`scraper.items.Page` items and get clean records. The add-on puts our components into the
component dicts (your own entries stay: Scrapy merges them by priority) and sets our ``NEWS_*``
defaults and the crawl's politeness and retry settings at the ``addon`` priority, below your
project's: anything you set in ``settings.py`` or with ``-s`` wins. The defaults and our spider
module are set before any crawler exists (``update_pre_crawler_settings``): the spider reads its
settings when it is made, before Scrapy applies add-ons' ``update_settings``.
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
    "ROBOTSTXT_OBEY", "FEED_EXPORT_ENCODING", "LOG_FORMATTER", "TELNETCONSOLE_ENABLED",
)  # fmt: skip
_COMPONENTS = ("ITEM_PIPELINES", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS")
# Scrapy's components that ours replace (ours: Scrapy's). A project that set Scrapy's own entry
# itself (None to switch it off, another order, or None beside a subclass of its own) has decided
# what runs there: neither entry of the pair is added to its settings.
_DOWNLOADER = "scrapy.downloadermiddlewares"
_REPLACES = {
    "scraper.fetching.retry.RetryAfterMiddleware": f"{_DOWNLOADER}.retry.RetryMiddleware",
    "scraper.fetching.robotspolicy.Rfc9309RobotsTxtMiddleware": f"{_DOWNLOADER}.robotstxt.RobotsTxtMiddleware",
    "scraper.fetching.metarefresh.PrefixMetaRefreshMiddleware": f"{_DOWNLOADER}.redirect.MetaRefreshMiddleware",
}
# Scrapy's extensions that only work when their own setting is on (else they raise NotConfigured).
_SWITCHED = {
    "scrapy.extensions.remote_control.RemoteControl": "REMOTE_CONTROL_ENABLED",
    "scrapy.extensions.telnet.TelnetConsole": "TELNETCONSOLE_ENABLED",
}


class NewsAddon:
    """Installs the news crawl's pipelines, middlewares, extensions, spider and settings."""

    @classmethod
    def update_pre_crawler_settings(cls, settings: BaseSettings) -> None:
        """Our defaults and spider module, before Scrapy makes the spider loader or any spider."""
        for name in dir(ours):
            if name.startswith("NEWS_") or name in _PLAIN:
                settings.set(name, getattr(ours, name), priority="addon")
        modules = settings.getlist("SPIDER_MODULES")
        if "spiders" not in modules:
            settings.set("SPIDER_MODULES", [*modules, "spiders"], priority=settings.getpriority("SPIDER_MODULES") or 0)

    def update_settings(self, settings: BaseSettings) -> None:
        """Our components, merged into the project's (Scrapy sorts each dict by priority).

        Where ours replaces one of Scrapy's and the project set Scrapy's entry itself, the
        project's choice stands (see ``_REPLACES``).
        """
        for name in _COMPONENTS:
            theirs = settings[name]
            mine = dict(getattr(ours, name))
            for path, scrapys in _REPLACES.items():
                if path in mine and scrapys in theirs and path not in theirs:
                    del mine[path], mine[scrapys]
            theirs.update(mine)
        exporters = settings["FEED_EXPORTERS"]  # ours for the formats the project has not set itself
        exporters.update({name: path for name, path in ours.FEED_EXPORTERS.items() if name not in exporters})


class SwitchedOffExtensionsAddon:
    """Leaves Scrapy's extensions that their own setting turns off out of ``EXTENSIONS_BASE``.

    Scrapy imports every path in ``EXTENSIONS_BASE`` (to merge it with ``EXTENSIONS``) before it
    asks each extension whether it is enabled, so an extension that is off is imported all the
    same. The remote control's module imports aiohttp's web server and client at its top: 0.17 s
    of CPU and 10 MB of the crawl process, every run, for an extension our settings turn off
    (``REMOTE_CONTROL_ENABLED = False``). This add-on removes such an extension from the base
    dict when its setting is off, read after ``-s`` and the spider's settings, so a run that turns
    it on (``-s REMOTE_CONTROL_ENABLED=True``) gets it as before, and one listed in
    ``EXTENSIONS`` by the project stays.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        base, listed = settings["EXTENSIONS_BASE"], settings["EXTENSIONS"]
        for path, switch in _SWITCHED.items():
            if not settings.getbool(switch) and path in base and path not in listed:
                base.delete(path, priority="addon")
