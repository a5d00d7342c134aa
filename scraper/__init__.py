"""News scraper: Scrapy spiders, trafilatura extraction and our own cleaning, to JSON Lines.

``from scraper import extract`` is the Python API (:func:`scraper.api.extract`). It is imported
on first use, so importing the settings or the spider side of the package never loads
trafilatura.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scraper.api import extract

__all__ = ["extract"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from scraper.api import extract

        return extract
    raise AttributeError(f"module 'scraper' has no attribute {name!r}")
