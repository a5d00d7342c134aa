"""Publication-date picking (``pubdate.pick_date`` and its fallbacks) on small pages written for these tests."""

from __future__ import annotations

from datetime import date

from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.dateline import dateline, read_header
from scraper.extraction.fields import Fallback, pick_site_name
from scraper.extraction.headline import headline
from scraper.extraction.pubdate import page_date, pick_date, pick_fallback_date, pick_published
from scraper.extraction.signals import PageSignals
from scraper.extraction.visible import read_signals
from scraper.items import Article


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
    assert pick_fallback_date("2026-01-01", lambda: "2023-05-25") == "2023-05-25"
    assert pick_fallback_date(None, lambda: "2023-05-25") == "2023-05-25"
    assert pick_fallback_date("2026-01-01", lambda: None) == "2026-01-01"


def test_the_whole_page_is_not_read_when_the_pruned_page_has_a_real_date() -> None:
    def whole_page() -> str:
        raise AssertionError("htmldate ran a second time for a date that was not needed")

    assert pick_fallback_date("2023-04-28", whole_page) == "2023-04-28"  # a real date read after pruning stays


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


# --- The dateline: the date printed by the headline, checked against the markup's --------------------------------

BODY = " ".join(["The council voted on the new budget after a long debate about schools and roads."] * 8)


def page(head: str, header: str, body: str = BODY, lang: str = "en-US") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(
        f'<html lang="{lang}"><head>{head}</head><body><nav><a href="/">Home</a> 01/02/2020</nav>'
        f"<article><h1>Council passes the budget</h1>{header}<p>{body}</p></article>"
        "<footer>Copyright 2014</footer></body></html>"
    )


def published(
    tree: lxml_html.HtmlElement, fallback: str | None = None, fetched_at: str | None = None
) -> tuple[str | None, str | None]:
    signals = read_signals(tree)
    return pick_published(signals, dateline(tree, signals.html_lang), lambda: fallback, fetched_at)


def ld(**dates: str) -> str:
    fields = ", ".join(f'"{k}": "{v}"' for k, v in dates.items())
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Budget", {fields}}}</script>'


def test_the_dateline_reads_dates_after_and_before_the_headline_in_the_pages_forms() -> None:
    tree = page("", '<div class="byline">By Ann Lee <span>Updated March 4, 2025</span></div>')
    assert [(s.day.isoformat(), s.raw, s.updated) for s in dateline(tree, "en")] == [
        ("2025-03-04", "March 4, 2025", True)
    ]
    german = lxml_html.document_fromstring(
        "<html><body><p class='kicker'>Politik 4. März 2025</p><h1>Der Rat beschließt den Haushalt</h1>"
        f"<p>Von Anna Lee, aktualisiert am 05.03.2025</p><p>{BODY}</p></body></html>"
    )
    shown = dateline(german, "de")
    assert [(s.day.isoformat(), s.updated) for s in shown] == [("2025-03-05", True), ("2025-03-04", False)]
    assert shown[0].days == {date(2025, 3, 5), date(2025, 5, 3)}  # 05.03 may be a US writer's May 3rd


def test_the_dateline_ignores_navigation_captions_scripts_and_the_body() -> None:
    tree = page(
        "",
        '<figure><img src="a.jpg"><figcaption>Protest, 2 May 2024</figcaption></figure>'
        '<div class="picBox"><img src="b.jpg"><p>Kyiv, 3 May 2024</p></div>'
        "<script>var built = '2024-05-04';</script>",
        body=BODY + " On June 5, 2024, the vote was held.",
    )
    assert dateline(tree, "en") == []  # the nav's 01/02/2020 is before the headline, but not next to it
    topic = page("", '<div class="topic-meta">Politics · March 4, 2025</div>')  # "topic" is no picture
    assert [s.raw for s in dateline(topic, "en")] == ["March 4, 2025"]


def test_a_markup_date_the_header_shows_stands_with_its_time() -> None:
    tree = page(ld(datePublished="2025-03-04T09:30:00+01:00"), "<p>By Ann Lee · 4 Mar 2025</p>")
    assert published(tree) == ("2025-03-04T09:30:00+01:00", "2025-03-04T09:30:00+01:00")


