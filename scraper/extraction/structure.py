"""What a page's layout says about its kind: measured in one walk over the parsed tree.

Markup types and URL shapes are what a site *claims*; the layout is what it *is*. An article
holds one dominant run of prose under a headline, with a date and a byline near it; a listing
holds many repeated sibling cards (headline link, teaser, picture) and much of its text sits in
links; a forum thread holds repeated posts, each with its own author and time; a product page
shows prices and a cart (:mod:`classwords`); documentation shows code and a deep navigation tree;
a page selling a service speaks in short paragraphs to "you" for "us" (:mod:`kindsignals`). These
measures are scale-free numbers (shares, log counts) so that one small model (:mod:`pagekind`) can
weigh them for pages of any size and language. Nothing here names a site or a CMS: only HTML semantics,
schema.org/OpenGraph vocabulary and class words that many unrelated templates share.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from lxml import html as lxml_html

from scraper.extraction.classwords import AUTHOR, PRICE, class_kinds
from scraper.extraction.declared import head_features, split_url
from scraper.extraction.kindsignals import address_words
from scraper.extraction.nearness import main_near_headline, near_headline
from scraper.extraction.signals import PageSignals
from scraper.text import WordCount, count_words, word_counter

# Subtrees a reader never sees as page text.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "select", "option", "iframe"})
# Page furniture: text and links here are site chrome, not the page's own content.
_CHROME = frozenset({"nav", "header", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PROSE = frozenset({"p"})
# Elements whose children are never posts or cards of their own (a paragraph, a list item, a row).
_NOT_CONTAINERS = frozenset({"p", "li", "a", "tr", "span", "em", "strong", "b", "i"})
# A price or a date in a short text run (a label, a byline line), one search for both. A currency after
# its number ("22,50 €", "2 790 Kč") ends at a non-word character, not ``\b``: no word boundary follows "€".
_PRICE_OR_DATE = re.compile(
    r"(?P<price>[$€£¥₹₽₺₴₩₪฿₫]\s?\d|\d\s?(?:[€£¥₹₽₺₴₩₪฿₫]|EUR|USD|GBP|CHF|zł|kr|Kč|руб|грн)(?!\w))"
    r"|(?P<date>\b(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}"
    r"|[a-zäéû]{3,9}\.? \d{1,2},? (?:19|20)\d{2}|\d{1,2}\.? [a-zäéû]{3,9}\.? (?:19|20)\d{2})\b)",
    re.IGNORECASE,
)
_MAX_MARKS = 256  # dates and bylines remembered per page (their place next to the headline is what counts)
_FEW_WORDS = 20  # a content region with fewer words says nothing of the page
_MAX_DEPTH = 200  # deeper subtrees (hostile pages) are counted as plain text

# What one element holds, summed over its subtree (reader-visible text only), as a plain tuple
# ``(words outside links, link words, flags)``: a tuple and an int cost no Python call per element,
# where an object with ``__init__``/``add`` cost two (measure() visits every element of the body).
_LINK, _IMG, _HEADING, _TIME, _AUTHOR = 1, 2, 4, 8, AUTHOR
_Node = tuple[int, int, int]
_MAYBE_GROUPED = _LINK | _IMG | _TIME | _AUTHOR  # a card needs a link, a post a time, author or picture
_PRICE = PRICE  # a class flag only (see classwords), never in a _Node
_EMPTY: _Node = (0, 0, 0)
_COUNTED = frozenset({"pre", "code", "form", "li", "table", "article"})
_KINDS = _PROSE | _HEADINGS | _COUNTED | {"time", "img", "input", "button", "textarea"}  # what _Walk._tag counts
# And these when they hold 20+ words of their own text, a paragraph: a ``<div>`` used as one, and the
# table cell or ``<font>`` of a page laid out before CSS, its paragraphs split by ``<br><br>``.
_OWN_TEXT_PROSE = frozenset({"div", "td", "font"})
_DIGIT = re.compile(r"\d")  # every price or date _PRICE_OR_DATE finds holds a digit: a cheap first test


class _Walk:
    """One pass over ``<body>``: counts, the prose runs by parent, repeated sibling groups."""

    def __init__(self, host: str, words_of: WordCount) -> None:
        self.host = host
        self.words_of = words_of  # see scraper.text.word_counter
        self.counts: Counter[str] = Counter()
        # Keyed by the element, not id(): lxml proxies are short-lived, so an id is reused by
        # another element once its proxy is freed, and two parents' runs would add up.
        self.run_by_parent: Counter[lxml_html.HtmlElement] = Counter()  # words of the paragraphs directly under it
        self.run_by_grandparent: Counter[lxml_html.HtmlElement] = Counter()  # the same, counting one-paragraph wrappers
        self.headline_hrefs: set[str] = set()
        self.paragraphs: list[int] = []
        self.h1: lxml_html.HtmlElement | None = None  # the first headline outside the page chrome
        self.marks: dict[str, list[lxml_html.HtmlElement]] = {"date": [], "author": []}  # where each was seen
        self.regions: list[tuple[int, int]] = []  # (words, link words) of each <main>, without its chrome

    def dated(self, text: str) -> bool:
        """Count a short run that states a price or a date; True for a date (the caller pre-tests a digit)."""
        match = _PRICE_OR_DATE.search(text)
        if match is None:
            return False
        self.counts["price_text" if match.group("price") else "date_text"] += 1
        return match.group("date") is not None

    def visit(self, el: lxml_html.HtmlElement, tag: str, in_link: bool, in_chrome: bool, depth: int) -> _Node:
        """An element's sums; the caller passes its tag, and never a comment, a PI or a :data:`_SKIP` tag.

        The hottest code of extraction outside libxml2 (one call per element of the body), hence
        the inlined text counting: a short run with a digit is the only one that needs a regex.
        """
        if depth > _MAX_DEPTH:
            content = el.text_content()
            if not content or content.isspace():
                return _EMPTY
            words = self.words_of(content)
            if len(content) < 60 and _DIGIT.search(content):
                self.dated(content)
            return (0, words, 0) if in_link else (words, 0, 0)
        words = link_words = flags = 0
        if tag == "a":
            self._link(el, in_link, in_chrome)
            flags = _LINK
            in_link = True
        if in_chrome:
            entered_chrome = region = False
        else:
            role = el.get("role")
            entered_chrome = in_chrome = tag in _CHROME or role in _CHROME_ROLES
            region = tag == "main" or role == "main"
            if region:  # the chrome counted inside it is taken off its sums (see _content_link_share)
                chrome_before = (self.counts["chrome_words"], self.counts["chrome_link_words"])
        text = el.text
        if text and not text.isspace():  # most runs are indentation
            if in_link:
                link_words += self.words_of(text)
            else:
                words += self.words_of(text)
            if len(text) < 60 and _DIGIT.search(text) and self.dated(text):
                self._mark("date", el)
        collect = not in_chrome and tag not in _NOT_CONTAINERS
        siblings = 0  # element children, counted: a group needs two
        children: list[tuple[lxml_html.HtmlElement, _Node]] = []  # those that may be a card or a post
        for child in el:
            child_tag = child.tag
            if isinstance(child_tag, str):
                if child_tag in _SKIP:
                    sub = _EMPTY
                else:
                    sub = self.visit(child, child_tag, in_link, in_chrome, depth + 1)
                    words += sub[0]
                    link_words += sub[1]
                    flags |= sub[2]
                siblings += 1
                if collect and sub[2] & _MAYBE_GROUPED:
                    children.append((child, sub))
            tail = child.tail
            if tail and not tail.isspace():
                if in_link:
                    link_words += self.words_of(tail)
                else:
                    words += self.words_of(tail)
                if len(tail) < 60 and _DIGIT.search(tail) and self.dated(tail):
                    self._mark("date", el)
        if tag in _KINDS or (tag in _OWN_TEXT_PROSE and words >= 20):
            flags = self._tag(el, tag, words, flags, in_link, in_chrome)
        itemprop, classes = el.get("itemprop"), el.get("class")  # most elements have neither, or a plain class
        if itemprop or (classes and class_kinds(classes)) or el.get("rel") == "author":
            flags = self._attributes(el, itemprop, classes, flags)
        if entered_chrome:
            self.counts["chrome_words"] += words
            self.counts["chrome_link_words"] += link_words
        elif region:
            counts = self.counts
            self.regions.append(
                (
                    words - counts["chrome_words"] + chrome_before[0],
                    link_words - counts["chrome_link_words"] + chrome_before[1],
                )
            )
        if children and siblings >= 2:
            self._siblings(children)
        return (words, link_words, flags)

    def _link(self, el: lxml_html.HtmlElement, in_link: bool, in_chrome: bool) -> None:
        href = (el.get("href") or "").strip()
        if href.startswith(("mailto:", "tel:")):
            self.counts["contact_links"] += 1
        if (el.get("rel") or "").lower() in ("next", "prev"):
            self.counts["rel_next"] += 1
        if in_link or not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            return
        self.counts["links"] += 1
        if in_chrome:
            self.counts["chrome_links"] += 1
            return
        if 4 <= self.words_of(el.text_content()) <= 30:
            target = _host(href) if href.startswith(("http:", "https:", "//")) else self.host
            if target == self.host:
                self.headline_hrefs.add(href.split("#", 1)[0])

    def _tag(self, el: lxml_html.HtmlElement, tag: str, words: int, flags: int, in_link: bool, in_chrome: bool) -> int:
        """Count what the element is and return its flags with its own kind added."""
        counts = self.counts
        own_prose = tag in _OWN_TEXT_PROSE and words >= 20 and _own_words(el, self.words_of) >= 20
        if tag in _PROSE or (own_prose and _not_in_p(el, tag)):
            if not in_chrome and tag == "p":  # its words with links: how long and in which voice
                text = el.text_content()
                counts["p"] += 1
                # The project's word (a CJK character is one), on any page: the model learnt it so.
                counts["p_words"] += count_words(text)
                counts["address_words"] += address_words(text)
            if not in_chrome:
                self.paragraphs.append(words)
                parent = el.getparent()
                if parent is not None:
                    self.run_by_parent[parent] += words
                    self.run_by_grandparent[parent] += words
                    grandparent = parent.getparent()
                    # A wrapper per paragraph, not a card. Siblings, not len(parent): lxml counts children
                    # by walking them, which made a flat page of n paragraphs cost n² (a hostile page).
                    if grandparent is not None and el.getprevious() is None and el.getnext() is None:
                        self.run_by_grandparent[grandparent] += words
        elif tag in _HEADINGS:
            counts[tag] += 1
            if tag == "h1" and self.h1 is None and not in_chrome:
                self.h1 = el
            if in_link or flags & _LINK:
                counts["heading_links"] += 1
            flags |= _HEADING
        elif tag == "time":
            flags |= _TIME
            counts["time"] += 1
            self._mark("date", el)
        elif tag == "img":
            flags |= _IMG
            counts["img"] += 1
        elif tag in ("input", "button", "textarea"):
            counts["inputs"] += 1
        elif tag in _COUNTED:
            counts[tag] += 1
        return flags

    def _attributes(self, el: lxml_html.HtmlElement, itemprop: str | None, classes: str | None, flags: int) -> int:
        """Count price and author markup and classes; return the flags with an author added."""
        counts = self.counts
        if itemprop:
            itemprop = itemprop.lower()
            if itemprop in ("price", "offers", "pricecurrency", "lowprice"):
                counts["price_markup"] += 1
            elif itemprop in ("author", "datepublished"):
                counts["author_markup"] += 1
        kinds = class_kinds(classes) if classes else 0
        if kinds:
            if kinds & _PRICE:
                counts["price_class"] += 1
            if kinds & _AUTHOR:
                flags |= _AUTHOR
                counts["author_class"] += 1
                self._mark("author", el)
        if itemprop == "author" or el.get("rel") == "author":
            flags |= _AUTHOR
            self._mark("author", el)
        return flags

    def _mark(self, what: str, el: lxml_html.HtmlElement) -> None:
        marks = self.marks[what]
        if len(marks) < _MAX_MARKS:
            marks.append(el)

    def _siblings(self, children: list[tuple[lxml_html.HtmlElement, _Node]]) -> None:
        """Repeated same-looking siblings: cards (a link with a picture or heading) and posts.

        A post is a sibling with 25+ words of its own (not links) and an author, time or avatar:
        a forum thread's replies. A card is a sibling holding a link and a heading or picture:
        a listing's teasers. An article's paragraphs are neither.
        """
        cards: dict[str, list[int]] = {}  # signature: [siblings, their words]
        posts: dict[str, list[int]] = {}
        for child, (words, link_words, flags) in children:
            card = flags & _LINK and flags & (_IMG | _HEADING)
            post = words >= 25 and link_words <= 0.3 * words and flags & (_TIME | _AUTHOR | _IMG)
            if not (card or post):  # most siblings (an article's paragraphs) are neither
                continue
            if (tag := child.tag) in _NOT_CONTAINERS and tag != "li" and tag != "a":
                continue
            signature = f"{tag!s}.{child.get('class', '')}"
            if card:
                seen = cards.setdefault(signature, [0, 0])
                seen[0] += 1
                seen[1] += words + link_words
            if post:
                seen = posts.setdefault(signature, [0, 0])
                seen[0] += 1
                seen[1] += words
        counts = self.counts
        for n, total in cards.values():
            counts["cards"] = max(counts["cards"], n)
            if n >= 3:  # the text of a run of teasers
                counts["card_words"] = max(counts["card_words"], total)
        for n, total in posts.values():
            counts["posts"] = max(counts["posts"], n)
            if n >= 2:  # the text of a run of posts
                counts["post_words"] = max(counts["post_words"], total)


def _not_in_p(el: lxml_html.HtmlElement, tag: str) -> bool:
    """A ``<font>`` inside a ``<p>`` is part of that paragraph (counted once, as the ``<p>``)."""
    return tag != "font" or next(el.iterancestors("p"), None) is None


def _own_words(el: lxml_html.HtmlElement, words_of: WordCount) -> int:
    """Words of an element's own text runs (a ``<div>`` used as a paragraph has them)."""
    return words_of(el.text or "") + sum(words_of(child.tail or "") for child in el)


