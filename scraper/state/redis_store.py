"""The crawl state in Redis: the :class:`~scraper.state.store.CrawlState` of a cluster crawl.

Same facts as the SQLite backend, shared by every worker of ``NEWS_REDIS_CRAWL`` and kept across
its runs: one hash per article (``<prefix>:a:<canonical URL>``: content hash, signature, dates,
revision, validators), one per URL that led to it (``<prefix>:u:<url>``: the canonical URL and
that URL's own validators), and the record of reference of each content hash
(``<prefix>:h:<hash>``, first writer wins). Retention is Redis's own: every key gets an expiry of
``NEWS_STATE_RETENTION_DAYS``, pushed forward whenever a run sees the article again, so
:meth:`expire` has nothing left to do and memory stays bounded without a sweep.

Updates are Lua scripts, so two workers saving the same article cannot interleave half-writes,
and "newer wins" (``last_seen``, ``checked_at``, ``revision``) holds as in SQLite's upsert. If Redis
goes away, a call reports it once through ``on_lost`` (the worker fails and stops) and answers as
an empty state would: a record then is written again by the next run rather than lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import redis

from scraper.state.store import Known, Record

_MAX = """
local function mx(k, f, v)
  local o = redis.call('HGET', k, f) if (not o) or o < v then redis.call('HSET', k, f, v) end
end
"""
_SAVE = (
    _MAX
    + """
local k = KEYS[1]
redis.call('HSETNX', k, 'first_seen', ARGV[5])
redis.call('HSET', k, 'content_hash', ARGV[2], 'duplicate_of', ARGV[4], 'published', ARGV[6], 'modified', ARGV[7])
if ARGV[3] ~= '' then redis.call('HSET', k, 'signature', ARGV[3]) end
mx(k, 'last_seen', ARGV[5]) mx(k, 'checked_at', ARGV[5])
if tonumber(ARGV[8]) > tonumber(redis.call('HGET', k, 'revision') or '0') then
  redis.call('HSET', k, 'revision', ARGV[8])
end
if ARGV[9] ~= '' then redis.call('HSET', k, 'etag', ARGV[9]) end
if ARGV[10] ~= '' then redis.call('HSET', k, 'last_modified', ARGV[10]) end
redis.call('PEXPIRE', k, ARGV[1])
if ARGV[4] == '' then
  local owner = redis.call('GET', KEYS[2])
  if not owner then redis.call('SET', KEYS[2], ARGV[11], 'PX', ARGV[1])
  elseif owner == ARGV[11] then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
