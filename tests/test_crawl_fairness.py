"""End-to-end: one source's flood of queued URLs does not starve another site's crawl (issue 12).

A sitemap of 10,000 article URLs (sitemap entries are requested before links) beside a small
site whose stories are found two link hops in, after the flood is queued. Sitemaps are parsed off
the reactor and their requests yielded one at a time, and Scrapy's downloader serves each site
(downloader slot) within its own concurrency, so the small site's stories must all be fetched
while the flood has barely started. The two sites are told apart by host name, as real sites
are: ``127.0.0.1`` and ``localhost``, both loopback (on one host name they would share a slot and
the flood would, rightly, be one site's politeness budget).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_crawl
from tests.test_crawl_bounds import HTML, XML, Reply, Site, html
from tests.test_crawl_hostile import Reply as HostileReply
from tests.test_crawl_hostile import Site as HostileSite

pytestmark = pytest.mark.crawl

FLOOD = 10_000  # article URLs in the flooding sitemap
PAGES = 120  # the crawl stops after this many responses (CLOSESPIDER_PAGECOUNT)
STORY = "<article><h1>{t}</h1>" + "<p>" + " ".join(["Harbour council news in plain words."] * 12) + "</p></article>"
WORDS = ["council", "harbour", "ferry", "budget", "school", "library", "market", "bridge", "storm", "lifeboat"]


def story(n: int) -> str:
    """An article whose words differ from every other's (near-duplicates would be dropped)."""
    sentences = " ".join(f"The {WORDS[(n + k) % 10]} report {n * 37 + k} was read on day {k}." for k in range(14))
    return f"<article><h1>Harbour story number {n}</h1><p>{sentences}</p></article>"


def flood(path: str, base: str) -> Reply | None:
    if path == "/sitemap.xml":
        urls = "".join(f"<url><loc>{base}/a/{i}.html</loc></url>" for i in range(FLOOD))
        return 200, XML, f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    if path.startswith("/a/"):
        return html(STORY.format(t=f"Flood story {path}"))
    return None


def small(path: str, base: str) -> Reply | None:
    if path == "/":
        return html('<a href="/news/">News from the small site</a>')
    if path == "/news/":  # found after the flood's sitemap: its links queue behind the flood
        return html("".join(f'<a href="/news/story-{i}.html">Story {i} of the small site</a>' for i in range(5)))
    if path.startswith("/news/story-"):
        return html(STORY.format(t=f"Small story {path}"))
    return None


@pytest.fixture
def sites() -> Iterator[dict[str, Site]]:
    made = {"flood": Site("flood", flood), "small": Site("small", small)}
    yield made
    for site in made.values():
        site.server.stop()


def test_a_flooding_source_does_not_starve_another_site(tmp_path: Path, sites: dict[str, Site]) -> None:
    small_url = sites["small"].url.replace("127.0.0.1", "localhost")
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "flood"\nsitemaps = ["{sites["flood"].url}/sitemap.xml"]\n'
        f'[[source]]\nname = "small"\nurls = ["{small_url}/"]\n',
        "utf-8",
    )
    result = run_crawl(tmp_path, "-a", f"sources={sources}", "-s", f"CLOSESPIDER_PAGECOUNT={PAGES}",
                       "-s", "RETRY_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False", timeout=300)  # fmt: skip
    assert result.summary, result.stderr[-3000:]
    asked = sites["small"].asked("/news/story-")
    flooded = len(sites["flood"].asked("/a/"))
    print(f"\nsmall site: {len(asked)} of 5 stories fetched while the flood got {flooded}")
    assert flooded < FLOOD  # the crawl was cut short, as intended
    assert sorted(asked) == [f"/news/story-{i}.html" for i in range(5)]


def test_a_run_wide_max_articles_is_shared_between_sources(tmp_path: Path) -> None:
    """A flood of slow article URLs cannot take every one of the run's max_articles slots.

    The flood's 2,000 sitemap URLs are known at once and each page takes 2 s; the small site's 5
    stories are found two hops in, a moment later. One source holds at most its share of the
    run's slots in flight (twice the per-site concurrency), so the small site's stories still fit.
    """
    flood_site, small_site = HostileSite("flood"), HostileSite("small")
    try:
        urls = "".join(f"<url><loc>{flood_site.url}/a/{i}.html</loc></url>" for i in range(2000))
        flood_site.routes["/sitemap.xml"] = HostileReply(
            200, f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
            {"Content-Type": XML},
        )  # fmt: skip
        for i in range(2000):
            flood_site.routes[f"/a/{i}.html"] = HostileReply(200, html(story(i))[2], {"Content-Type": HTML}, delay=2.0)
        small_site.routes["/"] = HostileReply(200, html('<a href="/news/">News</a>')[2], {"Content-Type": HTML})
        small_site.routes["/news/"] = HostileReply(200, html("".join(
            f'<a href="/news/story-{i}.html">Story {i} of the small site this week</a>' for i in range(5)
        ))[2], {"Content-Type": HTML})  # fmt: skip
        for i in range(5):
            small_site.routes[f"/news/story-{i}.html"] = HostileReply(
                200, html(story(100 + i))[2], {"Content-Type": HTML}
            )
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "flood"\nsitemaps = ["{flood_site.url}/sitemap.xml"]\n'
            f'[[source]]\nname = "small"\nurls = ["{small_site.url.replace("127.0.0.1", "localhost")}/"]\n',
            "utf-8",
        )
        result = run_crawl(tmp_path, "-a", f"sources={sources}", "-a", "max_articles=20", "-s", "RETRY_ENABLED=False",
                           "-s", "ROBOTSTXT_OBEY=False", timeout=300)  # fmt: skip
    finally:
        flood_site.stop()
        small_site.stop()
    assert result.returncode == 0, result.stderr[-3000:]
    by_source = Counter(r["source"] for r in result.records)
    print(f"\nrecords by source: {dict(by_source)}; flood pages requested: {len(flood_site.requests) - 1}")
    assert by_source["small"] == 5
    assert len(result.records) == 20
    assert len([p for p in flood_site.requests if p.startswith("/a/")]) <= 20 + 8  # its slots, not its sitemap
