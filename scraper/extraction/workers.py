"""A pool of extraction worker processes that survives its workers and dies with the crawl.

Parsing a large page takes lxml and trafilatura hundreds of milliseconds of pure CPU; done on
Scrapy's reactor thread it would stall every download, so pages go to worker processes. A
``ProcessPoolExecutor`` is not used: when one of its workers dies (the OOM killer, a segfault in
C code) it breaks for good and fails every page in flight, and it cannot stop one page that runs
too long. Here each worker has a *slot*: a parent thread that hands it one page at a time and
waits for the answer, the worker's death or the page's time budget, whichever comes first. So
the pool knows which page a dead worker held, replaces that worker and retries the page once
(then drops it as ``worker_died``), and kills a worker whose page runs over
``NEWS_EXTRACT_TIMEOUT`` (the page is dropped as ``too_slow``); other pages go on meanwhile.

Workers ignore SIGINT and SIGTERM (a Ctrl-C or a service stop reaches the whole process group;
the crawl decides, lets the pages in flight finish, then closes the pool) and exit when the
crawl process dies (``PR_SET_PDEATHSIG`` on Linux, plus a thread that watches the parent pid),
so a ``kill -9`` of the crawl leaves no worker behind holding its stdout. ``spawn`` is used
rather than ``fork`` because forking a process that runs a Twisted reactor and threads copies
their locks in unknown states.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import gc
import logging
import multiprocessing
import os
import queue
import threading
import weakref
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import TYPE_CHECKING

from scraper.extraction.options import ExtractionOptions
from scraper.extraction.worker_process import (
    READY,
    pin_mmap_threshold,
    without_main_module,
    without_resource_tracker,
    worker_main,
)
from scraper.items import Article, DropReason, Page, Rejection

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

logger = logging.getLogger(__name__)

STOP_GRACE_SECONDS = 2.0  # how long a worker asked to stop may take before it is killed
START_TIMEOUT_SECONDS = 120.0  # a new worker imports lxml and trafilatura; one that takes longer is hung
START_ATTEMPTS = 3  # workers that die before they are ready, in a row, before a slot gives up on a page

Result = Article | Rejection


def default_workers() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def short(text: str, limit: int = 200) -> str:
    """``text`` cut to ``limit`` characters for a log line (a hostile URL can be megabytes long)."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} chars)"


# --- the parent side ---------------------------------------------------------------------


