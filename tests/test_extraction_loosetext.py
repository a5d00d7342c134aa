"""Prose left loose between a page's blocks, outside any paragraph, is read as paragraphs."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.loosetext import wrap_bare_body, wrap_loose_text
from scraper.items import Article

_QUESTION = "Which bridges can a walker cross exactly once on a single afternoon stroll through the old town?"
_STEPS = ("Start at the market square.", "Cross the river by the mill.", "Never cross a bridge twice.")
_ASIDE = "Is every walk possible? Looking back at the town plan, which routes can be completed by this rule?"
_ANSWER = (
    "The answer depends only on how many bridges meet at each bank: a walk that crosses each bridge once exists"
    " when no more than two banks have an odd number of bridges, which the old town, with four such banks, lacks."
)
_HISTORY = (
    "The puzzle is older than the bridges that stand today. The first printed version appeared in a Prussian"
    " almanac of 1736, whose author set it as a wager for the readers of the almanac and offered a small prize for"
    " a route, and in the following decade the question was repeated in the letters of several mathematicians."
)
_LATER = (
    "Two of the seven bridges were destroyed in the war and never rebuilt, and a modern road bridge now joins two"
    " of the banks directly, so that the walk asked for in the almanac has been possible since the year 1935."
)


_TOWNS = ("Königsberg", "Gdańsk", "Toruń", "Elbląg", "Olsztyn", "Malbork", "Grudziądz", "Chełmno")


def _hand_written_page() -> str:
    """A researcher's page written by hand: the question, and sentences between the headings, outside any <p>;
    sections of ``<P>`` paragraphs after them (with enough of those, trafilatura gathered only the ``<P>``s)."""
    steps = "".join(f"<LI> {step}" for step in _STEPS)
    sections = "".join(
        f"<H2>{town}</H2>\n<P>\nThe bridges of {town} were counted again in the survey of the year 19{n}0, and the"
        f" walk was tried by the students of the town's school on a spring afternoon.\n<P>\nIn {town} too the"
        " answer followed from the number of bridges at each bank, which the survey's map shows.\n"
        for n, town in enumerate(_TOWNS)
    )
    return (
        "<HTML><HEAD><TITLE>The Bridges Puzzle</TITLE></HEAD><BODY>"
        '<H1><A HREF="../">Home</A>: puzzles</H1><H1>The Bridges Puzzle</H1>'
        f"<H2>Problem</H2>\n{_QUESTION}\n<OL>{steps}</OL>\n{_ASIDE}\n<P>\n{_ANSWER}\n"
        f'<H2>History</H2>\n<DIV CLASS="float"><IMG SRC="map.gif"><BR>The almanac of 1736.</DIV>\n{_HISTORY}\n'
        f"<P>\n{_LATER}\n{sections}<HR><ADDRESS>Last updated in March.</ADDRESS></BODY></HTML>"
    )


def test_loose_sentences_between_headings_and_lists_are_kept() -> None:
    """trafilatura read only the ``<p>``s of such a page: the question and the sentence after the list were lost."""
    article = extract(_hand_written_page(), url="https://people.example.edu/~walker/bridges/")
    assert isinstance(article, Article)
    for sentence in (_QUESTION, _ASIDE, _ANSWER, _HISTORY, _LATER):
        assert sentence in article.text
    assert article.text.index(_QUESTION) < article.text.index(_ASIDE) < article.text.index(_HISTORY)


def test_a_story_written_with_line_breaks_under_its_sub_headings() -> None:
    """A story's container with no ``<p>``: two long runs between its headings make it prose; each is a paragraph."""
    tree = lxml_html.fromstring(
        f'<html><body><div class="story"><h2>Problem</h2>{_HISTORY}<br><br><a href="/offer">Offer</a><br>'
        f"<h2>Today</h2>{_LATER}<br></div></body></html>"
    )
    assert wrap_loose_text(tree) == 2
    paragraphs = [p.text_content().strip() for p in tree.iter("p")]
    assert paragraphs[0].startswith(_HISTORY)
    assert paragraphs[1] == _LATER


