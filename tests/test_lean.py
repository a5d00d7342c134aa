"""Skipping trafilatura steps whose result it would discard changes nothing but the time.

``_run_trafilatura`` skips the raw-tree prunes (and the tree copy) when ``raw_prunes`` says they
cannot match, readability (and its copy of the raw tree) when ``readability_cannot_win``, the
page text of the escalation gate where the gate cannot open, and a recall run whose result the
default run's escalation already found. These tests hold that to the installed trafilatura: its
own XPaths never match where the check says they cannot, neither readability nor ``html2txt``
finds more text than ``page_text_bound``, and the body equals ``bare_extraction``'s on real pages
(given the one stand-in that changes the text on purpose, ``spare.sparing``), with the caller's
tree left as it was.
"""

from __future__ import annotations

import gzip
import json
from copy import copy
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.article import _run_trafilatura
from scraper.extraction.decoding import decode_page, parse_page
from scraper.extraction.lean import page_text_bound, raw_prunes, readability_cannot_win
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.prune import prune_page
from scraper.extraction.spare import sparing
from scraper.extraction.swap import swapped
from scraper.items import Rejection

trafilatura = pytest.importorskip("trafilatura")
xpaths = pytest.importorskip("trafilatura.xpaths")
external = pytest.importorskip("trafilatura.external")
baseline = pytest.importorskip("trafilatura.baseline")
main_extractor = pytest.importorskip("trafilatura.main_extractor")

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_PARAGRAPH = "The harbour board agreed on Tuesday to repair the northern sea wall before the winter storms. " * 3


def _page(extra: str = "") -> lxml_html.HtmlElement:
    paragraphs = "".join(f"<p>{_PARAGRAPH} Part {i}.</p>" for i in range(6))
    return lxml_html.document_fromstring(
        f"<html><head><title>Wall repairs</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Harbour board agrees wall repairs</h1>{paragraphs}</article>{extra}"
        "<footer>© 2026 Example</footer></body></html>"
    )


def _matches(tree: lxml_html.HtmlElement) -> tuple[bool, bool]:
    scroll = any(xpath(tree) for xpath in xpaths.RAW_TREE_PRUNE_XPATH)
    comments = any(xpath(tree) for xpath in xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH)
    return scroll, comments


def _bare_body(tree: lxml_html.HtmlElement, url: str, recall: bool) -> bytes | None:
    """``bare_extraction``'s body, with the one stand-in that changes the text on purpose (``spare.sparing``)."""
    spare = sparing(main_extractor.prune_unwanted_nodes, main_extractor.delete_element)
    with swapped(main_extractor, {"prune_unwanted_nodes": spare}):
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            include_links=True,
            favor_recall=recall,
        )
    return None if document is None or document.body is None else etree.tostring(document.body)


def _our_body(
    tree: lxml_html.HtmlElement, url: str, recall: bool, recalled: list[tuple[Any, str]] | None = None
) -> bytes | None:
    document = _run_trafilatura(tree, url, ExtractionOptions(), favor_recall=recall, recalled=recalled)
    return None if document is None or document.body is None else etree.tostring(document.body)


def _escalating(links: int) -> lxml_html.HtmlElement:
    """A short story beside a menu of ``links`` long links: trafilatura keeps the story only."""
    menu = "".join(
        f"<a href='/m{i}'>Market report {i}: fish and grain prices moved as traders expected.</a> "
        for i in range(links)
    )
    return lxml_html.document_fromstring(
        f"<html><body><nav>{menu}</nav><article><h1>Wall</h1><p>{_PARAGRAPH}</p><p>{_PARAGRAPH[:200]}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("markup", "scroll", "comments"),
    [
        ("", False, False),
        ("<div class='mvp-post-add-box'><p>Next story</p></div>", True, False),
        ("<section id='infinite-scroll'><p>Next story</p></section>", True, False),
        ("<div class='elementor-share-buttons'><a href='/s'>Share</a></div>", True, False),
        ("<div id='comments'><p>First!</p></div>", False, True),
        ("<div class='post-comments'><p>First!</p></div>", False, True),
        ("<ol class='Comment-list'><li>First!</li></ol>", False, True),
        ("<div id='disqus_thread'></div>", False, True),
        ("<div id='comol-1'><p>First!</p></div>", False, True),
    ],
)
def test_the_check_finds_every_container_trafilatura_would_prune(markup: str, scroll: bool, comments: bool) -> None:
    tree = _page(markup)
    assert _matches(tree) == (scroll, comments), "trafilatura's own XPaths disagree: the case tests nothing"
    found = raw_prunes(tree)
    assert (found.scroll, found.comments) == (scroll, comments)
    assert found.idle is not (scroll or comments)