def test_the_header_date_beats_a_markup_date_the_page_never_shows() -> None:
    # a template's January 1st in JSON-LD; the byline prints the real day
    tree = page(ld(datePublished="2025-01-01T03:00:00"), "<p>By Ann Lee</p><p>February 4, 2025 - 11 minutes</p>")
    assert published(tree) == ("2025-02-04", "February 4, 2025")


def test_a_kickers_anniversary_by_the_headline_does_not_replace_the_markup_date() -> None:
    # "Ten years ago · December 6, 2016" over a story published on December 6, 2026: the same day of another year
    markup = ld(datePublished="2026-12-06T06:00:00+01:00")
    tree = page(markup, "<p>Ten years ago · December 6, 2016</p><p>By Ann Lee</p>")
    assert published(tree) == ("2026-12-06T06:00:00+01:00", "2026-12-06T06:00:00+01:00")
    hungarian = page(markup, "<p>Tíz éve történt · 2016. december 6.</p>", lang="hu")
    assert published(hungarian)[0] == "2026-12-06T06:00:00+01:00"
    # Java's week-year ("YYYY") misdates late December: 30 December 2024 written as 2025-12-30 (code review 44)
    week_year = page(ld(datePublished="2025-12-30T09:00:00+01:00"), "<p>By Ann Lee · December 30, 2024</p>")
    assert published(week_year)[0] == "2024-12-30"
    # another day of another year is still the day the page presents (a misdated import)
    assert published(page(markup, "<p>By Ann Lee · December 5, 2016</p>"))[0] == "2016-12-05"


def test_the_header_date_is_taken_from_a_machine_date_that_has_its_day() -> None:
    tree = page(
        meta("article:published_time", "2013-03-11T11:11:07-07:00"),
        '<p><time datetime="2023-03-20T08:00:00-07:00">March 20, 2023</time> | Wellness</p>',
    )
    assert published(tree) == ("2023-03-20T08:00:00-07:00", "2023-03-20T08:00:00-07:00")


def test_a_revision_date_in_the_header_does_not_replace_a_published_date_the_meta_confirms() -> None:
    confirmed = ld(datePublished="2024-04-10T19:30:39Z") + meta("article:published_time", "2024-04-10T19:30:39Z")
    labelled = page(confirmed, "<p>Last updated: Sep 4, 2025</p>")
    assert published(labelled)[0] == "2024-04-10T19:30:39+00:00"
    # the markup's own modified day, printed without a label, is a revision too (a live page's last update)
    unlabelled = page(
        ld(datePublished="2023-10-07T09:53:36+02:00", dateModified="2024-07-18T13:08:27+02:00")
        + meta("article:published_time", "2023-10-07T09:53:36+02:00"),
        "<p>NZZ-Redaktion 18.07.2024, 11.08 Uhr</p>",
        lang="de-CH",
    )
    assert published(unlabelled)[0] == "2023-10-07T09:53:36+02:00"
    in_time = page(ld(datePublished="2024-04-10T19:30:39Z"), '<p>Updated Sep 4, 2025</p><time datetime="2024-04-10">')
    assert published(in_time)[0] == "2024-04-10T19:30:39+00:00"  # a <time> confirms it too


def test_a_revision_in_the_header_beats_a_publication_date_only_the_json_ld_states() -> None:
    labelled = page(ld(datePublished="2024-04-10T19:30:39Z"), "<p>Last updated: Sep 4, 2025</p>")
    assert published(labelled) == ("2025-09-04", "Sep 4, 2025")
    # with the markup's modified instant when it falls on the printed day, for the time of day
    timed = page(ld(datePublished="2024-04-10T19:30:39Z", dateModified="2025-09-04T19:24:33Z"), "<p>Sep 4, 2025</p>")
    assert published(timed) == ("2025-09-04T19:24:33+00:00", "2025-09-04T19:24:33Z")
    # the WebPage node's date is the JSON-LD too: alone, it gives way the same
    graph = '{"@graph": [{"@type": "WebPage", "datePublished": "2024-02-01T15:46:14Z"}]}'
    webpage = page(f'<script type="application/ld+json">{graph}</script>', "<p>By Isaiah Shelton April 19, 2025</p>")
    assert published(webpage, fetched_at="2026-01-10T00:00:00+00:00")[0] == "2025-04-19"
    # not a revision: a header date before the publication, or one on the day the page was fetched
    earlier = page(ld(datePublished="2024-04-10T19:30:39Z"), "<p>Updated Sep 4, 2023</p>")
    assert published(earlier)[0] == "2024-04-10T19:30:39+00:00"
    today = published(labelled, fetched_at="2025-09-04T10:00:00+00:00")
    assert today[0] == "2024-04-10T19:30:39+00:00"


