"""A state file that is not a crawl state is refused at open, with one message saying what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from scraper.state.store import Record, SqliteCrawlState, StateCorrupt


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite3"
    path.write_bytes(b"not a database at all\n" * 100)
    with pytest.raises(StateCorrupt, match=r"is not a readable crawl state \(file is not a database\)"):
        SqliteCrawlState(path)
    assert path.read_bytes() == b"not a database at all\n" * 100  # left as it was


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    db.commit()
    db.close()
    with pytest.raises(StateCorrupt, match="not a readable crawl state"):
        SqliteCrawlState(path)


def test_damaged_pages_are_found_at_open(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite3"
    state = SqliteCrawlState(path)
    state.db.execute("PRAGMA journal_mode=DELETE")  # one file, so the damage below is in it
    for n in range(300):
        url = f"https://news.example/{n}" + "x" * 200
        state.save(Record(url, f"hash{n}", None, 1, None, None, None, "2026-11-25T10:00:00+00:00"))
    state.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 4 * page] = b"\xa5" * (2 * page)  # overwrite two pages past the header
    path.write_bytes(bytes(data))
    with pytest.raises(StateCorrupt, match="not a readable crawl state"):
        SqliteCrawlState(path)


def test_a_good_state_opens_again(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite3"
    SqliteCrawlState(path).close()
    SqliteCrawlState(path).close()
