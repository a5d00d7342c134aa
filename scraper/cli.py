"""``scraper extract``: clean saved pages offline with exactly the crawl's code path.

Inputs are HTML files (``.html``, ``.htm``, ``.html.gz``), folders of them, or a manifest
(JSON Lines with ``id``, ``url`` and optionally ``path``, default ``pages/<id>.html.gz`` beside
the manifest, the shape of the corpus's ``truth.jsonl``). Each page becomes a ``Page`` and goes
through :func:`scraper.extraction.extract_article` in worker processes and is checked against
the crawl's record contract (:class:`scraper.validation.RecordRules`), as in a crawl; records
are written in input order as JSON Lines of the crawl's schema, plus ``id`` when the input had
one. A page that cannot be read or is not an article is reported (stderr, ``--errors``) and the
batch goes on; the exit status is 1 only when no page at all became a record.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import logging
import sys
import zlib
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from itemadapter import ItemAdapter

from scraper.api import declared_url, page_from_html
from scraper.cluster import status as cluster_status
from scraper.config import ConfigError, project_settings
from scraper.extraction.article import ExtractionOptions
from scraper.extraction.workers import ExtractorPool, default_workers
from scraper.items import EXPORTED_FIELDS, Article, DropReason, Page, Rejection
from scraper.validation import RecordRules

logger = logging.getLogger("scraper.extract")

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")  # matched case-insensitively


@dataclass(slots=True, frozen=True)
class Job:
    """One page to extract: where its bytes are and what we know about it."""

    path: Path
    url: str | None  # None: the page's own canonical URL, else its file:// URL
    id: str | None = None


def iter_jobs(inputs: list[Path], url: str | None, manifest: Path | None) -> Iterator[Job]:
    """Expand files, folders and a manifest into jobs, in a stable order."""
    if manifest is not None:
        yield from _manifest_jobs(manifest)
    for path in inputs:
        files = (
            sorted(p for p in path.rglob("*") if p.name.lower().endswith(HTML_SUFFIXES)) if path.is_dir() else [path]
        )
        for file in files:
            yield Job(path=file, url=url)


def _manifest_jobs(manifest: Path) -> Iterator[Job]:
    with manifest.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                page_id, page_url = str(entry["id"]), str(entry["url"])
            except (ValueError, KeyError, TypeError) as exc:
                logger.warning("%s:%d: not a manifest entry (%s); skipped", manifest, number, exc)
                continue
            path = Path(entry.get("path") or f"pages/{page_id}.html.gz")
            yield Job(path=path if path.is_absolute() else manifest.parent / path, url=page_url, id=page_id)


def load_page(job: Job, source: str | None) -> Page:
    """Read a saved page into a ``Page``, as if it had just been fetched. Raises OSError."""
    body = job.path.read_bytes()
    if job.path.name.endswith(".gz"):
        body = gzip.decompress(body)
    fetched = datetime.fromtimestamp(job.path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    # The page's own canonical link says where it lives; a file:// URL only as the last resort
    # (relative links and images then resolve to files), and never as the source.
    url = job.url or declared_url(body) or job.path.resolve().as_uri()
    return page_from_html(body, url, source=source, fetched_at=fetched, discovered_via="file")


def record_of(article: Article, job: Job) -> dict[str, Any]:
    """The JSON Lines record: the crawl's schema, plus ``id`` when the input had one."""
    record = {k: v for k, v in ItemAdapter(article).asdict().items() if k in EXPORTED_FIELDS}
    if job.id is not None:
        record = {"id": job.id, **record}
    return record


