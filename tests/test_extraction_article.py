"""Golden tests: our own fixture pages through the real extraction path (trafilatura included).

Each page under ``tests/data/pages/`` is written for these tests (no publisher's text) and has a
``<name>.json`` beside it with the expected metadata, text that must survive cleaning, text
that must not, and the captions/credits that must end up in ``images``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.article import extract_article
from scraper.extraction.blocks import Block, _flat, body_blocks, with_lead
from scraper.extraction.visible import visible_lead
from scraper.items import Article, Page
from tests.helpers import make_page

PAGES = Path(__file__).parent / "data" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))


def load(name: str) -> tuple[Page, dict[str, Any]]:
    """A fixture page as a fetched ``Page`` and its expectations."""
    expected: dict[str, Any] = json.loads((PAGES / f"{name}.json").read_text("utf-8"))
    url = expected["url"]
    page = Page(url=url, final_url=url, status=200, body=(PAGES / f"{name}.html").read_bytes(), encoding="utf-8",
                content_type="text/html", fetched_at="2026-01-01T00:00:00+00:00", source="fixture",
                discovered_via="start")  # fmt: skip
    return page, expected


def extract(name: str) -> tuple[Article, dict[str, Any]]:
    page, expected = load(name)
    article = extract_article(page)
    assert isinstance(article, Article), article
    return article, expected


def _kinds(body: str) -> list[tuple[str, str]]:
    """The (kind, text) blocks :func:`body_blocks` reads from trafilatura's output, written as XML."""
    return [(b.kind, b.text) for b in body_blocks(etree.fromstring(body))]


def _texts(body: str) -> list[str]:
    return [text for _, text in _kinds(body)]


