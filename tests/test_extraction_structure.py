"""The layout features (:mod:`scraper.extraction.structure`) and the visible signals they sit beside.

The page-kind model (``scraper/extraction/pagekind_model.json``) was trained on these exact
features, so making their walk cheaper must not move one of them: the pins below are digests of
``measure()`` on the shared corpora's pages as computed before the walk was reworked for speed.
A deliberate change of a feature retrains the model and re-pins (:func:`write_pins`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
from pathlib import Path

import pytest
from lxml import html as lxml_html

from scraper.extraction.classwords import AUTHOR, AUTHOR_CLASS, PRICE, PRICE_CLASS, class_kinds
from scraper.extraction.decoding import decode_body, parse_html
from scraper.extraction.kindsignals import address_words
from scraper.extraction.structure import measure
from scraper.extraction.visible import _class_marks, _marked_elements, read_signals
from scraper.text import count_words
from tests.conftest import CORPUS, PROJECT_ROOT

FOLDERS = {
    "corpus": CORPUS,
    "corpus-wcxb": Path(os.environ.get("NEWS_CORPUS_WCXB", PROJECT_ROOT.parent / "shared" / "corpus-wcxb")),
}
PINS = Path(__file__).parent / "data" / "structure_features.json"
# Every news page, and every tenth page of WCXB (seven kinds of page): a few seconds of work.
SAMPLE = {"corpus": 1, "corpus-wcxb": 10}


def _digest(features: dict[str, float]) -> str:
    """A short digest of the features, rounded to 12 decimals (a libm's last bit is no change)."""
    rounded = {name: round(value, 12) for name, value in features.items()}
    return hashlib.sha256(json.dumps(rounded, sort_keys=True).encode()).hexdigest()[:16]


def feature_digests() -> dict[str, str]:
    """``corpus/id``: digest of ``measure()`` with and without the page's URL, for the sampled pages."""
    digests: dict[str, str] = {}
    for corpus, every in SAMPLE.items():
        folder = FOLDERS[corpus]
        lines = (folder / "truth.jsonl").read_text("utf-8").split("\n")
        for entry in (json.loads(line) for n, line in enumerate(lines) if line.strip() and n % every == 0):
            text = decode_body(gzip.decompress((folder / "pages" / f"{entry['id']}.html.gz").read_bytes()), None)
            assert isinstance(text, str)
            tree = parse_html(text)
            signals = read_signals(tree)
            both = (measure(tree, entry.get("url") or "", signals), measure(tree, "", signals))
            digests[f"{corpus}/{entry['id']}"] = _digest(both[0]) + _digest(both[1])
    return digests


def write_pins() -> None:
    """Re-pin after a deliberate feature change (and a retrained model): run from the project folder."""
    PINS.write_text(json.dumps(feature_digests(), indent=0, sort_keys=True) + "\n", "utf-8")


@pytest.mark.corpus
def test_features_of_corpus_pages_are_the_ones_the_model_was_trained_on() -> None:
    if not all((folder / "truth.jsonl").exists() for folder in FOLDERS.values()):
        pytest.skip(f"no corpora at {', '.join(map(str, FOLDERS.values()))}: the feature pins need ../shared")
    pinned = json.loads(PINS.read_text("utf-8"))
    measured = feature_digests()
    assert measured.keys() == pinned.keys()
    changed = sorted(page for page, digest in measured.items() if pinned[page] != digest)
    assert not changed, f"{len(changed)} pages' features changed, e.g. {changed[:5]}"


def _features(body: str, url: str = "https://courier.example/news/a-story-about-the-harbour") -> dict[str, float]:
    tree = lxml_html.document_fromstring(f"<html><head><title>t</title></head><body>{body}</body></html>")
    return measure(tree, url, read_signals(tree))


def test_a_script_beside_a_card_makes_them_siblings_but_is_no_card() -> None:
    """Skipped subtrees are not walked, yet still count as siblings: the model learnt it so."""
    card = "<article class='c'><a href='/news/other-story-here'><h2>Another story of the harbour</h2></a></article>"
    assert _features(f"<div>{card}<script>var x = 1;</script></div>")["log_cards"] == pytest.approx(math.log1p(1))
    assert _features(f"<div>{card}</div>")["log_cards"] == 0.0
    assert _features(f"<div>{card * 3}<style>p {{}}</style></div>")["log_cards"] == pytest.approx(math.log1p(3))


def test_only_short_runs_with_a_digit_are_read_for_prices_and_dates() -> None:
    dated = _features("<main><p>Published May 3, 2024</p><span>Tuesday morning</span></main>")
    assert dated["log_date_text"] == pytest.approx(math.log1p(1))
    priced = _features("<div><span>Only $5 today</span><span>12 EUR</span><span>five dollars</span></div>")
    assert priced["log_price"] == pytest.approx(math.log1p(2))
    long_run = "word " * 12 + "on May 3, 2024"  # 60 characters or more: prose, not a date line
    assert _features(f"<p>{long_run}</p>")["log_date_text"] == 0.0


@pytest.mark.parametrize("label", ["22,50 €", "2 790 Kč", "1 990 руб.", "₺450", "5 kr."])
def test_a_currency_after_its_number_is_a_price(label: str) -> None:
    """A symbol is no word character: ``\\b`` after "€" never matched, so European price tags were not counted."""
    features = _features(f"<div><span>Now {label}</span><span>12 km</span></div>")
    assert features["log_price"] == pytest.approx(math.log1p(1))


def test_author_markup_is_read_whatever_its_case_and_beside_the_headline() -> None:
    byline = "<div class='head'><h1>Harbour footbridge reopens after repairs</h1>{}</div>"
    text = "<div>" + "<p>" + "The footbridge over the harbour opened again on Monday. " * 4 + "</p>" * 3 + "</div>"
    for mark in ("<span itemprop='Author'>Ann Lee</span>", "<a rel='author' href='/a/ann'>Ann Lee</a>"):
        features = _features("<main><div class='top'>" + byline.format(mark) + "</div>" + text + "</main>")
        assert features["h1_author"] == 1.0, mark
    assert _features("<main>" + byline.format("<span>Ann Lee</span>") + text + "</main>")["h1_author"] == 0.0


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        ("author", 1),
        ("meta\tauthor big", 1),
        ("comment-author", 0),  # a class *token* "author", or one of the byline words, not any "author"
        ("post-author", 1),  # Blogger's and WordPress themes' byline
        ("coauthor", 0),
        ("authors-list", 1),
        ("c-byline__name", 1),
        ("image-caption author", 3),
        ("photo-credit", 2),
        ("CAPTION", 0),  # as XPath's contains(): case matters
        ("", 0),
    ],
)
def test_byline_and_caption_classes(classes: str, expected: int) -> None:
    assert _class_marks(classes) == expected


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        ("product-PRICE", PRICE),
        ("Mini-Cart author-box", PRICE | AUTHOR),
        ("User-Name", AUTHOR),
        ("BYLINE", AUTHOR),
        ("teaser card", 0),  # "card" holds no "cart"
        ("ba\u017fket", PRICE),  # the long s is an s to IGNORECASE: non-ASCII takes the expressions
        ("\u212arice-check\u212aout", 0),
        ("Pr\u00e9is Autor", 0),
        ("\u00e9 checkout", PRICE),
        ("", 0),
    ],
)
def test_price_and_author_classes_are_those_the_case_blind_expressions_find(classes: str, expected: int) -> None:
    """The memo's ASCII shortcut (words looked for in the lower case) finds what the expressions find."""
    by_expressions = (PRICE if PRICE_CLASS.search(classes) else 0) | (AUTHOR if AUTHOR_CLASS.search(classes) else 0)
    assert class_kinds.__wrapped__(classes) == by_expressions == expected


