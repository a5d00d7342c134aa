"""``make bench-crawl`` runs end to end: three real crawls of a local site, one row each.

The figures themselves are not asserted (a timed test fails on a busy machine); what is
asserted is that each crawl fetched every page, that both extracting crawls made records, and
that memory and CPU were measured at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.benchmarks.bench_crawl import load_pages

PAGES = Path(__file__).parent / "data" / "pages"


def test_bench_crawl_prints_a_row_per_crawl() -> None:
    pages = len(list(PAGES.glob("*.html"))) + 3  # the folder's pages, three of them again under other URLs
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_crawl", "--site", str(PAGES),
                           "--pages", str(pages), "--runs", "1"],
                          capture_output=True, text=True, timeout=300, check=True)  # fmt: skip
    lines = done.stdout.splitlines()
    rows = {line[:24].strip(): line[24:].split() for line in lines[2:5]}
    assert set(rows) == {"Scrapy fetch", "Scrapy + trafilatura", "news crawl (ours)"}
    for name, (wall, fetched, _records, per_second, cpu_ms, rss_mb) in rows.items():
        assert int(fetched) >= pages + 2, name  # every page, plus robots.txt and the sitemap
        assert min(float(wall), float(per_second), float(cpu_ms)) > 0, name
        assert float(rss_mb) > 20, name
    assert int(rows["Scrapy fetch"][2]) == 0
    assert int(rows["Scrapy + trafilatura"][2]) > 0
    assert int(rows["news crawl (ours)"][2]) > 0
    assert lines[5].startswith("news crawl peak RSS MB, first half / second half")
    summary = dict(part.split("=", 1) for part in lines[-1].removeprefix("SUMMARY ").split())
    assert lines[-1].startswith("SUMMARY bench=crawl ")
    assert set(summary) == {"bench", "speedup", "cpu_ratio", "rss_mb", "baseline_rss_mb", "pages", "rss_growth_mb"}
    assert int(summary["pages"]) == pages
    assert min(float(summary[k]) for k in ("speedup", "cpu_ratio", "rss_mb", "baseline_rss_mb")) > 0


def test_bench_site_serves_the_pages_again_under_distinct_urls() -> None:
    once = load_pages(PAGES)
    many = load_pages(PAGES, 2 * len(once) + 1)
    assert len(many) == 2 * len(once) + 1
    assert set(once) < set(many)
    assert {path.split("/")[2] for path in set(many) - set(once)} == {"r1", "r2"}
    assert all(body in once.values() for body in many.values())
