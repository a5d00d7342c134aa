"""Links to a writer's own page: ``<a href="/author/jane-roe">Jane Roe</a>``, whatever the markup around them.

Many templates print the byline in elements without a class a reader of markup knows
(``class="flex-grow-1 ms-3"``, ``styles_all__Vis5Y``), but the writer's name still links to the
site's page of their stories, at an address whose path says so (``/author/``, ``/autor/``,
``/contributor/``) and whose last segment spells the name (``chris-mcnamara``). The spelling is
what keeps out a link to "All authors" or to a section: the link's words must be the slug's. A
page that links many different writers so lists other stories (related posts, a blog's sidebar):
:func:`author_link_names` then gives none.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.blocks import short_text

# The path segment of a writer's page in the CMSs and languages most sites are built with.
_AUTHOR_SEGMENTS = frozenset(
    {"author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori", "writer", "writers",
     "contributor", "contributors", "journalist", "journalists", "redakteur", "columnist", "columnists",
     "reporter", "reporters", "by"}  # not "staff" or "profile": universities' and offices' pages of people
)  # fmt: skip
# Links whose address holds one of the segments: a C-level filter before any Python looks at a link.
_CANDIDATES = etree.XPath(
    "//a[@href][contains(@href, '/author') or contains(@href, '/autor') or contains(@href, '/auteur')"
    " or contains(@href, '/writer') or contains(@href, '/contributor') or contains(@href, '/journalist')"
    " or contains(@href, '/redakteur') or contains(@href, '/columnist')"
    " or contains(@href, '/reporter') or contains(@href, '/by/')]"
)
MANY_WRITERS = 3  # different writers linked in one page: a list's (related posts), not the story's
_MAX_LINKS = 200  # a page with more such links is a directory of writers: no byline among them
_NAME_CHARS = 60
_SLUG_SPLIT = re.compile(r"[^0-9a-z]+")


def author_link_names(tree: lxml_html.HtmlElement, many: int = MANY_WRITERS) -> list[str]:
    """The distinct names of links to writers' pages, in page order; none when there are ``many`` or more."""
    names: list[str] = []
    seen: set[str] = set()
    for index, link in enumerate(_CANDIDATES(tree)):
        if index >= _MAX_LINKS:
            return []
        name = " ".join(link.text_content().split())
        if not name or len(name) > _NAME_CHARS or name.casefold() in seen:
            continue
        if _spells(name, _writer_slug(link.get("href", ""))) and _in_a_byline_spot(link, name) and not _credited(link):
            seen.add(name.casefold())
            names.append(name)
            if len(names) >= many:
                return []
    return names


# Where a writer's link is someone else's: a comment, a related story's card, a sidebar, a caption.
_ELSEWHERE_TAGS = frozenset({"aside", "nav", "footer", "figcaption", "figure", "blockquote"})
_ELSEWHERE_WORDS = frozenset(
    {"comment", "comments", "reply", "replies", "related", "sidebar", "widget", "widgets", "recommended",
     "recommendations", "popular", "trending", "footer", "caption", "discussion"}
)  # fmt: skip
_CLASS_TOKEN = re.compile(r"[a-z0-9_-]+")  # not a utility class's value ("mr-[--sidebar-width]")
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "td", "dd", "section", "article", "header", "footer", "ul", "ol", "body", "address",
     "h1", "h2", "h3", "h4", "h5", "h6"}
)  # fmt: skip
_BLOCK_CHARS = 400  # a byline's line is short: a longer block is the story's or a card's, read no further
_BYLINE_WORDS = 16  # words besides the names in the link's block: "By", posts, "Last updated on May 6"
_NEAR = 6  # ancestors looked at: a comment's or a card's box is close; a layout's wrapper (a <nav> left open) is not
_WORD = re.compile(r"[^\W\d_]{2,}")