def test_a_january_first_guess_is_a_copyright_year_unless_the_header_prints_it() -> None:
    assert published(page("", "<p>By Ann Lee</p>"), fallback="2026-01-01") == (None, None)
    tree, notes = page("", "<p>By Ann Lee</p>"), []
    signals = read_signals(tree)
    assert pick_published(signals, dateline(tree, "en"), lambda: "2026-01-01", None, notes) == (None, None)
    assert notes == ["date/year_only_dropped"]
    new_year = page("", "<p>By Ann Lee, January 1, 2026</p>")
    assert published(new_year, fallback="2026-01-01")[0] == "2026-01-01"
    assert published(page("", "<p>By Ann Lee</p>"), fallback="2026-01-02")[0] == "2026-01-02"


def test_the_published_date_printed_before_an_update_note_wins_over_a_guess_of_the_update() -> None:
    tree = page("", "<p>By Mel Norris April 26, 2024</p><p>Updated on: October 28, 2024</p>")
    assert published(tree, fallback="2024-10-28") == ("2024-04-26", "April 26, 2024")
    assert published(page("", "<p>By Mel Norris</p>"), fallback="2024-10-28")[0] == "2024-10-28"


def test_a_header_day_that_is_the_published_instant_elsewhere_keeps_the_instant() -> None:
    # 23:00 UTC on December 2nd is December 3rd in Europe
    tree = page(ld(datePublished="2025-12-02T23:00:55Z"), "<p>Published: 03 Dec 2025</p>", lang="en-GB")
    assert published(tree)[0] == "2025-12-02T23:00:55+00:00"


def test_an_ambiguous_numeric_date_matches_either_reading() -> None:
    tree = page(ld(datePublished="2024-09-10T16:07:00Z"), "<p>By Block Renovation 09.10.2024</p>")
    assert published(tree)[0] == "2024-09-10T16:07:00+00:00"
    us = page("", "<p>By Yucy 3/4/2025</p>")
    assert published(us) == ("2025-03-04", "3/4/2025")
    uk = page("", "<p>By Yucy 3/4/2025</p>", lang="en-GB")
    assert published(uk) == ("2025-04-03", "3/4/2025")


def test_a_guess_on_the_unusual_reading_of_an_ambiguous_date_needs_the_address_to_agree() -> None:
    # htmldate reads "3/4/2025" day first everywhere: on a US page the header's March 4th stands
    assert published(page("", "<p>By Yucy 3/4/2025</p>"), fallback="2025-04-03") == ("2025-03-04", "3/4/2025")
    # unless the page's address holds the other reading's year and month
    for address in ("https://example.org/blog/2023/october/03/wine-types", "https://example.org/2023/10/03/wine"):
        dated = page(meta("og:url", address), "<p>By Ann Lee 03/10/2023</p>")
        assert published(dated, fallback="2023-10-03")[0] == "2023-10-03", address
    other_month = page(meta("og:url", "https://example.org/2023/11/wine"), "<p>By Ann Lee 03/10/2023</p>")
    assert published(other_month, fallback="2023-10-03")[0] == "2023-03-10"


def test_the_pages_own_address_counts_for_the_unusual_reading_and_for_a_new_years_day() -> None:
    tree = page("", "<p>By Ann Lee 03/10/2023</p>")
    signals = read_signals(tree)
    shown = dateline(tree, signals.html_lang)
    address = "https://example.org/2023/10/03/wine-types"
    assert pick_published(signals, shown, lambda: "2023-10-03", url=address)[0] == "2023-10-03"
    assert pick_published(signals, shown, lambda: "2023-10-03")[0] == "2023-03-10"
    bare = page("", "<p>By Ann Lee</p>")
    new_year = "https://news.example.com/2025/01/01/new-year-fireworks"
    assert pick_published(read_signals(bare), [], lambda: "2025-01-01", url=new_year)[0] == "2025-01-01"