@pytest.mark.parametrize("recall", [False, True])
def test_a_page_with_comments_gets_bare_extractions_body_and_keeps_its_tree(recall: bool) -> None:
    tree = _page("<div class='comments-area'><p>I disagree with the harbour board entirely, says a reader.</p></div>")
    assert raw_prunes(tree).comments
    before = etree.tostring(tree)
    ours = _our_body(tree, "https://news.example/wall", recall)
    assert ours is not None
    assert b"I disagree" not in ours
    assert etree.tostring(tree) == before, "the comment prune ran on the caller's tree, not a copy"
    assert ours == _bare_body(tree, "https://news.example/wall", recall)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (pages of real sites)")
def test_real_pages_get_bare_extractions_body_and_keep_their_tree() -> None:
    rows = [json.loads(line) for line in (CORPUS / "truth.jsonl").read_text("utf-8").splitlines()]
    idle = escalated = 0
    for row in rows[::4]:  # a quarter of the corpus: every kind of site, 10 s
        decoded = decode_page(gzip.decompress((CORPUS / "pages" / f"{row['id']}.html.gz").read_bytes()), None)
        assert not isinstance(decoded, Rejection)
        tree = parse_page(decoded)
        prune_page(tree)  # as extraction hands it over
        prunes = raw_prunes(tree)
        scroll, comments = _matches(tree)
        assert prunes.scroll or not scroll, row["id"]
        assert prunes.comments or not comments, row["id"]
        idle += prunes.idle
        found = external.try_readability(copy(tree))  # what readability makes of the page (it writes to it)
        assert len(" ".join(found.text_content().split())) <= page_text_bound(tree), row["id"]
        assert len(baseline.html2txt(tree)) <= page_text_bound(tree), row["id"]
        before, recalled = etree.tostring(tree), []
        assert _our_body(tree, row["url"], False, recalled) == _bare_body(tree, row["url"], False), row["id"]
        assert etree.tostring(tree) == before, row["id"]
        if recalled:  # the default run escalated: its retry stands for the recall run
            escalated += 1
            assert _our_body(tree, row["url"], True, recalled) == _bare_body(tree, row["url"], True), row["id"]
    assert idle > len(rows[::4]) / 2, "the check says almost every page may match: it saves nothing"
    assert escalated, "no page escalated: the retry's reuse is not tested on real pages"


@pytest.mark.parametrize(("links", "reads_page_text"), [(10, False), (40, True)])
def test_the_escalation_gate_reads_the_page_text_only_where_it_could_open(
    monkeypatch: pytest.MonkeyPatch, links: int, reads_page_text: bool
) -> None:
    """``html2txt`` (a copy and a cleaning of the page) is run where the short story may be under a fifth of it.

    With ten links the story is over a fifth of ``page_text_bound``: the gate cannot open. With
    forty it may (and does: trafilatura escalates), so the page's own text is read.
    """
    from trafilatura import core

    calls: list[str] = []
    original = core.html2txt

    def counted(*args: Any, **kwargs: Any) -> str:  # trafilatura's own, counted
        calls.append("html2txt")
        return original(*args, **kwargs)

    monkeypatch.setattr(core, "html2txt", counted)
    url, tree = "https://news.example/wall", _escalating(links)
    before, recalled = etree.tostring(tree), []
    ours = _our_body(tree, url, False, recalled)
    assert (calls == ["html2txt"]) is reads_page_text
    assert bool(recalled) is reads_page_text, "the escalation ran exactly where the gate could open"
    assert ours == _bare_body(tree, url, False)
    assert etree.tostring(tree) == before


