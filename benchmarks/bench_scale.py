"""Scaling series in whole ``qgis_process`` runs (the way a batch job runs them): time and peak
memory (PSS of the process tree) of ankunft:walkingcatchments and of QGIS's
native:serviceareafromlayer on square street lattices of about 45k, 180k, 720k and 1.5 M edges with
300 and 3,000 points, each run in its own process; ours first with an empty graph cache (first run)
and then again (repeated run: the graph from the disk cache).

Peer: lines only, one band of 15 minutes (1125 m); ours: 3 bands (5/10/15 min) with polygons.
The peer is run up to ``--peer-max-edges`` (it took 318 s at 1.5 M edges in issue 17; beyond the
limit its time is extrapolated linearly in edges from the largest measured size and marked so).

    python benchmarks/bench_scale.py [--sides 150,300,600,866] [--points 300,3000] [--peer-max-edges 720000]

Uses the plugin installed in ``$HOME``'s QGIS profile (``make install``). Results go to
benchmarks/results/scale.json.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import synthetic as syn  # noqa: E402
from common import save  # noqa: E402
from proc_tree import run_measured  # noqa: E402

WORK = Path(os.environ.get("ANKUNFT_BENCH_DIR", "/tmp/ankunft_bench"))


def empty_project() -> Path:
    """The peer needs a project (qgis_process --PROJECT_PATH): an empty one in EPSG:25833."""
    path = WORK / "empty.qgs"
    if not path.exists():
        path.write_text('<!DOCTYPE qgis PUBLIC \'http://mrcc.com/qgis.dtd\' \'SYSTEM\'>\n<qgis version="3.40.6" projectname="">\n'
                        '<projectCrs><spatialrefsys><authid>EPSG:25833</authid></spatialrefsys></projectCrs>\n</qgis>\n',
                        encoding="utf-8")
    return path


def qgis_env(**extra) -> dict:
    """The environment of a ``qgis_process`` run as on a user's machine: Python may write its byte code
    (``PYTHONDONTWRITEBYTECODE``, set by the Makefile for the tests, would make every call compile the
    plugin's modules again: ~0.1 s per call)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def qgis_process(alg: str, params: dict, cache: Path, timeout: float, project: Path | None = None) -> dict:
    env = qgis_env(ANKUNFT_GRAPH_CACHE=str(cache))
    cmd = ["qgis_process", "run", alg]
    if project is not None:
        cmd.append("--PROJECT_PATH={}".format(project))
    cmd += ["--"] + ["{}={}".format(k, v) for k, v in params.items()]
    load = os.getloadavg()[0]
    r = run_measured(cmd, env=env, timeout=timeout)
    r["load1"] = round(max(load, os.getloadavg()[0]), 2)
    if r["returncode"] != 0 and not r["timed_out"]:
        print(r["stderr"][-2000:], file=sys.stderr)
    peak_line = [ln for ln in r["stdout"].splitlines() if "peak memory" in ln.lower()]
    r["log_peak"] = peak_line[-1].strip() if peak_line else ""
    del r["stdout"], r["stderr"]
    return r


def data(n: int, counts) -> tuple[Path, dict]:
    WORK.mkdir(parents=True, exist_ok=True)
    net = WORK / "lattice_{}.gpkg".format(n)
    if not net.exists():
        syn.write_lattice(str(net) + ".tmp.gpkg", n)
        os.replace(str(net) + ".tmp.gpkg", net)
    pts = {}
    for c in counts:
        p = WORK / "points_{}_{}.gpkg".format(n, c)
        if not p.exists():
            syn.write_points(str(p), syn.point_xy(n, c, seed=c))
        pts[c] = p
    return net, pts


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sides", default="150,300,600,866")
    ap.add_argument("--points", default="300,3000")
    ap.add_argument("--peer-max-edges", type=int, default=200_000)
    ap.add_argument("--timeout", type=float, default=900.0)
    ap.add_argument("--name", default="scale")
    ap.add_argument("--load-note", default="shared 2-core machine; load1 = 1-minute load average before/after each run")
    args = ap.parse_args(argv)
    sides = [int(x) for x in args.sides.split(",")]
    counts = [int(x) for x in args.points.split(",")]
    rows = []
    cache = WORK / "graphs"
    peer_rate = peer_cpu_rate = None  # seconds (wall, CPU) per edge of the largest measured peer run (300 points)
    for n in sides:
        edges = syn.lattice_edges(n)
        net, pts = data(n, counts)
        for c in counts:
            row = {"edges": edges, "points": c}
            out = WORK / "out"
            out.mkdir(exist_ok=True)
            if c == counts[0]:
                if edges <= args.peer_max_edges:
                    r = qgis_process("native:serviceareafromlayer", {
                        "INPUT": net, "STRATEGY": 0, "START_POINTS": pts[c], "TRAVEL_COST2": 1125.0,
                        "OUTPUT_LINES": out / "peer_{}_{}.gpkg".format(n, c)}, cache, args.timeout, empty_project())
                    row.update(peer_s=r["seconds"], peer_pss_mb=r["peak_pss_mb"], peer_ok=r["returncode"] == 0, peer_load1=r["load1"],
                               peer_cpu_s=r["cpu_s"])
                    if r["returncode"] == 0:
                        peer_rate, peer_cpu_rate = r["seconds"] / edges, r["cpu_s"] / edges
                elif peer_rate is not None:
                    row.update(peer_s=round(peer_rate * edges, 1), peer_cpu_s=round(peer_cpu_rate * edges, 1), peer_extrapolated=True)
            shutil.rmtree(cache, ignore_errors=True)
            params = {"NETWORK": net, "POINTS": pts[c], "POINT_ID_FIELD": "pid", "BANDS": "5,10,15",
                      "OUTPUT": out / "ours_{}_{}.gpkg".format(n, c)}
            first = qgis_process("ankunft:walkingcatchments", params, cache, args.timeout)
            again = qgis_process("ankunft:walkingcatchments", params, cache, args.timeout)
            row.update(ours_first_s=first["seconds"], ours_first_pss_mb=first["peak_pss_mb"], ours_first_ok=first["returncode"] == 0,
                       ours_repeat_s=again["seconds"], ours_repeat_pss_mb=again["peak_pss_mb"], ours_repeat_ok=again["returncode"] == 0,
                       ours_log_peak=again["log_peak"], ours_load1=[first["load1"], again["load1"]],
                       ours_first_cpu_s=first["cpu_s"], ours_repeat_cpu_s=again["cpu_s"])
            if row.get("peer_s") and (row.get("peer_ok") or row.get("peer_extrapolated")) and row["ours_first_ok"] and row["ours_repeat_ok"]:
                row["ratio_first"] = round(row["peer_s"] / row["ours_first_s"], 2)
                row["ratio_repeat"] = round(row["peer_s"] / row["ours_repeat_s"], 2)
                if row.get("peer_cpu_s"):  # CPU time: far less sensitive to the machine's load than wall time
                    row["cpu_ratio_first"] = round(row["peer_cpu_s"] / first["cpu_s"], 2)
                    row["cpu_ratio_repeat"] = round(row["peer_cpu_s"] / again["cpu_s"], 2)
            print(row, flush=True)
            rows.append(row)
            save(args.name, {"what": __doc__.strip().splitlines()[0], "load_note": args.load_note,
                             "rows": rows})
    return {"rows": rows}


if __name__ == "__main__":
    main()
