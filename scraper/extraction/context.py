"""What a cleaning rule knows about the page besides its blocks, and the shape of a rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from scraper.extraction.blocks import Block


@dataclass(slots=True)
class CleaningContext:
    """What the rules need to know about the page besides the blocks."""

    title: str = ""
    headlines: list[str] = field(default_factory=list)  # other headline forms (<h1>, og:title)
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # figcaption/alt/caption-class text
    # Captions printed with the picture's credit: a heading that repeats one whole is a caption in a heading's type.
    credited_captions: list[str] = field(default_factory=list)
    teasers: list[str] = field(default_factory=list)  # text of teaser cards (links to articles)
    site_name: str | None = None
    above: list[str] = field(default_factory=list)  # the short lines printed just above the headline (a kicker)
    headless: bool = False  # no <h1>: the text may start at the top of the page, its masthead's lines first
    language: str = ""  # the date scanner's language (dateline.language_code): a date line in the page's words
    removed_captions: list[str] = field(default_factory=list)  # filled by the rules


Rule = Callable[[list[Block], CleaningContext], list[Block]]
