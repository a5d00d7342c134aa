"""Dates as pages, feeds and the state write them: one parser, one output form.

Sitemaps, feeds, JSON-LD, meta tags, the crawl state and validation all read timestamps; they
share :func:`parse_date` so "2026-11-03T09:00:00+0100" means the same instant to each of them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def parse_date(raw: str | None) -> datetime | None:
    """Parse ISO 8601 (any common variant) or RFC 2822; None when it is neither."""
    if not raw:
        return None
    value = raw.strip()
    if re.fullmatch(r"\d{10}(\d{3})?", value):  # epoch seconds or milliseconds
        return None
    candidate = value.replace("Z", "+00:00") if value.endswith("Z") else value
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def format_date(value: datetime, raw: str) -> str:
    """ISO 8601: a date alone when the page gave only a date, else seconds and offset."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


def as_utc(value: datetime) -> datetime:
    """An aware datetime in UTC; a naive one is taken to be UTC already."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_aware(value: str | None) -> datetime | None:
    """:func:`parse_date`, with a date given without an offset taken to be UTC."""
    if not value:
        return None
    when = parse_date(value)
    if when is None:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
