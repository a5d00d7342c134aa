"""``make bench-archive``: `scraper extract` on a WARC file, pages/s and memory, beside plain trafilatura.

Builds a CC-NEWS shaped ``.warc.gz`` (one gzip member a record) from the real news pages of
``../shared/corpus`` (read where they lie, never copied into the project), repeated under
distinct URLs until it holds ``--records`` responses (2,000 by default), in a temporary folder.
Then, each in its own process, one after another:

- **trafilatura loop**: the same payloads, read with the same WARC reader, each through
  ``trafilatura.extract(html, url=…, with_metadata=True)`` in one process: what a user would
  write without this project;
- **scraper extract, 1 worker** and **scraper extract, all workers** (one per core): the whole
  product (WARC reading, the spider's head verdict, extraction and cleaning, validation, JSON Lines).

For each: wall time, pages, records, pages/s, CPU ms per page (user + system of the process and
every worker it waited for), peak RSS of the whole process tree and of the reading process alone
(flat over the archive: it holds a few pages per worker at a time). Figures are printed, not
asserted. The last line is ``SUMMARY bench=archive pages_per_s=… baseline_pages_per_s=… rss_mb=…``
(ours with all workers; the trafilatura loop; ours' peak tree RSS).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.extraction.workers import default_workers
from scraper.warc import WarcPage, read_warc
from tests.benchmarks.bench_crawl import PROJECT_ROOT, Run, _children_cpu, _tree_rss_kb

MAX_BYTES = 15_000_000


def corpus_pages(corpus: Path) -> list[tuple[str, bytes]]:
    """(url, html) of every page in the corpus's truth.jsonl whose file is there."""
    pages: list[tuple[str, bytes]] = []
    for line in (corpus / "truth.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        path = corpus / "pages" / f"{entry['id']}.html.gz"
        if path.is_file():
            pages.append((entry["url"], gzip.decompress(path.read_bytes())))
    return pages


def build_warc(pages: list[tuple[str, bytes]], records: int, target: Path) -> int:
    """Write ``records`` responses (the pages repeated, each copy under its own URL); returns the count."""
    with target.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number in range(records):
            url, body = pages[number % len(pages)]
            copy = number // len(pages)
            if copy:
                url += ("&" if "?" in url else "?") + f"bench_copy={copy}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")  # fmt: skip
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2026-11-25T10:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)
    return records


def run_baseline(warc: Path) -> None:
    """The trafilatura loop (run in a process of its own by :func:`measure`)."""
    import trafilatura

    done = 0
    for item in read_warc(warc, MAX_BYTES):
        if isinstance(item, WarcPage):
            text = trafilatura.extract(item.body, url=item.url, with_metadata=True)
            done += bool(text)
    print(f"written={done}", file=sys.stderr)


def measure(command: list[str], log: Path, interval: float = 0.05) -> tuple[Run, float]:
    """Run ``command`` to its end; its cost, and the peak RSS of its own process (MB)."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
        peak = own = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            try:
                status = Path(f"/proc/{process.pid}/status").read_text()
                own = max(own, next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS:")))
            except (OSError, StopIteration, ValueError):
                pass
            time.sleep(interval)
    wall = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command[:6])} ... exited with {process.returncode}; its log: {log}")
    run = Run(wall, _children_cpu() - cpu_before, peak / 1024)
    tail = [line for line in log.read_text("utf-8", "replace").splitlines() if "written=" in line]
    if tail:
        run.records = int(tail[-1].split("written=")[1].split(",")[0])
    return run, own / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"),
                        help="a corpus folder with truth.jsonl and pages/ (default: the shared corpus)")  # fmt: skip
    parser.add_argument("--records", type=int, default=2000, help="response records in the archive (default 2000)")
    parser.add_argument("--baseline", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline:
        run_baseline(args.baseline)
        return 0
    if not (args.corpus / "truth.jsonl").is_file():
        print(f"no corpus at {args.corpus}: nothing to measure (pass --corpus DIR)", file=sys.stderr)
        return 2
    pages = corpus_pages(args.corpus)
    if not pages:
        print(f"no pages in {args.corpus / 'pages'}", file=sys.stderr)
        return 2
    workers = default_workers()
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        warc = Path(tmp) / "CC-NEWS-bench.warc.gz"
        records = build_warc(pages, args.records, warc)
        print(f"{records} response records ({len(pages)} corpus pages repeated under distinct URLs), "
              f"{warc.stat().st_size / 1e6:.1f} MB; {workers} cores", flush=True)  # fmt: skip
        extract = [sys.executable, "-m", "scraper", "extract", str(warc), "-o", str(Path(tmp) / "out.jsonl"),
                   "--no-progress", "-q"]  # fmt: skip
        runs = {
            "trafilatura loop": [sys.executable, "-m", "tests.benchmarks.bench_archive", "--baseline", str(warc)],
            "scraper extract, 1 worker": [*extract, "--workers", "1"],
            f"scraper extract, {workers} workers": [*extract, "--workers", str(workers)],
        }
        results = {name: measure(command, Path(tmp) / f"{n}.log") for n, (name, command) in enumerate(runs.items())}
    header = ("wall s", "pages", "records", "pages/s", "CPU ms/page", "tree RSS MB", "reader RSS MB")
    print(f"{'run':32}" + "".join(f"{h:>14}" for h in header))
    for name, (run, own) in results.items():
        print(f"{name:32}{run.wall_s:14.1f}{records:14d}{run.records:14d}{records / run.wall_s:14.1f}"
              f"{1000 * run.cpu_s / records:14.1f}{run.peak_rss_mb:14.0f}{own:14.0f}")  # fmt: skip
    ours, _ = list(results.values())[-1]
    baseline, _ = results["trafilatura loop"]
    print(f"SUMMARY bench=archive pages_per_s={records / ours.wall_s:.1f} "
          f"baseline_pages_per_s={records / baseline.wall_s:.1f} rss_mb={ours.peak_rss_mb:.0f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
