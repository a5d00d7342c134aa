"""Collapsed sections of the story (accordion panels, tabs, embeds) are shown to trafilatura; chrome is not."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.article import _run_trafilatura, extract_article
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.recall import reveal_collapsed
from scraper.items import Article
from tests.helpers import make_page

_INTRO = [
    "The harbour board met on Tuesday evening to weigh three plans for the old sea wall, which "
    "engineers say has been crumbling since the storms of last winter.",
    "Members heard from residents, fishermen and the council's own surveyors before a vote that "
    "ran late into the night and ended with a narrow majority for the repair plan.",
]
_SECTIONS = [
    "The first plan would rebuild the wall in concrete along its whole length, a job the surveyors "
    "put at four years and twice the budget the board has set aside for the harbour.",
    "The second plan patches the worst stretches with stone taken from the quarry above the town, "
    "which the fishermen favour because the harbour would stay open while the work goes on.",
    "The third plan, which won the vote, repairs the wall in sections over two summers and adds a "
    "wave screen at the harbour mouth, paid for partly by a grant from the regional fund.",
]


def _panels(style: str = 'style="display:none"', css: str = "accordion-panel is-hidden") -> str:
    return "".join(
        f'<div class="accordion-item"><h2>Plan {n}</h2><div class="{css}" {style}><p>{text}</p></div></div>'
        for n, text in enumerate(_SECTIONS, 1)
    )


def _tree(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{body}</body></html>")


def test_a_collapsed_panel_of_prose_loses_its_hiding_marks() -> None:
    tree = _tree(
        f'<article><p>{_INTRO[0]}</p><div class="faq-answer collapsed" style="display: none">'
        f"<p>{_SECTIONS[0]}</p><p>{_SECTIONS[1]}</p></div></article>"
    )
    assert reveal_collapsed(tree) == 1
    panel = tree.find(".//article/div")
    assert panel is not None
    assert panel.get("class") == "faq-answer"  # the other class words stay: they may be what marks the story
    assert panel.get("style") is None


def test_an_embed_wrapper_and_aria_hidden_count_as_collapsed() -> None:
    tree = _tree(
        f'<div class="rich-text"><div class="w-embed"><p>{_SECTIONS[0]}</p><p>{_SECTIONS[1]}</p></div>'
        f'<div aria-hidden="true" hidden><p>{_SECTIONS[2]}</p><p>{_INTRO[1]}</p></div></div>'
    )
    assert reveal_collapsed(tree) == 2
    assert tree.find(".//div[@class='']") is not None  # "w-embed" was the only class word
    assert tree.find(".//div[@aria-hidden]") is None
    assert tree.find(".//div[@hidden]") is None


def test_hidden_chrome_stays_hidden() -> None:
    prose = "".join(f"<p>{text}</p>" for text in _SECTIONS)
    tree = _tree(
        f'<nav><div class="dropdown hidden">{prose}</div></nav>'
        f'<div class="mobile-menu is-hidden"><p>{_INTRO[0]}</p><p>{_INTRO[1]}</p></div>'
        f'<div class="modal-content" style="display:none"><div class="inner hidden">{prose}</div></div>'
    )
    assert reveal_collapsed(tree) == 0


def test_dialogs_named_in_camel_case_or_by_role_and_paid_remainders_stay_hidden() -> None:
    prose = "".join(f"<p>{text}</p>" for text in _SECTIONS)
    for hidden in (
        f'<div id="CybotCookiebotDialog" style="display:none">{prose}</div>',
        f'<div class="CookieNotice hidden">{prose}</div>',
        f'<div id="signupModal" style="display:none">{prose}</div>',
        f'<div role="dialog" style="display:none">{prose}</div>',
        f'<div aria-modal="true" class="is-hidden">{prose}</div>',
        f'<dialog><div class="hidden">{prose}</div></dialog>',
        f'<div class="article-rest premium-content" style="display:none">{prose}</div>',
        f'<div class="paywallHidden">{prose}</div>',
    ):
        tree = _tree(f"<article><p>{_INTRO[0]}</p>{hidden}</article>")
        assert reveal_collapsed(tree) == 0, hidden


def test_a_hidden_copy_of_text_shown_elsewhere_stays_hidden() -> None:
    prose = f"<p>{_SECTIONS[0]}</p><p>{_SECTIONS[1]}</p>"
    tree = _tree(f'<div class="desktop">{prose}</div><div class="variant hidden-mobile">{prose}</div>')
    assert reveal_collapsed(tree) == 0


def test_too_little_prose_or_links_stay_hidden() -> None:
    links = "".join(f'<p><a href="/s/{n}">{text}</a></p>' for n, text in enumerate(_SECTIONS))
    tree = _tree(
        f'<div class="panel hidden">{links}</div>'  # sentences, but all link text
        f'<div class="panel hidden"><p>{_INTRO[0]}</p></div>'  # one paragraph: under REVEAL_MIN_WORDS
        '<div class="panel hidden"><p>Free shipping on all orders over fifty dollars this week only</p>'
        "<p>Sign in to see your saved articles and the ones your friends recommend to you</p></div>"
    )
    assert reveal_collapsed(tree) == 0


# Enough open text that trafilatura trusts its own result (with less, its fallback reads the panels).
_OPENING = [f"{text} ({n})" for n in range(3) for text in _INTRO]


def _guide_page() -> str:
    intro = "".join(f"<p>{text}</p>" for text in _OPENING)
    return f"""<html><head><title>Three plans for the sea wall</title></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Three plans for the sea wall</h1><div class="entry-content">{intro}{_panels()}</div></article>
    <footer>© 2026 Example</footer></body></html>"""


def test_a_guide_whose_sections_are_accordion_panels_is_read_whole() -> None:
    page = make_page(_guide_page(), url="https://news.example/2026/03/02/three-plans-for-the-sea-wall")
    untouched = _run_trafilatura(lxml_html.document_fromstring(_guide_page()), page.url, ExtractionOptions())
    assert untouched is not None
    assert untouched.body is not None
    assert _SECTIONS[0] not in " ".join(untouched.body.itertext()), "trafilatura keeps the panels: tests nothing"
    article = extract_article(page)
    assert isinstance(article, Article), article
    assert all(text in article.text for text in [*_OPENING, *_SECTIONS])
    assert "Home" not in article.text
    assert "2026 Example" not in article.text


def test_chrome_is_named_by_a_class_word_not_by_a_substring() -> None:
    prose = f"<p>{_SECTIONS[0]}</p><p>{_SECTIONS[1]}</p>"
    story = _tree(
        f'<div class="accordion pane-header-alignment-left-arrow"><div class="panel hidden">{prose}</div></div>'
    )
    assert reveal_collapsed(story) == 1  # "header" is a middle word of a long name: an option of the accordion
    menu = _tree(f'<div class="mobile-menu-bar"><div class="panel hidden">{prose}</div></div>')
    assert reveal_collapsed(menu) == 0


def test_a_hidden_box_of_other_posts_titled_as_one_stays_hidden() -> None:
    # WCXB: a blog's "You Might also like..." section, classed "hide-section", holding another post's excerpt.
    excerpts = "".join(f"<p>{text}</p>" for text in _SECTIONS)
    for title in ("<h3>You Might also like...</h3>", "<div>Related articles</div>", "Read more:"):
        tree = _tree(f"<article><p>{_INTRO[0]}</p></article><div class='section hide-section'>{title}{excerpts}</div>")
        assert reveal_collapsed(tree) == 0, title
    tree = _tree(
        f"<article><p>{_INTRO[0]}</p></article><div class='section hide-section'><h3>Plans</h3>{excerpts}</div>"
    )
    assert reveal_collapsed(tree) == 1  # a hidden section under a heading of its own is the story's