@pytest.mark.parametrize(
    ("over", "spared"),
    [(-10, 0), (10, 0), (100, 200), (100, 50), (300, 400), (-10, 5), (100, 5000), (-500, 0), (900, 1500), (900, 100)],
)
def test_the_escalation_gate_weighs_the_text_without_the_prose_spared_from_trafilaturas_prune(
    over: int, spared: int
) -> None:
    """trafilatura escalates a text under a fifth of the page's: the text it would hold, not the spared prose.

    ``spare.sparing`` keeps story prose trafilatura's prune removes; counted in the escalation gate,
    that prose shut it on pages where trafilatura's own text was short (WCXB: a story cut to 38% of
    its words). The gate compares the text held with ``page_share`` of the page text's length. A text
    that the spared prose brings to twice that share is the story whole: the gate stays shut (review:
    a recall run added the letters page printed under a complete story).
    """
    from trafilatura import core

    from scraper.extraction.lean import Cascade

    cascade = Cascade.of(core, external)
    tree = _escalating(40)
    page = len(baseline.html2txt(tree))
    held = int(cascade.page_share * page) + over
    cascade.text_length, cascade.spared[0] = held, spared
    opens = held < cascade.page_share * len(cascade.page_text(tree))  # trafilatura's test
    assert opens is (held - spared < cascade.page_share * page and held < 2 * cascade.page_share * page)