end
"""
)
_ALIAS = """
local k = KEYS[1]
if redis.call('HGET', k, 'canonical') ~= ARGV[2] then redis.call('HDEL', k, 'etag', 'last_modified') end
redis.call('HSET', k, 'canonical', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', k, 'etag', ARGV[3]) end
if ARGV[4] ~= '' then redis.call('HSET', k, 'last_modified', ARGV[4]) end
redis.call('PEXPIRE', k, ARGV[1])
"""
_TOUCH = (
    _MAX
    + """
local canonical = redis.call('HGET', KEYS[1], 'canonical')
if not canonical then return 0 end
local a = ARGV[6] .. canonical
if redis.call('EXISTS', a) == 0 then return 0 end
mx(a, 'last_seen', ARGV[2])
if ARGV[3] == '1' then mx(a, 'checked_at', ARGV[2]) end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'etag', ARGV[4]) end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'last_modified', ARGV[5]) end
redis.call('PEXPIRE', a, ARGV[1]) redis.call('PEXPIRE', KEYS[1], ARGV[1])
local h = ARGV[7] .. (redis.call('HGET', a, 'content_hash') or '')
if redis.call('GET', h) == canonical then redis.call('PEXPIRE', h, ARGV[1]) end
return 1
"""
)
_FIELDS = ("content_hash", "revision", "first_seen", "last_seen", "checked_at", "published", "modified", "duplicate_of")


class RedisCrawlState:
    """:class:`~scraper.state.store.CrawlState` in Redis, shared by a cluster crawl's workers."""

    def __init__(
        self, client: redis.Redis, prefix: str, retention_days: float, on_lost: Callable[[Exception], None]
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl_ms = int(retention_days * 86_400_000)
        self.on_lost = on_lost
        self._save = client.register_script(_SAVE)
        self._alias = client.register_script(_ALIAS)
        self._touch = client.register_script(_TOUCH)

    def lookup(self, url: str) -> Known | None:
        return self._guard(lambda: self._lookup(url), None)  # type: ignore[no-any-return]

    def _lookup(self, url: str) -> Known | None:
        found: Any = self.client.hgetall(self._key("u", url))
        alias = _text(found)
        canonical = alias.get("canonical")
        if not canonical:
            return None
        values: Any = self.client.hmget(self._key("a", canonical), _FIELDS)
        if values[0] is None:
            return None  # the article expired; its alias has not yet
        row = dict(zip(_FIELDS, (v.decode() if v is not None else "" for v in values), strict=True))
        return Known(canonical_url=canonical, content_hash=row["content_hash"], revision=int(row["revision"] or 0),
                     first_seen=row["first_seen"], last_seen=row["last_seen"], checked_at=row["checked_at"],
                     published=row["published"] or None, modified=row["modified"] or None,
                     duplicate_of=row["duplicate_of"] or None, etag=alias.get("etag") or None,
                     last_modified=alias.get("last_modified") or None)  # fmt: skip

    def find_by_hash(self, content_hash: str) -> str | None:
        def find() -> str | None:
            value: Any = self.client.get(self._key("h", content_hash))
            return value.decode() if value else None

        return self._guard(find, None)  # type: ignore[no-any-return]

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """Every record of reference's signature (a ``SCAN`` of the article keys, once per worker start)."""
        found: list[tuple[str, bytes]] = []

        def scan() -> None:
            start = len(self._key("a", ""))
            key: Any
            for key in self.client.scan_iter(match=self._key("a", "*"), count=1000):
                fields: Any = self.client.hmget(key, ["signature", "duplicate_of"])
                signature, duplicate_of = fields
                if signature and not duplicate_of:
                    found.append((key.decode()[start:], bytes(signature)))

        self._guard(scan, None)
        yield from found

    def save(self, record: Record) -> None:
        def save() -> None:
            self._save(keys=[self._key("a", record.canonical_url), self._key("h", record.content_hash)],
                       args=[self.ttl_ms, record.content_hash, record.signature or b"", record.duplicate_of or "",
                             record.seen_at, record.published or "", record.modified or "", record.revision,
                             record.etag or "", record.last_modified or "", record.canonical_url])  # fmt: skip
            for url in dict.fromkeys((record.canonical_url, *record.urls)):
                fetched = url == record.fetched_url
                self._alias(keys=[self._key("u", url)],
                            args=[self.ttl_ms, record.canonical_url, (fetched and record.etag) or "",
                                  (fetched and record.last_modified) or ""])  # fmt: skip

        self._guard(save, None)

    def add_alias(self, canonical_url: str, url: str) -> None:
        self._guard(lambda: self._alias(keys=[self._key("u", url)], args=[self.ttl_ms, canonical_url, "", ""]), None)

    def touch(self, url: str, when: str, *, checked: bool, etag: str | None = None,
              last_modified: str | None = None) -> None:  # fmt: skip
        self._guard(lambda: self._touch(keys=[self._key("u", url)],
                                        args=[self.ttl_ms, when, "1" if checked else "0", etag or "",
                                              last_modified or "", self._key("a", ""), self._key("h", "")]),
                    None)  # fmt: skip

    def expire(self, before: str) -> int:
        """Nothing to delete: every key carries its own expiry (``NEWS_STATE_RETENTION_DAYS``)."""
        return 0

    def close(self) -> None:
        """The client belongs to the cluster run, which outlives the state."""

    def _key(self, kind: str, name: str) -> str:
        return f"{self.prefix}:{kind}:{name}"

    def _guard(self, call: Callable[[], Any], failed: Any) -> Any:
        try:
            return call()
        except redis.RedisError as exc:
            self.on_lost(exc)
            return failed


def _text(mapping: dict[bytes, bytes]) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in mapping.items()}
