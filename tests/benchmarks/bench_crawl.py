"""``make bench-crawl``: crawl throughput and peak memory, ours beside bare Scrapy, same run.

A local HTTP server on 127.0.0.1 serves a site made of the pages in ``--site`` (by default the
real news pages of ``../shared/corpus``, read where they lie, never copied), with a robots.txt
and a sitemap listing every page. ``--pages N`` serves N pages instead, the folder's pages over
and over under distinct URLs (``/a/r<k>/<name>.html``): a long crawl, to see that memory stays
flat (the news crawl's peak RSS in the first and the second half of its run is printed).
Three crawls of that site run one after another, each in its own process, with the same
concurrency and no delays:

- **Scrapy fetch**: a bare ``SitemapSpider`` that fetches every page and does nothing with it,
  the floor any Scrapy-based crawler pays;
- **Scrapy + trafilatura**: the same spider calling ``trafilatura.extract`` in its callback, what
  a user would write without this project;
- **news crawl**: ``scrapy crawl news -a sitemap=…``, the whole product (discovery, extraction in
  worker processes, cleaning, validation, de-duplication, JSON Lines output).

For each: wall time, pages fetched and pages/s, CPU ms per page (user + system of the process
and every worker it waited for), and peak RSS of the whole process tree (sampled from ``/proc``,
so extraction workers count), each the median over ``--runs`` runs (three by default, the
crawls interleaved). Figures are printed, not asserted: a timed test would fail on a busy
machine and pass on a fast one. The last line is machine-readable::

    SUMMARY bench=crawl speedup=<ours pages/s ÷ in-callback pages/s> cpu_ratio=<ours CPU ms/page ÷
    in-callback> rss_mb=<ours tree peak> baseline_rss_mb=<in-callback peak> pages=<n> rss_growth_mb=…
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from scraper.demo.loopback import LoopbackServer

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONCURRENCY = 16  # requests in flight, overall and per domain, for all three crawls


# --- the site ----------------------------------------------------------------------------


def load_pages(folder: Path, count: int = 0) -> dict[str, bytes]:
    """``/a/<name>.html`` -> page bytes, for every ``.html`` / ``.html.gz`` file in ``folder``.

    With ``count``, exactly that many pages: the folder's, repeated under ``/a/r<k>/`` paths.
    """
    pages: dict[str, bytes] = {}
    for file in sorted(folder.iterdir()):
        if file.name.endswith(".html.gz"):
            pages[f"/a/{file.name.removesuffix('.html.gz')}.html"] = gzip.decompress(file.read_bytes())
        elif file.name.endswith(".html"):
            pages[f"/a/{file.name}"] = file.read_bytes()
    if not count or not pages:
        return pages
    originals = list(pages.items())
    return {(path if n < len(originals) else path.replace("/a/", f"/a/r{n // len(originals)}/", 1)): body
            for n, (path, body) in ((n, originals[n % len(originals)]) for n in range(count))}  # fmt: skip


class BenchSite:
    """A threaded server for the bench pages, their sitemap and a robots.txt that names it."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self._server = LoopbackServer(lambda address: ThreadingHTTPServer(address, self._handler()), name="bench-site")
        self._server.start()
        self.base_url = self._server.base_url
        self.files = self._files()

    def _files(self) -> dict[str, tuple[bytes, str]]:
        urls = "".join(f"<url><loc>{escape(self.base_url + path)}</loc></url>" for path in self.pages)
        sitemap = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
        files = {path: (body, "text/html; charset=utf-8") for path, body in self.pages.items()}
        files["/sitemap.xml"] = (sitemap.encode(), "application/xml")
        files["/robots.txt"] = (
            f"User-agent: *\nAllow: /\nSitemap: {self.base_url}/sitemap.xml\n".encode(),
            "text/plain",
        )
        return files

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                found = site.files.get(self.path.split("?")[0])
                body, kind = found if found else (b"not found", "text/plain")
                self.send_response(200 if found else 404)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # the bench prints figures, not an access log

        return Handler

    def __enter__(self) -> BenchSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()


