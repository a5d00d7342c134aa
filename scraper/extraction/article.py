"""``Page`` -> ``Article`` (or the reason it is not one): the one path every page takes.

The crawl's extraction stage and ``scraper extract`` both call :func:`extract_article`, in
worker processes, so a saved page is cleaned exactly as a crawled one. This is the only module
that imports trafilatura; it imports nothing from Scrapy, and every parser error is turned into
a :class:`~scraper.items.Rejection` here, at the boundary that knows what it means.
"""

from __future__ import annotations

import importlib
import logging
import threading
import traceback
from contextlib import contextmanager
from copy import copy
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.assemble import Read, build_article
from scraper.extraction.basicclean import BasicClean
from scraper.extraction.collector import collector_paused
from scraper.extraction.dateline import language_code, read_header
from scraper.extraction.decoding import decode_page, parse_page
from scraper.extraction.errorpage import error_page
from scraper.extraction.escalation import gated
from scraper.extraction.fields import Fallback
from scraper.extraction.figures import read_figures
from scraper.extraction.joiners import NO_JOINERS, Joiners
from scraper.extraction.layouttable import drop_link_cells, unwrap_layout_tables
from scraper.extraction.lean import PROBES, RAW_PRUNES, Cascade, RawPrunes, knows, raw_prunes
from scraper.extraction.listscan import may_list
from scraper.extraction.loosetext import wrap_bare_body, wrap_loose_text
from scraper.extraction.mainentity import declared_item
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.pagekind import Kind, Verdict, classify, decide, page_features, xml_document
from scraper.extraction.prune import (
    drop_comments,
    empty_style_sheets,
    prune_and_name,
    unlink_empty_links,
    unwrap_linked_prose,
)
from scraper.extraction.pubdate import has_date_signals
from scraper.extraction.recall import reveal_collapsed
from scraper.extraction.reuse import Reuse
from scraper.extraction.signup import drop_signup_boxes
from scraper.extraction.sitepage import site_page
from scraper.extraction.splitbody import join_split_body
from scraper.extraction.stoplists import AllStoplists
from scraper.extraction.storymarkup import keep_story_markup
from scraper.extraction.swap import swapped
from scraper.extraction.undated import no_date, whole_page_date
from scraper.extraction.visible import read_signals
from scraper.items import Article, DropReason, Page, Rejection

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from lxml.etree import _Element
    from trafilatura.settings import Document, Extractor


logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"", "text/html", "application/xhtml+xml", "application/xml", "text/xml"})


def preload() -> None:
    """Import what extraction needs, in a worker before its first page (the crawl process never calls it)."""
    import htmldate  # noqa: F401
    import trafilatura
    import trafilatura.external
    import trafilatura.metadata

    if trafilatura.external.JT_STOPLIST is None:  # not built yet: justext gets the words from us
        trafilatura.external.JT_STOPLIST = AllStoplists()  # type: ignore[assignment]


def extract_article(page: Page, options: ExtractionOptions | None = None) -> Article | Rejection:
    """Turn one fetched page into a clean article, or say why it is not one.

    Never raises: a page that trips a bug in this code or in a library under it is rejected as
    ``extraction_error`` (a bug, not a verdict on the page) with the exception type and its
    traceback, so a crawl or batch counts it apart from pages the parser could not read
    (``extraction_failed``), logs where to fix it and goes on. The cyclic collector is paused
    meanwhile (:mod:`~scraper.extraction.collector`: a page makes no cycle, and its runs on a
    page's objects were 5% of our CPU in a process with the default thresholds).
    """
    try:
        with collector_paused():
            return _extract(page, options or ExtractionOptions())
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" at {Path(frame.filename).name}:{frame.lineno} in {frame.name}" if frame else ""
        return Rejection(
            DropReason.EXTRACTION_ERROR,
            f"{type(exc).__name__}: {exc}"[:300] + where,
            error=type(exc).__name__,
            traceback="".join(traceback.format_exception(exc))[-20_000:],
        )


