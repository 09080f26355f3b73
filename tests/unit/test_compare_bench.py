"""scripts/compare_bench.py: two benchmark result sets compared without timings and memory."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import compare_bench  # noqa: E402


def _write(folder: Path, name: str, data: dict) -> None:
    folder.mkdir(exist_ok=True)
    (folder / (name + ".json")).write_text(json.dumps(data), encoding="utf-8")


def test_timings_are_left_out_figures_are_compared(tmp_path):
    before = {"ankunft_s": 1.0, "seconds": {"graph_s": 2.0}, "ratio_x": 3.0, "peak_rss_mb": 900, "machine": "a",
              "date": "d", "targets": {"fast": True}, "class_agreement": 1.0, "classes": {"none": 12}, "sizes": [{"peer_s": 1, "edges": 10}]}
    after = {**before, "ankunft_s": 9.0, "seconds": {"graph_s": 7.0}, "ratio_x": 1.0, "peak_rss_mb": 100, "machine": "b",
             "date": "e", "targets": {"fast": False}, "sizes": [{"peer_s": 5, "edges": 10}]}
    _write(tmp_path / "a", "classify", before)
    _write(tmp_path / "b", "classify", after)
    assert compare_bench.main([str(tmp_path / "a"), str(tmp_path / "b")]) == 0
    n, skipped, diffs = compare_bench.compare_file(tmp_path / "a" / "classify.json", tmp_path / "b" / "classify.json", 0.0, compare_bench.TIMING)
    assert (n, diffs) == (3, []) and skipped == 8
    _write(tmp_path / "b", "classify", {**after, "classes": {"none": 13}})
    assert compare_bench.main([str(tmp_path / "a"), str(tmp_path / "b")]) == 1
    _n, _s, diffs = compare_bench.compare_file(tmp_path / "a" / "classify.json", tmp_path / "b" / "classify.json", 0.0, compare_bench.TIMING)
    assert diffs == ["  classes/none: 12 → 13"]
