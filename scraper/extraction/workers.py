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
import ctypes
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import weakref
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING

from scraper.extraction.article import ExtractionOptions, extract_article, preload
from scraper.items import Article, DropReason, Page, Rejection

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

logger = logging.getLogger(__name__)

PARENT_POLL_SECONDS = 0.5  # how often a worker checks that the crawl process is still its parent
STOP_GRACE_SECONDS = 2.0  # how long a worker asked to stop may take before it is killed
START_TIMEOUT_SECONDS = 120.0  # a new worker imports lxml and trafilatura; one that takes longer is hung
START_ATTEMPTS = 3  # workers that die before they are ready, in a row, before a slot gives up on a page
READY = "ready"
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
TRIM_GROWTH_MB = 8  # RSS growth of a worker after which freed heap is handed back (see _HeapTrimmer)
_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES = -3, 128 * 1024  # <malloc.h>; glibc's initial value, kept fixed

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


# --- the worker process ------------------------------------------------------------------


def _worker_main(conn: Connection, parent_pid: int, options: ExtractionOptions) -> None:
    """A worker's life: extract the pages the parent sends until it sends ``None`` or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent(parent_pid)
    preload()  # while the crawl starts, not on the first page's clock
    trimmer = _HeapTrimmer()
    conn.send(READY)  # the imports are done: the time budget of a page starts with its own work
    while True:
        try:
            page = conn.recv()
        except (EOFError, OSError):
            return  # the parent closed its end
        if page is None:
            return
        result = extract_article(page, options)
        del page
        conn.send(result)
        del result
        trimmer.after_page()


class _HeapTrimmer:
    """Gives the heap's free memory back to the system once it has grown by ``TRIM_GROWTH_MB``.

    A large page's tree and strings are freed after it, but glibc keeps the freed heap mapped:
    over the corpus a worker's RSS crept from 110 to 140 MB and stayed there. ``malloc_trim``
    after every page costs about 1 ms; after RSS grew by a step, it runs on a few pages only
    and keeps the worker within about a step of what it really holds. Linux/glibc only.
    """

    def __init__(self) -> None:
        self._trim = None
        self._page_kb = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4
        if sys.platform == "linux":
            with contextlib.suppress(OSError, AttributeError):
                self._trim = ctypes.CDLL("libc.so.6").malloc_trim
        self._floor = self._rss_kb()

    def _rss_kb(self) -> int:
        try:
            with open("/proc/self/statm", "rb") as statm:
                return int(statm.read().split()[1]) * self._page_kb
        except (OSError, ValueError, IndexError):
            return 0

    def after_page(self) -> None:
        if self._trim is None:
            return
        if self._rss_kb() - self._floor > TRIM_GROWTH_MB * 1024:
            self._trim(0)
            self._floor = self._rss_kb()


def pin_mmap_threshold() -> bool:
    """Keep glibc mapping page-sized buffers apart, so freeing one returns it (False: no glibc).

    The crawl process holds each page a while (body, text, the pickle to a worker, the record).
    glibc raises its 128 kB mmap threshold to each large block freed (up to 32 MB), so later pages
    land in a heap that cannot shrink past what is in use: ~17 MB more peak over the corpus."""
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
    except (OSError, AttributeError):
        return False


def _die_with_parent(parent_pid: int) -> None:
    """Exit as soon as the crawl process is gone, however it went (kill -9 included).

    ``PR_SET_PDEATHSIG`` makes the kernel kill us at once on Linux, even while C code holds the
    GIL; the watchdog thread covers other systems and the moment before the call. The signal
    follows the parent *thread* that started us: the pool starts workers only from threads that
    outlive them (the one that opened the pool, or the slot's own).
    """
    if sys.platform == "linux":
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watchdog alone
            pass
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


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
            target=_worker_main, args=(child, os.getpid(), options), name="news-extract", daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False

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
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
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


@atexit.register
def _kill_workers_at_exit() -> None:
    """An exit that skipped ``close`` (a second Ctrl-C, an uncaught error) must not wait for ever.

    Workers ignore SIGTERM, so multiprocessing's own exit handler (``terminate`` then ``join``,
    registered before this one, so run after it) would wait on them for ever; they are killed here.
    """
    for pool in list(_LIVE_POOLS):
        pool.kill()