def test_every_page_has_expectations() -> None:
    assert NAMES, "no fixture pages"
    assert all((PAGES / f"{n}.json").exists() for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    article, expected = extract(name)
    assert article.title == expected["title"]
    assert article.authors == expected["authors"]
    assert article.published == expected["published"]
    assert article.language == expected["language"]


@pytest.mark.parametrize("name", NAMES)
def test_content_is_kept(name: str) -> None:
    article, expected = extract(name)
    lost = [s for s in expected["must_contain"] if s not in article.text]
    assert lost == []


@pytest.mark.parametrize("name", NAMES)
def test_boilerplate_is_removed(name: str) -> None:
    article, expected = extract(name)
    kept = [s for s in expected["must_not_contain"] if s in article.text]
    assert kept == []


@pytest.mark.parametrize("name", NAMES)
def test_captions_and_credits_land_in_images(name: str) -> None:
    article, expected = extract(name)
    captions = {i.caption for i in article.images if i.caption}
    credits = {i.credit for i in article.images if i.credit}
    assert set(expected["captions"]) <= captions
    assert set(expected["credits"]) <= credits
    # one entry per caption: a credit cut from the text is not listed a second time
    assert len([i for i in article.images if i.credit in expected["credits"]]) == len(expected["credits"])


def test_text_is_blocks_separated_by_blank_lines() -> None:
    article, _ = extract("en_harbour")
    assert "\n\n\n" not in article.text
    assert article.text == article.text.strip()
    assert article.word_count > 150


def test_line_breaks_inside_a_paragraph_separate_words() -> None:
    element = etree.fromstring("<p>First line<lb/>second line and <ref>a link</ref> tail</p>")
    assert _flat(element) == "First line second line and a link tail"


def test_loose_text_in_the_body_is_kept_as_a_paragraph() -> None:
    """trafilatura can leave a paragraph as the tail of a heading, outside any element."""
    assert _kinds("<body><head>Sub-heading</head>Loose paragraph text.<p>Next one.</p></body>") == [
        ("head", "Sub-heading"),
        ("p", "Loose paragraph text."),
        ("p", "Next one."),
    ]


def test_a_wrapper_trafilatura_kept_is_read_as_its_blocks() -> None:
    """A recall run keeps the page's wrappers as ``<div>``: its headings, lists and labels are blocks of their own."""
    assert _kinds(
        "<body><div><p>First paragraph.</p><head rend='h2'>What changes?</head><list><item>One.</item>"
        "<item>Two.</item></list><p>ADVERTISEMENT</p><div>Loose text.<head rend='h3'>A question?</head>"
        "<p>An answer.</p></div></div><p>Last.</p></body>"
    ) == [
        ("p", "First paragraph."),
        ("head", "What changes?"),
        ("list", "One.\nTwo."),
        ("p", "ADVERTISEMENT"),
        ("p", "Loose text."),
        ("head", "A question?"),
        ("p", "An answer."),
        ("p", "Last."),
    ]


def test_a_paragraph_trafilatura_wrapped_around_blocks_is_read_as_them() -> None:
    """A recall run's ``<p>`` around the kicker, the headline, the date line and the story: each its own block,
    the text between them (with its emphasis) a paragraph of its own."""
    assert _kinds(
        "<body><p>INTERVIEW<head rend='h1'>The olive grower</head>Published: 21.11.2025 09:00 <hi>Photo: E. Y.</hi>"
        "<p>First paragraph.</p><list><item>One.</item></list>After the list.</p></body>"
    ) == [
        ("p", "INTERVIEW"),
        ("head", "The olive grower"),
        ("p", "Published: 21.11.2025 09:00 Photo: E. Y."),
        ("p", "First paragraph."),
        ("list", "One."),
        ("p", "After the list."),
    ]


def test_a_paragraph_parted_by_blank_lines_is_read_as_its_paragraphs() -> None:
    """``<br><br>`` between paragraphs (trafilatura's ``<lb/><lb/>``): a run each; one line break stays inside. A poem's
    stanzas, lines all short, stay one block (second review: a chorus read apart went as a placeholder)."""
    story = "The fire company served 430 breakfasts on Sunday and raised $6,850 toward a camera that sees in smoke."
    assert _texts(
        f"<body><p>Words by Gwen Lee<lb/><lb/>{story}<lb/>A line more.<lb/><lb/><lb/>Advertisement<lb/><lb/>"
        "The last paragraph.<lb/><lb/></p><p>Haul away, haul away<lb/>the nets are full today<lb/><lb/>"
        "Haul away, haul away</p></body>"
    ) == [
        "Words by Gwen Lee",
        f"{story} A line more.",
        "Advertisement",
        "The last paragraph.",
        "Haul away, haul away the nets are full today Haul away, haul away",
    ]


def test_short_paragraphs_of_one_line_each_parted_by_blank_lines_are_paragraphs() -> None:
    """A brief (or a language of long words) in paragraphs under 20 words: each run one line, not a stanza."""
    lines = [
        "Author: Nino Beridze",
        "A new cycle lane of 4.2 kilometres opened on the seafront boulevard on Monday morning.",
        "The lane links the old boulevard with the area around the city stadium.",
    ]
    assert _texts(f"<body><p>{'<lb/><lb/>'.join(lines)}</p></body>") == lines


def test_a_recall_runs_wrapper_is_cleaned_block_by_block() -> None:
    """The ad label and the cross-link inside the wrapper go; the sub-heading and the list stay."""
    html = (
        '<html lang="en"><head><title>Electric car tax changes in 2026 - Daily</title>'
        '<meta property="og:type" content="article"></head><body><header class="header"><a href="/">DAILY</a>'
        '<ul class="nav"><li><a href="/national">National</a></li><li><a href="/economy">Economy</a></li></ul>'
        '</header><div class="read__content-wrap"><div class="read__header"><h1>Electric car tax changes in 2026'
        '</h1><div class="read__info">By <a href="/tag/dan">Dan Price</a></div></div>'
        '<div class="read__content"><p>The province will start taxing electric cars and motorcycles on 1 January '
        "2026. Until now electric vehicles were exempt from the annual tax as an incentive.</p><p>The head of the "
        'revenue office, Henry Wiratama, said the exemption had done its job. "The number of electric vehicles '
        'has almost quadrupled in two years," he said on Monday.</p><p><strong>Read also:</strong> '
        '<a href="/auto/used-electric-car-prices">Used electric car prices fall 12 percent</a></p>'
        "<h2>What changes?</h2><p>The new rules set the rate by the price of the vehicle:</p><ul><li>Electric "
        "cars priced above 500 million pay 1.5 percent of their value.</li><li>Electric cars below 500 million "
        'pay 0.75 percent.</li><li>Electric motorcycles pay 0.5 percent.</li></ul><div class="ads-on-body">'
        '<span>ADVERTISEMENT</span></div><h2>Frequently asked questions</h2><div class="faq"><h3>Do electric '
        "motorcycles pay too?</h3><p>Yes. Electric motorcycles pay 0.5 percent, less than the 1.75 percent of "
        "petrol motorcycles.</p><h3>What about vehicles whose tax is already paid?</h3><p>Owners who paid their "
        "annual tax before January will not be charged again until it runs out.</p></div></div>"
        '<div class="read__tagging"><span>Tags:</span> <a href="#">electric cars</a></div></div>'
        "<footer><p>Daily · Jakarta</p></footer></body></html>"
    )
    result = extract_article(make_page(html, url="https://daily.example/economy/2025/09/15/electric-car-tax-2026"))
    assert isinstance(result, Article), result
    lines = result.text.split("\n")
    assert "What changes?" in lines, lines
    assert "Electric motorcycles pay 0.5 percent." in lines, lines
    assert "ADVERTISEMENT" not in result.text
    assert "Used electric car prices" not in result.text


def test_html_comments_between_and_inside_paragraphs_do_not_merge_or_lose_them() -> None:
    """React prints ``<!-- -->`` between paragraphs and inside them; the text sits in the comments' tails."""
    paras = [
        f"Paragraph {n} says how the council will pay for the harbour wall, and why {n} engineers "
        "<em>disagree</em> <!-- -->about the cost."
        for n in range(10)
    ]
    inner = " <!-- --> ".join(f"<p>{t}</p>" for t in paras[:5]) + " <!-- --> <h2>The plan</h2> <!-- --> "
    inner += " <!-- --> ".join(f"<p> <!-- -->{t}<!-- --> </p>" for t in paras[5:])
    page = make_page(
        "<html><head><title>Harbour wall</title></head><body><main><h1>Harbour wall</h1>"
        f"<div class='post-body'><div class='section'>{inner}</div></div></main></body></html>"
    )
    article = extract_article(page)
    assert isinstance(article, Article), article
    expected = [t.replace("<em>", "").replace("</em>", "").replace(" <!-- -->", " ") for t in paras]
    assert [block for block in article.text.split("\n\n") if block.startswith("Paragraph")] == expected


def test_a_nested_list_prints_each_item_once() -> None:
    """A sub-list's items are lines of their own, not also part of their parent item's line."""
    body = etree.fromstring(
        "<body><list><item>Find alternatives to salt.<list><item>Lemon juice.</item><item>Fresh herbs.</item>"
        "</list></item><item>Read the label.</item></list></body>"
    )
    (block,) = body_blocks(body)
    assert block.text.split("\n") == ["Find alternatives to salt.", "Lemon juice.", "Fresh herbs.", "Read the label."]


def test_blocks_inside_a_block_are_not_glued_together() -> None:
    element = etree.fromstring("<cell>Headline<p>By A. Writer</p><p>First paragraph.</p></cell>")
    assert _flat(element) == "Headline By A. Writer First paragraph."


def test_a_quote_keeps_its_paragraphs_and_attribution_on_lines_of_their_own() -> None:
    assert _kinds("<body><quote><p>We train for this.</p><p>All winter.</p>Tegan Vosper</quote></body>") == [
        ("quote", "We train for this.\nAll winter.\nTegan Vosper")
    ]


def test_a_layout_table_is_read_as_the_blocks_of_its_cells() -> None:
    """Pages laid out with tables: the navigation cell and the story cell are not one data row."""
    assert _kinds(
        "<body><table><row><cell><ref>Home</ref><lb/><ref>News</ref></cell>"
        "<cell>Headline<p>First paragraph.</p><p>Second one.</p></cell></row></table>"
        "<table><row><cell>Phase</cell><cell>Cost</cell></row></table></body>"
    ) == [
        ("p", "Home News"),
        ("p", "Headline"),
        ("p", "First paragraph."),
        ("p", "Second one."),
        ("table", "Phase | Cost"),
    ]


def test_a_data_table_whose_cells_list_links_stays_a_table() -> None:
    """Second review: "where to watch", a result's sources: link lists in the cells of a table with a header row."""
    links = "<ref>Returns</ref><lb/><ref>Count sheet</ref><lb/><ref>Recount</ref><lb/><ref>Profile</ref>"
    assert _kinds(
        "<body><table><row><cell role='head'>District</cell><cell role='head'>Sources</cell></row>"
        f"<row><cell>North</cell><cell>{links}</cell></row></table></body>"
    ) == [("table", "District | Sources\nNorth | Returns Count sheet Recount Profile")]


def test_a_table_whose_cell_is_a_column_of_links_is_layout() -> None:
    """A navigation column, a link a line, in a page laid out with tables: no data row; an address cell stays data."""
    assert _kinds(
        "<body><table><row><cell>SECTIONS<lb/><ref>Local News</ref><lb/><ref>Sports</ref><lb/><ref>Obituaries</ref>"
        "</cell><cell>MORE NEWS<lb/><ref>Budget hearing set</ref></cell></row></table>"
        "<table><row><cell>Office</cell><cell>14 Main St.<lb/>Millbrook<lb/>Open 9-5</cell></row></table></body>"
    ) == [
        ("p", "SECTIONS Local News Sports Obituaries"),
        ("p", "MORE NEWS Budget hearing set"),
        ("table", "Office | 14 Main St. Millbrook Open 9-5"),
    ]


DESCRIPTION = "Volunteers rebuilt the sea wall of the old tidal pool over two winters of weekend work."


@pytest.mark.parametrize(
    ("markup", "lead"),
    [
        (f"<header><h1>Pool reopens</h1><p class='intro'>{DESCRIPTION}</p></header>", DESCRIPTION),
        (f"<div><p>{DESCRIPTION.replace('sea wall', '<b>sea wall</b>')}</p></div>", DESCRIPTION),
        (f"<aside><a href='/pool/'><p>{DESCRIPTION}</p></a></aside>", None),  # a teaser card
        (f"<figure><figcaption>{DESCRIPTION}</figcaption></figure>", None),  # a caption
        (f"<p>{DESCRIPTION} And then some more words follow here.</p>", None),  # not the whole text
    ],
)
def test_visible_lead_is_an_element_showing_exactly_the_description(markup: str, lead: str | None) -> None:
    from lxml import html as lxml_html

    tree = lxml_html.document_fromstring(f"<html><body>{markup}<p>Body text.</p></body></html>")
    assert visible_lead(tree, [DESCRIPTION]) == lead


def test_the_lead_is_not_added_twice() -> None:
    body = [Block(kind="p", text=DESCRIPTION), Block(kind="p", text="Next paragraph of the story.")]
    assert with_lead(body, DESCRIPTION) == body
    assert [b.text for b in with_lead(body[1:], DESCRIPTION)] == [DESCRIPTION, "Next paragraph of the story."]


_UNDATED = """<html lang="en"><head><title>Quay lights switched on</title>
<meta property="og:type" content="article"></head><body><article><h1>Quay lights switched on</h1>
{date}<p>{text}</p><p>{text} Again.</p></article></body></html>"""
_PROSE = ("The new lamps along the quay were switched on by the harbour master on Friday evening, after "
          "three months of work by volunteers who raised the money with a long series of quiz nights.")  # fmt: skip


def test_discovery_hints_fill_what_the_page_lacks() -> None:
    page = make_page(_UNDATED.format(date="", text=_PROSE), url="https://news.example/quay-lights",
                     hints={"published": "2026-11-03T08:15:00+01:00", "title": "Quay lights on"})  # fmt: skip
    article = extract_article(page)
    assert isinstance(article, Article)
    assert article.published == "2026-11-03T08:15:00+01:00"
    assert article.title == "Quay lights switched on"  # the page's own headline wins over the feed's


def test_the_pages_own_date_wins_over_a_hint() -> None:
    dated = _UNDATED.format(date='<time datetime="2026-11-02T19:00:00+00:00">2 November</time>', text=_PROSE)
    page = make_page(dated, url="https://news.example/quay-lights", hints={"published": "2026-11-05T08:00:00+00:00"})
    article = extract_article(page)
    assert isinstance(article, Article)
    assert article.published == "2026-11-02T19:00:00+00:00"


# --- a story trafilatura cuts short: the recall run, taken when it tells the same text more fully ---

_PART_ONE = [
    "The county's harbour board met on Tuesday to agree a plan for the outer wall, which the storms of last "
    "winter breached in two places.",
    "Engineers told the board that the repairs would take most of the spring and that the fishing fleet would "
    "have to use the inner basin until May.",
    "The board's chair said the money had been found in the reserve fund, so no new charge would fall on the "
    "boat owners this year.",
    "Several skippers asked whether the inner basin could take the larger trawlers, and the harbour master said "
    "it could at high tide only.",
]
_PART_TWO = [
    "In the second part of the meeting the board turned to the fish market, whose roof has leaked since the "
    "autumn and must be replaced.",
    "Traders said they had lost stock to the damp and asked for a rent holiday while the work goes on, which "
    "the board agreed to consider.",
    "The market will stay open during the work, with stalls moved to the car park under a temporary canopy "
    "from the first week of March.",
]


def _split_story_page() -> Page:
    """A story whose second half sits in a sibling container: trafilatura's default keeps the first."""
    paragraphs = "".join(f"<p>{text}</p>" for text in _PART_ONE)
    rest = "".join(f"<p>{text}</p>" for text in _PART_TWO)
    html = f"""<html lang="en"><head><title>Harbour board agrees wall repairs</title>
    <meta property="og:type" content="article">
    <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Harbour board agrees wall repairs",
    "datePublished": "2026-03-02"}}</script></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div id="main"><h1>Harbour board agrees wall repairs</h1>
    <div class="entry-content">{paragraphs}</div><div class="section-two">{rest}</div></div>
    <footer>© 2026 Example</footer></body></html>"""
    return make_page(html, url="https://news.example/2026/03/02/harbour-board-agrees-wall-repairs")


def test_a_story_split_across_containers_is_read_whole() -> None:
    from lxml import html as lxml_html

    from scraper.extraction.article import _run_trafilatura
    from scraper.extraction.options import ExtractionOptions

    page = _split_story_page()
    tree = lxml_html.document_fromstring(page.body.decode("utf-8"))
    default = _run_trafilatura(tree, page.url, ExtractionOptions())
    assert default is not None
    assert default.body is not None
    cut = " ".join(default.body.itertext())
    assert _PART_ONE[0] in cut
    assert _PART_TWO[2] not in cut, "trafilatura's default reads it whole: the case tests nothing"
    article = extract_article(page)
    assert isinstance(article, Article), article
    assert all(text in article.text for text in [*_PART_ONE, *_PART_TWO])
    assert "Home" not in article.text
    assert "2026 Example" not in article.text


def test_the_recall_run_is_taken_only_when_it_tells_the_same_text_more_fully() -> None:
    from scraper.extraction.recall import is_fuller

    kept = " ".join(_PART_ONE)
    assert is_fuller(kept, kept + " " + " ".join(_PART_TWO))  # the same text, and more of it
    assert not is_fuller(kept, kept + " Share this.")  # hardly longer: nothing was cut
    assert not is_fuller(kept, " ".join(_PART_TWO * 3))  # longer, but another text (another container)
    assert not is_fuller(kept, " ".join([kept] * 4))  # four times as long: the whole page, not the story
    assert is_fuller("", kept)  # the default run kept nothing


def test_a_recall_run_far_longer_is_taken_when_it_stays_within_the_pages_running_text() -> None:
    from scraper.extraction.recall import is_fuller, words

    kept = " ".join(_PART_ONE)
    guide = " ".join([kept, *[f"{sentence} Section {n}." for n in range(4) for sentence in _PART_TWO]])
    assert len(words(guide)) > 3 * len(words(kept))
    assert not is_fuller(kept, guide)  # with no page to measure against: too much growth
    assert is_fuller(kept, guide, running=2 * len(words(guide)))  # the page's own prose: one section was kept at first
    assert not is_fuller(kept, guide, running=len(words(guide)))  # as long as all the page's text: chrome came with it


def test_a_text_is_short_against_the_pages_running_text_outside_links_and_chrome() -> None:
    from lxml import html as lxml_html

    from scraper.extraction.recall import looks_short, running_words, words

    story = " ".join(_PART_ONE)
    links = "".join(f'<a href="/s/{n}">Another story headline number {n}</a>' for n in range(40))
    tree = lxml_html.document_fromstring(
        f"<html><body><nav>{links}</nav><header>Site name</header><main><p>{story}</p></main>"
        f"<div>{links}</div><footer>{links}</footer></body></html>"
    )
    assert running_words(tree) == len(words(story))  # links, nav, header and footer do not count
    assert not looks_short(story, running_words(tree))
    assert looks_short(" ".join(_PART_ONE[:2]), running_words(tree))


def test_a_link_to_a_place_on_the_same_page_is_not_link_text() -> None:
    body = etree.fromstring(
        '<body><head rend="h2"><ref target="#the-good">The Good</ref></head>'
        '<head rend="h2"><ref target="https://news.example/a/story#part-two">Part two</ref></head>'
        '<p>See <ref target="https://news.example/other-story">the other story</ref></p></body>'
    )
    densities = [b.link_density for b in body_blocks(body, "https://news.example/a/story")]
    assert densities[:2] == [0.0, 0.0]
    assert densities[2] > 0.5
    assert [b.link_density for b in body_blocks(body)][1] == 1.0  # without the page's address: another page


@pytest.mark.parametrize(
    "marked",
    [
        f'<p><a id="_msocom_1"></a>{_PART_TWO[0]}<a id="_msocom_1"></a></p>',  # a word processor's mark
        f'<p><a href="/board">The board</a><a href="/board-2"></a>{_PART_TWO[0][4:]}</p>',  # a link showing nothing
    ],
    ids=["anchor without an address", "empty link"],
)
def test_a_paragraph_after_an_empty_anchor_or_link_is_not_link_text(marked: str) -> None:
    # trafilatura moves the text after an element that has none into it: the paragraph read
    # as all link and went as a link list
    paragraphs = "".join(f"<p>{text}</p>" for text in _PART_ONE[:2]) + marked
    paragraphs += "".join(f"<p>{text}</p>" for text in _PART_ONE[2:])
    page = make_page(
        f"<html><head><title>Harbour board agrees wall repairs</title></head><body><article>"
        f"<h1>Harbour board agrees wall repairs</h1>{paragraphs}</article></body></html>",
        url="https://news.example/2026/03/02/harbour-board-agrees-wall-repairs",
    )
    article = extract_article(page)
    assert isinstance(article, Article), article
    assert all(text in article.text for text in [*_PART_ONE, _PART_TWO[0][4:]])


def test_a_sub_heading_wrapped_in_its_permalink_is_not_a_teaser_card() -> None:
    # "<a href='#id' id='id'><h2>…</h2></a>": a place in this page, not a card for another article
    one = "".join(f"<p>{text}</p>" for text in _PART_ONE)
    two = "".join(f"<p>{text}</p>" for text in _PART_TWO)
    heading = "What the board will repair first"
    page = make_page(
        "<html><head><title>Harbour board agrees wall repairs</title></head><body><article>"
        "<h1>Harbour board agrees wall repairs</h1><ul class='contents'><li><a href='#first-repairs'>"
        f"{heading}</a></li></ul>{one}<a href='https://news.example/2026/03/02/wall#first-repairs' "
        f"id='first-repairs'><h2>{heading}</h2></a>{two}</article></body></html>",
        url="https://news.example/2026/03/02/wall",
    )
    article = extract_article(page)
    assert isinstance(article, Article), article
    assert heading in article.text.split("\n\n")
    assert all(text in article.text for text in [*_PART_ONE, *_PART_TWO])


def test_a_card_linking_to_a_place_in_another_page_is_a_teaser() -> None:
    """Review: ``/other-story#comments`` on a page that has its own ``id="comments"`` is another page's card."""
    from lxml import html as lxml_html

    from scraper.extraction.visible import read_signals

    card = "Ferry operators say the new timetable will add two sailings a day from April."
    tree = lxml_html.document_fromstring(
        "<html><head><link rel='canonical' href='https://news.example/2026/03/02/wall'></head><body><article>"
        f"<p>{_PART_ONE[0]}</p><a href='/2026/03/08/ferry#comments'><p>{card}</p></a>"
        f"<a href='https://other.example/ferry#respond'><h3>{card} Again.</h3></a>"
        "<a href='https://news.example/2026/03/02/wall#more'><h2>More on the wall</h2></a>"
        "</article><div id='comments'></div><div id='respond'></div><div id='more'></div></body></html>"
    )
    assert read_signals(tree).teasers == [card, f"{card} Again."]


def test_a_header_left_open_does_not_hide_the_running_text() -> None:
    from lxml import html as lxml_html

    from scraper.extraction.recall import running_words, words

    story = " ".join(_PART_ONE)
    tree = lxml_html.document_fromstring(f"<html><body><header><p>Site</p><main><p>{story}</p></main></body></html>")
    assert running_words(tree) == len(words(story)) + 1  # the open <header> took the page: it counts


def test_text_after_a_comment_counts_as_running_text() -> None:
    from lxml import html as lxml_html

    from scraper.extraction.recall import running_words

    tree = lxml_html.document_fromstring(
        "<html><body><p>One two<!-- a note --> three four</p><nav>Menu</nav>"
        "<p><a href='/x'>Link</a> five</p></body></html>"
    )
    assert running_words(tree) == 5


def test_no_recall_run_on_a_page_of_dump_size() -> None:
    """A page with more running text than any story (100k text runs) is no story cut short.

    trafilatura's recall run on it cost seconds more than the first run (a hostile page of
    100k spans: 15 s -> 33 s) and could not change the verdict.
    """
    from lxml import html as lxml_html

    from scraper.extraction.recall import MAX_RUNNING_WORDS, looks_short, running_words

    runs = "".join(f"<span>entry {n} 2025-03-04</span>" for n in range(MAX_RUNNING_WORDS // 2))
    tree = lxml_html.document_fromstring(
        f"<html><body><h1>Log</h1><div>{runs}</div><p>One short paragraph.</p></body></html>"
    )
    assert not looks_short("One short paragraph.", running_words(tree))
    small = lxml_html.document_fromstring(
        f"<html><body><div>{runs[:2000]}</div><p>One short paragraph.</p></body></html>"
    )
    # the same shape, small: a cut story is still asked about
    assert looks_short("One short paragraph.", running_words(small))


def _running_words_by_ancestors(tree: Any) -> int:
    """``running_words`` by its definition: each text node of the body judged by its own element's ancestry."""
    from scraper.extraction.recall import _CHROME, _NOT_TEXT, _WORD, CHROME_MAX_SHARE

    body = tree.find("body")
    counts = [0, 0]  # own, chrome
    for node in body.xpath(".//text()"):
        owner = node.getparent().getparent() if node.is_tail else node.getparent()  # a tail is its parent's text
        chain = [owner, *owner.iterancestors()]
        chain = chain[: chain.index(body) + 1]
        if not any(element.tag in _NOT_TEXT for element in chain):
            counts[any(element.tag in _CHROME for element in chain)] += len(_WORD.findall(node))
    own, chrome = counts
    return own if chrome <= CHROME_MAX_SHARE * (own + chrome) else own + chrome


def test_running_words_skip_what_is_not_text_and_weigh_the_chrome_as_their_definition_says() -> None:
    """The walk that skips links, scripts and SVG counts what judging every text node by its ancestors counts."""
    from lxml import html as lxml_html

    from scraper.extraction.recall import running_words
    from tests.helpers import CORPUS, corpus_trees

    odd = [
        "<html><body><p>One <a href='/x'>link <b>bold</b><!-- c --> more</a> two<!-- n --> three</p>"
        "<nav>Menu <a href='/y'>Home</a> items<svg><text>icon</text></svg> after</nav>"
        "<header><script>var a = 1</script>Site name<button>Go <i>now</i></button> tail</header>"
        "<form><select><option>A</option></select> label<input> words</form>"
        "<main><a><nav>inside a link</nav></a> story <template><p>t</p></template> text</main></body></html>",
        "<html><body><nav><p>" + "menu " * 40 + "</p></nav><p>short story here</p></body></html>",
        "<html><body><p>x</p><body><footer>nested body <a>l</a> f</footer></body> end</body></html>",
    ]
    trees = [lxml_html.document_fromstring(markup) for markup in odd]
    trees += [tree for _, tree in corpus_trees(4)] if CORPUS.is_dir() else []
    for tree in trees:
        assert running_words(tree) == _running_words_by_ancestors(tree)
    assert [running_words(tree) for tree in trees[:2]] == [13, 43]  # chrome over half: all counts


LEGACY = """<html><head><title>Millbrook Courier</title></head><body><table width="960">
<tr><td colspan="2"><a href="/">Home</a> | <a href="/news.php">News</a> | <a href="/sports.php">Sports</a></td></tr>
<tr><td width="180"><b>Latest</b><br><a href="/news.php?id=77">Council sets budget hearing</a><br>03/03/2025</td>
<td width="780"><font size="5"><b>Harbour footbridge reopens after two months of repairs</b></font><br>
<font size="2">{byline}<br>03/04/2025</font><br><br><font face="Georgia">{story}</font></td></tr>
<tr><td colspan="2">Copyright 2025 Millbrook Courier</td></tr></table></body></html>"""
LEGACY_STORY = "<br><br>".join(
    [
        "The footbridge over the harbour opened again on Monday morning after two months of repairs to its "
        "corroded steel piles, the council said, and the first walkers crossed it before seven o'clock.",
        "Engineers found the damage during a routine inspection in the spring and closed the bridge at once; "
        "the ferry ran an extra service every hour while the work went on.",
        "The repairs cost about 400,000 pounds, most of it from the council's reserve for coastal works, and "
        "the council expects the piles to last another thirty years.",
        "Shop owners on the quay said trade had fallen by a third while the bridge was shut and welcomed the "
        "reopening, which came a week earlier than planned.",
    ]
)


def test_a_page_laid_out_in_tables_without_a_headline_element_is_read_with_its_byline() -> None:
    """No <h1>, no <p>: a cell's <font> holds the story and the line under the bold headline is its byline."""
    page = LEGACY.format(byline="By Hank Sorensen, Staff Writer", story=LEGACY_STORY)
    article = extract_article(make_page(page, url="https://www.millbrookcourier.example/news.php?id=78"))
    assert isinstance(article, Article), article
    assert article.authors == ["Hank Sorensen"]
    assert article.title == "Harbour footbridge reopens after two months of repairs"  # not the <title>'s site name
    assert "repairs to its corroded steel piles" in article.text
    assert "By Hank Sorensen" not in article.text  # the byline line goes with the author read from it
    assert "Harbour footbridge reopens" not in article.text  # and the headline above it
    assert "Council sets budget hearing" not in article.text  # the sidebar's line above the headline is not the story
    assert article.published == "2025-03-04"  # the date under the byline, not the sidebar's 03/03/2025
    # a sidebar of dated headlines before the story (trafilatura keeps them above the headline)
    sidebar = "".join(
        f'<a href="/news.php?id={n}">Story number {n} of the week</a><br>02/2{n}/2025<br><br>' for n in range(5)
    )
    busy = page.replace('<a href="/news.php?id=77">Council sets budget hearing</a><br>03/03/2025', sidebar)
    article = extract_article(make_page(busy, url="https://www.millbrookcourier.example/news.php?id=80"))
    assert isinstance(article, Article), article
    assert (article.published, article.authors) == ("2025-03-04", ["Hank Sorensen"])
    # a bold line that only opens with "By" names nobody
    slogan = LEGACY.format(byline="By Popular Demand", story=LEGACY_STORY)
    article = extract_article(make_page(slogan, url="https://www.millbrookcourier.example/news.php?id=79"))
    assert isinstance(article, Article), article
    assert article.authors == []
    assert article.title == "Millbrook Courier"  # no byline, no headline read from the body


def test_a_headless_page_keeps_a_standfirst_above_its_headline_and_reads_dates_as_its_country_writes_them() -> None:
    """Only a link line above the bold headline is a sidebar's; "03/04/2025" on a British address is April 3rd."""
    page = LEGACY.format(byline="By Hank Sorensen, Staff Writer", story=LEGACY_STORY)
    standfirst = "Two months of work on the corroded piles are over, and traders on the quay hope that visitors return"
    page = page.replace('<td width="780">', f'<td width="780"><font size="3">{standfirst}.</font><br><br>')
    article = extract_article(make_page(page, url="https://www.millbrookcourier.co.uk/news.php?id=81"))
    assert isinstance(article, Article), article
    assert article.text.startswith(standfirst)  # the story's, though above the headline
    assert "Council sets budget hearing" not in article.text  # the sidebar's link line is not
    assert article.published == "2025-04-03"  # no lang="en-GB", but a .co.uk address


def test_a_table_layouts_photo_cell_is_a_caption_and_a_lower_case_post_a_bylines_field() -> None:
    """Unseen-page probe: the photo sits in a small right-aligned table nested in the story's cell, its caption in
    ``<i>`` beside the ``<img>`` (no figure, no caption class): the caption closed the text. And "By Karen Doyle,
    Bulletin correspondent" was no byline (a post only in capitals), so no writer and no headline."""
    photo = (
        '<table align="right" width="250"><tr><td><img src="/media/bridge.jpg" alt=""><font size="1"><i>Walkers cross'
        " the reopened footbridge on Monday morning. Courier photo</i></font></td></tr></table>"
    )
    page = LEGACY.format(byline="By Karen Doyle, Courier correspondent", story=photo + LEGACY_STORY)
    article = extract_article(make_page(page, url="https://www.millbrookcourier.example/news.php?id=90"))
    assert isinstance(article, Article), article
    assert "Courier photo" not in article.text, article.text[-200:]
    assert any(image.caption and "Courier photo" in image.caption for image in article.images), article.images
    assert article.authors == ["Karen Doyle"]
    assert article.title == "Harbour footbridge reopens after two months of repairs"
    assert article.text.startswith("The footbridge over the harbour"), article.text[:120]
    assert article.text.endswith("a week earlier than planned."), article.text[-120:]
    # Review: a lead paragraph or a quote set beside a picture in the story's type is text, not a caption
    for beside in (
        '<font size="2">The footbridge reopened on Monday, two months after engineers found its piles corroded.</font>',
        '"We have waited all summer for this bridge," said harbourmaster Jo Reed, who crossed it first.',
    ):
        boxed = '<table align="left" width="250"><tr><td><img src="/media/bridge.jpg">' + beside + "</td></tr></table>"
        page = LEGACY.format(byline="By Karen Doyle, Courier correspondent", story=boxed + LEGACY_STORY)
        kept = extract_article(make_page(page, url="https://www.millbrookcourier.example/news.php?id=91"))
        assert isinstance(kept, Article), kept
        assert etree.fromstring(f"<x>{beside}</x>").xpath("string()")[:40] in kept.text, kept.text[:200]


def test_a_headless_pages_title_of_site_and_headline_gives_the_headline_and_its_masthead_notice_goes() -> None:
    """Unseen-page probe: a table layout's ``<title>`` is "Site - Headline", and its masthead cell, above the bold
    headline, prints the copyright notice. The title was the whole ``<title>`` (the headline is a part of it,
    so it stood), and the headline and byline lines stayed in the text, under the notice."""
    page = LEGACY.format(byline="By Hank Sorensen, Staff Writer", story=LEGACY_STORY).replace(
        "<title>Millbrook Courier</title>",
        "<title>Millbrook Courier - Harbour footbridge reopens after two months of repairs</title>",
    )
    notice = "Copyright 2025 Millbrook Courier, 14 Main St., Millbrook. All rights reserved."
    page = page.replace('<td width="780">', f'<td width="780"><font size="1">{notice}</font><br><br>')
    article = extract_article(make_page(page, url="https://www.millbrookcourier.example/news.php?id=82"))
    assert isinstance(article, Article), article
    headline = "Harbour footbridge reopens after two months of repairs"
    assert article.title == headline
    trail = page.replace("Millbrook Courier - Harbour", "Millbrook Courier » News » Harbour")  # an old CMS's trail
    trailed = extract_article(make_page(trail, url="https://www.millbrookcourier.example/news.php?id=86"))
    assert isinstance(trailed, Article), trailed
    assert trailed.title == headline
    assert article.authors == ["Hank Sorensen"]
    assert article.text.startswith("The footbridge over the harbour opened again"), article.text[:200]
    # Review: a section's name over the byline is a part of the <title> too, but not its headline (the longest part)
    kicked = LEGACY.format(byline="By Hank Sorensen, Staff Writer", story=LEGACY_STORY)
    kicked = kicked.replace("<title>Millbrook Courier</title>", f"<title>Around The County | {headline}</title>")
    kicked = kicked.replace(
        '<font size="2">By Hank', '<font size="3"><b>Around The County</b></font><br><font size="2">By Hank'
    )
    article = extract_article(make_page(kicked, url="https://www.millbrookcourier.example/news.php?id=83"))
    assert isinstance(article, Article), article
    assert headline in article.title


@pytest.mark.parametrize("byline", ["By Hank Sorensen", "Von Hank Sorensen", "di Hank Sorensen", "Par Hank Sorensen"])
def test_a_headless_pages_bare_byline_is_read_with_the_date_under_it(byline: str) -> None:
    """Reviews: a bare "By" and a name, no post beside it, is a slogan's shape too ("By Popular Demand"); it is a
    byline with a date printed under it, which cleaning takes out of the lines the header is read from."""
    page = LEGACY.format(byline=byline, story=LEGACY_STORY)
    article = extract_article(make_page(page, url="https://www.millbrookcourier.example/news.php?id=84"))
    assert isinstance(article, Article), article
    assert article.authors == ["Hank Sorensen"]
    assert article.title == "Harbour footbridge reopens after two months of repairs"
    assert article.published == "2025-03-04"
    undated = page.replace("<br>03/04/2025</font>", "</font>")
    article = extract_article(make_page(undated, url="https://www.millbrookcourier.example/news.php?id=85"))
    assert isinstance(article, Article), article
    assert article.authors == []  # undated, the bare line may be a slogan


def test_a_table_of_many_pictures_is_read_once_for_its_captions() -> None:
    """Code review: each picture counted its table's cells and pictures again (50,000 pictures in one nested table:
    2.5 billion element visits); a table is now read once, and counted only as far as the answer needs."""
    from scraper.extraction import cellcaptions

    rows = "".join(f'<tr><td><img src="/{n}.jpg"><i>Picture number {n} of the day</i></td></tr>' for n in range(3000))
    tree = lxml_html.document_fromstring(f"<html><body><table><tr><td><table>{rows}</table></td></tr></table></body>")
    visits = 0
    original = cellcaptions._one_picture_in_few_cells

    def counted(table: lxml_html.HtmlElement) -> bool:
        nonlocal visits
        visits += 1
        return original(table)

    cellcaptions._one_picture_in_few_cells = counted
    try:
        assert cellcaptions.cell_captions(tree) == []  # a gallery's table of 3,000 cells is no photo's table
    finally:
        cellcaptions._one_picture_in_few_cells = original
    assert visits == 1


@pytest.mark.parametrize(("cls", "caption"), [
    ("didascalia", "Il ponte Coperto visto dal lungoTicino (foto d’archivio)"),  # Italian, under an AMP picture
    ("leyenda", "El puente de Triana, iluminado la noche de la reapertura"),  # Spanish
    ("legenda", "A ponte vista da margem sul do rio, ao fim da tarde"),  # Portuguese
])  # fmt: skip
def test_a_caption_class_in_other_languages_marks_the_pictures_line(cls: str, caption: str) -> None:
    """Session 43's probe pages: the class a page gives a picture's line, in its own language, marks a caption."""
    story = "".join(
        f"<p>Paragraph {n} of the story tells the readers how the old bridge was inspected again this week by the "
        "engineers of the province, who closed it at night to reach the central piers safely.</p>"
        for n in range(6)
    )
    html = (
        f"<html><head><title>Bridge closed</title></head><body><article><h1>Bridge closed for two nights</h1>"
        f'<amp-img src="/bridge.jpg" width="800" height="450" alt="The bridge"></amp-img><p class="{cls}">{caption}</p>'
        f"{story}</article></body></html>"
    )
    article = extract_article(make_page(html, url="https://news.example/city/2024/03/bridge-closed"))
    assert isinstance(article, Article), article
    assert caption not in article.text
    assert "Paragraph 5 of the story" in article.text


def test_a_releases_media_contact_box_is_no_story() -> None:
    """Session 43's probe pages: a university's news release closes with a box for journalists (class ``contact``)."""
    story = "".join(
        f"<p>Paragraph {n}: researchers at the university found that the wetland stores more carbon than the "
        "forest around it, after measuring the peat at forty points over three winters.</p>"
        for n in range(6)
    )
    box = (
        '<div class="newsitem__contact"><h3>Media contact</h3><p>Anna de Vries, press officer, '
        "+31 50 000 0000, press@university.example</p></div>"
    )
    html = (
        "<html><head><title>Wetland stores carbon</title></head><body><article><h1>Wetland stores more carbon</h1>"
        f"{story}{box}</article></body></html>"
    )
    article = extract_article(make_page(html, url="https://www.university.example/news/2024/03/wetland-carbon"))
    assert isinstance(article, Article), article
    assert "press@university.example" not in article.text
    assert "Paragraph 5: researchers" in article.text
