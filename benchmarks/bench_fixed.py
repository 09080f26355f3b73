"""Where the fixed time of a catchment run goes at city scale: the graph's stages in one process, core
and GDAL only (no QGIS), on the 1.5 M-edge lattice: reading the GeoPackage (GDAL's Arrow interface),
parsing the WKB, node deduplication, the rest of the graph build, the CSR matrix, the disk cache's
arrays and their writing, the snapping index and the nodes' KD-tree (first run); loading the cache
memory-mapped and what is left to build (repeated run).

    python benchmarks/bench_fixed.py [--side 866] [--root DIR] [--name fixed_stages]

``--root``: measure the code of another tree (e.g. ``git archive <commit> | tar -x -C DIR``) for a
before/after comparison under the same load. Results go to benchmarks/results/<name>.json (fixed.json holds
the before/after comparison of issue 17: three alternating runs of each tree).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(root: Path, net: Path) -> dict:
    sys.path.insert(0, str(root))
    import numpy as np
    from osgeo import gdal

    from ankunft_plugin.core import network as m

    gdal.UseExceptions()
    t: dict = {}
    t0 = time.perf_counter()
    ds = gdal.OpenEx(str(net), gdal.OF_VECTOR | gdal.OF_READONLY)
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    lyr.SetIgnoredFields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())])
    col = lyr.GetGeometryColumn() or "wkb_geometry"
    blobs = np.concatenate([b[col] for b in lyr.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO"])])
    lyr = ds = None
    t["read (Arrow)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    parts = m.wkb_line_parts(blobs)
    t["WKB parse"] = time.perf_counter() - t0
    del blobs
    t0 = time.perf_counter()
    m._cluster(parts.xy, 0.01)
    t["node dedup"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    g = m.WalkGraph.from_parts(parts)
    t["graph build without dedup (components included)"] = time.perf_counter() - t0 - t["node dedup"]
    t0 = time.perf_counter()
    g.matrix()
    t["CSR matrix"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    g._segments()
    t["snapping index (pieces, KD-tree)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    g.node_tree()
    t["nodes' KD-tree"] = time.perf_counter() - t0
    folder = Path(tempfile.mkdtemp(prefix="ankunft_fixed_"))
    try:
        t0 = time.perf_counter()
        arrays = g.to_arrays()
        t["cache: arrays (incidence)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        for name, arr in arrays.items():
            np.save(folder / (name + ".npy"), np.ascontiguousarray(arr), allow_pickle=False)
        t["cache: write"] = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in folder.iterdir())
        del g, arrays
        t0 = time.perf_counter()
        loaded = m.WalkGraph.from_arrays({f.stem: np.load(f, mmap_mode="r") for f in folder.glob("*.npy")})
        t["repeated: cache load (memory-mapped)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        loaded._segments()
        loaded.node_tree()
        loaded.incidence()
        loaded.matrix()
        t["repeated: indexes left to build"] = time.perf_counter() - t0
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    out = {k: round(v, 3) for k, v in t.items()}
    out["first run, graph total"] = round(sum(v for k, v in t.items() if not k.startswith("repeated")), 2)
    out["repeated run, graph total"] = round(sum(v for k, v in t.items() if k.startswith("repeated")), 2)
    out["cache size MB"] = round(size / 1e6, 1)
    return out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser()
    ap.add_argument("--side", type=int, default=866)
    ap.add_argument("--root", default=str(HERE.parent))
    ap.add_argument("--name", default="fixed_stages")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from bench_scale import data
    from common import save

    net, _pts = data(args.side, [])
    load = os.getloadavg()[0]
    res = measure(Path(args.root), net)
    res["load1"] = [round(load, 2), round(os.getloadavg()[0], 2)]
    res["root"] = args.root
    print(res, flush=True)
    save(args.name, {"what": __doc__.strip().splitlines()[0], "side": args.side, "stages_s": res})
    return res


if __name__ == "__main__":
    main()