def test_marked_elements_keep_document_order_and_their_limits() -> None:
    items = "".join(f"<p class='byline'>By Writer {n}</p><figure><figcaption>Photo {n}</figcaption></figure>"
                    for n in range(30))  # fmt: skip
    tree = lxml_html.document_fromstring(f"<html><body><span itemprop='author'>Ann</span>{items}</body></html>")
    bylines, captions = _marked_elements(tree, bylines=20, captions=25)
    assert [el.text for el in bylines] == ["Ann", *(f"By Writer {n}" for n in range(19))]
    assert [el.text for el in captions] == [f"Photo {n}" for n in range(25)]


def test_paragraph_length_counts_each_paragraph_with_its_links_outside_the_chrome() -> None:
    story = "<p>" + "The council met on Tuesday to vote on the budget for the harbour. " * 3 + "</p>"  # 39 words
    linked = "<p>Read the <a href='/budget'>full budget of the town council</a> here.</p>"  # 9 words
    features = _features(f"<main>{story}{story}{linked}</main><footer><p>short</p></footer>")
    assert features["p_mean"] == pytest.approx((39 + 39 + 9) / 3)
    assert _features("<main><div>no paragraphs at all</div></main>")["p_mean"] == 0.0


def test_a_table_layout_with_br_paragraphs_has_a_main_run_of_prose() -> None:
    """A page laid out before CSS: the story is a cell's ``<font>``, its paragraphs split by ``<br><br>``."""
    sentence = "Crews from six departments poured water into the silos of the grain elevator all weekend. "
    prose = "<br><br>".join([sentence * 2] * 4)  # four paragraphs of 30 words, no <p>
    cells = f"<td><a href='/'>Home</a></td><td><b>Elevator fire contained</b><br><font>{prose}</font></td>"
    features = _features(f"<table><tr>{cells}</tr></table>")
    assert features["main_share"] > 0.9
    assert features["log_main_run"] == pytest.approx(math.log1p(120))
    assert features["p_mean"] == 0.0  # no <p>: how long its paragraphs are is not read from a whole cell
    assert _features(f"<table><tr><td>{prose}</td></tr></table>")["main_share"] > 0.9  # in the cell itself
    spanned = _features(f"<table><tr><td><span>{prose}</span></td></tr></table>")
    assert spanned["main_share"] == 0.0  # a span is no paragraph


