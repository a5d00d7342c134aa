"""Scheduled runs end to end: `scrapy crawl` twice on one crawl state against a site that changes.

A copy of the demo site is served from a temporary folder. Run 1 writes every article. Between
the runs the site gains a new article, edits one (and bumps its sitemap ``lastmod``, as a CMS
does) and re-publishes another under a second URL. Run 2 must write only the new and the edited
article (as revision 2), fetch nothing unchanged again (a 304 at most: the server's log shows
no body sent twice) and drop the re-published copy. Run 3, right after, requests no article.

Further tests kill a run with SIGKILL and restart it (every article exactly once across the
output files), start a second run while one holds the state (it refuses, exit status 1), and
check the exit status of a run that cannot do its job.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from scraper.demo.server import SITE_DIR, DemoServer
from tests.conftest import PROJECT_ROOT, CrawlResult, run_crawl

pytestmark = pytest.mark.crawl

EDITED = "/news/2026/11/storm-brenna-batters-coast.html"
COPIED = "/news/2026/10/lantern-theatre-reopens.html"
COPY = "/news/2026/12/lantern-theatre-reopens-again.html"
NEW = "/news/2026/12/harbour-master-retires.html"
NEW_SENTENCE = "The council said on Thursday that repairs to the harbour wall will cost £1.2m."

NEW_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour master retires after 31 years | The Harbour Gazette</title>
<link rel="canonical" href="__BASE__{path}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2026-12-01T09:00:00+01:00">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour master retires after 31 years", "datePublished": "2026-12-01T09:00:00+01:00",
 "author": {{"@type": "Person", "name": "Sam Okafor"}}}}</script>
</head><body><main><article>
<h1>Harbour master retires after 31 years</h1>
<p>Captain Ruth Penhallow, who has run Port Wenlow's harbour since 1995, will retire at the end of the
month, the harbour board announced on Monday.</p>
<p>She took over a working port of forty trawlers and leaves a marina with berths for three hundred
yachts, a ferry terminal and a fishing fleet that has shrunk to eleven boats.</p>
<p>"The sea has not changed, but everything on the quay has," she said. "I have seen three bridges,
two storms that took the wall and more harbour fees meetings than anyone should sit through."</p>
<p>The board said it would advertise the post in January and that her deputy, Owen Tregear, would act
as harbour master until a successor is appointed in the spring.</p>
<p>A farewell gathering is planned at the Customs House on 19 December, and the lifeboat crew has said
it will mark her last tide with a sail-past at the harbour mouth.</p>
</article></main></body></html>
"""


@dataclass
class Site:
    """A writable copy of the demo site, served for the module."""

    root: Path
    server: DemoServer

    def edit(self, path: str, old: str, new: str) -> None:
        file = self.root / path.lstrip("/")
        text = file.read_text("utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new), "utf-8")

    def edit_gzip(self, path: str, page: str, lastmod: str) -> None:
        """Give ``page`` a new ``<lastmod>`` in a gzip sitemap."""
        file = self.root / path.lstrip("/")
        text = gzip.decompress(file.read_bytes()).decode("utf-8")
        entry = re.compile(rf"(<loc>__BASE__{re.escape(page)}</loc>\s*<lastmod>)[^<]*(</lastmod>)")
        text, count = entry.subn(rf"\g<1>{lastmod}\g<2>", text)
        assert count == 1
        file.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))

    def article_responses(self, since: int, paths: set[str]) -> dict[str, list[int]]:
        """Statuses the server answered for the given paths, from response number ``since`` on."""
        answered: dict[str, list[int]] = {}
        for raw, status in self.server.responses[since:]:
            path = urlsplit(raw).path
            if path in paths:
                answered.setdefault(path, []).append(status)
        return answered


