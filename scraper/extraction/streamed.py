"""A page streamed in parts: each part put where the page's own script puts it, as a browser shows the page.

React's streaming server rendering sends a page's slow parts after the rest: where a part belongs it prints a
placeholder (``<template id="B:0">`` after a ``<!--$?-->`` marker and before a fallback such as "Loading…", or a
bare ``<template id="P:1">``), and at the end of ``<body>`` the part itself in ``<div hidden id="S:0">``, with a
script (``$RC("B:0","S:0")``, ``$RS("S:1","P:1")``) that moves it into place. Read as printed, a story's
sections stood hidden after the page's footer, away from the container trafilatura keeps: a guide kept its
opening and lost its sections (the script never runs here). Each part goes where its script would put it,
the fallback it replaces goes, and no part is moved whose placeholder is not on the page.
"""

from __future__ import annotations

from itertools import islice

from lxml import etree
from lxml import html as lxml_html

# React's markers around a streamed boundary: an opening one (done, pending, client-rendered) and the closing one.
_OPENING = frozenset({"$", "$?", "$!"})
_CLOSING = "/$"
# A fallback is a spinner or a skeleton of a few elements: a boundary whose closing marker is not among this many of
# its placeholder's next siblings is left whole (and a page of thousands of unclosed boundaries costs no walk each).
FALLBACK_MAX_NODES = 64


def place_streamed(tree: lxml_html.HtmlElement) -> int:
    """Put each streamed part (``<div hidden id="S:…">``) in place of its placeholder; the number placed.

    Run before the comments are dropped: a boundary's fallback is known by the markers around it. A part's
    own placeholders (a part streamed inside another) are found once it is placed, as the parts come in order.
    """
    placeholders: dict[str, list[lxml_html.HtmlElement]] = {}
    for template in tree.iter("template"):  # one walk: a part's own placeholders are in the tree already
        if (name := template.get("id") or "").startswith(("B:", "P:")):
            placeholders.setdefault(name[2:], []).append(template)
    placed, root = 0, tree.getroottree().getroot()
    for part in tree.xpath("//div[@hidden][starts-with(@id, 'S:')]"):
        found = placeholders.get((part.get("id") or "")[2:], [])
        if len(found) != 1 or part.getparent() is None or root not in found[0].iterancestors():
            continue  # none, several, or one gone with another boundary's fallback
        template = found[0]
        if part in template.iterancestors():
            continue  # a part holding its own placeholder (or another's that holds it): no place to put it
        if template.get("id", "").startswith("B:"):
            _drop_fallback(template)
        _replace(template, part)
        placed += 1
    return placed


def _drop_fallback(template: lxml_html.HtmlElement) -> None:
    """Remove what a boundary shows until its part comes ("Loading…", a skeleton): the placeholder's siblings up
    to the boundary's closing marker (nested boundaries counted), only when that marker is found soon enough."""
    fallback: list[etree._Element] = []
    depth = 0
    for sibling in islice(template.itersiblings(), FALLBACK_MAX_NODES):
        if isinstance(sibling, etree._Comment):
            marker = (sibling.text or "").strip()
            if marker == _CLOSING and depth == 0:
                break
            depth += 1 if marker in _OPENING else -1 if marker == _CLOSING else 0
        fallback.append(sibling)
    else:
        return  # no closing marker: the boundary's extent is unknown, nothing goes
    template.tail = None  # its text ("Loading sections…") goes too
    for node in fallback:
        node.getparent().remove(node)  # with its tail: text up to the closing marker is the fallback's


def _replace(template: lxml_html.HtmlElement, part: lxml_html.HtmlElement) -> None:
    """The part's text and children where the placeholder was, before the text that followed the placeholder;
    the placeholder and the emptied part go."""
    if template.getparent() is None:
        return
    after = template.tail
    template.tail = part.text
    anchor = template
    for child in list(part):
        anchor.addnext(child)  # its tail goes with it
        anchor = child
    if after:
        anchor.tail = (anchor.tail or "") + after
    _remove(template)
    _remove(part)


def _remove(node: etree._Element) -> None:
    """Remove ``node``, keeping its tail (text that follows it in its parent)."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    previous = node.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)
