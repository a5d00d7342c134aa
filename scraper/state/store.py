"""Persistent crawl state: what earlier runs wrote, so a scheduled run emits only what is new.

One row per article (keyed by canonical URL): the content hash and near-duplicate signature
of the text last written, when it was first and last seen, the page's dates, the revision, and
the HTTP validators (``ETag``, ``Last-Modified``) for a conditional GET. Every URL that led to
an article (the canonical one, redirects, syndicated copies) is an *alias* row pointing at it,
with its own validators, because a validator belongs to a URL, not to a story.

:class:`CrawlState` is the interface the crawl components use; :class:`SqliteCrawlState` is the
one backend (stdlib ``sqlite3``, one file, WAL journal). :class:`StateLock` keeps two runs off
the same state: the second one fails at start with :class:`StateLocked`.

Times are ISO 8601 UTC strings of one fixed shape (``2026-11-25T10:00:00+00:00``), so SQLite
compares them as text.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Protocol, Self

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    canonical_url TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    signature BLOB,              -- near-duplicate signature, opaque bytes (scraper.neardup)
    duplicate_of TEXT,           -- set for records emitted as flagged duplicates
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,     -- last run that found it (fetched, 304 or skipped)
    checked_at TEXT NOT NULL,    -- last time its content was confirmed (200 or 304)
    published TEXT,
    modified TEXT,
    revision INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT
);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles (content_hash);
CREATE TABLE IF NOT EXISTS aliases (
    url TEXT PRIMARY KEY,
    canonical_url TEXT NOT NULL REFERENCES articles (canonical_url) ON DELETE CASCADE,
    etag TEXT,
    last_modified TEXT
);
CREATE INDEX IF NOT EXISTS aliases_canonical_url ON aliases (canonical_url);
"""


def utc_now() -> str:
    """Now, in the one timestamp shape the state stores."""
    return stamp(datetime.now(UTC))


def stamp(when: datetime) -> str:
    """A datetime as the state stores it (UTC, seconds)."""
    return when.astimezone(UTC).isoformat(timespec="seconds")


class StateLocked(RuntimeError):  # noqa: N818 - reads as the condition, like scrapy's CloseSpider
    """Another run holds the state's lock; this run must not start."""


class StateCorrupt(RuntimeError):  # noqa: N818 - reads as the condition, like StateLocked
    """The state file is not a readable crawl state (not SQLite, damaged, another schema)."""


@dataclass(slots=True, frozen=True)
class Known:
    """What the state knows about the article a URL leads to."""

    canonical_url: str
    content_hash: str
    revision: int
    first_seen: str
    last_seen: str
    checked_at: str
    published: str | None
    modified: str | None
    duplicate_of: str | None
    etag: str | None  # the validators of the URL that was looked up, not of the article
    last_modified: str | None


@dataclass(slots=True, frozen=True)
class Record:
    """One durably written record, as the state keeps it."""

    canonical_url: str
    content_hash: str
    signature: bytes | None
    revision: int
    published: str | None
    modified: str | None
    duplicate_of: str | None
    seen_at: str
    urls: tuple[str, ...] = ()  # request/final URLs that led to it (the canonical one is added)
    fetched_url: str | None = None  # the URL the validators below came from
    etag: str | None = None
    last_modified: str | None = None


class CrawlState(Protocol):
    """What the crawl needs from a state backend (one run at a time; see :class:`StateLock`)."""

    def lookup(self, url: str) -> Known | None:
        """The article a URL (canonical or alias) leads to, with that URL's validators."""

    def find_by_hash(self, content_hash: str) -> str | None:
        """The canonical URL of the record of reference with this content hash."""

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """``(canonical URL, signature)`` of every record of reference (not flagged copies)."""

    def save(self, record: Record) -> None:
        """Store a written record (insert, or update revision/hash/dates) and its URLs."""

    def add_alias(self, canonical_url: str, url: str) -> None:
        """Remember that ``url`` led to ``canonical_url`` (a syndicated copy, a URL variant)."""

    def touch(self, url: str, when: str, *, checked: bool, etag: str | None = None,
              last_modified: str | None = None) -> None:  # fmt: skip
        """Mark the article behind ``url`` as seen (and confirmed unchanged when ``checked``)."""

    def expire(self, before: str) -> int:
        """Delete articles not seen since ``before``; return how many."""

    def close(self) -> None:
        """Release the backend."""


