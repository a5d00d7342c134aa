"""Shared fixtures: the demo site on 127.0.0.1, a real `scrapy crawl` runner, the corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from scraper.demo.server import DemoServer

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NEWS_CORPUS", PROJECT_ROOT.parent / "shared" / "corpus"))
EVAL_DIR = Path(os.environ.get("NEWS_EVAL", PROJECT_ROOT.parent / "shared" / "eval"))
SCHEMA_PATH = PROJECT_ROOT / "scraper" / "schema" / "article.schema.json"
# The user documentation: the README (quick start, common tasks) and docs/*.md (the reference).
# Tests that check a fact is documented read all of them: the fact may live in either.
DOC_PATHS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]


def documentation() -> str:
    """The text of every file in :data:`DOC_PATHS`, one after the other."""
    return "\n".join(path.read_text("utf-8") for path in DOC_PATHS)


@pytest.fixture(scope="session")
def demo_site() -> Iterator[DemoServer]:
    """The demo news site, served for the whole session on a free port."""
    with DemoServer() as server:
        yield server


@pytest.fixture(scope="session")
def demo_truth() -> dict[str, Any]:
    """Our hand-written truth for the demo site's articles."""
    data: dict[str, Any] = json.loads((PROJECT_ROOT / "tests" / "data" / "demo_truth.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def article_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
    return data


@dataclass
class CrawlResult:
    """What one `scrapy crawl` subprocess left behind."""

    returncode: int
    stderr: str
    records: list[dict[str, Any]]
    summary: dict[str, Any]
    output: Path


def run_crawl(
    tmp_path: Path, *args: str, timeout: int = 240, state: Path | None = None, out: Path | None = None
) -> CrawlResult:
    """Run `scrapy crawl news ARGS` as a user would, writing into tmp_path.

    Output goes to ``out`` (default ``tmp_path/out``), the crawl state to ``state`` (default a
    new one in ``tmp_path``); scheduled-run tests share one state between runs. The result
    holds the newest run's records and summary.
    """
    out = out or tmp_path / "out"
    template = str(out / "{run_id}.jsonl")
    state = state or tmp_path / "state" / "news.sqlite3"
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-s", f"NEWS_OUTPUT_PATH={template}",
               "-s", f"NEWS_STATE_PATH={state}",
               "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "NEWS_EXTRACT_WORKERS=2",
               "-s", "TELNETCONSOLE_ENABLED=False", *args]  # fmt: skip
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    outputs = sorted(out.glob("*.jsonl")) if out.is_dir() else []
    summaries = sorted(out.glob("*.summary.json")) if out.is_dir() else []
    records = [json.loads(line) for line in outputs[-1].read_text("utf-8").splitlines()] if outputs else []
    summary = json.loads(summaries[-1].read_text("utf-8")) if summaries else {}
    return CrawlResult(done.returncode, done.stderr, records, summary, outputs[-1] if outputs else tmp_path)


@pytest.fixture
def corpus() -> Path:
    """../shared/corpus, or a skip with the reason when it is not beside the project."""
    if not (CORPUS / "truth.jsonl").exists() or not (EVAL_DIR / "score.py").exists():
        pytest.skip(f"no corpus at {CORPUS} (or scorer at {EVAL_DIR}): quality checks need ../shared")
    return CORPUS
