"""The knobs of the extraction stage, apart from the code they steer.

The crawl process, ``scraper extract`` and the Python API build these from settings; only the
extraction workers read them. Kept out of :mod:`scraper.extraction.article` so that reading the
options needs none of the extraction code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from scraper import settings as defaults
from scraper.config import ConfigError

if TYPE_CHECKING:
    from scraper.config import SettingsReader


@dataclass(slots=True, frozen=True)
class ExtractionOptions:
    """Knobs of the extraction stage (``NEWS_EXTRACT_*`` settings; defaults in ``scraper/settings.py``)."""

    min_words: int = defaults.NEWS_EXTRACT_MIN_WORDS  # fewer words than this and a page is not an article
    max_bytes: int = defaults.NEWS_EXTRACT_MAX_BYTES  # larger bodies are rejected before parsing
    include_tables: bool = True
    keep_paywalled: bool = defaults.NEWS_EXTRACT_KEEP_PAYWALLED  # emit paywalled articles (flagged)
    max_words: int = defaults.NEWS_EXTRACT_MAX_WORDS  # more words than this: too_large, not a record (0 = no cap)
    timeout: float | None = defaults.NEWS_EXTRACT_TIMEOUT or None  # seconds per page in a worker; None = no limit
    prune: bool = True  # remove marked boilerplate before trafilatura; off only to measure what it costs
    markdown: bool = defaults.NEWS_MARKDOWN  # also render the body as Markdown (the record's markdown field)
    sign: bool = False  # set Article.signature (MinHash) in the worker: the crawl's dedup stage then only compares

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> ExtractionOptions:
        """The options a crawl or ``scraper extract`` runs with."""
        options = cls(
            min_words=settings.getint("NEWS_EXTRACT_MIN_WORDS"),
            max_bytes=settings.getint("NEWS_EXTRACT_MAX_BYTES"),
            keep_paywalled=settings.getbool("NEWS_EXTRACT_KEEP_PAYWALLED"),
            max_words=settings.getint("NEWS_EXTRACT_MAX_WORDS"),
            timeout=settings.getfloat("NEWS_EXTRACT_TIMEOUT") or None,
            markdown=settings.getbool("NEWS_MARKDOWN"),
        )
        if options.min_words < 0 or options.max_bytes <= 0:
            raise ConfigError("NEWS_EXTRACT_MIN_WORDS must be >= 0 and NEWS_EXTRACT_MAX_BYTES > 0")
        if options.max_words < 0 or (options.timeout or 0) < 0:
            raise ConfigError("NEWS_EXTRACT_MAX_WORDS and NEWS_EXTRACT_TIMEOUT must be >= 0 (0 = no limit)")
        return options