def _extract(page: Page, options: ExtractionOptions) -> Article | Rejection:
    if page.content_type not in HTML_TYPES:
        return Rejection(DropReason.NOT_HTML, page.content_type)
    if len(page.body) > options.max_bytes:
        return Rejection(DropReason.TOO_LARGE, f"{len(page.body)} bytes")
    decoded = decode_page(page.body, page.encoding)
    if isinstance(decoded, Rejection):
        return decoded
    if (xml_kind := xml_document(decoded.text)) is not None:
        return Rejection(DropReason.NOT_ARTICLE, f"an XML {xml_kind}, not a page")
    try:
        tree = parse_page(decoded)
    except (etree.ParserError, ValueError) as exc:
        return Rejection(DropReason.EXTRACTION_FAILED, f"lxml: {exc}")
    url = page.final_url or page.url
    signals = read_signals(tree)
    declared = Verdict.parse(page.kind) or classify(signals, url)  # the spider's head verdict, if any
    verdict = decide(page_features(tree, url, signals))  # before pruning: the layout as a reader sees it
    if (said := error_page(signals)) is not None:  # a soft 404: its own words say it, whatever its layout
        verdict = Verdict(Kind.ERROR_PAGE, said)
    elif (said := site_page(signals, url)) is not None:  # a privacy policy printed like a post
        verdict = Verdict(Kind.SITE_PAGE, said)
    if verdict.kind is not Kind.ARTICLE:
        return Rejection(
            DropReason.NOT_ARTICLE, f"{verdict.kind} ({verdict.signal}); head: {declared}", verdict=str(verdict)
        )
    figures = read_figures(tree)  # before pruning, which removes caption containers
    empty_style_sheets(tree)
    drop_comments(tree)
    unlink_empty_links(tree)
    unwrap_linked_prose(tree)
    undated = whole_page_date(tree, url, len(page.body)) if not has_date_signals(signals) else no_date
    header = read_header(tree, signals.html_lang, url)  # the date and byline by the headline, before pruning too
    shown = header.dates
    language = language_code(signals.html_lang, url)  # the date scanner's, for a date beside the byline
    signals.header_byline = header.byline(language)
    if (item := declared_item(signals)) is not None:  # a product's, a job's page: its headline names the item
        return Rejection(DropReason.NOT_ARTICLE, f"{item.kind} ({item.signal}); head: {declared}", verdict=str(item))
    unwrap_layout_tables(tree)  # a page laid out in a table is read as its blocks (its header read as it was)
    names = prune_and_name(tree)[1] if options.prune else None  # the attribute values, as they were before
    if options.prune:
        drop_signup_boxes(tree)
        drop_link_cells(tree)
    wrap_loose_text(tree)  # prose between blocks outside any paragraph, as a browser shows it
    wrap_bare_body(tree)  # a story straight in <body> (a print version) read as in a container
    reveal_collapsed(tree)  # after pruning: what is still marked hidden there may be the story's
    join_split_body(tree)  # a body printed in parts (a fact box between them) read whole
    keep_story_markup(tree)  # a post's wrapper named like comments, a quote's figure: trafilatura removes them
    recalled: list[tuple[_Element, str]] = []  # a recall run's result, if the default run's escalation found it
    reuse = Reuse(tree, names=names)  # what the page's trafilatura runs share (the tree is not written to between them)
    joined = Joiners.of(decoded.text)
    run = partial(_run_trafilatura, tree, url, options, recalled=recalled, reuse=reuse, joiners=joined)
    recall = partial(run, favor_recall=True)  # the recall run, should the default run's text look short
    document = run()
    if document is None or document.body is None:  # the default settings found no container: ask for recall
        document = recall()
    if document is None or document.body is None:
        return Rejection(DropReason.NO_TEXT, "trafilatura found no main text")
    fallback = _fallback(tree, url, page)
    lines = "\n".join(header.lines)
    read = Read(page, url, figures, signals, verdict, fallback, undated, shown or [], lines, tuple(header.above))
    return build_article(read, document, recall, options, tree)


