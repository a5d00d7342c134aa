"""Remove containers the page itself marks as boilerplate, before trafilatura sees them.

Markup words shared across CMSs (``related``, ``newsletter``, ``share``, ``comments``) are the
cheapest evidence there is: the template says what the box is. The words are per-language data
in ``phrases.toml`` (``boilerplate_markup``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from scraper.text import phrases

_TOKEN_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")


# ``/descendant::*``, not ``//*``: the same elements in the same order, without libxml2 first
# collecting every node of the page (text included) to take their children.
_MARKED = etree.XPath(
    "/descendant::*[@class or @id or @aria-label or @role]"
    "[not(self::html or self::body or self::main or self::article or self::h1 or self::p)]"
)


# Code is text whatever its highlighter calls a token (``<span class="hljs-comment">``). Asked
# only of the few marked elements: as an XPath predicate on every element it cost 1 ms a page.
_CODE = frozenset({"pre", "code"})


def _in_code(element: lxml_html.HtmlElement) -> bool:
    return element.tag in _CODE or any(a.tag in _CODE for a in element.iterancestors())


def _marked_as_boilerplate(element: lxml_html.HtmlElement) -> bool:
    """Class, id, aria-label or role words say "related", "newsletter", "share", "comments"..."""
    if (element.get("role") or "").lower() in ("complementary", "dialog", "alertdialog"):
        return True
    return _names_boilerplate(
        f"{element.get('class') or ''} {element.get('id') or ''} {element.get('aria-label') or ''}"
    )


@lru_cache(maxsize=8192)
def _names_boilerplate(words: str) -> bool:
    """Whether attribute words name boilerplate; memoised, as templates repeat the same classes."""
    tokens = {t.lower() for t in _TOKEN_SPLIT.split(words) if t}
    return not tokens.isdisjoint(phrases()["boilerplate_markup"])


def prune_page(tree: lxml_html.HtmlElement) -> int:
    """Remove containers the page itself marks as boilerplate, before trafilatura sees them.

    Markup words shared across CMSs (``related``, ``newsletter``, ``share``, ``comments``,
    ``breadcrumb``, ``cta``, ARIA ``complementary``/``dialog``) mark teaser lists, sign-up
    boxes, share bars and modals. A container holding a large share of the page's paragraph
    text is kept whatever its name: some templates put such words on the article wrapper.
    Returns the number of containers removed (the outermost ones: what they held went with them).
    """
    paragraphs = sum(len(p.text_content()) for p in tree.iter("p"))
    removed = 0
    dropped = None  # the last container removed: the marked elements inside it, next in document order, went with it
    for element in _MARKED(tree):
        if element.getparent() is None or not _marked_as_boilerplate(element):
            continue
        if dropped is not None:
            if any(a is dropped for a in element.iterancestors()):
                continue
            dropped = None  # past it: no later element is inside it
        if _in_code(element):
            continue
        own = sum(len(p.text_content()) for p in element.iter("p"))
        if own > 0.25 * paragraphs or any(True for _ in element.iter("h1")):
            continue
        element.drop_tree()
        dropped = element
        removed += 1
    return removed
