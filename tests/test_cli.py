"""`scraper extract`: saved pages to records with the crawl's code path."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.cli import main
from tests.conftest import PROJECT_ROOT
from tests.test_pipelines_extract import ARTICLE_HTML


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "one.html").write_text(ARTICLE_HTML, "utf-8")
    (folder / "two.html.gz").write_bytes(
        gzip.compress(ARTICLE_HTML.replace("Bridge reopens", "Ferry returns").encode())
    )
    (folder / "notes.txt").write_text("not a page", "utf-8")
    return folder


def test_single_file_with_url(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(pages / "one.html"), "--url", "https://news.example/2026/11/bridge.html",
                 "-o", str(out), "--workers", "0"])  # fmt: skip
    assert code == 0
    (record,) = read_lines(out)
    assert record["url"] == "https://news.example/2026/11/bridge.html"
    assert record["title"] == "Bridge reopens"
    assert record["source"] == "news.example"
    assert "id" not in record


def test_folder_of_html_and_gzip(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(pages), "-o", str(out), "--workers", "0"]) == 0
    assert sorted(r["title"] for r in read_lines(out)) == ["Bridge reopens", "Ferry returns"]


def test_manifest_with_ids_and_a_bad_file(pages: Path, tmp_path: Path) -> None:
    (pages / "broken.html.gz").write_bytes(b"\x1f\x8b not really gzip")
    manifest = tmp_path / "manifest.jsonl"
    entries = [
        {"id": "a", "url": "https://news.example/a.html", "path": "pages/one.html"},
        {"id": "b", "url": "https://news.example/b.html", "path": "pages/broken.html.gz"},
        {"id": "c", "url": "https://news.example/c.html", "path": "pages/missing.html"},
        {"id": "d", "url": "https://news.example/d.html", "path": "pages/two.html.gz"},
    ]
    manifest.write_text("".join(json.dumps(e) + "\n" for e in entries) + "not json\n", "utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["extract", "--manifest", str(manifest), "-o", str(out), "--errors", str(errors), "--workers", "0"])
    assert code == 0
    assert [r["id"] for r in read_lines(out)] == ["a", "d"]
    failed = read_lines(errors)
    assert [(e["id"], e["reason"]) for e in failed] == [("b", "unreadable"), ("c", "unreadable")]
    assert "unreadable file" in failed[1]["detail"]


def test_default_manifest_path_is_pages_id_html_gz(pages: Path, tmp_path: Path) -> None:
    shutil.copy(pages / "two.html.gz", pages / "x1.html.gz")
    manifest = tmp_path / "truth.jsonl"
    manifest.write_text(json.dumps({"id": "x1", "url": "https://news.example/x1.html"}) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--manifest", str(manifest), "-o", str(out), "--workers", "0"]) == 0
    assert read_lines(out)[0]["title"] == "Ferry returns"


@pytest.mark.parametrize("url", [None, "", " \t"])
def test_a_manifest_entry_with_a_null_url_is_extracted_as_a_file_without_one(
    pages: Path, tmp_path: Path, url: str | None
) -> None:
    """``"url": null`` (or blank) means no URL: not the address "None", which no record could carry."""
    shutil.copy(pages / "two.html.gz", pages / "x2.html.gz")
    manifest = tmp_path / "truth.jsonl"
    manifest.write_text(json.dumps({"id": "x2", "url": url}) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--manifest", str(manifest), "-o", str(out), "--workers", "0"]) == 0
    (record,) = read_lines(out)
    assert record["title"] == "Ferry returns"
    assert record["url"].startswith(("https://", "file://")), record["url"]


def test_a_manifest_entry_whose_url_is_not_text_is_skipped_with_a_reason(
    pages: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``"url": 0`` is a broken entry, not "no URL": skipped and said so, as other broken entries are."""
    shutil.copy(pages / "two.html.gz", pages / "x2.html.gz")
    manifest = tmp_path / "truth.jsonl"
    manifest.write_text(json.dumps({"id": "x2", "url": 0}) + "\n", "utf-8")
    with caplog.at_level("WARNING"):
        code = main(["extract", "--manifest", str(manifest), "-o", str(tmp_path / "out.jsonl"), "--workers", "0"])
    assert code == 1  # no record at all
    assert any("not a manifest entry" in message and "int" in message for message in caplog.messages)


def test_no_record_at_all_exits_1(tmp_path: Path) -> None:
    page = tmp_path / "listing.html"
    page.write_text("<html><body><a href='/a'>A</a></body></html>", "utf-8")
    assert main(["extract", str(page), "--url", "https://news.example/", "-o", str(tmp_path / "o.jsonl"),
                 "--workers", "0"]) == 1  # fmt: skip


