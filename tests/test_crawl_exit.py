"""The exit of a process that held an extraction pool: no cyclic collection over what it holds.

A real process: an exit handler registered before the pool's module is imported runs after the
pool's handlers (they run last in, first out), where the interpreter's teardown would begin.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EXITING = """
import atexit, gc, json
atexit.register(lambda: print(json.dumps({"frozen": gc.get_freeze_count()}), flush=True))
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.workers import ExtractorPool
pool = ExtractorPool(0, ExtractionOptions())
print(json.dumps({"frozen": gc.get_freeze_count()}), flush=True)
"""


def test_the_collector_is_kept_off_what_an_exiting_process_holds() -> None:
    done = subprocess.run([sys.executable, "-c", EXITING], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    running, exiting = (json.loads(line)["frozen"] for line in done.stdout.splitlines())
    assert running == 0  # nothing is frozen while the process works: its cycles are collected as usual
    assert exiting > 10_000  # the modules and all else left: the teardown's collections skip them


IMPORTING = """
import atexit, gc, json
atexit.register(lambda: print(json.dumps({"frozen": gc.get_freeze_count()}), flush=True))
import scraper.extraction.workers
"""


def test_a_program_that_only_imports_the_pool_keeps_its_usual_exit() -> None:
    done = subprocess.run([sys.executable, "-c", IMPORTING], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout)["frozen"] == 0  # its cycles (files with finalizers among them) are collected
