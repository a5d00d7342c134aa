"""Start-of-run recovery of the ``.part`` files killed runs left, and only those.

Which files are ours (decided here, documented in docs/reference.md): a ``.part`` file this crawler
writes is named after the run's final file with the run id in its name, either
``<run-id>.jsonl.part`` (the default templates have ``{run_id}`` in the file name) or
``<final>.jsonl.<run-id>.part`` (templates without it); a run id is ``YYYYMMDDTHHMMSSZ-xxxx``.
Only paths of the output template's own shape are looked at (each field a ``*`` inside one
folder name: ``output/*/*/*.jsonl.part`` for the default), never the whole tree above the output
root, so another program's ``*.jsonl.part`` beside ours, or a template starting at ``/``, is not
touched.

A killed run's file can hold more than a torn last line: blocks of NUL bytes (a power cut on
many file systems), a line from another writer, a JSON array. Those lines are not records; they
are moved to ``<final>.rejected`` with a warning naming both files, and the run goes on. Only
lines that read back as an ``Article`` are kept, entered into the state and renamed into place.
"""

from __future__ import annotations

import dataclasses
import fcntl
import glob
import json
import logging
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scraper.items import Article
from scraper.partfiles import still_named
from scraper.summary import write_json

if TYPE_CHECKING:
    from scraper.state.extension import CrawlStateExtension

logger = logging.getLogger(__name__)

RUN_ID = r"\d{8}T\d{6}Z-[0-9a-f]{4}(?:-w\d{2,})?"  # -wNN: a cluster worker's file
_OWN_PART = re.compile(rf"(?P<final>(?P<legacy>{RUN_ID})\.jsonl|.+\.jsonl\.(?P<run_id>{RUN_ID}))\.part")
_FIELD = re.compile(r"\{[^{}]*\}")


def part_path(final: Path, run_id: str) -> Path:
    """The ``.part`` file a run writes before renaming it to ``final`` (always names the run)."""
    if run_id in final.name:
        return final.with_name(final.name + ".part")
    return final.with_name(f"{final.name}.{run_id}.part")


def own_parts(template: str) -> list[Path]:
    """The ``.part`` files this template's runs could have left: its shape, our names."""
    pattern = "*".join(glob.escape(piece) for piece in _FIELD.split(template)) + "*.part"
    found = (Path(p) for p in glob.glob(pattern))
    return sorted(p for p in found if _OWN_PART.fullmatch(p.name) and _plain_file(p, template))


_OPENING_AGE = 60.0  # seconds: far longer than a run takes to make, lock and name its file


def sweep_openings(template: str) -> int:
    """Remove the empty ``.part.opening`` files of runs killed between making and naming their file.

    :func:`~scraper.partfiles.open_locked` locks such a file a moment after making it and names it ``.part``
    a moment later; one that can be locked and is older than a minute is a dead run's, and held nothing yet
    (a younger one may be a starting run's, not locked yet). Returns how many were removed.
    """
    stale = datetime.now(UTC).timestamp() - _OPENING_AGE
    pattern = "*".join(glob.escape(piece) for piece in _FIELD.split(template)) + "*.part.opening"
    removed = 0
    for path in (Path(p) for p in glob.glob(pattern)):
        if not _OWN_PART.fullmatch(path.name.removesuffix(".opening")) or not _plain_file(path, template):
            continue
        try:
            with path.open("rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                state = os.fstat(handle.fileno())
                if still_named(path, handle) and state.st_size == 0 and state.st_mtime < stale:
                    path.unlink()
                    removed += 1
        except (BlockingIOError, FileNotFoundError):
            continue  # a live run's, or renamed by its run since it was listed
    return removed


def _plain_file(path: Path, template: str) -> bool:
    """A regular file, not a symbolic link, under the template's root even with links resolved.

    Recovery rewrites what it finds; a link planted in the output tree must not lead it to a
    file elsewhere.
    """
    if path.is_symlink() or not path.is_file():
        return False
    head = template.split("{", 1)[0]
    root = Path(head) if head.endswith(("/", os.sep)) else Path(head).parent
    return path.resolve().is_relative_to(root.resolve())


def final_of(part: Path) -> tuple[Path, str]:
    """The final path and the run id of one of our ``.part`` files."""
    match = _OWN_PART.fullmatch(part.name)
    assert match is not None
    final = match["final"]
    if match["run_id"]:
        final = final.removesuffix("." + match["run_id"])
    return part.with_name(final), match["run_id"] or match["legacy"]


def recover_part(part: Path, run: CrawlStateExtension | None) -> int | None:
    """Keep a killed run's records, quarantine bad lines, save the records, rename into place.

    Returns the number of records kept, or None when a live run holds the file.
    """
    final, run_id = final_of(part)
    try:
        handle = part.open("r+b")
    except FileNotFoundError:  # renamed into place by its run (or another run's recovery) since it was listed
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        if not still_named(part, handle):  # its run renamed it into place and closed it after we opened it
            return None
        data = handle.read()
        complete = data[: data.rfind(b"\n") + 1]  # a torn last line has no newline: dropped
        kept: list[bytes] = []
        rejected: list[bytes] = []
        articles: list[Article] = []
        for line in complete.splitlines(keepends=True):
            article = _article(line)
            if article is None:
                rejected.append(line)
            else:
                kept.append(line)
                articles.append(article)
        if rejected:
            quarantine = final.with_name(final.name + ".rejected")
            with quarantine.open("ab") as bad:
                bad.writelines(rejected)
                os.fsync(bad.fileno())
            logger.warning("Recovering %s: %d line(s) that are not records (NUL bytes, not JSON, not a record "
                           "object) moved to %s", part, len(rejected), quarantine)  # fmt: skip
        if rejected or len(complete) != len(data):
            handle.seek(0)
            handle.write(b"".join(kept))
            handle.truncate()
            os.fsync(handle.fileno())
        if run is not None:
            for article in articles:
                run.commit(article)
        summary = {
            "run_id": run_id, "finish_reason": "recovered", "output": str(final),
            "recovered_at": datetime.now(UTC).isoformat(timespec="seconds"), "records_written": len(kept),
            "torn_bytes_dropped": len(data) - len(complete), "lines_rejected": len(rejected),
        }  # fmt: skip
        target = final.with_name(final.name.removesuffix(".jsonl") + ".summary.json")
        if not target.exists():  # a summary the killed run managed to write is the better one
            write_json(target, summary)
        os.replace(part, final)
    logger.warning("Recovered %d records of a killed run: %s", len(kept), final)
    return len(kept)


def _article(line: bytes) -> Article | None:
    """The line as an ``Article``, or None when it is not one of our records."""
    if b"\x00" in line:
        return None
    try:
        record: Any = json.loads(line.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError and JSONDecodeError alike
        return None
    if not isinstance(record, dict):
        return None
    names = {f.name for f in dataclasses.fields(Article)}
    try:  # records of schema 1.0 lack the newer fields, which have defaults
        article = Article(**{k: v for k, v in record.items() if k in names})
    except TypeError:  # a required field missing: not a record of ours
        return None
    return article if _state_fields_typed(article) else None


def _state_fields_typed(article: Article) -> bool:
    """Whether the fields the state is built from have their record types (JSON can hold anything)."""
    strings = (article.url, article.canonical_url, article.content_hash, article.text, article.fetched_at)
    optional = (article.published, article.modified, article.duplicate_of)
    return (
        all(isinstance(v, str) for v in strings)
        and bool(article.url and article.canonical_url)
        and all(v is None or isinstance(v, str) for v in optional)
        and isinstance(article.revision, int)
        and not isinstance(article.revision, bool)
    )
