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
        ("en", "2026-11-20 to 2026-11-22"),
        ("en", "born March 3, 1990 - November 21, 2026"),  # a cue of a life
        ("en", "March 3, 1958 - November 21, 2026"),  # years a life apart
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
        "Nov 20, 2026 - Nov 21, 2026",  # review: two full dates of a year, a bare dash: published, updated
        "2026-11-20 - 2026-11-22",
        "20.11.2026 – 21.11.2026",
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
        ("This article was published on 4 March 2025.", "2025-03-04"),
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
        "This story was originally published on March 3, 2019.",  # review: a republished story's first date
        "First published: March 4, 2025",
        "Published originally in The Times on March 4, 2025.",
        "Ursprünglich veröffentlicht am 4. März 2025.",
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


def _story(title: str, article: str, after: str = "") -> str:
    """An English page: ``article`` under the headline ``title``, then ``after`` outside the article."""
    return (
        f'<html lang="en"><head><title>{title}</title></head><body><article><h1>{title}</h1>'
        f"{article}</article>{after}</body></html>"
    )


def test_the_stated_date_reaches_the_record_through_extract() -> None:
    html = _story(
        "Margaret Hollis",
        f'<p class="dates">March 3, 1938 &ndash; November 21, 2026</p><p>{BODY}</p><p>{BODY}</p>'
        "<p>Published in The Eastbank Post on November 25, 2026.</p>",
    )
    result = extract(html, url="https://news.example/obituaries/margaret-hollis")
    assert isinstance(result, Article), result
    assert (result.published or "").startswith("2026-11-25"), result.published


def test_unlabelled_header_dates_of_one_year_joined_by_a_dash_are_the_pages() -> None:
    tree = page("<p>Nov 20, 2026 - Nov 21, 2026</p>")  # review: dropped as a span
    assert [s.raw for s in dateline(tree, "en")] == ["Nov 20, 2026", "Nov 21, 2026"]


def test_a_stated_date_is_the_last_resort() -> None:
    statement = "Published in The Eastbank Post on November 25, 2026."
    tree = page("")
    assert published(tree, f"{BODY}\n{statement}", None) == "2026-11-25"
    printed = f"{BODY} The vote was on November 20, 2026.\n{statement}"  # the guess is the story's own
    assert published(tree, printed, "2026-11-20") == "2026-11-20"
    signals = read_signals(tree)
    in_url = pick_published(
        signals, [], lambda: None, text=f"{BODY}\n{statement}", url="https://x.example/2026/11/20/a"
    )
    assert in_url[0] != "2026-11-25"  # the address states a date: the statement is not read


def _republished(end: str) -> str:
    return (
        '<html lang="en"><head><title>Margaret Hollis</title></head><body><header><a href="/">The Post</a> '
        '<span class="masthead__date">Friday, November 27, 2026</span></header><article><h1>Margaret Hollis</h1>'
        f"<p>{BODY}</p><p>{BODY}</p>{end}</article></body></html>"
    )


@pytest.mark.parametrize(
    "end",
    [
        "<p>This story was originally published on March 3, 2019.</p>",  # review: a republished story
        "<blockquote><p>Published in The Eastbank Post on March 3, 2019.</p></blockquote>",  # someone else's
    ],
)
def test_an_original_publication_or_a_quoted_one_is_not_the_pages(end: str) -> None:
    for url in ("https://news.example/2026/11/24/margaret-hollis", "https://news.example/obituaries/margaret-hollis"):
        result = extract(_republished(end), url=url)
        assert isinstance(result, Article), result
        assert not (result.published or "").startswith("2019-03-03"), (url, result.published)


def test_a_statement_in_a_paragraph_beats_the_mastheads_today() -> None:
    result = extract(
        _republished("<p>Published in The Eastbank Post on March 3, 2019.</p>"), url="https://news.example/obituaries/m"
    )
    assert isinstance(result, Article), result
    assert (result.published or "").startswith("2019-03-03"), result.published


