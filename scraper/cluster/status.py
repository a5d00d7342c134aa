"""``scraper cluster status``: the cluster run at a glance, added up from Redis and the workers' summaries.

Redis says which run is open (or was the last), how many workers joined it, and what is queued
and leased right now; the workers' ``<run id>-wNN.summary.json`` files under ``--output`` (one
folder tree, e.g. a shared mount or files gathered from the machines) add up to the cluster's
pages, records and failures. Prints one JSON object; exit status 1 when Redis cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import redis

from scraper.cluster.run import connect, redacted


def add_parser(commands: Any) -> None:
    """The ``cluster`` command and its ``status`` subcommand, on the ``scraper`` parser."""
    cluster = commands.add_parser("cluster", help="a crawl shared by many machines (NEWS_REDIS_URL)")
    actions = cluster.add_subparsers(dest="action", required=True)
    status = actions.add_parser("status", help="the cluster run: queued, leased, workers, records (JSON)")
    status.add_argument("--redis", required=True, metavar="URL", help="NEWS_REDIS_URL of the cluster")
    status.add_argument("--crawl", default="news", help="NEWS_REDIS_CRAWL of the cluster (default: news)")
    status.add_argument("--output", type=Path, help="folder holding the workers' summaries (searched recursively)")


def main(args: argparse.Namespace) -> int:
    try:
        report = status(args.redis, args.crawl, args.output)
    except (redis.RedisError, ValueError) as exc:  # ValueError: not a redis:// URL
        print(f"scraper cluster status: error: Redis at {redacted(args.redis)}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report, indent=2))
    return 0


def status(url: str, crawl: str, output: Path | None) -> dict[str, Any]:
    """What the cluster's current (or last) run is doing, and what its workers reported."""
    client = connect(url)
    prefix = f"news:{crawl}"
    current: Any = client.get(f"{prefix}:current")
    last: Any = current or client.get(f"{prefix}:last")
    run_id = last.decode() if last else None
    report: dict[str, Any] = {"crawl": crawl, "run_id": run_id, "open": bool(current)}
    if run_id is None:
        return report
    key = f"{prefix}:{run_id}"
    report |= {"workers_joined": int(client.get(f"{key}:workers") or 0), "queued": int(client.zcard(f"{key}:queue")),
               "leased": int(client.zcard(f"{key}:leases")), "urls_seen": int(client.scard(f"{key}:seen"))}  # fmt: skip
    if output is not None:
        summaries, unreadable = [], []
        for path in sorted(output.rglob(f"{run_id}-w*.summary.json")):
            try:
                summaries.append(dict(json.loads(path.read_text("utf-8"))))
            except (OSError, ValueError, TypeError) as exc:  # a summary cut short or edited by hand
                unreadable.append(f"{path}: {exc}")
        report["workers_finished"] = len(summaries)
        if unreadable:
            report["unreadable_summaries"] = unreadable
        report["pages_fetched"] = sum(int(s.get("pages_fetched", 0)) for s in summaries)
        report["records_written"] = sum(int(s.get("records_written", 0)) for s in summaries)
        report["failed"] = {str(s.get("run_id")): s["failed"] for s in summaries if s.get("failed")}
    return report