def test_a_font_inside_a_paragraph_is_counted_once_with_it() -> None:
    words = "The footbridge over the harbour opened again on Monday after two months of repairs. " * 3
    plain = _features("<div>" + f"<p>{words}</p>" * 3 + "</div>")
    fonted = _features("<div>" + f"<p><font>{words}</font></p>" * 3 + "</div>")
    for name in ("main_gp_share", "main_p_share", "log_p_long", "log_main_run"):
        assert fonted[name] == pytest.approx(plain[name]), name
    assert fonted["main_gp_share"] <= 1.0


def test_a_cjk_paragraph_is_as_long_as_its_characters_not_its_spaces() -> None:
    """Chinese and Japanese have no spaces between words: split() made every story a string of 1-word pitches."""
    chinese = "市议会周二开会，讨论港口明年的预算。议员们同意增加维修费用，但反对提高停车费。"  # one run, no space
    japanese = "市議会は火曜日に港の来年度予算を審議した。 議員らは修繕費の増額に同意した。"  # two runs
    for text in (chinese, japanese):
        features = _features(f"<main><p>{text}</p><p>{text}</p></main>")
        assert features["p_mean"] == count_words(text) >= 30  # not the 1 or 2 runs split() sees
    # The address share is a share of the same words: an English quote in a Chinese story weighs as one word.
    quoted = "市长对记者说：“We will rebuild the bridge.” 他说工程明年开始。"
    features = _features(f"<main><p>{quoted}</p></main>")
    assert features["address_share"] == pytest.approx(1 / count_words(quoted))
    assert 1 / count_words(quoted) < 0.1


def test_words_that_address_the_reader_are_a_share_of_the_paragraph_words() -> None:
    pitch = "<p>We help you plan your move. Our team will call you today.</p>"  # 12 words, 5 of address
    report = "<p>The movers said their lorry was late because of the floods in the valley.</p>"  # 14, none
    assert _features(f"<main>{pitch}</main>")["address_share"] == pytest.approx(5 / 12)
    assert _features(f"<main>{report}</main>")["address_share"] == 0.0
    # The chrome's "contact us" and "your account" are every page's: they do not count.
    chrome = "<header><p>Your account · Contact us · Our shops</p></header>"
    assert _features(f"{chrome}<main>{report}</main>")["address_share"] == 0.0
    # A German or Spanish story about her and their plans, a story about the US: no one is addressed.
    for story in (
        "<p>Sie sagte, ihr Haus und ihre Werkstatt seien nach der Flut nicht mehr bewohnbar.</p>",
        "<p>La alcaldesa dijo que su equipo y su plan estaban listos para la reconstrucción.</p>",
        "<p>The US said US troops would leave the port by the end of the month.</p>",
    ):
        assert _features(f"<main>{story}</main>")["address_share"] == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You and your family", 2),
        ("Nous vous aidons: notre équipe", 3),
        ("Wir beraten Sie gern", 1),  # "Sie" is as often "she" or "they": left out
        ("Young users of Ourense", 0),  # whole words only
        ("The mayor said they would", 0),
        ("Tell us what you think", 1),  # "us" is also the country: left out
        ("Usted y nuestro equipo", 2),
        # Third person, not the reader: German she / her / their, Spanish his / her / their, the country.
        ("Sie sagte, ihr Mann und ihre Kinder seien sicher", 0),
        ("La alcaldesa y su equipo presentaron su plan", 0),
        ("The US and the EU signed it; US troops left", 0),
    ],
)
def test_address_words(text: str, expected: int) -> None:
    assert address_words(text) == expected


