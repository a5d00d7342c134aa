"""Output that cannot escape its folder, and recovery that touches only our own ``.part`` files."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

import pytest

from pipelines.output import confine, slug
from pipelines.recovery import final_of, own_parts, part_path, recover_part
from tests.test_pipelines_validate_dedup import make_article

RUN = "20261125T100000Z-a1b2"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../../../escaped/x", "escaped-x"), ("/etc/passwd", "etc-passwd"), ("..", "source"), ("", "source"),
     ("Example News", "Example-News"), ("news.example", "news.example"), (".hidden", "hidden"),
     ("a..b", "a.b"), ("x" * 200, "x" * 80)],
)  # fmt: skip
def test_source_names_become_one_safe_path_component(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_a_path_outside_the_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "out"
    confine(root / "a" / "b.jsonl", root)
    with pytest.raises(PermissionError, match="outside the output folder"):
        confine(root / ".." / "b.jsonl", root)
    root.mkdir()
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(PermissionError):
        confine(root / "link" / "b.jsonl", root)


def test_part_files_always_name_their_run(tmp_path: Path) -> None:
    assert part_path(tmp_path / f"{RUN}.jsonl", RUN).name == f"{RUN}.jsonl.part"
    assert part_path(tmp_path / "all.jsonl", RUN).name == f"all.jsonl.{RUN}.part"
    assert final_of(tmp_path / f"all.jsonl.{RUN}.part") == (tmp_path / "all.jsonl", RUN)
    assert final_of(tmp_path / f"{RUN}.jsonl.part") == (tmp_path / f"{RUN}.jsonl", RUN)


def test_recovery_looks_only_at_the_templates_shape_and_our_names(tmp_path: Path) -> None:
    template = str(tmp_path / "out" / "{source}" / "{run_id}.jsonl")
    ours = tmp_path / "out" / "site" / f"{RUN}.jsonl.part"
    deeper = tmp_path / "out" / "site" / "x" / f"{RUN}.jsonl.part"  # not the template's shape
    above = tmp_path / f"{RUN}.jsonl.part"  # above the output root
    foreign = tmp_path / "out" / "site" / "export.jsonl.part"  # another program's name
    for path in (ours, deeper, above, foreign):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", "utf-8")
    assert own_parts(template) == [ours]
    no_run_id = str(tmp_path / "out" / "{source}.jsonl")
    mine = tmp_path / "out" / f"site.jsonl.{RUN}.part"
    mine.write_text("", "utf-8")
    assert own_parts(no_run_id) == [mine]


def test_bad_lines_are_quarantined_and_named(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    record = json.dumps(dataclasses.asdict(make_article())).encode()
    wrong_types = json.dumps({**dataclasses.asdict(make_article()), "text": 5, "revision": "1"}).encode()
    bad = [b"\x00\x00\x00", b"{broken", b"[1, 2]", b'{"url": "https://x.example/"}', b"\xff\xfe not utf-8",
           wrong_types]  # fmt: skip
    part = tmp_path / f"{RUN}.jsonl.part"
    part.write_bytes(b"\n".join([record, *bad, record]) + b"\n" + b'{"torn')
    with caplog.at_level(logging.WARNING):
        assert recover_part(part, None) == 2
    final = tmp_path / f"{RUN}.jsonl"
    assert final.read_bytes() == record + b"\n" + record + b"\n"
    rejected = tmp_path / f"{RUN}.jsonl.rejected"
    assert rejected.read_bytes() == b"\n".join(bad) + b"\n"
    assert any(str(part) in r.message and str(rejected) in r.message for r in caplog.records)
    summary = json.loads((tmp_path / f"{RUN}.summary.json").read_text("utf-8"))
    assert summary["lines_rejected"] == len(bad)
    assert summary["torn_bytes_dropped"] == len(b'{"torn')