def test_a_banner_and_hidden_data_are_left_loose() -> None:
    """One run of text in a box with no paragraph is a banner's (a cookie notice), and a hidden element's text or
    a script's JSON is not shown: none becomes a paragraph."""
    tree = lxml_html.fromstring(
        '<html><body><div class="cookies">We use cookies on our website to give you the most relevant experience by'
        ' remembering your preferences and repeat visits to it.<div class="buttons"><a href="#">Accept</a></div></div>'
        f'<div class="story"><p>{_ANSWER}</p><span hidden>Saved to your profile for reading later on.</span>'
        '<div class="ad"></div>{"layout": 2, "buttonText": "Buy now", "price": "19.99 dollars"}<div></div>'
        "<p>Short.</p>Share | Print<div></div></div></body></html>"
    )
    before = lxml_html.tostring(tree)
    assert wrap_loose_text(tree) == 0
    assert lxml_html.tostring(tree) == before


def test_an_icon_marked_hidden_stays_in_its_sentence_and_a_stray_item_is_no_run() -> None:
    """Code review 46: an icon hidden from screen readers split its sentence in two paragraphs, and list items
    outside a list were moved into a paragraph, their words glued together."""
    tree = lxml_html.fromstring(
        f'<html><body><div class="story"><p>{_ANSWER}</p>Since Monday the fishing fleet is out <i class="icon"'
        ' aria-hidden="true"></i> for the summer season and the inner harbour is closed.<h2>Questions</h2>'
        "Residents asked the board these questions at the meeting:<li>Who pays for the repair of the wall?</li>"
        "<li>When does the work begin in the harbour?</li></div></body></html>"
    )
    assert wrap_loose_text(tree) == 2
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert paragraphs[1] == (
        "Since Monday the fishing fleet is out for the summer season and the inner harbour is closed."
    )
    assert paragraphs[2] == "Residents asked the board these questions at the meeting:"
    assert [li.getparent().tag for li in tree.iter("li")] == ["div", "div"]


def test_a_containers_opening_text_and_prose_in_other_scripts_are_wrapped() -> None:
    """A story written with ``<br>``s and no ``<p>``: the run before its first block, Chinese prose (counted by
    characters) and prose that opens with a bracket are paragraphs; a script's data is not."""
    update = "[Updated 3 March] The council has since voted for the repair plan, and the wall will be rebuilt in"
    update += " sections over the next two summers."
    chinese = "新开通的微循环线路使用八米纯电动小型公交车，每十五分钟一班，覆盖沿线的三个居民小区。"
    tree = lxml_html.fromstring(
        f'<html><body><div class="story">{update}<br><h2>线路</h2>{chinese}<br><hr>'
        '["a", "b", "c", "d", "e", "f"]</div></body></html>'
    )
    assert wrap_loose_text(tree) == 2
    div = tree.find(".//div")
    assert div is not None
    assert div.text is None
    assert [child.tag for child in div] == ["p", "h2", "p", "hr"]
    assert div[0].text == update
    assert div[2].text == chinese
    assert (div[3].tail or "").startswith('["a"')


def test_only_runs_between_a_storys_blocks_are_its_text() -> None:
    """Review 46: in a container with paragraphs, a cookie notice before its first block and the lines after a
    rule that no paragraph follows ("Last updated", a counter, the copyright) are the page's, and a byline's
    lines are left to the header reader."""
    tree = lxml_html.fromstring(
        "<html><body>This site uses cookies to remember your visits and your choices on it.<button>OK</button>"
        f"<h1>Harbour wall</h1>By DALE HENNINGS<br>Sentinel Staff Writer<br>March 3, 2024<p>{_ANSWER}</p>"
        f"The board will meet again on Thursday to choose the builder.<p>{_LATER}</p>"
        "<hr>Last updated on 3 March 2024 by the webmaster of the society.<br>You are visitor number 10234."
        "</body></html>"
    )
    assert wrap_loose_text(tree) == 1
    assert [p.text for p in tree.iter("p")][1] == "The board will meet again on Thursday to choose the builder."


