"""What runs inside an extraction worker process, and the glibc knobs both sides use.

Kept apart from the pool (``workers.py``) so a worker's life is read in one place: ignore the
signals the crawl handles, die with the crawl process, import what extraction needs before the
first page, then extract pages one at a time and give memory back between them (library caches
whose contents our own memos already hold, freed heap over a step of growth).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import os
import signal
import sys
import threading
import time
import types
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import NoReturn

from scraper.extraction.options import ExtractionOptions

logger = logging.getLogger(__name__)

PARENT_POLL_SECONDS = 0.5  # how often a worker checks that the crawl process is still its parent
READY = "ready"
ROOT_LOCALE = "root"  # babel's data every locale inherits (see drop_library_caches)
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
YOUNG_COLLECTION_OBJECTS = 10_000  # net allocations between two young collections in a worker (settle_collector)
TRIM_GROWTH_MB = 8  # RSS growth of a worker after which freed heap is handed back (see HeapTrimmer)
_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES = -3, 128 * 1024  # <malloc.h>; glibc's initial value, kept fixed
_MAIN_LOCK = threading.Lock()  # one worker start at a time swaps the main module (see without_main_module)
_TRACKER_LOCK = threading.Lock()  # one worker start at a time swaps the tracker (see without_resource_tracker)
_NO_TRACKER: list[int] = []  # the write end of os.devnull handed to workers as their resource tracker, once open


def worker_main(conn: Connection, parent_pid: int, options: ExtractionOptions) -> None:
    """A worker's life: extract the pages the parent sends until it sends ``None`` or goes away.

    Extraction (lxml, trafilatura and our cleaning) is imported here, in the worker: the crawl
    process imports this module for the names it hands to ``spawn`` and needs none of it.
    """
    from scraper.extraction.article import extract_article, preload

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    die_with_parent(parent_pid)
    preload()  # while the crawl starts, not on the first page's clock
    settle_collector()
    trimmer = HeapTrimmer()
    conn.send(READY)  # the imports are done: the time budget of a page starts with its own work
    while True:
        try:
            page = conn.recv()
        except (EOFError, OSError):
            page = None  # the parent closed its end
        if page is None:
            leave()
        result = extract_article(page, options)
        del page
        conn.send(result)
        del result
        drop_library_caches()
        trimmer.after_page()


def leave() -> NoReturn:
    """End the worker now, without the interpreter's teardown: it has nothing left to finish.

    A worker returning from :func:`worker_main` goes through multiprocessing's exit and then
    Python's finalization: every module of lxml, trafilatura, htmldate and ours torn down and
    its objects freed one by one. That took about 0.1 s of CPU a worker and held every crawl's
    end (the pool waits for its workers) about 0.3 s on the 2-core machine. A worker writes no
    file and holds nothing another process waits for (its results went over the pipe as they
    were made), so after flushing what logging and the standard streams may hold it exits at
    once, status 0. Its atexit handlers do not run: it registers none that matter (the pool's
    ``_kill_workers_at_exit`` lives in the crawl process).
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed or broken stream: nothing left to save
            stream.flush()
    os._exit(0)


def settle_collector() -> None:
    """Keep Python's cyclic collector off what a worker holds for good, and let it run less often.

    Extracting a page allocates and frees hundreds of thousands of Python objects (lxml proxies,
    trafilatura's and our lists, dicts and strings) that reference counting frees on its own: over
    the corpus no page left a cycle for the collector (``gc.collect()`` after it found nothing).
    With the default thresholds it still ran about 7 young collections a page and, every 20 pages
    or so, a full one over everything the worker holds (modules, memos: 50 to 60 ms each), about
    5% of a worker's CPU. The imports are frozen (never scanned again) and the young generation
    is collected every 10,000 net allocations instead of 700: 0.3% of the CPU, the same peak RSS
    (corpus pages, three times each). Cyclic garbage, should a page make some, is still collected.
    """
    gc.collect()  # what the imports left: freed now, not frozen
    gc.freeze()
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_COLLECTION_OBJECTS), *older)


