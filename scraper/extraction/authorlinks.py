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

# The path segment of a writer's page in the CMSs and languages most sites are built with.
_AUTHOR_SEGMENTS = frozenset(
    {"author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori", "writer", "writers",
     "contributor", "contributors", "journalist", "journalists", "redakteur", "columnist", "columnists"}
)  # fmt: skip
# Links whose address holds one of the segments: a C-level filter before any Python looks at a link.
_CANDIDATES = etree.XPath(
    "//a[@href][contains(@href, '/author') or contains(@href, '/autor') or contains(@href, '/auteur')"
    " or contains(@href, '/writer') or contains(@href, '/contributor') or contains(@href, '/journalist')"
    " or contains(@href, '/redakteur') or contains(@href, '/columnist')]"
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
        if _spells(name, _writer_slug(link.get("href", ""))):
            seen.add(name.casefold())
            names.append(name)
            if len(names) >= many:
                return []
    return names


def _writer_slug(href: str) -> str:
    """The segment after the path's author segment ("/blog/author/jane-roe/" -> "jane-roe"), or ""."""
    segments = [s for s in unquote(urlsplit(href.strip()).path).lower().split("/") if s]
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