def test_a_new_years_day_printed_in_the_text_is_kept_and_a_dropped_year_is_noted_only_without_a_date() -> None:
    signals = read_signals(page("", "<p>By Ann Lee</p>"))
    posted = "Fireworks lit the harbour. Posted on January 1, 2025 by Ann Lee."
    assert pick_published(signals, [], lambda: "2025-01-01", text=posted)[0] == "2025-01-01"
    assert pick_published(signals, [], lambda: "2025-01-01", text="Fireworks in 2025.")[0] is None
    notes: list[str] = []
    header = page("", "<p>By Ann Lee 04-mars-2021</p>")  # the header's date is found: nothing to note
    assert pick_published(read_signals(header), dateline(header, "en"), lambda: "2021-01-01", None, notes)[0] == (
        "2021-03-04"
    )
    assert notes == []


def test_dates_at_the_ends_of_the_calendar_cannot_break_the_pick() -> None:
    # their UTC day is out of range: once an OverflowError that cost the page its record
    for extreme in ("9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+05:00"):
        in_time = page(
            ld(datePublished="2026-11-20T09:00:00-05:00"), f'<p>Updated Nov 28, 2026</p><time datetime="{extreme}">'
        )
        in_meta = page(
            meta("article:published_time", extreme) + ld(datePublished="2026-11-20"), "<p>Updated Nov 28, 2026</p>"
        )
        in_ld = page(ld(datePublished="2026-11-20T09:00:00-05:00", dateModified=extreme), "<p>Updated Nov 28, 2026</p>")
        for tree in (in_time, in_meta, in_ld):
            assert published(tree, fetched_at="2026-12-03T12:00:00+00:00")[0] is not None, extreme


def test_a_header_date_in_the_future_is_an_event_not_the_article() -> None:
    tree = page(ld(datePublished="2025-03-04T09:30:00Z"), "<p>Festival: June 4, 2099</p>")
    assert published(tree)[0] == "2025-03-04T09:30:00+00:00"


