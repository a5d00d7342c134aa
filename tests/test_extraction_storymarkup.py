"""A quotation set in a <figure> is read as a block of the story; an embedded post or a pull quote is not."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.storymarkup import unmark_story_wrappers, unwrap_quote_figures
from scraper.items import Article

_STORY = (
    "Search is changing quickly, and the people who work on it every day disagree about where it is going next.",
    "We asked the leaders of our own teams what they expect, and their answers cover both the risks and the gains.",
    "Most of them think that the basics still matter: helpful pages, a clear structure and a brand people trust.",
    "The rest of this guide explains what each of those means in practice, with examples from our own clients.",
)
_QUOTE = (
    "Automation is not the enemy. Generative AI has been one of the greatest productivity tools that has ever"
    " happened to me in my entire career, and the people who embrace it are the ones who will do well."
)


def _page(figure: str) -> str:
    first, second = "".join(f"<p>{text}</p>" for text in _STORY[:2]), "".join(f"<p>{text}</p>" for text in _STORY[2:])
    return (
        '<html><head><title>Is search dead?</title><meta property="og:type" content="article"></head><body><main>'
        '<article><h1>Is search dead?</h1><p class="byline">By Jane Miller, <time datetime="2025-01-12">12 January'
        " 2025</time></p>"
        f"{first}{figure}{second}</article></main></body></html>"
    )


def test_a_quote_in_a_figure_is_the_storys_text() -> None:
    figure = (
        f'<figure class="Quote_component typo-block"><div><blockquote><p>{_QUOTE}</p></blockquote>'
        "<figcaption>Patrick Reinhart, VP of services</figcaption></div></figure>"
    )
    article = extract(_page(figure), url="https://agency.example/blog/2025/01/12/is-search-dead")
    assert isinstance(article, Article)
    assert _QUOTE in article.text


def test_an_embedded_post_and_a_pull_quote_stay_figures() -> None:
    tweet = (
        f'<figure class="wp-block-embed-twitter"><blockquote class="twitter-tweet"><p>{_QUOTE}</p></blockquote>'
        "</figure>"
    )
    pull = f"<figure><blockquote><p>{_STORY[0]}</p></blockquote></figure>"  # the story's own words again
    tree = lxml_html.document_fromstring(_page(tweet + pull))
    assert unwrap_quote_figures(tree) == 0
    assert len(tree.findall(".//figure")) == 2


def test_a_quote_in_a_figure_is_the_storys_on_a_page_whose_json_ld_repeats_the_body() -> None:
    """Code review 48: the page's text was read with its scripts', and JSON-LD's ``articleBody`` (common on news
    sites) printed every quote a second time, so no quote figure was the story's."""
    figure = f"<figure><blockquote><p>{_QUOTE}</p></blockquote><figcaption>Patrick Reinhart</figcaption></figure>"
    body = " ".join((*_STORY, _QUOTE))
    page = _page(figure).replace(
        "</head>", f'<script type="application/ld+json">{{"@type": "Article", "articleBody": "{body}"}}</script></head>'
    )
    tree = lxml_html.document_fromstring(page)
    assert unwrap_quote_figures(tree) == 1


def test_readers_comments_named_so_under_a_short_post_stay_comments() -> None:
    """Code review 48: a short post's comment section inside its body container holds most of the body's text; it
    follows the post, and opens nothing, so it keeps its name (and trafilatura removes it)."""
    story = "".join(f"<p>{text}</p>" for text in _STORY[:2])
    comments = "".join(
        f'<div class="reply"><p>Reader {n} wrote: I went there this morning and the coffee shop in the lobby was far'
        " too crowded for anyone to sit and read anything at all, which is a shame for a new library.</p></div>"
        for n in range(20)
    )
    page = (
        '<html><head><title>New library</title><meta property="og:type" content="article"></head><body><article>'
        f'<h1>New library opens</h1><div class="article-body">{story}<div class="comments">{comments}</div></div>'
        "</article></body></html>"
    )
    tree = lxml_html.document_fromstring(page)
    assert unmark_story_wrappers(tree) == 0
    assert tree.find(".//div[@class='comments']") is not None
