"""Validation and de-duplication stages: DropItem reasons and stats keys."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from pipelines.dedup import DedupPipeline
from pipelines.validate import ValidationPipeline
from scraper.items import Article
from tests.helpers import project_settings


def make_article(**fields: Any) -> Article:
    values: dict[str, Any] = {
        "url": "https://news.example/a.html", "canonical_url": "https://news.example/a.html",
        "source": "news.example", "site_name": "Gazette", "title": "Bridge reopens", "authors": ["Jane Doe"],
        "published": "2026-11-03T08:15:00+01:00", "modified": None, "published_raw": None, "modified_raw": None,
        "language": "en", "description": None, "section": None, "tags": [], "image": None, "images": [],
        "text": "word " * 80, "word_count": 80, "paywalled": False, "fetched_at": "2026-11-25T10:00:00+00:00",
        "content_hash": "a" * 64,
    }  # fmt: skip
    values.update(fields)
    return Article(**values)


def validator() -> ValidationPipeline:
    return ValidationPipeline.from_crawler(get_crawler(settings_dict=project_settings()))


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"title": "  "}, "missing_title"),
        ({"title": "The Harbour Gazette", "site_name": "The Harbour Gazette"}, "missing_title"),
        ({"word_count": 10}, "text_too_short"),
        ({"published": "2999-01-01T00:00:00+00:00"}, "bad_date"),
        ({"published": "1970-01-01"}, "bad_date"),
    ],
)
def test_invalid_records_are_dropped(fields: dict[str, Any], reason: str) -> None:
    pipeline = validator()
    with pytest.raises(DropItem, match=reason):
        pipeline.process_item(make_article(**fields))
    assert pipeline.crawler.stats is not None
    assert pipeline.crawler.stats.get_value(f"news/drop/{reason}") == 1


def test_valid_record_passes() -> None:
    article = make_article()
    assert validator().process_item(article) is article


def test_same_canonical_url_is_emitted_once() -> None:
    pipeline = DedupPipeline.from_crawler(get_crawler(settings_dict=project_settings()))
    first = make_article()
    amp = make_article(url="https://news.example/a.amp.html", content_hash="b" * 64)
    kept = pipeline.process_item(first)
    assert dataclasses.replace(kept, signature=None) == first  # the record itself is untouched
    assert kept.signature  # the MinHash rides on the item until the state saves it
    with pytest.raises(DropItem, match="duplicate_url"):
        pipeline.process_item(amp)
    assert pipeline.crawler.stats is not None
    assert pipeline.crawler.stats.get_value("news/drop/duplicate_url") == 1


def test_same_text_under_another_url_is_a_duplicate() -> None:
    pipeline = DedupPipeline.from_crawler(get_crawler(settings_dict=project_settings()))
    pipeline.process_item(make_article())
    copy = dataclasses.replace(
        make_article(), url="https://news.example/b.html", canonical_url="https://news.example/b.html"
    )
    with pytest.raises(DropItem, match="duplicate_content"):
        pipeline.process_item(copy)
