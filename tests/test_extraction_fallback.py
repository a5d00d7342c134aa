"""trafilatura's metadata is read only for the fields a page's own markup leaves empty.

Main text comes from ``bare_extraction(with_metadata=False)``; trafilatura's metadata pass (a
third of its time) runs only when a field has no source of ours. Real trafilatura on real
HTML: the spy below counts calls and passes each one on to trafilatura.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
import trafilatura
import trafilatura.core
from lxml import html as lxml_html

from scraper.extraction.article import extract_article
from scraper.extraction.fields import Fallback
from scraper.extraction.visible import document_elements, read_signals
from scraper.items import Article, Page

BODY = "".join(
    f"<p>The harbour board met on Tuesday to discuss ferry number {n}, which has been late on most "
    "crossings this winter, and agreed to hire two more engineers before the spring timetable.</p>"
    for n in range(8)
)

STATED = f"""<!doctype html><html lang="en"><head>
<title>Ferry delays: the board acts | Harbour Times</title>
<meta property="og:title" content="Ferry delays: the board acts">
<meta property="og:site_name" content="Harbour Times">
<meta property="og:description" content="The harbour board hires two engineers to end the ferry delays.">
<meta property="og:image" content="https://example.org/ferry.jpg">
<meta name="keywords" content="ferries, harbour">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Ferry delays: the board acts", "datePublished": "2025-03-12T09:30:00+01:00",
 "author": {{"@type": "Person", "name": "Jane Roe"}}, "articleSection": "Local"}}</script>
</head><body><article><h1>Ferry delays: the board acts</h1>{BODY}</article></body></html>"""

UNSTATED = f"""<!doctype html><html><head><title>Ferry delays</title></head><body><article>
<h1>Ferry delays: the board acts</h1><p class="meta">Published 12 March 2025</p>{BODY}</article></body></html>"""


def page(html: str) -> Page:
    url = "https://example.org/news/ferry-delays"
    return Page(url=url, final_url=url, status=200, body=html.encode(), encoding="utf-8", content_type="text/html",
                fetched_at="2026-01-01T00:00:00+00:00", source="test", discovered_via="start")  # fmt: skip


@pytest.fixture
def metadata_calls(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """URLs trafilatura's ``extract_metadata`` was called for, by us or by ``bare_extraction`` (the real
    function still runs)."""
    calls: list[str | None] = []
    real: Callable[..., Any] = trafilatura.extract_metadata

    def spy(tree: Any, url: str | None = None, *args: Any, **kwargs: Any) -> Any:
        calls.append(url)
        return real(tree, url, *args, **kwargs)

    monkeypatch.setattr(trafilatura, "extract_metadata", spy)
    monkeypatch.setattr(trafilatura.core, "extract_metadata", spy)  # what bare_extraction(with_metadata=True) calls
    return calls


def test_a_page_that_states_its_metadata_never_runs_trafilaturas(metadata_calls: list[str | None]) -> None:
    article = extract_article(page(STATED))
    assert isinstance(article, Article), article
    assert (article.title, article.authors, article.site_name) == ("Ferry delays: the board acts", ["Jane Roe"],
                                                                   "Harbour Times")  # fmt: skip
    assert article.published == "2025-03-12T09:30:00+01:00"
    assert (article.section, article.language, article.tags) == ("Local", "en", ["ferries", "harbour"])
    assert metadata_calls == []


def test_what_the_markup_leaves_empty_comes_from_trafilatura(metadata_calls: list[str | None]) -> None:
    article = extract_article(page(UNSTATED))
    assert isinstance(article, Article), article
    assert article.published is not None
    assert article.published.startswith("2025-03-12")  # htmldate, from the text
    assert metadata_calls == ["https://example.org/news/ferry-delays"]  # once per page, however many fields


def test_trafilaturas_category_and_tag_scan_runs_only_where_it_can_find_something(
    monkeypatch: pytest.MonkeyPatch, metadata_calls: list[str | None]
) -> None:
    """Its XPaths cost ~1.7 ms a page; a page with no /category/ or /tag/ link (nor section meta) skips them."""
    import trafilatura.metadata

    calls: list[str] = []
    real: Callable[..., Any] = trafilatura.metadata.extract_catstags

    def spy(metatype: str, tree: Any) -> Any:
        calls.append(metatype)
        return real(metatype, tree)

    monkeypatch.setattr(trafilatura.metadata, "extract_catstags", spy)
    unlisted = STATED.replace(', "articleSection": "Local"', "").replace(
        '<meta name="keywords" content="ferries, harbour">', ""
    )
    bare = extract_article(page(unlisted))
    assert isinstance(bare, Article), bare
    assert (bare.section, bare.tags, calls) == (None, [], [])
    listed = unlisted.replace(
        "<article>",
        '<article><div class="entry-meta"><a href="/category/harbour/">Harbour</a> '
        '<a href="/tag/ferries/">ferries</a></div>',
    )
    article = extract_article(page(listed))
    assert isinstance(article, Article), article
    assert (article.section, article.tags, calls) == ("Harbour", ["ferries"], ["category", "tag"])
    subject = unlisted.replace("</head>", '<meta name="dc.subject" content="Harbour news"></head>')
    calls.clear()
    extract_article(page(subject))
    assert calls == ["category"]  # a subject <meta> is what its category fallback reads
    assert metadata_calls == []  # the page states the rest: trafilatura's metadata pass never ran


@pytest.fixture
def htmldate_calls(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """htmldate's ``find_date`` runs, wherever it is called from (the real function still runs)."""
    import htmldate
    import trafilatura.metadata

    calls: list[object] = []
    real: Callable[..., Any] = htmldate.find_date

    def spy(tree: Any, **config: Any) -> Any:
        calls.append(config.get("url"))
        return real(tree, **config)

    monkeypatch.setattr(htmldate, "find_date", spy)
    monkeypatch.setattr(trafilatura.metadata, "find_date", spy)  # the name trafilatura's metadata pass calls
    return calls


