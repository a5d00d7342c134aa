"""The Scrapy add-on, in a project made by ``scrapy startproject``, crawling the demo site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.demo.server import DemoServer

pytestmark = pytest.mark.crawl


def test_addon_brings_the_news_crawl_into_another_project(tmp_path: Path, demo_site: DemoServer) -> None:
    scrapy = [sys.executable, "-m", "scrapy"]
    subprocess.run([*scrapy, "startproject", "their_project"], cwd=tmp_path, check=True, capture_output=True)
    project = tmp_path / "their_project"
    settings = project / "their_project" / "settings.py"
    settings.write_text(settings.read_text("utf-8") + '\nADDONS = {"scraper.addon.NewsAddon": 100}\n', "utf-8")
    done = subprocess.run(
        [*scrapy, "crawl", "news", "-a", f"url={demo_site.base_url}/", "-s", "NEWS_STATE_ENABLED=False",
         "-s", "NEWS_EXTRACT_WORKERS=0", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
         "-s", f"NEWS_OUTPUT_PATH={tmp_path}/out/{{run_id}}.jsonl", "-O", str(tmp_path / "feed.jsonl")],
        cwd=project, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    (output,) = (tmp_path / "out").glob("*.jsonl")
    records = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert len(records) >= 10
    assert all(set(r) >= {"title", "text", "canonical_url", "schema_version"} for r in records)
    summary = json.loads(next((tmp_path / "out").glob("*.summary.json")).read_text("utf-8"))
    assert summary["records_written"] == len(records)
    assert summary["fetch"].get("robots_reused") == 1  # our middlewares are in, not only the pipelines
    assert summary["discovery"].get("link", 0) > 0  # the spider saw our NEWS_* defaults when it was made
    feed = [json.loads(line) for line in (tmp_path / "feed.jsonl").read_text("utf-8").splitlines()]
    assert len(feed) == len(records)
    assert all("fetch" not in r and "signature" not in r for r in feed)  # internal facts stay out of -O
    assert "their_project" in done.stderr  # their project's settings, with our components added


def _crawl_nothing(tmp_path: Path, *settings: str) -> tuple[str, str]:
    """``scrapy crawl news`` of a loopback site with an empty sitemap: (its import log, its log)."""
    from tests.benchmarks.bench_crawl import BenchSite

    with BenchSite({}) as site:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "scrapy", "crawl", "news",
             "-a", f"sitemap={site.base_url}/sitemap.xml", "-s", "NEWS_STATE_ENABLED=False",
             "-s", "NEWS_EXTRACT_WORKERS=0", "-s", "LOG_LEVEL=INFO",
             "-s", f"NEWS_OUTPUT_PATH={tmp_path}/{{run_id}}.jsonl", *(part for s in settings for part in ("-s", s))],
            cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
    imports = "\n".join(line for line in done.stderr.splitlines() if line.startswith("import time:"))
    return imports, done.stderr


def test_extensions_their_settings_turn_off_are_not_even_imported(tmp_path: Path) -> None:
    imports, log = _crawl_nothing(tmp_path)
    assert "scrapy.utils._remote_control" not in imports  # the remote control's, with aiohttp's server
    assert "aiohttp" not in imports  # 0.17 s of CPU and 10 MB
    assert "twisted.conch.telnet" not in imports  # the telnet console's
    imports, log = _crawl_nothing(tmp_path, "TELNETCONSOLE_ENABLED=True")  # on again: there as before
    assert "twisted.conch.telnet" in imports
    assert "scrapy.extensions.telnet.TelnetConsole" in log  # Scrapy's "Enabled extensions" list
    assert "aiohttp" not in imports


def _merged_middlewares(project: dict[str, int | None]) -> dict[str, int | None]:
    from scrapy.settings import Settings

    from scraper.addon import NewsAddon

    settings = Settings({"DOWNLOADER_MIDDLEWARES": project}, priority="project")
    NewsAddon().update_settings(settings)
    return dict(settings["DOWNLOADER_MIDDLEWARES"])


def test_a_project_that_set_scrapys_own_middleware_keeps_its_choice() -> None:
    meta_refresh = "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware"
    ours = "scraper.fetching.metarefresh.PrefixMetaRefreshMiddleware"
    switched_off = _merged_middlewares({meta_refresh: None})
    assert switched_off[meta_refresh] is None
    assert ours not in switched_off
    replaced = _merged_middlewares({meta_refresh: None, "their_project.mw.KeepReferer": 580})
    assert ours not in replaced
    assert replaced["their_project.mw.KeepReferer"] == 580
    untouched = _merged_middlewares({})
    assert untouched[meta_refresh] is None
    assert untouched[ours] == 580
    assert untouched["scraper.fetching.retry.RetryAfterMiddleware"] == 550


def test_every_scrapy_component_ours_switch_off_has_its_replacement_named() -> None:
    from scraper import settings
    from scraper.addon import _REPLACES

    switched_off = {path for path, order in settings.DOWNLOADER_MIDDLEWARES.items() if order is None}
    assert switched_off == set(_REPLACES.values())
    assert all(path in settings.DOWNLOADER_MIDDLEWARES for path in _REPLACES)
