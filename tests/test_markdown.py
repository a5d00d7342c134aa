"""`body` (schema 1.2) and its Markdown rendering: the blocks behind `text`, typed, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.api import extract
from scraper.cli import main
from scraper.items import Article, BodyBlock
from scraper.markdown import render_block, render_markdown
from tests.conftest import PROJECT_ROOT

SITE = PROJECT_ROOT / "scraper" / "demo" / "site"
SEALS = SITE / "news" / "2026" / "10" / "gull-spit-seal-count.html"
SEALS_URL = "http://127.0.0.1:8000/news/2026/10/gull-spit-seal-count.html"


def demo_articles() -> list[Path]:
    return sorted((SITE / "news").rglob("*.html")) + sorted((SITE / "opinion").rglob("*.html"))


@pytest.mark.parametrize("path", demo_articles(), ids=lambda p: p.stem)
def test_body_blocks_joined_are_the_text(path: Path) -> None:
    article = extract(path.read_bytes(), url=f"http://127.0.0.1:8000/{path.relative_to(SITE)}")
    assert isinstance(article, Article)
    assert article.body, "an article has body blocks"
    assert "\n\n".join(block.text for block in article.body) == article.text
    assert {block.type for block in article.body} <= {"heading", "paragraph", "list", "quote", "table"}
    assert article.markdown is None  # NEWS_MARKDOWN is off by default


def test_sub_headings_and_quotes_keep_their_type_and_place() -> None:
    article = extract(SEALS.read_bytes(), url=SEALS_URL)
    assert isinstance(article, Article)
    types = [block.type for block in article.body]
    heading = types.index("heading")
    assert article.body[heading].text == "Keep your distance"
    assert types.index("quote") < heading
    assert article.body[types.index("quote")].text.startswith("Three years ago we were worried")
    assert article.to_dict()["body"][heading] == {"type": "heading", "text": "Keep your distance"}


def test_markdown_setting_adds_the_rendered_body() -> None:
    article = extract(SEALS.read_bytes(), url=SEALS_URL, markdown=True)
    assert isinstance(article, Article)
    assert article.markdown is not None
    assert article.markdown.startswith("# Seal pups counted at Gull Spit reach a ten-year high\n\nVolunteers counting")
    assert "\n\n## Keep your distance\n\n" in article.markdown
    assert "\n\n> Three years ago we were worried" in article.markdown


def test_each_block_type_renders() -> None:
    assert render_block(BodyBlock("heading", "Traffic\nplan")) == "## Traffic plan"
    assert render_block(BodyBlock("list", "Bread\n- Milk")) == "- Bread\n- \\- Milk"
    assert render_block(BodyBlock("quote", "We did it.\nJane Doe")) == "> We did it.\n> Jane Doe"
    assert render_block(BodyBlock("table", "Team | Points\nRovers | 12\nTotal")) == (
        "| Team | Points |\n|---|---|\n| Rovers | 12 |\n| Total |  |"
    )
    assert render_block(BodyBlock("paragraph", "# not a heading")) == "\\# not a heading"
    assert render_block(BodyBlock("paragraph", "1999. A year to remember")) == "1999\\. A year to remember"
    assert render_block(BodyBlock("paragraph", "   ")) == ""
    assert render_markdown("Title", [BodyBlock("paragraph", "One."), BodyBlock("paragraph", "Two.")]) == (
        "# Title\n\nOne.\n\nTwo.\n"
    )


def test_extract_format_markdown(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    pages = [SEALS, SITE / "news" / "2026" / "10" / "lantern-theatre-reopens.html"]
    code = main(["extract", *map(str, pages), "-o", str(out), "--workers", "0", "--format", "markdown"])
    assert code == 0
    documents = out.read_text("utf-8").split("\n---\n\n")
    assert len(documents) == 2
    assert documents[0].startswith("# Seal pups counted at Gull Spit")
    assert documents[1].startswith("# ")
    assert "## Built by volunteers" in documents[1]