def test_htmldate_runs_only_when_the_date_itself_is_read(
    metadata_calls: list[str | None], htmldate_calls: list[object]
) -> None:
    """The metadata pass runs for an author the markup leaves out, but its date search (htmldate, most
    of its time) only where the date is read too: there, with the pass's own arguments."""
    authorless = STATED.replace('"author": {"@type": "Person", "name": "Jane Roe"}, ', "")
    assert "Jane Roe" not in authorless
    article = extract_article(page(authorless))
    assert isinstance(article, Article), article
    assert metadata_calls == ["https://example.org/news/ferry-delays"], "the case reads the metadata pass"
    assert article.published == "2025-03-12T09:30:00+01:00"
    assert htmldate_calls == []
    undated = extract_article(page(UNSTATED))
    assert isinstance(undated, Article), undated
    # One run on a page without date markup: the pass's date is a real one, so the whole page
    # (pubdate.page_date, read only when the pass finds none or a year) is not searched again.
    assert htmldate_calls == ["https://example.org/news/ferry-delays"]
    tree = lxml_html.document_fromstring(UNSTATED)
    expected = trafilatura.extract_metadata(tree, "https://example.org/news/ferry-delays").date
    assert undated.published is not None
    assert expected is not None
    assert undated.published.startswith(expected)


def test_a_metadata_pass_that_fails_after_its_date_search_gives_no_date_either(
    monkeypatch: pytest.MonkeyPatch, htmldate_calls: list[object]
) -> None:
    """The pass records its date search for later; when it then fails (here in its site-name step), the
    page gets no date from it, as when htmldate ran inside the failed pass (found by review)."""
    import trafilatura.metadata

    def broken(tree: Any) -> str:
        raise ValueError("site name")

    monkeypatch.setattr(trafilatura.metadata, "extract_sitename", broken)
    undated = extract_article(page(UNSTATED))
    assert isinstance(undated, Article), undated
    assert htmldate_calls == ["https://example.org/news/ferry-delays"]  # our own guess only, not the pass's


def test_given_values_are_kept_and_a_field_is_loaded_once() -> None:
    loaded: list[str] = []

    def load(name: str) -> object:
        loaded.append(name)
        return f"loaded {name}"

    fallback = Fallback(load, author="Jane Roe")
    assert fallback.author == "Jane Roe"
    assert (fallback.title, fallback.title, fallback.date) == ("loaded title", "loaded title", "loaded date")
    assert loaded == ["title", "date"]
    assert Fallback().title is None
    with pytest.raises(TypeError):
        Fallback(headline="x")


def test_markup_after_a_second_html_element_is_read_too() -> None:
    """libxml2 makes a second ``<html>`` a sibling of the root; bylines and captions in it count."""
    tree = lxml_html.document_fromstring(
        "<html><head><title>t</title></head><body><p>x</p></body></html>\n<html><body>"
        '<div class="story-byline">By Jane Roe</div><figure><figcaption>A ferry.</figcaption></figure></body></html>'
    )
    assert len(list(document_elements(tree))) == len(tree.xpath("//*")) > len(list(tree.iter()))
    signals = read_signals(tree)
    assert "By Jane Roe" in signals.bylines
    assert "A ferry." in signals.captions


def test_the_crawl_process_starts_without_the_extraction_stack() -> None:
    """Spider, pipelines and state load no trafilatura, htmldate, datasketch (scipy) or Redis client.

    Extraction runs in the workers; the Redis client only in a cluster worker.
    """
    code = (
        "import sys, spiders.news, pipelines.extract, pipelines.validate, pipelines.dedup, pipelines.output, "
        "scraper.state.extension\n"
        "heavy = ('trafilatura', 'htmldate', 'justext', 'datasketch', 'scipy', 'redis')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"


def test_the_pass_scans_for_a_byline_only_when_the_author_is_read(
    monkeypatch: pytest.MonkeyPatch, metadata_calls: list[str | None]
) -> None:
    """The pass runs for the first field the markup leaves empty; its byline scan (a copy of the tree
    and XPaths) only if the author is one of them, and its category, tag and license scans never
    (categories and tags are read on their own; the license is no field of ours)."""
    import trafilatura.metadata

    scans: list[str] = []

    def counted(name: str) -> Callable[..., Any]:
        real: Callable[..., Any] = getattr(trafilatura.metadata, name)

        def spy(*args: Any, **kwargs: Any) -> Any:
            scans.append(name)
            return real(*args, **kwargs)

        return spy

    for name in ("extract_author", "extract_license"):
        monkeypatch.setattr(trafilatura.metadata, name, counted(name))
    url = "https://example.org/news/ferry-delays"
    nameless = STATED.replace('<meta property="og:site_name" content="Harbour Times">', "")  # read from the pass
    bylined = nameless.replace('"author": {"@type": "Person", "name": "Jane Roe"}, ', "").replace(
        "</h1>", '</h1><p class="byline">By <a rel="author" href="/staff/jane-roe">Jane Roe</a></p>'
    )
    article = extract_article(page(bylined))
    assert isinstance(article, Article), article
    assert (article.authors, metadata_calls, scans) == (["Jane Roe"], [url], [])
    metadata_calls.clear()
    unsigned = nameless.replace('"author": {"@type": "Person", "name": "Jane Roe"}, ', "")
    article = extract_article(page(unsigned))
    assert isinstance(article, Article), article
    assert (article.authors, metadata_calls, scans) == ([], [url], ["extract_author"])
