"""End-to-end: a real `scrapy crawl` against hostile sites on 127.0.0.1 (robots.txt, ports, output, state).

Each site is a small stdlib server on its own port (so each is its own origin), serving from a
daemon thread through ``scraper.demo.loopback`` and recording every request, so the tests can
say what the crawler asked for and, above all, what it never asked for. One crawl holds every
robots.txt case beside a normal source; the output and state cases get crawls of their own.
"""

from __future__ import annotations

import dataclasses
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from scraper.demo.loopback import LoopbackServer
from tests.conftest import CrawlResult, run_crawl
from tests.test_pipelines_validate_dedup import make_article

pytestmark = pytest.mark.crawl

TIMEOUT = 2  # DOWNLOAD_TIMEOUT of these crawls; the slow robots.txt takes longer
ROBOTS_CAP = 500 * 1024  # NEWS_ROBOTSTXT_MAX_BYTES, scraper/settings.py


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def page(title: str, links: tuple[str, ...] | list[str] = ()) -> Reply:
    items = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    body = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><ul>{items}</ul></body></html>"
    return Reply(200, body.encode(), {"Content-Type": "text/html; charset=utf-8"})


def text(body: str | bytes, status: int = 200) -> Reply:
    data = body.encode() if isinstance(body, str) else body
    return Reply(status, data, {"Content-Type": "text/plain; charset=utf-8"})


def moved(location: str) -> Reply:
    return Reply(301, b"Moved", {"Location": location})


