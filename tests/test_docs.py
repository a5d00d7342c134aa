"""The documentation (README.md and docs/*.md) documents every setting, spider argument, drop reason
and `scraper extract` option; the `make` targets it names exist, and its relative links and anchors
lead somewhere. A fact may be documented in any of the files (the README points into docs/)."""

from __future__ import annotations

import argparse
import inspect
import re
from pathlib import Path

import pytest

from scraper import settings
from scraper.cli import build_parser
from scraper.items import DropReason
from spiders.news import NewsSpider
from tests.conftest import DOC_PATHS, PROJECT_ROOT, documentation

DOCS = documentation()
ARGUMENTS = [p for p in inspect.signature(NewsSpider.__init__).parameters if p not in ("self", "kwargs")]


def test_the_reference_is_there() -> None:
    names = {path.relative_to(PROJECT_ROOT).as_posix() for path in DOC_PATHS}
    assert {"README.md", "docs/reference.md", "docs/schema.md"} <= names


@pytest.mark.parametrize("name", sorted(k for k in dir(settings) if k.startswith("NEWS_")))
def test_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in DOCS


@pytest.mark.parametrize("reason", sorted(DropReason))
def test_drop_reason_is_documented(reason: DropReason) -> None:
    assert f"`{reason}`" in DOCS


@pytest.mark.parametrize("argument", ARGUMENTS)
def test_spider_argument_is_documented(argument: str) -> None:
    assert f"| `{argument}` |" in DOCS


def table_after(header: str) -> list[str]:
    """The first cells of the Markdown table whose header row starts with ``header``."""
    lines = DOCS.split(header, 1)[1].splitlines()[2:]  # skip the rest of the header and the separator
    return [line.split("|")[1].strip() for line in lines[: next(i for i, x in enumerate(lines) if not x)]]


def test_spider_argument_table_names_only_real_arguments() -> None:
    assert [cell.strip("`") for cell in table_after("| argument | meaning |")] == ARGUMENTS


def test_scraper_extract_options_are_the_parser_options() -> None:
    """Every row of the options table names real option strings, and every option has a row."""
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    extract = commands.choices["extract"]
    real = {s for action in extract._actions for s in action.option_strings} - {"-h", "--help"}
    documented = set()
    for cell in table_after("| option | meaning |"):
        documented |= {name.split(" ")[0] for name in re.findall(r"`([^`]+)`", cell)}
    assert documented - {"inputs"} == real


def github_anchor(heading: str, seen: dict[str, int]) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return f"{slug}-{count}" if count else slug


def prose(path: Path) -> list[str]:
    """The file's lines outside fenced code blocks."""
    lines, fenced = [], False
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    return {github_anchor(line.lstrip("#"), seen) for line in prose(path) if re.match(r"#{1,6} ", line)}


LINKS = [
    (path, target)
    for path in DOC_PATHS
    for line in prose(path)
    for target in re.findall(r"\]\(([^)\s]+)\)", line)
    if not re.match(r"[a-z]+:", target)  # http(s), mailto: not checked here
]


def test_the_docs_link_to_each_other() -> None:
    targets = {(path.name, target.split("#")[0]) for path, target in LINKS}
    assert ("README.md", "docs/reference.md") in targets
    assert ("README.md", "docs/schema.md") in targets


@pytest.mark.parametrize(("path", "target"), LINKS, ids=[f"{p.name}->{t}" for p, t in LINKS])
def test_relative_link_resolves(path: Path, target: str) -> None:
    file, _, anchor = target.partition("#")
    linked = (path.parent / file).resolve() if file else path
    assert linked.exists(), f"{path.name}: {target} names no file"
    if anchor:
        assert anchor in anchors(linked), f"{path.name}: {target}: no such heading in {linked.name}"


@pytest.mark.parametrize("target", sorted(set(re.findall(r"(?:`|^)make ([a-z][\w-]*)", DOCS, re.MULTILINE))))
def test_make_target_exists(target: str) -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text("utf-8")
    assert re.search(rf"^{re.escape(target)}:", makefile, re.MULTILINE), f"`make {target}` is not a Makefile target"
