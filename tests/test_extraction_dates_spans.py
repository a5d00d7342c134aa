"""A span of time is no publication date; a line that states the publication is one (pages from neither corpus).

An obituary prints its subject's life under the name ("March 3, 1938 – November 21, 2026") and says at
its end "Published in The Post on November 25, 2026"; an event page prints its days as a range.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.dateline import dateline
from scraper.extraction.datescan import scanner, stated_dates
from scraper.extraction.pubdate import pick_published
from scraper.extraction.visible import read_signals
from scraper.items import Article

BODY = " ".join(["The choir sang at the harbour festival and the town came out to hear it again."] * 8)


def page(header: str, end: str = "", head: str = "") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(
        f'<html lang="en"><head>{head}</head><body><article><h1>Margaret Hollis</h1>{header}'
        f"<p>{BODY}</p>{end}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "March 3, 1938 – November 21, 2026"),  # a life: the first end's year is before any page's
        ("en", "March 3 – November 21, 2026"),  # the first end without its year
        ("en", "Nov 20 to Nov 22, 2026"),
        ("en", "20–22 November 2026"),
        ("en", "2026-11-20 - 2026-11-22"),
        ("de", "4. März bis 6. März 2025"),
        ("de", "20.–22.11.2026"),
    ],
)
def test_either_end_of_a_span_of_time_is_no_date_of_the_page(language: str, text: str) -> None:
    scan = scanner(language)
    assert scan(text)  # the scanner still reads the date...
    assert scan.spans(text, ranges=False) == []  # ...but not as a date of the page


@pytest.mark.parametrize(
    "text",
    [
        "Politics – March 4, 2025",  # a dash after a word: a field's separator
        "By Ann Lee - March 4, 2025",
        "Page 3 - 22 November 2026",
        "Published March 3, 2025 - Updated March 5, 2025",  # two labelled dates, not a span
    ],
)
def test_a_dash_before_a_date_is_no_span_when_no_date_opens_it(text: str) -> None:
    scan = scanner("en")
    assert [s.raw for s, _, _ in scan.spans(text, ranges=False)] == [s.raw for s in scan(text)]


def test_a_life_span_under_the_name_is_no_dateline() -> None:
    tree = page('<p class="dates">March 3, 1938 &ndash; November 21, 2026</p>')
    assert dateline(tree, "en") == []
    assert [s.raw for s in dateline(page("<p>November 21, 2026</p>"), "en")] == ["November 21, 2026"]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published in The Eastbank Post on November 25, 2026.", "2026-11-25"),
        ("Posted on March 4, 2025 by Ann Lee", "2025-03-04"),
        ("This article was originally published on 4 March 2025.", "2025-03-04"),
        ("First published: March 4, 2025", "2025-03-04"),
    ],
)
def test_a_line_stating_the_publication_gives_its_date(line: str, day: str) -> None:
    assert [s.day.isoformat() for s in stated_dates(f"Some story text.\n{line}\nMore text.", "en")] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "The report was published on March 4, 2025, and read by thousands.",  # a sentence, not a label
        "She published her first book in 1990 and her last on March 4, 2025.",
        "Published in 3 volumes on March 4, 2025.",  # a digit between label and date: not the paper's name
        "Published, updated March 5, 2025",  # a revision
        "Published: March 3 – March 5, 2025",  # a span
        "Published " + "and read " * 20 + "on March 4, 2025",  # too long for a label's line
    ],
)
def test_a_publication_mentioned_in_the_story_is_no_statement(text: str) -> None:
    assert stated_dates(text, "en") == []


def published(tree: lxml_html.HtmlElement, text: str, guess: str | None) -> str | None:
    signals = read_signals(tree)
    return pick_published(signals, dateline(tree, "en"), lambda: guess, text=text)[0]


def test_without_a_markup_date_the_stated_publication_beats_a_guess_but_not_the_header() -> None:
    statement = "Published in The Eastbank Post on November 25, 2026."
    life = page('<p class="dates">March 3, 1938 &ndash; November 21, 2026</p>')
    assert published(life, f"{BODY}\n{statement}", "2026-11-27") == "2026-11-25"  # the masthead's "today" guess
    assert published(life, BODY, "2026-11-27") == "2026-11-27"  # without the statement, the guess stands
    header = page("<p>By Ann Lee · November 24, 2026</p>")
    assert published(header, f"{BODY}\n{statement}", "2026-11-27") == "2026-11-24"  # the header's date first


def test_a_markup_date_is_not_replaced_by_a_stated_one() -> None:
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-11-22"}</script>'
    tree = page("", head=ld)
    assert published(tree, f"{BODY}\nPublished in The Post on November 25, 2026.", None) == "2026-11-22"


def test_the_stated_date_reaches_the_record_through_extract() -> None:
    html = (
        '<html lang="en"><head><title>Margaret Hollis</title></head><body><article><h1>Margaret Hollis</h1>'
        f'<p class="dates">March 3, 1938 &ndash; November 21, 2026</p><p>{BODY}</p><p>{BODY}</p>'
        "<p>Published in The Eastbank Post on November 25, 2026.</p></article></body></html>"
    )
    result = extract(html, url="https://news.example/obituaries/margaret-hollis")
    assert isinstance(result, Article), result
    assert (result.published or "").startswith("2026-11-25"), result.published
