"""The Python API: ``from scraper import extract`` gives what the crawl gives, on real HTML."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from scraper import extract
from scraper.items import Article, DropReason, Rejection
from tests.test_pipelines_extract import ARTICLE_HTML

URL = "https://news.example/2026/11/bridge.html"


def test_extract_returns_a_record_that_meets_the_schema() -> None:
    result = extract(ARTICLE_HTML, url=URL)
    assert isinstance(result, Article)
    assert result.title == "Bridge reopens"
    assert result.published == "2026-11-03T08:15:00+01:00"
    record = result.to_dict()
    assert "fetch" not in record
    assert "signature" not in record
    schema = json.loads(resources.files("scraper").joinpath("schema/article.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(json.dumps(record)), schema)


def test_bytes_and_str_give_the_same_record() -> None:
    from_str = extract(ARTICLE_HTML, url=URL)
    from_bytes = extract(ARTICLE_HTML.encode("utf-8"), url=URL)
    assert isinstance(from_str, Article)
    assert isinstance(from_bytes, Article)
    assert from_str.text == from_bytes.text


def test_without_a_url_the_pages_canonical_link_is_used() -> None:
    html = ARTICLE_HTML.replace("<head>", '<head><link rel="canonical" href="https://gazette.example/2026/b.html">')
    result = extract(html)
    assert isinstance(result, Article)
    assert (result.url, result.source) == ("https://gazette.example/2026/b.html", "gazette.example")


def test_without_any_url_the_outcome_is_a_rejection_not_an_exception() -> None:
    result = extract(ARTICLE_HTML)
    assert isinstance(result, Rejection)
    assert result.reason is DropReason.BAD_URL


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", DropReason.EMPTY_BODY),
        ("<html><body><ul>" + "".join(f"<li><a href='/{i}'>Story {i}</a></li>" for i in range(40)) + "</ul>", None),
        (b"\x00\x01\x02" * 500, DropReason.BINARY_BODY),
    ],
)
def test_bad_input_gets_a_rejection(html: str | bytes, reason: DropReason | None) -> None:
    result = extract(html, url=URL)
    assert isinstance(result, Rejection)
    if reason is not None:
        assert result.reason is reason


def test_the_contract_of_the_crawl_applies() -> None:
    result = extract(ARTICLE_HTML, url=URL, min_words=5000)
    assert isinstance(result, Rejection)
    assert result.reason in (DropReason.NO_TEXT, DropReason.TEXT_TOO_SHORT)


def test_unknown_options_are_refused_with_the_known_ones() -> None:
    with pytest.raises(TypeError, match="min_words"):
        extract(ARTICLE_HTML, url=URL, min_word=10)


def test_importing_the_package_does_not_load_trafilatura() -> None:
    code = "import sys, scraper, scraper.settings, spiders.news; print('trafilatura' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
