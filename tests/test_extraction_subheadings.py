"""Sub-headings trafilatura leaves out of a text it gathers paragraph by paragraph are put back."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.subheadings import restore_subheadings
from scraper.items import Article

_PARAGRAPHS = [
    "Kun raitiovaunu lähti ensimmäistä kertaa Hervannan valtaväylältä elokuussa 2021, moni epäili, että kiskot"
    " olivat kallis tapa korvata bussilinja.",
    "Nyt luvut kertovat toista. Hervannan linjalla matkustaa arkisin keskimäärin 42 000 ihmistä, lähes kaksi"
    " kertaa niin paljon kuin bussit aikanaan kuljettivat.",
    "Kaikki eivät ole iloinneet. Vuokrat Hervannassa ovat nousseet kolmessa vuodessa noin 14 prosenttia, kun koko"
    " Tampereella nousu on ollut 9 prosenttia.",
    "Opiskelija Veera Mäkinen muutti viime syksynä kauemmas pysäkistä, koska ei enää pystynyt maksamaan entistä"
    " vuokraansa, ja kävelee nyt pysäkille kaksitoista minuuttia.",
    "Kaupunki seuraa vaikutuksia tarkasti, sillä samaa kehitystä odotetaan Lentävänniemen haaralle, joka valmistui"
    " viime vuonna ja jonka varrelle rakennetaan jo.",
]


def _longread() -> str:
    """A theme's container trafilatura does not know: it gathers the paragraphs, not the headings (session 45's
    probe, a Finnish city magazine's long read)."""
    p = [f"<p>{text}</p>" for text in _PARAGRAPHS]
    return (
        '<html lang="fi"><head><title>Ratikka muutti Hervannan</title></head><body class="page-template-longread">'
        '<nav><a href="/">Etusivu</a> <a href="/kaupunki">Kaupunki</a></nav><div class="longread">'
        '<div class="longread-hero"><h1>Ratikka muutti Hervannan – kolme vuotta myöhemmin</h1></div>'
        f'<div class="longread-body">{p[0]}{p[1]}<h2>Vuokrat nousivat</h2>{p[2]}{p[3]}'
        f"<section><h2>Seuraavaksi Lentävänniemi</h2>{p[4]}</section></div>"
        '<div class="longread-footer"><h3>Lue myös</h3><a href="/a">Näsinneulan remontti venyy kesään</a></div>'
        "</div></body></html>"
    )


def test_a_sub_heading_between_two_kept_paragraphs_is_put_back() -> None:
    article = extract(_longread(), url="https://kaupunkilehti.example/kaupunki/ratikka-muutti-hervannan")
    assert isinstance(article, Article)
    lines = article.text.split("\n\n")
    assert lines[lines.index(_PARAGRAPHS[2]) - 1] == "Vuokrat nousivat"
    assert lines[lines.index(_PARAGRAPHS[4]) - 1] == "Seuraavaksi Lentävänniemi"  # opening its own section
    assert "Lue myös" not in article.text  # beside a box, not between kept paragraphs


def test_only_between_neighbours_the_text_keeps_next_to_each_other() -> None:
    tree = lxml_html.fromstring(
        "<html><body><p>One paragraph of the story.</p><h2>Section</h2><p>Another paragraph of it.</p>"
        "<h3>Related</h3><ul><li><a href='/x'>A teaser</a></li></ul><p>The last paragraph.</p></body></html>"
    )
    body = etree.fromstring(
        "<body><p>One paragraph of the story.</p><p>Another paragraph of it.</p><p>The last paragraph.</p></body>"
    )
    assert restore_subheadings(body, tree) == 1
    assert [(e.tag, e.text) for e in body][1] == ("head", "Section")
    assert body[1].get("rend") == "h2"
    assert restore_subheadings(body, tree) == 0  # put back once
    assert len(body) == 4


def test_a_heading_after_a_wrapper_goes_after_the_wrappers_last_kept_block() -> None:
    tree = lxml_html.fromstring(
        '<html><body><div class="intro"><p>The opening paragraph of the story, long enough to place a heading by.</p>'
        "<p>The second paragraph of the introduction, which ends the wrapper.</p></div><h2>Section</h2>"
        '<p>The section opens here.</p><div class="box"><p>The box holds this paragraph, and more text after it'
        " that the body does not keep.</p><p>Unkept.</p></div><h3>Related</h3><p>The last paragraph.</p></body></html>"
    )
    body = etree.fromstring(
        "<body><p>The opening paragraph of the story, long enough to place a heading by.</p>"
        "<p>The second paragraph of the introduction, which ends the wrapper.</p><p>The section opens here.</p>"
        "<p>The box holds this paragraph, and more text after it that the body does not keep.</p>"
        "<p>The last paragraph.</p></body>"
    )
    assert restore_subheadings(body, tree) == 1  # not "Related": the box's text goes on past its kept block
    assert [e.text for e in body if e.tag == "head"] == ["Section"]
    assert body[2].tag == "head"


