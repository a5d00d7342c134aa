"""``make bench-quality``: our extraction vs plain trafilatura on every shared corpus, side by side.

For each corpus (``../shared/corpus``: news pages; ``../shared/corpus-wcxb``: pages of seven
kinds, WCXB by Murrough Foley, CC-BY-4.0) both extractors run on the same pages in the same
worker process, one right after the other, so their ms/page share the machine's state. Ours goes
through :func:`scraper.extraction.article.extract_article` and the record contract
(:class:`scraper.validation.RecordRules`) exactly as ``scraper extract`` does; the baseline is
``trafilatura.extract(html, url=..., with_metadata=True)``. This module and
``scraper/extraction/article.py`` are the ones that import trafilatura, on purpose: it is the
yardstick. Both prediction files are scored by ``../shared/eval/score.py``.

Printed per corpus: the metric table (ours beside trafilatura), the page-kind and snippet
figures when the truth has them, time per page, and one machine-readable line::

    SUMMARY corpus=<name> body_f1=… precision=… recall=… article_recall=… other_emitted=… title=… date=… time_ratio=…

and, last, one over every corpus: ``SUMMARY bench=quality time_ratio_median=… time_ratio_mean=…``
(CPU time per page, ours ÷ trafilatura; each page timed in three interleaved rounds, median kept).

Then the ablation report (see :mod:`tests.benchmarks.ablation`) summed over the corpora: what
each cleaning rule and the pre-pruning removed from article pages, story tokens vs the rest.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
from itemadapter import ItemAdapter

from scraper.api import declared_url
from scraper.extraction.article import extract_article
from scraper.extraction.decoding import decode_body
from scraper.items import Article, Page
from scraper.validation import RecordRules
from tests.benchmarks.ablation import Removed, ablate_page, report, tracing

ROWS = (
    ("body F1", "body_f1"),
    ("precision", "precision"),
    ("recall", "recall"),
    ("title", "title"),
    ("authors", "authors"),
    ("date (day)", "date"),
    ("date (minute)", "date_minute"),
    ("caption leak", "caption_leak"),
    ("with_ok", "with_ok"),
    ("without_leak", "without_leak"),
    ("article recall", "article_recall"),
    ("other emitted", "other_emitted"),
    ("missing", "missing"),
)
ROUNDS = 3  # timing rounds per page (ours, then trafilatura, in each); the median is kept
CREDITS = {"corpus-wcxb": "WCXB by Murrough Foley (CC-BY-4.0)"}


@dataclass(slots=True, frozen=True)
class Job:
    """One corpus page to measure."""

    page_id: str
    url: str
    path: str
    truth_body: str | None  # set on article pages when the ablation runs


def corpus_jobs(corpus: Path, ablation: bool) -> list[Job]:
    """Every page of the corpus manifest (lines split on ``\\n`` only: bodies hold U+2028)."""
    jobs = []
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        entry = json.loads(line)
        article = entry.get("page_type", "article") == "article"
        body = entry.get("body") if ablation and article else None
        path = corpus / "pages" / f"{entry['id']}.html.gz"
        jobs.append(Job(entry["id"], entry.get("url") or "", str(path), body))
    return jobs


def measure(job: Job) -> dict[str, Any]:
    """Both extractors on one page (and the ablation when the job carries a truth body)."""
    body = gzip.decompress(Path(job.path).read_bytes())
    # As ``scraper extract --manifest`` does: a manifest entry without a URL takes the page's own.
    url = job.url or declared_url(body) or Path(job.path).resolve().as_uri()
    page = Page(url=url, final_url=url, status=200, body=body, encoding=None, content_type="text/html",
                fetched_at="1970-01-01T00:00:00+00:00", source="corpus", discovered_via="file")  # fmt: skip
    with tracing() as removed:
        result = extract_article(page)
    record = None
    if isinstance(result, Article) and RecordRules().problem(result) is None:
        record = {"id": job.page_id, **ItemAdapter(result).asdict()}
    decoded = decode_body(body, None)
    html = decoded if isinstance(decoded, str) else body.decode("utf-8", "replace")
    plain = trafilatura.extract(html, url=url, with_metadata=True, output_format="json")
    ours_ms, base_ms = _cpu_ms(page, html, url)
    out: dict[str, Any] = {"ours": record, "ours_ms": ours_ms, "base": _plain_record(job.page_id, plain),
                           "base_ms": base_ms}  # fmt: skip
    if job.truth_body is not None:
        ablation = ablate_page(page, job.truth_body, result, removed)
        out["ablation"] = {
            name: (r.truth, r.other, r.dup, r.blocks, r.pages_hurt) for name, r in ablation.rules.items()
        }
        out["dropped_by_cleaning"] = ablation.dropped_by_cleaning
    return out


def _cpu_ms(page: Page, html: str, url: str) -> tuple[float, float]:
    """CPU ms of ours and of the baseline on one page: medians of ``ROUNDS`` rounds, interleaved.

    CPU time of this thread, not wall time: the pool's other workers and the rest of the machine
    do not count against either side, and each round runs both back to back.
    """
    ours: list[float] = []
    base: list[float] = []
    for _ in range(ROUNDS):
        start = time.thread_time()
        extract_article(page)
        ours.append((time.thread_time() - start) * 1000)
        start = time.thread_time()
        trafilatura.extract(html, url=url or None, with_metadata=True, output_format="json")
        base.append((time.thread_time() - start) * 1000)
    return statistics.median(ours), statistics.median(base)


def _plain_record(page_id: str, result: str | None) -> dict[str, Any] | None:
    data = json.loads(result) if result else {}
    if not data.get("text"):
        return None
    return {"id": page_id, "text": data["text"], "title": data.get("title"), "authors": data.get("author") or "",
            "published": data.get("date")}  # fmt: skip


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
    columns = ("f1", "precision", "recall", "title_ok", "authors_f1", "date_day_ok", "caption_leak", "emitted")
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["id", "page_type", *[f"ours_{c}" for c in columns], *[f"traf_{c}" for c in columns],
                         "f1_delta"])  # fmt: skip
        for page_id, row in sorted(mine.items(), key=lambda kv: float(kv[1]["f1"] or 0)):
            other = theirs.get(page_id, {})
            delta = float(row["f1"] or 0) - float(other.get("f1") or 0)
            writer.writerow([page_id, row.get("page_type", ""), *[row.get(c, "") for c in columns],
                             *[other.get(c, "") for c in columns], f"{delta:+.3f}"])  # fmt: skip


def _fmt(value: Any) -> str:
    return "NA" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))


def _share(value: Any) -> str:
    """The scorer's ``[emitted, total]`` per kind as ``emitted/total``."""
    return f"{value[0]}/{value[1]}" if isinstance(value, list) and len(value) == 2 else _fmt(value)