def test_a_recall_run_after_an_escalation_is_the_escalations_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default run's escalation ran the recall cascade on the same tree: its result is the recall run's."""
    from trafilatura import core

    url, tree = "https://news.example/wall", _escalating(40)
    recalled: list[tuple[Any, str]] = []
    assert _our_body(tree, url, False, recalled) is not None
    assert len(recalled) == 1
    fresh, public = _our_body(tree, url, True), _bare_body(tree, url, True)
    monkeypatch.setattr(core, "trafilatura_sequence", None)  # the reused run calls no trafilatura at all
    assert _our_body(tree, url, True, recalled) == fresh == public
    assert recalled == [], "taken once: its body is the document's now"


@pytest.mark.parametrize("recall", [False, True])
def test_justext_in_the_comparison_reads_the_cleaned_tree_built_again(
    monkeypatch: pytest.MonkeyPatch, recall: bool
) -> None:
    """A short text sends the comparison to justext, which reads the cleaned tree the lean call did not copy.

    It is built again from the raw tree, as trafilatura built it before converting it: the body is
    ``bare_extraction``'s and the caller's tree is as it was.
    """
    calls: list[object] = []
    original = external.justext_rescue

    def counted(tree: object, settings: object) -> object:  # trafilatura's own, counted
        calls.append(tree)
        return original(tree, settings)

    monkeypatch.setattr(external, "justext_rescue", counted)
    url = "https://news.example/wall"
    story = f"<div><p>{_PARAGRAPH[:120]}</p><div>{_PARAGRAPH[:90]}</div></div>"
    tree = lxml_html.document_fromstring(f"<html><body><nav><a href='/'>Home</a></nav>{story}</body></html>")
    before = etree.tostring(tree)
    ours = _our_body(tree, url, recall)
    assert calls, "the comparison ran justext: the case tests nothing"
    assert all(isinstance(tree, lxml_html.HtmlElement) for tree in calls), "justext got a cleaned tree"
    assert etree.tostring(tree) == before
    assert ours == _bare_body(tree, url, recall)


def test_readability_is_run_where_it_could_win() -> None:
    tree = _page()
    bound = page_text_bound(tree)
    body = etree.fromstring("<body><p>Harbour board agrees wall repairs.</p></body>")
    assert readability_cannot_win(body, bound // 2 + 1, tree)
    assert not readability_cannot_win(body, bound // 2 - 1, tree), "readability's text could be twice as long"
    assert not readability_cannot_win(body, 0, tree), "trafilatura found nothing: readability's text wins"
    tables = etree.fromstring("<body><p>Scores</p><table><row><cell>1</cell></row></table><table/></body>")
    assert not readability_cannot_win(tables, bound, tree), "more tables than paragraphs: readability may win"
    empty = etree.fromstring("<body><p/><list><item>Harbour</item></list></body>")
    assert not readability_cannot_win(empty, bound, tree), "no paragraph text: readability may win"


def test_the_bound_counts_what_readability_writes_into_video_embeds() -> None:
    """readability writes "VIDEO" into each video ``<iframe>`` it keeps: text the page never had."""
    embeds = "".join(
        f"<p>{_PARAGRAPH} Clip {i}.</p><iframe src='https://www.youtube.com/embed/v{i}'></iframe>" for i in range(10)
    )
    tree = lxml_html.document_fromstring(f"<html><body><article>{embeds}</article></body></html>")
    found = external.try_readability(copy(tree))
    assert "VIDEO" in found.text_content()
    assert len(" ".join(found.text_content().split())) <= page_text_bound(tree)


def test_a_plaintext_element_sends_the_page_the_ordinary_way() -> None:
    tree = lxml_html.document_fromstring(f"<html><body><p>{_PARAGRAPH}</p><plaintext>raw <p>text</p></body></html>")
    body = etree.fromstring(f"<body><p>{_PARAGRAPH}</p></body>")
    assert not readability_cannot_win(body, page_text_bound(tree), tree)


def test_threads_extracting_at_once_get_each_pages_own_body_and_leave_trafilatura_as_it_was() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from trafilatura import core

    pages = [_page(), _page("<div id='comments'><p>I disagree with the harbour board, says a reader.</p></div>")] * 6
    alone = [_bare_body(tree, "https://news.example/wall", False) for tree in pages[:2]]
    swapped = ("RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH", "_prepare_tree", "_extract_and_compare")
    swapped += ("baseline", "html2txt")
    originals = [getattr(core, name) for name in swapped] + [external.try_readability, external.justext_rescue]
    with ThreadPoolExecutor(4) as pool:
        bodies = list(pool.map(lambda tree: _our_body(tree, "https://news.example/wall", False), pages))
    assert bodies == alone * 6
    assert b"I disagree" not in bodies[1]
    assert [getattr(core, name) for name in swapped] + [external.try_readability, external.justext_rescue] == originals


def test_another_thread_calling_trafilatura_during_a_lean_call_runs_trafilatura_unchanged() -> None:
    """The swapped globals are the lean call's only: a user's own trafilatura call in another thread
    meanwhile gets trafilatura's steps and prune lists, and leaves the call's stand-ins' state alone."""
    from concurrent.futures import ThreadPoolExecutor

    import trafilatura
    from trafilatura import core

    from scraper.extraction.article import _lean
    from scraper.extraction.lean import Cascade

    other = "<html><body><div id='comments'><p>A reader writes.</p></div><article>" + "<p>Their page.</p>" * 40
    other += "</article></body></html>"
    alone = trafilatura.bare_extraction(other, favor_recall=True, include_comments=False)
    tree = _page()
    prunes, cascade = raw_prunes(tree), Cascade.of(core, external, keep_retry=True)
    assert prunes.idle  # so the prune lists are swapped for empty ones during the call
    with _lean(prunes, cascade), ThreadPoolExecutor(1) as pool:
        meanwhile = pool.submit(trafilatura.bare_extraction, other, favor_recall=True, include_comments=False).result()
    assert meanwhile is not None
    assert alone is not None
    assert (meanwhile.text, meanwhile.comments) == (alone.text, alone.comments)
    assert (cascade.text_length, cascade.retry) == (None, None)


