"""`scraper extract` on WARC files: CC-NEWS shaped archives, damage counted, filters."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.cli import main
from scraper.warc import WarcPage, WarcSkip, read_warc
from tests.conftest import PROJECT_ROOT
from tests.warcfiles import CcNewsWriter, cc_news_path

SITE = PROJECT_ROOT / "scraper" / "demo" / "site"
STORIES = {  # demo page -> its JSON-LD datePublished day
    "news/2026/10/gull-spit-seal-count.html": "2026-10-09",
    "news/2026/10/lantern-theatre-reopens.html": "2026-10-24",
    "news/2026/11/council-approves-2027-budget.html": "2026-11-05",
    "news/2026/11/harbour-bridge-reopens.html": "2026-11-03",
}


def page(name: str) -> bytes:
    return (SITE / name).read_bytes()


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def summary_counts(stderr: str) -> dict[str, int]:
    line = [line for line in stderr.splitlines() if line.startswith("scraper extract: ")][-1]
    pairs = (pair.split("=") for pair in line.removeprefix("scraper extract: ").split(", "))
    return {key: int(value) for key, value in pairs}


@pytest.fixture
def cc_news(tmp_path: Path) -> Path:
    """A CC-NEWS shaped archive: four stories on two sites, and the records that are not pages."""
    path = cc_news_path(tmp_path)
    with path.open("wb") as handle:
        warc = CcNewsWriter(handle)
        names = list(STORIES)
        warc.response("https://www.gazette.example.co.uk/" + names[0], page(names[0]), "2026-10-09T09:00:00Z")
        warc.record("request", "https://www.gazette.example.co.uk/" + names[0])
        warc.response("https://news.gazette.example.co.uk/" + names[1], page(names[1]), "2026-10-25T09:00:00Z")
        warc.record("revisit", "https://www.gazette.example.co.uk/" + names[0], date="2026-11-20T10:00:00Z")
        warc.response("https://www.gazette.example.co.uk/logo.png", (SITE / "img" / "logo.png").read_bytes(),
                      content_type="image/png", identified="image/png")  # fmt: skip
        warc.response("https://www.gazette.example.co.uk/gone.html", b"<html>gone</html>", status="404 Not Found")
        warc.record("metadata", "https://www.gazette.example.co.uk/" + names[0], b"fetchTimeMs: 120\r\n")
        warc.response("https://other.example.com/" + names[2], page(names[2]), "2026-11-05T20:00:00Z")
        warc.response("https://other.example.com/" + names[3], page(names[3]), "2026-11-03T09:00:00Z")
    return path


def test_cc_news_archive_gives_the_records_with_url_and_fetch_date(cc_news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(cc_news), "-o", str(out), "--workers", "0"]) == 0
    records = read_lines(out)
    assert [r["url"] for r in records] == [
        "https://www.gazette.example.co.uk/news/2026/10/gull-spit-seal-count.html",
        "https://news.gazette.example.co.uk/news/2026/10/lantern-theatre-reopens.html",
        "https://other.example.com/news/2026/11/council-approves-2027-budget.html",
        "https://other.example.com/news/2026/11/harbour-bridge-reopens.html",
    ]
    assert [r["fetched_at"] for r in records] == [
        "2026-10-09T09:00:00+00:00", "2026-10-25T09:00:00+00:00",
        "2026-11-05T20:00:00+00:00", "2026-11-03T09:00:00+00:00",
    ]  # fmt: skip
    assert records[0]["title"] == "Seal pups counted at Gull Spit reach a ten-year high"
    assert records[0]["source"] == "gazette.example.co.uk"
    assert records[0]["body"][0]["type"] == "paragraph"


def test_records_that_are_not_pages_are_skipped_and_counted(cc_news: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "scraper", "extract", str(cc_news), "--workers", "1"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == 4
    assert summary_counts(run.stderr) == {
        "written": 4, "skipped/warcinfo": 1, "skipped/request": 1, "skipped/revisit": 1,
        "skipped/metadata": 1, "skipped/not_html": 1, "skipped/http_status": 1,
    }  # fmt: skip
    assert "Traceback" not in run.stderr


def test_damaged_archive_counts_each_damage_and_keeps_the_rest(cc_news: Path, tmp_path: Path) -> None:
    data = cc_news.read_bytes()
    items = list(read_warc(cc_news, 10**6))
    offsets = [item.offset for item in items]
    second = [item.offset for item in items if isinstance(item, WarcPage)][1]
    after = offsets[offsets.index(second) + 1]
    damaged = tmp_path / "damaged" / cc_news.name
    damaged.parent.mkdir()
    # the second story's member corrupted in its middle, then the whole file cut inside its last member
    middle = second + (after - second) // 2
    cut = data[:middle] + b"\x00" * 64 + data[middle + 64 :]
    damaged.write_bytes(cut[: len(cut) - 200])
    errors = tmp_path / "errors.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "scraper", "extract", str(damaged.parent), "--workers", "1", "--errors", str(errors)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    counts = summary_counts(run.stderr)
    assert counts["malformed/bad_gzip"] == 1
    assert counts["malformed/truncated_gzip"] == 1
    assert counts["written"] == 2  # the first story and the third; the second and the fourth are damaged
    assert "Traceback" not in run.stderr
    damage = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert [(d["reason"], d["offset"]) for d in damage if d["reason"].startswith("malformed/")] == [
        ("malformed/bad_gzip", second),
        ("malformed/truncated_gzip", offsets[-1]),
    ]
    urls = [json.loads(line)["url"] for line in run.stdout.splitlines()]
    assert urls == [
        "https://www.gazette.example.co.uk/news/2026/10/gull-spit-seal-count.html",
        "https://other.example.com/news/2026/11/council-approves-2027-budget.html",
    ]


def test_reader_resumes_after_a_member_that_is_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    with path.open("wb") as handle:
        warc = CcNewsWriter(handle)
        warc.response("https://a.example/1.html", b"<html><p>one</p></html>")
        handle.write(b"WARC/1.0\r\nnot gzip at all\r\n\r\n")
        handle.write(gzip.compress(b"gzip, but no WARC record in it\r\n\r\n"))
        warc.response("https://a.example/2.html", b"<html><p>two</p></html>")
    items = list(read_warc(path, 10**6))
    assert [type(i).__name__ for i in items] == ["WarcSkip", "WarcPage", "WarcSkip", "WarcSkip", "WarcPage"]
    reasons = [i.reason for i in items if isinstance(i, WarcSkip)]
    assert reasons == ["skipped/warcinfo", "malformed/bad_gzip", "malformed/bad_record"]
    bodies = [i.body for i in items if isinstance(i, WarcPage)]
    assert bodies == [b"<html><p>one</p></html>", b"<html><p>two</p></html>"]


def test_plain_warc_with_a_broken_and_a_truncated_record(tmp_path: Path) -> None:
    path = tmp_path / "plain.warc"
    with path.open("wb") as handle:
        warc = CcNewsWriter(handle, gzip=False)
        warc.response("https://a.example/1.html", b"<html><p>one</p></html>")
        handle.write(b"WARC/1.0\r\nno colon in this header\r\n\r\n")
        warc.response("https://a.example/2.html", b"<html><p>two</p></html>")
        warc.response("https://a.example/3.html", b"<html><p>three</p></html>" * 40)
    path.write_bytes(path.read_bytes()[:-300])
    items = list(read_warc(path, 10**6))
    assert [i.url for i in items if isinstance(i, WarcPage)] == ["https://a.example/1.html", "https://a.example/2.html"]
    reasons = [i.reason for i in items if isinstance(i, WarcSkip)]
    assert reasons == ["skipped/warcinfo", "malformed/bad_record", "malformed/truncated_record"]


def test_domain_filter_by_registered_domain_from_a_list_or_a_file(cc_news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(cc_news), "-o", str(out), "--workers", "0", "--domain", "gazette.example.co.uk"]) == 0
    assert [r["source"] for r in read_lines(out)] == ["gazette.example.co.uk", "news.gazette.example.co.uk"]
    sites = tmp_path / "sites.txt"
    sites.write_text("# wanted\nhttps://www.other.example.com/\n", "utf-8")
    assert main(["extract", str(cc_news), "-o", str(out), "--workers", "0", "--domain", f"@{sites}"]) == 0
    assert {r["source"] for r in read_lines(out)} == {"other.example.com"}
    assert main(["extract", str(cc_news), "-o", str(out), "--workers", "0", "--domain", "nowhere.example"]) == 1


def test_date_window_on_published_and_fetch_dates(cc_news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    args = ["extract", str(cc_news), "-o", str(out), "--workers", "0"]
    assert main([*args, "--since", "2026-11-01"]) == 0
    assert sorted(r["published"][:10] for r in read_lines(out)) == ["2026-11-03", "2026-11-05"]
    assert main([*args, "--since", "2026-10-01", "--until", "2026-11-03"]) == 0
    assert sorted(r["published"][:10] for r in read_lines(out)) == ["2026-10-09", "2026-10-24", "2026-11-03"]
    assert main([*args, "--until", "2026-10-09"]) == 0
    assert [r["published"][:10] for r in read_lines(out)] == ["2026-10-09"]


def test_language_filter(tmp_path: Path) -> None:
    path = cc_news_path(tmp_path)
    german = page("news/2026/11/harbour-bridge-reopens.html").replace(b'<html lang="en"', b'<html lang="de-AT"')
    with path.open("wb") as handle:
        warc = CcNewsWriter(handle)
        warc.response("https://a.example/en.html", page("news/2026/10/gull-spit-seal-count.html"))
        warc.response("https://a.example/de.html", german)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "-o", str(out), "--workers", "0", "--language", "de"]) == 0
    assert [(r["url"], r["language"]) for r in read_lines(out)] == [("https://a.example/de.html", "de-AT")]
    assert main(["extract", str(path), "-o", str(out), "--workers", "0", "--language", "fr,EN"]) == 0
    assert [r["url"] for r in read_lines(out)] == ["https://a.example/en.html"]


def test_many_files_and_folders_all_workers(cc_news: Path, tmp_path: Path) -> None:
    second = cc_news_path(cc_news.parent / "more", serial=2)
    second.parent.mkdir()
    with second.open("wb") as handle:
        story = page("news/2026/11/fishing-quota-dispute.html")
        CcNewsWriter(handle).response("https://third.example/story.html", story)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(cc_news.parent), "-o", str(out), "--workers", "2"]) == 0
    assert len(read_lines(out)) == 5
    assert main(["extract", str(cc_news), str(second), "-o", str(out), "--workers", "2", "--format", "markdown"]) == 0
    assert out.read_text("utf-8").count("\n---\n\n") == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last week"], "--since takes an ISO date"),
        (["--domain", "@/nonexistent/sites.txt"], "cannot read the --domain file"),
        (["--url", "https://x.example/"], "--url applies to exactly one input file"),
    ],
)
def test_filter_usage_errors(cc_news: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(cc_news), *args]) == 2
    assert message in capsys.readouterr().err


def test_a_file_gzipped_whole_is_read_record_by_record(tmp_path: Path) -> None:
    plain = io.BytesIO()
    warc = CcNewsWriter(plain, gzip=False)
    for number in range(3):
        warc.response(f"https://a.example/{number}.html", b"<html><p>story</p></html>" * (number + 1) * 1000)
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(plain.getvalue()))  # `gzip file.warc`: one member for every record
    pages = [item for item in read_warc(path, 10**6) if isinstance(item, WarcPage)]
    assert [len(p.body) for p in pages] == [25_000, 50_000, 75_000]
