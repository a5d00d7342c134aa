"""URL canonicalisation before a request is made, so one article is fetched once.

The same article reaches a crawler under many spellings: tracking parameters (``utm_*``,
``fbclid``, ``gclid``), session ids in the query or the path (``;jsessionid=``), fragments,
upper-case hosts, explicit default ports, and query parameters in another order. These are
removed or normalised here; what cannot be decided from the URL alone (an AMP or print variant,
a trailing slash) is decided after the fetch by the page's ``<link rel="canonical">``.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

if TYPE_CHECKING:
    from tldextract import TLDExtract

# Query parameters that never change what page is served. Entries ending in "*" are prefixes.
DEFAULT_DROP_PARAMS = (
    "utm_*", "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
    "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
    "oly_enc_id", "vero_id", "wickedid", "twclid", "ocid", "cmpid", "at_medium", "at_campaign",
    "sr_share", "ito", "sessionid", "session_id", "phpsessid", "jsessionid",
    "aspsessionid*", "cfid", "cftoken", "__twitter_impression", "smid", "ns_mchannel",
    "ns_campaign", "xtor",
)  # fmt: skip


def absolute_url(base: str, href: str) -> str | None:
    """``href`` resolved against ``base``, or None when urllib cannot read the result.

    Pages carry broken URLs (``http://[::1``, ``https://[x]y/``, a port that is not a number) in
    og:image, canonical links and image sources; urllib raises ``ValueError`` on them, which
    must cost that one field, not the page.
    """
    try:
        url = urljoin(base, href.strip())
        parts = urlsplit(url)
        _ = parts.hostname, parts.port  # both parse the network location and raise on a bad one
    except ValueError:
        return None
    return url


def host_of(url: str) -> str:
    """The URL's lower-case host name, or "" when there is none or it cannot be read."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


@cache
def _public_suffixes() -> TLDExtract:
    """The Public Suffix List snapshot that ships with tldextract: never fetched, no cache files.

    Only for host names :func:`_suffix_start` leaves to it (see there).
    """
    from tldextract import TLDExtract

    return TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


_ADDRESS = re.compile(r"[\d.]+|\[[0-9a-f:.]+\]|localhost")
_PLAIN_HOST = re.compile(r"[^\s/?#@:\[\]\\\u3002\uff0e\uff61]+")  # what tldextract reads as the host, unchanged
_RULE = re.compile(r"^[.*!]*\w\S*", re.MULTILINE)  # a rule's line of the list, as tldextract reads it


@cache
def _suffix_paths() -> dict[str, bool]:
    """Every rule of tldextract's snapshot, and every shorter tail of one: ``{"co.uk": True, "uk": True}``.

    The value says whether a rule ends there. tldextract's own reader cost each process that calls
    :func:`registered_domain` (the crawl process and every extraction worker) about 60 ms of CPU:
    its import (which imports ``requests``) and two tries of ~10,000 nodes built from the list.
    This reads the same file (found without importing the package) into one dict in ~12 ms.
    """
    spec = importlib.util.find_spec("tldextract")
    snapshot = Path(spec.origin).parent / ".tld_set_snapshot" if spec is not None and spec.origin else None
    if snapshot is None or not snapshot.is_file():  # a tldextract that keeps its list elsewhere: its own reader
        return {}
    text = snapshot.read_text(encoding="utf-8")
    paths: dict[str, bool] = {}
    for rule in _RULE.findall(text):  # ICANN and private sections alike (private suffixes count)
        labels = rule.split(".")
        for start in range(len(labels) - 1, 0, -1):
            paths.setdefault(".".join(labels[start:]), False)
        paths[rule] = True
    return paths


def _label(label: str) -> str:
    """A label as the list spells it: lower case, IDNA A-labels (``xn--``) decoded when they decode."""
    lowered = label.lower()
    if lowered.startswith("xn--"):
        import idna  # a dependency of tldextract; needed only for such labels

        try:
            return str(idna.decode(lowered))
        except (UnicodeError, IndexError):
            pass
    return lowered


def _suffix_start(labels: list[str]) -> int | None:
    """Where the public suffix of a host's labels starts (tldextract's trie walk on a flat dict).

    From the right, each label that extends a known tail of a rule is taken; the suffix is the
    longest tail that is a rule. A label that extends none ends the walk, unless a wildcard rule
    (``*.ck``) covers it there: then it is part of the suffix, unless an exception (``!www.ck``)
    names it. None when no rule matched.
    """
    paths, tail, start = _suffix_paths(), "", None
    for index in range(len(labels) - 1, -1, -1):
        label = _label(labels[index])
        longer = f"{label}.{tail}" if tail else label
        if longer in paths:
            tail = longer
            if paths[longer]:
                start = index
            continue
        if (f"*.{tail}" if tail else "*") in paths:  # a wildcard below the tail: this label is a suffix's
            return index + 1 if f"!{longer}" in paths else index
        break
    return start


@lru_cache(maxsize=4096)
def registered_domain(host: str) -> str:
    """The part of a host name its owner registered: ``www.bbc.co.uk`` -> ``bbc.co.uk``.

    Read off the Public Suffix List, so ``co.uk``, ``com.au`` or ``github.io`` are suffixes and
    ``bbc.co.uk`` and ``thesun.co.uk`` are two sites (private suffixes count: two blogs on
    ``github.io`` are two sites). An IP address or ``localhost`` is its own
    site; a host under a suffix the list does not know (``news.example``, ``site.test``) keeps
    its last two labels.
    """
    host = host.lower().strip(".")
    if not host or _ADDRESS.fullmatch(host):
        return host
    if _PLAIN_HOST.fullmatch(host) and _suffix_paths():
        labels = host.split(".")
        start = _suffix_start(labels)
        if start is not None and start > 0 and labels[start - 1]:
            return ".".join(labels[start - 1 :])
    else:  # a port, user, bracket, space or ideographic dot (or no snapshot found): tldextract's own reading
        found = _public_suffixes()(host)
        if found.suffix and found.domain:
            return f"{found.domain}.{found.suffix}"
    return ".".join(host.split(".")[-2:])


def site_of(url: str) -> str:
    """The registered domain of a URL's host ("" when the URL has no readable host)."""
    return registered_domain(host_of(url))


def source_name(url: str) -> str:
    """The name a source gets when none is given: the URL's host without ``www.`` ("" if none)."""
    return host_of(url).removeprefix("www.")


def port_of(url: str) -> int | None:
    """The URL's port when it is not its scheme's default, else None (also when unreadable).

    ``https://x.com/``, ``https://x.com:443/`` and ``http://x.com/`` all give None: a site
    that moved to https is still one site. ``http://127.0.0.1:22/`` gives 22, another server.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    return None if port is None or port == _DEFAULT_PORTS.get(parts.scheme.lower()) else port


SiteKey = tuple[str, int | None]
"""What makes a site: the registered domain and the port (None for the scheme's default)."""


def site_key(url: str) -> SiteKey:
    """The site a URL belongs to: its registered domain and its non-default port.

    Subdomains belong to the site (``www.``, ``feeds.``), other ports of the same host do not:
    a server on ``127.0.0.1:22`` or ``news.example:8443`` is another origin, another program.
    """
    return site_of(url), port_of(url)


def same_site(url: str, other: str) -> bool:
    """Whether two URLs belong to one site: the same registered domain (subdomains included)
    and the same port (default ports normalised, so http and https on their defaults match)."""
    site = site_key(url)
    return bool(site[0]) and site == site_key(other)


_PATH_SESSION = re.compile(r";(?:jsessionid|sessionid|sid|phpsessid)=[^/?#]*", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(slots=True, frozen=True)
class UrlCanonicalizer:
    """Normalises URLs with a configurable set of parameters to drop."""

    drop_params: tuple[str, ...] = DEFAULT_DROP_PARAMS
    sort_query: bool = True

    @classmethod
    def from_names(cls, names: Iterable[str], sort_query: bool = True) -> UrlCanonicalizer:
        return cls(tuple(n.strip().lower() for n in names if n.strip()), sort_query)

    def _dropped(self, name: str) -> bool:
        name = name.lower()
        return any(name.startswith(p[:-1]) if p.endswith("*") else name == p for p in self.drop_params)

    def __call__(self, url: str) -> str:
        """The canonical spelling of ``url`` (unchanged when it is not http(s) or cannot be read)."""
        try:
            parts = urlsplit(url.strip())
            scheme = parts.scheme.lower()
            if scheme not in _DEFAULT_PORTS or not parts.hostname:
                return url
        except ValueError:  # "http://[bad/": the request for it fails on its own, counted
            return url
        host = parts.hostname.lower().rstrip(".")
        if ":" in host:  # IPv6 literal
            host = f"[{host}]"
        try:
            port = parts.port
        except ValueError:
            return url
        netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
        if parts.username:
            netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
        path = _PATH_SESSION.sub("", parts.path) or "/"
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not self._dropped(k)]
        if self.sort_query:
            query.sort()
        return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))
