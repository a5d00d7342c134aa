"""Images shown in the page with their captions and credits.

Read before pruning (which removes caption containers), so captions can be recognised in the
body and moved to ``Article.images`` instead of being lost or leaking into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.signals import element_text
from scraper.items import Image
from scraper.text import normalise
from scraper.urls import absolute_url


@dataclass(slots=True)
class Figure:
    """An image shown in the page with its caption and credit, if any."""

    src: str
    alt: str | None
    caption: str | None
    credit: str | None


_CREDIT_SPLIT = re.compile(
    r"\s*(?:\(|\[)?\b((?:photo|foto|bild|image|picture|credit|crédit|quelle|source|fotos?)"
    r"\s*(?:credit)?\s*:.*|©.*|\(c\).*)$",
    re.IGNORECASE,
)


def split_credit(caption: str) -> tuple[str | None, str | None]:
    """``"Caption text. Photo: Jane Doe / Agency"`` -> (caption, credit)."""
    match = _CREDIT_SPLIT.search(caption)
    if not match:
        return caption or None, None
    text = caption[: match.start()].strip() or None
    return text, match.group(1).strip(" )]") or None


def read_figures(tree: lxml_html.HtmlElement, limit: int = 50) -> list[Figure]:
    """Images shown with a caption: ``<figure>``s, then captioned images in plain wrappers."""
    figures: list[Figure] = []
    found: list[lxml_html.HtmlElement] = []  # figures and images, read in one walk of the tree
    images: list[lxml_html.HtmlElement] = []
    for element in tree.iter("figure", "img"):
        (found if element.tag == "figure" else images).append(element)
    for figure in found:
        img = next(figure.iter("img"), None)
        caption_el = next(figure.iter("figcaption"), None)
        caption, credit = _caption_and_credit(caption_el)
        src, alt = _src_alt(img)
        if src or caption:
            figures.append(Figure(src=src, alt=alt, caption=caption, credit=credit))
        if len(figures) >= limit:
            return figures
    for img, wrapper in _captioned_wrappers(images, limit):
        caption, credit = _caption_and_credit(wrapper)
        src, alt = _src_alt(img)
        figures.append(Figure(src=src, alt=alt, caption=caption, credit=credit))
    return figures[:limit]


def _src_alt(img: lxml_html.HtmlElement | None) -> tuple[str, str | None]:
    if img is None:
        return "", None
    src = (img.get("src") or img.get("data-src") or "").strip()
    return src, " ".join((img.get("alt") or "").split()) or None


def _caption_and_credit(element: lxml_html.HtmlElement | None) -> tuple[str | None, str | None]:
    """A caption element's text, with the credit taken from its own element or split off."""
    if element is None:
        return None, None
    caption = element_text(element)
    credit_els = _CREDIT_ELEMENTS(element)
    credit = element_text(credit_els[0]) or None if credit_els else None
    if credit:
        return caption.replace(credit, "").strip() or None, credit
    return split_credit(caption) if caption else (None, None)


# Compiled once: ``element.xpath(...)`` compiles its expression on every call.
_CREDIT_ELEMENTS = etree.XPath(
    './/*[contains(@class, "credit") or contains(@class, "copyright")'
    ' or contains(@class, "source") or contains(@class, "author")]'
)

_INLINE_PARENTS = frozenset({"a", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "blockquote", "button"})


def _captioned_wrappers(
    images: list[lxml_html.HtmlElement], limit: int
) -> list[tuple[lxml_html.HtmlElement, lxml_html.HtmlElement]]:
    """(image, wrapper) pairs: an image outside ``<figure>`` with a caption beside it.

    Many CMSs print ``<div><img><p>Caption</p><p>Image: credit</p></div>`` or ``<p><img><br>
    <em>Caption</em></p>`` instead of a ``<figure>``. The nearest ancestor (up to four levels)
    that has text besides the image is such a wrapper when it holds just this one image, at
    most three paragraphs and a caption's length of text. A paragraph counts only when the image
    opens it, and so does the image's own element (a paragraph's ``<span>``): an image inside
    running text (an emoji, an icon, a picture set after a sentence) is part of that text.
    """
    pairs = []
    for img in images[: 2 * limit]:  # the page's images in document order
        if _is_icon(img) or next(img.iterancestors("figure"), None) is not None or _after_text(img):
            continue
        parent = img.getparent()
        for _ in range(4):
            if parent is None or parent.tag in _INLINE_PARENTS or len(parent) > 8:
                break
            if parent.tag == "p" and (parent.text or "").strip():
                break  # text before the image: the image sits in running text
            text = element_text(parent)
            if text:
                words = len(text.split())
                if 2 <= words <= 80 and _count(parent, "img") == 1 and _count(parent, "p") <= 3:
                    pairs.append((img, parent))
                break
            parent = parent.getparent()
    return pairs[:limit]


def _after_text(img: lxml_html.HtmlElement) -> bool:
    """Words before the image in its own element (``<p><span>Text... <img></span></p>``): it sits in running text."""
    parent = img.getparent()
    if parent is None or (parent.text or "").strip():
        return parent is not None
    return any(
        ((sibling.text_content() if _inline(sibling) else "") + (sibling.tail or "")).strip()
        for sibling in img.itersiblings(preceding=True)  # a comment has no words of its own, its tail has
    )


def _inline(element: lxml_html.HtmlElement) -> bool:
    """Whether an element's words run in a sentence: not a block of its own (a caption's ``<p>`` above the picture in
    a ``<div>``, review 47b), nor a comment."""
    return isinstance(element.tag, str) and element.tag not in _BLOCK_TAGS


_BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "blockquote"})


def _is_icon(img: lxml_html.HtmlElement) -> bool:
    """Emoji, icons and tracking pixels: small declared size or an emoji class."""
    sizes = [img.get("width") or "", img.get("height") or ""]
    small = any(v.isdigit() and int(v) < 64 for v in sizes)
    return small or "emoji" in (img.get("class") or "").lower()


def _count(element: lxml_html.HtmlElement, tag: str) -> int:
    return sum(1 for _ in element.iter(tag))


def figure_images(figures: list[Figure], lead: str | None, removed: list[str], base_url: str) -> list[Image]:
    """Figure images with captions; captions cut from the text are kept even without a figure."""
    images: list[Image] = []
    seen_captions: set[str] = set()
    for figure in figures:
        src = absolute_url(base_url, figure.src) if figure.src and not figure.src.startswith("data:") else None
        images.append(Image(url=src, caption=figure.caption, credit=figure.credit))
        seen_captions.add(normalise(f"{figure.caption or ''} {figure.credit or ''}"))
        seen_captions.add(normalise(figure.caption or ""))
        seen_captions.add(normalise(figure.credit or ""))
    for text in removed:
        if normalise(text) in seen_captions:
            continue
        caption, credit = split_credit(text)
        images.append(Image(url=None, caption=caption, credit=credit))
        seen_captions.add(normalise(text))
    if lead and not any(i.url == lead for i in images):
        images.insert(0, Image(url=lead))
    return images
