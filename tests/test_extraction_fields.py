"""Title rules of ``reconcile.pick_title`` on small pages written for these tests."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.fields import Fallback, detect_language, pick_language
from scraper.extraction.title import pick_title
from scraper.extraction.visible import read_signals


def title_of(head: str, body: str, site_name: str | None = None, url: str = "") -> str | None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return pick_title(read_signals(lxml_html.document_fromstring(page)), site_name, Fallback(), url)


def meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


def ld(headline: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'


BREADCRUMB = '<nav class="crumbs"><ol><li><a href="/">Home</a></li><li><h1>{}</h1></li></ol></nav>'


# --- a breadcrumb <h1>: the display heading decides ----------------------------------------


def test_breadcrumb_h1_gives_way_to_the_social_title_the_display_heading_shows() -> None:
    head = ld("Ferry fares rise in April") + meta("og:title", "Islanders face dearer crossings")
    body = BREADCRUMB.format("Ferry fares rise in April") + (
        "<article><h2><span>Transport</span><span>Islanders face dearer crossings</span></h2><p>Text.</p></article>"
    )
    assert title_of(head, body) == "Islanders face dearer crossings"


def test_breadcrumb_h1_gives_way_to_the_json_ld_headline_the_display_heading_shows() -> None:
    head = ld("Harbour wall to be rebuilt by autumn") + meta("og:title", "Harbour wall: what happens next")
    body = BREADCRUMB.format("Harbour wall: what happens next") + (
        "<article><h2>Harbour wall to be rebuilt by autumn</h2><p>Text.</p></article>"
    )
    assert title_of(head, body) == "Harbour wall to be rebuilt by autumn"


def test_breadcrumb_h1_that_json_ld_and_og_title_both_state_is_kept() -> None:
    head = ld("Library opens on Sundays") + meta("og:title", "Library opens on Sundays")
    body = BREADCRUMB.format("Library opens on Sundays") + (
        "<article><h2>Sunday opening for the town library</h2><p>Text.</p></article>"
    )
    assert title_of(head, body) == "Library opens on Sundays"


def test_breadcrumb_class_marks_a_breadcrumb_without_nav() -> None:
    head = ld("Bridge closes for repairs") + meta("og:title", "Old bridge shut for three weeks")
    body = (
        '<div class="breadcrumbs"><span><h1>Bridge closes for repairs</h1></span></div>'
        "<header><h2>Old bridge shut for three weeks</h2></header>"
    )
    assert title_of(head, body) == "Old bridge shut for three weeks"


def test_a_heading_that_shows_no_stated_title_changes_nothing() -> None:
    head = ld("Bridge closes for repairs") + meta("og:title", "Bridge closes for repairs")
    body = BREADCRUMB.format("Bridge closes for repairs") + "<h2>Most read</h2>"
    assert title_of(head, body) == "Bridge closes for repairs"


# --- a JSON-LD headline that no heading shows ---------------------------------------------


def test_h1_confirmed_by_og_title_beats_a_json_ld_headline_shown_nowhere() -> None:
    head = ld("Best walking boots for 2026, tried and tested") + meta("og:title", "The walking boots worth buying")
    body = "<article><h1>The walking boots worth buying</h1><p>Text.</p></article>"
    assert title_of(head, body) == "The walking boots worth buying"


def test_json_ld_headline_that_a_heading_shows_keeps_its_place() -> None:
    head = ld("Council approves new cycle lanes") + meta("og:title", "Cycle lanes: the vote")
    body = "<h1>Cycle lanes: the vote</h1><article><h2>Council approves new cycle lanes</h2></article>"
    assert title_of(head, body) == "Council approves new cycle lanes"


def test_h1_without_a_social_title_to_confirm_it_does_not_beat_json_ld() -> None:
    head = ld("Council approves new cycle lanes") + meta("og:title", "Cycle lanes approved")
    body = "<article><h1>The cycle lanes are coming</h1></article>"
    assert title_of(head, body) == "Council approves new cycle lanes"


def test_h1_in_a_breadcrumb_is_not_confirmed_over_json_ld() -> None:
    head = ld("Council approves new cycle lanes") + meta("og:title", "Cycle lanes approved")
    body = BREADCRUMB.format("Cycle lanes approved") + "<p>Text.</p>"
    assert title_of(head, body) == "Council approves new cycle lanes"


# --- an <h1> left open swallows the byline ---------------------------------------------------


def test_unclosed_h1_gives_way_to_the_title_it_starts_with() -> None:
    head = "<title>Pier reopens after storm repairs | The Bay Herald</title>"
    body = '<h1>Pier reopens after storm repairs</h2><span class="byline">By Ann Lee</span><p>Text.'
    assert title_of(head, body) == "Pier reopens after storm repairs"
    dated = "<h1>Pier reopens after storm repairs</h2><time>2 May 2026</time><p>Text."
    assert title_of(head, dated) == "Pier reopens after storm repairs"


def test_h1_with_inline_markup_is_not_cut_at_its_first_element() -> None:
    head = "<title>Pier reopens after storm | The Bay Herald</title>"
    body = "<h1>Pier reopens after storm <em>damage</em> repairs</h1><p>Text.</p>"
    assert title_of(head, body) == "Pier reopens after storm damage repairs"


# --- site names in <title>, declared or read from the domain ----------------------------------

HEADLINE = "Mill pond dredging finds medieval boat timbers"


def test_a_site_prefix_named_like_the_domain_goes() -> None:
    head = f"<title>Valley Echo :: {HEADLINE}</title>"
    assert title_of(head, "<p>x</p>", url="https://www.valley-echo.example/news/1.html") == HEADLINE


def test_a_declared_site_name_goes_from_either_end() -> None:
    assert title_of(f"<title>{HEADLINE} | Trevallick Times</title>", "", "Trevallick Times") == HEADLINE
    assert title_of(f"<title>Trevallick Times - {HEADLINE}</title>", "", "Trevallick Times") == HEADLINE


def test_a_prefix_that_is_not_the_site_stays() -> None:
    head = f"<title>Heritage :: {HEADLINE}</title>"
    assert title_of(head, "", url="https://www.valley-echo.example/news/1.html") == f"Heritage :: {HEADLINE}"


# --- language: markup first, else detected in the text ---------------------------------------

GERMAN = ("Der Stadtrat hat am Dienstagabend nach langer Debatte den neuen Haushalt für das kommende Jahr "
          "beschlossen. Die Opposition kritisierte die hohen Ausgaben für den Straßenbau und forderte mehr "
          "Geld für Schulen und Kindergärten in der ganzen Stadt.")  # fmt: skip


def test_language_from_markup_wins_over_the_text() -> None:
    signals = read_signals(lxml_html.document_fromstring('<html lang="en-gb"><body><p>x</p></body></html>'))
    assert pick_language(signals, Fallback(), GERMAN) == "en-GB"


def test_language_is_detected_when_the_page_names_none() -> None:
    signals = read_signals(lxml_html.document_fromstring("<html><body><p>x</p></body></html>"))
    assert pick_language(signals, Fallback(), GERMAN) == "de"
    assert detect_language("東京都は火曜日、新しい予算を承認した。" * 12) == "ja"


def test_detected_language_uses_current_iso_codes() -> None:
    hebrew = "הממשלה הודיעה היום על תוכנית חדשה לבניית בתי ספר בכל רחבי הארץ, והשרים דנו בתקציב הגדול. "
    assert detect_language(hebrew * 4) == "he"  # CLD2 says "iw"


def test_too_little_text_gives_no_language() -> None:
    assert detect_language("Der Stadtrat tagt.") is None
