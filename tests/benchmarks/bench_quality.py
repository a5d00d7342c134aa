"""``make bench-quality``: our extraction vs plain trafilatura on the shared corpus, side by side.

Both run in the same process on the same pages, interleaved page by page, so their ms/page
figures share the machine's state. Ours goes through :func:`scraper.extraction.extract_article`
exactly as ``scraper extract`` and the crawl do; the baseline is the call the issue measured,
``trafilatura.extract(html, url=..., with_metadata=True)``. This is the one module besides
``extraction.py`` that imports trafilatura, on purpose: it is the yardstick. Both prediction
files are scored by ``../shared/eval/score.py``; the per-page table shows ours next to the
baseline so a regression on one page is easy to find.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import trafilatura
from itemadapter import ItemAdapter

from scraper.extraction.article import extract_article
from scraper.items import Article, Page

ROWS = (
    ("body F1", "body_f1"),
    ("precision", "precision"),
    ("recall", "recall"),
    ("title", "title"),
    ("authors", "authors"),
    ("date (day)", "date"),
    ("date (minute)", "date_minute"),
    ("caption leak", "caption_leak"),
    ("missing", "missing"),
)


def corpus_pages(corpus: Path) -> list[tuple[str, str, bytes]]:
    """(id, url, html bytes) for every page of the corpus manifest."""
    pages = []
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        body = gzip.decompress((corpus / "pages" / f"{entry['id']}.html.gz").read_bytes())
        pages.append((entry["id"], entry["url"], body))
    return pages


def run_both(pages: list[tuple[str, str, bytes]], out: Path) -> dict[str, list[float]]:
    """Extract every page with both, write both prediction files; return ms per page."""
    timings: dict[str, list[float]] = {"ours": [], "trafilatura": []}
    with (
        (out / "ours.jsonl").open("w", encoding="utf-8") as ours,
        (out / "trafilatura.jsonl").open("w", encoding="utf-8") as base,
    ):
        for page_id, url, body in pages:
            page = Page(url=url, final_url=url, status=200, body=body, encoding="utf-8", content_type="text/html",
                        fetched_at="1970-01-01T00:00:00+00:00", source="corpus", discovered_via="file")  # fmt: skip
            start = time.perf_counter()
            result = extract_article(page)
            timings["ours"].append((time.perf_counter() - start) * 1000)
            if isinstance(result, Article):
                ours.write(json.dumps({"id": page_id, **ItemAdapter(result).asdict()}, ensure_ascii=False) + "\n")
            start = time.perf_counter()
            plain = trafilatura.extract(body.decode("utf-8"), url=url, with_metadata=True, output_format="json")
            timings["trafilatura"].append((time.perf_counter() - start) * 1000)
            base.write(json.dumps({"id": page_id, **_plain_record(plain)}, ensure_ascii=False) + "\n")
    return timings


def _plain_record(result: str | None) -> dict[str, Any]:
    data = json.loads(result) if result else {}
    return {"text": data.get("text") or "", "title": data.get("title"),
            "authors": data.get("author") or "", "published": data.get("date")}  # fmt: skip


def score(eval_dir: Path, truth: Path, pred: Path, by_page: Path) -> dict[str, Any]:
    """Run the shared scorer and return its metrics."""
    metrics = by_page.with_suffix(".metrics.json")
    subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), "--truth", str(truth), "--pred", str(pred),
         "--by-page", str(by_page), "--json", str(metrics)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(metrics.read_text(encoding="utf-8"))
    return result


def merge_by_page(ours: Path, base: Path, target: Path) -> None:
    """One row per page: our F1/P/R and flags next to trafilatura's, worst of ours first."""

    def load(path: Path) -> dict[str, dict[str, str]]:
        with path.open(encoding="utf-8") as handle:
            return {row["id"]: row for row in csv.DictReader(handle, delimiter="\t")}

    mine, theirs = load(ours), load(base)
    columns = ("f1", "precision", "recall", "title_ok", "authors_f1", "date_day_ok", "caption_leak")
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["id", *[f"ours_{c}" for c in columns], *[f"traf_{c}" for c in columns], "f1_delta"])
        for page_id, row in sorted(mine.items(), key=lambda kv: float(kv[1]["f1"] or 0)):
            other = theirs.get(page_id, {})
            delta = float(row["f1"] or 0) - float(other.get("f1") or 0)
            writer.writerow([page_id, *[row.get(c, "") for c in columns], *[other.get(c, "") for c in columns],
                             f"{delta:+.3f}"])  # fmt: skip


def print_table(ours: dict[str, Any], base: dict[str, Any], timings: dict[str, list[float]]) -> None:
    """The two rows side by side, as the issue's table."""

    def fmt(value: Any) -> str:
        return "NA" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))

    print(f"{'metric':<16}{'ours':>10}{'trafilatura':>14}")
    for label, key in ROWS:
        print(f"{label:<16}{fmt(ours.get(key)):>10}{fmt(base.get(key)):>14}")
    ours_ms, base_ms = statistics.median(timings["ours"]), statistics.median(timings["trafilatura"])
    print(f"{'median ms/page':<16}{ours_ms:>10.1f}{base_ms:>14.1f}   (ratio {ours_ms / base_ms:.2f}x)")
    ours_mean, base_mean = statistics.fmean(timings["ours"]), statistics.fmean(timings["trafilatura"])
    print(f"{'mean ms/page':<16}{ours_mean:>10.1f}{base_mean:>14.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path(".bench/quality"))
    args = parser.parse_args(argv)
    if not (args.corpus / "truth.jsonl").exists() or not (args.eval / "score.py").exists():
        print(f"no corpus at {args.corpus} or scorer at {args.eval}: nothing to measure", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    pages = corpus_pages(args.corpus)
    timings = run_both(pages, args.out)
    truth = args.corpus / "truth.jsonl"
    ours = score(args.eval, truth, args.out / "ours.jsonl", args.out / "ours.by-page.tsv")
    base = score(args.eval, truth, args.out / "trafilatura.jsonl", args.out / "trafilatura.by-page.tsv")
    merge_by_page(args.out / "ours.by-page.tsv", args.out / "trafilatura.by-page.tsv", args.out / "by-page.tsv")
    print(f"{len(pages)} pages from {args.corpus}")
    print_table(ours, base, timings)
    print(f"per-page table: {args.out / 'by-page.tsv'} (worst of ours first)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
