"""End-to-end: `scrapy crawl news` whose extraction workers are killed, hang, or outlive the crawl.

A small news site on 127.0.0.1 (a home page linking ``ARTICLES`` distinct article pages, and
optionally one legal page of tens of thousands of paragraphs that takes long to extract) is
crawled in a subprocess with two workers. The tests find the workers as children of the crawl
process (``/proc``) and kill them as the OOM killer does, kill the crawl itself, or press
Ctrl-C on its whole process group, then check what came out, what was counted and which
processes are left.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import pytest

from scraper.demo.loopback import LoopbackServer
from scraper.summary import failure_reason
from tests.conftest import PROJECT_ROOT
from tests.test_extraction_workers import alive, children, cpu_ticks, long_page, wait_for

pytestmark = pytest.mark.crawl

ARTICLES = 30
SLOW_PARAGRAPHS = 60_000  # about 15 s of extraction here: far over the crawl's 3 s budget below
_WORDS = (
    "council harbour bridge budget ferry market school river station museum library garden tram "
    "mayor festival winter summer storm police court hospital street village tower island farmers "
    "workers union minister report plan vote road rail airport village coast forest season theatre "
    "price rent housing water power energy climate flood drought trade port fishing shop bakery "
    "team league match coach player stadium crowd night morning evening week month year people "
    "families children teachers"
)
VOCABULARY = _WORDS.split()


def article_html(number: int, paragraphs: int = 120) -> str:
    """A plain article page with text of its own (no two are near-duplicates)."""
    rng = random.Random(number)
    body = "".join(
        f"<p>{' '.join(rng.choice(VOCABULARY) for _ in range(14)).capitalize()}.</p>" for _ in range(paragraphs)
    )
    title = f"Story number {number} of the harbour town"
    return (
        f'<html lang="en"><head><title>{title} | Gazette</title><meta property="og:type" content="article">'
        f'<meta property="og:site_name" content="Gazette">'
        f'<meta property="article:published_time" content="2026-11-03T08:{number % 60:02d}:00+01:00"></head>'
        f"<body><article><h1>{title}</h1><p class=byline>By Ann Reporter</p>{body}</article></body></html>"
    )


class _Site(ThreadingHTTPServer):
    slow: bytes | None = None  # the long read's page, when the site has one
    paragraphs = 120  # per story
    stories = ARTICLES


class _Handler(BaseHTTPRequestHandler):
    server: _Site

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == "/":
            stories = range(self.server.stories)
            links = "".join(f'<li><a href="/news/story-{i}.html">Story {i}</a></li>' for i in stories)
            if self.server.slow is not None:
                links += '<li><a href="/news/long-read.html">The long read</a></li>'
            self._send(f"<html><head><title>Gazette</title></head><body><ul>{links}</ul></body></html>".encode())
        elif (match := re.fullmatch(r"/news/story-(\d+)\.html", path)) and int(match[1]) < self.server.stories:
            self._send(article_html(int(match[1]), self.server.paragraphs).encode())
        elif path == "/news/long-read.html" and self.server.slow is not None:
            self._send(self.server.slow)
        else:
            self.send_error(404)

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The article site with long stories (about 0.3 s of extraction each here), without the slow page."""

    def make(address: tuple[str, int]) -> _Site:
        httpd = _Site(address, _Handler)
        httpd.paragraphs = 1500
        return httpd

    server = LoopbackServer(make, name="workers-site")
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def slow_site() -> Iterator[str]:
    """The article site plus one page that takes long to extract."""

    def make(address: tuple[str, int]) -> _Site:
        httpd = _Site(address, _Handler)
        httpd.slow = long_page(SLOW_PARAGRAPHS, "The long read").encode()
        return httpd

    server = LoopbackServer(make, name="workers-slow-site")
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


