"""Two runs archiving into one folder (cluster workers): neither takes the other's live ``.part`` archive.

Each run starts by recovering the archives killed runs left, taking any ``.part`` file it can lock. The second
run's recovery is hooked into the first run's most exposed moments: just before it locks its new archive, and
just before it renames its finished one into place (code review of session 43: the archive was made, then
locked; closed, then renamed, as the JSON Lines output was).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

from scraper.fetching.archive import WarcArchiveMiddleware
from scraper.summary import OUTPUT_PATH, RUN_ID
from tests.helpers import project_settings
from tests.test_pipelines_output_hostile import OTHER, RUN, once


def archive(tmp_path: Path, run_id: str) -> WarcArchiveMiddleware:
    settings = project_settings(NEWS_ARCHIVE="warc", NEWS_OUTPUT_PATH=str(tmp_path / "{run_id}.jsonl"))
    crawler = get_crawler(Spider, settings_dict=settings)
    crawler.spider = Spider(name="news")
    middleware = WarcArchiveMiddleware.from_crawler(crawler)
    middleware.stats.set_value(OUTPUT_PATH, str(tmp_path / f"{run_id}.jsonl"))
    middleware.stats.set_value(RUN_ID, run_id)
    return middleware


def assert_both_whole(first: WarcArchiveMiddleware, second: WarcArchiveMiddleware, tmp_path: Path) -> None:
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{RUN}.warc.gz", f"{OTHER}.warc.gz"]
    assert not second.stats.get_value("news/archive/recovered_files")
    assert first.stats.get_value("news/archive/records") == 1  # its warcinfo record, written and kept


def test_a_run_starting_as_another_creates_its_archive_leaves_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = archive(tmp_path, RUN), archive(tmp_path, OTHER)
    monkeypatch.setattr(fcntl, "flock", once(second.spider_opened, fcntl.flock))
    first.spider_opened()
    first.spider_closed()
    second.spider_closed()
    assert_both_whole(first, second, tmp_path)


def test_a_run_starting_as_another_closes_its_archive_leaves_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = archive(tmp_path, RUN), archive(tmp_path, OTHER)
    first.spider_opened()
    monkeypatch.setattr(os, "replace", once(second.spider_opened, os.replace, lambda src, dst: Path(src) == first.part))
    first.spider_closed()
    second.spider_closed()
    assert_both_whole(first, second, tmp_path)
