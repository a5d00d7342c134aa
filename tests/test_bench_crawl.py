"""``make bench-crawl`` runs end to end: three real crawls of a local site, one row each.

The figures themselves are not asserted (a timed test fails on a busy machine); what is
asserted is that each crawl fetched every page, that both extracting crawls made records, and
that memory and CPU were measured at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAGES = Path(__file__).parent / "data" / "pages"


def test_bench_crawl_prints_a_row_per_crawl() -> None:
    pages = len(list(PAGES.glob("*.html")))
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_crawl", "--site", str(PAGES), "--runs", "1"],
                          capture_output=True, text=True, timeout=300, check=True)  # fmt: skip
    rows = {line[:24].strip(): line[24:].split() for line in done.stdout.splitlines()[2:]}
    assert set(rows) == {"Scrapy fetch", "Scrapy + trafilatura", "news crawl (ours)"}
    for name, (wall, fetched, _records, per_second, cpu_ms, rss_mb) in rows.items():
        assert int(fetched) >= pages + 2, name  # every page, plus robots.txt and the sitemap
        assert min(float(wall), float(per_second), float(cpu_ms)) > 0, name
        assert float(rss_mb) > 20, name
    assert int(rows["Scrapy fetch"][2]) == 0
    assert int(rows["Scrapy + trafilatura"][2]) > 0
    assert int(rows["news crawl (ours)"][2]) > 0
