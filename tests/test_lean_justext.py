"""justext's paragraphs during our trafilatura call: no XPath string per paragraph, the same text.

Real trafilatura and justext on real markup: the lean call must give ``bare_extraction``'s body
where justext's rescue runs, without building the ``xpath`` string of every paragraph (read by
nobody; a tenth of the corpus's slowest page), and :class:`LeanParagraph` must classify every
paragraph as justext's own does.
"""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.article import _lean_supported, _run_trafilatura
from scraper.extraction.options import ExtractionOptions
from tests.helpers import CORPUS, corpus_trees

trafilatura = pytest.importorskip("trafilatura")
external = pytest.importorskip("trafilatura.external")
justext_core = pytest.importorskip("justext.core")

_SENTENCE = "The harbour board agreed on Tuesday to repair the northern sea wall before the winter storms. "


def _short_page() -> lxml_html.HtmlElement:
    """A story too short for trafilatura's own extraction to stand: it asks justext for a second opinion."""
    story = f"<div><p>{(_SENTENCE * 3)[:120]}</p><div>{(_SENTENCE * 3)[:90]}</div></div>"
    return lxml_html.document_fromstring(f"<html><body><nav><a href='/'>Home</a></nav>{story}</body></html>")


def _xpath_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count reads of justext's ``PathInfo.xpath`` (its own property, still answering)."""
    reads: list[int] = []
    original = justext_core.PathInfo.xpath

    def counted(self: object) -> str:
        reads.append(1)
        return str(original.fget(self))

    monkeypatch.setattr(justext_core.PathInfo, "xpath", property(counted))
    return reads


def test_the_justext_rescue_builds_no_xpath_strings_and_gives_bare_extractions_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _lean_supported()  # its probes run the public call (justext's own paragraphs): before counting
    rescues: list[object] = []
    original = external.justext_rescue

    def counted(tree: object, settings: object) -> object:  # trafilatura's own, counted
        rescues.append(tree)
        return original(tree, settings)

    monkeypatch.setattr(external, "justext_rescue", counted)
    reads = _xpath_reads(monkeypatch)
    url, tree = "https://news.example/wall", _short_page()
    document = _run_trafilatura(tree, url, ExtractionOptions())
    assert rescues, "justext's rescue did not run: the case tests nothing"
    assert reads == [], "justext built an XPath string per paragraph during our call"
    assert document is not None
    assert document.body is not None
    public = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_links=True, output_format="python")
    assert reads, "bare_extraction's justext (outside our call) is justext's own"
    assert etree.tostring(document.body) == etree.tostring(public.body)
    assert justext_core.Paragraph.__name__ == "Paragraph", "justext's class was put back"


def _classified(tree: lxml_html.HtmlElement) -> list[tuple[str, str, str, bool, int, int]]:
    paragraphs = justext_core.ParagraphMaker.make_paragraphs(tree)  # as trafilatura's try_justext runs it
    justext_core.classify_paragraphs(paragraphs, external.jt_stoplist_init(), 50, 150, 0.1, 0.2, 0.25, True)
    justext_core.revise_paragraph_classification(paragraphs, 150)
    return [(p.dom_path, p.text, p.class_type, p.is_heading, p.tags_count, p.chars_count_in_links) for p in paragraphs]


def _pages() -> list[lxml_html.HtmlElement]:
    pages = [_short_page()]
    if CORPUS.is_dir():  # real sites' markup, when the shared corpus is beside the project
        pages += [tree for _, tree in corpus_trees(40)]
    return pages


def test_lean_paragraphs_classify_every_paragraph_as_justexts_own() -> None:
    from scraper.extraction.jtparagraph import LeanParagraph, supported
    from scraper.extraction.swap import swapped

    assert supported()
    for page in _pages():
        own = _classified(page)
        with swapped(justext_core, {"Paragraph": LeanParagraph}):
            lean = _classified(page)
        assert own, "justext found no paragraph: the page tests nothing"
        assert lean == own


def test_another_thread_sees_justexts_own_paragraph_class_meanwhile() -> None:
    """The stand-in is a class: another thread's isinstance checks and subclasses work as before."""
    import threading

    from justext.paragraph import Paragraph

    from scraper.extraction.jtparagraph import LeanParagraph
    from scraper.extraction.swap import swapped

    started, done = threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def other() -> None:
        started.wait(10)
        try:
            made = justext_core.Paragraph(justext_core.PathInfo().append("body"))
            seen["made"] = (type(made), isinstance(made, justext_core.Paragraph))

            class Mine(justext_core.Paragraph):  # type: ignore[misc,name-defined]
                pass

            mine = Mine(justext_core.PathInfo().append("body"))
            seen["mine"] = (isinstance(mine, Paragraph), mine.xpath)
        except Exception as error:  # what the test is about: reported, not lost in the thread
            seen["error"] = repr(error)
        finally:
            done.set()

    thread = threading.Thread(target=other)
    thread.start()
    with swapped(justext_core, {"Paragraph": LeanParagraph}):
        own = justext_core.Paragraph(justext_core.PathInfo().append("body"))
        started.set()
        assert done.wait(10)
    thread.join(10)
    assert justext_core.Paragraph is Paragraph  # put back
    assert type(own) is LeanParagraph  # the swapping thread gets the stand-in
    assert own.dom_path == "body"
    assert "error" not in seen, seen.get("error")
    assert seen["made"] == (Paragraph, True)  # the other thread: justext's own, and it is one
    assert seen["mine"] == (True, "/body[1]")  # a subclass made meanwhile is built as justext's
