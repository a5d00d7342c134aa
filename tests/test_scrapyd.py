"""The README's Scrapyd recipe, as written: build the egg, deploy it to a real Scrapyd, schedule a crawl.

Scrapyd (and scrapyd-client, which builds the egg) are test dependencies; when they cannot be
imported the test is skipped with that reason. The Scrapyd server runs on 127.0.0.1 in a
temporary folder and is stopped by the test.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest

from scraper.demo.server import DemoServer
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.crawl

scrapyd = pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install -e '.[test]')")
pytest.importorskip("scrapyd_client", reason="scrapyd-client is not installed (pip install -e '.[test]')")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _post(url: str, fields: dict[str, Any], egg: bytes | None = None) -> dict[str, Any]:
    """POST form fields (a list value repeats the field) and an optional egg as multipart/form-data."""
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode())
    if egg is not None:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="project.egg"\r\n'
        parts.append(head.encode() + b"Content-Type: application/octet-stream\r\n\r\n" + egg + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    request = Request(url, data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urlopen(request, timeout=30) as response:
        result: dict[str, Any] = json.loads(response.read())
    return result


def _get(url: str, **params: str) -> dict[str, Any]:
    with urlopen(f"{url}?{urlencode(params)}", timeout=30) as response:
        result: dict[str, Any] = json.loads(response.read())
    return result


def test_deploy_and_schedule_on_a_real_scrapyd(tmp_path: Path, demo_site: DemoServer) -> None:
    project = tmp_path / "checkout"
    skip = shutil.ignore_patterns(".venv", ".git", "output", "*_cache", "__pycache__", "*.egg-info", ".bench")
    shutil.copytree(PROJECT_ROOT, project, ignore=skip)
    egg_path = tmp_path / "news_scraper.egg"
    built = subprocess.run([sys.executable, "-m", "scrapyd_client.deploy", "--build-egg", str(egg_path)],
                           cwd=project, capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert built.returncode == 0, built.stderr[-3000:]
    with zipfile.ZipFile(egg_path) as egg:
        entry_points = egg.read("EGG-INFO/entry_points.txt").decode()
        packages = {name.split("/")[0] for name in egg.namelist()}
    assert "[scrapy]\nsettings = scraper.settings" in entry_points
    assert {"scraper", "spiders", "pipelines"} <= packages
    assert "tests" not in packages

    port = _free_port()
    (tmp_path / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {tmp_path}/eggs\n"
        f"logs_dir = {tmp_path}/logs\nitems_dir =\ndbs_dir = {tmp_path}/dbs\npoll_interval = 0.5\n",
        "utf-8",
    )
    server_log = (tmp_path / "scrapyd.out").open("wb")
    server = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=tmp_path, stdout=server_log, stderr=server_log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                _get(f"{base}/daemonstatus.json")
                break
            except OSError:
                time.sleep(0.2)
        added = _post(f"{base}/addversion.json", {"project": "news_scraper", "version": "1"}, egg_path.read_bytes())
        assert added["status"] == "ok", added
        out = tmp_path / "srv" / "output"
        settings = [f"NEWS_STATE_PATH={tmp_path}/srv/state/news.sqlite3", f"NEWS_OUTPUT_PATH={out}/{{run_id}}.jsonl",
                    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "NEWS_EXTRACT_WORKERS=1"]  # fmt: skip
        job = _post(f"{base}/schedule.json", {"project": "news_scraper", "spider": "news",
                                              "url": f"{demo_site.base_url}/", "setting": settings})  # fmt: skip
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            jobs = _get(f"{base}/listjobs.json", project="news_scraper")
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            time.sleep(1)
        else:
            pytest.fail(f"the Scrapyd job did not finish: {jobs}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        server_log.close()
    log = next((tmp_path / "logs").rglob("*.log")).read_text("utf-8")
    (output,) = out.glob("*.jsonl")
    records = output.read_text("utf-8").splitlines()
    assert len(records) >= 10, log[-3000:]
    assert "Traceback" not in log
