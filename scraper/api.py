"""Extraction from Python: ``from scraper import extract``, the same path a crawled page takes.

A crawl hands the extraction stage a :class:`~scraper.items.Page` built from a response;
:func:`extract` builds the same ``Page`` from HTML you already have, runs the same extraction
and cleaning, then checks the same record contract as the crawl's validation stage, so a page
gives the same record (or the same drop reason) whichever way it came in::

    from scraper import extract

    result = extract(html, url="https://news.example/2026/11/story.html")
    if isinstance(result, Article):
        print(result.title, result.to_dict()["published"])
    else:                           # a Rejection
        print(result.reason, result.detail)

Options are the extraction settings by field name (``min_words``, ``max_bytes``,
``include_tables``, ``keep_paywalled``); defaults are the crawl's (``scraper/settings.py``).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from scraper.extraction.article import extract_article
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.signals import head_signals_of
from scraper.items import Article, DropReason, Page, Rejection
from scraper.urls import absolute_url, source_name
from scraper.validation import RecordRules


def extract(html: str | bytes, url: str | None = None, **options: Any) -> Article | Rejection:
    """One HTML page to a clean :class:`Article`, or a :class:`Rejection` saying why not.

    ``url`` is where the page lives (relative links, images and the site depend on it); without
    it the page's own canonical link or ``og:url`` is used. Never raises for bad input: a page
    with no URL at all is rejected as ``bad_url``. Unknown options raise ``TypeError``.
    """
    names = {f.name for f in dataclasses.fields(ExtractionOptions)}
    unknown = sorted(set(options) - names)
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(names))}")
    extraction = ExtractionOptions(**options)
    body = html.encode("utf-8") if isinstance(html, str) else bytes(html)
    encoding = "utf-8" if isinstance(html, str) else None
    page_url = url or declared_url(body, encoding)
    if not page_url:
        return Rejection(DropReason.BAD_URL, "no url given and the page declares none (pass url=...)")
    result = extract_article(page_from_html(body, page_url, encoding=encoding), extraction)
    if isinstance(result, Article):
        problem = RecordRules(min_words=extraction.min_words).problem(result)
        if problem is not None:
            return Rejection(*problem)
    return result


def page_from_html(
    body: bytes,
    url: str,
    *,
    encoding: str | None = None,
    source: str | None = None,
    fetched_at: str | None = None,
    discovered_via: str = "api",
) -> Page:
    """A ``Page`` as a spider would yield it, for HTML that did not come from a crawl."""
    return Page(
        url=url,
        final_url=url,
        status=200,
        body=body,
        encoding=encoding,
        content_type="text/html",
        fetched_at=fetched_at or datetime.now(UTC).isoformat(timespec="seconds"),
        source=source or source_name(url) or "unknown",
        discovered_via=discovered_via,
    )


def declared_url(body: bytes, encoding: str | None = None) -> str | None:
    """The page's own absolute http(s) URL: ``<link rel=canonical>``, else ``og:url``; None if neither."""
    signals = head_signals_of(body, encoding)
    if signals is None:
        return None
    for raw in (signals.canonical, signals.first_meta("og:url")):
        found = absolute_url("", raw) if raw else None
        if found and found.startswith(("http://", "https://")):
            return found
    return None
