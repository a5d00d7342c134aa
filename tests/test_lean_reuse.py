"""The lean call's shared work: readability read once a page, basic cleaning without its per-element regex.

Real trafilatura on real markup: each case checks the saving took place (fewer readability runs,
the plain XPath) and that the body is still ``bare_extraction``'s.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.article import _lean_supported, _run_trafilatura
from scraper.extraction.basicclean import PLAIN_CLEAN, BasicClean
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.reuse import Reuse
from tests.test_lean import _PARAGRAPH, _bare_body, _escalating, _page

external = pytest.importorskip("trafilatura.external")
baseline = importlib.import_module("trafilatura.baseline")  # ``trafilatura.baseline`` is also a function's name

URL = "https://news.example/wall"


def _body(tree: lxml_html.HtmlElement, recall: bool, recalled: list[Any], reuse: Reuse) -> bytes | None:
    document = _run_trafilatura(tree, URL, ExtractionOptions(), favor_recall=recall, recalled=recalled, reuse=reuse)
    return None if document is None or document.body is None else etree.tostring(document.body)


@pytest.fixture
def readability_runs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """trafilatura's own readability, each run counted (after the capability check's own runs)."""
    assert _lean_supported()
    runs: list[object] = []
    original = external.try_readability

    def counted(tree: object) -> object:
        runs.append(tree)
        return original(tree)

    monkeypatch.setattr(external, "try_readability", counted)
    return runs


def test_an_escalating_run_reads_the_page_with_readability_once(readability_runs: list[object]) -> None:
    """The default run compares with readability, escalates, and its recall retry compares again: one run."""
    tree, recalled = _escalating(40), []
    before = etree.tostring(tree)
    ours = _body(tree, False, recalled, Reuse(tree))
    assert recalled, "the default run escalated: the case tests the retry"
    assert len(readability_runs) == 1
    assert ours == _bare_body(tree, URL, False)
    assert _body(tree, True, recalled, Reuse(tree)) == _bare_body(tree, URL, True)
    assert etree.tostring(tree) == before


def test_a_recall_call_on_the_same_page_takes_readabilitys_earlier_result(readability_runs: list[object]) -> None:
    tree = _escalating(10)
    reuse = Reuse(tree)
    default = _body(tree, False, [], reuse)
    assert len(readability_runs) == 1, "the default run compared with readability: the case tests the reuse"
    recall = _body(tree, True, [], reuse)
    assert len(readability_runs) == 1
    other = _escalating(10)  # an equal page, another tree: read again
    _body(other, True, [], reuse)
    assert len(readability_runs) == 2
    assert (default, recall) == (_bare_body(tree, URL, False), _bare_body(tree, URL, True))


_COOKIE = (  # markup, and whether trafilatura's XPath selects its element
    ("", False),
    ("<div class='CookieBanner'><p>We use cookies.</p></div>", True),
    ("<section id='onetrust-consent-sdk'><p>Accept all</p></section>", True),
    ("<div class='modal ſtuff notice__cookie'><p>Cookies</p></div>", True),  # not ASCII: the IGNORECASE search
    ("<div class='cookie'><p>A biscuit recipe.</p></div><div id='banner'></div>", False),  # no one value matches
)


@pytest.mark.parametrize(("markup", "selected"), _COOKIE)
def test_basic_cleaning_selects_what_trafilaturas_xpath_selects(markup: str, selected: bool) -> None:
    xpath = baseline.BASIC_CLEAN_XPATH
    clean = BasicClean.of(xpath)
    assert clean is not None, "the installed trafilatura's XPath is the one BasicClean knows"
    tree = _page(f"<aside>Related</aside>{markup}<script>var a = 1;</script>")
    found = xpath(tree)
    assert [el.tag for el in found].count("aside") == 1
    assert any(el.tag in ("div", "section") for el in found) is selected, "trafilatura's own XPath disagrees"
    assert clean(tree) == found
    assert clean(tree.find("body")) == xpath(tree.find("body"))


@pytest.mark.parametrize(("markup", "regex_tested"), [("", False), ("<div id='cookie-notice'>Cookies</div>", True)])
def test_the_per_element_regex_runs_only_where_a_name_could_match(markup: str, regex_tested: bool) -> None:
    clean = BasicClean.of(baseline.BASIC_CLEAN_XPATH)
    assert clean is not None
    used: list[object] = []

    def full(tree: object) -> list[Any]:
        used.append(tree)
        return list(baseline.BASIC_CLEAN_XPATH(tree))

    tree = _page(markup)
    found = replace(clean, full=full)(tree)
    assert bool(used) is regex_tested
    assert found == baseline.BASIC_CLEAN_XPATH(tree)


def test_another_xpath_is_not_taken_for_trafilaturas() -> None:
    assert BasicClean.of(etree.XPath(PLAIN_CLEAN)) is None
    assert BasicClean.of(etree.XPath(PLAIN_CLEAN + "|.//*[re:test(@class, 'ad', 'i')]", namespaces={"re": "x"})) is None
    assert BasicClean.of(None) is None


def test_the_lean_call_puts_trafilaturas_cleaning_xpath_back() -> None:
    original = baseline.BASIC_CLEAN_XPATH
    tree = _escalating(40)
    assert _body(tree, False, [], Reuse(tree)) == _bare_body(tree, URL, False)
    assert baseline.BASIC_CLEAN_XPATH is original


def test_a_pages_second_run_takes_justexts_result_for_the_same_cleaned_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default and the recall run of one page both fall back on justext: it runs once, each run gets
    its own copy of the result, and both bodies are ``bare_extraction``'s."""
    calls: list[bytes] = []
    original = external.justext_rescue

    def counted(tree: Any, settings: object) -> Any:  # trafilatura's own, counted
        calls.append(etree.tostring(tree))
        return original(tree, settings)

    monkeypatch.setattr(external, "justext_rescue", counted)
    story = f"<div><p>{_PARAGRAPH[:120]}</p><div>{_PARAGRAPH[:90]}</div></div>"
    tree = lxml_html.document_fromstring(f"<html><body><nav><a href='/'>Home</a></nav>{story}</body></html>")
    reuse = Reuse(tree)
    runs = [
        _run_trafilatura(tree, URL, ExtractionOptions(), favor_recall=recall, reuse=reuse) for recall in (False, True)
    ]
    assert len(calls) == 1, "justext ran again on a tree that serializes the same"
    bodies = [etree.tostring(run.body) for run in runs if run is not None and run.body is not None]
    assert bodies == [_bare_body(tree, URL, False), _bare_body(tree, URL, True)]
    assert len(reuse.justext) == 1
    kept = next(iter(reuse.justext.values()))[0]
    assert all(run is not None and run.body is not kept for run in runs), "the kept result is handed out as copies"
