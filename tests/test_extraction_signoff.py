"""A byline printed under the story's last paragraph names the author when nothing above the story does."""

from __future__ import annotations

import pytest

from scraper.api import extract
from scraper.items import Article

STORY = [
    "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive in the bay.",
    "Work will start in March and is expected to take two years, the council's engineer told the meeting.",
    "Residents who live along the front said they had waited a decade for the repair and welcomed the vote.",
    "The cost, about four million pounds, will be shared between the council and the national government.",
]


def _page(end: str, head: str = "", lang: str = "en", after: str = "") -> str:
    paragraphs = "".join(f"<p>{p} {p}</p>" for p in STORY)
    return (
        f'<html lang="{lang}"><head><title>Harbour wall</title>{head}</head><body><div class="page">'
        f'<h1>Harbour wall to be rebuilt</h1><div class="content">{paragraphs}{end}</div>{after}'
        '<div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ferry fares rise</a></li></ul></div>'
        "</div></body></html>"
    )


def _authors(page: str) -> list[str]:
    result = extract(page, url="https://example.com/news/harbour-wall")
    assert isinstance(result, Article), result
    return result.authors


@pytest.mark.parametrize(("end", "authors"), [
    ("<p><strong>Text: Lenka Dvořáková, foto: Martin Šebek</strong></p>", ["Lenka Dvořáková"]),  # no photographer
    ('<div class="sign"><p><b>Text: Anna Nowak</b></p></div>', ["Anna Nowak"]),  # a wrapper that holds nothing else
    ('<p align="right"><i>— Written by Gary Lutz, Clarion staff writer</i></p><hr>'
     '<p><a href="/news">« Back to News</a></p>', ["Gary Lutz"]),  # links after the line are no story
    ("<p>Reporting by Felix Grant in Rotterdam; Additional reporting by Mia Sørensen in Copenhagen; "
     "Editing by Paul Simmons</p>", ["Felix Grant", "Mia Sørensen"]),  # the reporters, not the editor
    ("<p>(Reporting by Ana Ruiz in Santiago; Editing by Mark Hall)</p>", ["Ana Ruiz"]),  # in brackets, as Reuters
    # session 45's probe: a credit per line, parted by <br> ("Rina MarlinaEditor" was no name); labels of other
    # languages and scripts
    ("<p><em>Penulis: Rina Marlina</em><br><em>Editor: Dodi Hermawan</em></p>", ["Rina Marlina"]),
    ('<p class="credits">Teksti: Aino Lehtinen<br>Kuvat: Mikko Rantanen</p>', ["Aino Lehtinen"]),
    ("<div><b>Текст: Мария Петрова</b></div>", ["Мария Петрова"]),
    ("<p><strong>Imeandikwa na: Baraka Mwakyusa</strong></p>", ["Baraka Mwakyusa"]),
    ('<p style="text-align:right;"><strong>Thu Hà thực hiện</strong></p>', ["Thu Hà"]),  # a Vietnamese interview's

])  # fmt: skip
def test_a_signature_under_the_last_paragraph_names_the_author(end: str, authors: list[str]) -> None:
    assert _authors(_page(end)) == authors


def test_a_wire_credits_line_outside_the_story_container_still_signs_it() -> None:
    """Set after the story's <div>, the line is pruned with the page's chrome; it is read from the page as it was."""
    credits = "<p>Reporting by Felix Grant; Writing by Mia Sørensen; Editing by Paul Simmons</p>"
    assert _authors(_page("", after=credits)) == ["Felix Grant", "Mia Sørensen"]


