"""Quality gate on ../shared/corpus: our figures may not fall below the pinned floors.

Runs the same code path as the crawl (``scraper extract`` with worker processes) on every
corpus page and scores it with ``../shared/eval/score.py``. Skipped, with the reason, when the
corpus is not beside the project (a user's fresh clone).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EVAL_DIR, PROJECT_ROOT

pytestmark = pytest.mark.corpus
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def metrics(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from tests.conftest import CORPUS

    if not (CORPUS / "truth.jsonl").exists() or not (EVAL_DIR / "score.py").exists():
        pytest.skip(f"no corpus at {CORPUS} (or scorer at {EVAL_DIR}): the quality gate needs ../shared")
    tmp = tmp_path_factory.mktemp("quality")
    pred, scored = tmp / "pred.jsonl", tmp / "metrics.json"
    subprocess.run([sys.executable, "-m", "scraper", "extract", "--manifest", str(CORPUS / "truth.jsonl"),
                    "-o", str(pred), "--no-progress"], cwd=PROJECT_ROOT, check=True, capture_output=True)  # fmt: skip
    subprocess.run([sys.executable, str(EVAL_DIR / "score.py"), "--truth", str(CORPUS / "truth.jsonl"),
                    "--pred", str(pred), "--json", str(scored)], check=True, capture_output=True)  # fmt: skip
    result: dict[str, Any] = json.loads(scored.read_text("utf-8"))
    return result


@pytest.mark.parametrize("name", ["body_f1", "precision", "recall", "title", "authors", "date", "date_minute"])
def test_metric_at_or_above_floor(metrics: dict[str, Any], name: str) -> None:
    assert metrics[name] >= FLOORS[name], f"{name} fell to {metrics[name]:.3f} (floor {FLOORS[name]})"


def test_caption_leak_at_or_below_ceiling(metrics: dict[str, Any]) -> None:
    assert metrics["caption_leak"] <= FLOORS["caption_leak_max"]


def test_no_page_missing(metrics: dict[str, Any]) -> None:
    assert metrics["missing"] <= FLOORS["missing_max"]
