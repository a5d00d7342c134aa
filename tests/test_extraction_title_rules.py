"""The text rules of ``title_rules``: lost characters, escaped tags, the site's host, kicker parts, stamps."""

from __future__ import annotations

from scraper.extraction import title_rules
from scraper.extraction.signals import Heading
from scraper.extraction.title import _strip_site_suffix, strip_site_suffix
from scraper.extraction.title_rules import (
    headline_part,
    recased,
    respelled,
    shown_markup,
    without_host,
    without_stamp,
)


def test_respelled_takes_the_copy_with_the_characters_a_charset_lost() -> None:
    assert respelled("Caf\ufffd\ufffd opens on the quay", ["Café opens on the quay"]) == "Café opens on the quay"
    assert respelled("Planning? A Beginner? Guide", ["Planning: A Beginner's Guide"]) == "Planning: A Beginner's Guide"


def test_respelled_keeps_a_question_and_a_different_copy() -> None:
    assert respelled("Is the bridge safe?", ["Is the bridge safe!"]) == "Is the bridge safe?"
    assert respelled("Why? The river rose", ["Why the river rose so fast"]) == "Why? The river rose"
    many = "a?" * 40 + "b"  # too many gaps to try: left as it is, at once
    assert respelled(many, ["a" * 200]) == many
    long_runs = "x y " + ("a" + "?" * 70) * 4 + "b"  # long runs are the title's own, never a lost character
    assert respelled(long_runs, ["x y " + "a" * 470]) == long_runs


def test_respelled_keeps_real_questions_reworded_in_another_copy() -> None:
    stocks = "Why Did Stocks Fall? Here's What to Know"
    assert respelled(stocks, ["Why Did Stocks Fall — Here's What to Know"]) == stocks  # a space is no lost letter
    who = "Who? What? Where? The press conference explained"
    assert respelled(who, ["Who, What, Where: The press conference explained"]) == who  # punctuation only
    assert respelled("Is it over? Not yet", ["Is it over. Not yet"]) == "Is it over? Not yet"


def test_shown_markup_only_for_a_heading_that_shows_the_tag() -> None:
    headings = [Heading(tag="h1", text="30 Years of <br> Tags")]
    assert shown_markup("30 Years of Tags", headings) == "30 Years of <br> Tags"
    assert shown_markup("30 Years of Tags", [Heading(tag="h1", text="30 Years of Tags")]) == "30 Years of Tags"


def test_without_host_drops_only_the_sites_own_host_before_a_shown_headline() -> None:
    keys = frozenset({"valleyecho", "valleyechoexample"})
    logo = [Heading(tag="h1", text="valley-echo.example")]
    shown = [Heading(tag="h1", text="Valley Echo"), Heading(tag="h2", text="Storm closes bridge")]
    assert without_host("valley-echo.example Storm closes bridge", keys, logo) == "Storm closes bridge"
    assert without_host("valley-echo.example Storm closes bridge", keys, shown) == "Storm closes bridge"
    assert without_host("shop.example sales rise again", keys, logo) == "shop.example sales rise again"
    assert without_host("Storm closes bridge", keys, logo) == "Storm closes bridge"


def test_without_host_keeps_a_brand_named_by_its_address() -> None:
    keys = frozenset({"hotels", "hotelscom"})
    headline = "Hotels.com reveals the most popular destinations of 2025"
    assert without_host(headline, keys, [Heading(tag="h1", text=headline)]) == headline
    node = "Node.js 22 is now available!"
    assert without_host(node, frozenset({"nodejs", "nodejsorg"}), [Heading(tag="h1", text=node)]) == node


def test_headline_part_needs_an_element_a_title_states() -> None:
    h1 = Heading(tag="h1", text="Get that tech stack Klatch Coffee", parts=("Get that tech stack", "Klatch Coffee"))
    no_site = frozenset[str]().__contains__
    assert headline_part([h1], ["Klatch Coffee"], no_site) == "Klatch Coffee"
    assert headline_part([h1], ["Get that tech stack Klatch Coffee"], no_site) is None
    badge = Heading(tag="h1", text="Harbour plan approved 3", parts=("Harbour plan approved", "3"))
    assert headline_part([badge], ["3"], no_site) is None  # one word: a badge, not a headline
    signed = Heading(tag="h1", text="Opinion Council passes the budget Valley Echo",
                     parts=("Opinion", "Council passes the budget", "Valley Echo"))  # fmt: skip
    assert headline_part([signed], ["Valley Echo"], {"Valley Echo"}.__contains__) is None  # the site's name


def test_without_stamp_needs_a_month_and_year_after_the_shown_h1() -> None:
    headings = [Heading(tag="h1", text="Houstonia"), Heading(tag="h1", text="Where to eat this month")]
    is_site = {"Houstonia"}.__contains__
    assert without_stamp("Where to eat this month, December 2025", headings, is_site) == "Where to eat this month"
    assert without_stamp("Where to eat this month, and where to park", headings, is_site) is None
    assert without_stamp("Where to eat this month, December 2025", headings[:1], is_site) is None


def test_title_memos_keep_only_title_sized_arguments() -> None:
    """A hostile page's megabyte og:title is cleaned (or refused) without being kept for the worker's life."""
    before = (title_rules._clean_title.cache_info().currsize, _strip_site_suffix.cache_info().currsize)
    huge = "Harbour " * 150_000
    assert title_rules.clean_title(huge) is None
    assert strip_site_suffix(huge.strip() + " | Valley Echo", frozenset({"valleyecho"})) == huge.strip()
    assert (title_rules._clean_title.cache_info().currsize, _strip_site_suffix.cache_info().currsize) == before
    assert strip_site_suffix("Storm closes bridge | Valley Echo", frozenset({"valleyecho"})) == "Storm closes bridge"


def test_a_headline_shown_in_capitals_takes_the_copy_in_the_writers_case() -> None:
    assert recased("WEEKEND CODING AGENT", ["Weekend Coding Agent | Blog"]) == "WEEKEND CODING AGENT"  # not the same
    assert recased("WEEKEND CODING AGENT", ["WEEKEND CODING AGENT", "Weekend Coding Agent"]) == "Weekend Coding Agent"
    assert recased("NASA", ["Nasa"]) == "NASA"  # an acronym, not a styled headline
    assert recased("Weekend Coding Agent", ["weekend coding agent"]) == "Weekend Coding Agent"