def _in_a_byline_spot(link: lxml_html.HtmlElement, name: str) -> bool:
    """The link sits in a line of its own with a byline's few words, outside comments, cards and captions.

    In a story's paragraph ("… columnist Ruth Calloway told the board"), a related story's card (its
    headline beside the name) or a reader's comment, the writer named is not the story's.
    """
    block = None
    for depth, ancestor in enumerate(link.iterancestors()):
        if depth >= _NEAR:
            break
        if ancestor.tag in _ELSEWHERE_TAGS:
            return False
        if _marked_elsewhere(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return False
        if block is None and ancestor.tag in _BLOCK_TAGS:
            block = ancestor
    if block is None:
        block = next((a for a in link.iterancestors() if a.tag in _BLOCK_TAGS), None)
    if block is None:
        return False
    text = _opening(block)
    if text is None:
        return False
    others = len(_WORD.findall(text)) - len(_WORD.findall(name))
    return others <= _BYLINE_WORDS and not _placeholder(name)


# A label crediting other work than the writing, just before the link: "Photos by", "Fotos:", "Edited by".
_OTHER_WORK = re.compile(
    r"\b(?:photos?|photography|pictures|images|illustrations?|graphics|video|edited|reviewed|fact[- ]?checked"
    r"|researched|translated|fotos?|bilder|fotografie)\s*(?:by|von|par|por|de)?\s*:?\s*$",
    re.IGNORECASE,
)


_SHARED = re.compile(r"(?:\band|&|\bund|\bet|\by)\s*$", re.IGNORECASE)


def _credited(link: lxml_html.HtmlElement) -> bool:
    """The text just before the link credits other work: "Story by Ann Lee · Photos by <a>Tom Roe</a>"."""
    before, parent = link.getprevious(), link.getparent()
    text = before.tail if before is not None else parent.text if parent is not None else None
    near = (text or "")[-40:]
    found = _OTHER_WORK.search(near)
    return found is not None and _SHARED.search(near[: found.start()]) is None  # "Story and photos by"


def _opening(block: lxml_html.HtmlElement) -> str | None:
    """The block's text if it is short, else None (read no further than ``_BLOCK_CHARS``: pages run to megabytes)."""
    return short_text(block, _BLOCK_CHARS)


# A CMS's account, not a writer: WordPress links "Admin" to /author/admin on countless sites.
_PLACEHOLDERS = frozenset(
    {"admin", "administrator", "editor", "editors", "webmaster", "staff", "team", "guest", "user"}
)


def _placeholder(name: str) -> bool:
    return all(word in _PLACEHOLDERS for word in _folded(name))


def _marked_elsewhere(marks: str) -> bool:
    """A class or id naming a comment, a related box, a sidebar ("comment-body", "related_posts", "relatedPosts")."""
    for token in _CAMEL.sub(r"\1-\2", marks).lower().split():
        if _CLASS_TOKEN.fullmatch(token) and any(part in _ELSEWHERE_WORDS for part in re.split(r"[-_]+", token)):
            return True
    return False


_CAMEL = re.compile(r"([a-z0-9])([A-Z])")


def _writer_slug(href: str) -> str:
    """The segment after the path's author segment ("/blog/author/jane-roe/" -> "jane-roe"), or ""."""
    try:
        path = urlsplit(href.strip()).path
    except ValueError:  # "http://[::1/author/x": a malformed address is nobody's page
        return ""
    segments = [s for s in unquote(path).lower().split("/") if s]
    for index, segment in enumerate(segments[:-1]):
        if segment in _AUTHOR_SEGMENTS:
            return segments[index + 1]
    return ""


def _folded(text: str) -> list[str]:
    """Lower-case ASCII words: "José Müller-Lüdenscheidt" -> ["jose", "muller", "ludenscheidt"]."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return [w for w in _SLUG_SPLIT.split(plain) if w]


def _spells(name: str, slug: str) -> bool:
    """The slug is the name's words, or its first name or surname alone ("/author/ray/" for "Ray Ansari")."""
    words, slugged = _folded(name), _folded(slug)
    if not words or not slugged or len(words) > 4:
        return False
    if words == slugged or "".join(words) == "".join(slugged):
        return True
    return len(slugged) == 1 and len(slugged[0]) >= 3 and slugged[0] in (words[0], words[-1]) and len(words) >= 2
