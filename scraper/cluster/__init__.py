"""One crawl across many machines: a shared frontier, leases, politeness and state on Redis.

Off unless ``NEWS_REDIS_URL`` is set; then :mod:`scraper.cluster.addon` swaps in the pieces:
:mod:`~scraper.cluster.run` (the cluster run every worker joins), :mod:`~scraper.cluster.frontier`
(scrapy-redis's scheduler, queue and dupefilter, extended with leases and an end of crawl) and
:mod:`~scraper.cluster.politeness` (one per-site budget for the whole cluster).
"""
