"""Run every benchmarks/bench_*.py (or the ones named on the command line).

Each benchmark measures the plugin against its peer in the same process on the same data and
prints ratios; results are written to benchmarks/results/<name>.json by the benchmark itself
(see benchmarks/common.py). Never used as timed assertions in tests.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(HERE.glob("bench_*.py"))
    if wanted:
        scripts = [s for s in scripts if s.stem in wanted or s.stem.removeprefix("bench_") in wanted]
    for script in scripts:
        print("=" * 72, flush=True)
        print(script.stem, flush=True)
        print("=" * 72, flush=True)
        saved = sys.argv
        sys.argv = [str(script)]  # the runner's own arguments (which benchmarks) are not the script's
        try:
            runpy.run_path(str(script), run_name="__main__")
        finally:
            sys.argv = saved
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