def test_a_comment_among_the_bodys_blocks_is_passed_over() -> None:
    tree = lxml_html.fromstring("<html><body><p>First block.</p><h2>Section</h2><p>Second block.</p></body></html>")
    body = etree.fromstring("<body><p>First block.</p><!-- kept --><p>Second block.</p></body>")
    assert restore_subheadings(body, tree) == 1
    assert [e.text for e in body if isinstance(e.tag, str)] == ["First block.", "Section", "Second block."]


def test_blocks_ending_alike_place_no_heading_by_their_end() -> None:
    """A template's blocks that end alike (thousands on a hostile page) are not compared one by one."""
    same = " and the rest of this sentence is the same for every block."
    tree = lxml_html.fromstring(
        "<html><body>"
        + "".join(f"<div><i>t</i><p>Block {n}{same}</p></div><h3>Part {n}</h3><p>Next {n}.</p>" for n in range(20))
        + "</body></html>"
    )
    body = etree.fromstring(
        "<body>" + "".join(f"<p>Block {n}{same}</p><p>Next {n}.</p>" for n in range(20)) + "</body>"
    )
    assert restore_subheadings(body, tree) == 0


def test_a_picture_beside_the_heading_is_passed_over() -> None:
    """A figure floated after a heading (``<div class="float"><img><br>caption</div>``) is set beside the text: the
    heading's neighbour is the paragraph past it, and a box with a picture in it is still a box."""
    caption = "The first printed puzzle, 1721."
    tree = lxml_html.fromstring(
        "<html><body><p>One paragraph of the story.</p><h2>History</h2>"
        f'<div class="float"><img src="a.gif"><br><i>{caption}</i></div><p>Another paragraph of it.</p>'
        '<h2>Shop</h2><div class="box"><img src="b.gif"><p>' + "Buy the book today for less. " * 8 + "</p></div>"
        "<p>The last paragraph.</p></body></html>"
    )
    kept = ["One paragraph of the story.", "Another paragraph of it.", "The last paragraph."]
    assert _restored(tree, kept) == [kept[0], "History", kept[1], kept[2]]


def test_a_kept_paragraph_with_an_icon_is_no_picture_and_a_first_section_under_the_headline_opens_the_text() -> None:
    """Code review 46: a short kept paragraph with an inline icon beside a heading was passed over as a picture;
    the first section's title right under the page's headline goes before the text's first block."""
    tree = lxml_html.fromstring(
        "<html><body><h1>The bridges puzzle</h1><h2>Problem</h2><p>Which bridges can a walker cross?</p>"
        '<p>The results surprised us.<svg class="icon"><path d="M0 0"/></svg></p><h2>What we found</h2>'
        "<p>Every walk needs two odd banks at most.</p></body></html>"
    )
    kept = ["Which bridges can a walker cross?", "The results surprised us.", "Every walk needs two odd banks at most."]
    assert _restored(tree, kept) == ["Problem", kept[0], kept[1], "What we found", kept[2]]


def test_a_lone_line_set_as_a_heading_under_the_headline_stays_out() -> None:
    """Code review 46: a byline or a reading time set as an <h2> under the <h1> is no section's title."""
    tree = lxml_html.fromstring(
        "<html><body><h1>The bridges puzzle</h1><h2>By Jane Doe</h2><p>Which bridges can a walker cross?</p>"
        "<p>Every walk needs two odd banks at most.</p></body></html>"
    )
    kept = ["Which bridges can a walker cross?", "Every walk needs two odd banks at most."]
    assert _restored(tree, kept) == kept


def _restored(tree: lxml_html.HtmlElement, kept: list[str]) -> list[str | None]:
    """The texts of a body of the ``kept`` paragraphs once the page's sub-headings are put back."""
    body = etree.Element("body")
    for text in kept:
        etree.SubElement(body, "p").text = text
    restore_subheadings(body, tree)
    return [element.text for element in body]
