"""Markup trafilatura removes by its name or tag, around text that is the story's: unmarked before it runs.

A story's own wrapper named like a comment section. trafilatura removes, before it looks for the main text, every
block whose class or id opens with "comment" (``^[Cc]omment(?!ary)``): a page's comment section. A site's feature
can be named so too: a "comment on a selection" wrapper holds the whole of a post's text inside the container
trafilatura itself names the post's body ("PostsPage-postContent" around "commentOnSelection"); the post went
and its readers' comments were taken for the story. A comment section is beside a post's body, or a part of it;
one that holds nearly all of the text of a container named as the post's body ("postContent", "entry-content",
"article-body") is the body, and loses the name that trafilatura reads.

A quotation set in a ``<figure>`` (``<figure><blockquote>…</blockquote><figcaption>— its author``, as HTML
suggests for a quote with its source). trafilatura removes every ``<figure>`` as a picture's, save one holding a
table: a guide's quotes of the experts it asked went. A figure holding a quote is read as a block of the story
(as trafilatura reads a figure holding a table), unless its quote is printed elsewhere on the page too (a pull
quote repeating the story's words) or it is an embedded post (a tweet's blockquote).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

# The blocks trafilatura's comment prune removes by class or id (its ``REMOVE_COMMENTS_AND_LISTS_XPATH``):
# found by the opening word, then told from a "commentary" as trafilatura tells it.
_OPENS_COMMENT = etree.XPath(
    "//*[self::div or self::section or self::details or self::ol or self::ul][starts-with(@class, 'comment') or"
    " starts-with(@class, 'Comment') or starts-with(@id, 'comment') or starts-with(@id, 'Comment') or"
    " starts-with(@id, 'comol')]"
)
_COMMENT_CLASS = re.compile(r"^[Cc]omment(?!ary)")
_COMMENT_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
# A container named as a post's body: the class or id names a post, entry, article or story and its content, body
# or text ("PostsPage-postContent", "entry-content", "article_body"); a page's main area ("main", "content") is none.
_POST_BODY = re.compile(r"(?:post|entry|article|story)[-_]?(?:content|body|text)", re.IGNORECASE)
# A figure or quote named as an embedded post of a social network ("wp-block-embed-twitter", "twitter-tweet").
_SOCIAL_POST = re.compile(r"embed|tweet|instagram|tiktok|reddit|bluesky|mastodon|facebook|threads", re.IGNORECASE)
# The characters of a quote's opening looked for elsewhere on the page.
_QUOTE_OPENING = 120
# A story's quotes set in figures, at most: each is looked for in the whole page's text (a page of thousands of
# embedded posts costs no search each).
QUOTE_FIGURES_MAX = 50
# The text of a page a reader sees: a script's (JSON-LD), a style's, a template's or a noscript's is not.
_VISIBLE_TEXT = etree.XPath(
    "//text()[not(ancestor::script or ancestor::style or ancestor::template or ancestor::noscript)]",
    smart_strings=False,
)
OPENING_CHARS = 100  # a wrapper opens a post body with at most a line of text before it (a label, a date)
# A wrapper holds at least this share of the body container's text.
WRAPPER_SHARE = 0.9


def keep_story_markup(tree: lxml_html.HtmlElement) -> int:
    """Both: the story wrappers named like comments unmarked, the figures of quotes read as blocks; how many."""
    return unmark_story_wrappers(tree) + unwrap_quote_figures(tree)


def unwrap_quote_figures(tree: lxml_html.HtmlElement) -> int:
    """Read each ``<figure>`` holding a ``<blockquote>`` that the page prints nowhere else as a ``<div>``; how many.

    Run once the page's text is final for trafilatura: a quote counts as printed elsewhere when its opening words
    are in the page's text more than once.
    """
    figures = [(figure, found) for figure in tree.iter("figure") if (found := figure.find(".//blockquote")) is not None]
    if not figures:
        return 0
    page = " ".join("".join(_VISIBLE_TEXT(tree)).split())  # not a script's: JSON-LD's articleBody repeats every quote
    unwrapped = 0
    for figure, blockquote in figures[:QUOTE_FIGURES_MAX]:
        quote = " ".join("".join(blockquote.itertext()).split())
        if _SOCIAL_POST.search(f"{figure.get('class') or ''} {blockquote.get('class') or ''}"):
            continue  # an embedded post (a tweet's text in its blockquote): another's words, not the story's
        if quote and page.count(quote[:_QUOTE_OPENING]) == 1:
            figure.tag = "div"
            unwrapped += 1
    return unwrapped


def unmark_story_wrappers(tree: lxml_html.HtmlElement) -> int:
    """Drop the comment-like class and id of each block that wraps nearly all of the post body's text, in a
    container named as the post's body; the number unmarked. A page's main area is no post body: a ranking
    page's "commenting-on-qna" section, a box of readers' questions, filled its ``<main>``."""
    named = [
        block
        for block in _OPENS_COMMENT(tree)
        if _COMMENT_CLASS.match(block.get("class") or "") or _COMMENT_ID.match(block.get("id") or "")
    ]
    unmarked = 0
    sizes: dict[lxml_html.HtmlElement, int] = {}  # a post body's text length, read once however many blocks it holds
    for block in named:
        bodies = [body for body in block.iterancestors() if _names_post_body(body)]
        if not bodies or not (size := _chars(block)):
            continue
        if any(size >= WRAPPER_SHARE * _size(body, sizes) and _opens(body, block) for body in bodies):
            for name in ("class", "id"):
                block.attrib.pop(name, None)
            unmarked += 1
    return unmarked


def _names_post_body(element: lxml_html.HtmlElement) -> bool:
    """The element's class or id names a post's body (:data:`_POST_BODY`)."""
    return bool(_POST_BODY.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _opens(body: lxml_html.HtmlElement, block: lxml_html.HtmlElement) -> bool:
    """``block`` opens ``body``: no more than ``OPENING_CHARS`` of its text come before it (a short post's readers'
    comments, named so and holding most of its body's text, follow the post: code review 48)."""
    before = 0
    ancestors = set(block.iterancestors())
    for element in body.iter():
        if element is block:
            return True
        before += len("".join((element.text or "").split()))
        if element not in ancestors:
            before += len("".join((element.tail or "").split())) if element is not body else 0
        if before > OPENING_CHARS:
            return False
    return True


def _size(body: lxml_html.HtmlElement, sizes: dict[lxml_html.HtmlElement, int]) -> int:
    """``body``'s text length, from ``sizes`` when it was read before (a post's body holding a thread of comments)."""
    if body not in sizes:
        sizes[body] = _chars(body)
    return sizes[body]


def _chars(element: lxml_html.HtmlElement) -> int:
    """The element's text length, whitespace left out."""
    return sum(len("".join(text.split())) for text in element.itertext())
