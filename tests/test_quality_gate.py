"""Quality gate on the shared corpora: our figures may not fall below the pinned floors.

Runs the same code path as the crawl (``scraper extract`` with worker processes) on every page
of each corpus and scores it with ``../shared/eval/score.py``: ``../shared/corpus`` (news pages)
and ``../shared/corpus-wcxb`` (pages of seven kinds from about 1,300 sites, WCXB by Murrough
Foley, CC-BY-4.0), so a change tuned on one corpus cannot quietly cost the other. A corpus that
is not beside the project (a user's fresh clone) skips its gate, with the reason. The WCXB run
is the slow one (about 1,500 pages, some minutes on two cores); ``scraper extract`` uses every
core for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS, EVAL_DIR, PROJECT_ROOT

pytestmark = pytest.mark.corpus
FLOORS: dict[str, dict[str, float]] = {
    name: value
    for name, value in json.loads((Path(__file__).parent / "quality_floors.json").read_text("utf-8")).items()
    if not name.startswith("_")
}
CORPORA = {
    "corpus": CORPUS,
    "corpus-wcxb": Path(os.environ.get("NEWS_CORPUS_WCXB", PROJECT_ROOT.parent / "shared" / "corpus-wcxb")),
}
# Floors (at or above) and ceilings (``*_max``: at or below), per corpus.
CHECKS = [(corpus, name) for corpus, floors in FLOORS.items() for name in floors]


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, Any]]:
    """Scored metrics per corpus, computed on first use (a corpus is run only when asked for)."""
    return {}


def metrics_of(corpus: str, cache: dict[str, dict[str, Any]], tmp: Path) -> dict[str, Any]:
    """Extract and score one corpus, once per test module."""
    if corpus in cache:
        return cache[corpus]
    folder = CORPORA[corpus]
    if not (folder / "truth.jsonl").exists() or not (EVAL_DIR / "score.py").exists():
        pytest.skip(f"no corpus at {folder} (or scorer at {EVAL_DIR}): the {corpus} gate needs ../shared")
    pred, scored = tmp / f"{corpus}.pred.jsonl", tmp / f"{corpus}.metrics.json"
    subprocess.run([sys.executable, "-m", "scraper", "extract", "--manifest", str(folder / "truth.jsonl"),
                    "-o", str(pred), "--no-progress"], cwd=PROJECT_ROOT, check=True, capture_output=True)  # fmt: skip
    subprocess.run([sys.executable, str(EVAL_DIR / "score.py"), "--truth", str(folder / "truth.jsonl"),
                    "--pred", str(pred), "--json", str(scored)], check=True, capture_output=True)  # fmt: skip
    cache[corpus] = json.loads(scored.read_text("utf-8"))
    return cache[corpus]


@pytest.mark.parametrize(("corpus", "name"), CHECKS)
def test_metric_within_its_pinned_bound(
    corpus: str, name: str, measured: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    metrics = metrics_of(corpus, measured, tmp_path_factory.getbasetemp())
    bound = FLOORS[corpus][name]
    if name.endswith("_max"):
        value = metrics[name.removesuffix("_max")]
        assert value <= bound, f"{corpus}: {name.removesuffix('_max')} rose to {value:.3f} (ceiling {bound})"
    else:
        value = metrics[name]
        assert value >= bound, f"{corpus}: {name} fell to {value:.3f} (floor {bound})"
