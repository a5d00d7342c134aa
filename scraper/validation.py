"""The record contract, in one place: what every emitted article must satisfy.

Used by the crawl's validation stage and by ``scraper extract``, so a page gives the same record
(or the same drop reason) whichever way it came in. Downstream tools rely on it regardless of how
a record was made: a headline (not just the site's name), enough words, a sane publication date (not in the future, not
before 1990, not before the run's date window) and absolute URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from scraper.dates import parse_date
from scraper.items import Article, DropReason
from scraper.text import normalise


@dataclass(slots=True, frozen=True)
class RecordRules:
    """The limits a record is checked against."""

    min_words: int = 50
    max_future: timedelta = timedelta(days=2)  # clocks and time zones differ; beyond this is wrong
    since: datetime | None = None  # the start of the run's date window (-a since / -a days)

    def problem(self, article: Article) -> tuple[DropReason, str] | None:
        """The first broken rule, or None when the record is fine."""
        if not article.title.strip():
            return DropReason.MISSING_TITLE, "no headline"
        if article.site_name and normalise(article.title) == normalise(article.site_name):
            return DropReason.MISSING_TITLE, f"the title is the site's name: {article.title}"
        if article.word_count < self.min_words:
            return DropReason.TEXT_TOO_SHORT, f"{article.word_count} words < {self.min_words}"
        if not article.url.startswith(("http://", "https://", "file://")):
            return DropReason.EXTRACTION_FAILED, f"not an absolute URL: {article.url}"
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
