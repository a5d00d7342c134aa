"""The extraction pool on real pages and real worker processes: deaths, hangs, signals, orphans.

Workers are killed here as the OOM killer does (SIGKILL), while they extract a page; a page
over its time budget is a real page that takes long to extract (many paragraphs), not a hook.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scraper.extraction.article import extract_article
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.workers import ExtractorPool
from scraper.items import Article, DropReason, Rejection
from tests.helpers import make_page, project_settings
from tests.test_pipelines_extract import ARTICLE_HTML

PROJECT_ROOT = Path(__file__).resolve().parents[1]
WORDS = ["harbour", "bridge", "commuters", "promenade", "council", "budget", "ferry"]


def long_page(paragraphs: int, title: str = "Long") -> str:
    """A legal article page whose extraction takes long: about 0.25 ms of CPU per paragraph here."""
    body = "".join(f"<p>{' '.join(WORDS[(i + j) % 7] for j in range(10))} {i}.</p>" for i in range(paragraphs))
    return (
        f"<html lang=en><head><title>{title}</title><meta property='og:type' content='article'></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


# --- /proc helpers, shared with the crawl tests -------------------------------------------


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # fields from the state on; the name may hold spaces


def alive(pid: int) -> bool:
    """A process that exists and is not a zombie waiting for its reaper.

    Every thread counts: after SIGKILL the main thread can show as a zombie while another is still
    exiting and holding the process's files (so its parent has not yet seen the pipe close).
    """
    fields = _stat(pid)
    if fields is None or fields[0] in ("Z", "X"):
        return fields is not None and _any_thread_running(pid)
    return True


def _any_thread_running(pid: int) -> bool:
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return False
    for task in tasks:
        try:
            state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in ("Z", "X"):
            return True
    return False


def cpu_ticks(pid: int) -> int:
    """User plus system CPU time of a process, in clock ticks (0 when it is gone)."""
    fields = _stat(pid)
    return int(fields[11]) + int(fields[12]) if fields else 0


def children(pid: int) -> dict[int, str]:
    """Live child processes of ``pid``: pid -> command line."""
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if (
            entry.name.isdigit()
            and (fields := _stat(int(entry.name)))
            and int(fields[1]) == pid
            and alive(int(entry.name))
        ):
            try:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
    return found


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` pass (a bound, not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def wait_busy(pid: int, ticks: int = 20) -> None:
    """Wait until a warm worker has spent ``ticks`` more CPU ticks: it is extracting a page."""
    start = cpu_ticks(pid)
    assert wait_for(lambda: cpu_ticks(pid) - start >= ticks), "the worker never started on the page"


# --- the tests ------------------------------------------------------------------------------


@pytest.fixture
def pool_factory() -> Iterator[Callable[..., ExtractorPool]]:
    pools: list[ExtractorPool] = []

    def make(workers: int = 1, **options: object) -> ExtractorPool:
        pool = ExtractorPool(workers, ExtractionOptions(**options))  # type: ignore[arg-type]
        pools.append(pool)
        assert isinstance(pool.submit(make_page(ARTICLE_HTML)).result(timeout=120), Article)  # warm: imports done
        return pool

    yield make
    for pool in pools:
        pool.close()


def test_workers_give_the_inline_article(pool_factory: Callable[..., ExtractorPool]) -> None:
    pool = pool_factory(workers=2)
    pages = [make_page(ARTICLE_HTML, url=f"https://news.example/{i}.html") for i in range(6)]
    results = [f.result(timeout=120) for f in [pool.submit(p) for p in pages]]
    assert results == [extract_article(p) for p in pages]
    assert pool.counts == {"started": 2}


def test_a_worker_killed_mid_page_is_replaced_and_the_page_retried(pool_factory: Callable[..., ExtractorPool]) -> None:
    pool = pool_factory(workers=1)
    (pid,) = pool.pids
    future = pool.submit(make_page(long_page(8000)))
    wait_busy(pid)
    os.kill(pid, signal.SIGKILL)
    result = future.result(timeout=300)
    assert isinstance(result, Article)
    assert result.word_count > 80_000
    assert pool.counts == {"started": 2, "died": 1, "retried": 1}
    assert pool.pids != [pid]
    assert not alive(pid)


def test_a_page_that_kills_its_worker_twice_is_dropped_as_worker_died(
    pool_factory: Callable[..., ExtractorPool],
) -> None:
    pool = pool_factory(workers=1)
    (first,) = pool.pids
    start_up = cpu_ticks(first)  # what a worker spends importing (and on one small page)
    future = pool.submit(make_page(long_page(8000)))
    wait_busy(first)
    os.kill(first, signal.SIGKILL)
    assert wait_for(lambda: pool.pids not in ([], [first]))
    (second,) = pool.pids
    # A worker that dies before it is ready costs the page nothing: kill this one once it works on the page.
    assert wait_for(lambda: cpu_ticks(second) >= start_up + 40)
    os.kill(second, signal.SIGKILL)
    result = future.result(timeout=120)
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.WORKER_DIED
    assert "exit code -9" in result.detail
    assert isinstance(pool.submit(make_page(ARTICLE_HTML)).result(timeout=120), Article)  # the pool goes on


def test_an_idle_worker_that_died_is_replaced_without_a_retry(pool_factory: Callable[..., ExtractorPool]) -> None:
    pool = pool_factory(workers=1)
    (pid,) = pool.pids
    os.kill(pid, signal.SIGKILL)
    assert wait_for(lambda: not alive(pid))
    assert isinstance(pool.submit(make_page(ARTICLE_HTML)).result(timeout=120), Article)
    assert pool.counts == {"started": 2, "died": 1}


def test_a_page_over_its_time_budget_is_too_slow_and_the_next_page_goes_on(
    pool_factory: Callable[..., ExtractorPool],
) -> None:
    pool = pool_factory(workers=1, timeout=1.0)
    (pid,) = pool.pids
    slow = pool.submit(make_page(long_page(40_000)))  # about 10 s unbounded
    normal = pool.submit(make_page(ARTICLE_HTML))
    result = slow.result(timeout=120)
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.TOO_SLOW
    assert isinstance(normal.result(timeout=120), Article)
    assert pool.counts == {"started": 2, "timed_out": 1}
    assert wait_for(lambda: not alive(pid)), "the hung worker was not killed"


def test_workers_ignore_sigint_and_sigterm(pool_factory: Callable[..., ExtractorPool]) -> None:
    pool = pool_factory(workers=1)
    (pid,) = pool.pids
    future = pool.submit(make_page(long_page(4000)))
    wait_busy(pid, ticks=5)
    os.kill(pid, signal.SIGINT)
    os.kill(pid, signal.SIGTERM)
    assert isinstance(future.result(timeout=120), Article)
    assert pool.pids == [pid]
    assert "died" not in pool.counts


def test_close_stops_the_workers_and_rejects_what_comes_after(pool_factory: Callable[..., ExtractorPool]) -> None:
    pool = pool_factory(workers=2)
    pids = pool.pids
    pool.close()
    assert all(not alive(pid) for pid in pids)
    late = pool.submit(make_page(ARTICLE_HTML)).result(timeout=5)
    assert isinstance(late, Rejection)
    assert late.reason is DropReason.WORKER_DIED


PARENT = """
import sys, time
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.workers import ExtractorPool
from tests.helpers import make_page
from tests.test_extraction_workers import long_page
pool = ExtractorPool(2, ExtractionOptions())
futures = [pool.submit(make_page(long_page(20_000))) for _ in range(4)]
print(" ".join(map(str, pool.pids)), flush=True)
time.sleep(600)
"""


def test_workers_exit_when_their_parent_is_killed() -> None:
    root = Path(__file__).parents[1]
    with subprocess.Popen([sys.executable, "-c", PARENT], cwd=root, stdout=subprocess.PIPE) as parent:
        try:
            assert parent.stdout is not None
            pids = [int(p) for p in parent.stdout.readline().split()]
            assert len(pids) == 2
            assert all(alive(pid) for pid in pids)
            everyone = [*pids, *children(parent.pid)]
        finally:
            parent.kill()
            parent.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in everyone), seconds=10), [p for p in everyone if alive(p)]


ONLY_WORKERS = """
import json, os
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.workers import ExtractorPool
from tests.helpers import make_page
from tests.test_pipelines_extract import ARTICLE_HTML
from tests.test_extraction_workers import children
pool = ExtractorPool(2, ExtractionOptions())
kind = type(pool.submit(make_page(ARTICLE_HTML)).result(timeout=120)).__name__
print(json.dumps({"kind": kind, "workers": pool.pids, "children": children(os.getpid())}), flush=True)
pool.close()
"""


def test_a_pool_starts_its_workers_and_no_resource_tracker() -> None:
    """Two workers are two processes: multiprocessing's resource tracker (13 MB) is not started."""
    root = Path(__file__).parents[1]
    done = subprocess.run([sys.executable, "-c", ONLY_WORKERS], cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["kind"] == "Article"
    assert sorted(int(pid) for pid in seen["children"]) == sorted(seen["workers"]), seen["children"]
    assert not any("resource_tracker" in command for command in seen["children"].values())


COLLECTOR = """
import gc, json
from pathlib import Path
from scraper.extraction.article import extract_article, preload
from scraper.extraction.worker_process import settle_collector
from tests.helpers import make_page
preload()
settle_collector()  # as a worker starts
runs = [0, 0, 0]
def count(phase, info):
    if phase == "stop":
        runs[info["generation"]] += 1
gc.callbacks.append(count)
pages = [make_page(path.read_bytes()) for path in sorted(Path("tests/data/pages").glob("*.html"))]
kinds = [type(extract_article(page)).__name__ for page in pages * 2]
seen = list(runs)
print(json.dumps({"runs": seen, "frozen": gc.get_freeze_count(), "kinds": kinds, "left": gc.collect()}))
"""


def test_a_worker_spends_little_on_the_cyclic_collector() -> None:
    """Its imports frozen and its young generation larger: no full collection over a dozen real pages.

    With the default thresholds the same pages took 68 young and one full collection (a full one
    over a worker's modules and memos costs tens of milliseconds); no page leaves cyclic garbage.
    """
    root = Path(__file__).parents[1]
    done = subprocess.run([sys.executable, "-c", COLLECTOR], cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["frozen"] > 10_000  # the imports: never scanned again
    assert found["runs"][2] == 0
    assert found["runs"][0] <= 10
    assert "Article" in found["kinds"]
    assert len(found["kinds"]) >= 10
    assert found["left"] == 0  # nothing the collector would have had to find


FORGETFUL = PARENT.replace("time.sleep(600)", "time.sleep(1)  # then exit, the pool never closed")


def test_an_exit_that_never_closed_the_pool_neither_hangs_nor_leaves_workers() -> None:
    root = Path(__file__).parents[1]
    pids: list[int] = []
    with subprocess.Popen([sys.executable, "-c", FORGETFUL], cwd=root, stdout=subprocess.PIPE) as parent:
        try:
            assert parent.stdout is not None
            pids = [int(p) for p in parent.stdout.readline().split()]
            assert parent.wait(timeout=120) == 0  # a bound: it used to wait for ever on a worker ignoring SIGTERM
        finally:
            parent.kill()
            for pid in pids:
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
    assert wait_for(lambda: not any(alive(pid) for pid in pids), seconds=10)


def test_the_word_cap_drops_a_dump_as_too_large() -> None:
    page = make_page(long_page(1500))  # 16,500 words
    result = extract_article(page, ExtractionOptions(max_words=10_000))
    assert isinstance(result, Rejection)
    assert result.reason is DropReason.TOO_LARGE
    assert "16500 words" in result.detail
    assert isinstance(extract_article(page, ExtractionOptions(max_words=0)), Article)


def test_budget_settings_are_read_and_checked() -> None:
    from scrapy.settings import Settings

    options = ExtractionOptions.from_settings(Settings(project_settings()))
    assert (options.timeout, options.max_words) == (30.0, 100_000)
    assert ExtractionOptions.from_settings(Settings(project_settings(NEWS_EXTRACT_TIMEOUT=0))).timeout is None
    with pytest.raises(ValueError, match="NEWS_EXTRACT_TIMEOUT"):
        ExtractionOptions.from_settings(Settings(project_settings(NEWS_EXTRACT_TIMEOUT=-1)))


def test_a_worker_killed_from_several_threads_at_once_is_killed_once_without_errors() -> None:
    """The exit handler and a slot thread may kill the same worker together: neither may raise."""
    import multiprocessing
    import threading

    from scraper.extraction.workers import _Worker

    for _ in range(5):
        worker = _Worker(multiprocessing.get_context("spawn"), ExtractionOptions())
        start, errors = threading.Barrier(8), list[BaseException]()

        def kill(target: _Worker = worker, gate: threading.Barrier = start, seen: list[BaseException] = errors) -> None:
            gate.wait()
            try:
                target.kill()
            except BaseException as exc:  # what the test looks for
                seen.append(exc)

        threads = [threading.Thread(target=kill) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert errors == []
        assert not worker.process.is_alive()
        assert worker.conn.closed


def test_the_crawl_process_imports_no_extraction_until_it_extracts_inline() -> None:
    """The crawl's own modules leave lxml cleaning and trafilatura to the workers (0.2 s, 7 MB)."""
    script = (
        "import sys\n"
        "import pipelines.extract, pipelines.validate, pipelines.dedup, pipelines.output, spiders.news\n"
        "from scraper.extraction.workers import ExtractorPool\n"
        "from scraper.extraction.options import ExtractionOptions\n"
        "from tests.helpers import make_page\n"
        "from tests.test_pipelines_extract import ARTICLE_HTML\n"
        "heavy = ('scraper.extraction.article', 'trafilatura', 'htmldate', 'justext')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "pool = ExtractorPool(0, ExtractionOptions())\n"
        "print(type(pool.submit(make_page(ARTICLE_HTML)).result()).__name__)\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    before, kind, after = done.stdout.splitlines()
    assert before == "[]"
    assert kind == "Article"
    assert "'scraper.extraction.article'" in after
    assert "'trafilatura'" in after