@pytest.mark.parametrize(
    "header",
    [
        '<p class="dates">June 3 &ndash; June 9, 2026</p>',  # a travel story's or an event's days
        "<p>The festival runs June 3 &ndash; June 9, 2026 in the old town.</p>",
    ],
)
def test_an_end_of_a_span_is_no_guess_for_the_pages_date(header: str) -> None:
    html = _story("Margaret Hollis", f"{header}<p>{BODY}</p><p>{BODY}</p>")
    result = extract(html, url="https://news.example/travel/harbour-festival")
    assert isinstance(result, Article), result
    assert result.published is None, result.published  # htmldate guessed the last day, 2026-06-09


@pytest.mark.parametrize(
    "header",
    [
        "<p>Mar 3, 2023 – Nov 21, 2026</p>",  # published and updated, years apart: no life without a cue
        "<p>The actor, who died on Tuesday, was 84.</p><p>Nov 20, 2026 - Nov 21, 2026</p>",  # the cue is the dek's
        "<p>* This page contains affiliate links</p><p>Nov 20, 2026 - Nov 21, 2026</p>",  # a footnote's star
    ],
)
def test_two_header_dates_are_a_span_only_on_evidence_in_their_own_line(header: str) -> None:
    tree = page(header)
    assert len(dateline(tree, "en")) == 2, header


def test_a_span_in_the_story_does_not_drop_a_guess_found_elsewhere() -> None:
    story = "<p>The harbour festival runs Nov 14 – Nov 20, 2026 on the quay, with boats and music.</p>"
    footer = "<footer><p>Page last reviewed: 20 November 2026</p></footer>"
    html = _story("Harbour festival", f"<p>{BODY}</p><p>{BODY}</p>{story}", footer)
    result = extract(html, url="https://news.example/harbour-festival")
    assert isinstance(result, Article), result
    assert (result.published or "").startswith("2026-11-20"), result.published


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("hu", "Kultúra · 2026. december 4., 16:20 · Szerző: Varga Eszter", "2026-12-04"),  # the year first
        ("hu", "2026. márc. 4.", "2026-03-04"),
        ("hu", "2026. március 4-én", "2026-03-04"),
        ("ko", "입력 2026년 12월 4일 오후 3:20", "2026-12-04"),
        ("", "2026년 3월 14일", "2026-03-14"),
    ],
)
def test_dates_written_year_first_with_words_are_read(language: str, text: str, day: str) -> None:
    """Session 43's probe pages: Hungarian and Korean papers print the year first, then the month and day."""
    assert [s.day.isoformat() for s in scanner(language)(text)] == [day]


def test_a_hungarian_date_line_under_the_headline_is_the_pages_date() -> None:
    header = "<p>Kultúra · 2026. december 4., 16:20 · Szerző: Varga Eszter</p>"
    html = page(header).getroottree().getroot()
    html.set("lang", "hu")
    result = extract(lxml_html.tostring(html), url="https://hirek.example.hu/hirek/kultura/2026/12/var-telen")
    assert isinstance(result, Article), result
    assert (result.published or "")[:10] == "2026-12-04"  # not the URL's month
    assert result.authors == ["Varga Eszter"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("الأحد 10 آذار 2024", "2024-03-10"),  # the Levant's and Iraq's month names
        ("10 كانون الثاني 2024", "2024-01-10"),
        ("3 أفريل 2024", "2024-04-03"),  # the Maghreb's
        ("5 مارس 2024", "2024-03-05"),  # Babel's "ar"
    ],
)
def test_arabic_dates_are_read_in_every_regions_month_names(text: str, day: str) -> None:
    """Session 43's probe page: a Lebanese NGO's release dated "الأحد 10 آذار 2024" under ``lang="ar"``."""
    assert [s.day.isoformat() for s in scanner("ar")(text)] == [day]


@pytest.mark.parametrize(("language", "text"), [("hu", "Frissítve: 2026. március 4."), ("ko", "수정 2026.03.04 10:20")])
def test_a_revision_label_in_hungarian_or_korean_marks_its_date_updated(language: str, text: str) -> None:
    assert [s.updated for s in scanner(language)(text)] == [True]
