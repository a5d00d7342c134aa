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
costing at most a record never written (a window of the Redis round trip, one serialisation and one ``write``) instead
of one written twice (a window of an ``fsync``, which a kill lands in more often than anywhere
else: the signal takes effect when the call returns). The claims expire with the run
(``NEWS_REDIS_RUN_TTL_HOURS``).
"""

from __future__ import annotations

from typing import Any

import redis

from scraper.cluster.run import ClusterRun

_CLAIM = """
local owner = redis.call('GET', KEYS[1])
if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return ARGV[1] end
return owner
"""
"""The key's owner: ``ARGV[1]`` if it was free (now claimed), else whoever claimed it first."""


_NEAR = """
local mine = redis.call('HGET', KEYS[1], ARGV[1])
local fresh = not mine
if fresh then
  mine = redis.call('HINCRBY', KEYS[1], '#', 1)
  redis.call('HSET', KEYS[1], ARGV[1], mine)
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
end
mine = tonumber(mine)
local out, seen = {}, {}
for i = 4, #ARGV do
  local members = redis.call('HGET', KEYS[2], ARGV[i])
  if members then
    for url in string.gmatch(members, '[^\\n]+') do
      if not seen[url] and url ~= ARGV[1] then
        seen[url] = true
        local seq = tonumber(redis.call('HGET', KEYS[1], url))
        if seq and seq < mine then
          table.insert(out, url) table.insert(out, seq) table.insert(out, redis.call('HGET', KEYS[3], url))
        end
      end
    end
  end
  if fresh then redis.call('HSET', KEYS[2], ARGV[i], (members or '') .. ARGV[1] .. '\\n') end
end
for k = 1, 3 do redis.call('PEXPIRE', KEYS[k], ARGV[3]) end
return out
"""
"""Index the article (``ARGV[1]``, signature ``ARGV[2]``) under its LSH bands ``ARGV[4:]`` unless
it is already, and return the (URL, order, signature) of every article indexed before it that
shares a band: one script, so of two copies checked at the same moment exactly one comes first."""


class RunClaims:
    """This worker's view of what the cluster run has already let through the dedup stage."""

    def __init__(self, run: ClusterRun) -> None:
        self.run = run
        self._claim = run.client.register_script(_CLAIM)
        self._near = run.client.register_script(_NEAR)

    def url_taken(self, canonical_url: str, url: str) -> bool:
        """Whether another URL of the run already stood for ``canonical_url``."""
        owner = self._owner(f"claim:url:{canonical_url}", url)
        return owner is not None and owner != url

    def content_owner(self, content_hash: str, canonical_url: str) -> str | None:
        """The canonical URL that claimed this text first in the run, if not ``canonical_url``."""
        owner = self._owner(f"claim:hash:{content_hash}", canonical_url)
        return owner if owner is not None and owner != canonical_url else None

    def near_candidates(self, canonical_url: str, signature: bytes, bands: list[str]) -> list[tuple[str, int, bytes]]:
        """Articles of the run indexed before this one that share an LSH band with it (earliest first).

        The near-duplicate index of one worker holds only what that worker let through; the
        run's index in Redis holds every worker's, so a copy another worker extracted is found.
        """
        if self.run.is_lost:
            return []
        keys = [self.run.key("near:order"), self.run.key("near:bands"), self.run.key("near:signatures")]
        try:
            flat: list[Any] = self._near(keys=keys, args=[canonical_url, signature, self.run.ttl_ms, *bands])
        except redis.RedisError as exc:
            self.run.lost(exc)
            return []
        triples = zip(flat[::3], flat[1::3], flat[2::3], strict=True)
        found = [(_text(url), int(order), bytes(data)) for url, order, data in triples]
        return sorted(found, key=lambda candidate: candidate[1])

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


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
