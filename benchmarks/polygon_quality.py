"""Catchment outlines before/after (issue 13): stair steps, vertices, holes and the difference to the
exact 30 m buffer of the reached (partial) edges, on the real Moabit network (tests/data), 40 points
drawn among its junctions (seeded), bands 5/10/15 minutes at 4.5 km/h.

- before: the grid outline as polygonised (samples every half cell, no smoothing, no hole closing);
- after: the outline the plugin writes now (smoothed, holes under 2 ha closed).
Reference: the exact vector buffer (shapely, ``vector_polygon``), for "after" with the same holes
closed. A vertex is on a stair step when both its segments are axis-parallel, at a right angle, and
one of them is at most two cells long.

    python benchmarks/polygon_quality.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import numpy as np  # noqa: E402
from common import save  # noqa: E402
from osm_lines import read_layer  # noqa: E402
from shapely.geometry import Point  # noqa: E402

from ankunft_plugin.core import catchments as cm  # noqa: E402
from ankunft_plugin.core.network import WalkGraph  # noqa: E402

CELL = 7.5
BUFFER = 30.0
LIMITS = [375.0, 750.0, 1125.0]


def rings(geom):
    for p in getattr(geom, "geoms", [geom]):
        yield p.exterior
        yield from p.interiors


def stair_share(geom) -> tuple[int, int]:
    total = stairs = 0
    for ring in rings(geom):
        c = np.asarray(ring.coords)[:-1]
        a, b = np.roll(c, 1, 0) - c, np.roll(c, -1, 0) - c
        ax_a = (np.abs(a[:, 0]) < 1e-6) | (np.abs(a[:, 1]) < 1e-6)
        ax_b = (np.abs(b[:, 0]) < 1e-6) | (np.abs(b[:, 1]) < 1e-6)
        perp = np.abs((a * b).sum(axis=1)) < 1e-6
        short = (np.hypot(*a.T) <= 2 * CELL + 1e-6) | (np.hypot(*b.T) <= 2 * CELL + 1e-6)
        stairs += int((ax_a & ax_b & perp & short).sum())
        total += len(c)
    return total, stairs


def main():
    lines, _epsg = read_layer(str(HERE.parent / "tests" / "data" / "moabit" / "moabit_roads.gpkg"), epsg=25833)
    g = WalkGraph.from_lines(lines)
    rng = np.random.default_rng(11)
    major = g.major_edges()
    nodes = np.unique(g.edge_u[major])
    snap = g.snap_connected(g.node_xy[rng.choice(nodes, 40, replace=False)], 200.0)
    stats = {k: {"vertices": 0, "stairs": 0, "rings": 0, "holes": 0, "area_diff": [], "near": [], "polygons": 0}
             for k in ("before", "after")}
    for p in np.flatnonzero(snap.ok).tolist():
        D = g.search(snap, [p], max(LIMITS))[0]
        se, st, sd = [snap.edge[p]], [snap.t[p]], [snap.dist[p]]
        E = cm.reached_edges(g, D, max(LIMITS), se)
        xy0, c0, _o, _w = cm.sample_costs(g, CELL / 2, E, D, se, st, sd)
        before = cm.band_polygons(xy0, c0, LIMITS, BUFFER, CELL, smooth=False, fill_holes_m2=0.0)
        _reach, after = cm.point_catchment(g, snap, D, p, LIMITS, BUFFER, CELL)  # as the plugin writes them
        for k, lim in enumerate(LIMITS):
            exact = cm.vector_polygon(g, cm.reached_edges(g, D, lim, se), D, lim, BUFFER, se, st, sd)
            for name, geom, ref in (("before", before[k][0], exact), ("after", after[k][0], cm.close_holes(exact, cm.FILL_HOLES_M2))):
                s = stats[name]
                tot, stairs = stair_share(geom)
                s["vertices"] += tot
                s["stairs"] += stairs
                s["polygons"] += 1
                rr = list(rings(geom))
                s["rings"] += len(rr)
                s["holes"] += sum(len(q.interiors) for q in getattr(geom, "geoms", [geom]))
                s["area_diff"].append((geom.area - ref.area) / ref.area)
                b = ref.boundary
                s["near"] += [b.distance(Point(c)) <= 1.5 * CELL for q in getattr(geom, "geoms", [geom]) for c in q.exterior.coords]
    out = {"network": "Moabit (tests/data), {} edges".format(g.n_edges), "points": int(snap.ok.sum()), "cell_m": CELL, "buffer_m": BUFFER}
    for name, s in stats.items():
        ad = np.array(s["area_diff"])
        out[name] = {
            "vertices_per_polygon": round(s["vertices"] / s["polygons"], 1),
            "stair_step_vertex_share_pct": round(100.0 * s["stairs"] / s["vertices"], 2),
            "holes_per_polygon": round(s["holes"] / s["polygons"], 2),
            "area_vs_exact_mean_pct": round(100 * ad.mean(), 2),
            "area_vs_exact_max_abs_pct": round(100 * np.abs(ad).max(), 2),
            "outline_vertices_within_1_5_cells_pct": round(100 * float(np.mean(s["near"])), 2),
        }
    print(out)
    if "--no-save" not in sys.argv:
        save("polygon_quality", out)
    return out


if __name__ == "__main__":
    main()
