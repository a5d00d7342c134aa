"""A story's body printed in several sibling containers of one class: joined, so trafilatura reads all of them.

Component CMSs (Sitecore, AEM, the Washington Post's) print a story as a run of same-class body blocks with a
fact box, a picture or an advertisement between them: ``<div class="rich-text article-body">`` twice. trafilatura
looks for the first container whose class names a body and reads that one only (its XPath takes the first
match of each parent), so everything after the first break was lost: half a Swedish story, a paragraph of a
Washington Post one. The run, from the first such container to the last sibling of the same tag and class, is
wrapped in one container of that class: trafilatura's search finds the wrapper first and reads the whole run,
the box between the parts included (as on the page).

Only a class that names an article's body ("article-body", "body-text", "entry-content") counts: sibling
``<div class="post">`` containers are a list's posts, not parts of one.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

_BODY_CLASS = re.compile(
    r"article(?:-|__)?body|articleBody|body-text|(?:entry|article|art|post)[-_]content|article__content|story-body"
)
_CONTAINERS = ("div", "section", "article")


def join_split_body(tree: lxml_html.HtmlElement) -> bool:
    """Wrap the run of the first body container and its same-class siblings in one; True when it did.

    Only the first body container is looked at, as trafilatura reads only that one.
    """
    first = next((el for el in tree.iter(_CONTAINERS) if _BODY_CLASS.search(el.get("class") or "")), None)
    if first is None or (parent := first.getparent()) is None:
        return False
    classes = first.get("class")
    parts = [s for s in first.itersiblings() if s.tag == first.tag and s.get("class") == classes]
    if not parts:
        return False
    run = [first]
    for sibling in first.itersiblings():
        run.append(sibling)
        if sibling is parts[-1]:
            break
    wrapper = lxml_html.Element(first.tag, {"class": str(classes)})
    wrapper.tail, run[-1].tail = run[-1].tail, None
    parent.insert(parent.index(first), wrapper)
    wrapper.extend(run)  # moves them, in order
    return True
