"""An extraction worker asked to stop (or left by its parent) ends at once, without Python's teardown.

Run in a real process: ``worker_main`` is called the way a spawned worker calls it, with a real
pipe, real imports and the READY handshake; an ``atexit`` handler registered before it stands
for the interpreter's teardown (it runs when a process ends the ordinary way, and not when it
leaves with ``os._exit``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

WORKER = """
import atexit, os, sys, threading
from multiprocessing import Pipe
from pathlib import Path
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.worker_process import READY, worker_main
marker, how = Path(sys.argv[1]), sys.argv[2]
atexit.register(marker.write_text, "torn down")
parent, child = Pipe()
sys.stdout.write("unflushed output")  # no newline: still in the buffer when the worker leaves
def crawl_process():  # the pool's side: the handshake, then a stop or the end of its pipe
    assert parent.recv() == READY
    parent.send(None) if how == "stop" else parent.close()
threading.Thread(target=crawl_process, daemon=True).start()
worker_main(child, os.getppid(), ExtractionOptions())
print("worker_main returned")
"""


@pytest.mark.parametrize("how", ["stop", "parent_gone"])
def test_a_worker_leaves_without_the_interpreter_teardown(tmp_path: Path, how: str) -> None:
    marker = tmp_path / "teardown"
    done = subprocess.run([sys.executable, "-c", WORKER, str(marker), how], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout == "unflushed output"  # flushed on the way out, and nothing ran after worker_main
    assert not marker.exists(), "the worker went through the interpreter's teardown"
