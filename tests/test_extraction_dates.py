"""Publication-date picking (``fields.pick_date`` and its fallbacks) on small pages written for these tests."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.fields import Fallback, page_date, pick_date, pick_fallback_date, pick_site_name
from scraper.extraction.signals import PageSignals
from scraper.extraction.visible import read_signals


def signals_of(head: str, body: str = "<p>Text.</p>") -> PageSignals:
    return read_signals(lxml_html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>"))


def meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


def test_a_utc_instant_is_written_in_the_offset_the_page_shows() -> None:
    # published late on the 18th in New York: the meta says 02:41 UTC on the 19th
    signals = signals_of(
        meta("article:published_time", "2025-12-19T02:41:41+00:00"),
        '<p>Text.</p><time datetime="2025-12-18T21:46:01-05:00">December 18</time>',
    )
    assert pick_date(signals, "published", None)[0] == "2025-12-18T21:41:41-05:00"


def test_a_utc_instant_stays_utc_when_the_page_shows_no_other_offset() -> None:
    signals = signals_of(meta("article:published_time", "2025-12-19T02:41:41Z"))
    assert pick_date(signals, "published", None)[0] == "2025-12-19T02:41:41+00:00"


def test_a_year_guess_gives_way_to_the_whole_page_date() -> None:
    assert pick_fallback_date("2026-01-01", "2023-05-25") == "2023-05-25"
    assert pick_fallback_date(None, "2023-05-25") == "2023-05-25"
    assert pick_fallback_date("2023-04-28", "2023-04-24") == "2023-04-28"  # a real date read after pruning stays
    assert pick_fallback_date("2026-01-01", None) == "2026-01-01"


def test_the_whole_page_date_sees_a_date_inside_a_box_pruning_removes() -> None:
    tree = lxml_html.document_fromstring(
        '<html><body><article><h1>Sleep training</h1><div class="social-share">Published May 25, 2023</div>'
        "<p>Most babies can learn to fall asleep on their own.</p></article></body></html>"
    )
    assert page_date(tree, "https://example.org/articles/sleep-training") == "2023-05-25"
    assert "Published May 25, 2023" in tree.text_content()  # htmldate worked on a copy


def test_a_site_name_guessed_from_the_headline_is_no_site_name() -> None:
    signals = signals_of(
        "<title>The leading generative AI companies</title>", "<h1>The leading generative AI companies</h1>"
    )
    assert pick_site_name(signals, Fallback(sitename="The leading generative AI companies")) is None
    assert pick_site_name(signals, Fallback(sitename="IoT Analytics")) == "IoT Analytics"
    declared = signals_of(meta("og:site_name", "IoT Analytics") + "<title>The leading generative AI companies</title>")
    assert pick_site_name(declared, Fallback(sitename="The leading generative AI companies")) == "IoT Analytics"