@dataclass
class Crawl:
    """A `scrapy crawl` subprocess, its output folder and its log file."""

    process: subprocess.Popen[bytes]
    out: Path
    log: Path

    def records(self) -> list[dict[str, Any]]:
        return [
            json.loads(line) for f in sorted(self.out.glob("*.jsonl")) for line in f.read_text("utf-8").splitlines()
        ]

    def summaries(self) -> list[dict[str, Any]]:
        return [json.loads(f.read_text("utf-8")) for f in sorted(self.out.glob("*.summary.json"))]

    def written(self) -> int:
        return sum(f.read_bytes().count(b"\n") for f in self.out.glob("*.jsonl*") if ".summary" not in f.name)

    def stderr(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def workers(self) -> list[int]:
        return [pid for pid, command in children(self.process.pid).items() if "spawn_main" in command]

    def finish(self, timeout: float = 300) -> int:
        return self.process.wait(timeout=timeout)


def start_crawl(
    tmp: Path, base_url: str, *extra: str, state: Path | None = None, stdout: int | IO[bytes] = subprocess.DEVNULL
) -> Crawl:
    """`scrapy crawl news` on the site with two workers, in its own session (its own Ctrl-C group)."""
    out, log, state = tmp / "out", tmp / "crawl.log", state or tmp / "state" / "news.sqlite3"
    tmp.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={base_url}/",
               "-s", f"NEWS_OUTPUT_PATH={out}/{{run_id}}.jsonl", "-s", f"NEWS_STATE_PATH={state}",
               "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "NEWS_EXTRACT_WORKERS=2",
               "-s", "TELNETCONSOLE_ENABLED=False", *extra]  # fmt: skip
    with log.open("wb") as err:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=stdout, stderr=err, start_new_session=True)
    return Crawl(process, out, log)


def stop(crawl: Crawl) -> None:
    """Kill whatever is left of a crawl's session (after a failed assertion: orphans too); else a no-op."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(crawl.process.pid, signal.SIGKILL)
    crawl.process.wait(timeout=30)


def stat(stderr: str, name: str) -> int:
    """A value from Scrapy's stats dump at the end of the log (0 when absent)."""
    match = re.search(rf"'{re.escape(name)}': (\d+)", stderr)
    return int(match[1]) if match else 0


def story_paths(records: list[dict[str, Any]]) -> list[str]:
    return sorted(urlsplit(r["canonical_url"]).path for r in records)


EVERY_STORY = sorted(f"/news/story-{i}.html" for i in range(ARTICLES))


def wait_for_a_busy_worker(crawl: Crawl) -> int:
    """A worker that is using the CPU, so extracting a page (they are all warm by now)."""
    while crawl.process.poll() is None:
        for pid in crawl.workers():
            before = cpu_ticks(pid)
            if wait_for(lambda: cpu_ticks(pid) > before, 0.1):  # noqa: B023 (called at once)
                return pid
    raise AssertionError("the crawl ended before a worker could be killed")


def test_a_worker_killed_mid_run_loses_no_article(site: str, tmp_path: Path) -> None:
    crawl = start_crawl(tmp_path, site, "-s", "CONCURRENT_REQUESTS=2")
    try:
        assert wait_for(lambda: crawl.written() >= 2 or crawl.process.poll() is not None, 180)
        victim = wait_for_a_busy_worker(crawl)
        os.kill(victim, signal.SIGKILL)
        assert crawl.finish() == 0, crawl.stderr()[-3000:]
    finally:
        stop(crawl)
    stderr = crawl.stderr()
    assert story_paths(crawl.records()) == EVERY_STORY  # each one once
    (summary,) = crawl.summaries()
    assert summary["failed"] is None
    assert "worker_died" not in summary["drops"]
    assert stat(stderr, "news/extract/workers/died") == 1
    assert stat(stderr, "news/extract/workers/started") == 3
    assert "BrokenProcessPool" not in stderr
    assert re.search(rf"Extraction worker {victim} died (before it got a page|\(exit code -9\) on )", stderr)
    assert max(len(line) for line in stderr.splitlines()) < 5000, "a log line holds a page body"
    print(f"worker {victim} killed; retried pages: {stat(stderr, 'news/extract/workers/retried')}; "
          f"records: {len(crawl.records())} of {ARTICLES}")  # fmt: skip


def test_a_page_over_the_time_budget_is_dropped_as_too_slow_and_the_rest_comes_out(
    slow_site: str, tmp_path: Path
) -> None:
    crawl = start_crawl(tmp_path, slow_site, "-s", "NEWS_EXTRACT_TIMEOUT=3")
    try:
        assert crawl.finish() == 0, crawl.stderr()[-3000:]
    finally:
        stop(crawl)
    stderr = crawl.stderr()
    assert story_paths(crawl.records()) == EVERY_STORY
    (summary,) = crawl.summaries()
    assert summary["drops"] == {"too_slow": 1}
    assert summary["failed"] is None
    assert stat(stderr, "news/extract/workers/timed_out") == 1
    assert re.search(r"Extraction of \S+/news/long-read\.html took over 3 s", stderr)
    assert max(len(line) for line in stderr.splitlines()) < 5000, "a log line holds a page body"


