"""The extraction stage: pages in, articles or DropItem(reason) out, with stats."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from pipelines.extract import ExtractPipeline
from scraper.items import Article
from tests.helpers import make_page, project_settings

PARAGRAPH = (
    "The harbour bridge reopened on Monday after six months of repairs, and the first buses crossed it "
    "shortly after dawn while a small crowd of commuters watched from the promenade. "
)
ARTICLE_HTML = f"""<html lang="en"><head><title>Bridge reopens | Gazette</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Gazette">
<meta property="article:published_time" content="2026-11-03T08:15:00+01:00"></head>
<body><article><h1>Bridge reopens</h1><p>{PARAGRAPH * 2}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>
</body></html>"""


def make_pipeline(**settings: Any) -> ExtractPipeline:
    crawler = get_crawler(settings_dict=project_settings(**{"NEWS_EXTRACT_WORKERS": 0, **settings}))
    pipeline = ExtractPipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def stats(pipeline: ExtractPipeline) -> dict[str, Any]:
    assert pipeline.crawler.stats is not None
    return pipeline.crawler.stats.get_stats()


def test_article_page_becomes_an_article() -> None:
    pipeline = make_pipeline()
    article = asyncio.run(pipeline.process_item(make_page(ARTICLE_HTML)))
    assert isinstance(article, Article)
    assert article.title == "Bridge reopens"
    assert article.published == "2026-11-03T08:15:00+01:00"
    assert stats(pipeline)["news/extract/articles"] == 1


@pytest.mark.parametrize(
    ("page_fields", "reason"),
    [
        ({"body": b""}, "empty_body"),
        ({"body": b"\x89PNG\r\n\x1a\n\x00\x00\x00binary"}, "binary_body"),
        ({"body": b"%PDF-1.7 ...", "content_type": "application/pdf"}, "not_html"),
        (
            {
                "body": b"<html><body><a href='/a'>A</a> <a href='/b'>B</a></body></html>",
                "url": "https://news.example/",
            },
            "not_article",
        ),
    ],
)
def test_bad_pages_are_dropped_with_a_reason(page_fields: dict[str, Any], reason: str) -> None:
    pipeline = make_pipeline()
    body = page_fields.pop("body")
    page = make_page(body, **({"final_url": page_fields["url"]} | page_fields) if "url" in page_fields else page_fields)
    with pytest.raises(DropItem, match=reason):
        asyncio.run(pipeline.process_item(page))
    assert stats(pipeline)[f"news/drop/{reason}"] == 1


def test_too_large_pages_are_not_parsed() -> None:
    pipeline = make_pipeline(NEWS_EXTRACT_MAX_BYTES=1000)
    with pytest.raises(DropItem, match="too_large"):
        asyncio.run(pipeline.process_item(make_page(ARTICLE_HTML)))


def test_other_items_pass_through() -> None:
    pipeline = make_pipeline()
    item = {"not": "a page"}
    assert asyncio.run(pipeline.process_item(item)) is item


def test_worker_processes_give_the_same_article() -> None:
    inline = make_pipeline()
    pooled = make_pipeline(NEWS_EXTRACT_WORKERS=1)
    try:
        a = asyncio.run(inline.process_item(make_page(ARTICLE_HTML)))
        b = asyncio.run(pooled.process_item(make_page(ARTICLE_HTML)))
    finally:
        pooled.close_spider()
    assert a == b


def test_bad_worker_setting_fails_fast() -> None:
    with pytest.raises(ValueError, match="NEWS_EXTRACT_WORKERS"):
        ExtractPipeline.from_crawler(get_crawler(settings_dict=project_settings(NEWS_EXTRACT_WORKERS=-5)))


def test_a_bug_is_counted_by_exception_type_and_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    pipeline = make_pipeline()
    page = make_page(ARTICLE_HTML)
    page.body = None  # type: ignore[assignment]  # what a bug upstream could hand over
    with pytest.raises(DropItem, match="extraction_error"):
        asyncio.run(pipeline.process_item(page))
    assert stats(pipeline)["news/extract/error/TypeError"] == 1
    assert stats(pipeline)["news/drop/extraction_error"] == 1
    assert "news/drop/extraction_failed" not in stats(pipeline)
    assert any(r.levelname == "ERROR" and "Traceback" in r.getMessage() for r in caplog.records)


def test_a_year_only_date_is_dropped_and_counted() -> None:
    """A page whose only date is its copyright line gets no date (not January 1st), and the run counts it."""
    html = ARTICLE_HTML.replace('<meta property="article:published_time" content="2026-11-03T08:15:00+01:00">', "")
    html = html.replace("</article>", "</article><footer><p>© 2025 Gazette Media. All rights reserved.</p></footer>")
    pipeline = make_pipeline()
    article = asyncio.run(pipeline.process_item(make_page(html)))
    assert isinstance(article, Article)
    assert article.published is None
    assert "notes" not in article.to_dict()
    assert stats(pipeline)["news/extract/date/year_only_dropped"] == 1
    dated = asyncio.run(pipeline.process_item(make_page(ARTICLE_HTML)))
    assert isinstance(dated, Article)
    assert dated.published == "2026-11-03T08:15:00+01:00"
    assert stats(pipeline)["news/extract/date/year_only_dropped"] == 1  # a page with a date adds nothing
