"""The fixed cost of every ``qgis_process`` call: a trivial run (native:centroids on 300 points) with our
plugin enabled and without any plugin, each in its own process, repeated; with Python's byte code
written as on a user's machine, and without any byte code (``PYTHONDONTWRITEBYTECODE=1`` with an empty
``PYTHONPYCACHEPREFIX``: every call compiles the modules again, as happens where the byte code was never
written, e.g. under the Makefile's test setting). The plugin's own load is the difference.

    python benchmarks/bench_start.py [--repeat 7]

Uses the plugin installed in ``$HOME``'s QGIS profile (``make install``); "without plugin" runs with an
empty profile in a temporary HOME. Results go to benchmarks/results/start.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

from bench_scale import WORK, data  # noqa: E402
from common import save  # noqa: E402
from proc_tree import run_measured  # noqa: E402

NO_PYCACHE = tempfile.mkdtemp(prefix="ankunft_no_pycache_")


def run_start(home: str, bytecode: bool, pts: Path, out: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=home)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not bytecode:  # no byte code at all: none written, none found (an empty cache prefix)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = NO_PYCACHE
    if out.exists():
        out.unlink()
    load = os.getloadavg()[0]
    r = run_measured(["qgis_process", "run", "native:centroids", "--", "INPUT={}".format(pts), "OUTPUT={}".format(out)], env=env)
    return {"seconds": r["seconds"], "cpu_s": r["cpu_s"], "ok": r["returncode"] == 0, "load1": round(max(load, os.getloadavg()[0]), 2)}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    _net, pts = data(150, [300])
    out = WORK / "out"
    out.mkdir(parents=True, exist_ok=True)
    bare_home = tempfile.mkdtemp(prefix="ankunft_bare_home_")
    cases = {
        "with plugin, byte code written": (os.environ["HOME"], True),
        "without plugin, byte code written": (bare_home, True),
        "with plugin, no byte code": (os.environ["HOME"], False),
        "without plugin, no byte code": (bare_home, False),
    }
    for home, bytecode in cases.values():  # warm-up: profile created, byte code written, files cached
        run_start(home, bytecode, pts[300], out / "start.gpkg")
    runs: dict = {name: [] for name in cases}
    for _ in range(args.repeat):  # interleaved, so that a change of load hits every case alike
        for name, (home, bytecode) in cases.items():
            runs[name].append(run_start(home, bytecode, pts[300], out / "start.gpkg"))
    rows = []
    for name, rs in runs.items():
        secs = [r["seconds"] for r in rs if r["ok"]]
        cpus = [r["cpu_s"] for r in rs if r["ok"]]
        rows.append({"case": name, "median_s": round(statistics.median(secs), 3) if secs else None,
                     "median_cpu_s": round(statistics.median(cpus), 3) if cpus else None,
                     "min_s": min(secs) if secs else None, "runs": len(rs), "failed": sum(1 for r in rs if not r["ok"]),
                     "load1": [r["load1"] for r in rs]})
        print(rows[-1], flush=True)
    med = {r["case"]: r["median_s"] for r in rows}
    cpu = {r["case"]: r["median_cpu_s"] for r in rows}
    result = {"what": __doc__.strip().splitlines()[0], "rows": rows,
              "plugin_load_cpu_s": round(cpu["with plugin, byte code written"] - cpu["without plugin, byte code written"], 3),
              "plugin_load_cpu_without_byte_code_s": round(cpu["with plugin, no byte code"] - cpu["without plugin, no byte code"], 3),
              "plugin_load_s": round(med["with plugin, byte code written"] - med["without plugin, byte code written"], 3),
              "plugin_load_without_byte_code_s": round(med["with plugin, no byte code"] - med["without plugin, no byte code"], 3)}
    print({k: v for k, v in result.items() if k.startswith("plugin_load")})
    save("start", result)
    return result


if __name__ == "__main__":
    main()
