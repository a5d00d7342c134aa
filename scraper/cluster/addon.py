"""Turns ``scrapy crawl news`` into a cluster worker when ``NEWS_REDIS_URL`` is set, and does nothing otherwise.

An add-on rather than settings of their own: the scheduler, the cluster extension and the shared
politeness middleware are needed together or not at all, and only Scrapy's add-on step sees every
setting (``-s NEWS_REDIS_URL=...`` included) before the engine picks its scheduler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

SCHEDULER = "scraper.cluster.frontier.ClusterScheduler"
EXTENSION = "scraper.cluster.run.ClusterRun"
POLITENESS = "scraper.cluster.politeness.SharedPolitenessMiddleware"
ROBOTS = "scraper.cluster.robots.SharedRobotsMiddleware"


class ClusterAddon:
    """Installs the Redis scheduler, the cluster run and the shared per-site budget."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("NEWS_REDIS_URL"):
            return  # one process, as before
        settings.set("SCHEDULER", SCHEDULER, priority="addon")
        # Before the crawl state (50) and the output stage: both ask it for the run id and the client.
        settings["EXTENSIONS"].update({EXTENSION: 10})
        # Last before the download handler: the budget is taken as late as possible, once a request
        # is really going out (robots.txt and the crawl state may still drop it before).
        settings["DOWNLOADER_MIDDLEWARES"].update({POLITENESS: 950})
        # Just before it: a robots.txt another worker downloaded this run is answered from Redis, and
        # its answer still passes every middleware's process_response (redirects, stats) as a download.
        settings["DOWNLOADER_MIDDLEWARES"].update({ROBOTS: 940})
