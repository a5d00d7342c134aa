"""Log lines name items by URL: a page body or an article's text never ends up in the log."""

from __future__ import annotations

from scraper.logformatter import NewsLogFormatter
from tests.helpers import make_page
from tests.test_pipelines_validate_dedup import make_article


def test_an_item_error_names_the_url_not_the_body() -> None:
    page = make_page("<p>" + "x" * 200_000 + "</p>")
    entry = NewsLogFormatter().item_error(page, ValueError("boom"), None, None)  # type: ignore[arg-type]
    line = entry["msg"] % entry["args"]
    assert line == f"Error processing {page.final_url}"


def test_a_dropped_article_is_one_short_line() -> None:
    article = make_article(text="word " * 50_000)
    entry = NewsLogFormatter().dropped(article, ValueError("duplicate_url: x"), None, None)  # type: ignore[arg-type]
    assert len(entry["msg"] % entry["args"]) < 300
