"""Exact de-duplication across the workers of a cluster run, decided atomically in Redis.

The dedup stage (``pipelines/dedup.py``) remembers, within a process, which canonical URLs and
which text hashes it already let through. Two workers extracting copies of one story at the same
moment would both pass that check, and the crawl state only learns of a record once it is
written. So a cluster worker also *claims* them for the run: ``SET NX`` of the canonical URL
(value: the URL it was fetched from) and of the text hash (value: the canonical URL). The first
claim wins; a later one by another URL is a duplicate. A request another worker leased and died
on comes back with the same URL and canonical URL, so it finds its own claim and is written, not
lost, unless the dead worker had got as far as writing it: the output stage marks a record
*written* just before it goes to the file (:meth:`RunClaims.mark_written`), and a marked record
that comes back is a ``duplicate_url`` (it is in the dead worker's ``.part`` file, which its next
run recovers). Marking before the write, not after, leaves the kill between the two steps
costing at most a record never written (a window of one serialisation and one ``write``) instead
of one written twice (a window of an ``fsync``, which a kill lands in more often than anywhere
else: the signal takes effect when the call returns). The claims expire with the run
(``NEWS_REDIS_RUN_TTL_HOURS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import redis

from scraper.cluster.run import ClusterRun

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

_CLAIM = """
local owner = redis.call('GET', KEYS[1])
if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return ARGV[1] end
return owner
"""
"""The key's owner: ``ARGV[1]`` if it was free (now claimed), else whoever claimed it first."""


class RunClaims:
    """This worker's view of what the cluster run has already let through the dedup stage."""

    def __init__(self, run: ClusterRun) -> None:
        self.run = run
        self._claim = run.client.register_script(_CLAIM)

    @classmethod
    def of(cls, crawler: Crawler) -> RunClaims | None:
        run = ClusterRun.of(crawler)
        return cls(run) if run is not None else None

    def url_taken(self, canonical_url: str, url: str) -> bool:
        """Whether another URL of the run already stood for ``canonical_url``."""
        owner = self._owner(f"claim:url:{canonical_url}", url)
        return owner is not None and owner != url

    def content_owner(self, content_hash: str, canonical_url: str) -> str | None:
        """The canonical URL that claimed this text first in the run, if not ``canonical_url``."""
        owner = self._owner(f"claim:hash:{content_hash}", canonical_url)
        return owner if owner is not None and owner != canonical_url else None

    def mark_written(self, canonical_url: str) -> None:
        """This worker is about to write the record of ``canonical_url`` to its file."""
        if self.run.is_lost:
            return
        try:
            self.run.client.set(self.run.key(f"claim:written:{canonical_url}"), self.run.output_run_id,
                                px=self.run.ttl_ms)  # fmt: skip
        except redis.RedisError as exc:
            self.run.lost(exc)

    def written(self, canonical_url: str) -> bool:
        """Whether a worker of the run has written (or was writing) the record of ``canonical_url``."""
        if self.run.is_lost:
            return False
        try:
            return bool(self.run.client.exists(self.run.key(f"claim:written:{canonical_url}")))
        except redis.RedisError as exc:
            self.run.lost(exc)
            return False

    def _owner(self, name: str, value: str) -> str | None:
        if self.run.is_lost:
            return None
        try:
            owner: Any = self._claim(keys=[self.run.key(name)], args=[value, self.run.ttl_ms])
        except redis.RedisError as exc:
            self.run.lost(exc)
            return None
        return owner.decode() if isinstance(owner, bytes) else str(owner)
