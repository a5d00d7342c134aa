"""A quotation set in a <figure> is read as a block of the story; an embedded post or a pull quote is not."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.storymarkup import unwrap_quote_figures
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
