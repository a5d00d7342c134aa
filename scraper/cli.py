"""``scraper extract``: clean saved pages offline with exactly the crawl's code path.

Inputs are HTML files (``.html``, ``.htm``, ``.html.gz``), WARC files (``.warc``, ``.warc.gz``:
our crawl archives, Common Crawl's CC-NEWS), folders of them, or a manifest (JSON Lines with
``id``, ``url`` and optionally ``path``, default ``pages/<id>.html.gz`` beside the manifest, the
shape of the corpus's ``truth.jsonl``); reading them is :mod:`scraper.inputs`. Each page becomes
a ``Page`` and goes through :func:`scraper.extraction.extract_article` in worker processes and
is checked against the crawl's record contract (:class:`scraper.validation.RecordRules`), as in
a crawl; records are written in input order as JSON Lines of the crawl's schema, plus ``id``
when the input had one (or as Markdown, ``--format markdown``). A page that cannot be read or
is not an article is reported (stderr, ``--errors``) and the batch goes on; the exit status is
1 only when no page at all became a record.
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
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from itemadapter import ItemAdapter

from scraper.cluster import status as cluster_status
from scraper.config import ConfigError, project_settings
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.workers import ExtractorPool, default_workers
from scraper.inputs import (
    Entry,
    Job,
    Selection,
    Skipped,
    iter_jobs,
    load_page,
    parse_bound,
    registered_domains,
    warc_entries,
)
from scraper.items import EXPORTED_FIELDS, Article, DropReason, Rejection
from scraper.markdown import render_markdown
from scraper.validation import RecordRules
from scraper.warc import is_warc

logger = logging.getLogger("scraper.extract")

SEPARATOR = "\n---\n\n"  # between records in --format markdown


def record_of(article: Article, job: Job) -> dict[str, Any]:
    """The JSON Lines record: the crawl's schema, plus ``id`` when the input had one."""
    record = {k: v for k, v in ItemAdapter(article).asdict().items() if k in EXPORTED_FIELDS}
    if job.id is not None:
        record = {"id": job.id, **record}
    return record


def run_extract(
    args: argparse.Namespace, out: IO[str], errors: IO[str] | None, selection: Selection | None = None
) -> Counter[str]:
    """Extract every input, writing records in input order; returns counts by outcome.

    At most a few pages per worker are in flight (read, extracting or waiting to be written), so
    memory stays flat however many pages an archive holds.
    """
    settings = project_settings(_overrides(args))
    options = ExtractionOptions.from_settings(settings)
    rules = RecordRules.from_settings(settings)
    workers = settings.getint("NEWS_EXTRACT_WORKERS")
    workers = default_workers() if workers == -1 else workers
    selection = selection or Selection()
    pool = ExtractorPool(workers, options)
    counts: Counter[str] = Counter()
    jobs = list(iter_jobs(args.inputs, args.url, args.manifest))
    total = None if any(is_warc(job.path) for job in jobs) else len(jobs)
    window: deque[tuple[Job, Future[Article | Rejection] | Rejection]] = deque()
    progress = _progress(total, args.progress)
    written = _Writer(out, errors, args.format, rules, selection, counts)
    try:
        for job, entry in _entries(jobs, args.source, selection, options.max_bytes):
            if isinstance(entry, Skipped):
                counts[entry.reason] += 1
                if entry.reason.startswith("malformed/"):  # damage is reported like a rejected page
                    written.report(job, entry.reason, entry.detail)
                continue
            window.append((job, entry if isinstance(entry, Rejection) else pool.submit(entry)))
            if len(window) >= max(4, 4 * workers):
                written.one(window.popleft())
                progress(1)
        while window:
            written.one(window.popleft())
            progress(1)
    finally:
        pool.close()
        progress(0, close=True)
    return counts


def _entries(jobs: list[Job], source: str | None, selection: Selection, max_bytes: int) -> Iterator[Entry]:
    """Each job's pages (one for an HTML file, every HTML response of a WARC file), streamed."""
    for job in jobs:
        if is_warc(job.path):
            yield from warc_entries(job, source, selection, max_bytes)
            continue
        try:
            page = load_page(job, source)
        except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield job, Rejection(DropReason.UNREADABLE, f"unreadable file: {exc}")
            continue
        job = dataclasses.replace(job, url=page.url)
        yield job, selection.before_extraction(page.url, None) or page


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