def drop_library_caches() -> None:
    """Forget the locale data babel loaded for a page, but its root: what we need is already copied.

    The dateline reader takes each language's month names from babel once and keeps them in its
    own memo; babel keeps the whole locale it loaded (numbers, units, zones, plus its parents) for
    the life of the process. Over the corpus's languages that was about 14 MB of a worker's Python
    heap, growing with every new language (17 MB less RSS per worker after the corpus). babel is
    read again only when the memo misses (a language's first page in a worker). Every locale is
    built on a copy of the shared ``root`` data (0.5 MB), which babel 2.19 and later never change, so
    it is kept there: reading it again was about 3 of the 9 ms of each such load (46 loads over the
    corpus's 174 pages of 34 countries, none on a site of one language). An older babel resolves
    aliases in place, into nested dicts a locale shares with root (after Hebrew, German's month
    table held Hebrew names), so there root goes too. A no-op until babel is imported.
    """
    localedata = sys.modules.get("babel.localedata")
    if localedata is None:
        return
    try:  # housekeeping: never the reason a worker dies
        with localedata._cache_lock:  # an RLock: clear_caches takes it again
            if hasattr(localedata, "clear_caches"):  # babel >= 2.19
                root = localedata._cache.get(ROOT_LOCALE)
                localedata.clear_caches()
                if root is not None:  # its load() copies root for every child and never changes it
                    localedata._cache[ROOT_LOCALE] = root
            else:  # older babel writes resolved aliases back into dicts a child shares with root:
                localedata._cache.clear()  # a kept root would carry one language's names into another's
    except Exception as exc:  # a babel without either: keep its cache, keep working
        logger.warning("babel's locale cache not cleared in worker %d: %r", os.getpid(), exc)


class HeapTrimmer:
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


def die_with_parent(parent_pid: int) -> None:
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


@contextlib.contextmanager
def without_main_module() -> Iterator[None]:
    """While a worker process starts, hide the crawl's ``__main__`` from multiprocessing.

    A spawned child first re-imports its parent's main script (as ``__mp_main__``), then runs its
    target. Under ``scrapy crawl`` that script is Scrapy's console entry point, whose top-level
    import loads Scrapy, Twisted and the crawl's own modules: 24 MB in every worker (68 instead
    of 44 MB after start-up) for code a worker never runs. The worker's target and arguments live
    in importable modules and need nothing from the main script, so a bare stand-in takes its
    place for the start (``python -m`` runs were spared already: multiprocessing skips a package's
    ``__main__``). The swap lasts the few milliseconds of ``Process.start`` under a lock.
    """
    with _MAIN_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


@contextlib.contextmanager
def without_resource_tracker() -> Iterator[None]:
    """While a worker process starts, give ``spawn`` a stand-in for multiprocessing's resource tracker.

    Every ``spawn`` start on POSIX first makes sure the parent has a *resource tracker*: a third
    Python process that unlinks the named semaphores and shared memory a crashed process leaves
    behind, and whose pipe every child inherits. Our workers and the pool create neither (they talk
    over a ``Pipe``, which the tracker never sees), yet the tracker cost every crawl a process of
    13 MB RSS (a tenth of a worker) and its start-up CPU. Here ``spawn`` gets, for the length of
    ``Process.start``, the write end of ``os.devnull`` as the tracker's pipe: no tracker starts,
    and the worker would send any registration to nowhere, as it registers nothing. A tracker that
    something else in the process started meanwhile stays and goes on as before; on Windows, or on
    a Python without ``resource_tracker.getfd``, this does nothing.
    """
    try:
        from multiprocessing import resource_tracker
    except ImportError:  # no resource tracker on this platform
        yield
        return
    real = getattr(resource_tracker, "getfd", None)
    if sys.platform == "win32" or real is None:
        yield
        return
    with _TRACKER_LOCK:
        if not _NO_TRACKER:
            _NO_TRACKER.append(os.open(os.devnull, os.O_WRONLY))  # kept open: every later start passes it on
        resource_tracker.getfd = lambda: _NO_TRACKER[0]
        try:
            yield
        finally:
            resource_tracker.getfd = real