def print_corpus(name: str, ours: dict[str, Any], base: dict[str, Any], timings: dict[str, list[float]]) -> None:
    """The two rows side by side, the page kinds, time per page and the SUMMARY line."""
    print(f"{'metric':<16}{'ours':>10}{'trafilatura':>14}")
    for label, key in ROWS:
        if ours.get(key) is None and base.get(key) is None and key not in ("body_f1", "missing"):
            continue
        print(f"{label:<16}{_fmt(ours.get(key)):>10}{_fmt(base.get(key)):>14}")
    kinds = ours.get("other_emitted_by_type") or {}
    if kinds:
        theirs = base.get("other_emitted_by_type") or {}
        print("non-articles emitted, by kind (lower is better):")
        for kind, value in sorted(kinds.items()):
            print(f"  {kind:<14}{_share(value):>10}{_share(theirs.get(kind)):>14}")
    ratio, mean_ratio = time_ratios(timings)
    ours_ms, base_ms = statistics.median(timings["ours"]), statistics.median(timings["trafilatura"])
    print(f"{'median CPU ms':<16}{ours_ms:>10.1f}{base_ms:>14.1f}   (ratio {ratio:.2f}x)")
    ours_mean, base_mean = statistics.fmean(timings["ours"]), statistics.fmean(timings["trafilatura"])
    print(f"{'mean CPU ms':<16}{ours_mean:>10.1f}{base_mean:>14.1f}   (ratio {mean_ratio:.2f}x)")
    print(f"{'max CPU ms':<16}{max(timings['ours']):>10.1f}{max(timings['trafilatura']):>14.1f}")
    fields = ("body_f1", "precision", "recall", "article_recall", "other_emitted", "title", "authors", "date",
              "with_ok", "without_leak", "caption_leak")  # fmt: skip
    summary = " ".join(f"{key}={_fmt(ours.get(key))}" for key in fields)
    print(f"SUMMARY corpus={name} {summary} time_ratio={ratio:.2f} time_ratio_median={ratio:.2f} "
          f"time_ratio_mean={mean_ratio:.2f} ms_per_page={ours_ms:.1f}")  # fmt: skip