def test_the_dateline_reaches_the_record_through_extract() -> None:
    html = (
        f'<html lang="en"><head><title>Budget</title>{ld(datePublished="2019-08-14T13:00:00Z")}</head><body>'
        "<article><h1>Council passes the budget</h1><p>Written by Ann Lee</p><p>Sep 17, 2025</p>"
        f"<p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    result = extract(html, url="https://news.example/budget")
    assert isinstance(result, Article), result
    assert (result.published, result.published_raw) == ("2025-09-17", "Sep 17, 2025")


# --- A date the header mentions is not always the header's date ------------------------------------------------

MARKUP_DAY = ld(datePublished="2025-03-11T09:00:00+00:00")


def test_a_date_inside_a_sentence_by_the_headline_does_not_replace_the_markup_date() -> None:
    for header in (
        '<p class="standfirst">Five years since the storm of 11 March 2020 wrecked the quay</p><p>By Ann Lee</p>',
        "<p>The plan, first proposed on <b>January 6, 2021</b>, passed 7-2.</p>",
        "<h2>Timeline: what happened since October 7, 2023</h2>",
    ):
        assert published(page(MARKUP_DAY, header))[0] == "2025-03-11T09:00:00+00:00", header
    # a date standing alone in its text, or marked as one, still shows the day the page presents
    template = ld(datePublished="2025-01-01T03:00:00")
    assert published(page(template, "<p>By Ann Lee · Published February 4, 2025, 5:00 PM EST</p>"))[0] == "2025-02-04"
    marked = '<div class="post-meta">Filed under Politics, Council and Schools by Ann Lee on February 4, 2025</div>'
    assert published(page(template, marked))[0] == "2025-02-04"
    timed = "<p>Written for the council's newsletter by Ann Lee on <time>February 4, 2025</time></p>"
    assert published(page(template, timed))[0] == "2025-02-04"
    split = '<p>Posted <span class="d">4</span> <span class="m">February</span> 2025 | Politics | Schools | Roads</p>'
    assert published(page(template, split))[0] == "2025-02-04"


def test_a_masthead_date_beside_the_sites_name_is_not_the_articles() -> None:
    html = (
        f"<html lang='en'><head><title>Council passes the budget | Example News</title>{MARKUP_DAY}</head><body>"
        '<header><span class="today">Monday, March 2, 2026</span><h1 class="logo"><a href="/">Example News</a></h1>'
        '<nav><a href="/world">World</a></nav></header><main><article><h1>Council passes the budget</h1>'
        f"<p>By Ann Lee</p><p>{BODY}</p><p>{BODY}</p></article></main></body></html>"
    )
    result = extract(html, url="https://news.example/budget")
    assert isinstance(result, Article), result
    assert result.published == "2025-03-11T09:00:00+00:00"
    named = lxml_html.document_fromstring(
        '<html><head><meta property="og:site_name" content="Example News"></head><body>'
        "<div>Monday, March 2, 2026</div><h1>Example News</h1>"
        f"<div><h2>Council passes the budget</h2><p>{BODY}</p></div></body></html>"
    )
    assert dateline(named, "en") == []
    # an article's own header in a top-level <header> is still read when the page has no other <h1>
    hero = lxml_html.document_fromstring(
        '<html><body><header class="hero"><h1>Council passes the budget</h1><p>February 4, 2025</p></header>'
        f"<main><p>{BODY}</p></main></body></html>"
    )
    assert [s.raw for s in dateline(hero, "en")] == ["February 4, 2025"]


def test_a_header_date_on_the_fetch_day_never_overrides_the_markup_date() -> None:
    tree = lxml_html.document_fromstring(
        f'<html lang="en"><head>{MARKUP_DAY}</head><body><div class="topbar">Monday, March 2, 2026</div>'
        f"<article><h1>Council passes the budget</h1><p>{BODY}</p></article></body></html>"
    )
    signals = read_signals(tree)
    shown = dateline(tree, "en")
    assert pick_published(signals, shown, lambda: None)[0] == "2026-03-02"  # without the fetch time, it would win
    fetched = pick_published(signals, shown, lambda: None, fetched_at="2026-03-02T10:00:00+00:00")
    assert fetched[0] == "2025-03-11T09:00:00+00:00"


def test_revision_labels_with_a_weekday_or_a_time_between_label_and_date() -> None:
    for header, lang in (
        ("<p>By Ann Lee · Updated on Tuesday, March 18, 2025</p>", "en"),
        ('<div class="timestamp">Updated 6:05 PM EDT, Tue March 18, 2025</div>', "en"),
        ("<p>Aktualisiert: Dienstag, 18. März 2025</p>", "de"),
        ('<div class="meta">Last edited 18 March 2025</div>', "en-GB"),
    ):
        tree = page(MARKUP_DAY + meta("article:published_time", "2025-03-11T09:00:00Z"), header, lang=lang)
        assert [(s.day.isoformat(), s.updated) for s in dateline(tree, lang)] == [("2025-03-18", True)], header
        assert published(tree)[0] == "2025-03-11T09:00:00+00:00", header


def test_a_long_byline_of_labels_and_names_still_shows_the_pages_date() -> None:
    """Bylines name people and say "published on … by …": longer than a bare date, yet no sentence.

    Names are capitalised, so a line with at most two lower-case words beside its date is a
    byline in any language with case (review: these lost their date to the 25-character rule).
    """
    template = ld(datePublished="2024-01-01T00:00:00")
    for header, lang, day in (
        ("<p>Veröffentlicht am 4. März 2025, 10:02 Uhr von Hans Müller</p>", "de", "2025-03-04"),
        ("<div>By Jane Roe and John Smith<br>March 4, 2025 at 10:02 a.m. EST</div>", "en", "2025-03-04"),
        ("<p>Gepubliceerd op 4 maart 2025 om 10:02 door Jan de Vries</p>", "nl", "2025-03-04"),
    ):
        assert published(page(template, header, lang=lang))[0].startswith(day), header


# --- Pages whose markup states no article date ------------------------------------------------------------------


def test_a_webpage_nodes_date_stands_in_when_no_article_node_states_one() -> None:
    """SEO plugins describe a post as a ``WebPage`` when the template says it is no article."""
    graph = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Example"}, '
        '{"@type": "WebPage", "name": "Budget", "datePublished": "2024-03-17T19:47:39+00:00"}]}</script>'
    )
    tree = page(graph + meta("article:modified_time", "2024-05-03T10:57:58+00:00"), "<p>By Ann Lee</p>")
    assert published(tree, fallback="2024-05-03") == ("2024-03-17T19:47:39+00:00", "2024-03-17T19:47:39+00:00")
    # an article node's own date wins over the page's
    both = page(graph + ld(datePublished="2024-03-18T08:00:00+00:00"), "<p>By Ann Lee</p>")
    assert published(both)[0] == "2024-03-18T08:00:00+00:00"
    # and a date the header prints wins over the page node's (the CMS made the page before the story)
    shown = page(graph, "<p>By Ann Lee · April 19, 2025</p>")
    assert published(shown) == ("2025-04-19", "April 19, 2025")
    html = f"<html lang='en'><head>{graph}</head><body><h1>Budget</h1><p>{BODY}</p><p>{BODY}</p></body></html>"
    result = extract(html, url="https://news.example/budget")
    assert isinstance(result, Article), result
    assert result.published == "2024-03-17T19:47:39+00:00"