@pytest.mark.parametrize("end", [
    '<p><em>"We will rebuild it stone by stone," said Mayor Ann Lee.</em></p>',  # a quoted person's last words
    "<p><strong>The Overstory</strong> by Richard Powers (Norton, 502 pages, $27.95)</p>",  # a review's book
    "<p><em>Photo: Martin Šebek</em></p>",  # a photo credit
    "<p><em>Martin Šebek/Getty Images</em></p>",
    "<p>Contact the reporter at jane.roe@example.com.</p>",
    "<p>Anna Nowak</p>",  # a name not set apart: a line of the story
    # review: a name alone set apart in bold, italics or to the right is as often a poem's author, a funeral home,
    # a box's title, a photographer or a greeting as a signature (a Vietnamese paper's is lost with them)
    '<p class="Normal" style="text-align:right;"><strong>Hoàng Mai</strong></p>',
    '<p align="right">— Emily Dickinson</p>',
    "<p><strong>Hansen Funeral Home</strong></p>",
    "<p><strong>Related Coverage</strong></p>",
    '<p align="right"><em>Happy Thanksgiving Everyone</em></p>',
    "<blockquote><p>Do not go gentle into that good night.</p></blockquote><p><em>Dylan Thomas</em></p>",  # a quote's
    "<p><strong>Anna Nowak</strong></p><p>" + STORY[0] + " " + STORY[1] + "</p>",  # more story after it
    "<p><strong>Ann Lee and Tom Okafor</strong></p>",  # two names in bold: a list's, a panel's, not a signature
    '<p>گزارش هفتگی بازار</p>',  # "weekly market report": a label without its colon
    "<p>Von Anna Körber</p>",  # a bare "By" line in the story's type
    # code review 45: a bare "By" and capitalised words set apart close stories without a desk to sign for
    "<p><em>By Air Mail</em></p>",
    "<p><strong>Por Nuestra Parte</strong></p>",
    "<p><em>By Stephen King</em></p>",  # a reviewed book's writer
    '<p class="reporter">گزارش: بازار مسکن تهران</p>',  # "Report: Tehran housing market"
    "<p>Dự án được thực hiện</p>",  # "the project was carried out": a sentence, no names
    "<p><em>Von Anna Körber</em> und Team</p>",  # the name is not all the line
    # review 45: a line the paragraph before introduces ("… answered by the operations manager:") is no signature
    "<p>Questions were answered by the parks office's operations manager:</p><p><strong>By Kevin Marsh</strong></p>",
])  # fmt: skip
def test_a_closing_line_that_is_no_signature_names_no_one(end: str) -> None:
    assert _authors(_page(end)) == []


def test_a_byline_above_the_story_comes_before_its_signature() -> None:
    head = '<meta name="author" content="Ann Lee">'
    assert _authors(_page("<p><strong>Text: Anna Nowak</strong></p>", head=head)) == ["Ann Lee"]


def test_a_signed_line_in_a_sidebar_signs_no_story() -> None:
    """A signature closing the sidebar's prose follows none of the story's paragraphs."""
    blurb = "<p>Our newsroom has covered the coast for a hundred years and more, from storms to elections.</p>"
    sidebar = f'<div class="promo">{blurb}<p><strong>Text: Anna Nowak</strong></p></div>'
    assert _authors(_page("", after=sidebar)) == []


def test_a_desk_in_the_markup_yields_to_the_writer_signing_the_story() -> None:
    """Session 45's probe: Squarespace's JSON-LD and meta name the blog's "Spinnwerk Team"; the story ends "Von Anna
    Körber". With no writer printed, the desk stays the author."""
    ld = '{"@type": "BlogPosting", "headline": "Harbour wall", "author": "Harbour Team"}'
    head = f'<script type="application/ld+json">{ld}</script>'
    assert _authors(_page("<p><em>Von Anna Körber</em></p>", head=head)) == ["Anna Körber"]
    comment = "<!-- the end of the story body, then its signature -->"  # comments beside or in it (code review 45)
    assert _authors(_page(f"{comment}<p><!-- x --><em>Von Anna<!-- y --> Körber</em></p>", head=head)) == [
        "Anna Körber"
    ]
    assert _authors(_page("", head=head)) == ["Harbour Team"]
