"""``registered_domain`` reads tldextract's Public Suffix List snapshot itself, and reads it alike.

The crawl process and every extraction worker call it; tldextract's own reader imported
``requests`` and built two tries (about 60 ms a process). These tests hold our reading to
tldextract's on every rule of the installed snapshot (as it is, under a label, under two, upper
case, wildcards and their exceptions, punycode) and on host strings it reads its own way.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from tldextract import TLDExtract

from scraper import urls

ROOT = Path(__file__).resolve().parents[1]
ODD_HOSTS = [
    "a..co.uk", "x..ck", "www.ck", "a.www.ck", "foo.ck", "ck", "a.b.github.io", "github.io", "1.2.3.4",
    "256.1.1.1", "bbc.co.uk:80", "user@bbc.co.uk", "[::1]", " bbc.co.uk", "bbc\u3002co\u3002uk", "a/b.com",
    "xn--fiqs8s", "a.xn--fiqs8s", "b.a.xn--55qx5d.cn", "a.xn--bad-", "xn--", "*.ck", "!www.ck", "", ".", "..",
    "news.example", "site.test", "localhost", "WWW.BBC.CO.UK",
]  # fmt: skip


@cache
def _tldextract() -> TLDExtract:
    return TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@cache
def tldextract_reading(host: str) -> str:
    """``registered_domain`` as it was written on tldextract's own extractor."""
    extract = _tldextract()
    host = host.lower().strip(".")
    if not host or urls._ADDRESS.fullmatch(host):
        return host
    found = extract(host)
    return f"{found.domain}.{found.suffix}" if found.suffix and found.domain else ".".join(host.split(".")[-2:])


def test_every_rule_of_the_snapshot_is_read_as_tldextract_reads_it() -> None:
    rules = [path for path, ends in urls._suffix_paths().items() if ends]
    assert len(rules) > 9000  # the whole list, ICANN and private sections
    hosts = list(ODD_HOSTS)
    for rule in rules:
        plain = rule.replace("*", "w").lstrip("!")
        hosts += [rule, f"a.{rule}", f"b.a.{plain}", f"www.{plain}", plain, f"A.{plain.upper()}"]
    registered_domain = urls.registered_domain.__wrapped__  # no memo: every host read afresh
    differ = [
        (h, tldextract_reading(h), registered_domain(h)) for h in hosts if tldextract_reading(h) != registered_domain(h)
    ]
    assert not differ, differ[:20]


def test_the_common_cases() -> None:
    assert urls.registered_domain("www.bbc.co.uk") == "bbc.co.uk"
    assert urls.registered_domain("a.b.github.io") == "b.github.io"  # a private suffix counts
    assert urls.registered_domain("foo.bar.ck") == "foo.bar.ck"  # *.ck
    assert urls.registered_domain("a.www.ck") == "www.ck"  # !www.ck
    assert urls.registered_domain("news.example") == "news.example"  # no rule: the last two labels


READER = """
import json, sys
from scraper.urls import registered_domain, site_of
found = [registered_domain("www.bbc.co.uk"), site_of("https://a.xn--fiqs8s/x")]
print(json.dumps({"found": found, "imported": sorted(m for m in ("tldextract", "requests") if m in sys.modules)}))
"""


def test_reading_a_plain_host_imports_neither_tldextract_nor_requests() -> None:
    done = subprocess.run([sys.executable, "-c", READER], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout)
    assert seen["found"] == ["bbc.co.uk", "a.xn--fiqs8s"]
    assert seen["imported"] == []


def test_without_the_snapshot_file_tldextract_reads_every_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tldextract that keeps its list elsewhere: hosts still get their sites, from its own reader."""
    monkeypatch.setattr(urls, "_suffix_paths", dict)  # what it gives when no snapshot file is found
    urls.registered_domain.cache_clear()
    try:
        for host in [*ODD_HOSTS, "www.bbc.co.uk", "a.b.github.io", "x.y.ck", "news.example"]:
            assert urls.registered_domain(host) == tldextract_reading(host), host
    finally:
        urls.registered_domain.cache_clear()
