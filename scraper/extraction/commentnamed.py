"""A story's own wrapper named like a comment section, unmarked so that trafilatura keeps the story.

trafilatura removes, before it looks for the main text, every block whose class or id opens with "comment"
(``^[Cc]omment(?!ary)``): a page's comment section. A site's feature can be named so too: a "comment on a
selection" wrapper holds the whole of a post's text inside the container trafilatura itself names the post's
body ("PostsPage-postContent" around "commentOnSelection"); the post went and its readers' comments were
taken for the story. A comment section is beside a post's body, or a part of it; one that holds nearly all
of the text of a container named as the post's body ("postContent", "entry-content", "article-body") is the
body, and loses the name that trafilatura reads.
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
# A wrapper holds at least this share of the body container's text.
WRAPPER_SHARE = 0.9


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
    for block in named:
        size = _chars(block)
        if size and any(_wraps(block, body, size) for body in block.iterancestors() if _names_post_body(body)):
            for name in ("class", "id"):
                block.attrib.pop(name, None)
            unmarked += 1
    return unmarked


def _names_post_body(element: lxml_html.HtmlElement) -> bool:
    """The element's class or id names a post's body (:data:`_POST_BODY`)."""
    return bool(_POST_BODY.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _wraps(block: lxml_html.HtmlElement, body: lxml_html.HtmlElement, size: int) -> bool:
    """``block`` (inside ``body``) holds at least ``WRAPPER_SHARE`` of ``body``'s text."""
    return size >= WRAPPER_SHARE * _chars(body)


def _chars(element: lxml_html.HtmlElement) -> int:
    """The element's text length, whitespace left out."""
    return sum(len("".join(text.split())) for text in element.itertext())
