"""End-to-end: `scrapy crawl news` in a subprocess against the demo site on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

from scraper.demo.server import DemoServer
from tests.conftest import PROJECT_ROOT, CrawlResult, run_crawl

pytestmark = pytest.mark.crawl


def paths(records: list[dict[str, Any]], key: str = "canonical_url") -> list[str]:
    return [urlsplit(r[key]).path for r in records]


@pytest.fixture(scope="module")
def home_crawl(demo_site: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    """One full crawl from the home page, shared by the assertions below."""
    tmp = tmp_path_factory.mktemp("home")
    before = len(demo_site.requests)
    result = run_crawl(tmp, "-a", f"url={demo_site.base_url}/")
    result.summary["_requests"] = list(demo_site.requests[before:])
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_every_article_exactly_once(home_crawl: CrawlResult, demo_truth: dict[str, Any]) -> None:
    expected = sorted(a["path"] for a in demo_truth["articles"])
    assert sorted(paths(home_crawl.records)) == expected


def test_no_listing_or_static_pages_emitted(home_crawl: CrawlResult, demo_truth: dict[str, Any]) -> None:
    emitted = set(paths(home_crawl.records)) | set(paths(home_crawl.records, "url"))
    assert not emitted & set(demo_truth["non_articles"])


def test_disallowed_pages_never_requested(home_crawl: CrawlResult, demo_truth: dict[str, Any]) -> None:
    requested = {urlsplit(p).path for p in home_crawl.summary["_requests"]}
    assert not requested & set(demo_truth["disallowed"])


def test_text_is_clean_and_content_kept(home_crawl: CrawlResult, demo_truth: dict[str, Any]) -> None:
    by_path = {urlsplit(r["canonical_url"]).path: r for r in home_crawl.records}
    problems = []
    for truth in demo_truth["articles"]:
        record = by_path[truth["path"]]
        problems += [f"{truth['path']}: lost {s!r}" for s in truth["must_contain"] if s not in record["text"]]
        problems += [f"{truth['path']}: kept {s!r}" for s in truth["must_not_contain"] if s in record["text"]]
    assert problems == []


def test_metadata(home_crawl: CrawlResult, demo_truth: dict[str, Any]) -> None:
    by_path = {urlsplit(r["canonical_url"]).path: r for r in home_crawl.records}
    for truth in demo_truth["articles"]:
        record = by_path[truth["path"]]
        assert record["title"] == truth["title"], truth["path"]
        assert record["authors"] == truth["authors"], truth["path"]
        assert record["published"] == truth["published"], truth["path"]
        assert record["language"] == truth["language"], truth["path"]


def test_captions_move_to_images(home_crawl: CrawlResult, demo_truth: dict[str, Any]) -> None:
    by_path = {urlsplit(r["canonical_url"]).path: r for r in home_crawl.records}
    for truth in demo_truth["articles"]:
        record = by_path[truth["path"]]
        kept = " ".join(f"{i['caption'] or ''} {i['credit'] or ''}" for i in record["images"])
        for caption in truth["captions"]:
            assert caption not in record["text"], (truth["path"], caption)
            assert caption.split(".")[0][:40] in kept, (truth["path"], caption, record["images"])


def test_records_validate_against_the_schema(home_crawl: CrawlResult, article_schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(article_schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{r['url']}: {e.message}" for r in home_crawl.records for e in validator.iter_errors(r)]
    assert errors == []


def test_output_is_utf8_lines_and_renamed(home_crawl: CrawlResult) -> None:
    assert home_crawl.output.suffix == ".jsonl"
    assert not list(home_crawl.output.parent.glob("*.part"))
    raw = home_crawl.output.read_bytes()
    assert raw.endswith(b"\n")
    assert len(raw.splitlines()) == len(home_crawl.records)


def test_summary_accounts_for_the_run(home_crawl: CrawlResult) -> None:
    summary = home_crawl.summary
    assert summary["finish_reason"] == "finished"
    assert summary["records_written"] == len(home_crawl.records)
    assert summary["output"] == str(home_crawl.output)
    # Every page handed to extraction is either a record or a counted drop.
    assert summary["article_pages"] == summary["records_written"] + sum(summary["drops"].values())
    assert summary["errors"] == {}
    assert summary["urls"]["unfinished"] == 0
    assert summary["pages_fetched"] == len(summary["_requests"])


def test_robots_txt_is_fetched_once_and_its_sitemaps_followed(home_crawl: CrawlResult) -> None:
    """Scrapy's RobotsTxtMiddleware fetches it to obey it; the spider reads that same copy."""
    requested = [urlsplit(r).path for r in home_crawl.summary["_requests"]]
    assert requested.count("/robots.txt") == 1
    assert "/sitemap_index.xml" in requested  # named only in robots.txt's Sitemap: line
    assert home_crawl.summary["fetch"]["robots_reused"] == 1
    assert home_crawl.summary["responses"]["robots"] == 1
    assert sum(home_crawl.summary["http_status"].values()) == len(requested)  # downloads, not replays


