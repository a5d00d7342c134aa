"""The README documents every setting of ours, spider argument and drop reason."""

from __future__ import annotations

import inspect

import pytest

from scraper import settings
from scraper.items import DropReason
from spiders.news import NewsSpider
from tests.conftest import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(k for k in dir(settings) if k.startswith("NEWS_")))
def test_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in README


@pytest.mark.parametrize("reason", sorted(DropReason))
def test_drop_reason_is_documented(reason: DropReason) -> None:
    assert f"`{reason}`" in README


@pytest.mark.parametrize(
    "argument", [p for p in inspect.signature(NewsSpider.__init__).parameters if p not in ("self", "kwargs")]
)
def test_spider_argument_is_documented(argument: str) -> None:
    assert f"| `{argument}` |" in README
