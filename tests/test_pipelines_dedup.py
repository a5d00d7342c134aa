"""De-duplication across runs with the crawl state: unchanged, revised, copies and near copies.

Each "run" is a crawler of its own on the same state file, with the dedup and output stages
wired as in a crawl; closing the spider releases the state's lock for the next run.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from pipelines.dedup import DedupPipeline
from pipelines.output import OutputPipeline
from scraper.items import Article
from scraper.state.extension import CrawlStateExtension
from scraper.text import content_hash
from tests.helpers import project_settings
from tests.test_pipelines_validate_dedup import make_article

STORY = " ".join(f"Paragraph {i} says what the council decided about the harbour bridge and why." for i in range(30))


def article(url: str = "https://news.example/a.html", text: str = STORY, **fields: Any) -> Article:
    return make_article(url=url, canonical_url=url, text=text, content_hash=content_hash(text), **fields)


@dataclass
class Run:
    """One run's dedup and output stages on the shared state."""

    dedup: DedupPipeline
    output: OutputPipeline
    extension: CrawlStateExtension

    def emit(self, item: Article) -> Article:
        """Dedup then write, as the pipeline chain does; DropItem propagates."""
        result: Article = self.output.process_item(self.dedup.process_item(item))
        return result

    def close(self) -> None:
        self.output.close_spider()
        self.extension.spider_closed()


@pytest.fixture
def runs(tmp_path: Path) -> Iterator[Any]:
    opened: list[Run] = []

    def start(**settings: Any) -> Run:
        for run in opened:
            if run.extension.lock._handle is not None:
                run.close()
        crawler = get_crawler(
            Spider,
            settings_dict=project_settings(
                NEWS_STATE_ENABLED=True, NEWS_STATE_PATH=str(tmp_path / "state.sqlite3"),
                NEWS_OUTPUT_PATH=str(tmp_path / "out" / "{run_id}.jsonl"), **settings,
            ),
        )  # fmt: skip
        crawler.spider = Spider(name="news")
        extension = crawler.get_extension(CrawlStateExtension)
        assert extension is not None
        run = Run(DedupPipeline.from_crawler(crawler), OutputPipeline.from_crawler(crawler), extension)
        run.dedup.open_spider()
        run.output.open_spider()
        opened.append(run)
        return run

    yield start
    for run in opened:
        if run.extension.lock._handle is not None:
            run.close()


def stat(run: Run, key: str) -> Any:
    assert run.dedup.crawler.stats is not None
    return run.dedup.crawler.stats.get_value(key)


def test_an_unchanged_article_is_not_emitted_again(runs: Any) -> None:
    runs().emit(article())
    second = runs()
    with pytest.raises(DropItem, match="unchanged"):
        second.emit(article())
    assert stat(second, "news/drop/unchanged") == 1


def test_a_changed_article_is_the_next_revision(runs: Any) -> None:
    runs().emit(article())
    edited = STORY.replace("Paragraph 3 says", "Paragraph 3, corrected, says")
    second = runs()
    record = second.emit(article(text=edited, fetched_at="2026-11-26T09:00:00+00:00"))
    assert record.revision == 2
    assert record.modified == "2026-11-26T09:00:00+00:00"  # the page gave no modified date
    third = runs()
    with pytest.raises(DropItem, match="unchanged"):
        third.emit(article(text=edited))
    assert runs().emit(article(text=edited + " An update.", modified="2026-11-27T10:00:00+01:00")).revision == 3


def test_the_same_text_under_another_url_in_a_later_run_is_a_copy(runs: Any) -> None:
    runs().emit(article())
    second = runs()
    with pytest.raises(DropItem, match=r"duplicate_content: same story as https://news\.example/a\.html"):
        second.emit(article(url="https://syndicate.example/copy.html"))
    known = second.extension.state.lookup("https://syndicate.example/copy.html")
    assert known is not None
    assert known.canonical_url == "https://news.example/a.html"  # remembered as an alias


def test_a_near_copy_is_found_within_a_run_and_across_runs(runs: Any) -> None:
    first = runs()
    first.emit(article())
    near = STORY.replace("Paragraph 12 says", "Paragraph twelve says") + " Additional reporting by the desk."
    with pytest.raises(DropItem, match="near_duplicate"):
        first.emit(article(url="https://news.example/b.html", text=near))
    second = runs()
    with pytest.raises(DropItem, match="near_duplicate"):
        second.emit(article(url="https://news.example/c.html", text=near + " More."))
    other = " ".join(f"Line {i}: the rovers signed a striker from the county league." for i in range(30))
    assert second.emit(article(url="https://news.example/d.html", text=other)).revision == 1


def test_flag_mode_emits_copies_marked_with_the_first_url(runs: Any) -> None:
    run = runs(NEWS_DEDUP_MODE="flag")
    run.emit(article())
    copy = run.emit(article(url="https://syndicate.example/copy.html"))
    assert copy.duplicate_of == "https://news.example/a.html"
    assert stat(run, "news/dedup/flagged_duplicate_content") == 1


def test_bad_mode_fails_fast() -> None:
    with pytest.raises(ValueError, match="NEWS_DEDUP_MODE"):
        DedupPipeline.from_crawler(get_crawler(settings_dict=project_settings(NEWS_DEDUP_MODE="merge")))


def test_the_state_only_knows_records_that_were_written(runs: Any) -> None:
    first = runs()
    first.dedup.process_item(article())  # passed dedup, but the run died before the output stage
    second = runs()
    assert second.emit(article()).revision == 1


def test_a_killed_runs_part_file_is_recovered_at_the_next_start(tmp_path: Path, runs: Any) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    lines = [
        json.dumps(dataclasses.asdict(article(url=f"https://news.example/{n}.html", text=f"{n} {STORY}"))) for n in "ab"
    ]
    part = folder / "20261125T100000Z-dead.jsonl.part"
    part.write_text(lines[0] + "\n" + lines[1] + "\n" + lines[1][:40], "utf-8")  # torn last line
    run = runs()
    final = folder / "20261125T100000Z-dead.jsonl"
    assert not part.exists()
    assert [json.loads(line)["url"] for line in final.read_text("utf-8").splitlines()] == [
        "https://news.example/a.html", "https://news.example/b.html",
    ]  # fmt: skip
    summary = json.loads((folder / "20261125T100000Z-dead.summary.json").read_text("utf-8"))
    assert (summary["finish_reason"], summary["records_written"]) == ("recovered", 2)
    assert stat(run, "news/output/recovered_records") == 2
    with pytest.raises(DropItem, match="unchanged"):  # the recovered records are in the state
        run.emit(article(url="https://news.example/a.html", text=f"a {STORY}"))
