"""Scrapy settings of the news scraper, grouped by stage; our own keys start with ``NEWS_``.

Every value here can be overridden per run with ``-s NAME=VALUE``. The defaults are polite:
robots.txt obeyed, AutoThrottle on, at most a few requests per domain at a time, and an honest
User-Agent that says who is crawling and where to read about it.
"""

BOT_NAME = "news_scraper"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# --- Discovery --------------------------------------------------------------------------
DEPTH_LIMIT = 8  # a safety net; NEWS_LINK_DEPTH is the bound that matters
NEWS_FOLLOW_LINKS = True  # follow links on home and section pages (not only feeds/sitemaps)
NEWS_LINK_DEPTH = 3  # link hops from a start page: home -> section -> page 2 -> article
NEWS_MAX_ARTICLES = 0  # stop after this many article records (0 = no limit); -a max_articles
NEWS_MIN_HEADLINE_LINKS = 3  # a page found by a link is followed only with this many headline links (0 = always)
NEWS_MAX_LISTING_PAGES = 200  # listing pages fetched per source, a bound on section crawling
NEWS_MAX_DISCOVERY_BYTES = 10 * 1024 * 1024  # bytes of one sitemap/feed parsed (gzip: decompressed); 0 = all
NEWS_MAX_ENTRIES_PER_DOCUMENT = 50_000  # entries read from one sitemap or feed (the sitemap protocol's maximum)
NEWS_MAX_LINKS_PER_PAGE = 500  # same-site links taken from one page; the rest of the page is not read
NEWS_MAX_URLS_PER_PATH = 100  # distinct query strings of one path followed from page links, per source
NEWS_MAX_URLS_PER_SOURCE = 50_000  # distinct URLs discovered and queued per source; 0 = no limit
NEWS_SINCE = ""  # ISO date: skip sitemap/feed entries and drop articles published before it
NEWS_SOURCES_FILE = "sources.toml"  # read when `scrapy crawl news` gets no url/feed/sitemap
NEWS_URL_DROP_PARAMS: list[str] = []  # query parameters removed from URLs; empty = the built-in list

# --- Fetching ---------------------------------------------------------------------------
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024  # a larger page is aborted, not parsed
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
# Bytes of responses waiting in Scrapy's scraper (for the spider or an extraction worker) before the
# engine starts no new download. Each worker takes one page (about 300 kB on the corpus); Scrapy's
# 5 MB kept about 15 waiting in the crawl process: its peak 131-140 -> 121-133 MB, same pace (bench).
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
# Scrapy starts this many asyncio tasks for the output of every callback, whatever it yields (its 100
# cost about 0.8 ms of the crawl process's CPU per page; 8 cost 0.1). A page yields at most one item,
# and requests are scheduled without waiting, so 8 never holds an item back.
CONCURRENT_ITEMS = 8
DOWNLOADER_MIDDLEWARES = {
    # Scrapy's retries plus Retry-After and exponential backoff (same RETRY_* settings).
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.fetching.retry.RetryAfterMiddleware": 550,
    # robots.txt per RFC 9309 (5xx/unreachable: disallow all; 4xx: allow; 5 redirects; size cap).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scraper.fetching.robotspolicy.Rfc9309RobotsTxtMiddleware": 100,
    # A site is its origin: no request (redirect hops included) to another port of the same host.
    "scraper.fetching.origin.OriginFilterMiddleware": 51,
    # The spider's robots.txt request gets the copy the robots.txt middleware (100) fetched: one download.
    "scraper.fetching.robotstxt.RobotsTxtReuseMiddleware": 101,
    # Scrapy's meta refresh, read from the first 4,096 characters' bytes: no page is decoded whole for it.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "scraper.fetching.metarefresh.PrefixMetaRefreshMiddleware": 580,
    # A redirect back into its own chain ends as redirect_loop (sees the 3xx before Scrapy's 600).
    "scraper.fetching.redirect.RedirectLoopMiddleware": 610,
    # Known article pages: skipped when unchanged, else a conditional GET (after robots.txt, 100).
    "scraper.state.incremental.IncrementalFetchMiddleware": 150,
    # NEWS_ARCHIVE=warc: every response as received, and its request, into the run's .warc.gz (next to the downloader).
    "scraper.fetching.archive.WarcArchiveMiddleware": 950,
}
SPIDER_MIDDLEWARES = {
    # After Scrapy's depth, URL-length and referer middlewares: the max_articles gate (spiders/quota.py).
    "spiders.quota.QuotaMiddleware": 100,
}
EXTENSIONS = {
    "scraper.summary.RunSummary": 0,  # <run-id>.summary.json from the stats when the spider closes
    "scraper.state.extension.CrawlStateExtension": 50,  # lock, open and expire the crawl state first
    "scraper.fetching.nonhtml.NonHtmlFilter": 100,  # stop PDF/image/video downloads after the headers
}
NEWS_RETRY_AFTER_MAX = 120  # seconds; a server asking to wait longer is given up on
NEWS_RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry; doubles each time
NEWS_RETRY_BACKOFF_MAX = 60.0  # seconds; the cap on the backoff
RETRY_ENABLED = True
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"  # the spider logs the failure once, as a WARNING with its reason
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]  # never 404/410
RETRY_TIMES = 3
NEWS_ROBOTSTXT_MAX_BYTES = 500 * 1024  # robots.txt bytes parsed (RFC 9309's minimum), the rest ignored; 0 = all
ROBOTSTXT_OBEY = True
USER_AGENT = "news-scraper/0.1 (+https://github.com/news-scraper/news-scraper; polite news crawler)"

