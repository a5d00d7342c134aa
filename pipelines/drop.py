"""The one way a stage drops an item: count it under its reason, then raise ``DropItem``.

Every drop is counted as ``news/drop/<reason>`` (the run summary's ``drops``), so the pages a run
fetched add up to the records it wrote plus its drops; a stage that raised ``DropItem`` without
counting would break that sum.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from scrapy.exceptions import DropItem

if TYPE_CHECKING:
    from scrapy.statscollectors import StatsCollector

    from scraper.items import DropReason


def drop(stats: StatsCollector, reason: DropReason, detail: str) -> NoReturn:
    """Count the drop and raise ``DropItem`` with the reason first in its message."""
    stats.inc_value(f"news/drop/{reason}")
    raise DropItem(f"{reason}: {detail}")
