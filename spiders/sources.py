"""The sources a crawl starts from: spider arguments or a ``sources.toml`` file.

A source is data (name, start URLs, feeds, sitemaps, allowed domains, limits), never code:
adding a site is editing a file. Bad files fail fast with a message naming the file, the
source and the field.

``sources.toml``::

    [[source]]
    name = "Example News"            # recorded as each article's `source`
    urls = ["https://news.example/"] # home/section pages: robots.txt sitemaps, feeds, links
    feeds = ["https://news.example/rss.xml"]         # optional
    sitemaps = ["https://news.example/sitemap.xml"]  # optional
    allowed_domains = ["news.example"]  # optional; default: the domains of the URLs above
    max_articles = 100                  # optional; 0 = no limit
    follow_links = true                 # optional; follow home/section page links
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scraper.config import ConfigError
from scraper.dates import parse_aware
from scraper.urls import SiteKey, host_of, port_of, site_key


@dataclass(slots=True)
class Source:
    """One site (or set of feeds) to crawl."""

    name: str
    urls: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    allowed_domains: list[str] = field(default_factory=list)
    max_articles: int = 0
    follow_links: bool = True

    def crawls_whole_site(self) -> bool:
        """Whether one of the start URLs is a home page (not a section), so the site's pages are in scope.

        Then a page the site's sitemap or feed lists is one of its pages like one linked from the
        home page, and is read for links the same way: which of the two finds it first must not
        decide whether the stories it lists are reached.
        """
        return self.follow_links and any(section_of(url) is None for url in self.urls)

    def summary(self) -> dict[str, Any]:
        """What the run summary says about this source."""
        return {"name": self.name, "urls": self.urls, "feeds": self.feeds, "sitemaps": self.sitemaps}

    def domains(self) -> frozenset[str]:
        """The allowed domains as written, or the registered domains of every start URL (no ports).

        For Scrapy's ``allowed_domains``, which knows no ports; what the spider may request is
        :meth:`allows`.
        """
        return frozenset(domain for domain, _ in self.sites())

    def sites(self) -> frozenset[SiteKey]:
        """The sites this source may crawl: ``(domain, non-default port)`` pairs.

        From ``allowed_domains`` when given, with Scrapy's meaning (that host and its
        subdomains: ``edition.cnn.com`` does not open all of ``cnn.com``; a leading ``www.`` is
        dropped; an entry may name a port, ``"127.0.0.1:8080"``), else the registered domain of
        every start, feed and sitemap URL. A site is its origin: another port of the same host is another site.
        """
        return _sites(tuple(self.allowed_domains), (*self.urls, *self.feeds, *self.sitemaps))

    def allows(self, url: str) -> bool:
        """Whether ``url`` is on one of this source's sites (subdomains yes, other ports no)."""
        host, port = host_of(url).rstrip("."), port_of(url)
        return bool(host) and any(
            port == site_port and (host == domain or host.endswith("." + domain)) for domain, site_port in self.sites()
        )


_DEFAULT_PORTS = frozenset({80, 443})


@lru_cache(maxsize=256)
def _sites(allowed_domains: tuple[str, ...], urls: tuple[str, ...]) -> frozenset[SiteKey]:
    """:meth:`Source.sites`, computed once per source (it is asked for every link)."""
    if allowed_domains:
        return frozenset(_allowed_site(d) for d in allowed_domains if d.strip())
    return frozenset(key for u in urls if (key := site_key(u))[0])


def _allowed_site(entry: str) -> SiteKey:
    """``"news.example"`` -> ("news.example", None); ``"127.0.0.1:8080"`` -> ("127.0.0.1", 8080)."""
    value = entry.strip().lower().rstrip(".").removeprefix("www.")  # www. restricts nothing anyone means
    host, separator, port = value.rpartition(":")
    if separator and port.isdigit() and (":" not in host or host.endswith("]")):
        return host, None if int(port) in _DEFAULT_PORTS else int(port)
    return value, None