# Held while trafilatura's globals are swapped: ``scraper.api.extract`` may be called from threads.
_TRAFILATURA = threading.Lock()


@cache
def _lean_supported() -> bool:
    """trafilatura still has the internals :func:`_lean` swaps and calls (checked once a process).

    ``trafilatura_sequence`` is not a stable API: under a trafilatura that reshaped it or the
    swapped globals, or where the lean call and ``bare_extraction`` read a probe page apart,
    every page takes the public ``bare_extraction`` (same text, no savings), with a warning.
    """
    from trafilatura import bare_extraction, core, external
    from trafilatura.settings import Document, Extractor

    try:  # whatever breaks here, the internals are not those this code knows
        with _TRAFILATURA:  # another thread's lean call shows its stand-ins in place of the originals
            supported = knows(core, external)
        how = {"output_format": "python", "comments": False, "links": True, "with_metadata": False}
        settings, recall = Extractor(**how), Extractor(**how, recall=True)  # type: ignore[arg-type]
        for probe in PROBES if supported else ():  # the second escalates: its recall retry is checked too
            body, _, retry = _lean_call(lxml_html.document_fromstring(probe), "", settings)
            with _TRAFILATURA:  # not while another thread has the globals swapped
                public = bare_extraction(lxml_html.document_fromstring(probe), options=settings)
                again = bare_extraction(lxml_html.document_fromstring(probe), options=recall) if retry else public
            pairs = ((public, body), (again, retry[0] if retry else body))
            same = [isinstance(d, Document) and etree.tostring(d.body) == etree.tostring(m) for d, m in pairs]
            supported = supported and all(same)
    except Exception:
        supported = False
    if not supported:
        logger.warning("trafilatura's internals differ from those the lean call knows: bare_extraction is used")
    return supported


def _lean_call(
    tree: lxml_html.HtmlElement, url: str, settings: Extractor, reuse: Reuse | None = None
) -> tuple[_Element, str, tuple[_Element, str] | None]:
    """trafilatura's cascade on ``tree`` minus the steps :func:`_lean` skips: its body and text.

    Then what a recall run of ``tree`` would return, when this (balanced) run's escalation found
    it (:class:`~scraper.extraction.lean.Cascade`); else None. ``reuse`` carries what an earlier
    call on the same unchanged ``tree`` found (:class:`~scraper.extraction.lean.Reuse`).
    """
    from trafilatura import core, external

    balanced, reused = settings.focus == "balanced", (reuse or Reuse()).for_page(tree)
    prunes, cascade = raw_prunes(tree, reused.names), Cascade.of(core, external, keep_retry=balanced, reuse=reused)
    with _TRAFILATURA, _lean(prunes, cascade):
        body, text, _, _ = core.trafilatura_sequence(tree if prunes.idle else copy(tree), settings, url or None)
    retry = cascade.retry  # a recall run would go on to its baseline rescue with a text under min_extracted_size
    return body, text, retry if retry is not None and len(retry[1]) >= settings.min_extracted_size else None


