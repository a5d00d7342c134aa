"""``make demo`` / ``python -m scraper.demo``: crawl the embedded demo site, show the result.

Starts the demo news site on a free 127.0.0.1 port, runs ``scrapy crawl news -a url=...`` in a
subprocess exactly as a user would, stops the server, and prints where the JSON Lines file and
the run summary are, the summary's counts, and one cleaned record. Needs no network.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scraper.demo.server import DemoServer

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_crawl(base_url: str, output_template: str, extra: list[str]) -> int:
    """``scrapy crawl news`` against the demo site; returns its exit status.

    Each demo serves a new site (a new port), so it gets a crawl state of its own: the project's
    state would take the demo's articles for copies of the ones an earlier demo wrote.
    """
    with tempfile.TemporaryDirectory(prefix="news-demo-state-") as state:
        command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={base_url}/",
                   "-s", f"NEWS_OUTPUT_PATH={output_template}", "-s", f"NEWS_STATE_PATH={state}/news.sqlite3",
                   "-s", "LOG_LEVEL=WARNING",
                   "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", *extra]  # fmt: skip
        print("$", " ".join(command), flush=True)
        return subprocess.run(command, cwd=PROJECT_ROOT, check=False).returncode


def newest_summary(folder: Path, since: float) -> Path | None:
    """The run summary this crawl wrote (the newest one, written after ``since``)."""
    summaries = [p for p in folder.rglob("*.summary.json") if p.stat().st_mtime >= since]
    return max(summaries, key=lambda p: p.stat().st_mtime, default=None)


def show(summary_path: Path) -> None:
    """Print the output paths, the counts and one record."""
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    output = Path(summary["output"])
    print(f"\nRecords:  {output.resolve()}")
    print(f"Summary:  {summary_path.resolve()}")
    print(f"Fetched {summary['pages_fetched']} pages, wrote {summary['records_written']} records; "
          f"dropped: {summary['drops'] or 'none'}; fetch errors: {summary['fetch_errors'] or 'none'}")  # fmt: skip
    with output.open(encoding="utf-8") as lines:
        first = next(lines, None)
    if first is None:
        print("No record was written.")
        return
    print("\nOne cleaned record:")
    print(json.dumps(json.loads(first), indent=2, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", default="output/{spider}/{date}/{run_id}.jsonl", help="output path template")
    parser.add_argument("scrapy_args", nargs="*", help="extra arguments for scrapy crawl (after --)")
    args = parser.parse_args(argv)
    started = time.time() - 1
    with DemoServer() as server:
        print(f"Demo site: {server.base_url}/", flush=True)
        status = run_crawl(server.base_url, args.output, args.scrapy_args)
    if status != 0:
        print(f"scrapy crawl exited with status {status}", file=sys.stderr)
        return status
    folder = (PROJECT_ROOT / args.output.split("{", 1)[0]).resolve()
    summary = newest_summary(folder, started)
    if summary is None:
        print(f"No run summary found under {folder}", file=sys.stderr)
        return 1
    show(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