class SqliteCrawlState:
    """:class:`CrawlState` in one SQLite file (WAL mode, one transaction per write)."""

    def __init__(self, path: Path) -> None:
        """Open (or create) the state; raises :class:`StateCorrupt` when the file is not one.

        Checked at once (``quick_check``, the columns), so a damaged file stops the run at
        start with one message, not halfway through with a database error per page.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)  # autocommit; explicit transactions
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")  # a saved record survives a power cut too
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA)
            problem = _problem(self.db)
        except sqlite3.DatabaseError as exc:
            problem = str(exc)
        if problem:
            self.db.close()
            raise StateCorrupt(
                f"the crawl state {path} is not a readable crawl state ({problem}); this run did not start. "
                f"Move the file aside to keep it, or delete it ({path}*) to start a new state"
            )

    def lookup(self, url: str) -> Known | None:
        row = self.db.execute(
            "SELECT a.canonical_url, a.content_hash, a.revision, a.first_seen, a.last_seen, a.checked_at,"
            " a.published, a.modified, a.duplicate_of, l.etag, l.last_modified"
            " FROM aliases l JOIN articles a ON a.canonical_url = l.canonical_url WHERE l.url = ?",
            (url,),
        ).fetchone()
        return Known(*row) if row else None

    def find_by_hash(self, content_hash: str) -> str | None:
        row = self.db.execute(
            "SELECT canonical_url FROM articles WHERE content_hash = ? AND duplicate_of IS NULL"
            " ORDER BY first_seen LIMIT 1",
            (content_hash,),
        ).fetchone()
        return str(row[0]) if row else None

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        query = "SELECT canonical_url, signature FROM articles WHERE signature IS NOT NULL AND duplicate_of IS NULL"
        for url, signature in self.db.execute(query):
            yield str(url), bytes(signature)

    def save(self, record: Record) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT INTO articles (canonical_url, content_hash, signature, duplicate_of, first_seen, last_seen,"
                " checked_at, published, modified, revision, etag, last_modified)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (canonical_url) DO UPDATE SET content_hash = excluded.content_hash,"
                " signature = coalesce(excluded.signature, signature), duplicate_of = excluded.duplicate_of,"
                " last_seen = max(last_seen, excluded.last_seen), checked_at = max(checked_at, excluded.checked_at),"
                " published = excluded.published, modified = excluded.modified,"
                " revision = max(revision, excluded.revision), etag = coalesce(excluded.etag, etag),"
                " last_modified = coalesce(excluded.last_modified, last_modified)",
                (record.canonical_url, record.content_hash, record.signature, record.duplicate_of, record.seen_at,
                 record.seen_at, record.seen_at, record.published, record.modified, record.revision,
                 record.etag, record.last_modified),
            )  # fmt: skip
            for url in dict.fromkeys((record.canonical_url, *record.urls)):
                validators = (record.etag, record.last_modified) if url == record.fetched_url else (None, None)
                self._alias(record.canonical_url, url, *validators)

    def add_alias(self, canonical_url: str, url: str) -> None:
        with self._transaction():
            self._alias(canonical_url, url, None, None)

    def touch(self, url: str, when: str, *, checked: bool, etag: str | None = None,
              last_modified: str | None = None) -> None:  # fmt: skip
        with self._transaction():
            self.db.execute(
                "UPDATE articles SET last_seen = max(last_seen, :when),"
                " checked_at = CASE WHEN :checked THEN max(checked_at, :when) ELSE checked_at END"
                " WHERE canonical_url = (SELECT canonical_url FROM aliases WHERE url = :url)",
                {"when": when, "checked": checked, "url": url},
            )
            if etag or last_modified:
                self.db.execute(
                    "UPDATE aliases SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)"
                    " WHERE url = ?",
                    (etag, last_modified, url),
                )

    def expire(self, before: str) -> int:
        with self._transaction():
            return self.db.execute("DELETE FROM articles WHERE last_seen < ?", (before,)).rowcount

    def close(self) -> None:
        self.db.close()

    def _alias(self, canonical_url: str, url: str, etag: str | None, last_modified: str | None) -> None:
        """Point ``url`` at ``canonical_url`` (re-pointing it when it led elsewhere before)."""
        self.db.execute(
            "INSERT INTO aliases (url, canonical_url, etag, last_modified) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET canonical_url = excluded.canonical_url,"
            " etag = coalesce(excluded.etag, CASE WHEN canonical_url = excluded.canonical_url THEN etag END),"
            " last_modified = coalesce(excluded.last_modified,"
            " CASE WHEN canonical_url = excluded.canonical_url THEN last_modified END)",
            (url, canonical_url, etag, last_modified),
        )

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)


def _problem(db: sqlite3.Connection) -> str | None:
    """What is wrong with an open state database, or None (damaged pages, missing columns)."""
    check = [str(row[0]) for row in db.execute("PRAGMA quick_check(3)")]
    if check != ["ok"]:
        return "damaged: " + "; ".join(check)
    for table, needed in _COLUMNS.items():
        have = {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}
        if not needed <= have:
            return f"table {table} lacks {sorted(needed - have)}: another program's database"
    return None


_COLUMNS = {
    "articles": {"canonical_url", "content_hash", "signature", "duplicate_of", "first_seen", "last_seen",
                 "checked_at", "published", "modified", "revision", "etag", "last_modified"},
    "aliases": {"url", "canonical_url", "etag", "last_modified"},
}  # fmt: skip


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (or ``ROLLBACK`` on error): one durable write."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")


class StateLock:
    """An exclusive ``fcntl`` lock on ``<state>.lock``: one run per state at a time.

    The kernel drops the lock when the process dies, even by SIGKILL, so a killed run never
    leaves a stale lock behind. The lock file stays (deleting it would race with a new run).
    """

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle: IO[str] | None = handle

    @classmethod
    def acquire(cls, state_path: Path) -> Self:
        path = state_path.with_name(state_path.name + ".lock")
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise StateLocked(
                f"another run (pid {holder}) is using the crawl state {state_path}; this run did not start"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        return cls(path, handle)

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
