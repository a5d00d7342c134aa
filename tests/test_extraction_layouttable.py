"""Pages laid out in tables: the grid read as blocks, its link columns dropped, data tables left tables."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.layouttable import LAYOUT_CELL, drop_link_cells, unwrap_layout_tables
from scraper.items import Article

_STORY = (
    "Městské koupaliště v Poličce zahájí letošní sezonu už v sobotu 25. května, tedy o týden dříve než v minulých"
    " letech.",
    "Rozhodla o tom rada města na svém pondělním zasedání. Důvodem je dokončení nového ohřevu vody pomocí"
    " tepelných čerpadel, díky kterému bude voda v bazénu příjemná i při chladnějším počasí.",
    "Vstupné zůstává stejné jako loni, tedy 90 korun pro dospělé a 50 korun pro děti a seniory. Nově bude možné"
    " koupit také sezonní permanentku za 1 200 korun.",
    "„Loni jsme kvůli studené vodě museli v červnu několikrát zavřít. To by se letos už stát nemělo,“ uvedl"
    " ředitel technických služeb Pavel Dvořák.",
)
_MENU = "Úvod | Zprávy z regionu | Kultura | Sport | Inzerce | Kontakt"
_POLL = "Chodíte na koupaliště?"
_FOOTER = "© 2003–2024 Hlásník Poličska, regionální zpravodajský server."
_CAPTION = "Koupaliště v Poličce po loňské rekonstrukci. Foto archiv"
_LATEST = ("Hasiči z Borové slaví 130 let", "Rekonstrukce hradeb pokračuje druhou etapou")


def _table_page() -> str:
    """A local paper's page as sites built before CSS layouts serve it (session 45's probes, Czech and Romanian)."""
    menu = " | ".join(f'<a href="rubrika.php?id={i}">{w.strip()}</a>' for i, w in enumerate(_MENU.split("|")))
    latest = "<br>".join(f'<a href="clanek.php?id={i}">{t}</a>' for i, t in enumerate(_LATEST))
    story = "".join(f'<p class="text">{p}</p>' for p in _STORY)
    return (
        '<html><head><meta charset="utf-8"><title>Hlásník Poličska - Koupaliště otevře dřív</title></head><body>'
        '<table width="900" border="0" cellspacing="0" cellpadding="0" align="center">'
        '<tr><td colspan="2"><a href="index.php"><img src="img/logo.gif" alt="Hlásník Poličska"></a></td></tr>'
        f'<tr><td colspan="2" class="menu">{menu}</td></tr>'
        '<tr><td width="180" valign="top">'
        f'<table width="100%" cellpadding="4"><tr><td><b>Nejčtenější</b><br>{latest}</td></tr>'
        f'<tr><td>{_POLL}<br><input type="radio" name="a"> ano<br><input type="radio" name="a"> ne</td></tr></table>'
        '</td><td width="720" valign="top">'
        '<h2 class="nadpis">Koupaliště v Poličce otevře o týden dřív</h2>'
        '<font class="info">Vydáno: 18.3.2024 | Autor: Jana Kratochvílová</font>'
        '<table align="right" width="250" cellpadding="4"><tr><td><img src="img/koupaliste.jpg" alt="">'
        f'<font size="1"><i>{_CAPTION}</i></font></td></tr></table>'
        f"{story}</td></tr>"
        f'<tr><td colspan="2" align="center"><font size="1">{_FOOTER} Kopírování obsahu bez souhlasu redakce je'
        " zakázáno.</font></td></tr></table></body></html>"
    )


def test_a_page_laid_out_in_a_table_gives_its_story_alone() -> None:
    """Session 45's probes: trafilatura kept the grid as a table, menu, poll and footer around the story."""
    article = extract(_table_page(), url="http://www.hlasnik-policska.cz/clanek.php?id=5524")
    assert isinstance(article, Article)
    for paragraph in _STORY:
        assert paragraph in article.text
    for boilerplate in ("Zprávy z regionu", _POLL, _FOOTER, _CAPTION, *_LATEST):
        assert boilerplate not in article.text
    assert article.text.startswith(_STORY[0])