@dataclass(slots=True)
class _Task:
    page: Page
    future: Future[Result]


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: multiprocessing.context.SpawnContext, options: ExtractionOptions) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process: BaseProcess = context.Process(
            target=worker_main, args=(child, os.getpid(), options), name="news-extract", daemon=True
        )
        with without_main_module(), without_resource_tracker():  # a worker needs neither (see each)
            self.process.start()
        child.close()
        self.ready = False
        self._killing = threading.Lock()  # the exit handler and a slot thread may kill the same worker

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def exited(self) -> bool:
        """Whether the process has ended, from its sentinel (set at exit, reaped or not yet)."""
        return bool(wait([self.process.sentinel], 0))

    def wait_ready(self) -> bool:
        """Wait until the worker has started (imports done); False when it died or hung first."""
        if not self.ready and self.conn in wait([self.conn, self.process.sentinel], START_TIMEOUT_SECONDS):
            with contextlib.suppress(EOFError, OSError):
                self.ready = self.conn.recv() == READY
        return self.ready

    def run(self, page: Page, timeout: float | None) -> Result | str:
        """The page's result, or ``"died"`` / ``"timeout"`` (the worker is then unusable)."""
        try:
            self.conn.send(page)
        except (OSError, ValueError):  # a broken pipe: the worker is gone
            return "died"
        ready = wait([self.conn, self.process.sentinel], timeout)
        if self.conn in ready:
            try:
                result: Result = self.conn.recv()
                return result
            except (EOFError, OSError):
                return "died"
        return "died" if ready else "timeout"

    def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Ask the worker to exit, kill it if it does not; never raises."""
        if self.process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.process.join(grace)
        self.kill()

    def kill(self) -> None:
        """Kill the process and close the pipe, once; never raises.

        At an exit that skipped ``close`` the exit handler kills the workers while a slot thread
        sees its worker die and kills it too: without the lock both closed the pipe, the second
        raised (or closed a descriptor already reused), and the handler left the next worker alive.
        """
        with self._killing:
            with contextlib.suppress(OSError, ValueError):
                if self.process.is_alive():
                    self.process.kill()
                self.process.join(5)
            if not self.conn.closed:
                with contextlib.suppress(OSError):
                    self.conn.close()


class PoolClosedError(RuntimeError):
    """The pool is closing: a slot whose worker died may not start another."""


class ExtractorPool:
    """Runs :func:`extract_article` in worker processes (or inline when ``workers == 0``).

    ``submit`` never fails a page with an exception: every page resolves to an ``Article`` or a
    ``Rejection`` (``worker_died`` and ``too_slow`` included). ``counts`` says what happened to
    the workers: ``started``, ``died``, ``retried``, ``timed_out``.
    """

    def __init__(self, workers: int, options: ExtractionOptions) -> None:
        if workers < 0:
            raise ValueError(f"NEWS_EXTRACT_WORKERS must be >= 0 (0 = inline), got {workers}")
        self.options = options
        self.workers = workers
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._context = multiprocessing.get_context("spawn")
        self._slots: list[_Worker | None] = []
        self._threads: list[threading.Thread] = []
        self._closed = False
        if not _EXIT_FROZEN:
            _EXIT_FROZEN.append(atexit.register(_spare_the_collector_at_exit))
        _LIVE_POOLS.add(self)
        if workers:
            pin_mmap_threshold()  # pages pass through this process from now on
        for index in range(workers):
            self._slots.append(self._start_worker())  # started here, so their imports overlap the crawl's start
            thread = threading.Thread(target=self._serve, args=(index,), name=f"extract-slot-{index}", daemon=True)
            self._threads.append(thread)
            thread.start()

    @property
    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return [w.pid for w in self._slots if w is not None and w.pid is not None and w.process.is_alive()]

    def submit(self, page: Page) -> Future[Result]:
        """Start extracting one page; the future resolves to an Article or a Rejection."""
        future: Future[Result] = Future()
        if self._closed:
            future.set_result(Rejection(DropReason.WORKER_DIED, "not extracted: the extraction pool is closed"))
        elif not self.workers:
            # Imported on use: with workers, the crawl process never extracts (the import is
            # trafilatura's and our cleaning's: ~0.2 s of CPU and 7 MB in the crawl process).
            from scraper.extraction.article import extract_article

            future.set_result(extract_article(page, self.options))
        else:
            self._tasks.put(_Task(page, future))
        return future

    async def extract(self, page: Page) -> Result:
        """Await one page's extraction from asyncio code (the pipeline stage)."""
        return await asyncio.wrap_future(self.submit(page))

    def close(self) -> None:
        """Stop the workers: pages being extracted finish (within their budget); queued ones are rejected."""
        if self._closed:
            return
        self._closed = True
        while True:
            try:
                task = self._tasks.get_nowait()
            except queue.Empty:
                break
            if task is not None and task.future.set_running_or_notify_cancel():
                task.future.set_result(Rejection(DropReason.WORKER_DIED, "not extracted: the pool was closed"))
        for _ in self._threads:
            self._tasks.put(None)
        budget = (self.options.timeout or 0) + 2 * STOP_GRACE_SECONDS
        for thread in self._threads:
            thread.join(budget)
        for worker in self._slots:  # a slot thread still stuck: its worker is killed here
            if worker is not None:
                worker.kill()
        self._slots = [None] * len(self._slots)

    def _count(self, event: str) -> None:
        with self._lock:
            self.counts[event] += 1

    def kill(self) -> None:
        """Kill the workers now, start no new one: for an exit that did not close the pool."""
        self._closed = True
        for worker in list(self._slots):
            if worker is not None:
                worker.kill()

    def _start_worker(self) -> _Worker:
        if self._closed:
            raise PoolClosedError
        worker = _Worker(self._context, self.options)
        self._count("started")
        return worker

    def _serve(self, index: int) -> None:
        """A slot's thread: take the next page, run it in this slot's worker, resolve its future."""
        while (task := self._tasks.get()) is not None:
            if not task.future.set_running_or_notify_cancel():
                continue
            try:
                result = self._run(index, task.page)
            except PoolClosedError:
                result = Rejection(DropReason.WORKER_DIED, "not extracted: the pool was closed")
            except Exception as exc:  # a bug here must not leave a page waiting for ever
                logger.exception("Extraction slot %d failed on %s", index, short(task.page.final_url))
                result = Rejection(DropReason.WORKER_DIED, f"extraction slot failed: {type(exc).__name__}")
            task.future.set_result(result)
        worker, self._slots[index] = self._slots[index], None
        if worker is not None:
            worker.stop()

    def _run(self, index: int, page: Page) -> Result:
        """One page, retried once on a new worker when its worker dies under it."""
        url = short(page.final_url or page.url)
        exit_code: int | None = None
        for attempt in (1, 2):
            worker = self._ready_worker(index)
            if worker is None:
                return Rejection(DropReason.WORKER_DIED, f"no extraction worker could start ({START_ATTEMPTS} tried)")
            outcome = worker.run(page, self.options.timeout)
            if not isinstance(outcome, str):
                return outcome
            self._slots[index] = None
            if outcome == "timeout":
                worker.kill()
                self._count("timed_out")
                logger.warning("Extraction of %s took over %g s: worker %s killed and replaced, the page dropped",
                               url, self.options.timeout, worker.pid)  # fmt: skip
                return Rejection(DropReason.TOO_SLOW, f"extraction took over {self.options.timeout:g} s")
            worker.kill()
            exit_code = worker.process.exitcode
            self._count("died")
            if attempt == 1:
                self._count("retried")
                logger.warning("Extraction worker %s died (exit code %s) on %s; replaced, the page is retried once",
                               worker.pid, exit_code, url)  # fmt: skip
        logger.warning("Extraction worker died again (exit code %s) on %s; the page is dropped", exit_code, url)
        return Rejection(DropReason.WORKER_DIED, f"the worker died twice on this page (exit code {exit_code})")

    def _ready_worker(self, index: int) -> _Worker | None:
        """The slot's worker, started (or replaced) and ready; None when none could start."""
        for _ in range(START_ATTEMPTS):
            worker = self._slots[index]
            if worker is not None and not worker.exited() and worker.wait_ready():
                return worker
            if worker is not None:  # died idle or while starting: not the page's fault, no attempt spent
                worker.kill()
                self._count("died")
                logger.warning("Extraction worker %s died before it got a page (exit code %s); replaced",
                               worker.pid, worker.process.exitcode)  # fmt: skip
            self._slots[index] = self._start_worker()
        worker = self._slots[index]
        return worker if worker is not None and worker.wait_ready() else None


