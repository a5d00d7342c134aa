"""The content-shape features (:mod:`scraper.extraction.contentshape`) on small hand-written pages.

Each page is built the way its kind is built on real sites; the chrome (navigation, header,
footer, sidebars) carries the same marks on purpose, to show that only the page's own content
is read.
"""

from __future__ import annotations

import math

from lxml import html as lxml_html

from scraper.extraction.contentshape import shape_features
from scraper.extraction.structure import measure
from scraper.extraction.visible import read_signals

# Chrome that holds every mark the features count: none of it may be read.
CHROME = """<header><a class="btn" href="/signup">Sign up</a><h2 id="menu">Menu?</h2></header>
<nav><a href="#top">Top</a><ul><li>Home</li><li>Docs</li><li>Blog</li></ul><code>v2</code></nav>
<aside><a href="/t/1">Reply</a><p>Short tip.</p></aside>"""

STORY = f"""<html><body>{CHROME}<main><h1>Footbridge reopens after repairs</h1>
<p>The footbridge over the Alder river reopened on Friday morning, four months after a lorry
struck one of its supports during the November floods.</p>
<p>Engineers replaced two steel beams and resurfaced the deck. The council said the work cost
about 240,000 pounds, most of it covered by insurance.</p>
<p>Cyclists are asked to dismount while the new surface settles. The council will check the
supports again in the summer, before the school holidays begin.</p></main></body></html>"""

DOCS = f"""<html><body>{CHROME}<main><h1 id="install">Installation</h1>
<ul class="toc"><li><a href="#install">Installation</a></li><li><a href="#config">Configuration</a></li></ul>
<p>Install the package with <code>pip install harbour</code> and import <code>harbour.tide</code>.</p>
<h2><a id="config"></a>Configuration</h2>
<p>Set <code>TIDE_URL</code> before the first call.</p><pre><code>export TIDE_URL=x</code></pre>
</main></body></html>"""

PITCH = f"""<html><body>{CHROME}<main><h1>Home removals</h1>
<ul><li>Free quote</li><li>Fully insured</li><li>Same-day moves</li><li>Packing included</li></ul>
<a class="btn btn-primary" href="/quote">Get a quote</a><a class="cta-link" href="/call">Call us</a>
<h2>How much does a move cost?</h2><p>It depends on the size of your home.</p>
<a class="btn" href="/quote">Tell us about your move and we will call you back within the day</a>
</main></body></html>"""

THREAD = f"""<html><body>{CHROME}<main><h1>Best kettle for camping?</h1>
<div class="post"><p>Which kettle do you all use on the trail, and is titanium worth it?</p>
<a href="/r/1">Reply</a> <a href="/q/1">Quote</a> <button>Report</button></div>
<div class="post"><p>Titanium is light, but steel lasts longer and costs half as much.</p>
<a href="/r/2">Reply</a> <a href="/q/2">Quote</a> <button>Report</button></div>
<p><a href="/story">Replying to critics, the council said the bridge was safe</a></p>
</main></body></html>"""


def _shape(page: str) -> dict[str, float]:
    tree = lxml_html.document_fromstring(page)
    body = tree.find("body")
    assert body is not None
    return shape_features(body)


def _count(value: float) -> int:
    """A log count back to the count."""
    return round(math.expm1(value))


def test_a_story_shows_none_of_the_marks_and_the_chrome_is_not_read() -> None:
    shape = _shape(STORY)
    for name in ("log_code_inline", "log_heading_anchors", "log_anchor_links", "log_question_headings"):
        assert shape[name] == 0.0, name
    assert shape["log_buttons"] == shape["log_post_actions"] == 0.0
    assert shape["short_block_share"] == 0.0  # three long paragraphs (the sidebar's tip is chrome)
    assert shape["list_word_share"] == 0.0  # the navigation's list is chrome


def test_documentation_marks_code_inline_anchors_its_headings_and_links_to_them() -> None:
    shape = _shape(DOCS)
    assert _count(shape["log_code_inline"]) == 3  # the <code> inside <pre> is a block, not inline
    assert _count(shape["log_heading_anchors"]) == 2  # an id on the heading or on its anchor child
    assert _count(shape["log_anchor_links"]) == 2


def test_a_pitch_has_buttons_short_blocks_lists_and_asks_questions() -> None:
    shape = _shape(PITCH)
    assert _count(shape["log_buttons"]) == 2  # the long link styled as a button is no button label
    assert _count(shape["log_question_headings"]) == 1
    assert shape["short_block_share"] == 4 / 5  # four list items; the answer's eight words are a sentence
    assert shape["list_word_share"] == 8 / 16  # the list's eight words beside the answer's eight


def test_a_thread_offers_reply_quote_report_under_each_post() -> None:
    shape = _shape(THREAD)
    assert _count(shape["log_post_actions"]) == 6  # a long link that starts with "Replying" is no action


def test_text_a_reader_never_sees_is_no_block() -> None:
    page = "<html><body><main><noscript><p>Enable JavaScript</p></noscript><template><li>x</li></template>"
    page += "<p>One long paragraph of the page's own story that a reader does see on the page.</p></main></body></html>"
    assert _shape(page)["short_block_share"] == 0.0


def test_measure_carries_the_content_shape_features() -> None:
    tree = lxml_html.document_fromstring(DOCS)
    features = measure(tree, "https://harbour.example/docs/install", read_signals(tree))
    assert _count(features["log_code_inline"]) == 3
    assert set(_shape(DOCS)) <= set(features)
