"""trafilatura's category and tag scan, run only on pages where it could find something.

Our markup signals state a page's section and tags on most pages; where they do not, the lazy
fallback of :mod:`scraper.extraction.article` asks trafilatura's ``extract_catstags``, whose
XPaths run a Python regex on the class of every ``<div>`` (about 1.7 ms a page). What it keeps
needs a link of its address pattern (or, for categories, a section/subject meta): where the page
has none, :func:`may_list` says so and the scan is not run (the same result, nothing).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

# The address test extract_catstags makes of each link it finds: "/" + the word without its final
# "y" + "(?:y|ies|s)?/" (tests/test_lean.py reads it in the installed trafilatura). A plain "/tag"
# would also take "/tagesschau/" or "/tagged/": then the scan ran only to find nothing.
_LIST_HREF = {"categories": re.compile(r"/categor(?:y|ies|s)?/"), "tags": re.compile(r"/tag(?:y|ies|s)?/")}
_LIST_META = etree.XPath('boolean(//meta[@property="article:section" or contains(@name, "subject")])')
_HREFS = etree.XPath("//a/@href", smart_strings=False)


def may_list(tree: lxml_html.HtmlElement, name: str) -> bool:
    """trafilatura's category or tag scan (``extract_catstags``) could find something on this page.

    The addresses are searched joined (the test cannot span a line break): one search in C.
    """
    if name == "categories" and _LIST_META(tree):
        return True
    return _LIST_HREF[name].search("\n".join(_HREFS(tree))) is not None