_STORY = "<p>" + "The harbour board agreed on Tuesday to repair the northern sea wall before winter. " * 3 + "</p>"
_TEASERS = "".join(
    f"<div class='tease'><a href='/news/story-number-{n}-about-the-harbour'>Story {n} about the harbour board</a></div>"
    for n in range(10)
)  # ten headline links, 6 words each; _STORY is 42 words


def test_content_link_share_is_read_in_the_main_region_without_its_chrome() -> None:
    """A cookie dialog's long policy outside <main> does not dilute a listing's links; chrome inside is left out."""
    policy = "<div class='consent'>" + "<p>We and our partners store cookies on your device to measure ads. </p>" * 40
    listing = _features(f"<main>{_TEASERS}</main>{policy}</div>")
    assert listing["content_link_share"] == 1.0
    assert listing["link_share"] < 0.2  # read over the whole body, the same page looks like prose
    story = _features(f"<main><aside>{_TEASERS}</aside>{_STORY * 2}</main>")  # related links in an <aside>
    assert story["content_link_share"] == 0.0
    mixed = _features(f"<main>{_STORY}<p>More: <a href='/news/other'>another story of the board</a></p></main>")
    assert mixed["content_link_share"] == pytest.approx(5 / (42 + 1 + 5))


def test_content_link_share_without_one_main_region_reads_the_body_minus_chrome() -> None:
    nav = "<nav>" + "<a href='/section/one'>one</a>" * 30 + "</nav>"
    assert _features(f"{nav}<div>{_STORY}</div>")["content_link_share"] == 0.0
    twice = _features(f"<main>{_STORY}</main><div role='main'>{_TEASERS}</div>")  # two regions: neither is it
    assert twice["content_link_share"] == pytest.approx(60 / (42 + 60))
    # A template that puts everything inside its <header>: the chrome is the page, read whole.
    inside = _features(f"<header><nav><a href='/a'>Home</a></nav><main>{_STORY}</main></header>")
    assert inside["content_link_share"] == pytest.approx(1 / 43)
    assert _features("<main></main>")["content_link_share"] == 0.0


def test_a_page_written_without_spaces_counts_two_characters_a_word_and_others_as_the_model_learnt() -> None:
    """Split on spaces, each paragraph of a Japanese story was one word, as many as its menu's links (session 37:
    the story read as a listing). Only such a page (its language, or a title in kana or ideographs) is counted
    by its characters, two to a word: an English page's language menu ("日本語") leaves its counts as before."""
    story = "<p>市は三日、老朽化が進む市営地下鉄の全駅にホームドアを設置する計画を発表した。</p>" * 3
    menu = "<nav><a href='/a'>ニュース</a><a href='/b'>政治</a><a href='/c'>経済</a></nav>"
    page = f"<html lang='ja'><head><title>市営地下鉄</title></head><body>{menu}<main>{story}</main></body></html>"
    tree = lxml_html.document_fromstring(page)
    ja = measure(tree, "https://news.example.jp/articles/1", read_signals(tree))
    unmarked = _features(f"{menu}<main>{story}</main>")  # no language, an ASCII title: split on spaces
    assert ja["link_share"] < 0.1 < unmarked["link_share"]
    assert ja["log_main_run"] > math.log1p(50) > math.log1p(10) > unmarked["log_main_run"]
    english = "<p>" + "The council met on Tuesday to vote on the harbour wall. " * 5 + "</p>"
    menu_en = "<nav><a href='/ja'>日本語</a><a href='/zh'>中文</a></nav>"
    assert _features(f"{menu_en}<main>{english}</main>")["link_share"] == pytest.approx(2 / (2 + 55))
