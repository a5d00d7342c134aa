"""Small helpers shared by tests (fixtures live in conftest.py)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from scraper import settings
from scraper.items import Page, Rejection

# The news corpus beside the project (real sites' pages, hand-checked truth); tests that read it
# skip or narrow themselves when it is absent.
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def project_settings(**overrides: Any) -> dict[str, Any]:
    """The project's settings (scraper/settings.py) as a dict, with overrides.

    The crawl state is off unless a test turns it on with its own ``NEWS_STATE_PATH``: an
    in-process crawler must not lock or fill the project folder's state.
    """
    values = {key: getattr(settings, key) for key in dir(settings) if key.isupper() and key != "TWISTED_REACTOR"}
    values["NEWS_STATE_ENABLED"] = False
    values.update(overrides)
    return values


def make_page(body: bytes | str, url: str = "https://news.example/2026/11/story.html", **fields: Any) -> Page:
    """A fetched page as a spider would yield it."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    values: dict[str, Any] = {
        "url": url, "final_url": url, "status": 200, "body": data, "encoding": "utf-8",
        "content_type": "text/html", "fetched_at": "2026-11-25T10:00:00+00:00",
        "source": "news.example", "discovered_via": "link",
    }  # fmt: skip
    values.update(fields)
    return Page(**values)


def corpus_trees(step: int) -> Iterator[tuple[str, lxml_html.HtmlElement]]:
    """Every ``step``-th page of the news corpus (its id and tree), decoded and parsed as extraction does."""
    from scraper.extraction.decoding import decode_page, parse_page

    rows = [json.loads(line) for line in (CORPUS / "truth.jsonl").read_text("utf-8").splitlines()]
    for row in rows[::step]:
        decoded = decode_page(gzip.decompress((CORPUS / "pages" / f"{row['id']}.html.gz").read_bytes()), None)
        assert not isinstance(decoded, Rejection), row["id"]
        yield row["id"], parse_page(decoded)
