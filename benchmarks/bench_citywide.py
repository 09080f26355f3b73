"""City-wide accessibility on a synthetic city of about 1.5 M street edges (a 866 x 866 lattice with
50 m blocks): walking minutes to the nearest facility of each of 10 categories (200 facilities each)
for every building (one every 50 m of street, 10 m off the street), as one multi-source search per
category on the same prepared graph (the fast path the catchments, the infrastructure overlay and the
siting share). Core only, in one process: time per step and peak memory (PSS of this process).

    python benchmarks/bench_citywide.py [side]
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import numpy as np  # noqa: E402
import synthetic as syn  # noqa: E402
from common import save  # noqa: E402
from proc_tree import tree_pss_kb  # noqa: E402

from ankunft_plugin.core.network import WalkGraph, metres_to_minutes  # noqa: E402

CATEGORIES = 10
PER_CATEGORY = 200


def lattice_graph(n: int) -> WalkGraph:
    xs = np.arange(n) * syn.SPACING
    a = np.stack(np.meshgrid(xs, xs), -1)
    h = np.stack([a[:, :-1], a[:, 1:]], 2).reshape(-1, 2, 2)
    v = np.stack([a[:-1, :], a[1:, :]], 2).reshape(-1, 2, 2)
    return WalkGraph.from_lines(list(np.concatenate([h, v])))


def main(side: int = 866) -> dict:
    import os

    peak = [0]
    done = threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_kb(os.getpid()))
            done.wait(0.2)

    threading.Thread(target=watch, daemon=True).start()
    t: dict = {}
    t0 = time.perf_counter()
    g = lattice_graph(side)
    t["graph_s"] = time.perf_counter() - t0
    # buildings: one per edge (every 50 m of street), 10 m off the street's middle
    mid = (g.node_xy[g.edge_u] + g.node_xy[g.edge_v]) / 2.0
    d = g.node_xy[g.edge_v] - g.node_xy[g.edge_u]
    normal = np.column_stack([-d[:, 1], d[:, 0]]) / np.hypot(d[:, 0], d[:, 1])[:, None]
    bxy = mid + 10.0 * normal
    rng = np.random.default_rng(17)
    t1 = time.perf_counter()
    bsnap = g.snap(bxy, 200.0)
    t["snap_buildings_s"] = time.perf_counter() - t1
    minutes = np.empty((CATEGORIES, len(bxy)), dtype=np.float32)
    t2 = time.perf_counter()
    for k in range(CATEGORIES):
        fxy = syn.point_xy(side, PER_CATEGORY, seed=100 + k) + rng.uniform(-5, 5, (PER_CATEGORY, 2))
        cost, _which = g.nearest(fxy, bxy, dst_snap=bsnap)
        minutes[k] = metres_to_minutes(cost)
    t["searches_s"] = time.perf_counter() - t2
    t["total_s"] = time.perf_counter() - t0
    done.set()
    out = {
        "edges": g.n_edges, "nodes": g.n_nodes, "buildings": len(bxy), "categories": CATEGORIES, "facilities_per_category": PER_CATEGORY,
        **{k: round(v, 2) for k, v in t.items()},
        "per_category_s": round(t["searches_s"] / CATEGORIES, 2),
        "peak_pss_mb": round(peak[0] / 1024.0, 1),
        "median_minutes": [round(float(np.median(m[np.isfinite(m)])), 2) for m in minutes],
        "load_note": "shared 2-core machine, 7 other sessions busy: absolute times under load",
    }
    print(out, flush=True)
    save("citywide", out)
    return out


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 866)