@pytest.mark.parametrize("shape", ["reshaped", "compiled", "step"])
@pytest.mark.parametrize("extra", ["", "<div id='comments'><p>A reader's comment.</p></div>"])
def test_a_trafilatura_without_the_internals_gets_the_public_call(
    monkeypatch: pytest.MonkeyPatch, extra: str, shape: str
) -> None:
    """A trafilatura whose ``trafilatura_sequence`` was reshaped (a later release) still extracts the page.

    The installed module's function (or the step the lean call replaces) is replaced by one with
    other parameter names, which only trafilatura's own code can call: the page takes
    ``bare_extraction`` and gets the body the lean call gave, the caller's tree untouched.
    """
    from trafilatura import core

    from scraper.extraction import article

    url, options = "https://example.com/a", ExtractionOptions()
    article._lean_supported.cache_clear()
    assert article._lean_supported(), "the installed trafilatura is the one the lean call knows"
    lean = _run_trafilatura(_page(extra), url, options)
    article._lean_supported.cache_clear()
    original = core.trafilatura_sequence

    def reshaped(html_tree: object, settings: object, address: object = None) -> object:
        return original(html_tree, settings, address)  # type: ignore[arg-type]

    class Compiled:  # a compiled function: callable, with no signature to read
        def __call__(self, *args: Any) -> object:
            return original(*args)

        @property
        def __signature__(self) -> None:
            raise ValueError("no signature found for builtin")

    def step(cleaned: object, backup: object, raw_tree: object, settings: object) -> object:  # a renamed parameter
        return original_step(cleaned, backup, raw_tree, settings)

    original_step = core._extract_and_compare
    if shape == "step":
        monkeypatch.setattr(core, "_extract_and_compare", step)
    else:
        monkeypatch.setattr(core, "trafilatura_sequence", reshaped if shape == "reshaped" else Compiled())
    tree = _page(extra)
    before = etree.tostring(tree)
    try:
        public = _run_trafilatura(tree, url, options)
        assert not article._lean_supported()
    finally:
        article._lean_supported.cache_clear()
    assert lean is not None
    assert public is not None
    assert etree.tostring(public.body) == etree.tostring(lean.body)
    assert etree.tostring(tree) == before


def test_the_capability_check_reads_an_escalating_probe_and_distrusts_a_retry_that_differs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A release that changed the recall retry (which the lean call reuses as the recall run) is caught
    by the check's second probe page, whose balanced run escalates."""
    from trafilatura.settings import Extractor

    from scraper.extraction import article
    from scraper.extraction.lean import PROBES, Cascade

    settings = Extractor(output_format="python", comments=False, links=True, with_metadata=False)
    assert article._lean_call(lxml_html.document_fromstring(PROBES[1]), "", settings)[2] is not None
    real = Cascade.extract_and_compare

    def other_retry(self: Cascade, *args: Any) -> Any:
        found = real(self, *args)
        if self.retry is not None:
            text = "Another recall run found this text instead. " * 10  # long enough to be kept
            self.retry = (lxml_html.fromstring(f"<div><p>{text}</p></div>"), text)
        return found

    monkeypatch.setattr(Cascade, "extract_and_compare", other_retry)
    article._lean_supported.cache_clear()
    try:
        assert not article._lean_supported()
    finally:
        article._lean_supported.cache_clear()


def test_the_list_check_reads_the_address_test_of_the_installed_trafilatura() -> None:
    """``may_list``'s patterns are the ones ``extract_catstags`` builds from its word (read in its source)."""
    import inspect

    from trafilatura.metadata import extract_catstags

    from scraper.extraction.listscan import _LIST_HREF

    assert 'regexpr = "/" + metatype.rstrip("y") + "(?:y|ies|s)?/"' in inspect.getsource(extract_catstags)
    for name, word in (("categories", "category"), ("tags", "tag")):
        assert _LIST_HREF[name].pattern == "/" + word.rstrip("y") + "(?:y|ies|s)?/"


@pytest.mark.parametrize(
    ("hrefs", "tags", "categories"),
    [
        (["/tag/harbour/"], True, False),
        (["https://example.com/news/tags/harbour/"], True, False),
        (["/categories/local/", "/x"], False, True),
        (["/category/local/"], False, True),
        (["/tagesschau/", "/tagged/harbour", "/stage/", "/tag"], False, False),  # "/tag" alone, never "/tag/"
        (["/categorised/", "/category"], False, False),
        (["/x\n/tag/y/"], True, False),  # a line break in an address does not hide it
        (["/ta", "g/"], False, False),  # the test never spans two addresses
    ],
)
def test_the_list_check_looks_for_the_addresses_the_scan_takes(hrefs: list[str], tags: bool, categories: bool) -> None:
    """A page is scanned for tags or categories only where one of its links has the address the scan keeps."""
    from scraper.extraction.listscan import may_list

    links = "".join(f"<a href='{h}'>link</a>" for h in hrefs)
    tree = lxml_html.document_fromstring(f"<html><body><div class='tags'>{links}</div></body></html>")
    assert may_list(tree, "tags") is tags
    assert may_list(tree, "categories") is categories


