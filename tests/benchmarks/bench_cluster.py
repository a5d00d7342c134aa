"""``make bench-cluster``: a crawl by 1, 2 and 3 Redis workers beside the single-process crawl, same run.

The site is ``make bench-crawl``'s (``tests/benchmarks/bench_crawl.py``: the pages of ``--site``
served from 127.0.0.1 with a robots.txt and a sitemap), the Redis a real ``redis-server`` on a
free port (``tests/redisserver.py``). Each cluster crawl starts its workers at the same moment
with the same arguments, politeness off (``NEWS_REDIS_POLITENESS=False``, no delays), as a
cluster on one machine; the wall time runs until the last worker has exited, so it includes the
``NEWS_REDIS_IDLE_SECONDS`` every worker waits before closing (set to 0.5 s here) and the
start-up of each process. Pages/s is the pages fetched by all workers over that time; CPU ms/page
is user + system of every process (workers and their extraction processes).

Redis memory per URL: after the 1-worker crawl, ``MEMORY USAGE`` of the run's dupefilter set, of
its de-dup claims and of every crawl-state key, and ``INFO memory``'s ``used_memory`` before and after, each over the
URLs the dupefilter holds; a queued request's size is sampled while the crawl runs. Those are
the figures to multiply for 10M URLs (the README does). Figures are printed, not asserted.

The machine here has few cores: workers on one machine share them, so more workers cannot be
faster than one process when extraction is the bottleneck; what the table shows is what the
shared frontier costs, and whether work spreads.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.bench_crawl import CONCURRENCY, PROJECT_ROOT, BenchSite, load_pages
from tests.redisserver import SKIP_REASON, RedisServer, redis_server_binary

SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": CONCURRENCY,
    "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY,
    "NEWS_REDIS_IDLE_SECONDS": 0.5,
    "NEWS_REDIS_POLITENESS": False,
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl(sitemap: str, out: Path, workers: int, redis_url: str | None, crawl_name: str) -> dict[str, Any]:
    """Start ``workers`` crawls at once (0 Redis = the single process); wall, CPU, pages, records."""
    settings: dict[str, Any] = {**SETTINGS, "NEWS_OUTPUT_PATH": f"{out}/{{run_id}}.jsonl",
                                "NEWS_STATE_PATH": f"{out}/state.sqlite3"}  # fmt: skip
    if redis_url:
        settings |= {"NEWS_REDIS_URL": redis_url, "NEWS_REDIS_CRAWL": crawl_name}
    options = [part for name, value in settings.items() for part in ("-s", f"{name}={value}")]
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sitemap={sitemap}", *options]
    out.mkdir(parents=True, exist_ok=True)
    cpu_before = _children_cpu()
    start = time.perf_counter()
    processes = []
    for number in range(workers):
        with (out / f"worker{number}.log").open("wb") as log:
            processes.append(subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=log))
    codes = [p.wait() for p in processes]
    wall = time.perf_counter() - start
    if any(codes):
        raise RuntimeError(f"a crawl exited with {codes}; logs in {out}")
    summaries = [json.loads(p.read_text("utf-8")) for p in out.glob("*.summary.json")]
    return {
        "wall": wall,
        "cpu": _children_cpu() - cpu_before,
        "pages": sum(s["pages_fetched"] for s in summaries),
        "records": sum(s["records_written"] for s in summaries),
        "spread": sorted((s["pages_fetched"] for s in summaries), reverse=True),
    }


def sample_queue(server: RedisServer, stop: threading.Event, found: dict[str, float]) -> None:
    """The largest bytes per queued request seen while the crawl runs."""
    client = server.client()
    while not stop.is_set():
        for key in client.scan_iter(match="news:*:queue"):
            count = int(client.zcard(key) or 0)
            if count >= 5:
                found["queue"] = max(found.get("queue", 0.0), int(client.memory_usage(key, samples=0) or 0) / count)
        time.sleep(0.05)


def memory(server: RedisServer, used_before: int) -> dict[str, float]:
    """Bytes per URL the run left in Redis: dupefilter, crawl state, and used_memory's growth."""
    client = server.client()
    seen_keys = list(client.scan_iter(match="news:bench1:*:seen"))
    urls = sum(int(client.scard(k)) for k in seen_keys)
    seen = sum(int(client.memory_usage(k, samples=0) or 0) for k in seen_keys)
    claims = sum(
        int(client.memory_usage(k, samples=0) or 0) for k in client.scan_iter(match="news:bench1:*:claim:*", count=1000)
    )
    state_keys = list(client.scan_iter(match="news:bench1:state:*", count=1000))
    state = sum(int(client.memory_usage(k, samples=0) or 0) for k in state_keys)
    articles = sum(1 for k in state_keys if b":state:a:" in k)
    used = int(client.info("memory")["used_memory"]) - used_before
    return {"urls": urls, "articles": articles, "seen": seen / max(urls, 1), "claims": claims / max(urls, 1),
            "state": state / max(urls, 1),
            "state_per_article": state / max(articles, 1), "used": used / max(urls, 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, default=Path("../shared/corpus/pages"),
                        help="folder of .html / .html.gz pages to serve (default: the shared corpus)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=Path(".bench/cluster"))
    args = parser.parse_args(argv)
    if redis_server_binary() is None:
        print(SKIP_REASON, file=sys.stderr)
        return 2
    pages = load_pages(args.site) if args.site.is_dir() else {}
    if not pages:
        print(f"no pages at {args.site}: nothing to measure (pass --site DIR)", file=sys.stderr)
        return 2
    rows: list[tuple[str, dict[str, Any]]] = []
    with BenchSite(pages) as site, RedisServer() as server:
        sitemap = f"{site.base_url}/sitemap.xml"
        stamp = time.strftime("%Y%m%dT%H%M%S")
        rows.append(("single process", crawl(sitemap, args.out / stamp / "single", 1, None, "")))
        used_before = int(server.client().info("memory")["used_memory"])
        stop, found = threading.Event(), {}
        sampler = threading.Thread(target=sample_queue, args=(server, stop, found), daemon=True)
        sampler.start()
        rows.append(("1 Redis worker", crawl(sitemap, args.out / stamp / "w1", 1, server.url, "bench1")))
        stop.set()
        sampler.join()
        per_url = memory(server, used_before)
        for n in (2, 3):
            rows.append((f"{n} Redis workers", crawl(sitemap, args.out / stamp / f"w{n}", n, server.url, f"bench{n}")))
    print(f"{len(pages)} pages served from 127.0.0.1, concurrency {CONCURRENCY} per worker, politeness off")
    header = ("wall s", "fetched", "records", "pages/s", "CPU ms/page", "pages per worker")
    print(f"{'crawl':<18}" + "".join(f"{h:>{len(h) + 2}}" for h in header))
    for label, r in rows:
        cells = (f"{r['wall']:.1f}", str(r["pages"]), str(r["records"]), f"{r['pages'] / r['wall']:.1f}",
                 f"{1000 * r['cpu'] / max(r['pages'], 1):.1f}", "/".join(map(str, r["spread"])))  # fmt: skip
        print(f"{label:<18}" + "".join(f"{c:>{len(h) + 2}}" for c, h in zip(cells, header, strict=True)))
    total = per_url["seen"] + per_url["claims"] + per_url["state"]
    print(f"Redis per URL ({per_url['urls']} URLs, {per_url['articles']} articles): dupefilter {per_url['seen']:.0f} B,"
          f" run's dedup claims {per_url['claims']:.0f} B, crawl state {per_url['state']:.0f} B"
          f" ({per_url['state_per_article']:.0f} B per article),"
          f" used_memory growth {per_url['used']:.0f} B; a queued request {found.get('queue', 0):.0f} B")  # fmt: skip
    print(
        f"10M URLs: dupefilter + claims + state ~{total * 1e7 / 2**30:.1f} GiB (used_memory growth: "
        f"~{per_url['used'] * 1e7 / 2**30:.1f} GiB)"
    )
    rates = ",".join(f"{r['pages'] / r['wall']:.1f}" for _, r in rows)
    print(f"SUMMARY bench=cluster workers=single,1,2,3 pages_per_s={rates} redis_bytes_per_url={total:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