def test_the_grid_and_its_boxes_become_blocks_and_a_data_table_in_it_stays() -> None:
    page = lxml_html.fromstring(
        "<html><body><table><tr><td><table><tr><th>Line</th><th>Change</th></tr><tr><td>5</td><td>Extended</td></tr>"
        "</table></td><td><table><tr><td><h2>Box</h2><p>One.</p></td></tr></table></td></tr></table></body></html>"
    )
    assert unwrap_layout_tables(page) == 2  # the grid, and the box holding a heading inside it
    assert [t.xpath("string(.//th)") for t in page.iter("table")] == ["Line"]  # the data table, header cells kept
    assert len(page.xpath(f"//div[@{LAYOUT_CELL}]")) == 3  # the grid's two cells and the box's


def test_a_table_on_its_own_stays_a_table_whatever_its_cells_hold() -> None:
    """WCXB's meal plans and comparison charts put headings and paragraphs in the cells of real tables."""
    page = lxml_html.fromstring(
        "<html><body><table><tr><td><h4>Monday</h4><p>Porridge with banana.</p><p>Lentil soup.</p></td>"
        "<td><h4>Tuesday</h4><p>Toast and egg.</p></td></tr></table>"
        '<table role="presentation"><tr><td>Laid out</td><td>by its role</td></tr></table></body></html>'
    )
    assert unwrap_layout_tables(page) == 0
    assert len(list(page.iter("table"))) == 2  # an e-mail's layout, marked for presentation, too (review 45)


def test_a_data_table_holding_a_table_stays_a_table() -> None:
    """Review 45: a price list with no header cells and a small table in one cell lost its linked names."""
    rows = "".join(
        f'<tr><td><a href="/service/{n}">Service number {n}</a></td><td>{n * 10} EUR</td></tr>' for n in range(12)
    )
    page = lxml_html.fromstring(
        f"<html><body><h1>Prices</h1><table>{rows}<tr><td><table><tr><td>Note</td></tr></table></td>"
        "<td><h3>Offer</h3></td></tr></table></body></html>"
    )
    assert unwrap_layout_tables(page) == 0
    assert drop_link_cells(page) == 0
    assert "Service number 11" in page.text_content()


def test_a_grid_without_a_headline_element_is_left_as_it_was() -> None:
    """Review 45: an old page's headline in large type, its byline and date on lines of their own before the first
    paragraph, are read from the table's cell; as ``<div>``s they left trafilatura's text."""
    page = lxml_html.fromstring(
        '<html><body><table><tr><td><a href="/">Home</a></td><td><font size="5"><b>Library celebrates</b></font>'
        "<br>By Carol Whitney<br>March 10, 2026<p>The story.</p><table><tr><td><img src='a.jpg'></td></tr></table>"
        "</td></tr></table></body></html>"
    )
    assert unwrap_layout_tables(page) == 0


def test_a_layout_cell_of_links_goes_and_the_storys_cell_stays() -> None:
    links = "<br>".join(f'<a href="/{i}">Headline number {i} of the side column</a>' for i in range(4))
    page = lxml_html.fromstring(
        f"<html><body><table><tr><td><b>Latest</b><br>{links}</td><td><table><tr><td>x</td></tr></table>"
        "<h1>The story</h1><p>Its first paragraph, which links <a href='/a'>one source</a> and no more.</p>"
        "</td></tr></table></body></html>"
    )
    unwrap_layout_tables(page)
    assert drop_link_cells(page) == 1
    text = page.text_content()
    assert "Headline number" not in text
    assert "Its first paragraph" in text


def test_a_data_table_in_the_storys_cell_of_a_grid_stays_a_table() -> None:
    """Code review 45: election results (two paragraphs in a cell) in the story's cell were read as a layout box."""
    rows = "".join(
        f"<tr><td><p>Candidate {n}</p><p>Party {n}</p></td><td>{1000 + n} votes</td><td>{10 + n}%</td></tr>"
        for n in range(12)
    )
    page = lxml_html.fromstring(
        "<html><body><table><tr><td><table><tr><td><a href='/'>Home</a></td></tr></table></td>"
        f"<td><h1>Results</h1><p>The count ended at midnight.</p><table>{rows}</table></td></tr></table></body></html>"
    )
    assert unwrap_layout_tables(page) == 1  # the grid alone
    assert "1011 votes" in " ".join(t.text_content() for t in page.iter("table"))