def test_without_a_markup_date_a_header_revision_date_beats_a_guess() -> None:
    """htmldate's guess from anywhere in the page is weaker than the only date the header prints."""
    tree = page("", "<p>By Ann Lee</p><p>Updated on December 11, 2025</p>")
    assert published(tree, fallback="2025-10-17") == ("2025-12-11", "December 11, 2025")
    assert published(tree, fallback="2025-12-11") == ("2025-12-11", "2025-12-11")  # the guess is that day
    # with a markup date the meta confirms, the revision still does not replace it
    confirmed = ld(datePublished="2024-04-10T19:30:39Z") + meta("article:published_time", "2024-04-10T19:30:39Z")
    marked = page(confirmed, "<p>Updated on December 11, 2025</p>")
    assert published(marked, fallback="2025-10-17")[0] == "2024-04-10T19:30:39+00:00"
    # nor does it replace a published date the header prints beside it (see the update-note test above)
    both = page("", "<p>By Ann Lee April 26, 2024</p><p>Updated on: October 28, 2024</p>")
    assert published(both, fallback="2024-10-28")[0] == "2024-04-26"


def test_the_headline_is_the_declared_title_when_the_h1_is_the_sites_name() -> None:
    """A blog template that keeps ``<h1>`` for its name prints the post's title in a ``<legend>``."""
    tree = lxml_html.document_fromstring(
        '<html><head><meta property="og:title" content="Advent of Code, week 2"></head><body>'
        '<div class="title"><h1><a href="/">Roger\'s Blog</a></h1></div>'
        "<fieldset><legend>Advent of Code, week 2</legend>20 December 2025"
        f"<div class='body'><p>{BODY}</p><p>{BODY}</p><h1>Day 7</h1><p>Posted 8 December 2025</p><p>{BODY}</p></div>"
        "</fieldset></body></html>"
    )
    assert [s.raw for s in dateline(tree, "en")] == ["20 December 2025"]  # not the section's date under "Day 7"
    assert published(tree, fallback="2014-01-01") == ("2025-12-20", "20 December 2025")
    # an <h1> that is the title (here with the site's name after it) stays the headline
    titled = page('<meta property="og:title" content="Council passes the budget | Example News">', "<p>4 Mar 2025</p>")
    assert [s.raw for s in dateline(titled, "en")] == ["4 Mar 2025"]


def test_a_blog_without_h1_or_og_title_has_its_headline_read_by_its_title() -> None:
    """A hosted blog prints the post title in an ``<h2>`` (no ``<h1>``, no og:title): its date and byline are by it."""
    story = "<br><br>".join(
        (
            "The fire company served 430 breakfasts on Sunday and raised $6,850 toward a thermal imaging camera.",
            "The camera lets firefighters see through smoke and find people trapped inside a burning building. It"
            " costs about $9,000, and the company's current one is fourteen years old and no longer holds a charge.",
            "Volunteers started mixing batter at five in the morning, and the line stretched out the door by half"
            " past eight. The chief thanked the Grange, which donated the syrup, and the students who washed dishes.",
            "Donations can still be dropped off at the fire hall on Mill Road or mailed to the company's post box.",
        )
    )
    html = (
        "<html lang='en'><head><title>Pancake breakfast raises funds - Harlow Village News</title></head><body>"
        "<div class='post'><div class='post-header'><h2 class='post-title'><a href='#'>Pancake breakfast raises"
        " funds</a></h2><p class='post-date'><span>4/7/2025</span></p></div><div class='post-content'>"
        f"<div class='paragraph'><em>By Gwen Partridge</em><br><br>{story}</div></div></div>"
        "<div class='sidebar'><h2>Archives</h2><p>March 2025</p></div></body></html>"
    )
    article = extract(html, url="https://www.harlowvillagenews.com/news/pancake-breakfast-raises-funds")
    assert isinstance(article, Article), article
    assert (article.published, article.authors) == ("2025-04-07", ["Gwen Partridge"])  # not htmldate's 2025-07-04
    assert article.text.startswith("The fire company")