def run_extract(args: argparse.Namespace, out: IO[str], errors: IO[str] | None) -> Counter[str]:
    """Extract every job, writing records in input order; returns counts by outcome."""
    settings = project_settings(_overrides(args))
    options = ExtractionOptions.from_settings(settings)
    rules = RecordRules.from_settings(settings)
    workers = settings.getint("NEWS_EXTRACT_WORKERS")
    workers = default_workers() if workers == -1 else workers
    pool = ExtractorPool(workers, options)
    counts: Counter[str] = Counter()
    jobs = list(iter_jobs(args.inputs, args.url, args.manifest))
    window: deque[tuple[Job, Future[Article | Rejection] | Rejection]] = deque()
    progress = _progress(len(jobs), args.progress)
    try:
        for job in jobs:
            window.append(_submit(pool, job, args.source))
            if len(window) >= max(4, 4 * workers):
                _write_one(window.popleft(), rules, out, errors, counts)
                progress(1)
        while window:
            _write_one(window.popleft(), rules, out, errors, counts)
            progress(1)
    finally:
        pool.close()
        progress(0, close=True)
    return counts


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """``-s NAME=VALUE`` pairs, then the named options, as settings (the crawl's names)."""
    overrides: dict[str, Any] = {}
    for pair in args.set:
        name, _, value = pair.partition("=")
        overrides[name.strip()] = value
    named = {"NEWS_EXTRACT_WORKERS": args.workers, "NEWS_EXTRACT_MIN_WORDS": args.min_words,
             "NEWS_VALIDATE_MAX_FUTURE_DAYS": args.max_future_days}  # fmt: skip
    overrides.update({k: v for k, v in named.items() if v is not None})
    return overrides


def _submit(pool: ExtractorPool, job: Job, source: str | None) -> tuple[Job, Future[Article | Rejection] | Rejection]:
    """The job (with the URL it was given, or found in the page) and its pending extraction."""
    try:
        page = load_page(job, source)
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        return job, Rejection(DropReason.UNREADABLE, f"unreadable file: {exc}")
    return dataclasses.replace(job, url=page.url), pool.submit(page)


def _write_one(
    entry: tuple[Job, Future[Article | Rejection] | Rejection],
    rules: RecordRules,
    out: IO[str],
    errors: IO[str] | None,
    counts: Counter[str],
) -> None:
    job, pending = entry
    result = pending if isinstance(pending, Rejection) else pending.result()
    if isinstance(result, Article) and (problem := rules.problem(result)) is not None:
        result = Rejection(*problem)
    if isinstance(result, Rejection):
        counts[str(result.reason)] += 1
        logger.warning("%s: %s (%s)", job.id or job.path, result.reason, result.detail)
        if errors is not None:
            error = {"id": job.id, "path": str(job.path), "url": job.url,
                     "reason": str(result.reason), "detail": result.detail}  # fmt: skip
            errors.write(json.dumps(error, ensure_ascii=False) + "\n")
        return
    counts["written"] += 1
    out.write(json.dumps(record_of(result, job), ensure_ascii=False) + "\n")
    out.flush()


def _progress(total: int, enabled: bool) -> Any:
    """A tqdm bar on stderr when it is a terminal; a no-op otherwise.

    Warnings logged meanwhile go through tqdm (``logging_redirect_tqdm``), so they print above
    the bar instead of breaking it.
    """
    if not enabled or not sys.stderr.isatty():
        return lambda n, close=False: None
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    bar = tqdm(total=total, unit="page", file=sys.stderr)
    redirect = logging_redirect_tqdm(loggers=[logging.getLogger()])
    redirect.__enter__()

    def update(n: int, close: bool = False) -> None:
        if close:
            bar.close()
            redirect.__exit__(None, None, None)
        else:
            bar.update(n)

    return update


EXAMPLES = """examples:
  scraper extract page.html --url https://news.example/2026/11/story.html
  scraper extract saved_pages/ -o articles.jsonl --errors rejected.jsonl
  scraper extract --manifest truth.jsonl -o predictions.jsonl
  scraper extract page.html -s NEWS_EXTRACT_KEEP_PAYWALLED=False --quiet
"""


class UsageError(Exception):
    """A mistake in the command line: one line on stderr and exit status 2, no traceback."""


