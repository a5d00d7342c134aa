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
