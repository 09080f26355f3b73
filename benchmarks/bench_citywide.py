"""City-wide accessibility on a synthetic city of about 1.5 M street edges (a 866 x 866 lattice with
50 m blocks): walking minutes to the nearest facility of each of 10 categories (200 facilities each)
for every building (one every 50 m of street, 10 m off the street), as one multi-source search per
category on the same prepared graph (the fast path the catchments, the infrastructure overlay and the
siting share). Core only, in one process: the street lattice read from its GeoPackage the way the
plugin reads a file layer (GDAL's Arrow interface, WKB parsed in bulk), time per step and peak memory
(PSS of this process, sampled every 0.1 s).

    python benchmarks/bench_citywide.py [side]
"""

from __future__ import annotations

import os
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

from ankunft_plugin.core.network import WalkGraph, metres_to_minutes, release_memory, wkb_line_parts  # noqa: E402

CATEGORIES = 10
PER_CATEGORY = 200


def lattice_file(n: int) -> Path:
    from bench_scale import WORK

    WORK.mkdir(parents=True, exist_ok=True)
    net = WORK / "lattice_{}.gpkg".format(n)
    if not net.exists():
        syn.write_lattice(str(net) + ".tmp.gpkg", n)
        os.replace(str(net) + ".tmp.gpkg", net)
    return net


def read_graph(path: Path) -> WalkGraph:
    """The walking graph of a line GeoPackage: geometries through GDAL's Arrow interface (as the
    plugin reads a file layer), WKB parsed in bulk, noded."""
    from osgeo import gdal

    from ankunft_plugin.core.gdalio import gdal_exceptions

    with gdal_exceptions():
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY)
        lyr = ds.GetLayer(0)
        defn = lyr.GetLayerDefn()
        lyr.SetIgnoredFields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())])
        col = lyr.GetGeometryColumn() or "wkb_geometry"
        blobs = [b[col] for b in lyr.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO"])]
        lyr = ds = None
    if len({b.dtype for b in blobs}) == 1 and blobs[0].dtype.kind == "V":
        blobs = np.concatenate(blobs)
    else:
        blobs = [None if x is None else bytes(x) for b in blobs for x in b]
    parts = wkb_line_parts(blobs)
    del blobs
    release_memory()
    graph = WalkGraph.from_parts(parts)
    del parts
    release_memory()
    return graph


def main(side: int = 866) -> dict:
    peak = [0]
    done = threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_kb(os.getpid()))
            done.wait(0.1)

    threading.Thread(target=watch, daemon=True).start()
    t: dict = {}
    net = lattice_file(side)
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    g = read_graph(net)
    t["graph_s"] = time.perf_counter() - t0
    peaks = {"graph": peak[0]}
    # buildings: one per edge (every 50 m of street), 10 m off the street's middle
    mid = (g.node_xy[g.edge_u] + g.node_xy[g.edge_v]) / 2.0
    d = g.node_xy[g.edge_v] - g.node_xy[g.edge_u]
    normal = np.column_stack([-d[:, 1], d[:, 0]]) / np.hypot(d[:, 0], d[:, 1])[:, None]
    bxy = mid + 10.0 * normal
    rng = np.random.default_rng(17)
    t1 = time.perf_counter()
    bsnap = g.snap(bxy, 200.0)
    t["snap_buildings_s"] = time.perf_counter() - t1
    del mid, d, normal
    release_memory()
    peaks["snap"] = peak[0]
    minutes = np.empty((CATEGORIES, len(bxy)), dtype=np.float32)
    t2 = time.perf_counter()
    for k in range(CATEGORIES):
        fxy = syn.point_xy(side, PER_CATEGORY, seed=100 + k) + rng.uniform(-5, 5, (PER_CATEGORY, 2))
        cost, _which = g.nearest(fxy, bxy, dst_snap=bsnap)
        minutes[k] = metres_to_minutes(cost)
    t["searches_s"] = time.perf_counter() - t2
    t["total_s"] = time.perf_counter() - t0
    done.set()
    peaks["searches"] = peak[0]
    out = {
        "edges": g.n_edges, "nodes": g.n_nodes, "buildings": len(bxy), "categories": CATEGORIES, "facilities_per_category": PER_CATEGORY,
        **{k: round(v, 2) for k, v in t.items()},
        "per_category_s": round(t["searches_s"] / CATEGORIES, 2),
        "peak_pss_mb": round(peak[0] / 1024.0, 1),
        "peak_pss_mb_after": {k: round(v / 1024.0, 1) for k, v in peaks.items()},
        "snapped_buildings": int(bsnap.ok.sum()),
        "median_minutes": [round(float(np.median(m[np.isfinite(m)])), 2) for m in minutes],
        "load1": [round(load, 2), round(os.getloadavg()[0], 2)],
        "load_note": "shared 2-core machine; load1 = 1-minute load average before/after",
    }
    print(out, flush=True)
    save("citywide", out)
    return out


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 866)
