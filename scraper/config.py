"""How components read ``NEWS_*`` settings: one module of defaults, no fallback anywhere else.

Every default is written once, in ``scraper/settings.py``. The crawl reads it through Scrapy;
``scraper extract`` has no crawler, so it loads the same module into a Scrapy ``Settings`` object
(:func:`project_settings`) and puts its command-line options on top. Components call
``settings.getint("NEWS_…")`` without a default of their own: a default written twice is two
defaults, and sooner or later they disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from scrapy.settings import Settings


class ConfigError(ValueError):
    """A wrong argument, setting or sources file: told in one line, exit status 2, no traceback.

    Raised only by our own checks of what the user gave; any other exception at start-up is a
    bug and keeps its traceback (``scraper/commands/crawl.py``).
    """


class SettingsReader(Protocol):
    """The part of Scrapy's ``BaseSettings`` that options objects use (extraction imports no Scrapy)."""

    def get(self, name: str, default: Any = None) -> Any:
        """The raw value."""

    def getint(self, name: str, default: int = 0) -> int:
        """The value as an int."""

    def getfloat(self, name: str, default: float = 0.0) -> float:
        """The value as a float."""

    def getbool(self, name: str, default: bool = False) -> bool:
        """The value as a bool (Scrapy's reading of "0", "False", ...)."""


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """``scraper/settings.py`` as Scrapy loads it for a crawl, with ``overrides`` on top (cmdline priority)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    settings.update(overrides or {}, priority="cmdline")
    return settings
