"""De-duplication stage: each story once, within a run and across scheduled runs.

Request-level duplicates are Scrapy's dupefilter's job; these are the ones it cannot see:

- the same canonical URL reached twice in a run (a redirect, an AMP or print variant):
  ``duplicate_url``;
- an article an earlier run already wrote, with the same text: ``unchanged``; with other text it
  is emitted again as the next ``revision``, with ``modified`` set;
- the same story under another URL (syndication, re-publication, URL variants the canonical
  link does not resolve): the exact normalised-text hash (``duplicate_content``), or MinHash
  similarity at or above ``NEWS_DEDUP_NEAR_THRESHOLD`` (``near_duplicate``). With
  ``NEWS_DEDUP_MODE=flag`` such a copy is emitted with ``duplicate_of`` instead of dropped.

The first URL of a story stays the record of reference; the others become its aliases in the
crawl state. Without a state (``NEWS_STATE_ENABLED=False``) only the in-run checks apply.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING, Any, NoReturn, Self

from pipelines.drop import drop
from scraper import neardup
from scraper.cluster import run_of
from scraper.config import ConfigError
from scraper.items import Article, DropReason
from scraper.state.extension import CrawlStateExtension
from scraper.state.store import utc_now

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from scraper.cluster.claims import RunClaims
    from scraper.cluster.run import ClusterRun
    from scraper.neardup import MinHash

logger = logging.getLogger(__name__)

MODES = ("drop", "flag")


class DedupPipeline:
    """Drops (or flags) duplicates and unchanged articles; numbers revisions of changed ones."""

    def __init__(self, crawler: Crawler, mode: str, threshold: float, run: CrawlStateExtension | None) -> None:
        if mode not in MODES:
            raise ConfigError(f"NEWS_DEDUP_MODE must be one of {', '.join(MODES)}, got {mode!r}")
        self.crawler = crawler
        self.mode = mode
        self.run = run
        self.urls: dict[str, str] = {}  # canonical URL -> the URL first emitted for it (this run)
        self.hashes: dict[str, str] = {}  # content hash -> canonical URL of the reference (this run)
        self.near = neardup.NearDuplicateIndex(threshold)
        self.claims: RunClaims | None = None
        cluster: ClusterRun | None = run_of(crawler)
        if cluster is not None:  # a cluster worker: the same checks for the whole run
            from scraper.cluster.claims import RunClaims  # Redis only in a cluster worker

            self.claims = RunClaims(cluster)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        mode = str(settings.get("NEWS_DEDUP_MODE"))
        threshold = settings.getfloat("NEWS_DEDUP_NEAR_THRESHOLD")
        return cls(crawler, mode, threshold, crawler.get_extension(CrawlStateExtension))

    def open_spider(self) -> None:
        """Index the signatures earlier runs wrote, so a copy of an old story is found too."""
        if self.run is None:
            return
        for key, data in self.run.state.signatures():
            self.near.add(key, neardup.decode(data))
        logger.info("Near-duplicate index: %d articles from earlier runs", len(self.near))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        if item.canonical_url in self.urls or (self.claims and self.claims.url_taken(item.canonical_url, item.url)):
            self._drop(DropReason.DUPLICATE_URL, item.canonical_url)
        if self.claims and self.claims.written(item.canonical_url):  # a dead worker's lease, written before it died
            self._drop(DropReason.DUPLICATE_URL, f"{item.canonical_url} (written by another worker)")
        # Computed by the extraction worker (neardup.signature); only an item made elsewhere lacks it.
        signature = neardup.decode(item.signature) if item.signature else neardup.minhash(item.text)
        item = self._revision(item)
        reference = self._reference(item, signature)
        if reference is not None:
            reason, of = reference
            if self.mode == "drop":
                self._remember_copy(of, item)
                self._drop(reason, f"same story as {of}")
            self._count(f"news/dedup/flagged_{reason}")
            item = dataclasses.replace(item, duplicate_of=of)
        else:
            self.hashes.setdefault(item.content_hash, item.canonical_url)
            self.near.add(item.canonical_url, signature)
        self.urls[item.canonical_url] = item.url
        return dataclasses.replace(item, signature=neardup.encode(signature))  # saved with the record

    def _remember_copy(self, of: str, item: Article) -> None:
        """Alias a dropped copy's URLs to the story it copies, once that story is in the state.

        A reference this run has not written yet (still in the pipeline) gets no alias: the state
        must never hold what is not on disk. The copy is then recognised again next time.
        """
        if self.run is None or self.run.state.lookup(of) is None:
            return
        self.run.state.add_alias(of, item.url)
        self.run.state.add_alias(of, item.canonical_url)

    def _revision(self, item: Article) -> Article:
        """An article an earlier run wrote: drop it if unchanged, else number the new revision."""
        if self.run is None:
            return item
        known = self.run.state.lookup(item.canonical_url)
        if known is None or known.canonical_url != item.canonical_url:
            return item  # new, or only an alias of another story: the content checks decide
        if known.content_hash == item.content_hash:
            fetch = item.fetch
            self.run.state.touch(item.canonical_url, utc_now(), checked=True,
                                 etag=fetch.etag if fetch else None,
                                 last_modified=fetch.last_modified if fetch else None)  # fmt: skip
            self._drop(DropReason.UNCHANGED, item.canonical_url)
        self._count("news/dedup/revised")
        # The text changed: a modified date the page did not move is stale, so the fetch time stands in.
        modified = item.modified if item.modified and item.modified != known.modified else item.fetched_at
        return dataclasses.replace(
            item, revision=known.revision + 1, modified=modified, duplicate_of=known.duplicate_of
        )

    def _reference(self, item: Article, signature: MinHash) -> tuple[DropReason, str] | None:
        """The record of reference this article copies, and how it was recognised."""
        of = self.hashes.get(item.content_hash)
        if of is None and self.claims is not None:
            of = self.claims.content_owner(item.content_hash, item.canonical_url)
        if of is None and self.run is not None:
            of = self.run.state.find_by_hash(item.content_hash)
        if of is not None and of != item.canonical_url:
            return DropReason.DUPLICATE_CONTENT, of
        match = self.near.match(signature, exclude=item.canonical_url) or self._cluster_match(item, signature)
        if match is not None:
            logger.debug("%s is %.2f similar to %s", item.canonical_url, match[1], match[0])
            return DropReason.NEAR_DUPLICATE, match[0]
        return None

    def _cluster_match(self, item: Article, signature: MinHash) -> tuple[str, float] | None:
        """The first article of the cluster run (any worker's) this one is similar enough to."""
        if self.claims is None:
            return None
        bands = self.near.bands(signature)
        for url, _, data in self.claims.near_candidates(item.canonical_url, neardup.encode(signature), bands):
            similarity = self.near.similar(signature, neardup.decode(data))
            if similarity is not None:
                return url, similarity
        return None

    def _drop(self, reason: DropReason, detail: str) -> NoReturn:
        assert self.crawler.stats is not None
        drop(self.crawler.stats, reason, detail)

    def _count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key)