def test_a_blank_line_parts_a_header_block_and_one_line_break_does_not() -> None:
    """After ``<br><br>`` a text is a block of its own, inline elements with it; one ``<br>`` wraps a line (review)."""
    byline = page("", "<p>March 3, 2025<br><br>By <strong>Ann Lee</strong></p>")
    assert read_header(byline, "en").lines[:2] == ["March 3, 2025", "By Ann Lee"]
    standfirst = page(
        meta("article:published_time", "2025-12-01T09:00:00+00:00"),
        "<p>The council's vote on the new budget is set for<br>Tuesday, January 6, 2026<br>at the community"
        " center, where residents may speak for three minutes each.</p>",
    )
    assert dateline(standfirst, "en") == []  # the event's date, inside its sentence


def test_the_sites_name_in_an_h2_is_no_headline_by_the_title() -> None:
    """A masthead's ``<h2>`` holds the ``<title>``'s site part; the post's ``<h3>`` is the headline (review)."""
    tree = lxml_html.document_fromstring(
        "<html><head><title>Mill Road to be repaved - Harlow Village News</title></head><body>"
        "<div id='top'><h2>Harlow Village News</h2></div><div class='main'><h3>Mill Road to be repaved</h3>"
        f"<p>March 3, 2025</p><p>{BODY}</p></div></body></html>"
    )
    found = headline(tree, "https://www.harlowvillagenews.com/mill-road-to-be-repaved")
    assert found is not None
    assert found.tag == "h3"


def test_a_webpage_nodes_date_is_a_markup_date_for_revisions_and_the_fetch_day() -> None:
    """The page node's date is what the publisher states: its modified day and a masthead's "today" do not beat it."""
    graph = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "name": "Budget", '
        '"datePublished": "2024-03-17T19:47:39+00:00", "dateModified": "2024-05-03T10:57:58+00:00"}]}</script>'
    ) + meta("article:published_time", "2024-03-17T19:47:39+00:00")  # Yoast states it in both
    revised = page(graph, "<p>By Ann Lee · Updated May 3, 2024</p>")  # the Yoast layout
    assert published(revised, fallback="2024-05-03")[0] == "2024-03-17T19:47:39+00:00"
    unlabelled = page(graph, "<p>By Ann Lee · May 3, 2024</p>")  # the node's own modified day, unlabelled
    assert published(unlabelled, fallback="2024-05-03")[0] == "2024-03-17T19:47:39+00:00"
    masthead = page(graph, "<p>Thursday, December 3, 2026</p>")
    assert published(masthead, fetched_at="2026-12-03T09:00:00+00:00")[0] == "2024-03-17T19:47:39+00:00"


def test_a_webpage_date_in_the_future_is_no_publication_date() -> None:
    """A page node dated years ahead (a template's expiry, a typo) gives way to the page's other dates."""
    graph = (
        '<script type="application/ld+json">{"@type": "WebPage", "name": "Budget", '
        '"datePublished": "2031-01-01T00:00:00+00:00"}</script>'
    )
    assert published(page(graph, "<p>By Ann Lee</p>"), fallback="2024-03-03") == ("2024-03-03", "2024-03-03")


