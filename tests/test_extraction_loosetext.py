"""Prose left loose between a page's blocks, outside any paragraph, is read as paragraphs."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.loosetext import wrap_loose_text
from scraper.items import Article

_QUESTION = "Which bridges can a walker cross exactly once on a single afternoon stroll through the old town?"
_STEPS = ("Start at the market square.", "Cross the river by the mill.", "Never cross a bridge twice.")
_ASIDE = "Is every walk possible? Looking back at the town plan, which routes can be completed by this rule?"
_ANSWER = (
    "The answer depends only on how many bridges meet at each bank: a walk that crosses each bridge once exists"
    " when no more than two banks have an odd number of bridges, which the old town, with four such banks, lacks."
)
_HISTORY = (
    "The puzzle is older than the bridges that stand today. The first printed version appeared in a Prussian"
    " almanac of 1736, whose author set it as a wager for the readers of the almanac and offered a small prize for"
    " a route, and in the following decade the question was repeated in the letters of several mathematicians."
)
_LATER = (
    "Two of the seven bridges were destroyed in the war and never rebuilt, and a modern road bridge now joins two"
    " of the banks directly, so that the walk asked for in the almanac has been possible since the year 1935."
)


_TOWNS = ("Königsberg", "Gdańsk", "Toruń", "Elbląg", "Olsztyn", "Malbork", "Grudziądz", "Chełmno")


def _hand_written_page() -> str:
    """A researcher's page written by hand: the question, and sentences between the headings, outside any <p>;
    sections of ``<P>`` paragraphs after them (with enough of those, trafilatura gathered only the ``<P>``s)."""
    steps = "".join(f"<LI> {step}" for step in _STEPS)
    sections = "".join(
        f"<H2>{town}</H2>\n<P>\nThe bridges of {town} were counted again in the survey of the year 19{n}0, and the"
        f" walk was tried by the students of the town's school on a spring afternoon.\n<P>\nIn {town} too the"
        " answer followed from the number of bridges at each bank, which the survey's map shows.\n"
        for n, town in enumerate(_TOWNS)
    )
    return (
        "<HTML><HEAD><TITLE>The Bridges Puzzle</TITLE></HEAD><BODY>"
        '<H1><A HREF="../">Home</A>: puzzles</H1><H1>The Bridges Puzzle</H1>'
        f"<H2>Problem</H2>\n{_QUESTION}\n<OL>{steps}</OL>\n{_ASIDE}\n<P>\n{_ANSWER}\n"
        f'<H2>History</H2>\n<DIV CLASS="float"><IMG SRC="map.gif"><BR>The almanac of 1736.</DIV>\n{_HISTORY}\n'
        f"<P>\n{_LATER}\n{sections}<HR><ADDRESS>Last updated in March.</ADDRESS></BODY></HTML>"
    )


def test_loose_sentences_between_headings_and_lists_are_kept() -> None:
    """trafilatura read only the ``<p>``s of such a page: the question and the sentence after the list were lost."""
    article = extract(_hand_written_page(), url="https://people.example.edu/~walker/bridges/")
    assert isinstance(article, Article)
    for sentence in (_QUESTION, _ASIDE, _ANSWER, _HISTORY, _LATER):
        assert sentence in article.text
    assert article.text.index(_QUESTION) < article.text.index(_ASIDE) < article.text.index(_HISTORY)


def test_a_story_written_with_line_breaks_under_its_sub_headings() -> None:
    """A story's container with no ``<p>``: two long runs between its headings make it prose; each is a paragraph."""
    tree = lxml_html.fromstring(
        f'<html><body><div class="story"><h2>Problem</h2>{_HISTORY}<br><br><a href="/offer">Offer</a><br>'
        f"<h2>Today</h2>{_LATER}<br></div></body></html>"
    )
    assert wrap_loose_text(tree) == 2
    paragraphs = [p.text_content().strip() for p in tree.iter("p")]
    assert paragraphs[0].startswith(_HISTORY)
    assert paragraphs[1] == _LATER


def test_a_banner_and_hidden_data_are_left_loose() -> None:
    """One run of text in a box with no paragraph is a banner's (a cookie notice), and a hidden element's text or
    a script's JSON is not shown: none becomes a paragraph."""
    tree = lxml_html.fromstring(
        '<html><body><div class="cookies">We use cookies on our website to give you the most relevant experience by'
        ' remembering your preferences and repeat visits to it.<div class="buttons"><a href="#">Accept</a></div></div>'
        f'<div class="story"><p>{_ANSWER}</p><span hidden>Saved to your profile for reading later on.</span>'
        '<div class="ad"></div>{"layout": 2, "buttonText": "Buy now", "price": "19.99 dollars"}<div></div>'
        "<p>Short.</p>Share | Print<div></div></div></body></html>"
    )
    before = lxml_html.tostring(tree)
    assert wrap_loose_text(tree) == 0
    assert lxml_html.tostring(tree) == before
