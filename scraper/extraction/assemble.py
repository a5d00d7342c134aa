"""A clean :class:`~scraper.items.Article` from trafilatura's text and what was read of the page.

The last step of :mod:`scraper.extraction.article`, apart from it so that the path from the
raw page to trafilatura's text (the part that knows trafilatura) stays in one module and this
part (cleaning, the recall check, picking each field, the word bounds) in another that never
imports it: it gets the text runs as objects with a ``body`` and the recall run as a callable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from lxml.html import HtmlElement

from scraper import neardup
from scraper.extraction.blocks import (
    Block,
    blocks_to_text,
    body_blocks,
    body_of,
    normalised_text,
    only_links,
    text_words,
    with_lead,
)
from scraper.extraction.bodyshape import figures_only
from scraper.extraction.boilerplate import is_credit_line
from scraper.extraction.cellcaptions import cell_captions
from scraper.extraction.cleaning import clean_blocks
from scraper.extraction.context import CleaningContext
from scraper.extraction.dateline import Shown, language_code
from scraper.extraction.errorpage import TITLE_PARTS
from scraper.extraction.fields import (
    Fallback,
    is_paywalled,
    pick_canonical,
    pick_description,
    pick_image,
    pick_language,
    pick_section,
    pick_site_name,
    pick_tags,
)
from scraper.extraction.figures import Figure, figure_images
from scraper.extraction.headless import HEADER_LINES, headless_dates, headless_header, sidebar_lines
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.pagekind import Kind, Verdict
from scraper.extraction.people import pick_authors
from scraper.extraction.pubdate import pick_date, pick_fallback_date, pick_published
from scraper.extraction.recall import is_fuller, looks_short, running_words
from scraper.extraction.signals import PageSignals
from scraper.extraction.signoff import story_signoff
from scraper.extraction.subheadings import restore_subheadings
from scraper.extraction.teaserbody import (
    FRONT_TITLE_WORDS,
    TEASER_BODY_CARDS,
    names_its_section,
    signed_in_cards,
    teaser_cards,
)
from scraper.extraction.title import pick_title
from scraper.items import Article, DropReason, Page, Rejection
from scraper.markdown import render_markdown
from scraper.text import count_words, normalise, normalised_hash


class Extracted(Protocol):
    """A trafilatura run's result, as far as this module reads it (its main-text element)."""

    @property
    def body(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Read:
    """What was read of the page before trafilatura ran (the signals, figures, verdict and dates)."""

    page: Page
    url: str
    figures: list[Figure]
    signals: PageSignals
    verdict: Verdict
    fallback: Fallback  # trafilatura's metadata, run only for a field the markup leaves empty
    undated: Callable[[], str | None]  # htmldate's guess on the whole page (run when called), without markup dates
    shown: list[Shown]  # the dates printed by the headline
    header: str = ""  # the lines printed under the headline (a span of time there, "June 3 – June 9, 2026")
    above: tuple[str, ...] = ()  # the short lines printed just above the headline (a kicker, a date)


# Under this many words of text, in blocks of fewer than ``ITEM_WORDS`` on average, a page the model finds likelier
# another kind than an article is that kind, though its P(article) is over the threshold: the threshold is set
# low to keep the articles of long pages, whose text holds evidence either way; a page of a few short items
# with a likelier kind is a TV schedule, a stock's figures, an index of death notices (unseen-page probes:
# 6 words a block). A short story over a rail of big teasers has a listing likelier too, and its text is three
# paragraphs of 25 words: it stays. Over both shared corpora no article is caught (the shortest with a likelier
# kind has 149 words; the briefs of 60-100 words have a P(article) of 0.8 and more).
SHORT_PAGE_WORDS = 100
ITEM_WORDS = 8  # words a block, on average: a schedule's or an index's items (6), not a police log's (10, review)


def _a_part_of(headline: str, title: str) -> bool:
    """The headline is the ``<title>``'s longest part, the site's name another ("The Daily Ledger - Headline"); not
    a section's name over the byline ("Around The County | Grain elevator fire declared out", review)."""
    parts = sorted(TITLE_PARTS.split(title), key=count_words)
    return len(parts) > 1 and normalise(headline) == normalise(parts[-1])


def _over_byline(raw: list[str], byline: str, title: str) -> bool:
    """The title is the line over the byline's in trafilatura's text before cleaning."""
    lines, wanted, below = [normalise(line) for line in raw], normalise(title), normalise(byline)
    return bool(wanted) and any(lines[i - 1] == wanted for i, line in enumerate(lines) if i and line == below)


def build_article(
    read: Read,
    document: Extracted,
    recall: Callable[[], Extracted | None],
    options: ExtractionOptions,
    tree: HtmlElement,
) -> Article | Rejection:
    """Clean trafilatura's text (or the recall run's, when it is fuller), pick the fields, check the bounds."""
    page, url, figures, signals, verdict, fallback, undated, shown = (
        read.page, read.url, read.figures, read.signals, read.verdict, read.fallback, read.undated, read.shown
    )  # fmt: skip
    site_name = pick_site_name(signals, fallback)
    title = pick_title(signals, site_name, fallback, url) or ""
    signals.signoff = story_signoff(signals.signoffs, document.body)
    authors = pick_authors(signals, site_name, fallback, url)
    captions = list(signals.captions)
    captions += [text for f in figures for text in (f.caption, f.credit) if text]
    captions += [alt for _, alt in signals.images if alt] + cell_captions(tree)
    headlines = [*signals.h1, *signals.all_meta("og:title", "twitter:title")]

    def clean(document: Extracted) -> tuple[list[Block], CleaningContext]:
        ctx = CleaningContext(
            title=title,
            headlines=headlines,
            authors=authors,
            captions=captions,
            credited_captions=[f.caption for f in figures if f.caption and f.credit and is_credit_line(f.credit)],
            teasers=signals.teasers,
            site_name=site_name,
            above=list(read.above),
            headless=not signals.h1,
            language=language_code(signals.html_lang, url),
        )
        restore_subheadings(document.body, tree)  # those trafilatura's paragraph gathering leaves out
        return clean_blocks(with_lead(body_blocks(document.body, url), signals.lead), ctx), ctx

    blocks, ctx = clean(document)
    # No headline element to read a byline under (a page laid out before CSS: a bold line, then "By Hank
    # Sorensen, Staff Writer"): the cleaned body's first lines stand for the header.
    if (
        not authors
        and not signals.h1
        and signals.header_byline is None
        and (raw := [block.text for block in body_blocks(document.body, url)])
        and (found := headless_header([block.text for block in blocks[:HEADER_LINES]], raw)) is not None
    ):
        signals.header_byline, headline = found.byline, found.headline
        authors = pick_authors(signals, site_name, fallback, url)
        if retitled := _over_byline(raw, blocks[found.line].text, title):
            headline = title  # cleaning took the headline line, the title's: the line above is a sidebar's
        elif headline is not None and (normalise(headline) not in normalise(title) or _a_part_of(headline, title)):
            title = headline  # the <title> is the site's name, or "Site - Headline"
        if not shown:
            above = blocks[found.line - 1].text if found.line else ""
            shown = headless_dates(raw, found, above, language_code(signals.html_lang, url))
        sidebar = sidebar_lines(blocks, found, headline_kept=not retitled)
        if authors or title == headline:
            blocks, ctx = clean(document)  # again, so that the byline and headline lines go
        while blocks and blocks[0].text in sidebar:
            blocks.pop(0)
    text = blocks_to_text(blocks)
    words = text_words(blocks)  # count_words(text)
    too_large = bool(options.max_words and words > options.max_words)  # a recall run could only add to it
    running = running_words(tree)  # one walk, for both the check and the recall run's bound
    if not too_large and looks_short(text, running):  # trafilatura may have kept one part of the story: try recall
        fuller = recall()
        if fuller is not None and fuller.body is not None:
            more, more_ctx = clean(fuller)
            if is_fuller(text, more_text := blocks_to_text(more), running):
                blocks, ctx, text = more, more_ctx, more_text
                words = text_words(blocks)
    if options.max_words and words > options.max_words:  # a dump, not a story: dropped whole, never cut
        return Rejection(DropReason.TOO_LARGE, f"{words} words, over NEWS_EXTRACT_MAX_WORDS={options.max_words}")
    paywalled = is_paywalled(signals)
    if words < options.min_words:  # built like an article, but too little text survived
        if paywalled and words:
            return Rejection(DropReason.PAYWALLED, f"{words} words visible")
        return Rejection(DropReason.NO_TEXT, f"{words} words after cleaning")
    if (rival := verdict.rival) is not None and words < SHORT_PAGE_WORDS and words < ITEM_WORDS * len(blocks):
        short = Verdict(rival, "short_likelier")  # a schedule, a stock's figures, an index of notices
        return Rejection(DropReason.NOT_ARTICLE, f"{short.kind} ({short.signal}: {words} words)", verdict=str(short))
    if not paywalled and not authors and (longest := figures_only(blocks)) is not None:  # a signed text is a story
        no_prose = Verdict(verdict.rival or Kind.UNKNOWN, "no_prose")
        return Rejection(
            DropReason.NOT_ARTICLE, f"{no_prose.kind} ({no_prose.signal}: longest line {longest} words)",
            verdict=str(no_prose),
        )  # fmt: skip
    if (
        count_words(title) <= FRONT_TITLE_WORDS
        and (cards := teaser_cards(tree, url, blocks)) >= TEASER_BODY_CARDS
        and names_its_section(tree, url, title)
        and (not authors or signed_in_cards(tree, url, authors))  # a digest signed by its editor stays
    ):
        teasers = Verdict(Kind.LISTING, "teaser_body")
        return Rejection(
            DropReason.NOT_ARTICLE, f"{teasers.kind} ({teasers.signal}: its text is {cards} cards' teasers)",
            verdict=str(teasers),
        )  # fmt: skip
    if len(blocks) <= 2 and words > 200 and only_links(tree, text):
        # trafilatura's last resort glues a page's text into one block, links and all.
        return Rejection(DropReason.NOT_ARTICLE, f"{verdict.signal}, but its text is all links")
    if paywalled and not options.keep_paywalled:
        return Rejection(DropReason.PAYWALLED, "isAccessibleForFree=false")
    notes: list[str] = []  # counted by the extraction stage
    published, published_raw = pick_published(  # htmldate's guesses (and the feed's hint) without markup dates
        signals,
        shown,
        lambda: pick_fallback_date(fallback.date, undated),
        page.fetched_at,
        notes,
        url=url,
        text=text,
        paragraphs=blocks_to_text([b for b in blocks if b.kind == "p"]),  # a quoted "Published on …" is another's
        header=read.header,
    )
    modified, modified_raw = pick_date(signals, "modified", None)
    image = pick_image(signals, url, fallback)
    body = body_of(blocks)
    return Article(
        url=url,
        canonical_url=pick_canonical(signals, url),
        source=page.source,
        site_name=site_name,
        title=title,
        authors=authors,
        published=published,
        modified=modified,
        published_raw=published_raw if published_raw != published else None,
        modified_raw=modified_raw if modified_raw != modified else None,
        language=pick_language(signals, fallback, text),
        description=pick_description(signals, fallback),
        section=pick_section(signals, fallback),
        tags=pick_tags(signals, fallback),
        image=image,
        images=figure_images(figures, image, ctx.removed_captions, url),
        text=text,
        word_count=words,
        paywalled=paywalled,
        fetched_at=page.fetched_at,
        content_hash=normalised_hash(normalised_text(blocks)),  # content_hash(text), from the blocks' forms
        body=body,
        markdown=render_markdown(title, body) if options.markdown else None,
        fetch=page.fetch,
        signature=neardup.signature(text) if options.sign else None,  # for the crawl's de-duplication stage
        notes=tuple(notes),
    )