# --- measuring a process tree ------------------------------------------------------------


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, in kB (Linux ``/proc``)."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue  # the process ended between two reads
    return total


@dataclass(slots=True)
class Run:
    """What one crawl cost."""

    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    pages: int = 0
    records: int = 0
    half_peaks_mb: tuple[float, float] = (0.0, 0.0)  # peak RSS in the first and the second half of the run


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], log: Path, interval: float = 0.02) -> Run:
    """Run ``command`` to its end, sampling its process tree's RSS.

    The CPU time is the change in ``RUSAGE_CHILDREN``: once ``poll()`` has reaped the child, it
    holds the child's time plus that of every worker the child itself waited for.
    """
    cpu_before = _children_cpu()
    start = time.perf_counter()
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
        samples: list[tuple[float, int]] = []
        while process.poll() is None:
            samples.append((time.perf_counter() - start, _tree_rss_kb(process.pid)))
            time.sleep(interval)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:6])} ... exited with {process.returncode}; its log: {log}")
    first = max((kb for at, kb in samples if at < wall / 2), default=0)
    second = max((kb for at, kb in samples if at >= wall / 2), default=0)
    return Run(
        wall, _children_cpu() - cpu_before, max(first, second) / 1024, half_peaks_mb=(first / 1024, second / 1024)
    )


# --- the three crawls --------------------------------------------------------------------


def baseline_command(kind: str, sitemap: str, report: Path) -> list[str]:
    return [sys.executable, "-m", "tests.benchmarks.bench_crawl", "--baseline", kind, "--sitemap", sitemap,
            "--report", str(report)]  # fmt: skip


SPEED_SETTINGS = {  # the same for all three crawls: no politeness delays against our own server
    "LOG_LEVEL": "WARNING",
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": CONCURRENCY,
    "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY,
}


def news_command(sitemap: str, out: Path) -> list[str]:
    settings = {**SPEED_SETTINGS, "NEWS_OUTPUT_PATH": f"{out}/{{run_id}}.jsonl", "NEWS_STATE_ENABLED": False}
    options = [part for name, value in settings.items() for part in ("-s", f"{name}={value}")]
    return [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sitemap={sitemap}", *options]


def run_baseline(kind: str, sitemap: str, report: Path) -> None:
    """One bare Scrapy crawl of the sitemap (``fetch`` or ``trafilatura``), in this process."""
    import trafilatura
    from scrapy.crawler import CrawlerProcess
    from scrapy.http import Response
    from scrapy.spiders import SitemapSpider

    extracted = 0

    class BareSpider(SitemapSpider):
        name = "bare"
        sitemap_urls = (sitemap,)

        def parse(self, response: Response, **kwargs: Any) -> None:
            nonlocal extracted
            if kind == "trafilatura":
                extracted += trafilatura.extract(response.text, url=response.url, with_metadata=True) is not None

    reactor = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"  # the project's reactor
    process = CrawlerProcess({**SPEED_SETTINGS, "ROBOTSTXT_OBEY": True, "TWISTED_REACTOR": reactor})
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler)
    process.start()
    pages = crawler.stats.get_value("downloader/response_count", 0) if crawler.stats else 0
    report.write_text(json.dumps({"pages": pages, "records": extracted}))


def crawl_once(key: str, sitemap: str, tmp: Path, number: int) -> Run:
    """One crawl of the bench site, measured, with the pages it fetched and the records it made."""
    if key == "news":
        out = tmp / f"news-{number}"
        run = measure(news_command(sitemap, out), tmp / f"news-{number}.log")
        summary = json.loads(next(out.glob("*.summary.json")).read_text(encoding="utf-8"))
        run.pages, run.records = summary["pages_fetched"], summary["records_written"]
        return run
    report = tmp / f"{key}-{number}.json"
    run = measure(baseline_command(key, sitemap, report), tmp / f"{key}-{number}.log")
    counts = json.loads(report.read_text(encoding="utf-8"))
    run.pages, run.records = counts["pages"], counts["records"]
    return run


# --- the report --------------------------------------------------------------------------