def test_the_list_check_passes_every_page_the_scan_finds_something_on() -> None:
    """On real pages (and pages built to match trafilatura's containers), the check skips no list the scan finds."""
    from trafilatura.metadata import extract_catstags

    from scraper.extraction.listscan import may_list
    from tests.helpers import corpus_trees

    built = [
        "<div class='post-meta'><a href='/category/a/'>A</a></div>",
        "<div class='tags'><a href='/tags/b/'>B</a></div>",
        "<footer class='entry-meta'><a href='/tag/c/'>C</a></footer>",
        "<span class='cat-links'><a href='/categories/d/'>D</a></span>",
        "<head><meta property='article:section' content='Sport'></head><div class='x'><a href='/x/'>x</a></div>",
    ]
    trees = [lxml_html.document_fromstring(f"<html><body>{markup}</body></html>") for markup in built]
    if CORPUS.is_dir():
        trees += [tree for _, tree in corpus_trees(2)]
    found = 0
    for tree in trees:
        for name, word in (("categories", "category"), ("tags", "tag")):
            if extract_catstags(word, tree):
                found += 1
                assert may_list(tree, name), name
    assert found >= len(built)


def test_the_prune_check_trusts_the_names_read_before_pruning_only_where_they_hold_no_word() -> None:
    """Pruning's own read of the class and id values stands for the pruned page's: the same answer, one scan less."""
    from scraper.extraction.prune import prune_and_name
    from scraper.extraction.recall import reveal_collapsed
    from tests.helpers import corpus_trees

    built = [
        _page("<div id='comments'><p>A reply.</p></div>"),  # a comment section the prune keeps
        _page("<div class='related-stories'><div class='comment-count'>3</div></div>"),  # pruned with its container
        _page("<div class='infinite-scroll-wrap'><p>More.</p></div>"),
        _page("<div class='story-body'><p>Nothing to prune.</p></div>"),
    ]
    trees = built + ([tree for _, tree in corpus_trees(3)] if CORPUS.is_dir() else [])
    idle = 0
    for tree in trees:
        _, names = prune_and_name(tree)
        reveal_collapsed(tree)
        assert raw_prunes(tree, names) == raw_prunes(tree)
        idle += raw_prunes(tree, names).idle
    assert 0 < idle < len(trees)
    # Names that hold none of the words answer alone (the page is not read again); names that hold one do not.
    assert raw_prunes(_page("<div id='comments'><p>A reply.</p></div>"), "story-body main").idle
    assert raw_prunes(_page(), "comment-list").idle


def test_the_bound_reads_the_page_as_the_slash_slash_xpaths_did() -> None:
    """``page_text_bound`` and the ``<plaintext>`` test (``/descendant::``, ``iter``) read what ``//`` forms read."""
    from scraper.extraction.lean import _elements
    from tests.helpers import corpus_trees

    text = etree.XPath("//text()[not(parent::script or parent::style)]", smart_strings=False)
    iframes = etree.XPath("//iframe[@src]")
    odd = [
        "<html><body><iframe src='/v'></iframe><iframe></iframe><iframe src=''></iframe><p>a<b>b</b>c</p></body>"
        "</html><iframe src='/late'></iframe>trailing",
        "<html><head><style>p {}</style><script>var a</script>tail</head><body><plaintext><p>x</p></body></html>",
        "<p>no html element <IFRAME SRC='/v'></IFRAME><PlainText>y</PlainText></p>",
    ]
    trees = [lxml_html.document_fromstring(markup) for markup in odd]
    trees += [tree for _, tree in corpus_trees(3)] if CORPUS.is_dir() else []
    for tree in [*trees, *(tree.find("body") for tree in trees)]:
        assert page_text_bound(tree) == len(" ".join(" ".join(text(tree)).split())) + len(iframes(tree)) * 6
        assert (next(_elements(tree, "plaintext"), None) is not None) == bool(tree.xpath("//plaintext"))
