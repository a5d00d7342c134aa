"""The output stage: temp file while running, atomic rename on close, summary, limits."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.test import get_crawler

from pipelines.output import OutputPipeline, record_line
from scraper.extraction.article import extract_article
from scraper.extraction.options import ExtractionOptions
from scraper.items import EXPORTED_FIELDS, Article, Image
from scraper.summary import RunSummary, url_accounting
from tests.helpers import make_page, project_settings
from tests.test_pipelines_validate_dedup import make_article


def open_pipeline(tmp_path: Path, **settings: Any) -> OutputPipeline:
    template = str(tmp_path / "{spider}" / "{date}" / "{run_id}.jsonl")
    crawler = get_crawler(Spider, settings_dict=project_settings(NEWS_OUTPUT_PATH=template, **settings))
    crawler.spider = Spider(name="news")
    pipeline = OutputPipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def test_records_are_flushed_to_a_part_file_then_renamed(tmp_path: Path) -> None:
    pipeline = open_pipeline(tmp_path)
    assert pipeline.part is not None
    assert pipeline.path is not None
    pipeline.process_item(make_article(title="Brücke öffnet"))
    # Flushed as written: a reader (or a run killed now) already has the whole line.
    line = pipeline.part.read_text("utf-8")
    assert json.loads(line)["title"] == "Brücke öffnet"
    assert "Brücke" in line  # UTF-8, not \u escapes
    assert not pipeline.path.exists()
    pipeline.close_spider()
    assert pipeline.path.exists()
    assert not pipeline.part.exists()
    assert pipeline.path.parent.parent.name == "news"


def test_summary_is_written_when_the_spider_closes(tmp_path: Path) -> None:
    pipeline = open_pipeline(tmp_path)
    pipeline.process_item(make_article())
    assert pipeline.crawler.stats is not None
    pipeline.crawler.stats.inc_value("news/drop/not_article", 3)
    pipeline.close_spider()
    assert pipeline.crawler.spider is not None
    RunSummary.from_crawler(pipeline.crawler).spider_closed(pipeline.crawler.spider, "finished")
    assert pipeline.path is not None
    summary = json.loads(pipeline.path.with_name(pipeline.path.stem + ".summary.json").read_text("utf-8"))
    assert summary["records_written"] == 1
    assert summary["drops"] == {"not_article": 3}
    assert summary["finish_reason"] == "finished"
    assert summary["output"] == str(pipeline.path)


def test_max_articles_drops_the_rest(tmp_path: Path) -> None:
    pipeline = open_pipeline(tmp_path, NEWS_MAX_ARTICLES=1)
    pipeline.process_item(make_article())
    try:
        with pytest.raises(DropItem, match="max_articles"):
            pipeline.process_item(make_article(url="https://news.example/b.html"))
    finally:
        pipeline.close_spider()


@pytest.mark.parametrize("template", ["out/{nope}.jsonl", "out/{run_id}.csv"])
def test_bad_template_fails_fast(tmp_path: Path, template: str) -> None:
    crawler = get_crawler(Spider, settings_dict=project_settings(NEWS_OUTPUT_PATH=template))
    with pytest.raises(ValueError, match="NEWS_OUTPUT_PATH"):
        OutputPipeline.from_crawler(crawler)


def test_url_accounting_adds_up_and_leaves_out_retries_and_robots_fetches() -> None:
    stats = {
        "downloader/request_count": 30, "retry/count": 5, "robotstxt/request_count": 1,
        "news/response/page": 10, "news/response/listing": 6, "news/response/sitemap_404": 1,
        "downloader/response_status_count/200": 17, "downloader/response_status_count/301": 2,
        "downloader/response_status_count/302": 3, "downloader/response_status_count/304": 1,
        "news/state/not_modified": 1, "news/fetch_error/timeout": 1,
        "news/fetch_error/too_many_redirects": 1,
    }  # fmt: skip
    assert url_accounting(stats) == {
        "requested": 24, "handled": 17, "redirected": 4, "not_modified": 1, "failed": 2, "unfinished": 0,
    }  # fmt: skip
    stats["downloader/request_count"] = 32  # two requests still in flight when the run stopped
    assert url_accounting(stats)["unfinished"] == 2


def test_record_lines_are_the_exporters_bytes() -> None:
    """record_line skips the exporter's per-field adapting; the records on disk must not change."""
    written = 0
    for file in sorted((Path(__file__).parent / "data" / "pages").glob("*.html")):
        page = make_page(file.read_bytes(), url=f"https://news.example/2026/11/{file.stem}.html")
        article = extract_article(page, ExtractionOptions())
        if not isinstance(article, Article):
            continue
        article = dataclasses.replace(article, images=[*article.images, Image("https://news.example/ü.jpg", "“é”\n")])
        buffer = io.BytesIO()
        JsonLinesItemExporter(buffer, encoding="utf-8", fields_to_export=list(EXPORTED_FIELDS)).export_item(article)
        assert record_line(article) == buffer.getvalue(), file.name
        written += 1
    assert written >= 3