def change_site(site: Site) -> str:
    """What a newsroom does between two runs: a new story, an edit, a re-published copy.

    The edit is stamped with the real time it is made, as a CMS would: after the first run's
    check, which is what a sitemap ``lastmod`` must beat. Returns that stamp.
    """
    edited_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    (site.root / NEW.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
    (site.root / NEW.lstrip("/")).write_text(NEW_ARTICLE.format(path=NEW), "utf-8")
    copy = (site.root / COPIED.lstrip("/")).read_text("utf-8").replace(COPIED, COPY)
    (site.root / COPY.lstrip("/")).write_text(copy, "utf-8")
    links = f'<li><a href="{NEW}">Harbour master retires</a></li><li><a href="{COPY}">Lantern Theatre</a></li>'
    site.edit("index.html", '<li><a href="/">Home</a></li>', f'<li><a href="/">Home</a></li>{links}')
    site.edit(EDITED, "<p>Nobody was seriously hurt,", f"<p>{NEW_SENTENCE}</p>\n<p>Nobody was seriously hurt,")
    site.edit(EDITED, '"2026-11-12T16:20:00+01:00"', f'"{edited_at}"')  # modified_time
    site.edit_gzip("sitemap-articles.xml.gz", EDITED, edited_at)
    return edited_at


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("changing-site") / "site"
    shutil.copytree(SITE_DIR, root)
    with DemoServer(root=root) as server:
        yield Site(root, server)


@dataclass
class Runs:
    first: CrawlResult
    second: CrawlResult
    third: CrawlResult
    second_answers: dict[str, list[int]]
    third_answers: dict[str, list[int]]
    articles: set[str]
    edited_at: str


@pytest.fixture(scope="module")
def runs(site: Site, tmp_path_factory: pytest.TempPathFactory, demo_truth: dict[str, Any]) -> Runs:
    state = tmp_path_factory.mktemp("state") / "news.sqlite3"
    url = f"url={site.server.base_url}/"
    first = run_crawl(tmp_path_factory.mktemp("run1"), "-a", url, state=state)
    assert first.returncode == 0, first.stderr[-3000:]
    time.sleep(1.1)  # the edit comes strictly after the first run's check (whole seconds)
    edited_at = change_site(site)
    mark = len(site.server.responses)
    second = run_crawl(tmp_path_factory.mktemp("run2"), "-a", url, "-s", "NEWS_STATE_RECHECK_HOURS=0", state=state)
    assert second.returncode == 0, second.stderr[-3000:]
    articles = {a["path"] for a in demo_truth["articles"]} | {NEW, COPY}
    second_answers = site.article_responses(mark, articles)
    mark = len(site.server.responses)
    third = run_crawl(tmp_path_factory.mktemp("run3"), "-a", url, state=state)
    assert third.returncode == 0, third.stderr[-3000:]
    return Runs(first, second, third, second_answers, site.article_responses(mark, articles), articles, edited_at)


def paths(result: CrawlResult) -> list[str]:
    return sorted(urlsplit(r["canonical_url"]).path for r in result.records)


def test_first_run_writes_every_article(runs: Runs, demo_truth: dict[str, Any]) -> None:
    assert paths(runs.first) == sorted(a["path"] for a in demo_truth["articles"])
    assert {r["revision"] for r in runs.first.records} == {1}


def test_second_run_writes_only_the_new_and_the_edited_article(runs: Runs) -> None:
    assert paths(runs.second) == sorted([NEW, EDITED])
    by_path = {urlsplit(r["canonical_url"]).path: r for r in runs.second.records}
    assert by_path[NEW]["revision"] == 1
    assert by_path[EDITED]["revision"] == 2
    assert NEW_SENTENCE in by_path[EDITED]["text"]
    assert by_path[EDITED]["modified"] == runs.edited_at


def test_second_run_downloads_nothing_unchanged_again(runs: Runs) -> None:
    resent = {p: s for p, s in runs.second_answers.items() if 200 in s and p not in (NEW, EDITED, COPY)}
    assert resent == {}
    assert runs.second.summary["drops"].get("unchanged", 0) == 0  # nothing unchanged was even parsed
    assert runs.second_answers[EDITED] == [200]
    assert sum(s.count(304) for s in runs.second_answers.values()) >= 1  # conditional GETs were made
    state = runs.second.summary["state"]
    assert state["not_modified"] + state["skipped_unchanged"] == len(runs.articles) - 3


def test_republished_copy_is_dropped_as_a_duplicate(runs: Runs) -> None:
    # The same drops as the first run (a static page that is not an article), plus the copy.
    assert runs.second.summary["drops"] == {**runs.first.summary["drops"], "duplicate_content": 1}
    assert COPY not in paths(runs.second)


def test_a_run_right_after_requests_no_article(runs: Runs) -> None:
    assert runs.third.records == []
    assert runs.third_answers == {}
    assert runs.third.summary["failed"] is None
    assert runs.third.summary["state"]["skipped_unchanged"] >= len(runs.articles) - 1


# --- killed runs, overlapping runs, exit status ----------------------------------------------


def slow_crawl(base_url: str, out: Path, state: Path, *extra: str) -> subprocess.Popen[str]:
    """A crawl slow enough to be caught mid-way: one request at a time, 0.4 s apart."""
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={base_url}/",
               "-s", f"NEWS_OUTPUT_PATH={out}/{{run_id}}.jsonl", "-s", f"NEWS_STATE_PATH={state}",
               "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.4", "-s", "CONCURRENT_REQUESTS=1",
               "-s", "NEWS_EXTRACT_WORKERS=1", "-s", "TELNETCONSOLE_ENABLED=False", *extra]  # fmt: skip
    return subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)  # fmt: skip


