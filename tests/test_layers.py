"""The import graph keeps the architecture: no circles, no arrow running back up.

Read from the source with ``ast`` (nothing is imported), so a new module that breaks a rule
fails here with the offending import named, not later as a circular-import error at start-up.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("scraper", "spiders", "pipelines")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Module -> the modules it imports (absolute names, top-level and function-level).

    ``from scraper import settings`` imports the module ``scraper.settings``, not the package's
    ``__init__``'s names: it counts as an import of ``scraper.settings`` alone.
    """
    raw: dict[str, set[tuple[str, str | None]]] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            found: set[tuple[str, str | None]] = set()
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Import):
                    found.update((alias.name, None) for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    found.update((node.module, alias.name) for alias in node.names)
            raw[_module_name(path)] = found
    graph: dict[str, set[str]] = {}
    for module, pairs in raw.items():
        targets: set[str] = set()
        for base, name in pairs:
            if name is not None and f"{base}.{name}" in raw:
                targets.add(f"{base}.{name}")
            else:
                targets.add(base)
                if name is not None:
                    targets.add(f"{base}.{name}")
        graph[module] = targets
    return graph


GRAPH = _imports()


def _ours(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    return {m: {i for i in imported if i in graph and i != m} for m, imported in graph.items()}


def _importing(prefix: str) -> dict[str, set[str]]:
    return {m: imported for m, imported in GRAPH.items() if m == prefix or m.startswith(prefix + ".")}


def test_no_import_circle() -> None:
    graph = _ours(GRAPH)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import circle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        # Extraction is pure: Page -> Article, no Scrapy, nothing from the crawl side.
        ("scraper.extraction", ("scrapy", "twisted", "scraper.fetching", "scraper.state", "scraper.commands",
                                "scraper.summary", "pipelines", "spiders", "scraper.cli")),
        # Shared vocabulary sits below both wings.
        ("scraper.text", ("scraper.extraction", "scraper.fetching", "scraper.state", "pipelines", "spiders")),
        ("scraper.dates", ("scraper.extraction", "scraper.fetching", "scraper.state", "pipelines", "spiders")),
        ("scraper.urls", ("scraper.extraction", "scraper.fetching", "scraper.state", "pipelines", "spiders")),
        ("scraper.items", ("scraper.extraction", "scraper.fetching", "scraper.state", "pipelines", "spiders")),
        ("scraper.fetching", ("scraper.extraction", "scraper.state", "pipelines", "spiders", "scraper.commands")),
        ("scraper.state", ("scraper.extraction", "scraper.fetching", "pipelines", "spiders", "scraper.commands")),
        ("pipelines", ("scraper.commands", "spiders")),
        ("spiders", ("pipelines", "scraper.commands")),
    ],
)  # fmt: skip
def test_no_import_runs_back_up(layer: str, forbidden: tuple[str, ...]) -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for module, imported in _importing(layer).items()
        for target in imported
        if any(target == f or target.startswith(f + ".") for f in forbidden)
    )
    assert not wrong, wrong


def test_only_the_article_module_imports_trafilatura() -> None:
    importers = sorted(m for m, imported in GRAPH.items() if any(i.split(".")[0] == "trafilatura" for i in imported))
    assert importers == ["scraper.extraction.article"]


def test_no_runtime_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if (n := len(path.read_text("utf-8").splitlines())) > 400
    }
    assert not long, long


def test_no_benchmark_or_site_generator_ships_in_the_package() -> None:
    shipped = [str(p.relative_to(ROOT)) for p in (ROOT / "scraper").rglob("*.py")]
    assert not [p for p in shipped if "bench" in p or "build_site" in p or p.endswith("demo/content.py")], shipped
