"""What a correct crawl of the fault site yields, written from the site's own data.

Nothing here comes from our crawler's output: the expected records are the stories the site
renders (``stories.py``), the faults are the routes ``server.py`` serves, and the boilerplate is
the text ``pages.py`` wraps around every article. ``tests/test_crawl_faults.py`` holds a real
``scrapy crawl`` against this.
"""

from __future__ import annotations

from tests.faultsite.pages import AMP_PATH, ARCHIVE_SITEMAPS, OLD_FEED_STORIES, OLD_REDIRECT_PATH
from tests.faultsite.stories import (
    ARCHIVED,
    BROKEN,
    FERRY,
    IN_WINDOW,
    LIBRARY,
    OLD_BRIDGE,
    PIER_PRICES,
    PRIVATE_DRAFT,
    QUOTA,
    STORM,
    Story,
)

SINCE = "2026-11-01"
"""The date window the window crawl uses: every in-window story is on or after it."""

DOWNLOAD_TIMEOUT = 2
"""Seconds; below ``server.SLOW_SECONDS``, so ``/news/slow.html`` can never be fetched."""

EMITTED_IN_WINDOW: tuple[Story, ...] = (*IN_WINDOW, *BROKEN)
"""One record each with ``-a since=SINCE``: the healthy stories (three of them only after
retries), and the malformed and truncated pages, which a lenient parser still reads."""

EMITTED_WITHOUT_WINDOW: tuple[Story, ...] = (*EMITTED_IN_WINDOW, OLD_BRIDGE, *ARCHIVED)
"""Without a window, the old stories too: one is linked from the home page, the others are
found only through archive sitemaps and stale feed entries."""

NEVER_EMITTED: tuple[Story, ...] = (PIER_PRICES, PRIVATE_DRAFT)
"""The slow page times out on every attempt; the draft is disallowed by robots.txt."""

NEVER_REQUESTED_IN_WINDOW: tuple[str, ...] = (
    *ARCHIVE_SITEMAPS,
    *(s.path for s in ARCHIVED),
    *(s.path for s in OLD_FEED_STORIES),
    OLD_BRIDGE.path,  # linked without a date, but its URL says 2025/06
    "/archive/2026/10/",  # the calendar's previous month: its URL says it is older than the window
)
"""Paths a crawl with ``since=SINCE`` must not even request."""

DISALLOWED_PREFIX = "/private/"
"""robots.txt: ``Disallow: /private/`` for every user agent."""

FETCH_FAULTS: dict[str, str] = {
    "/news/slow.html": "timeout",
    "/news/drop.html": "connection_lost",
    "/news/partial.html": "truncated",
    "/news/huge.html": "too_large",
    "/news/gone.html": "http_410",
    "/news/missing.html": "http_404",
    "/news/redirect-chain": "too_many_redirects",
    "/news/redirect-loop": "redirect_loop",
}
"""URLs that never give a page, and the ``fetch_errors`` reason each must be counted under."""

PAGE_DROPS: dict[str, str] = {
    "/news/empty.html": "empty_body",
    "/news/binary.html": "binary_body",
    "/news/annual-report": "not_html",  # a PDF behind an extension-less link
    "/about/": "not_article",
}
"""Pages that were fetched and rejected, and the ``drops`` reason each must be counted under."""

NOT_RETRIED: tuple[str, ...] = ("/news/gone.html", "/news/missing.html")
"""404 and 410: asked for once."""

RETRY_AFTER: dict[str, tuple[int, ...]] = {STORM.path: (2,), QUOTA.path: (1, 1)}
"""Paths answered 503/429 first, with the ``Retry-After`` seconds of each failed answer."""

VARIANTS: dict[str, Story] = {AMP_PATH: FERRY, f"{FERRY.path}?print=1": FERRY, OLD_REDIRECT_PATH: LIBRARY}
"""AMP, print and moved URLs, and the story each is a copy of (emitted once, under its own URL)."""

TRAP_BOUNDS: dict[str, int] = {"/archive/": 40, "/search": 20, "/section/news/": 10}
"""At most this many requests under each endless prefix (calendar, search permutations,
paginated section with sort and session-id variants); the site would serve any number."""

BOILERPLATE: tuple[str, ...] = (
    "We use cookies", "Accept all", "Manage preferences", "We and our 312 partners",
    "Skip to content", "More from the Chronicle", "Read more", "Share this", "Get the Chronicle in your inbox",
    "Sign up for our free morning briefing", "Posted on", "Posted in", "Tagged", "Leave a Reply",
    "Your email address will not be published", "About time somebody asked", "thoughts on",
    "Proudly powered", "Copyright", "All rights reserved", "A fictional newspaper", "Printed from",
    "Back to the article", "View the full site", "Kestrel Point harbour at low tide", "Photo: Chronicle staff",
    "Home \u203a", "Kestrel Point Chronicle ::",
)  # fmt: skip
"""Text from the templates around the articles (banners, captions, related links, comments,
share and newsletter prompts, footers) that must not reach any record's ``text``."""