class _Writer:
    """Writes each finished page: a record (JSON Lines or Markdown), or its rejection, counted."""

    def __init__(
        self, out: IO[str], errors: IO[str] | None, form: str, rules: RecordRules, selection: Selection,
        counts: Counter[str],
    ) -> None:  # fmt: skip
        self.out, self.errors, self.form, self.rules = out, errors, form, rules
        self.selection, self.counts = selection, counts

    def one(self, entry: tuple[Job, Future[Article | Rejection] | Rejection]) -> None:
        job, pending = entry
        result = pending if isinstance(pending, Rejection) else pending.result()
        if isinstance(result, Article) and (problem := self.rules.problem(result)) is not None:
            result = Rejection(*problem)
        if isinstance(result, Rejection):
            self._rejected(job, result)
            return
        if (skipped := self.selection.after_extraction(result)) is not None:
            self.counts[skipped.reason] += 1
            return
        if self.form == "markdown":
            self.out.write((SEPARATOR if self.counts["written"] else "") + render_markdown(result.title, result.body))
        else:
            self.out.write(json.dumps(record_of(result, job), ensure_ascii=False) + "\n")
        self.counts["written"] += 1
        self.out.flush()

    def _rejected(self, job: Job, result: Rejection) -> None:
        self.counts[str(result.reason)] += 1
        self.report(job, str(result.reason), result.detail)

    def report(self, job: Job, reason: str, detail: str) -> None:
        """One line on stderr and, with ``--errors``, one JSON line (a WARC record's offset too)."""
        where = job.id or (f"{job.path}@{job.offset} {job.url or ''}" if job.offset is not None else job.path)
        logger.warning("%s: %s (%s)", where, reason, detail)
        if self.errors is not None:
            error: dict[str, Any] = {"id": job.id, "path": str(job.path), "url": job.url,
                                     "reason": reason, "detail": detail}  # fmt: skip
            if job.offset is not None:
                error["offset"] = job.offset
            self.errors.write(json.dumps(error, ensure_ascii=False) + "\n")


def _progress(total: int | None, enabled: bool) -> Any:
    """A tqdm bar on stderr when it is a terminal, with pages/s; a no-op otherwise.

    WARC inputs have no page count until read: the bar then counts and shows the rate only.

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
  scraper extract CC-NEWS-20261125*.warc.gz --domain bbc.co.uk,@sites.txt --since 2026-11-25 -o bbc.jsonl
  scraper extract output/news/2026-11-25/ --format markdown -o articles.md
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
    extract.add_argument("inputs", nargs="*", type=Path,
                         help="HTML (.html, .htm, .html.gz), WARC (.warc, .warc.gz) files or folders")  # fmt: skip
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
    extract.add_argument("--format", choices=("jsonl", "markdown"), default="jsonl",
                         help="records as JSON Lines (default) or Markdown documents separated by ---")  # fmt: skip
    extract.add_argument("--domain", action="append", default=[], metavar="DOMAINS",
                         help="keep only these registered domains: comma-separated, or @FILE (one a line)")  # fmt: skip
    extract.add_argument("--since", help="keep records dated (published, else fetched) on or after this ISO date")
    extract.add_argument("--until", help="keep records dated on or before this ISO date (a date: the whole day)")
    extract.add_argument("--language", action="append", default=[], metavar="TAGS",
                         help="keep records in these languages, comma-separated (en keeps en-GB)")  # fmt: skip
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
    if args.url and (args.manifest is not None or len(args.inputs) != 1 or args.inputs[0].is_dir()
                     or is_warc(args.inputs[0])):  # fmt: skip
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


def _selection(args: argparse.Namespace) -> Selection:
    """The ``--domain``, ``--since``/``--until`` and ``--language`` filters (UsageError when unreadable)."""
    try:
        domains = registered_domains(args.domain)
    except OSError as exc:
        raise UsageError(f"cannot read the --domain file: {exc.strerror or exc}") from None
    bounds = []
    for name, end in (("since", False), ("until", True)):
        try:
            bounds.append(parse_bound(getattr(args, name), end) if getattr(args, name) else None)
        except ValueError:
            raise UsageError(f"--{name} takes an ISO date (2026-11-25) or time, got {getattr(args, name)!r}") from None
    languages = frozenset(t.strip().lower() for v in args.language for t in v.split(",") if t.strip())
    return Selection(domains=domains, since=bounds[0], until=bounds[1], languages=languages)


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
        selection = _selection(args)
        out = _open_for_writing(args.output, "records to") if args.output else sys.stdout
        errors = _open_for_writing(args.errors, "errors to") if args.errors else None
    except UsageError as exc:
        print(f"scraper extract: error: {exc}", file=sys.stderr)
        return 2
    try:
        counts = run_extract(args, out, errors, selection)
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