def test_feed_alone(demo_site: DemoServer, tmp_path: Path, demo_truth: dict[str, Any]) -> None:
    result = run_crawl(tmp_path, "-a", f"feed={demo_site.base_url}/feed.rss")
    assert result.returncode == 0, result.stderr[-3000:]
    emitted = paths(result.records)
    assert emitted
    assert len(emitted) == len(set(emitted))
    assert set(emitted) <= {a["path"] for a in demo_truth["articles"]}


def test_sitemap_alone(demo_site: DemoServer, tmp_path: Path, demo_truth: dict[str, Any]) -> None:
    result = run_crawl(tmp_path, "-a", f"sitemap={demo_site.base_url}/sitemap_index.xml")
    assert result.returncode == 0, result.stderr[-3000:]
    in_sitemaps = [a["path"] for a in demo_truth["articles"] if a.get("reachable_only_via") != "section-page-2"]
    assert sorted(paths(result.records)) == sorted(in_sitemaps)
    # Sitemaps alone: no link following, so no section page is fetched for its links.
    assert result.summary["discovery"].get("link", 0) == 0


def test_a_section_url_crawls_that_section(demo_site: DemoServer, tmp_path: Path, demo_truth: dict[str, Any]) -> None:
    """Its pages (page 2 too) and the stories they link to; not the site's sitemaps or other sections."""
    before = len(demo_site.requests)
    result = run_crawl(tmp_path, "-a", f"url={demo_site.base_url}/section/local/")
    assert result.returncode == 0, result.stderr[-3000:]
    local = {a["path"] for a in demo_truth["articles"] if a["section"] == "Local"}
    only_in_sitemaps = {a["path"] for a in demo_truth["articles"] if a["reachable_only_via"] == "sitemap-gz"}
    assert sorted(paths(result.records)) == sorted(local - only_in_sitemaps)
    requested = [urlsplit(r).path for r in demo_site.requests[before:]]
    assert "/section/local/page/2/" in requested
    assert not [p for p in requested if "sitemap" in p or p.startswith(("/feed", "/tag/", "/author/"))]
    assert result.summary["discovery"]["outside_section"] >= 1  # other sections: fetched, not crawled


def article_fetches(requests: list[str], demo_truth: dict[str, Any]) -> list[str]:
    articles = {a["path"] for a in demo_truth["articles"]}
    return [path for path in (urlsplit(r).path for r in requests) if path in articles]


def test_max_articles(demo_site: DemoServer, tmp_path: Path, demo_truth: dict[str, Any]) -> None:
    before = len(demo_site.requests)
    result = run_crawl(tmp_path, "-a", f"sitemap={demo_site.base_url}/sitemap_index.xml", "-a", "max_articles=3")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(result.records) == 3
    assert result.summary["finish_reason"] == "max_articles"
    # The limit limits fetching: three article pages requested, not the sitemap's fourteen.
    assert len(article_fetches(demo_site.requests[before:], demo_truth)) == 3


def test_each_sources_limit_is_its_own_and_limits_fetching(
    demo_site: DemoServer, tmp_path: Path, demo_truth: dict[str, Any]
) -> None:
    """Two sources on one site, two articles each: the feed's source is not starved by the sitemap's.

    The feed lists articles the sitemap source may already have taken; such a URL is refused by
    the scheduler as a duplicate, which frees the feed source's slot for its next entry.
    """
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "by-sitemap"\nsitemaps = ["{demo_site.base_url}/sitemap_index.xml"]\nmax_articles = 2\n'
        f'[[source]]\nname = "by-feed"\nfeeds = ["{demo_site.base_url}/feed.rss"]\nmax_articles = 2\n',
        "utf-8",
    )
    before = len(demo_site.requests)
    result = run_crawl(tmp_path, "-a", f"sources={sources}")
    assert result.returncode == 0, result.stderr[-3000:]
    assert Counter(r["source"] for r in result.records) == {"by-sitemap": 2, "by-feed": 2}
    fetched = article_fetches(demo_site.requests[before:], demo_truth)
    assert len(fetched) == 4, fetched
    assert len(set(fetched)) == 4


def test_feed_export_gives_the_same_records(demo_site: DemoServer, tmp_path: Path) -> None:
    exported = tmp_path / "exported.jsonl"
    result = run_crawl(tmp_path, "-a", f"feed={demo_site.base_url}/feed.rss", "-O", str(exported))
    assert result.returncode == 0, result.stderr[-3000:]
    feed_records = [json.loads(line) for line in exported.read_text("utf-8").splitlines()]
    assert sorted(feed_records, key=lambda r: r["url"]) == sorted(result.records, key=lambda r: r["url"])


def test_demo_command_prints_paths_and_a_record(tmp_path: Path) -> None:
    template = str(tmp_path / "demo" / "{run_id}.jsonl")
    done = subprocess.run([sys.executable, "-m", "scraper.demo", "--output", template], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=240, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Records:" in done.stdout
    assert "Summary:" in done.stdout
    record = json.loads(done.stdout.split("One cleaned record:", 1)[1])
    assert record["title"]
    assert record["text"]


def test_a_default_crawl_logs_no_warning(home_crawl: CrawlResult) -> None:
    """Nothing a user did not ask for is a warning: an option left off is not "disabled" noise."""
    assert [line for line in home_crawl.stderr.splitlines() if "] WARNING:" in line] == []