def test_console_script_with_worker_processes(pages: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "scraper", "extract", str(pages), "--workers", "2"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2
    assert "written=2" in done.stderr


def test_records_meet_the_crawls_contract(pages: Path, tmp_path: Path) -> None:
    """A page the crawl would drop (a date years ahead) is reported, not written, here too."""
    future = ARTICLE_HTML.replace("2026-11-03T08:15:00+01:00", "2099-01-01T08:15:00+01:00")
    assert future != ARTICLE_HTML
    (pages / "three.html").write_text(future, "utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["extract", str(pages), "-o", str(out), "--errors", str(errors), "--workers", "0"]) == 0
    assert len(read_lines(out)) == 2
    (failed,) = read_lines(errors)
    assert failed["reason"] == "bad_date"
    assert failed["path"].endswith("three.html")
    out2 = tmp_path / "out2.jsonl"
    assert main(["extract", str(pages), "-o", str(out2), "--max-future-days", "40000", "--workers", "0"]) == 0
    assert len(read_lines(out2)) == 3


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``scraper extract`` as a user runs it: a subprocess, its exit status and its stderr."""
    return subprocess.run([sys.executable, "-m", "scraper", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, check=False)  # fmt: skip


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["extract", "--manifest", "missing.jsonl"], "scraper extract: error: no such file or folder: missing.jsonl"),
        (["extract", "pages", "--workers", "-3"], "scraper extract: error: --workers must be >= 0, got -3"),
        (["extract", "pages", "--errors", "pages/one.html/x.jsonl"], "scraper extract: error: cannot write errors to"),
        (["extract", "pages", "-s", "NEWS_EXTRACT_MIN_WORDS"], "scraper extract: error: -s takes NAME=VALUE"),
        (["extract", "pages", "-s", "NEWS_VALIDATE_MAX_FUTURE_DAYS=-1"],
         "scraper extract: error: NEWS_VALIDATE_MAX_FUTURE_DAYS must be >= 0"),
        (["extract"], "scraper extract: error: give HTML files, folders or --manifest"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line_and_exit_2(pages: Path, args: list[str], first_line: str) -> None:
    done = run_cli(*args, cwd=pages.parent)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0].startswith(first_line), done.stderr
    assert "Traceback" not in done.stderr


def test_output_folders_are_made_and_suffixes_match_in_any_case(pages: Path) -> None:
    (pages / "one.html").rename(pages / "ONE.HTML")
    done = run_cli("extract", "pages", "-o", "new/dir/x.jsonl", "--workers", "0", cwd=pages.parent)
    assert done.returncode == 0, done.stderr
    assert sorted(r["title"] for r in read_lines(pages.parent / "new/dir/x.jsonl")) == [
        "Bridge reopens",
        "Ferry returns",
    ]


def test_without_url_the_pages_canonical_link_is_the_url_and_the_source(pages: Path) -> None:
    canonical = '<head><link rel="canonical" href="https://www.gazette.example/2026/11/bridge.html">'
    (pages / "one.html").write_text(ARTICLE_HTML.replace("<head>", canonical), "utf-8")
    done = run_cli("extract", "pages/one.html", "-o", "out.jsonl", "--workers", "0", cwd=pages.parent)
    assert done.returncode == 0, done.stderr
    (record,) = read_lines(pages.parent / "out.jsonl")
    assert (record["url"], record["source"]) == ("https://www.gazette.example/2026/11/bridge.html", "gazette.example")


def test_a_file_without_any_url_is_never_recorded_under_source_file(pages: Path) -> None:
    done = run_cli("extract", "pages/one.html", "-o", "out.jsonl", "--workers", "0", cwd=pages.parent)
    assert done.returncode == 0, done.stderr
    (record,) = read_lines(pages.parent / "out.jsonl")
    assert record["url"].startswith("file://")
    assert record["source"] == "unknown"


def test_quiet_keeps_only_the_summary_line(pages: Path) -> None:
    (pages / "menu.html").write_text("<html><body><a href='/a'>A</a></body></html>", "utf-8")
    loud = run_cli("extract", "pages", "--workers", "0", cwd=pages.parent)
    quiet = run_cli("extract", "pages", "--workers", "0", "--quiet", cwd=pages.parent)
    assert "menu.html" in loud.stderr
    assert quiet.stderr.splitlines() == [loud.stderr.splitlines()[-1]]


def test_version_and_help_with_examples(tmp_path: Path) -> None:
    assert run_cli("--version", cwd=tmp_path).stdout.startswith("scraper ")
    assert "examples:" in run_cli("extract", "--help", cwd=tmp_path).stdout


def test_a_corrupt_gzip_page_costs_only_itself(pages: Path) -> None:
    (pages / "bad.html.gz").write_bytes(gzip.compress(ARTICLE_HTML.encode())[:12] + b"\xff" * 64)
    done = run_cli("extract", "pages", "-o", "out.jsonl", "--errors", "errors.jsonl", "--workers", "0",
                   cwd=pages.parent)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(read_lines(pages.parent / "out.jsonl")) == 2
    (error,) = read_lines(pages.parent / "errors.jsonl")
    assert (error["reason"], error["path"].endswith("bad.html.gz")) == ("unreadable", True)


def test_the_errors_file_names_the_url_found_in_the_page(pages: Path) -> None:
    canonical = '<head><link rel="canonical" href="https://gazette.example/2026/11/menu.html">'
    (pages / "menu.html").write_text(f"<html>{canonical}</head><body><a href='/a'>A</a></body></html>", "utf-8")
    done = run_cli("extract", "pages/menu.html", "--errors", "errors.jsonl", "--workers", "0", cwd=pages.parent)
    assert done.returncode == 1
    (error,) = read_lines(pages.parent / "errors.jsonl")
    assert error["url"] == "https://gazette.example/2026/11/menu.html"