def time_ratios(timings: dict[str, list[float]]) -> tuple[float, float]:
    """Ours ÷ trafilatura on the median and on the mean page (CPU ms per page)."""
    base_median, base_mean = statistics.median(timings["trafilatura"]), statistics.fmean(timings["trafilatura"])
    median = statistics.median(timings["ours"]) / base_median if base_median else float("nan")
    return median, statistics.fmean(timings["ours"]) / base_mean if base_mean else float("nan")


def default_corpora() -> list[Path]:
    """The shared corpora beside the project that exist."""
    shared = Path("../shared")
    return [path for path in (shared / "corpus", shared / "corpus-wcxb") if (path / "truth.jsonl").exists()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, action="append", help="a corpus folder (repeatable; default: both)")
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path(".bench/quality"))
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--no-ablation", action="store_true", help="skip the ablation report (halves the time)")
    args = parser.parse_args(argv)
    corpora = [c for c in (args.corpus or default_corpora()) if (c / "truth.jsonl").exists()]
    if not corpora or not (args.eval / "score.py").exists():
        print(f"no corpus under ../shared (or scorer at {args.eval}): nothing to measure", file=sys.stderr)
        return 2
    totals: dict[str, Removed] = {}
    every: dict[str, list[float]] = {"ours": [], "trafilatura": []}
    dropped = ablated = 0
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, args.workers), mp_context=context) as pool:
        for corpus in corpora:
            name = corpus.resolve().name
            out = args.out / name
            out.mkdir(parents=True, exist_ok=True)
            jobs = corpus_jobs(corpus, not args.no_ablation)
            timings: dict[str, list[float]] = {"ours": [], "trafilatura": []}
            with (out / "ours.jsonl").open("w", encoding="utf-8") as ours, \
                    (out / "trafilatura.jsonl").open("w", encoding="utf-8") as base:  # fmt: skip
                for result in pool.map(measure, jobs, chunksize=4):
                    timings["ours"].append(result["ours_ms"])
                    timings["trafilatura"].append(result["base_ms"])
                    if result["ours"] is not None:
                        ours.write(json.dumps(result["ours"], ensure_ascii=False) + "\n")
                    if result["base"] is not None:
                        base.write(json.dumps(result["base"], ensure_ascii=False) + "\n")
                    for rule, counts in result.get("ablation", {}).items():
                        totals.setdefault(rule, Removed()).add(Removed(*counts))
                    ablated += "ablation" in result
                    dropped += bool(result.get("dropped_by_cleaning"))
            truth = corpus / "truth.jsonl"
            ours_m = score(args.eval, truth, out / "ours.jsonl", out / "ours.by-page.tsv")
            base_m = score(args.eval, truth, out / "trafilatura.jsonl", out / "trafilatura.by-page.tsv")
            merge_by_page(out / "ours.by-page.tsv", out / "trafilatura.by-page.tsv", out / "by-page.tsv")
            credit = f"; {CREDITS[name]}" if name in CREDITS else ""
            print(f"\n== {name}: {len(jobs)} pages from {corpus}{credit}")
            print_corpus(name, ours_m, base_m, timings)
            every["ours"] += timings["ours"]
            every["trafilatura"] += timings["trafilatura"]
            print(f"per-page table: {out / 'by-page.tsv'} (worst of ours first)")
    if totals:
        print()
        print("\n".join(report(totals, dropped, ablated)))
    median, mean = time_ratios(every)
    print(f"SUMMARY bench=quality time_ratio_median={median:.2f} time_ratio_mean={mean:.2f} "
          f"max_ms={max(every['ours']):.0f} pages={len(every['ours'])} rounds={ROUNDS}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
