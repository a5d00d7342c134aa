"""A new user's install: the system ``python3 -m venv`` and the pip it bundles, then ``pip install -e .``.

``make`` upgrades pip first, which once hid that an old pip skips lxml's ``html_clean`` extra and
leaves trafilatura unimportable; this installs the way the README's manual steps do.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from tests.test_pipelines_extract import ARTICLE_HTML

pytestmark = pytest.mark.crawl


def test_pip_install_in_a_fresh_venv_gives_a_working_scraper_extract(tmp_path: Path) -> None:
    base = getattr(sys, "_base_executable", sys.executable)
    venv = tmp_path / "venv"
    subprocess.run([base, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "-e", str(PROJECT_ROOT)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    if pip.returncode != 0 and "No matching distribution" in pip.stderr + pip.stdout:
        pytest.skip(f"no package index reachable: {pip.stderr.strip().splitlines()[-1]}")
    assert pip.returncode == 0, pip.stderr[-2000:]
    page = tmp_path / "story.html"
    page.write_text(ARTICLE_HTML, "utf-8")
    done = subprocess.run(
        [str(venv / "bin" / "scraper"), "extract", str(page), "--url", "https://news.example/2026/11/b.html",
         "--workers", "0"],
        capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"title": "Bridge reopens"' in done.stdout
    shutil.rmtree(venv, ignore_errors=True)
