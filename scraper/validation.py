"""The record contract, in one place: what every emitted article must satisfy.

Used by the crawl's validation stage and by ``scraper extract``, so a page gives the same record
(or the same drop reason) whichever way it came in. Downstream tools rely on it regardless of how
a record was made: a headline (not just the site's name), enough words, a sane publication date (not in the future, not
before 1990, not before the run's date window) and absolute URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from scraper import settings as defaults
from scraper.config import ConfigError
from scraper.dates import parse_aware, parse_date
from scraper.items import Article, DropReason
from scraper.text import normalise

if TYPE_CHECKING:
    from scraper.config import SettingsReader


@dataclass(slots=True, frozen=True)
class RecordRules:
    """The limits a record is checked against."""

    min_words: int = defaults.NEWS_EXTRACT_MIN_WORDS
    max_future: timedelta = timedelta(days=defaults.NEWS_VALIDATE_MAX_FUTURE_DAYS)  # clocks and zones differ
    since: datetime | None = None  # the start of the run's date window (-a since / -a days)

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> RecordRules:
        """The rules of a crawl or of ``scraper extract``, from the same settings."""
        days = settings.getint("NEWS_VALIDATE_MAX_FUTURE_DAYS")
        if days < 0:
            raise ConfigError(f"NEWS_VALIDATE_MAX_FUTURE_DAYS must be >= 0, got {days}")
        since_raw = settings.get("NEWS_SINCE") or None
        since = parse_aware(since_raw) if since_raw else None
        if since_raw and since is None:
            raise ConfigError(f"NEWS_SINCE must be an ISO 8601 date, got {since_raw!r}")
        return cls(settings.getint("NEWS_EXTRACT_MIN_WORDS"), timedelta(days=days), since)

    def problem(self, article: Article) -> tuple[DropReason, str] | None:
        """The first broken rule, or None when the record is fine."""
        if not article.title.strip():
            return DropReason.MISSING_TITLE, "no headline"
        if article.site_name and normalise(article.title) == normalise(article.site_name):
            return DropReason.MISSING_TITLE, f"the title is the site's name: {article.title}"
        if article.word_count < self.min_words:
            return DropReason.TEXT_TOO_SHORT, f"{article.word_count} words < {self.min_words}"
        if not article.url.startswith(("http://", "https://", "file://")):
            return DropReason.BAD_URL, f"not an absolute URL: {article.url!r}"
        published = parse_date(article.published)
        if published is not None:
            aware = published if published.tzinfo else published.replace(tzinfo=UTC)
            if aware > datetime.now(UTC) + self.max_future:
                return DropReason.BAD_DATE, f"published {article.published} is in the future"
            if aware.year < 1990:
                return DropReason.BAD_DATE, f"published {article.published} is before 1990"
            if self.since is not None and aware < self.since:
                return DropReason.OUTSIDE_DATE_WINDOW, f"published {article.published} before {self.since:%Y-%m-%d}"
        return None