def test_the_text_before_the_headline_is_read_backwards_as_written_and_the_sites_name_anywhere() -> None:
    """The window above the headline is the page's text read backwards, nearest first, lazily.

    Every subtree read backwards gives exactly its forward reading reversed (tails, comments and
    skipped elements included); and the site's name is known from a ``<meta>`` libxml2 left
    after a second ``<html>``, so the masthead's ``<h1>`` with the day's date is not the headline.
    """
    from scraper.extraction.dateline import _texts

    page = lxml_html.document_fromstring(
        "<html><body><div class=top>Menu <b>one</b> two<!-- c -->three<script>x()</script> tail"
        "<nav>World</nav> after nav<figure><figcaption>Photo 1 May 2020</figcaption></figure> after figure"
        "<div><span>March 4,</span> 2025 <em>by</em> Ann</div> end</div>"
        "<h1>Council passes the budget</h1><p>Text.</p></body></html>"
    )
    for element in page.iter():
        forward = [(p.text, p.owner) for p in _texts(element)]
        assert [(p.text, p.owner) for p in _texts(element, backwards=True)] == forward[::-1]
    assert [s.raw for s in dateline(page, "en")] == ["March 4, 2025"]
    masthead = lxml_html.document_fromstring(
        "<html><body><h1>Example News</h1><div>Monday, March 2, 2026</div>"
        "<main><h1>Council passes the budget</h1><p>February 4, 2025</p></main></body></html>"
        '<html><head><meta name="application-name" content="Example News"></head><body></body></html>'
    )
    assert [s.raw for s in dateline(masthead, "en")][:1] == ["February 4, 2025"]  # after the headline: first


def test_the_dateline_reads_a_compact_date_with_a_month_name_in_a_common_language() -> None:
    tree = page("", "<p>By: FlowGuard EMEA on 04-ago-2021 5:11:10</p>", lang="en-us")
    assert [(s.day.isoformat(), s.raw) for s in dateline(tree, "en-us")] == [("2021-08-04", "04-ago-2021")]
    assert [s.day.isoformat() for s in dateline(page("", "<p>Von Anna Lee, 12-Okt-2024</p>"), "de")] == ["2024-10-12"]
    # a date with no month name or a word that is no month stays unread
    assert dateline(page("", "<p>By Ann Lee 04-xyz-2021</p>"), "en") == []


def test_a_date_in_a_caption_or_credit_is_no_dateline_even_as_a_time_element() -> None:
    # A dated archive photo under the byline is the picture's date, not the article's.
    archive = page("", '<div class="caption">Archive photo, <time datetime="2019-05-01">May 1, 2019</time></div>')
    credit = page("", '<span class="photo-credit">AP, <time datetime="2019-05-01">May 1, 2019</time></span>')
    assert dateline(archive, "en") == []
    assert dateline(credit, "en") == []
    photo = page("", '<span class="photo-caption">Kyiv, 24 April 2023</span>')
    assert dateline(photo, "en") == []


def test_a_date_in_a_style_sheets_image_address_is_no_publication_date() -> None:
    sheet = ".hero{background-image:url(https://site.example/wp-content/uploads/2022/05/hero-scaled.jpg)}"
    story = "".join(f"<p>{BODY}</p>" for _ in range(3))
    html = (
        f'<html lang="en"><head><title>Tutoring</title><style>{sheet}</style></head><body>'
        f'<main><h1>Academic tutoring</h1><div class="hero"></div>{story}</main></body></html>'
    )
    result = extract(html, url="https://site.example/academic-tutoring/")
    assert isinstance(result, Article), result
    assert result.published is None  # htmldate read the stylesheet's /2022/05/ as May 1st, 2022


def test_an_emptied_style_sheet_still_parts_the_text_on_either_side() -> None:
    tree = lxml_html.document_fromstring(
        "<html><body><article><h1>Council passes the budget</h1><div>4 March<style>.x{color:red}</style>2025</div>"
        f"<p>{BODY}</p></article></body></html>"
    )
    from scraper.extraction.prune import empty_style_sheets

    empty_style_sheets(tree)
    assert [s.raw for s in dateline(tree, "en")] == ["4 March 2025"]
    sheet = tree.find(".//style")
    assert sheet is not None
    assert not sheet.text


def test_the_whole_page_date_reads_the_tree_as_it_was_when_asked_for() -> None:
    from scraper.extraction.undated import COPY_BYTES, whole_page_date

    html = (
        '<html><body><article><h1>Sleep training</h1><div class="share">Published May 25, 2023</div></article>'
        "</body></html>"
    )
    for size in (100, COPY_BYTES + 1):  # a copy read later, or (a large page) the date read at once
        tree = lxml_html.document_fromstring(html)
        read = whole_page_date(tree, "https://example.org/articles/sleep-training", size)
        for box in tree.xpath("//div[@class='share']"):
            box.getparent().remove(box)  # pruning, after the call
        assert read() == read() == "2023-05-25"