def test_a_storys_part_after_a_rule_and_a_sentence_opening_like_a_byline_are_its_text() -> None:
    """Code review 46: a run after a section break (``<hr>``) with paragraphs after it, and a one-line sentence
    that opens with "By", are the story's; a dialog closed in a sentence does not split it."""
    by_tuesday = "By Tuesday evening the wall had fallen into the sea."
    tree = lxml_html.fromstring(
        f"<html><body><div><h1>Harbour wall</h1><p>{_ANSWER}</p><hr>Members heard from residents and fishermen"
        f" before the vote.<p>{_HISTORY}</p><ul><li>One</li></ul>{by_tuesday}<p>{_LATER}</p>When the fleet"
        ' <dialog class="newsletter">Sign up for our letter.</dialog> is out, the harbour is closed.'
        "<h2>More</h2></div></body></html>"
    )
    assert wrap_loose_text(tree) == 3
    texts = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert "Members heard from residents and fishermen before the vote." in texts
    assert by_tuesday in texts
    assert "When the fleet Sign up for our letter. is out, the harbour is closed." in texts


_EXEMPT = ("residents of the zone, for one car", "electric cars until the end of 2029", "taxis and emergency vehicles")


def _print_page(wrapper: str = "") -> str:
    """A print version: the story straight in ``<body>``, a list among its paragraphs, the site's lines around it."""
    items = "".join(f"<li>{item};</li>" for item in _EXEMPT)
    more = "".join(
        f"<p>Councillor {name} said the charge would {what}, and asked for a review of its effects after one year.</p>"
        for name, what in (("Ion Marin", "hurt shops"), ("Ana Dobre", "clear the air"), ("Mihai Rus", "fill buses"))
    )
    story = (
        "<h1>City brings in a congestion charge for the old town</h1>"
        "<p>By Ana Pop | Published: 14 October 2026, 11:20 | Section: Local</p>"
        "<p>The council voted on Tuesday, by 19 votes to 6, for a daily charge on cars entering the centre.</p>"
        "<p>The charge applies on weekdays between seven and seven, watched by cameras.</p>"
        f"<p>Exempt from the charge are:</p><ul>{items}</ul>"
        "<p>Traffic in the centre has grown by a fifth since 2019, the council said.</p>"
        "<p>The opposition said it would challenge the decision in court, citing a lack of consultation.</p>"
        f"{more}<p>The money raised goes to public transport and cycle lanes, the mayor said.</p>"
    )
    if wrapper:
        story = f"<{wrapper}>{story}</{wrapper}>"
    return (
        "<html><head><title>City brings in a congestion charge for the old town</title></head>"
        '<body class="print-version"><div class="print-header"><a href="javascript:window.print()">Print</a></div><hr>'
        f"{story}<hr><p>Taken from www.example.ro. All rights reserved.</p></body></html>"
    )


def test_a_story_written_straight_into_the_body_keeps_its_list() -> None:
    """trafilatura found no container on a print page and recovered its paragraphs, not the list under "Exempt
    from the charge are:" (probe H); in a ``<main>`` it reads the page as any story's container."""
    article = extract(_print_page(), url="https://www.example.ro/local/city-brings-in-a-congestion-charge-112874")
    assert isinstance(article, Article)
    for item in _EXEMPT:
        assert item in article.text
    assert "Print" not in article.text.split()


def test_a_page_with_a_container_or_a_story_in_sections_is_left_as_it_is() -> None:
    """An ``<article>`` already is a container; paragraphs in several ``<div>``s, none holding most, are a story in
    sections, which trafilatura's recovery of the page's paragraphs reads whole."""
    halves = _print_page().replace("<p>Traffic in", '</div><div class="part"><p>Traffic in')
    halves = halves.replace("<h1>", '<div class="part"><h1>').replace("<hr><p>Taken", "</div><hr><p>Taken")
    for page in (_print_page("article"), halves):
        tree = lxml_html.fromstring(page)
        assert not wrap_bare_body(tree)
        assert tree.find(".//main") is None
    tree = lxml_html.fromstring(_print_page())
    assert wrap_bare_body(tree)
    assert [child.tag for child in tree.find("body")] == ["main"]  # no menu or tag list at its edges