# --- Extraction -------------------------------------------------------------------------
NEWS_EXTRACT_KEEP_PAYWALLED = True  # emit paywalled articles (paywalled: true) with visible text
NEWS_EXTRACT_MAX_BYTES = 15_000_000  # bodies above this are dropped as too_large, unparsed
NEWS_EXTRACT_MAX_WORDS = 100_000  # more words after cleaning: dropped as too_large (0 = no cap)
NEWS_EXTRACT_MIN_WORDS = 50  # fewer words after cleaning: not an article
NEWS_EXTRACT_TIMEOUT = 30.0  # seconds one page may take in a worker: then too_slow, worker replaced (0 = none)
NEWS_MARKDOWN = False  # records also carry `markdown`: the headline and body rendered as Markdown
NEWS_EXTRACT_WORKERS = -1  # extraction processes; -1 = one per CPU, 0 = inline (debugging)

# --- Pipelines --------------------------------------------------------------------------
# The order is the data flow: extract -> validate -> dedup -> output.
ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 100,
    "pipelines.validate.ValidationPipeline": 300,
    "pipelines.dedup.DedupPipeline": 400,
    "pipelines.output.OutputPipeline": 900,
}
NEWS_DEDUP_MODE = "drop"  # a copy of a story under another URL: "drop" it, or "flag" it (duplicate_of)
NEWS_DEDUP_NEAR_THRESHOLD = 0.85  # MinHash (Jaccard) similarity from which texts are the same story
NEWS_VALIDATE_MAX_FUTURE_DAYS = 2  # a published date further ahead than this is bad_date

# --- Crawl state (scheduled runs: emit only what is new or changed) ---------------------
NEWS_STATE_ENABLED = True  # off: every run fetches and emits everything, no lock
NEWS_STATE_PATH = "crawl_state/news.sqlite3"  # one SQLite file; the lock is <path>.lock beside it
NEWS_STATE_RECHECK_HOURS = 24  # a known page without a newer sitemap/feed date is rechecked after this
NEWS_STATE_RETENTION_DAYS = 90  # articles not seen for this long are forgotten at run start

# --- Output -----------------------------------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"  # -O out.jsonl writes UTF-8, not \\u escapes
# Scrapy's exporters, minus the fields an item marks as internal (an Article's fetch facts, MinHash).
FEED_EXPORTERS = {
    "jsonlines": "scraper.exporters.RecordJsonLinesExporter",
    "jsonl": "scraper.exporters.RecordJsonLinesExporter",
    "jl": "scraper.exporters.RecordJsonLinesExporter",
    "json": "scraper.exporters.RecordJsonExporter",
    "csv": "scraper.exporters.RecordCsvExporter",
}
NEWS_OUTPUT_ENABLED = True
NEWS_ARCHIVE = ""  # "warc": also keep every fetched response and its request in <run-id>.warc.gz beside the JSONL
# Where each run writes; fields: {spider}, {date} (YYYY-MM-DD, UTC), {run_id}, {source}.
NEWS_OUTPUT_PATH = "output/{spider}/{date}/{run_id}.jsonl"
# Set by the spider from its arguments and sources, read by the output stage (not for users):
NEWS_SOURCE_MAX_ARTICLES: dict[str, int] = {}  # per-source max_articles from sources.toml
NEWS_RUN_SOURCE_NAME = ""  # the {source} of the output path: the one source's name, or "all"

# --- Many machines (Redis) -------------------------------------------------------------
# Unset: one process, as above. Set (redis://host:6379/0): this worker joins the cluster crawl of
# that name (scraper/cluster/): shared frontier with leases, dupefilter and per-site politeness.
NEWS_REDIS_URL = ""
NEWS_REDIS_CRAWL = "news"  # the crawl's name in Redis: workers with the same name share one run
NEWS_REDIS_IDLE_SECONDS = 10.0  # a worker closes after the whole cluster had no work this long
NEWS_REDIS_LEASE_SECONDS = 60.0  # a dead worker's requests go back to the queue after this
NEWS_REDIS_POLITENESS = True  # DOWNLOAD_DELAY / CONCURRENT_REQUESTS_PER_DOMAIN per site for the cluster
NEWS_REDIS_RUN_TTL_HOURS = 24.0  # a finished run's keys (frontier, dupefilter) are deleted after this
ADDONS = {
    "scraper.cluster.addon.ClusterAddon": 0,  # does nothing unless NEWS_REDIS_URL is set
    # Scrapy's remote control and telnet console are not even imported while their settings are off
    "scraper.addon.SwitchedOffExtensionsAddon": 0,
}

# --- Engine -----------------------------------------------------------------------------
COMMANDS_MODULE = "scraper.commands"  # our `crawl`: exit status 1 when the run failed
LOG_FORMATTER = "scraper.logformatter.NewsLogFormatter"
LOG_LEVEL = "INFO"
# Both run code sent to them from loopback: nothing an unattended crawl should listen for.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