def wait_for_records(out: Path, count: int, process: subprocess.Popen[str], timeout: float = 120) -> int:
    """Block until the run's ``.part`` file holds ``count`` complete lines; return how many."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the run ended before it could be interrupted"
        lines = sum(p.read_bytes().count(b"\n") for p in out.glob("*.jsonl.part"))
        if lines >= count:
            return lines
        time.sleep(0.05)
    raise AssertionError(f"fewer than {count} records after {timeout} s")


def all_records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for file in sorted(out.glob("*.jsonl")) for line in file.read_text("utf-8").splitlines()]


@dataclass
class Interrupted:
    before_kill: int
    refused: subprocess.CompletedProcess[str]
    restart: CrawlResult
    out: Path


@pytest.fixture(scope="module")
def interrupted(demo_site: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Interrupted:
    """Run A is caught after 4 records; run B starts meanwhile; A is SIGKILLed; run C restarts."""
    tmp = tmp_path_factory.mktemp("killed")
    out, state = tmp / "out", tmp / "state" / "news.sqlite3"
    process = slow_crawl(demo_site.base_url, out, state)
    try:
        before_kill = wait_for_records(out, 4, process)
        refused = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={demo_site.base_url}/",
             "-s", f"NEWS_OUTPUT_PATH={tmp}/refused/{{run_id}}.jsonl", "-s", f"NEWS_STATE_PATH={state}"],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert process.stderr is not None
        process.stderr.close()
    restart = run_crawl(tmp, "-a", f"url={demo_site.base_url}/", state=state, out=out)
    assert restart.returncode == 0, restart.stderr[-3000:]
    return Interrupted(before_kill, refused, restart, out)


def test_a_second_run_on_the_same_state_refuses_to_start(interrupted: Interrupted) -> None:
    assert interrupted.refused.returncode == 1
    assert re.search(r"another run \(pid \d+\) is using the crawl state", interrupted.refused.stderr)


def test_after_sigkill_and_restart_every_article_is_written_exactly_once(
    interrupted: Interrupted, demo_truth: dict[str, Any]
) -> None:
    urls = sorted(urlsplit(r["canonical_url"]).path for r in all_records(interrupted.out))
    assert urls == sorted(a["path"] for a in demo_truth["articles"])
    assert not list(interrupted.out.glob("*.part"))  # the killed run's file was finished by the restart
    summaries = [json.loads(p.read_text("utf-8")) for p in interrupted.out.glob("*.summary.json")]
    recovered = [s for s in summaries if s["finish_reason"] == "recovered"]
    assert len(recovered) == 1
    assert recovered[0]["records_written"] >= interrupted.before_kill


def test_jobdir_pause_and_resume_writes_every_article_once(
    demo_site: DemoServer, tmp_path: Path, demo_truth: dict[str, Any]
) -> None:
    out, state, job = tmp_path / "out", tmp_path / "state" / "news.sqlite3", tmp_path / "job"
    process = slow_crawl(demo_site.base_url, out, state, "-s", f"JOBDIR={job}")
    try:
        wait_for_records(out, 2, process)
        process.send_signal(signal.SIGINT)  # Ctrl-C once: Scrapy pauses, keeping its queue in JOBDIR
        assert process.wait(timeout=120) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        assert process.stderr is not None
        process.stderr.close()
    resumed = run_crawl(tmp_path, "-a", f"url={demo_site.base_url}/", "-s", f"JOBDIR={job}", state=state, out=out)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "Resuming crawl" in resumed.stderr
    urls = sorted(urlsplit(r["canonical_url"]).path for r in all_records(out))
    assert urls == sorted(a["path"] for a in demo_truth["articles"])


def test_unreachable_source_fails_the_run(tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", "url=http://127.0.0.1:9/", "-s", "RETRY_TIMES=0")
    assert result.returncode == 1
    assert result.summary["failed"] == "no_source_reachable"
    assert "The run failed: no_source_reachable" in result.stderr


def test_unwritable_output_fails_the_run(tmp_path: Path, demo_site: DemoServer) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    result = run_crawl(tmp_path, "-a", f"url={demo_site.base_url}/", out=blocker / "out")
    assert result.returncode == 1
    assert "Cannot write the output file" in result.stderr


def test_feed_export_only_runs_keep_the_state_too(
    tmp_path: Path, demo_site: DemoServer, demo_truth: dict[str, Any]
) -> None:
    state = tmp_path / "state.sqlite3"
    counts = []
    for run in ("one", "two"):
        feed = tmp_path / f"{run}.jsonl"
        result = run_crawl(tmp_path / run, "-a", f"url={demo_site.base_url}/", "-s", "NEWS_OUTPUT_ENABLED=False",
                           "-O", str(feed), state=state)  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        counts.append(len(feed.read_text("utf-8").splitlines()))
    assert counts == [len(demo_truth["articles"]), 0]


@pytest.mark.parametrize(
    ("args", "last_line"),
    [
        (["-a", "feeds=http://127.0.0.1:9/rss"],
         "error: unknown spider argument(s) feeds; known: url, feed, sitemap, sources, max_articles, since, days"),
        (["-a", "url=notaurl"], "error: not an http(s) URL: 'notaurl' (spider arguments url, feed, sitemap)"),
        (["-a", "url=http://127.0.0.1:9/", "-a", "since=yesterday"],
         "error: -a since must be an ISO 8601 date such as 2025-11-01, got 'yesterday'"),
        (["-a", "url=http://127.0.0.1:9/", "-s", "NEWS_DEDUP_MODE=merge"],
         "error: NEWS_DEDUP_MODE must be one of drop, flag, got 'merge'"),
        (["-s", "NEWS_SOURCES_FILE=missing.toml"], "error: cannot read sources file missing.toml"),
        (["-a", "url=http://127.0.0.1:9/", "-a", "output=out/news.jsonl"],
         "error: NEWS_OUTPUT_PATH: the output path must contain {run_id}, got 'out/news.jsonl'"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], last_line: str) -> None:
    result = run_crawl(tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith(last_line), result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_feed_export_with_the_state_is_never_emptied_by_an_unchanged_run(
    tmp_path: Path, demo_site: DemoServer, demo_truth: dict[str, Any]
) -> None:
    state, feed = tmp_path / "state.sqlite3", tmp_path / "articles.jsonl"
    args = ("-a", f"url={demo_site.base_url}/", "-s", "NEWS_OUTPUT_ENABLED=False", "-O", str(feed))
    results = [run_crawl(tmp_path / run, *args, state=state) for run in ("one", "two")]
    assert [r.returncode for r in results] == [0, 0]
    assert "appending instead of overwriting" in results[1].stderr
    assert len(feed.read_text("utf-8").splitlines()) == len(demo_truth["articles"])


def test_output_that_fills_up_mid_run_fails_the_run(tmp_path: Path, demo_site: DemoServer) -> None:
    """A real write error mid-run (the file-size limit, as a full disk would): counted, exit 1, crawl stopped."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={demo_site.base_url}/",
               "-s", f"NEWS_OUTPUT_PATH={out}/{{run_id}}.jsonl", "-s", "NEWS_STATE_ENABLED=False",
               "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
               "-s", "NEWS_EXTRACT_WORKERS=1"]  # fmt: skip

    def limit_file_size() -> None:  # in the child: writes past 12 kB fail with EFBIG instead of killing it
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (12_000, 12_000))

    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=240, check=False,
                          preexec_fn=limit_file_size)  # fmt: skip
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Cannot write the output file" in done.stderr
    assert "The run failed: output_not_writable" in done.stderr
    (part,) = out.glob("*.jsonl.part")  # what was written stays, for the next run to recover
    assert part.stat().st_size <= 12_000
    assert "'news/drop/not_written'" in done.stderr