def test_a_menu_above_the_headline_and_tags_under_the_story_stay_outside_its_main() -> None:
    """Code review 47: every child of ``<body>`` in the ``<main>`` made a menu's list the story's first lines and a
    list of tags its last."""
    story = "".join(
        f"<p>The council voted on Tuesday to approve the new budget after a long debate about the harbour works and "
        f"the school repairs, officials said. Part {n}.</p>"
        for n in range(8)
    )
    page = (
        "<html><head><title>Budget approved</title></head><body><ul><li>Home</li><li>News</li><li>Sport</li>"
        f"<li>Contact us</li></ul><h1>Budget approved</h1>{story}<ul><li>{_PAPERS[0]}</li><li>{_PAPERS[1]}</li></ul>"
        "<ul><li>Tags: budget</li><li>council</li><li>harbour</li></ul></body></html>"
    )
    article = extract(page, url="https://gazette.example/news/2026/03/budget-approved-by-council")
    assert isinstance(article, Article)
    assert article.text.startswith("The council voted")
    assert article.text.endswith(_PAPERS[1])  # a closing list of sentences is the story's (WCXB 0406's papers)


_PAPERS = (
    "The council's report on the harbour works, published in March, sets out the costs of each of the three options.",
    "The school repairs survey of 2025 lists the buildings whose roofs need work before next winter, in order.",
)


_LANGUAGES = {
    "Python": "Python is the language of data science and of scripts, and its libraries cover nearly every field.",
    "TypeScript": "TypeScript adds types to JavaScript, and large front-end projects use it to catch their mistakes.",
    "Java": "Java still runs most of the enterprise back ends, and its long support releases keep them stable.",
}
_UPDATES = {
    "Python": "Python 3.14 was released in October. It continues the work on speed begun in the version before it,"
    " with a faster interpreter.",
    "TypeScript": "TypeScript 5.9 came out in August. It brings faster builds and clearer messages to the editor of"
    " every developer who uses it.",
    "Java": "Java 25 is a long-term support release. It adds eighteen features, from patterns to faster start-up,"
    " and eight years of support.",
}


def test_a_box_of_sentences_between_a_storys_paragraphs_is_one_of_them() -> None:
    sections = "".join(
        f"<h3>{name}</h3><p>{text}</p><p>Teams pick {name} for what it does well, and for the people who know it.</p>"
        f'<div class="special-container" style="padding: 30px"><strong>Updates:</strong> {_UPDATES[name]}</div>'
        for name, text in _LANGUAGES.items()
    )
    page = (
        "<html><head><title>The languages to learn this year</title></head><body><main><h1>The languages to learn"
        f' this year</h1><div class="editor-content"><p>{" ".join(_LANGUAGES.values())}</p>{sections}</div></main>'
        "</body></html>"
    )
    article = extract(page, url="https://school.example/blog/languages-to-learn-this-year")
    assert isinstance(article, Article)
    for update in _UPDATES.values():
        assert update in article.text


def test_a_short_box_or_a_box_of_links_between_paragraphs_is_left_as_it_is() -> None:
    story = "".join(f"<p>{text}</p>" for text in _LANGUAGES.values())
    links = " ".join(f'<a href="/{n}">A guide to {name}, part one. Read it now.</a>' for n, name in enumerate(_UPDATES))
    tree = lxml_html.document_fromstring(
        f"<html><body><div>{story}<div>Share this story.</div><div>{links}</div>{story}</div></body></html>"
    )
    assert wrap_loose_text(tree) == 0


def test_a_story_split_by_an_ad_into_two_boxes_is_read_whole() -> None:
    """Code review 48: on a page with no container of its own, a story's first twelve paragraphs in one box, an ad,
    and its last three in a second box: a ``<main>`` around the first box alone cut the story's end."""
    paragraph = (
        "<p>Paragraph {} of the story: the council met on Tuesday to discuss the new budget for its schools.</p>"
    )
    first, last = "".join(paragraph.format(n) for n in range(12)), "".join(paragraph.format(n) for n in range(12, 15))
    page = (
        '<html><head><title>Budget</title><meta property="og:type" content="article"></head><body><div class="wrap">'
        f'<h1>City council agrees budget</h1><div class="txt">{first}</div><div class="ad">Advertisement</div>'
        f'<div class="txt">{last}</div></div><div class="footer">Copyright 2026</div></body></html>'
    )
    article = extract(page, url="https://news.example/2026/11/budget.html")
    assert isinstance(article, Article), article
    assert all(f"Paragraph {n} " in article.text for n in range(15))
