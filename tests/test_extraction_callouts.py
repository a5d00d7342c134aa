"""A note boxed in ``<div>``s between the story's paragraphs is story text; teaser cards and captions are not.

Real trafilatura on pages whose boxes are built as several CMSs build them (none with Ghost's
class names): trafilatura reads ``<div>`` text only where a container has little ``<p>`` text,
so before :mod:`scraper.extraction.callouts` each note below was dropped.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.callouts import mark_callouts
from scraper.items import Article

URL = "https://news.example/2026/11/sea-wall-repairs.html"
NOTE = "Residents on the sea front should move their cars before the work begins on Monday."
BEFORE = "".join(
    f"<p>The harbour board agreed on {day} to repair the northern sea wall before the winter storms, after "
    f"{years} years of delays, rising costs and a long argument over who should pay for the work.</p>"
    for day, years in [("Tuesday", "two"), ("Wednesday", "three"), ("Thursday", "four")]
)
AFTER = (
    "<p>The contractor expects the first section to be finished by February, weather permitting, and the "
    "promenade to reopen in stages as each part of the wall is completed and checked.</p>"
    "<p>Questions about the closures can be put to the council's harbour office, which opens on weekdays.</p>"
)


def page(box: str, after: str = AFTER) -> str:
    return (
        "<html><head><title>Sea wall repairs agreed</title></head><body><article><h1>Sea wall repairs agreed</h1>"
        f"{BEFORE}{box}{after}</article></body></html>"
    )


def text(markup: str) -> str:
    result = extract(markup, url=URL)
    assert isinstance(result, Article), result
    return result.text


@pytest.mark.parametrize(
    "box",
    [
        f'<div class="note"><div class="note-icon">!</div><div class="note-body">{NOTE}</div></div>',
        f'<div class="alert alert-warning" role="note">{NOTE}</div>',
        f'<div class="wp-block-group is-style-tip"><div class="inner"><strong>Tip:</strong> {NOTE}</div></div>',
    ],
    ids=["icon-and-text", "bare-box", "label-in-sentence"],
)
def test_a_boxed_note_between_story_paragraphs_is_kept(box: str) -> None:
    body = text(page(box))
    assert NOTE in body
    assert body.index("harbour board agreed on Thursday") < body.index(NOTE) < body.index("The contractor expects")


CARDS = "".join(
    f'<div class="card"><a href="/2026/11/{slug}.html"><h3>{headline}</h3></a>'
    f"<div class='card-teaser'>{teaser}</div></div>"
    for slug, headline, teaser in [
        ("tram", "Tram line consultation opens", "Residents have six weeks to comment on the planned route."),
        ("school", "School meals to cost more", "Parents will pay twenty cents more for each meal from January."),
    ]
)
ROW = "".join(
    f'<div class="story-extra"><div>{line}</div></div>'
    for line in [
        "The tram line consultation opens next week and runs for six weeks in the town hall.",
        "School meals will cost twenty cents more for each meal from the first of January.",
        "The dredger will not arrive until the spring, the harbour board said on Friday.",
    ]
)
FIGURE = (
    '<div class="image-box"><img src="/wall.jpg" alt=""><div class="image-text">The northern sea wall '
    "was damaged by the storms of last winter, as seen from the pier.</div></div>"
)


@pytest.mark.parametrize(
    ("box", "words"),
    [(CARDS, "Residents have six weeks"), (ROW, "The tram line consultation"), (FIGURE, "as seen from the pier")],
    ids=["teaser-cards", "row-of-boxes-alike", "caption-by-its-picture"],
)
def test_teaser_cards_rows_and_captions_between_paragraphs_are_not_notes(box: str, words: str) -> None:
    assert _marked(page(box)) == 0
    assert words not in text(page(box))


def _marked(markup: str) -> int:
    return mark_callouts(lxml_html.document_fromstring(markup))


def test_notes_outside_the_story_run_are_not_marked() -> None:
    box = f"<div class='note'>{NOTE}</div>"
    assert _marked(page(box)) == 1
    assert _marked(page(f"<aside>{box}</aside>")) == 0  # in chrome
    assert _marked(page(box, after="")) == 0  # after the story's last paragraph: a footer note, a sign-off
    assert _marked(page(f"<div class='note'>{NOTE} <a href='/closures'>{NOTE}</a></div>")) == 0  # mostly a link
    assert _marked(page("<div class='note'>Move your car by Monday</div>")) == 0  # a label, no sentence
    assert _marked(page(box + f"<p>{NOTE}</p>")) == 0  # shown twice: a pull quote
    assert _marked(page('<figure><img src="/wall.jpg" alt=""></figure>' + box)) == 0  # the picture's caption
