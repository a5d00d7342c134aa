"""One crawl across many machines: a shared frontier, leases, politeness and state on Redis.

Off unless ``NEWS_REDIS_URL`` is set; then :mod:`scraper.cluster.addon` swaps in the pieces:
:mod:`~scraper.cluster.run` (the cluster run every worker joins), :mod:`~scraper.cluster.frontier`
(scrapy-redis's scheduler, queue and dupefilter, extended with leases and an end of crawl) and
:mod:`~scraper.cluster.politeness` (one per-site budget for the whole cluster).

This package's root holds only the registry of each crawler's run, so that the pipelines and
the state extension can ask "is this a cluster worker?" without importing the Redis client
(0.1 s and some megabytes in every single-process crawl); they import the Redis pieces when
the answer is yes.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Crawler -> its ClusterRun (typed ``Any`` here: naming the class would import the Redis client,
# and the layering rules forbid the import circle a typing-only import would make).
_RUNS: weakref.WeakKeyDictionary[Crawler, Any] = weakref.WeakKeyDictionary()


def run_of(crawler: Crawler) -> Any:
    """The crawler's :class:`~scraper.cluster.run.ClusterRun`, or None (one process).

    Usable while extensions are still being made (before Scrapy's ``get_extension()`` works).
    Callers state the type: ``cluster: ClusterRun | None = run_of(crawler)``.
    """
    return _RUNS.get(crawler)
