"""The share guard of pre-pruning: a marked box holding much of the page's text is kept, unless it is
a dialog the page has not opened or a box that trails the story."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.article import extract_article
from scraper.extraction.prune import prune_page
from scraper.items import Article
from tests.helpers import make_page

_STORY = [
    "The harbour board met on Tuesday evening to weigh three plans for the old sea wall, which "
    "engineers say has been crumbling since the storms of last winter.",
    "Members heard from residents, fishermen and the council's own surveyors before a vote that "
    "ran late into the night and ended with a narrow majority for the repair plan.",
    "The plan that won repairs the wall in sections over two summers and adds a wave screen at "
    "the harbour mouth, paid for partly by a grant from the regional fund.",
]
_TERMS = [
    "Republishers must credit the reporter and the newsroom in the byline and link to the original "
    "story on our website at the top of the republished article.",
    "You may not edit the story beyond small changes of time and place, and you must not sell it "
    "or place it behind a paywall or in a package sold to advertisers.",
]


def _tree(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{body}</body></html>")


def _republish_modal(hidden: str) -> str:
    """A "republish this story" dialog: its terms, then a copy of the story to paste elsewhere."""
    terms = "".join(f"<p>{text}</p>" for text in _TERMS)
    copy = "".join(f"<p>{text}</p>" for text in _STORY)
    return (
        f'<div id="republish-modal" role="dialog" {hidden}><h2>Republish this story</h2>{terms}'
        f"<h1>Board backs repair of the sea wall</h1>{copy}</div>"
    )


def test_a_closed_dialog_goes_whatever_it_holds() -> None:
    story = "".join(f"<p>{text}</p>" for text in _STORY)
    for hidden in ("hidden", 'aria-hidden="true"', 'style="display: none"'):
        tree = _tree(f"<article>{story}{_republish_modal(hidden)}</article>")
        assert prune_page(tree) == 1, hidden
        assert tree.find(".//div[@role='dialog']") is None


def test_an_open_dialog_keeps_the_share_guard() -> None:
    story = "".join(f"<p>{text}</p>" for text in _STORY)
    tree = _tree(f"<article>{story}{_republish_modal('')}</article>")
    assert prune_page(tree) == 0  # shown to the reader, with an h1: it may be the page's main text


def test_a_story_with_a_closed_republish_dialog_loses_the_dialog_terms() -> None:
    story = "".join(f"<p>{text}</p>" for text in _STORY)
    html = f"""<html><head><title>Board backs repair of the sea wall</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Board backs repair of the sea wall</h1><div class="entry-content">{story}</div>
    {_republish_modal("hidden")}</article>
    <footer>© 2026 Example</footer></body></html>"""
    article = extract_article(make_page(html, url="https://news.example/2026/03/02/sea-wall"))
    assert isinstance(article, Article), article
    assert all(text in article.text for text in _STORY)
    assert not any(text in article.text for text in _TERMS)


_CITED = [
    "Harbour Authority. Sea wall condition survey, second edition. Published 12 March 2025.",
    "Regional Fund. Coastal defence grants awarded in 2024. Accessed 2 March 2026.",
    "Smith J, Okafor T. Wave screens at small harbours. Coastal Engineering 2019;41:112-130.",
    "Larsen P. Tides and the cost of harbour repairs in northern ports. Marine Policy 2021;7:44-59.",
]


_MORE = [
    "Work on the first stretch starts in May, when the fishing fleet is out for the summer season and "
    "the inner harbour can be closed for a few weeks without stopping the landings at the quay.",
    "The surveyors told the meeting that the wave screen would cut the force of winter storms on the "
    "wall by about a third, which should add decades to the life of the repaired sections.",
    "Residents who spoke against the plan asked the board to publish the full costs before the work "
    "begins, and the chair promised a public meeting once the contractor has been chosen.",
]


def _sources_page() -> str:
    story = "".join(f"<p>{text}</p>" for text in [*_STORY, *_MORE])  # the citations a small share of the text
    cited = "".join(f'<li>{text} <a href="https://example.org/{n}">doi</a></li>' for n, text in enumerate(_CITED))
    return f"""<html><head><title>Board backs repair of the sea wall</title></head><body>
    <article><h1>Board backs repair of the sea wall</h1><div class="entry-content">{story}
    <div class="comp sources-and-citation"><span>View article sources</span><ol>{cited}</ol></div></div></article>
    <footer>© 2026 Example</footer></body></html>"""


def test_a_sources_box_of_citations_is_a_reference_list() -> None:
    article = extract_article(make_page(_sources_page(), url="https://news.example/2026/03/02/sea-wall"))
    assert isinstance(article, Article), article
    assert all(text in article.text for text in [*_STORY, *_MORE])
    assert not any(text in article.text for text in _CITED)


def test_a_sources_box_that_explains_stays() -> None:
    notes = "".join(f"<li>{text} {text}</li>" for text in _STORY)  # notes of two sentences each, no years, no links
    tree = _tree(f'<article><p>{_STORY[0]}</p><div class="article-sources"><ul>{notes}</ul></div></article>')
    assert prune_page(tree) == 0