@contextmanager
def _lean(prunes: RawPrunes, cascade: Cascade) -> Iterator[None]:
    """trafilatura, minus the steps :mod:`lean` knows it would discard, for one call.

    Its module globals are swapped for the call and put back after it, under a lock (threads
    calling ``scraper.api.extract`` wait their turn): the raw-tree prunes that cannot match
    become empty lists, and the steps of ``cascade`` stand in for its extraction-and-comparison,
    baseline rescue and escalation gate's page text; basic cleaning's XPath is :class:`BasicClean`;
    justext's paragraph is :class:`~scraper.extraction.jtparagraph.LeanParagraph`. The recall
    escalation takes only a candidate that tells the text the run holds (:func:`escalation.gated`).
    """
    from trafilatura import core

    from scraper.extraction.jtparagraph import LeanParagraph, supported

    steps = vars(core)
    needed = (prunes.scroll, prunes.comments)
    lean = {name: steps[name] if need else [] for name, need in zip(RAW_PRUNES, needed, strict=True)}
    stand_ins: dict[str, Callable[..., Any]] = {"_prepare_tree": cascade.prepare, "baseline": cascade.rescue}
    stand_ins["_extract_and_compare"] = cascade.extract_and_compare
    clean = _basic_clean()
    justext = importlib.import_module("justext.core")  # its paragraphs without their unread XPath
    with (
        swapped(core, {**lean, **gated(steps, stand_ins), "html2txt": cascade.page_text}),
        swapped(_baseline_module(), {"BASIC_CLEAN_XPATH": clean} if clean is not None else {}),
        swapped(justext, {"Paragraph": LeanParagraph} if supported() else {}),
    ):
        yield


@cache
def _basic_clean() -> BasicClean | None:
    """The stand-in for trafilatura's basic cleaning XPath; None under a trafilatura whose XPath differs."""
    return BasicClean.of(vars(_baseline_module()).get("BASIC_CLEAN_XPATH"))


def _baseline_module() -> object:
    """trafilatura's ``baseline`` module (``trafilatura.baseline`` names its function of that name)."""
    return importlib.import_module("trafilatura.baseline")


def _run_trafilatura(
    tree: lxml_html.HtmlElement,
    url: str,
    options: ExtractionOptions,
    favor_recall: bool = False,
    recalled: list[tuple[_Element, str]] | None = None,
    reuse: Reuse | None = None,
    joiners: Joiners = NO_JOINERS,
) -> Document | None:
    """trafilatura's main text of ``tree`` (``bare_extraction`` without metadata), ``tree`` unchanged.

    What ``bare_extraction`` does, minus work whose result is known (see :mod:`lean`): when
    neither raw-tree prune can match, they are not run and the tree is not copied. The text of
    ``document.text`` is not rendered: only the body is read. ``recalled`` (one list a page)
    carries a recall run's result from the default run that found it to the recall run,
    ``reuse`` (one a page) what readability found in an earlier run and ``joiners`` the page's
    zero-width joiners, which trafilatura would drop (:mod:`~scraper.extraction.joiners`).
    """
    # Imported here, in the worker: the crawl process imports this module and must not pay trafilatura's start-up.
    from trafilatura import bare_extraction
    from trafilatura.settings import Document, Extractor

    settings = Extractor(
        output_format="python",
        comments=False,
        links=True,
        tables=options.include_tables,
        recall=favor_recall,
        url=url,
        with_metadata=False,  # our signals state the metadata; trafilatura's is read only for gaps
    )
    try:
        if favor_recall and recalled:
            body, text = recalled.pop()  # once: its body becomes the document's
        elif not _lean_supported():
            with joiners.kept(tree):
                result = bare_extraction(tree, url=url, options=settings)
            return joiners.restored(result) if isinstance(result, Document) else None
        else:
            with joiners.kept(tree):
                body, text, retry = _lean_call(tree, url, settings, reuse)
            if recalled is not None and retry is not None:
                recalled.append(retry)
    except (etree.LxmlError, ValueError, TypeError, RecursionError) as exc:
        logger.warning("trafilatura failed on %s: %s; the page is dropped", url, exc)
        return None
    if len(text) < settings.min_output_size:  # bare_extraction's size check (no comments are asked for)
        return None
    joiners.restore(body)
    document = Document()
    document.body = body
    return document


