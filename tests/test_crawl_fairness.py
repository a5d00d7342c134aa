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

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_crawl
from tests.test_crawl_bounds import XML, Reply, Site, html

pytestmark = pytest.mark.crawl

FLOOD = 10_000  # article URLs in the flooding sitemap
PAGES = 120  # the crawl stops after this many responses (CLOSESPIDER_PAGECOUNT)
STORY = "<article><h1>{t}</h1>" + "<p>" + " ".join(["Harbour council news in plain words."] * 12) + "</p></article>"


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