_LIVE_POOLS: weakref.WeakSet[ExtractorPool] = weakref.WeakSet()
_EXIT_FROZEN: list[object] = []  # holds the exit handler once the first pool has registered it


@atexit.register
def _kill_workers_at_exit() -> None:
    """An exit that skipped ``close`` (a second Ctrl-C, an uncaught error) must not wait for ever.

    Workers ignore SIGTERM, so multiprocessing's own exit handler (``terminate`` then ``join``,
    registered before this one, so run after it) would wait on them for ever; they are killed here.
    """
    for pool in list(_LIVE_POOLS):
        pool.kill()


def _spare_the_collector_at_exit() -> None:
    """Keep Python's cyclic collector off everything the exiting process still holds.

    After the exit handlers, the interpreter tears its modules down and runs the collector again
    and again meanwhile, each time over all that is left: Scrapy, Twisted, the crawl's stats and
    memos. At the end of a crawl of the news corpus that took the crawl process 0.22-0.24 s of
    CPU and held its exit 0.42-0.45 s (2 shared cores, load about 6); frozen here, 0.01-0.02 s
    and 0.08 s. Objects are still freed as their references go; what is lost is only the
    collection of cycles the process made before it ended, which its end frees anyway. Registered
    by the first pool a process opens (a crawl, ``scraper extract``), not on import: a program that
    only imports the package (``scraper.api``) keeps its usual exit. Registered after
    :func:`_kill_workers_at_exit`, so run before it (and after every handler registered later).
    """
    gc.freeze()