def build_parser() -> argparse.ArgumentParser:
    """The ``scraper`` command line."""
    parser = argparse.ArgumentParser(prog="scraper", description="News scraper tools.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract",
        help="clean saved HTML pages into JSON Lines records",
        description="Clean saved HTML pages into JSON Lines records, exactly as a crawl would. Records go to "
        "stdout (or -o) in input order; pages that are not records are reported on stderr (and in --errors). "
        "Exit status: 0 when at least one record was written, 1 when none, 2 on a usage error.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("inputs", nargs="*", type=Path, help="HTML files (.html, .htm, .html.gz; any case) or folders")
    extract.add_argument("--url", help="the page's URL, for a single input file (default: its canonical link)")
    extract.add_argument("--manifest", type=Path, help="JSON Lines of {id, url, path?}")
    extract.add_argument("-o", "--output", type=Path, help="write records here (default: stdout); folders are made")
    extract.add_argument("--errors", type=Path, help="write one JSON line per rejected page here")
    extract.add_argument("--source", help="the source name to record (default: the URL's host without www.)")
    extract.add_argument("--workers", type=int, help="worker processes (0 = inline; default: NEWS_EXTRACT_WORKERS, "
                         "one per CPU)")  # fmt: skip
    extract.add_argument("--min-words", type=int, help="fewer words: not an article (NEWS_EXTRACT_MIN_WORDS)")
    extract.add_argument("--max-future-days", type=int,
                         help="a published date further ahead is bad_date (NEWS_VALIDATE_MAX_FUTURE_DAYS)")  # fmt: skip
    extract.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                         help="a crawl setting, as for scrapy crawl (NEWS_EXTRACT_KEEP_PAYWALLED=False)")  # fmt: skip
    extract.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    extract.add_argument("-q", "--quiet", action="store_true", help="no line per rejected page; only the summary")
    cluster_status.add_parser(commands)
    return parser


def _version() -> str:
    try:
        return metadata.version("news-scraper")
    except metadata.PackageNotFoundError:
        return "unknown"


def _check(args: argparse.Namespace) -> None:
    """Refuse a command line that cannot work, before any page is read."""
    if not args.inputs and args.manifest is None:
        raise UsageError("give HTML files, folders or --manifest")
    if args.url and (args.manifest is not None or len(args.inputs) != 1 or args.inputs[0].is_dir()):
        raise UsageError("--url applies to exactly one input file")
    missing = [p for p in [*args.inputs, *([args.manifest] if args.manifest else [])] if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    for name in ("workers", "min_words", "max_future_days"):
        value = getattr(args, name)
        if value is not None and value < 0:
            raise UsageError(f"--{name.replace('_', '-')} must be >= 0, got {value}")
    for pair in args.set:
        if "=" not in pair or not pair.split("=", 1)[0].strip():
            raise UsageError(f"-s takes NAME=VALUE, got {pair!r}")


def _open_for_writing(path: Path, what: str) -> IO[str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {what} {path}: {exc.strerror or exc}") from None


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``scraper`` console script."""
    args = build_parser().parse_args(argv)
    if args.command == "cluster":
        return cluster_status.main(args)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")  # fmt: skip
    try:
        _check(args)
        out = _open_for_writing(args.output, "records to") if args.output else sys.stdout
        errors = _open_for_writing(args.errors, "errors to") if args.errors else None
    except UsageError as exc:
        print(f"scraper extract: error: {exc}", file=sys.stderr)
        return 2
    try:
        counts = run_extract(args, out, errors)
    except ConfigError as exc:  # a setting given with -s that the stages refuse
        print(f"scraper extract: error: {exc}", file=sys.stderr)
        return 2
    finally:
        if args.output:
            out.close()
        if errors is not None:
            errors.close()
    summary = ", ".join(f"{key}={value}" for key, value in sorted(counts.items()))
    print(f"scraper extract: {summary or 'no input pages'}", file=sys.stderr)
    return 0 if counts["written"] else 1