def _fallback(tree: lxml_html.HtmlElement, url: str, page: Page) -> Fallback:
    """trafilatura's metadata of the pruned page, strings only, read on first use.

    Main text is extracted without metadata: most pages state every field in markup our own
    signals read, and trafilatura's metadata pass (regexes over the JSON-LD, htmldate, byline
    and tag scans) was a third of its time. It runs here, on the tree trafilatura was given
    (``bare_extraction`` works on a copy), only when a field's own sources are empty.
    """

    def text(value: object) -> str | None:
        return value if isinstance(value, str) and value.strip() else None

    def texts(values: object) -> list[str]:
        return [v for v in values if text(v)] if isinstance(values, list) else []

    metadata: list[Document] = []
    dating: list[tuple[lxml_html.HtmlElement, dict[str, Any]]] = []  # htmldate's call, as the metadata pass made it
    bylines: list[lxml_html.HtmlElement] = []  # the byline scan's tree, when the meta and JSON-LD name nobody

    def read(name: str) -> object:
        import trafilatura
        from htmldate import find_date
        from trafilatura.metadata import extract_author, extract_catstags
        from trafilatura.settings import Document, Extractor

        if name in ("categories", "tags"):  # with no meta or JSON-LD for them, trafilatura scans links
            found = may_list(tree, name) and extract_catstags("category" if name == "categories" else "tag", tree)
            return texts(found or [])
        if not metadata:
            stubs: dict[str, object] = {
                "find_date": lambda tree, **config: dating.append((tree, config)),  # None: run on first use
                "extract_author": bylines.append,  # None: run on first use (it copies the tree: 9 ms a page)
                # Read by nobody: categories and tags are read on their own (above), the hostname and the
                # license are no fields of ours. Their link and class scans were a fifth of the pass's time.
                "extract_catstags": lambda *args, **kwargs: [],
                "extract_license": lambda *args, **kwargs: None,
                "extract_domain": lambda *args, **kwargs: None,
            }
            try:
                module = importlib.import_module("trafilatura.metadata")
                lean = {name: stub for name, stub in stubs.items() if callable(getattr(module, name, None))}
                with _TRAFILATURA, swapped(module, lean):
                    pass_ = trafilatura.extract_metadata(tree, url or None, Extractor(url=url or None).date_params)
                metadata.append(pass_)
            except (etree.LxmlError, ValueError, TypeError, RecursionError) as exc:
                logger.warning("trafilatura's metadata failed on %s: %s; markup signals only", url, exc)
                metadata.append(Document())
                dating.clear()  # a failed pass gives no date either, as it did with htmldate inside it
                bylines.clear()
        if name == "date" and dating:
            dated, config = dating.pop()
            metadata[0].date = _deferred("date", lambda: find_date(dated, **config), url)
        if name == "author" and bylines:
            metadata[0].author = _deferred("author", partial(extract_author, bylines.pop()), url)
        hint = {"title": "title", "date": "published"}.get(name)  # what a feed or sitemap said
        return text(getattr(metadata[0], name, None)) or (page.hints.get(hint) if hint else None)

    return Fallback(read)


def _deferred(field: str, run: Callable[[], object], url: str) -> str | None:
    """A field trafilatura's metadata pass leaves to its first read, set as the pass would have set it.

    The pass's date search (htmldate: up to half a second on a large page) and byline scan (a copy
    of the tree, pruned, then XPaths) feed one field each and nothing else it reads: they are left
    out of the pass and run here, with the pass's own arguments, only when that field is read (most
    pages read the pass for another field, the site's name or a description). Trimmed as the pass
    trims its fields; a failure costs this field only.
    """
    from trafilatura.settings import Document

    try:
        found = Document()
        setattr(found, field, run())
        found.clean_and_trim()
    except (etree.LxmlError, ValueError, TypeError, RecursionError) as exc:
        logger.warning("trafilatura's deferred %s search failed on %s: %s; none from it", field, url, exc)
        return None
    value = getattr(found, field)
    return value if isinstance(value, str) else None
