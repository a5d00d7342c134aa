"""trafilatura's baseline rescue, its ``<article>`` split into paragraphs again (``segment.py``).

The rescue is trafilatura's own (``trafilatura.baseline``), run on real HTML; the test checks that
the split body holds the same words in the article's blocks, with its links, and that a paragraph
the rescue took from elsewhere is left as it was.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html
from trafilatura.baseline import baseline, basic_cleaning, block_text

from scraper.extraction.article import extract_article
from scraper.extraction.blocks import body_blocks
from scraper.extraction.segment import resegmented
from scraper.items import Article
from tests.helpers import make_page

ARTICLE = """<html><head><title>Garden</title></head><body><nav><a href="/">Home</a></nav>
<article><header><h1>How to start a vegetable garden</h1>
<div class="byline">By <a href="/authors/mary">Mary Marlowe</a> <span>Published on March 3, 2025</span></div></header>
<div class="toc"><ul><li><a href="#site">Pick a site</a></li><li><a href="#soil">Test the soil</a></li></ul></div>
<div class="body"><p>Start small: a bed of ten by ten feet feeds a family all summer, and it is easy to keep weeded.</p>
<h2 id="site">Pick a site</h2>
<p>Vegetables want six to eight hours of sun a day.<br>Morning sun dries the dew early.</p>
<figure><img src="/a.jpg"><figcaption>Raised beds warm up early in spring.
<span class="credit">Photo: Jo Bell</span></figcaption></figure>
<div>Text loose in a div, <b>bold</b> and <a href="https://seeds.example/">linked</a>, is a paragraph too.</div>
<blockquote><p>"Grow what you like to eat," says our editor.</p></blockquote>
<pre>water: 1 inch a week</pre><script>var x = "not text";</script></div></article>
<footer>Copyright 2025</footer></body></html>"""


def _words(element: etree._Element) -> list[str]:
    return " ".join(_flat(child) for child in element).split()


def _flat(child: etree._Element) -> str:
    """A body element's text: a list's items and a table's cells apart, a paragraph's links in their words."""
    if child.tag in ("list", "table"):
        return " ".join("".join(part.itertext()) for part in child.iter("item", "cell"))
    return "".join(child.itertext())


def test_an_article_taken_whole_is_split_into_its_blocks_with_the_same_words() -> None:
    tree = lxml_html.document_fromstring(ARTICLE)
    body, text, _ = baseline(tree)
    assert [child.tag for child in body] == ["p"]  # the rescue's one paragraph: the whole article
    split = resegmented(tree, body, basic_cleaning, block_text)
    assert _words(split) == text.split()  # the same words in the same order
    tags = [child.tag for child in split]
    assert tags[:3] == ["head", "p", "list"]  # the headline, the byline, the table of contents
    assert "quote" in tags
    assert "code" in tags
    texts = [" ".join("".join(child.itertext()).split()) for child in split]
    assert "Start small: a bed of ten by ten feet feeds a family all summer, and it is easy to keep weeded." in texts
    assert "Pick a site" in texts  # the sub-heading
    assert "Raised beds warm up early in spring." in texts
    assert "Photo: Jo Bell" in texts  # a credit in a caption: a line of its own
    assert "Vegetables want six to eight hours of sun a day. Morning sun dries the dew early." in texts
    assert not any("not text" in t for t in texts)
    refs = {ref.get("target"): ref.text for ref in split.iter("ref")}
    assert refs["https://seeds.example/"] == "linked"
    assert refs["/authors/mary"] == "Mary Marlowe"
    blocks = body_blocks(split)
    assert blocks[2].kind == "list"
    assert blocks[2].text == "Pick a site\nTest the soil"


def test_a_paragraph_that_is_no_articles_whole_text_stays() -> None:
    tree = lxml_html.document_fromstring(ARTICLE)
    other = etree.Element("body")
    etree.SubElement(other, "p").text = "A JSON-LD articleBody, say."
    assert resegmented(tree, other, basic_cleaning, block_text) is other
    many = etree.Element("body")
    for n in range(9):  # the rescue's paragraph branch: the page's <p>s, one each
        etree.SubElement(many, "p").text = f"Paragraph {n}"
    assert resegmented(tree, many, basic_cleaning, block_text) is many


CAPTIONS = [
    "Volunteers plant the first of two hundred oaks along the river path on Saturday morning.",
    "Pupils from Hollins primary school water the saplings they planted by the footbridge.",
    "The mayor helps a volunteer stake a young tree against the winter winds.",
    "A wildflower strip sown between the new trees will flower for the first time next June.",
]
GALLERY = f"""<html><head><title>In pictures: oaks for the river path</title></head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<article><h1>In pictures: two hundred oaks for the river path</h1>
<div class="meta">By <a href="/authors/jo-bell">Jo Bell</a> <time datetime="2026-11-27">27 November 2026</time></div>
<p>Volunteers planted two hundred oaks along the river path this weekend.</p>
{
    "".join(
        f'<figure><img src="/{n}.jpg"><figcaption>{c} <span>Photo: Jo Bell</span></figcaption></figure>'
        for n, c in enumerate(CAPTIONS)
    )
}
</article><footer>Copyright 2026 Eastbank Post</footer></body></html>"""


def test_a_gallery_trafilatura_reads_only_its_introduction_from_keeps_its_captions_apart() -> None:
    """trafilatura's extraction skips the captions, finds too little text and hands over to the baseline
    rescue, which took the ``<article>`` whole: the headline, byline, date and credits ran into one
    paragraph. Split again, the header and the credits are cleaned off and the captions are the story."""
    result = extract_article(
        make_page(GALLERY, url="https://eastbank.example/news/in-pictures-oaks-for-the-river-path")
    )
    assert isinstance(result, Article), result
    assert [block.text for block in result.body] == [
        "Volunteers planted two hundred oaks along the river path this weekend.",
        *CAPTIONS,
    ]
    assert result.authors == ["Jo Bell"]


def _split(html: str) -> list[str]:
    tree = lxml_html.document_fromstring(html)
    body, _, _ = baseline(tree)
    return [
        " ".join("".join(child.itertext()).split()) for child in resegmented(tree, body, basic_cleaning, block_text)
    ]


def test_slides_in_a_list_without_items_and_text_loose_in_a_list_are_kept() -> None:
    slides = "".join(
        f"<div class=slide><p>Slide {n} shows the harbour wall in the storm on Monday.</p></div>" for n in range(3)
    )
    lists = f"<ul>{slides}</ul><ol>Loose words <li>One</li></ol>"
    texts = _split(f"<html><body><article><h1>Storm</h1>{lists}</article></body></html>")
    assert [t for t in texts if t.startswith("Slide")] == [
        f"Slide {n} shows the harbour wall in the storm on Monday." for n in range(3)
    ]
    assert "Loose words" in texts
    assert "One" in texts


def test_a_link_or_emphasis_that_reads_like_a_credit_stays_in_its_sentence_outside_a_caption() -> None:
    texts = _split(
        "<html><body><article><h1>Port strike ends</h1><p>The strike, first reported by <a href='https://r.example/'>"
        "Reuters</a>, ended on Friday, according to <em>AFP</em>, after two weeks of talks in the port.</p>"
        "<figure><figcaption>Dock workers leave the picket line. <span>Photo: Jo Reyes/AFP</span></figcaption></figure>"
        "</article></body></html>"
    )
    sentence = "The strike, first reported by Reuters, ended on Friday, according to AFP, after two weeks of talks"
    assert f"{sentence} in the port." in texts
    assert "Photo: Jo Reyes/AFP" in texts  # in a caption, a credit is a line of its own


def test_the_blocks_inside_a_link_keep_their_words_apart_and_the_link_is_a_paragraph_of_its_own() -> None:
    card = "<a href='/news/roof'><h3>Read next</h3><p>School roof repairs finish early</p></a>"
    story = "Pupils return on Monday to the school, whose roof was torn off by the storm in the first week of term."
    texts = _split(f"<html><body><article><h1>Roof</h1><p>{story}</p>{card}</article></body></html>")
    assert texts[-2:] == [story, "Read next School roof repairs finish early"]


def test_spaces_at_a_links_edges_stay_between_the_words() -> None:
    texts = _split(
        "<html><body><article><h1>What<a href='/mayor'> the mayor </a>said</h1><p>Organisers published the"
        "<a href='/report'> full visitor report </a>on Monday, a week after the festival closed its gates.</p>"
        "</article></body></html>"
    )
    assert texts == [
        "What the mayor said",
        "Organisers published the full visitor report on Monday, a week after the festival closed its gates.",
    ]


def test_a_data_table_is_a_table_under_its_caption_and_code_keeps_its_indentation() -> None:
    tree = lxml_html.document_fromstring(
        "<html><body><article><h1>Festival figures</h1><p>The festival drew more visitors than ever before.</p>"
        "<table><caption>Visitors by event</caption><thead><tr><th>Event</th><th>Visitors</th></tr></thead>"
        "<tbody><tr><td>Parade</td><td>12,000</td></tr></tbody></table>"
        "<pre>def tally(x):\n    if x:\n        return 1</pre></article></body></html>"
    )
    body, _, _ = baseline(tree)
    blocks = body_blocks(resegmented(tree, body, basic_cleaning, block_text))
    assert [(b.kind, b.text) for b in blocks[-3:]] == [
        ("p", "Visitors by event"),
        ("table", "Event | Visitors\nParade | 12,000"),
        ("code", "def tally(x):\n    if x:\n        return 1"),
    ]
