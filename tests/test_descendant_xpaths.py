"""The ``/descendant::`` XPaths of pruning, the visible signals and basic cleaning select what ``//`` did.

They are written ``/descendant::*/@class`` rather than ``//@class`` for speed only (libxml2 walks
``//`` as every node, text included). On markup libxml2 leaves oddly shaped (a second ``<html>``,
text after ``</html>``, comments, processing instructions, nested ``<body>``) and on real pages
they must give the same values, from the same elements, in the same order.
"""

from __future__ import annotations

import pytest
from lxml import etree

from scraper.extraction import basicclean, lean, prune, signals, visible
from scraper.extraction.decoding import parse_html
from tests.helpers import CORPUS, corpus_trees

# Each of ours beside the ``//`` form it stands for.
PAIRS = [
    (prune._NAMES, "//@class | //@id | //@aria-label | //@role"),
    (visible._MAY_MARK, "//@class | //@rel | //@itemprop | //figcaption"),
    (basicclean.NAMES, "//@id | //@class"),
    (signals._LD_SCRIPTS, '//script[contains(@type, "ld+json")]'),
    (visible._text_containing(2), "//body//text()[contains(., $p0) or contains(., $p1)]"),
    (lean._PAGE_TEXT, "//text()[not(parent::script or parent::style)]"),
]

ODD = [
    "<html><body><div class='a' id='b' role='dialog'>x</div></body></html><html><div class='late'>y</div></html>",
    "<p class='first'>before</p><!-- c --><?pi x?><html class='root'><body class='b'><figcaption class='credit'>"
    "Photo</figcaption><a rel='author' itemprop='author' aria-label='share'>Jo</a></body></html>trailing "
    "<span class='after'>z</span>",
    "<html><head><script type='application/ld+json'>{}</script></head><body><body class='inner'>"
    "<script type='application/ld+json'>[]</script><p id='p'>Jo and the harbour</p></body></body></html>",
    "<html><head><title>T</title><style>p {}</style>after style</head><body><script>var a</script>tail"
    "<p>t<b>b</b>u<style>q {}</style></p><noscript>n</noscript></body></html><script>late</script>end",
]


def _trees() -> list[etree._Element]:
    trees = [parse_html(markup) for markup in ODD]
    if CORPUS.is_dir():  # real sites' markup, when the shared corpus is beside the project
        trees += [tree for _, tree in corpus_trees(20)]
    return trees


def _selected(found: object) -> list[tuple[object, object, object, object]]:
    """Each node as (value or tag, its attribute name, its element): the same nodes, not equal strings only."""
    assert isinstance(found, list)
    return [
        (str(n), getattr(n, "attrname", None), getattr(n, "is_tail", None), n.getparent())
        if isinstance(n, str)
        else (n.tag, None, None, n)
        for n in found
    ]


@pytest.mark.parametrize(("ours", "slash_slash"), PAIRS)
def test_descendant_xpaths_select_what_slash_slash_did(ours: etree.XPath, slash_slash: str) -> None:
    reference = etree.XPath(slash_slash, smart_strings=True)
    variables = {"p0": "harbour", "p1": "Photo"} if "$p0" in slash_slash else {}
    smart = etree.XPath(ours.path, smart_strings=True)  # ours may return plain strings: compare their elements
    selected = 0
    for tree in _trees():
        want = _selected(reference(tree, **variables))
        assert _selected(smart(tree, **variables)) == want
        assert [str(v) if isinstance(v, str) else v for v in ours(tree, **variables)] == [
            str(v) if isinstance(v, str) else v for v in reference(tree, **variables)
        ]
        selected += len(want)
    assert selected, "nothing selected: the pages test nothing"


def test_teaser_links_are_what_the_union_xpath_selected() -> None:
    """``visible.teaser_links`` (one ``iter`` walk) gives the links of ``_TEASER_XPATH``, the same elements in order."""
    odd = [
        "<html><body><a href='/1'><div><a href='/2'><p>inner</p></a><h2>outer</h2></div></a>"
        "<a href='/3'><span>no part</span></a><p><a href='/4'>in a paragraph</a></p>"
        "<a href='/5'><h3>a</h3><h4>b</h4></a></body></html><a href='/6'><h5>after the root</h5></a>",
        "<div><a href='/x'><section><a href='/y'><h6>deep</h6></a></section><p>p</p></a></div>",
    ]
    trees = [*(parse_html(markup) for markup in odd), *_trees()]
    found = 0
    for tree in trees:
        want = tree.xpath(visible._TEASER_XPATH)
        assert visible.teaser_links(tree) == want
        found += len(want)
    assert found > (10 if CORPUS.is_dir() else 5)  # the odd pages' six links, and the corpus pages' when beside