def _host(url: str) -> str:
    try:
        host = (split_url(url).hostname or "").lower()
    except ValueError:  # a port that is no number
        return ""
    return host.removeprefix("www.")


def _content_link_share(walk: _Walk, root: _Node) -> float:
    """The share of link text in the page's own content: its ``<main>`` if it marks one, else the body minus chrome.

    A listing's content is mostly headline links; an article's is prose with a few links in it.
    Read over the whole body, the share is diluted by whatever else the page carries (a cookie
    dialog's thousand words of policy, a long footer), so it is read where the page says its
    content is, when it says so once (and over the whole body when that region is all but empty).
    """
    if len(walk.regions) == 1:
        words, link_words = walk.regions[0]
    else:
        words = root[0] - walk.counts["chrome_words"]
        link_words = root[1] - walk.counts["chrome_link_words"]
    if words + link_words < _FEW_WORDS:  # the chrome holds the page (a <main> inside a <header>): read it all
        words, link_words = root[0], root[1]
    return link_words / max(1, words + link_words)


def _log(value: float) -> float:
    return math.log1p(max(0.0, value))


def measure(tree: lxml_html.HtmlElement, url: str, signals: PageSignals) -> dict[str, float]:
    """The page's structural and self-declared features, by name (see the module docstring)."""
    body = tree.find("body")
    walk = _Walk(_host(url), word_counter(signals.html_lang, signals.html_title))
    start = body if body is not None else tree
    root = walk.visit(start, str(start.tag), False, False, 0)
    counts = walk.counts
    words, link_words, _ = root
    main_parent = max(walk.run_by_parent, key=walk.run_by_parent.__getitem__) if walk.run_by_parent else None
    main = walk.run_by_parent[main_parent] if main_parent is not None else 0
    main_gp = max(walk.run_by_grandparent.values(), default=0)
    prose = sum(walk.paragraphs)
    headline_links = len(walk.headline_hrefs)
    features = {
        "log_words": _log(words),
        "link_share": link_words / max(1, words + link_words),
        "log_main_run": _log(main),
        "log_main_gp": _log(main_gp),
        "main_share": main / max(1, words),
        "main_gp_share": main_gp / max(1, words),
        "main_p_share": main / max(1, prose),
        "log_p_long": _log(sum(1 for w in walk.paragraphs if w >= 30)),
        "log_headline_links": _log(headline_links),
        "headline_links_per_main": headline_links / max(1.0, main_gp / 100),
        "log_cards": _log(counts["cards"]),
        "log_heading_links": _log(counts["heading_links"]),
        "h1": min(3.0, counts["h1"]),
        "log_h23": _log(counts["h2"] + counts["h3"]),
        "log_time": _log(counts["time"]),
        "log_date_text": _log(counts["date_text"]),
        "log_pre_code": _log(counts["pre"] + counts["code"] / 3),
        "log_inputs": _log(counts["inputs"]),
        "log_forms": _log(counts["form"]),
        "log_price": _log(counts["price_markup"] + counts["price_text"]),
        "log_price_class": _log(counts["price_class"]),
        "log_author": _log(counts["author_class"] + counts["author_markup"]),
        "log_posts": _log(counts["posts"]),
        "card_share": counts["card_words"] / max(1, words + link_words),
        "post_share": counts["post_words"] / max(1, words),
        "log_li": _log(counts["li"]),
        "li_per_p": counts["li"] / max(1, len(walk.paragraphs)),
        "log_img": _log(counts["img"]),
        "article_el": min(3.0, counts["article"]),
        "chrome_share": counts["chrome_words"] / max(1, words),
        "chrome_link_share": counts["chrome_links"] / max(1, counts["links"]),
        "log_contact": _log(counts["contact_links"]),
        "rel_next": min(2.0, counts["rel_next"]),
        "h1_date": near_headline(walk.h1, walk.marks["date"]),
        "h1_author": near_headline(walk.h1, walk.marks["author"]),
        "h1_main": main_near_headline(walk.h1, main_parent),
        "p_mean": counts["p_words"] / max(1, counts["p"]),  # a story's paragraphs are long, a pitch's short
        "address_share": counts["address_words"] / max(1, counts["p_words"]),  # see kindsignals
    }
    features["content_link_share"] = _content_link_share(walk, root)
    features.update(head_features(signals, url))
    # A date anywhere (markup, a short text run, the URL) is what a story has and a page about a
    # shop, a service or an office usually lacks; its absence alone never decides.
    dated = counts["time"] or counts["date_text"] or features["published_meta"] or features.get("url_date")
    features["dated"] = 1.0 if dated else 0.0
    return features
