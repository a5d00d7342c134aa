"""End-to-end: one crawl across three `scrapy crawl news` workers sharing a real Redis.

Each test starts ``redis-server`` on a free 127.0.0.1 port (``tests/redisserver.py``) and the
fault site (``tests/faultsite``), runs worker processes as a user would on three machines (same
arguments, ``-s NEWS_REDIS_URL=...``), and checks the union of the workers' files against the
site's truth and the site's own request log: every in-window article exactly once, no URL fetched
twice except retries, the site's request rate within the configured delay, a SIGKILLed worker's
work finished by the others, a second run incremental, and Redis stopping mid-run as a clean
failure.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import PROJECT_ROOT
from tests.faultsite import truth
from tests.faultsite.server import FLAKY, FaultSite
from tests.redisserver import SKIP_REASON, RedisServer, redis_server_binary

pytestmark = [pytest.mark.crawl, pytest.mark.skipif(redis_server_binary() is None, reason=SKIP_REASON)]

EXPECTED = sorted(s.path for s in truth.EMITTED_IN_WINDOW)
# Fetched more than once by design, in a single-process crawl too: 5xx/429 and timeouts are retried.
RETRIED = {*FLAKY, *truth.FETCH_FAULTS}
TIMEOUT_RETRIES = "reason_count/scrapy.exceptions.DownloadTimeoutError"
TIMEOUT = 2 * truth.DOWNLOAD_TIMEOUT
"""DOWNLOAD_TIMEOUT of the workers: three crawls and their extraction workers on a loaded 2-core
machine answer slower than one, and a robots.txt timing out would (rightly) stop a worker from
crawling the site at all; the slow page is made slower to match, so it still never arrives."""


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def stderr(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


STARTED: list[subprocess.Popen[bytes]] = []


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test() -> Iterator[None]:
    """A test that fails half-way (a stopped victim, a worker still waiting) leaves no process behind."""
    yield
    while STARTED:
        process = STARTED.pop()
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # the worker and its extraction processes
            process.wait(timeout=30)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


@pytest.fixture
def site() -> Iterator[FaultSite]:
    with FaultSite(slow_seconds=2 * TIMEOUT) as server:
        yield server


def start_worker(tmp: Path, number: int, site: FaultSite, redis_url: str, *settings: str) -> Worker:
    """A worker as a user starts it on any machine: the same arguments as the others."""
    tmp.mkdir(parents=True, exist_ok=True)
    log = tmp / f"worker{number}.log"
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={site.base_url}/",
               "-a", f"since={truth.SINCE}", "-s", f"NEWS_REDIS_URL={redis_url}",
               "-s", f"NEWS_OUTPUT_PATH={tmp / 'out' / '{run_id}.jsonl'}",
               "-s", f"NEWS_STATE_PATH={tmp / 'state' / f'worker{number}.sqlite3'}",  # unused: the state is in Redis
               "-s", "NEWS_REDIS_IDLE_SECONDS=1", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
               "-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}", "-s", "NEWS_RETRY_BACKOFF_BASE=0.2",
               "-s", "NEWS_EXTRACT_WORKERS=1", *settings]  # fmt: skip
    with log.open("wb") as err:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=err, start_new_session=True)  # fmt: skip
    STARTED.append(process)
    return Worker(process, log)


def run_cluster(tmp: Path, site: FaultSite, redis_url: str, *settings: str, workers: int = 3) -> list[Worker]:
    started = [start_worker(tmp, n, site, redis_url, *settings) for n in range(1, workers + 1)]
    for worker in started:
        worker.process.wait(timeout=240)
    return started


def records(out: Path, pattern: str = "*.jsonl") -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(out.glob(pattern)) for line in path.read_text("utf-8").splitlines()]


def summaries(out: Path) -> list[dict[str, Any]]:
    return [json.loads(path.read_text("utf-8")) for path in sorted(out.glob("*.summary.json"))]


def paths(found: list[dict[str, Any]]) -> list[str]:
    return sorted(urlsplit(r["canonical_url"]).path for r in found)


def fetched_again(site: FaultSite, which: Any) -> dict[str, int]:
    """Paths (with query) the site was asked for more than once, and how many times more."""
    fetched = Counter(path for method, path, _ in site.requests if method == "GET" and which(path))
    return {path: n - 1 for path, n in fetched.items() if n > 1}


def load_timeouts(site: FaultSite, out: Path) -> int:
    """The workers' timeout retries beyond the slow pages' own (each of their fetches times out).

    A loaded machine may time out on any page, which is then retried (by any worker: a retry is
    queued in Redis); every other page fetched again must be one of those.
    """
    slow = sum(max(0, site.count(path) - 1) for path, reason in truth.FETCH_FAULTS.items() if reason == "timeout")
    return sum(s["retries"].get(TIMEOUT_RETRIES, 0) for s in summaries(out)) - slow


def wait_until(condition: Any, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_three_workers_every_article_once_no_url_twice_and_the_next_run_incremental(
    tmp_path: Path, site: FaultSite, redis_server: RedisServer
) -> None:
    workers = run_cluster(tmp_path / "run1", site, redis_server.url)
    for worker in workers:
        assert worker.process.returncode == 0, worker.stderr[-3000:]
    out = tmp_path / "run1" / "out"
    found = records(out)
    assert paths(found) == EXPECTED  # once each, across the workers' files
    assert site.count(truth.DISALLOWED_PREFIX) == 0  # robots.txt holds for every worker
    files = sorted(p.name for p in out.glob("*.jsonl"))
    run_ids = {name.rsplit("-w", 1)[0] for name in files}
    assert len(files) == 3, files  # one file per worker
    assert len(run_ids) == 1, files  # one run id for the cluster
    again = fetched_again(site, lambda path: path != "/robots.txt" and path.split("?")[0] not in RETRIED)
    assert sum(again.values()) <= load_timeouts(site, out), f"fetched by more than one worker: {again}"
    assert site.count("/robots.txt") == 1  # once for the cluster: the other workers read it from Redis
    assert site.errors == []
    status = subprocess.run([sys.executable, "-m", "scraper", "cluster", "status", "--redis", redis_server.url,
                             "--output", str(out)], capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    report = json.loads(status.stdout)
    assert (report["open"], report["queued"], report["leased"]) == (False, 0, 0)  # over for the whole cluster
    assert (report["workers_joined"], report["workers_finished"]) == (3, 3)
    assert report["records_written"] == len(EXPECTED)
    assert report["failed"] == {}

    site.clear_requests()
    again = run_cluster(tmp_path / "run2", site, redis_server.url)
    for worker in again:
        assert worker.process.returncode == 0, worker.stderr[-3000:]
    assert records(tmp_path / "run2" / "out") == []  # nothing new: the state in Redis says so for every worker
    skipped = sum(s["state"].get("skipped_unchanged", 0) + s["state"].get("not_modified", 0)
                  for s in summaries(tmp_path / "run2" / "out"))  # fmt: skip
    assert skipped >= len(EXPECTED) - 2  # the two malformed pages carry no date to compare
    again = fetched_again(site, lambda path: path in EXPECTED)  # asked again only if a machine under load timed out
    assert sum(again.values()) <= load_timeouts(site, tmp_path / "run2" / "out"), again


def test_the_sites_request_rate_holds_for_the_whole_cluster(
    tmp_path: Path, site: FaultSite, redis_server: RedisServer
) -> None:
    delay = 0.1
    workers = run_cluster(tmp_path, site, redis_server.url, "-s", f"DOWNLOAD_DELAY={delay}",
                          "-s", "DOWNLOAD_DELAY_JITTER=0")  # fmt: skip
    for worker in workers:
        assert worker.process.returncode == 0, worker.stderr[-3000:]
    assert paths(records(tmp_path / "out")) == EXPECTED
    assert site.count(truth.DISALLOWED_PREFIX) == 0
    times = sorted(t for path in {p.split("?")[0] for p in site.paths} for t in site.arrivals(path))
    # What the shared budget guarantees, however late a loaded machine sends: send times reserved in
    # Redis are DOWNLOAD_DELAY apart, and a request holds one of the site's CONCURRENT_REQUESTS_PER_DOMAIN
    # tokens from its reservation to its answer. So the requests arriving in any span S were either
    # reserved in it (at most S / delay + 1) or in flight when it began (at most `tokens`).
    tokens = 4  # CONCURRENT_REQUESTS_PER_DOMAIN, scraper/settings.py
    span = times[-1] - times[0]
    assert len(times) <= span / delay + 1 + tokens, f"{len(times)} requests in {span:.1f} s, delay {delay} s"
    busiest = max(bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times))
    assert busiest <= 1 / delay + 1 + tokens, f"{busiest} requests within one second, limit {1 / delay:.0f}/s"
    assert sum(s["cluster"].get("politeness_waits", 0) for s in summaries(tmp_path / "out")) > 0


def leases(server: RedisServer) -> int:
    """Requests leased in the cluster run (taken by a worker, not yet acked), expired ones included."""
    client = server.client()
    return sum(int(client.zcard(key)) for key in client.scan_iter("*:leases"))


def frozen(pid: int) -> bool:
    """Whether every thread of the process is stopped (SIGSTOP is delivered asynchronously)."""
    states = [(task / "stat").read_text().rsplit(")", 1)[1].split()[0] for task in Path(f"/proc/{pid}/task").iterdir()]
    return all(state in "Tt" for state in states)


def freeze_holding_leases(worker: Worker, server: RedisServer) -> int:
    """Stop ``worker`` (the only one running) at a moment it holds leases; return how many.

    Between two requests a worker may hold none, and a kill then proves nothing about leases.
    Frozen, it can neither ack nor renew, so what Redis shows is exactly what it holds.
    """
    deadline = time.monotonic() + 60
    while True:
        os.killpg(worker.process.pid, signal.SIGSTOP)
        wait_until(lambda: frozen(worker.process.pid))
        if held := leases(server):
            return held
        assert time.monotonic() < deadline, "the worker never held a lease"
        os.killpg(worker.process.pid, signal.SIGCONT)
        time.sleep(0.05)


def test_a_sigkilled_worker_loses_nothing_the_others_finish(
    tmp_path: Path, site: FaultSite, redis_server: RedisServer
) -> None:
    """The victim crawls alone until it holds leases, is frozen with them (so the test knows it
    holds some), the other two join the run and crawl, and the victim is SIGKILLed: its leases
    expire, the others take them back and finish the crawl."""
    slow = ("-s", "DOWNLOAD_DELAY=0.15", "-s", "NEWS_REDIS_LEASE_SECONDS=5")  # a crawl long enough to die in
    # One site token at most for the victim: a dead worker's tokens are only freed after DOWNLOAD_TIMEOUT + 30 s.
    victim = start_worker(tmp_path, 1, site, redis_server.url, *slow, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    wait_until(lambda: len(site.requests) >= 20, timeout=180)
    held = freeze_holding_leases(victim, redis_server)
    others = [start_worker(tmp_path, n, site, redis_server.url, *slow) for n in (2, 3)]
    before = len(site.requests)
    wait_until(lambda: len(site.requests) >= before + 10, timeout=180)  # the others are crawling
    os.killpg(victim.process.pid, signal.SIGKILL)  # the machine is gone: the crawl and its extraction workers
    victim.process.wait(timeout=30)
    for worker in others:
        worker.process.wait(timeout=300)
        assert worker.process.returncode == 0, worker.stderr[-3000:]
    out = tmp_path / "out"
    # What the victim wrote before dying is in its .part file (flushed per record), the others' in their files.
    found = records(out) + records(out, "*.jsonl.part")
    assert paths(found) == EXPECTED  # nothing lost, nothing twice
    assert site.count(truth.DISALLOWED_PREFIX) == 0
    assert len(list(out.glob("*.jsonl.part"))) == 1  # the victim's; the others closed theirs
    reclaimed = sum(s["cluster"].get("leases_reclaimed", 0) for s in summaries(out))
    assert reclaimed >= held, f"{held} leases of the dead worker, {reclaimed} taken back"
    assert leases(redis_server) == 0


def test_redis_stopping_mid_run_is_a_clean_failure(tmp_path: Path, site: FaultSite, redis_server: RedisServer) -> None:
    workers = [start_worker(tmp_path, n, site, redis_server.url, "-s", "DOWNLOAD_DELAY=0.2") for n in (1, 2)]
    # both joined (on a loaded machine the second may start late) and the crawl under way
    wait_until(lambda: all("Joined cluster crawl" in w.stderr for w in workers) and len(site.requests) >= 15)
    redis_server.stop()
    for worker in workers:
        worker.process.wait(timeout=120)
        log = worker.stderr
        assert worker.process.returncode == 1, log[-3000:]
        assert log.count("is gone") == 1, log[-3000:]  # one line says what happened
        assert "Traceback" not in log, log[-3000:]
    out = tmp_path / "out"
    assert list(out.glob("*.part")) == []  # every file renamed into place, whole
    records(out)  # every line is a record
    assert {s["failed"] for s in summaries(out)} == {"redis_unavailable"}


def test_a_worker_without_redis_does_not_start(tmp_path: Path, site: FaultSite) -> None:
    from tests.redisserver import free_port

    worker = start_worker(tmp_path, 1, site, f"redis://127.0.0.1:{free_port()}/0")
    assert worker.process.wait(timeout=60) == 1
    assert "Cannot join the cluster crawl" in worker.stderr
    assert "Traceback" not in worker.stderr
    assert site.requests == []


def test_two_workers_extracting_copies_at_once_write_the_story_once(tmp_path: Path, redis_server: RedisServer) -> None:
    """The race the crawl state cannot see: neither copy is written yet when the other is checked."""
    from scrapy import Spider
    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from pipelines.dedup import DedupPipeline
    from tests.helpers import project_settings
    from tests.test_pipelines_dedup import article

    def worker() -> DedupPipeline:
        crawler = get_crawler(Spider, settings_dict=project_settings(
            NEWS_REDIS_URL=redis_server.url, NEWS_OUTPUT_PATH=str(tmp_path / "{run_id}.jsonl")))  # fmt: skip
        crawler.spider = Spider(name="news")
        return DedupPipeline.from_crawler(crawler)

    one, two = worker(), worker()
    assert one.claims is not None
    assert one.claims.run.run_id == two.claims.run.run_id  # type: ignore[union-attr]
    one.process_item(article("https://news.example/story.html"))
    with pytest.raises(DropItem, match="duplicate_content"):
        two.process_item(article("https://partner.example/copy.html"))  # same text, another URL
    variant = dataclasses.replace(article("https://news.example/story.html"), url="https://news.example/amp/story")
    with pytest.raises(DropItem, match="duplicate_url"):
        two.process_item(variant)  # the same canonical URL reached from another URL
    # A worker that took over the claimer's lease (same URL) still writes the story: nothing lost.
    assert two.process_item(article("https://news.example/story.html")).url == "https://news.example/story.html"
    # Unless the claimer had got as far as writing it (it died after): then it is in the claimer's file.
    one.claims.mark_written("https://news.example/story.html")
    with pytest.raises(DropItem, match="written by another worker"):
        worker().process_item(article("https://news.example/story.html"))
    other = " ".join(f"Line {i}: the ferry timetable changes in winter, with {i} fewer sailings." for i in range(40))
    assert two.process_item(article("https://news.example/other.html", text=other))  # different text: no claim


def test_a_near_copy_another_worker_let_through_is_found_across_workers(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    """Each worker's near-duplicate index holds only its own articles; the run's index in Redis holds all."""
    from scrapy import Spider
    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from pipelines.dedup import DedupPipeline
    from tests.helpers import project_settings
    from tests.test_pipelines_dedup import article

    def worker() -> DedupPipeline:
        crawler = get_crawler(Spider, settings_dict=project_settings(
            NEWS_REDIS_URL=redis_server.url, NEWS_OUTPUT_PATH=str(tmp_path / "{run_id}.jsonl")))  # fmt: skip
        crawler.spider = Spider(name="news")
        return DedupPipeline.from_crawler(crawler)

    story = " ".join(f"Line {i}: the harbour board met on Tuesday and approved {i} new moorings." for i in range(60))
    copy = story.replace("Line 7:", "Line seven:") + " Reporting by a partner agency."  # edited, not identical
    other = " ".join(f"Row {i}: the ferry timetable changes in winter, with {i} fewer sailings." for i in range(60))
    one, two, three = worker(), worker(), worker()
    one.process_item(article("https://news.example/story.html", text=story))
    with pytest.raises(DropItem, match="near_duplicate"):
        two.process_item(article("https://partner.example/copy.html", text=copy))
    assert three.process_item(article("https://news.example/other.html", text=other))  # another story: kept
    # The worker that takes over a dead worker's lease for the original is not a copy of itself,
    # nor of the copy that came after it.
    assert three.process_item(article("https://news.example/story.html", text=story))


def test_a_run_whose_workers_all_stopped_is_abandoned_and_the_next_start_crawls_afresh(
    tmp_path: Path, site: FaultSite, redis_server: RedisServer
) -> None:
    """Workers stopped by a timeout or all killed leave a frontier that never drains: the next cron start
    must not join it (its home page and sitemaps would be dropped as already seen)."""
    import redis

    client = redis.Redis.from_url(redis_server.url)
    old = "20260101T000000Z-dead"
    client.set("news:news:current", old)  # no worker of it says it is alive
    client.sadd(f"news:news:{old}:seen", f"{site.base_url}/", f"{site.base_url}/robots.txt")
    client.zadd(f"news:news:{old}:queue", {b"a request nobody will take": 0})
    (worker,) = run_cluster(tmp_path, site, redis_server.url, workers=1)
    assert worker.process.returncode == 0, worker.stderr[-3000:]
    assert "Joined cluster crawl" in worker.stderr
    assert old not in worker.stderr
    assert paths(records(tmp_path / "out")) == EXPECTED  # crawled from its home page again
    assert client.pttl(f"news:news:{old}:queue") > 0  # the abandoned run's keys expire


def test_cluster_status_says_what_is_wrong_in_one_line(tmp_path: Path, redis_server: RedisServer) -> None:
    import redis

    def status(url: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "scraper", "cluster", "status", "--redis", url, "--output",
                               str(tmp_path)], capture_output=True, text=True, timeout=60, check=False)  # fmt: skip

    bad = status("localhost:6379")  # not a redis:// URL
    assert bad.returncode == 1
    assert "error: Redis at localhost:6379" in bad.stderr
    assert "Traceback" not in bad.stderr
    run_id = "20260101T000000Z-abcd"
    redis.Redis.from_url(redis_server.url).set("news:news:last", run_id)
    (tmp_path / f"{run_id}-w01.summary.json").write_text('{"pages_fetched": 3, "records_written": 2}', "utf-8")
    (tmp_path / f"{run_id}-w02.summary.json").write_text('{"pages_fetch', "utf-8")  # cut short by a crash
    done = status(redis_server.url)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["workers_finished"], report["records_written"]) == (1, 2)
    assert len(report["unreadable_summaries"]) == 1


def test_an_article_seen_again_keeps_its_text_hash_as_long_as_itself(redis_server: RedisServer) -> None:
    """The text-hash key names the article copies are checked against: it must live as long as the article."""
    import redis

    from scraper.state.redis_store import RedisCrawlState
    from scraper.state.store import Record

    client = redis.Redis.from_url(redis_server.url)
    state = RedisCrawlState(client, "news:test:state", retention_days=1, on_lost=lambda exc: None)
    url = "https://news.example/story.html"
    state.save(Record(canonical_url=url, content_hash="h1", signature=None, revision=1, published=None,
                      modified=None, duplicate_of=None, seen_at="2026-12-01T00:00:00+00:00"))  # fmt: skip
    day = 86_400_000
    assert client.pttl("news:test:state:h:h1") > day - 60_000
    client.pexpire("news:test:state:h:h1", 5_000)  # as if saved long ago, the article seen again since
    state.touch(url, "2026-12-02T00:00:00+00:00", checked=True)
    assert client.pttl("news:test:state:h:h1") > day - 60_000
    assert state.find_by_hash("h1") == url
