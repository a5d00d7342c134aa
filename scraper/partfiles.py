"""A run's file under its ``.part`` name: locked from the moment it has that name until it is renamed into place.

Runs and cluster workers that share an output folder each start by recovering the ``.part`` files killed runs
left (the JSON Lines output in ``pipelines/recovery.py``, the WARC archive in ``scraper/fetching/archive.py``):
they take any such file they can lock, as a dead run's. A live run's file must therefore never be unlocked under
that name: made under it and locked a moment later, or closed (unlocked) before its rename, it would be free for
that moment, another run's recovery would rename it as a killed run's, and the live run's own rename would fail.
"""

from __future__ import annotations

import fcntl
import os
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def open_locked(part: Path) -> IO[bytes]:
    """``part`` opened for writing (emptied), already locked when it first appears under its name.

    Made under a name no recovery looks at (``.opening``), locked, and renamed to ``part``: the lock goes with
    the file. A run killed in between leaves an empty ``.opening`` file (``pipelines.recovery.sweep_openings``).
    """
    opening = part.with_name(part.name + ".opening")
    handle = opening.open("wb")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)  # tells another run's recovery that this file is live
        os.replace(opening, part)
    except BaseException:
        handle.close()
        opening.unlink(missing_ok=True)
        raise
    return handle


def finish_locked(handle: IO[bytes], part: Path, final: Path) -> None:
    """Synced, renamed into place while still locked, then closed: the end of :func:`open_locked`'s file.

    Synced first, so that a close failing after the rename (a network file system's late write error) leaves the
    whole file under its final name.
    """
    with handle:
        handle.flush()
        os.fsync(handle.fileno())
        os.replace(part, final)


def still_named(part: Path, handle: IO[bytes]) -> bool:
    """Whether ``part`` still names the file ``handle`` holds (a lock is on a file, not on a name)."""
    try:
        return os.path.samestat(os.stat(part), os.fstat(handle.fileno()))
    except FileNotFoundError:
        return False
