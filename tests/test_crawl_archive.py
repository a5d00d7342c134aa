"""End-to-end: `scrapy crawl news -s NEWS_ARCHIVE=warc`, then `scraper extract` the archive.

The demo site is crawled with the archive on; the WARC beside the JSON Lines holds every response
and its request with the headers archives expect, and extracting it gives the crawl's records.
A crawl killed with SIGKILL mid-run leaves an archive that reads to its last whole record, and the
next run of the same output template cuts and renames it.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from scraper.demo.loopback import LoopbackServer
from scraper.demo.server import DemoServer
from scraper.warc import WarcPage, WarcSkip, read_warc
from tests.conftest import PROJECT_ROOT, run_crawl
from tests.test_crawl_workers import article_html, start_crawl, stop, wait_for

pytestmark = pytest.mark.crawl

MAIN_FIELDS = ("canonical_url", "source", "site_name", "title", "authors", "published", "modified", "language",
               "description", "section", "tags", "image", "images", "text", "word_count", "content_hash",
               "body")  # fmt: skip


def warc_records(path: Path) -> list[Any]:
    """(type, headers dict) of every record, read with warcio itself: any WARC reader must read it."""
    with path.open("rb") as handle:
        return [(r.rec_type, dict(r.rec_headers.headers), r.http_headers) for r in ArchiveIterator(handle)]


def test_archived_crawl_extracts_to_the_same_records(demo_site: DemoServer, tmp_path: Path) -> None:
    crawl = run_crawl(tmp_path, "-a", f"url={demo_site.base_url}/", "-s", "NEWS_ARCHIVE=warc")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    archive = crawl.output.with_name(crawl.output.name.replace(".jsonl", ".warc.gz"))
    assert archive.is_file()
    assert not list(archive.parent.glob("*.part"))
    records = warc_records(archive)
    kinds = [kind for kind, _, _ in records]
    assert kinds[0] == "warcinfo"
    assert kinds.count("response") == kinds.count("request") == crawl.summary["pages_fetched"]
    assert crawl.summary["archive"] == {"path": str(archive), "records": len(records), "bytes": archive.stat().st_size}
    ids = {headers["WARC-Record-ID"]: headers for kind, headers, _ in records if kind == "response"}
    for kind, headers, http in records:
        if kind == "response":
            assert headers["WARC-Target-URI"].startswith(demo_site.base_url)
            assert headers["WARC-IP-Address"] == "127.0.0.1"
            assert headers["WARC-Payload-Digest"].startswith("sha1:")
            datetime.fromisoformat(headers["WARC-Date"].replace("Z", "+00:00"))
        elif kind == "request":
            response = ids[headers["WARC-Concurrent-To"]]
            assert response["WARC-Target-URI"] == headers["WARC-Target-URI"]
            assert http.get_header("User-Agent").startswith("news-scraper/")

    out = tmp_path / "again.jsonl"
    extract = subprocess.run(
        [sys.executable, "-m", "scraper", "extract", str(archive), "-o", str(out), "--workers", "2"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert extract.returncode == 0, extract.stderr[-3000:]
    again = {r["url"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    crawled = {r["url"]: r for r in crawl.records}
    assert len(crawled) >= 10
    assert sorted(again) == sorted(crawled)
    for url, record in crawled.items():
        assert {f: again[url][f] for f in MAIN_FIELDS} == {f: record[f] for f in MAIN_FIELDS}, url
        fetched = [datetime.fromisoformat(r["fetched_at"]) for r in (record, again[url])]
        assert abs((fetched[0] - fetched[1]).total_seconds()) <= 5
    assert "skipped/listing=" in extract.stderr
    assert "skipped/request=" in extract.stderr


STORIES = 80
DELAY = 0.4  # seconds per story: the crawl runs for several seconds, long enough to be killed mid-way


class _SlowSite(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/":
            links = "".join(f'<li><a href="/news/story-{i}.html">Story {i}</a></li>' for i in range(STORIES))
            body = f"<html><head><title>Gazette</title></head><body><ul>{links}</ul></body></html>".encode()
        elif self.path.startswith("/news/story-"):
            time.sleep(DELAY)
            body = article_html(int(self.path.split("-")[1].split(".")[0]), 40).encode()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the crawl killed mid-answer: a broken pipe, expected


@pytest.fixture(scope="module")
def slow_site() -> Iterator[str]:
    server = LoopbackServer(lambda address: _QuietServer(address, _SlowSite), name="archive-slow-site")
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


def archived_responses(path: Path) -> int:
    return sum(isinstance(item, WarcPage) for item in read_warc(path, 10**7))


def test_sigkill_mid_crawl_leaves_a_readable_archive_that_the_next_run_recovers(slow_site: str, tmp_path: Path) -> None:
    crawl = start_crawl(tmp_path, slow_site, "-s", "NEWS_ARCHIVE=warc")
    try:
        assert wait_for(lambda: any(crawl.out.glob("*.warc.gz.part")), 120), crawl.stderr()[-3000:]
        (part,) = crawl.out.glob("*.warc.gz.part")
        assert wait_for(lambda: archived_responses(part) >= 10, 120), crawl.stderr()[-3000:]
        os.killpg(crawl.process.pid, signal.SIGKILL)
        crawl.process.wait(timeout=30)
    finally:
        stop(crawl)
    assert part.exists()
    assert not list(crawl.out.glob("*.warc.gz"))
    items = list(read_warc(part, 10**7))
    damage = [item.reason for item in items if isinstance(item, WarcSkip) and item.reason.startswith("malformed/")]
    assert damage in ([], ["malformed/truncated_gzip"])  # at most the record being written when killed
    kept = sum(isinstance(item, WarcPage) for item in items)
    assert kept < STORIES + 2, "the crawl was killed mid-way"
    # As if the kill had come in the middle of writing a record: half a gzip member at the end.
    torn = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + os.urandom(6000))[:3000]
    with part.open("ab") as handle:
        handle.write(torn)
    assert [i.reason for i in read_warc(part, 10**7) if isinstance(i, WarcSkip)][-1] == "malformed/truncated_gzip"

    # The next run of the same output template cuts the killed run's archive and renames it.
    second = start_crawl(tmp_path, slow_site, "-s", "NEWS_ARCHIVE=warc", "-s", "CLOSESPIDER_PAGECOUNT=3")
    try:
        assert second.finish(timeout=240) == 0, second.stderr()[-3000:]
    finally:
        stop(second)
    recovered = part.with_name(part.name.removesuffix(".part"))
    assert recovered.is_file()
    assert not part.exists()
    items = list(read_warc(recovered, 10**7))
    assert not [item for item in items if isinstance(item, WarcSkip) and item.reason.startswith("malformed/")]
    assert sum(isinstance(item, WarcPage) for item in items) == kept
    summary = [s for s in second.summaries() if s.get("archive", {}).get("recovered_files")]
    assert summary
    assert summary[0]["archive"]["recovered_files"] == 1
    assert summary[0]["archive"]["recovered_bytes_dropped"] == len(torn)
    assert len(list(second.out.glob("*.warc.gz"))) == 2
