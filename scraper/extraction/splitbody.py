"""A story's body printed in several sibling containers of one class: joined, so trafilatura reads all of them.

Component CMSs (Sitecore, AEM, the Washington Post's) print a story as a run of same-class body blocks with a
fact box, a picture or an advertisement between them: ``<div class="rich-text article-body">`` twice. trafilatura
looks for the first container whose class names a body and reads that one only (its XPath takes the first
match of each parent), so everything after the first break was lost: half a Swedish story, a paragraph of a
Washington Post one. The parts, the first such container and its later siblings of the same tag and class,
are moved into one container of that class, where the first stood: trafilatura's search finds the wrapper
first and reads them all. What stood between the parts stays after the wrapper, outside the story: a fact
box is lost with it, but an inline "More on this" box and a newsletter form were taken in (review).

Only a class that names an article's body ("article-body", "body-text", "entry-content") counts: sibling
``<div class="post">`` containers are a list's posts, not parts of one. And no later part, nor anything
between the parts, may hold an ``<h1>`` or a heading that links to another page: a site that prints the next
story or its teaser under this one ("Up next", infinite scroll) gives it the same classes, and the reviews
found it appended to the story.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

_BODY_CLASS = re.compile(  # whole words of the class: not "chart-content", "smart-content"
    r"(?<![A-Za-z])(?:article(?:-|__)?body|articleBody|body-text|(?:entry|article|art|post)[-_]content|"
    r"article__content|story-body)"
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTAINERS = ("div", "section", "article")


def join_split_body(tree: lxml_html.HtmlElement) -> bool:
    """Move the first body container and its same-class siblings into one wrapper; True when it did.

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
    if any(_starts_a_story(el) for el in run[1:] if isinstance(el.tag, str)):
        return False  # the next story, printed below this one in the same classes
    wrapper = lxml_html.Element(first.tag, {"class": str(classes)})
    parent.insert(parent.index(first), wrapper)
    for part in (first, *parts):  # moved, in order; what stood between them stays after the wrapper
        tail, part.tail = part.tail, None
        _keep_tail(part, tail)
        wrapper.append(part)
    return True


def _starts_a_story(element: lxml_html.HtmlElement) -> bool:
    """A headline of another story: an ``<h1>``, or a heading that links to another page (a teaser's).

    A story's own sub-headings (``<h2>What happens next</h2>``, or one linked to its own anchor) and a fact
    box's title are no story's; "Up next" over a linked headline (an ``<h2>``, an ``<h3>``) is the next story.
    """
    for heading in element.iter(_HEADINGS):
        if heading.tag == "h1" or any(not a.get("href", "").startswith("#") for a in heading.iter("a")):
            return True
    return False


def _keep_tail(part: lxml_html.HtmlElement, tail: str | None) -> None:
    """A part's tail text stays where it was, on the element before the part (or its parent's text)."""
    if not tail or not tail.strip():
        return
    before = part.getprevious()
    if before is not None:
        before.tail = (before.tail or "") + tail
    elif (parent := part.getparent()) is not None:
        parent.text = (parent.text or "") + tail
