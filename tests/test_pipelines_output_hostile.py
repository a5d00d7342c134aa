"""Output that cannot escape its folder, and recovery that touches only killed runs' own ``.part`` files."""

from __future__ import annotations

import dataclasses
import fcntl
import json
import logging
import os
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

import pipelines.output
from pipelines.output import OutputPipeline, confine, slug
from pipelines.recovery import final_of, own_parts, part_path, recover_part
from scraper.summary import OUTPUT_NOT_WRITABLE
from tests.helpers import project_settings
from tests.test_pipelines_validate_dedup import make_article

RUN = "20261125T100000Z-a1b2"
OTHER = "20261125T100000Z-c3d4"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../../../escaped/x", "escaped-x"), ("/etc/passwd", "etc-passwd"), ("..", "source"), ("", "source"),
     ("Example News", "Example-News"), ("news.example", "news.example"), (".hidden", "hidden"),
     ("a..b", "a.b"), ("x" * 200, "x" * 80)],
)  # fmt: skip
def test_source_names_become_one_safe_path_component(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_a_path_outside_the_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "out"
    confine(root / "a" / "b.jsonl", root)
    with pytest.raises(PermissionError, match="outside the output folder"):
        confine(root / ".." / "b.jsonl", root)
    root.mkdir()
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(PermissionError):
        confine(root / "link" / "b.jsonl", root)


def test_part_files_always_name_their_run(tmp_path: Path) -> None:
    assert part_path(tmp_path / f"{RUN}.jsonl", RUN).name == f"{RUN}.jsonl.part"
    assert part_path(tmp_path / "all.jsonl", RUN).name == f"all.jsonl.{RUN}.part"
    assert final_of(tmp_path / f"all.jsonl.{RUN}.part") == (tmp_path / "all.jsonl", RUN)
    assert final_of(tmp_path / f"{RUN}.jsonl.part") == (tmp_path / f"{RUN}.jsonl", RUN)


def test_recovery_looks_only_at_the_templates_shape_and_our_names(tmp_path: Path) -> None:
    template = str(tmp_path / "out" / "{source}" / "{run_id}.jsonl")
    ours = tmp_path / "out" / "site" / f"{RUN}.jsonl.part"
    deeper = tmp_path / "out" / "site" / "x" / f"{RUN}.jsonl.part"  # not the template's shape
    above = tmp_path / f"{RUN}.jsonl.part"  # above the output root
    foreign = tmp_path / "out" / "site" / "export.jsonl.part"  # another program's name
    for path in (ours, deeper, above, foreign):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", "utf-8")
    assert own_parts(template) == [ours]
    no_run_id = str(tmp_path / "out" / "{source}.jsonl")
    mine = tmp_path / "out" / f"site.jsonl.{RUN}.part"
    mine.write_text("", "utf-8")
    assert own_parts(no_run_id) == [mine]


def test_bad_lines_are_quarantined_and_named(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    record = json.dumps(dataclasses.asdict(make_article())).encode()
    wrong_types = json.dumps({**dataclasses.asdict(make_article()), "text": 5, "revision": "1"}).encode()
    bad = [b"\x00\x00\x00", b"{broken", b"[1, 2]", b'{"url": "https://x.example/"}', b"\xff\xfe not utf-8",
           wrong_types]  # fmt: skip
    part = tmp_path / f"{RUN}.jsonl.part"
    part.write_bytes(b"\n".join([record, *bad, record]) + b"\n" + b'{"torn')
    with caplog.at_level(logging.WARNING):
        assert recover_part(part, None) == 2
    final = tmp_path / f"{RUN}.jsonl"
    assert final.read_bytes() == record + b"\n" + record + b"\n"
    rejected = tmp_path / f"{RUN}.jsonl.rejected"
    assert rejected.read_bytes() == b"\n".join(bad) + b"\n"
    assert any(str(part) in r.message and str(rejected) in r.message for r in caplog.records)
    summary = json.loads((tmp_path / f"{RUN}.summary.json").read_text("utf-8"))
    assert summary["lines_rejected"] == len(bad)
    assert summary["torn_bytes_dropped"] == len(b'{"torn')


def test_recovery_never_follows_a_link_out_of_the_output_tree(tmp_path: Path) -> None:
    """A .part planted as a symbolic link to another file is not ours to rewrite."""
    template = str(tmp_path / "out" / "{spider}" / "{run_id}.jsonl")
    elsewhere = tmp_path / "precious.jsonl"
    elsewhere.write_text('{"not": "a record"}\n', "utf-8")
    (tmp_path / "out" / "news").mkdir(parents=True)
    link = tmp_path / "out" / "news" / "20260101T000000Z-abcd.jsonl.part"
    link.symlink_to(elsewhere)
    real = tmp_path / "out" / "news" / "20260101T000001Z-abce.jsonl.part"
    real.write_text("", "utf-8")
    assert own_parts(template) == [real]
    assert elsewhere.read_text("utf-8") == '{"not": "a record"}\n'


# Two runs (or two cluster workers) writing to one output folder, each starting with the recovery of
# the .part files killed runs left. Each test runs the second run's start (or its recovery) at the one
# moment the first run's file is most exposed, by hooking the call that comes next: no timing involved.


def unopened(tmp_path: Path, run_id: str) -> OutputPipeline:
    crawler = get_crawler(Spider, settings_dict=project_settings(NEWS_OUTPUT_PATH=str(tmp_path / "{run_id}.jsonl")))
    crawler.spider = Spider(name="news")
    pipeline = OutputPipeline.from_crawler(crawler)
    pipeline.run_id = run_id  # what a cluster worker's are: distinct, of one folder
    return pipeline


def once(action: Any, before: Any, when: Any = lambda *args: True) -> Any:
    """``before`` wrapped to run ``action()`` first, the first time ``when`` holds for its arguments."""
    done: list[bool] = []

    def hooked(*args: Any) -> Any:
        if not done and when(*args):
            done.append(True)
            action()
        return before(*args)

    return hooked


def assert_first_run_whole(first: OutputPipeline, second: OutputPipeline, tmp_path: Path) -> None:
    assert first.path is not None
    assert not first.stats.get_value(OUTPUT_NOT_WRITABLE)
    assert not second.stats.get_value("news/output/recovered_files")
    assert [json.loads(line)["url"] for line in first.path.read_text("utf-8").splitlines()] == [make_article().url]
    assert not first.path.with_name(first.path.stem + ".summary.json").exists()  # no "recovered" summary
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{RUN}.jsonl", f"{OTHER}.jsonl"]


def test_a_run_starting_as_another_creates_its_file_leaves_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second run's recovery comes just before the first run locks its new file."""
    first, second = unopened(tmp_path, RUN), unopened(tmp_path, OTHER)
    monkeypatch.setattr(fcntl, "flock", once(second.open_spider, fcntl.flock))
    first.open_spider()
    first.process_item(make_article())
    first.close_spider()
    second.close_spider()
    assert_first_run_whole(first, second, tmp_path)


def test_a_run_starting_as_another_closes_its_file_leaves_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second run's recovery comes just before the first run renames its finished file into place."""
    first, second = unopened(tmp_path, RUN), unopened(tmp_path, OTHER)
    first.open_spider()
    first.process_item(make_article())
    monkeypatch.setattr(os, "replace", once(second.open_spider, os.replace, lambda src, dst: Path(src) == first.part))
    first.close_spider()
    second.close_spider()
    assert_first_run_whole(first, second, tmp_path)


@pytest.mark.parametrize("moment", ["listed", "opened"])
def test_recovery_leaves_a_file_its_run_finished_meanwhile_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, moment: str
) -> None:
    """The first run renames and unlocks its file after the second's recovery listed it, or opened it."""
    first, second = unopened(tmp_path, RUN), unopened(tmp_path, OTHER)
    first.open_spider()
    first.process_item(make_article())
    if moment == "listed":

        def listed_then_finished(template: str) -> list[Path]:
            found = own_parts(template)
            first.close_spider()
            return found

        monkeypatch.setattr(pipelines.output, "own_parts", listed_then_finished)
    else:
        monkeypatch.setattr(fcntl, "flock", once(first.close_spider, fcntl.flock,
                                                 lambda handle, operation: operation & fcntl.LOCK_NB))  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="pipelines"):
        second.open_spider()
    second.close_spider()
    assert_first_run_whole(first, second, tmp_path)
    assert [r.message for r in caplog.records if r.name.startswith("pipelines")] == []


def test_a_runs_empty_file_left_before_it_was_named_goes_at_the_next_start(tmp_path: Path) -> None:
    """Code review: a run killed between making its file and naming it ``.part`` leaves an empty ``.opening``
    file no recovery looks at; the next run removes it once it is old, and leaves a young one (a starting run's)."""
    stale = tmp_path / f"{OTHER}.jsonl.part.opening"
    young = tmp_path / "20261125T100000Z-e5f6.jsonl.part.opening"
    stale.touch()
    young.touch()
    os.utime(stale, (0, 0))
    run = unopened(tmp_path, RUN)
    run.open_spider()
    run.close_spider()
    assert not stale.exists()
    assert young.exists()
    assert not run.stats.get_value(OUTPUT_NOT_WRITABLE)