def split_arg(value: str | list[str] | None) -> list[str]:
    """A spider argument that may repeat or be comma-separated, as a list."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def source_from_args(url: str | None, feed: str | None, sitemap: str | None) -> Source | None:
    """The one source given with ``-a url=``, ``-a feed=`` and ``-a sitemap=``, if any."""
    urls, feeds, sitemaps = split_arg(url), split_arg(feed), split_arg(sitemap)
    if not (urls or feeds or sitemaps):
        return None
    for value in [*urls, *feeds, *sitemaps]:
        if urlsplit(value).scheme not in ("http", "https"):
            raise ConfigError(f"not an http(s) URL: {value!r} (spider arguments url, feed, sitemap)")
    first = (urls or feeds or sitemaps)[0]
    name = (urlsplit(first).hostname or first).removeprefix("www.")
    return Source(name=name, urls=urls, feeds=feeds, sitemaps=sitemaps)


def load_sources(path: Path) -> list[Source]:
    """Read a sources file; raises ValueError naming what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read sources file {path}: {exc}") from exc
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: no [[source]] tables")
    return [_source(entry, path, i) for i, entry in enumerate(entries, 1)]


def _source(entry: Any, path: Path, number: int) -> Source:
    where = f"{path}, source #{number}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: not a table")
    known = {"name", "urls", "url", "feeds", "sitemaps", "allowed_domains", "max_articles", "follow_links"}
    unknown = set(entry) - known
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(known)}")
    lists = {key: _str_list(entry.get(key, []), where, key) for key in ("urls", "feeds", "sitemaps", "allowed_domains")}
    if "url" in entry:
        lists["urls"].insert(0, str(entry["url"]))
    if not (lists["urls"] or lists["feeds"] or lists["sitemaps"]):
        raise ConfigError(f"{where}: needs at least one of urls, feeds, sitemaps")
    for value in lists["urls"] + lists["feeds"] + lists["sitemaps"]:
        if urlsplit(value).scheme not in ("http", "https"):
            raise ConfigError(f"{where}: not an http(s) URL: {value!r}")
    max_articles = entry.get("max_articles", 0)
    if not isinstance(max_articles, int) or max_articles < 0:
        raise ConfigError(f"{where}: max_articles must be an integer >= 0")
    first = (lists["urls"] + lists["feeds"] + lists["sitemaps"])[0]
    name = str(entry.get("name") or (urlsplit(first).hostname or first).removeprefix("www."))
    return Source(name=name, max_articles=max_articles, follow_links=bool(entry.get("follow_links", True)), **lists)


def _str_list(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return list(value)


def non_negative_int(value: str | int, name: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"-a {name} must be an integer >= 0, got {value!r}") from None
    if number < 0:
        raise ConfigError(f"-a {name} must be an integer >= 0, got {value!r}")
    return number


def date_window(since: str | None, days: str | int | None) -> datetime | None:
    """The start of the date window from ``-a since=YYYY-MM-DD`` or ``-a days=N`` (UTC)."""
    if since is not None and days is not None:
        raise ConfigError("give -a since=YYYY-MM-DD or -a days=N, not both")
    if days is not None:
        return datetime.now(UTC) - timedelta(days=non_negative_int(days, "days"))
    if since is None:
        return None
    when = parse_aware(since)
    if when is None:
        raise ConfigError(f"-a since must be an ISO 8601 date such as 2025-11-01, got {since!r}")
    return when


_HOME_PATH = re.compile(r"^/(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:(?:index|default|home)(?:\.\w{2,5})?)?$", re.IGNORECASE)


def section_of(url: str) -> str | None:
    """The path a start URL stands for when it is a section (``/sport/``), None for a home page.

    Started from a section, a crawl takes that section: its pages, their pagination and
    subsections (links are followed only from pages under this path) and the articles they link
    to, plus the feeds the section advertises under its path, but not the whole site's sitemaps.
    ``/``, ``/index.html``, ``/home`` and a language's root (``/en/``, ``/pt-br/``) are home pages.
    """
    path = urlsplit(url).path or "/"
    return None if _HOME_PATH.match(path) else path


def in_section(url: str, section: str) -> bool:
    """Whether ``url`` is the section's page (with or without its slash, any query) or under it."""
    path = (urlsplit(url).path or "/").rstrip("/")
    root = section.rstrip("/")
    return path == root or path.startswith(root + "/")