ROWS = (("Scrapy fetch", "fetch"), ("Scrapy + trafilatura", "trafilatura"), ("news crawl (ours)", "news"))


def bench(pages: dict[str, bytes], runs: int) -> dict[str, list[Run]]:
    """Every crawl ``runs`` times, interleaved so a slow spell of the machine hits all three."""
    results: dict[str, list[Run]] = {key: [] for _, key in ROWS}
    with BenchSite(pages) as site, tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        for number in range(runs):
            for _, key in ROWS:
                results[key].append(crawl_once(key, f"{site.base_url}/sitemap.xml", Path(tmp), number))
    return results


def summary(results: dict[str, list[Run]], pages: int) -> str:
    """The machine-readable last line: ours against Scrapy + trafilatura in the callback."""

    def rate(key: str) -> float:
        return max(r.pages for r in results[key]) / statistics.median(r.wall_s for r in results[key])

    def cpu_ms(key: str) -> float:
        return 1000 * statistics.median(r.cpu_s for r in results[key]) / max(max(r.pages for r in results[key]), 1)

    def rss(key: str) -> float:
        return statistics.median(r.peak_rss_mb for r in results[key])

    growth = statistics.median(r.half_peaks_mb[1] - r.half_peaks_mb[0] for r in results["news"])
    return (f"SUMMARY bench=crawl speedup={rate('news') / rate('trafilatura'):.2f} "
            f"cpu_ratio={cpu_ms('news') / cpu_ms('trafilatura'):.2f} rss_mb={rss('news'):.0f} "
            f"baseline_rss_mb={rss('trafilatura'):.0f} pages={pages} rss_growth_mb={growth:.0f}")  # fmt: skip


def print_table(results: dict[str, list[Run]], pages: int) -> None:
    """One row per crawl, medians over the runs; the header's widths set the columns'."""
    print(f"{pages} pages served from 127.0.0.1, concurrency {CONCURRENCY}, median of {len(results['fetch'])} run(s)")
    header = ("wall s", "fetched", "records", "pages/s", "CPU ms/page", "peak RSS MB")
    print(f"{'crawl':<24}" + "".join(f"{h:>{len(h) + 2}}" for h in header))
    for label, key in ROWS:
        measured = results[key]
        wall = statistics.median(r.wall_s for r in measured)
        fetched = max(r.pages for r in measured)
        cells = (f"{wall:.1f}", str(fetched), str(max(r.records for r in measured)), f"{fetched / wall:.1f}",
                 f"{1000 * statistics.median(r.cpu_s for r in measured) / max(fetched, 1):.1f}",
                 f"{statistics.median(r.peak_rss_mb for r in measured):.0f}")  # fmt: skip
        print(f"{label:<24}" + "".join(f"{c:>{len(h) + 2}}" for c, h in zip(cells, header, strict=True)))
    halves = [r.half_peaks_mb for r in results["news"]]
    print("news crawl peak RSS MB, first half / second half of each run: "
          + ", ".join(f"{a:.0f} / {b:.0f}" for a, b in halves))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, default=Path("../shared/corpus/pages"),
                        help="folder of .html / .html.gz pages to serve (default: the shared corpus)")  # fmt: skip
    parser.add_argument("--pages", type=int, default=0,
                        help="pages to serve, the folder's repeated under new URLs (default: each once)")  # fmt: skip
    parser.add_argument("--runs", type=int, default=3, help="runs of each crawl, interleaved; the median is printed")
    parser.add_argument("--baseline", choices=("fetch", "trafilatura"), help=argparse.SUPPRESS)
    parser.add_argument("--sitemap", help=argparse.SUPPRESS)
    parser.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline:
        run_baseline(args.baseline, args.sitemap, args.report)
        return 0
    if not args.site.is_dir():
        print(f"no pages at {args.site}: nothing to measure (pass --site DIR)", file=sys.stderr)
        return 2
    pages = load_pages(args.site, max(args.pages, 0))
    if not pages:
        print(f"no .html or .html.gz files in {args.site}", file=sys.stderr)
        return 2
    results = bench(pages, max(args.runs, 1))
    print_table(results, len(pages))
    print(summary(results, len(pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