class Site:
    """A server on its own port: answers from ``routes`` (else 404), logs every path."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.routes: dict[str, Reply] = {}
        self.requests: list[str] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append(self.path)
                reply = site.routes.get(self.path) or text("Not Found", 404)
                time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except OSError:  # the crawler gave up waiting (the slow robots.txt)
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.server = LoopbackServer(lambda address: ThreadingHTTPServer(address, Handler), name=name)
        self.server.start()

    @property
    def url(self) -> str:
        return self.server.base_url

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture
def sites() -> Iterator[dict[str, Site]]:
    made: dict[str, Site] = {}

    def make(name: str) -> Site:
        made[name] = Site(name)
        return made[name]

    for name in ("good", "five", "moving", "target", "huge", "slow", "gone", "ports", "other_port"):
        make(name)
    good = made["good"]  # the normal source: every crawl here has one
    good.routes["/robots.txt"] = text("User-agent: *\nAllow: /\n")
    good.routes["/"] = page("Good", ["/a.html"])
    good.routes["/a.html"] = page("Good /a.html")
    yield made
    for site in made.values():
        site.stop()


def sources_file(path: Path, sources: dict[str, str]) -> Path:
    lines = [f'[[source]]\nname = "{name}"\nurls = ["{url}/"]\n' for name, url in sources.items()]
    path.write_text("\n".join(lines), "utf-8")
    return path


def stat(result: CrawlResult, section: str, key: str) -> int:
    return int(result.summary.get(section, {}).get(key, 0))


def test_hostile_robots_and_other_ports(tmp_path: Path, sites: dict[str, Site]) -> None:
    good, five, moving, target = sites["good"], sites["five"], sites["moving"], sites["target"]
    huge, slow, gone, ports, other = sites["huge"], sites["slow"], sites["gone"], sites["ports"], sites["other_port"]
    for site, path in [(five, "/a.html"), (moving, "/public.html"), (moving, "/private/secret.html"),
                       (huge, "/open.html"), (huge, "/blocked/x.html"), (slow, "/"), (gone, "/here.html"),
                       (ports, "/mine.html"), (other, "/other.html"), (other, "/redirected.html")]:  # fmt: skip
        site.routes[path] = page(f"{site.name} {path}")
    # 5xx: the whole site is off limits for the run; robots.txt is asked for once (no retries).
    five.routes["/robots.txt"] = text("Service Unavailable", 503)
    five.routes["/"] = page("Five", ["/a.html"])
    # Two redirects to another origin, whose file is obeyed for the site that redirected.
    moving.routes["/robots.txt"] = moved(f"{target.url}/hop")
    target.routes["/hop"] = moved(f"{target.url}/rules.txt")
    target.routes["/rules.txt"] = text("User-agent: *\nDisallow: /private/\n")
    moving.routes["/"] = page("Moving", ["/private/secret.html", "/public.html"])
    # 2 MB of rules: the first 500 KiB are obeyed, the "Disallow: /" after them is not read.
    filler = "".join(f"Disallow: /junk/{n}/\n" for n in range(120_000)).encode()
    assert len(filler) > 4 * ROBOTS_CAP
    huge.routes["/robots.txt"] = text(b"User-agent: *\nDisallow: /blocked/\n" + filler + b"Disallow: /\n")
    huge.routes["/"] = page("Huge", ["/blocked/x.html", "/open.html"])
    # No answer in time: unreachable, disallow all; one attempt, not RETRY_TIMES + 1.
    slow.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n", delay=TIMEOUT + 2)
    # 4xx: allow all.
    gone.routes["/robots.txt"] = text("Not Found", 404)
    gone.routes["/"] = page("Gone", ["/here.html"])
    # Another port of the same host: never requested, neither by a link nor by a redirect.
    ports.routes["/robots.txt"] = text("User-agent: *\nAllow: /\n")
    ports.routes["/"] = page("Ports", [f"{other.url}/other.html", "/hop.html", "/mine.html"])
    ports.routes["/hop.html"] = moved(f"{other.url}/redirected.html")

    names = ("good", "five", "moving", "huge", "slow", "gone", "ports")
    toml = sources_file(tmp_path / "sources.toml", {n: sites[n].url for n in names})
    result = run_crawl(tmp_path, "-a", f"sources={toml}", "-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}",
                       "-s", "NEWS_RETRY_BACKOFF_BASE=0.1")  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert result.summary["urls"]["unfinished"] == 0, result.summary["urls"]
    enabled = result.stderr[result.stderr.index("Enabled extensions") :][:2000]
    assert "RemoteControl" not in enabled  # off by default (scraper/settings.py), like the Telnet console
    assert "Rfc9309RobotsTxtMiddleware" in result.stderr

    assert five.requests == ["/robots.txt"]
    assert stat(result, "fetch", "robots_disallow_all_5xx") == 1
    assert re.search(r"robots\.txt of 127\.0\.0\.1:\d+ answered 503", result.stderr)

    assert moving.requests.count("/robots.txt") == 1
    assert target.requests == ["/hop", "/rules.txt"]  # followed off-host, and only robots.txt there
    assert "/public.html" in moving.requests
    assert "/private/secret.html" not in moving.requests

    assert huge.requests.count("/robots.txt") == 1
    assert stat(result, "fetch", "robots_truncated") == 1
    assert "/open.html" in huge.requests  # the "Disallow: /" past the cap was not read
    assert "/blocked/x.html" not in huge.requests

    assert slow.requests == ["/robots.txt"]
    assert stat(result, "fetch", "robots_disallow_all_unreachable") == 1

    assert "/here.html" in gone.requests
    assert stat(result, "fetch", "robots_allow_all_4xx") == 1

    assert "/mine.html" in ports.requests
    assert "/hop.html" in ports.requests
    assert other.requests == []  # not the link, not the redirect, not its robots.txt
    assert stat(result, "fetch", "offsite_port") == 1  # the redirect hop; the link was never made

    assert good.requests.count("/robots.txt") == 1
    assert "/a.html" in good.requests


def test_a_source_name_cannot_write_outside_the_output_folder(tmp_path: Path, sites: dict[str, Site]) -> None:
    good = sites["good"]
    toml = sources_file(tmp_path / "sources.toml", {"../../../escaped/x": good.url})
    out = tmp_path / "run" / "out"
    template = str(out / "{source}" / "{run_id}.jsonl")
    # A second -s replaces the one run_crawl gives (the same priority, the later value).
    result = run_crawl(tmp_path / "run", "-a", f"sources={toml}", "-s", f"NEWS_OUTPUT_PATH={template}")
    assert result.returncode == 0, result.stderr[-3000:]
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.jsonl"))
    assert len(written) == 1
    assert written[0].parent == Path("run/out/escaped-x")
    assert not list(tmp_path.parent.rglob("escaped"))


RUN = "20261125T100000Z-beef"


def test_a_poisoned_part_file_is_quarantined_and_the_run_goes_on(tmp_path: Path, sites: dict[str, Site]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    record = json.dumps(dataclasses.asdict(make_article(url="https://news.example/kept.html")))
    bad = [b"\x00" * 64, b'{"not": "a record"}', b"[1, 2, 3]", b"this is not json", b'"a string"']
    part = out / f"{RUN}.jsonl.part"
    part.write_bytes(record.encode() + b"\n" + b"\n".join(bad) + b"\n" + record.encode()[:30])
    foreign = out / "notes.jsonl.part"  # not named like ours: never touched
    foreign.write_bytes(b"\x00\x00 someone else's file\n")

    result = run_crawl(tmp_path, "-a", f"url={sites['good'].url}/")
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.summary["failed"] is None

    final = out / f"{RUN}.jsonl"
    assert not part.exists()
    assert [json.loads(line)["url"] for line in final.read_text("utf-8").splitlines()] == [
        "https://news.example/kept.html"
    ]
    rejected = out / f"{RUN}.jsonl.rejected"
    assert rejected.read_bytes().splitlines() == bad
    warning = next(line for line in result.stderr.splitlines() if "not records" in line)
    assert str(part) in warning
    assert str(rejected) in warning
    assert foreign.read_bytes() == b"\x00\x00 someone else's file\n"
    recovered = json.loads((out / f"{RUN}.summary.json").read_text("utf-8"))
    assert (recovered["records_written"], recovered["lines_rejected"]) == (1, len(bad))


def test_a_corrupt_state_file_stops_the_run_with_one_clear_message(tmp_path: Path, sites: dict[str, Site]) -> None:
    state = tmp_path / "state.sqlite3"
    state.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # a header, then garbage
    result = run_crawl(tmp_path, "-a", f"url={sites['good'].url}/", state=state)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if " ERROR: " in line]
    assert len(errors) == 1, errors
    assert f"the crawl state {state} is not a readable crawl state" in errors[0]
    assert "Traceback" not in result.stderr
    assert sites["good"].requests == []  # stopped before anything was fetched
    assert state.read_bytes().startswith(b"SQLite format 3\x00\xff")  # kept as it was, for inspection
