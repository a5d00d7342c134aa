"""The share guard of pre-pruning: a marked box holding much of the page's text is kept, unless it is
a dialog the page has not opened or a box that trails the story."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.article import extract_article
from scraper.extraction.hidden import closed_dialog
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


def test_a_closed_dialog_in_any_of_its_markups_goes() -> None:
    """Code review 46: a hidden wrapper around the element with the role (Bootstrap, Micromodal), a role among
    other tokens, ``aria-modal="True"``, and a ``<dialog>`` that is open but hidden."""
    story = "".join(f"<p>{text}</p>" for text in _STORY)
    inner = _republish_modal("").replace(' role="dialog" ', " ")
    for modal in (
        f'<div class="modal" hidden>{inner.replace("<div ", "<div role=dialog ", 1)}</div>',
        _republish_modal("hidden").replace('role="dialog"', 'role=" dialog document"'),
        _republish_modal('style="display:none"').replace('role="dialog"', 'aria-modal="True"'),
        _republish_modal("open hidden").replace("<div ", "<dialog ", 1).replace("</div>", "</dialog>"),
    ):
        tree = _tree(f"<article>{story}{modal}</article>")
        assert prune_page(tree) == 1, modal[:60]
        assert "Republishers must credit" not in tree.text_content()


def test_a_story_shown_only_in_a_closed_dialog_keeps_the_guard() -> None:
    """Review 46: a club's page with a teaser and its full report in a modal behind a button."""
    modal = _republish_modal('aria-hidden="true"')
    tree = _tree(
        f"<article><p>The regatta was sailed in strong winds.</p><button>Read the full report</button>{modal}</article>"
    )
    assert prune_page(tree) == 0


def test_a_shown_box_around_a_closed_dialog_and_a_story_in_two_closed_modals_keep_the_guard() -> None:
    """Code review 46: a story's wrapper the page shows, with a closed share sheet in it, is no closed dialog; a
    report shown only in modals (a desktop and a phone copy) is the page's main text, whichever copy is read."""
    story = "".join(f"<p>{text}</p>" for text in _STORY)
    sheet = '<dialog class="share-sheet"><p>Copy link</p></dialog>'
    tree = _tree(f'<article><div class="share-story">{story}{sheet}</div></article>')
    wrapper = tree.find(".//div[@class='share-story']")
    assert wrapper is not None
    assert not closed_dialog(wrapper)
    assert closed_dialog(_tree(f'<div class="modal" hidden><div>{sheet}</div></div>').find(".//div[@class='modal']"))
    modal = _republish_modal('aria-hidden="true"')
    tree = _tree(f"<article><p>The regatta was sailed in strong winds.</p>{modal}{modal}</article>")
    assert prune_page(tree) == 0


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
