"""A pool of extraction worker processes that survives its workers and dies with the crawl.

Parsing a large page takes lxml and trafilatura hundreds of milliseconds of pure CPU; done on
Scrapy's reactor thread it would stall every download, so pages go to worker processes. A
``ProcessPoolExecutor`` is not used: when one of its workers dies (the OOM killer, a segfault in
C code) it breaks for good and fails every page in flight, and it cannot stop one page that runs
too long. Here each worker has a *slot*: a parent thread that hands it pages and waits for each
answer, the worker's death or the page's time budget, whichever comes first. A worker is sent
its next page while it extracts one, so it never waits for the crawl process between two pages
(when pages wait; see ``_serve``); the page being extracted is always the oldest one sent. So
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
import logging
import multiprocessing
import os
import queue
import threading
import time
import weakref
from collections import Counter, deque
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
PAGES_AHEAD = 1  # pages a worker holds besides the one it extracts (see _serve)
TOP_UP_SECONDS = 0.05  # how often a slot waiting for a result looks for a page to send ahead
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
    sent: bool = False  # in the slot's current worker (read ahead or being extracted)
    died_under: int = 0  # workers that died while extracting it


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

    def send(self, page: Page) -> bool:
        """Hand the worker a page (it reads ahead: see ``read_ahead``); False when the worker is gone."""
        try:
            self.conn.send(page)
        except (OSError, ValueError):  # a broken pipe: the worker is gone
            return False
        return True

    def receive(self, timeout: float | None) -> Result | str:
        """The next page's result, or ``"died"`` / ``"timeout"`` (the worker is then unusable)."""
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
        self._since = [0.0] * workers  # when each slot's worker started on the page it extracts
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
        budget = (1 + PAGES_AHEAD) * (self.options.timeout or 0) + 2 * STOP_GRACE_SECONDS
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
        """A slot's thread: keep its worker fed, resolve each page's future as its result comes.

        The worker gets its next page while it still extracts one (``PAGES_AHEAD``), when enough
        pages wait that no other slot goes without; the pages a slot took are finished even when
        the pool closes meanwhile.
        """
        flights: deque[_Task] = deque()  # taken by this slot, oldest first; only the first is being extracted
        stopping = False
        while True:
            while not stopping and len(flights) <= PAGES_AHEAD:
                if flights and self._tasks.qsize() < self.workers:
                    break  # few pages wait: each slot takes one at a time
                try:  # never blocks with pages in the worker: their results must be read
                    task = self._tasks.get_nowait() if flights else self._tasks.get()
                except queue.Empty:  # another slot took it
                    break
                if task is None:
                    stopping = True
                elif task.future.set_running_or_notify_cancel():
                    flights.append(task)
            if not flights:
                break
            try:
                self._advance(index, flights, top_up=not stopping and len(flights) <= PAGES_AHEAD)
            except PoolClosedError:
                for task in flights:
                    task.future.set_result(Rejection(DropReason.WORKER_DIED, "not extracted: the pool was closed"))
                flights.clear()
            except Exception as exc:  # a bug here must not leave a page waiting for ever
                task = flights.popleft()
                logger.exception("Extraction slot %d failed on %s", index, short(task.page.final_url))
                task.future.set_result(
                    Rejection(DropReason.WORKER_DIED, f"extraction slot failed: {type(exc).__name__}")
                )
        worker, self._slots[index] = self._slots[index], None
        if worker is not None:
            worker.stop()

    def _advance(self, index: int, flights: deque[_Task], *, top_up: bool) -> None:
        """Send the slot's worker what it does not have yet and resolve the first page's future.

        With ``top_up`` (room for a page ahead), return every ``TOP_UP_SECONDS`` without a result
        too, so the slot can send a page that came in meanwhile.
        """
        held = self._slots[index]
        outcome: Result | str | None
        if held is not None and flights[0].sent and held.exited():  # died with the slot's pages, between two looks
            worker, outcome = held, "died"
        else:
            ready = self._ready_worker(index)
            if ready is None:
                task = flights.popleft()
                task.future.set_result(
                    Rejection(DropReason.WORKER_DIED, f"no extraction worker could start ({START_ATTEMPTS} tried)")
                )
                return
            worker, outcome = ready, self._receive(index, ready, flights, top_up)
            if outcome is None:
                return  # not the page's budget: a look for a page to send ahead
            if not isinstance(outcome, str):
                flights.popleft().future.set_result(outcome)
                self._since[index] = time.monotonic()  # the worker went on to the next page it holds
                return
        self._slots[index] = None
        worker.kill()
        for task in flights:  # the pages read ahead go to the next worker, at no cost to them
            task.sent = False
        task = flights[0]
        url = short(task.page.final_url or task.page.url)
        if outcome == "timeout":
            timeout = self.options.timeout or 0
            flights.popleft()
            self._count("timed_out")
            logger.warning("Extraction of %s took over %g s: worker %s killed and replaced, the page dropped",
                           url, timeout, worker.pid)  # fmt: skip
            task.future.set_result(Rejection(DropReason.TOO_SLOW, f"extraction took over {timeout:g} s"))
            return
        exit_code = worker.process.exitcode
        self._count("died")
        task.died_under += 1
        if task.died_under == 1:
            self._count("retried")
            logger.warning("Extraction worker %s died (exit code %s) on %s; replaced, the page is retried once",
                           worker.pid, exit_code, url)  # fmt: skip
            return
        flights.popleft()
        logger.warning("Extraction worker died again (exit code %s) on %s; the page is dropped", exit_code, url)
        task.future.set_result(
            Rejection(DropReason.WORKER_DIED, f"the worker died twice on this page (exit code {exit_code})")
        )

    def _receive(self, index: int, worker: _Worker, flights: deque[_Task], top_up: bool) -> Result | str | None:
        """Send the worker the slot's pages it lacks, then wait for the first one's result.

        None when ``top_up`` cut the wait short of the page's budget (see ``_advance``).
        """
        if not flights[0].sent:  # a fresh worker: its first page's budget starts now
            self._since[index] = time.monotonic()
        for task in flights:
            if not task.sent:
                task.sent = worker.send(task.page)
        timeout = self.options.timeout
        left = None if timeout is None else max(0.0, self._since[index] + timeout - time.monotonic())
        patience = min(left if left is not None else TOP_UP_SECONDS, TOP_UP_SECONDS) if top_up else left
        outcome = worker.receive(patience)
        return None if outcome == "timeout" and patience != left else outcome

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