def test_a_crawl_whose_only_article_is_too_slow_fails(tmp_path: Path) -> None:
    def make(address: tuple[str, int]) -> _Site:
        httpd = _Site(address, _Handler)
        httpd.slow, httpd.stories = long_page(SLOW_PARAGRAPHS, "The long read").encode(), 0
        return httpd

    server = LoopbackServer(make, name="workers-one-slow-page")
    server.start()
    try:
        crawl = start_crawl(tmp_path, server.base_url, "-s", "NEWS_EXTRACT_TIMEOUT=3")
        try:
            assert crawl.finish() == 1, crawl.stderr()[-3000:]
        finally:
            stop(crawl)
    finally:
        server.stop()
    (summary,) = crawl.summaries()
    assert (summary["failed"], summary["drops"]) == ("nothing_extracted", {"too_slow": 1})
    assert summary["records_written"] == 0
    assert "The run failed: nothing_extracted" in crawl.stderr()


def test_a_run_that_extracted_nothing_because_of_its_workers_fails() -> None:
    stats = {"downloader/response_status_count/200": 3, "news/extract/pages": 2, "news/drop/too_slow": 1,
             "news/drop/worker_died": 1}  # fmt: skip
    assert failure_reason(stats) == "nothing_extracted"
    assert failure_reason({**stats, "news/extract/articles": 1}) is None
    listings_only = {"downloader/response_status_count/200": 3, "news/extract/pages": 2, "news/drop/not_article": 2}
    assert failure_reason(listings_only) is None


def test_sigkill_of_the_crawl_leaves_no_process_and_closes_its_stdout(slow_site: str, tmp_path: Path) -> None:
    crawl = start_crawl(tmp_path, slow_site, stdout=subprocess.PIPE)  # as in `scrapy crawl ... | tail`
    try:
        assert wait_for(lambda: len(crawl.workers()) == 2 and crawl.written() >= 1, 180), crawl.stderr()[-3000:]
        descendants = [*children(crawl.process.pid)]  # the workers (no resource tracker: see worker_process.py)
        descendants += [pid for child in descendants for pid in children(child)]
        os.kill(crawl.process.pid, signal.SIGKILL)
        crawl.process.wait(timeout=30)
        assert wait_for(lambda: not any(alive(pid) for pid in descendants), 10), [p for p in descendants if alive(p)]
        assert crawl.process.stdout is not None
        readable, _, _ = select.select([crawl.process.stdout], [], [], 10)
        assert readable, "something still holds the crawl's stdout open"
        assert crawl.process.stdout.read() == b""  # end of file: no process left writing to the pipe
    finally:
        stop(crawl)
        if crawl.process.stdout is not None:
            crawl.process.stdout.close()
    print(f"processes of the crawl: {len(descendants)}; all gone after SIGKILL")


def test_ctrl_c_then_a_jobdir_resume_loses_no_page_in_flight(site: str, tmp_path: Path) -> None:
    job, state = tmp_path / "job", tmp_path / "state" / "news.sqlite3"
    # One request at a time, 0.3 s apart: pages are still queued (in JOBDIR) when Ctrl-C comes, others in extraction.
    slow = ("-s", "CONCURRENT_REQUESTS=1", "-s", "DOWNLOAD_DELAY=0.3")
    first = start_crawl(tmp_path / "first", site, "-s", f"JOBDIR={job}", *slow, state=state)
    try:
        assert wait_for(lambda: first.written() >= 2 or first.process.poll() is not None, 180)
        busy = wait_for_a_busy_worker(first)
        at_ctrl_c = first.written()
        os.killpg(first.process.pid, signal.SIGINT)  # Ctrl-C in a terminal: the crawl *and* its workers get it
        assert first.finish() == 0, first.stderr()[-3000:]
    finally:
        stop(first)
    stderr = first.stderr()
    assert "Received SIGINT, shutting down gracefully" in stderr
    (paused,) = first.summaries()
    assert "worker_died" not in paused["drops"]
    assert stat(stderr, "news/extract/workers/died") == 0, f"worker {busy} died of the Ctrl-C"
    extracted = stat(stderr, "news/extract/pages")
    assert extracted == len(first.records()) + sum(paused["drops"].values())  # every page in flight came out
    second = start_crawl(tmp_path / "second", site, "-s", f"JOBDIR={job}", state=state)
    try:
        assert second.finish() == 0, second.stderr()[-3000:]
    finally:
        stop(second)
    assert "Resuming crawl" in second.stderr()
    assert story_paths(first.records() + second.records()) == EVERY_STORY  # each one once, across the two runs
    print(f"Ctrl-C at {at_ctrl_c} records, {len(first.records())} once the pages in flight were done; "
          f"the resume wrote {len(second.records())}")  # fmt: skip
