"""The crawl state: SQLite backend, the run lock, when a known page is fetched again, near-dups."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scraper import neardup
from scraper.state.incremental import fetch_due
from scraper.state.store import Known, Record, SqliteCrawlState, StateLock, StateLocked

URL = "https://news.example/2026/11/bridge.html"


def record(**fields: object) -> Record:
    values: dict[str, object] = {
        "canonical_url": URL, "content_hash": "a" * 64, "signature": b"sig", "revision": 1,
        "published": "2026-11-03T08:15:00+01:00", "modified": None, "duplicate_of": None,
        "seen_at": "2026-11-25T10:00:00+00:00",
    }  # fmt: skip
    values.update(fields)
    return Record(**values)  # type: ignore[arg-type]


@pytest.fixture
def state(tmp_path: Path) -> Iterator[SqliteCrawlState]:
    backend = SqliteCrawlState(tmp_path / "state" / "news.sqlite3")
    yield backend
    backend.close()


def test_saved_record_is_found_by_every_url_that_led_to_it(state: SqliteCrawlState) -> None:
    amp = "https://news.example/2026/11/bridge.amp.html"
    state.save(record(urls=(amp,), fetched_url=URL, etag='"v1"', last_modified="Tue, 03 Nov 2026 08:00:00 GMT"))
    known = state.lookup(URL)
    assert known is not None
    assert (known.content_hash, known.revision, known.etag) == ("a" * 64, 1, '"v1"')
    via_amp = state.lookup(amp)
    assert via_amp is not None
    assert via_amp.canonical_url == URL
    assert via_amp.etag is None  # validators belong to the URL they came from
    assert state.lookup("https://news.example/other.html") is None


def test_a_new_revision_replaces_hash_and_keeps_first_seen(state: SqliteCrawlState) -> None:
    state.save(record())
    state.save(record(content_hash="b" * 64, revision=2, seen_at="2026-11-26T10:00:00+00:00"))
    known = state.lookup(URL)
    assert known is not None
    assert (known.content_hash, known.revision) == ("b" * 64, 2)
    assert known.first_seen == "2026-11-25T10:00:00+00:00"
    assert known.last_seen == "2026-11-26T10:00:00+00:00"


def test_find_by_hash_ignores_flagged_copies(state: SqliteCrawlState) -> None:
    state.save(record(canonical_url="https://other.example/copy.html", duplicate_of=URL))
    assert state.find_by_hash("a" * 64) is None
    state.save(record())
    assert state.find_by_hash("a" * 64) == URL
    assert [url for url, _ in state.signatures()] == [URL]


def test_touch_updates_seen_and_checked_times(state: SqliteCrawlState) -> None:
    state.save(record())
    state.touch(URL, "2026-11-27T00:00:00+00:00", checked=False)
    known = state.lookup(URL)
    assert known is not None
    assert (known.last_seen, known.checked_at) == ("2026-11-27T00:00:00+00:00", "2026-11-25T10:00:00+00:00")
    state.touch(URL, "2026-11-28T00:00:00+00:00", checked=True, etag='"v2"')
    known = state.lookup(URL)
    assert known is not None
    assert (known.checked_at, known.etag) == ("2026-11-28T00:00:00+00:00", '"v2"')


def test_expire_forgets_articles_and_their_aliases(state: SqliteCrawlState) -> None:
    state.save(record(urls=("https://news.example/old-url.html",)))
    state.save(record(canonical_url="https://news.example/new.html", seen_at="2026-11-30T00:00:00+00:00"))
    assert state.expire("2026-11-29T00:00:00+00:00") == 1
    assert state.lookup(URL) is None
    assert state.lookup("https://news.example/old-url.html") is None
    assert state.lookup("https://news.example/new.html") is not None


def test_state_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite3"
    first = SqliteCrawlState(path)
    first.save(record())
    first.close()
    again = SqliteCrawlState(path)
    assert again.lookup(URL) is not None
    again.close()


def test_second_lock_on_the_same_state_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite3"
    lock = StateLock.acquire(path)
    holder = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; from scraper.state.store import StateLock;"
         f"StateLock.acquire(Path({str(path)!r}))"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert holder.returncode != 0
    assert "another run" in holder.stderr
    with pytest.raises(StateLocked, match="another run"):
        StateLock.acquire(path)  # flock is per open file: the same process is refused too
    lock.release()
    StateLock.acquire(path).release()  # released: the next run may start


def known(**fields: object) -> Known:
    values: dict[str, object] = {
        "canonical_url": URL, "content_hash": "a" * 64, "revision": 1, "first_seen": "2026-11-20T00:00:00+00:00",
        "last_seen": "2026-11-25T00:00:00+00:00", "checked_at": "2026-11-25T00:00:00+00:00",
        "published": "2026-11-20T00:00:00+00:00", "modified": None, "duplicate_of": None, "etag": None,
        "last_modified": None,
    }  # fmt: skip
    values.update(fields)
    return Known(**values)  # type: ignore[arg-type]


NOW = datetime(2026, 11, 25, 6, tzinfo=UTC)
DAY = timedelta(hours=24)


@pytest.mark.parametrize(
    ("hints", "now", "due"),
    [
        ({"lastmod": "2026-11-24T12:00:00Z"}, NOW, False),  # sitemap says unchanged since our check
        ({"lastmod": "2026-11-25T03:00:00Z"}, NOW, True),  # changed after our check
        ({"lastmod": "2026-11-24"}, NOW + 3 * DAY, False),  # lastmod is trusted over the recheck timer
        ({"published": "2026-11-20T00:00:00Z"}, NOW, False),  # same publication date, checked recently
        ({"published": "2026-11-24T00:00:00Z"}, NOW, True),  # re-published later
        ({}, NOW, False),  # no date, checked 6 hours ago
        ({}, NOW + DAY, True),  # no date, recheck due
    ],
)
def test_fetch_due(hints: dict[str, str], now: datetime, due: bool) -> None:
    assert fetch_due(known(), hints, now, DAY) is due


def test_near_duplicate_index_finds_an_edited_copy_not_another_story() -> None:
    story = " ".join(f"Sentence {i} of the harbour bridge story tells what the council decided." for i in range(40))
    edited = story.replace("Sentence 7 of", "A corrected sentence seven of") + " Reporting by Jane Doe."
    other = " ".join(f"Line {i}: the football club signed a new striker from the county." for i in range(40))
    index = neardup.NearDuplicateIndex(0.85)
    index.add(URL, neardup.minhash(story))
    match = index.match(neardup.minhash(edited))
    assert match is not None
    assert match[0] == URL
    assert index.match(neardup.minhash(other)) is None
    assert index.match(neardup.minhash(story), exclude=URL) is None


def test_signatures_round_trip_through_bytes() -> None:
    signature = neardup.minhash("a few words of an article about the harbour")
    again = neardup.decode(neardup.encode(signature))
    assert again.jaccard(signature) == 1.0
