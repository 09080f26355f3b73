"""core/catchments.py: exact reach with partial edges, grid polygons within one cell of the exact
buffer, the three modes, population spread over buildings."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import Polygon, box

from ankunft_plugin.core import catchments as cm
from ankunft_plugin.core.network import WalkGraph
from tests.unit import grids


def lattice_lines(n, spacing=100.0, jitter=0.0, seed=0):
    """The test lattice with bent streets (a middle vertex, so edges are polylines)."""
    return grids.lattice_lines(n, spacing, jitter, seed, bend=5.0)


def brute_reach(graph, snap, p, limit, step=0.05):
    """Reach by walking every edge in small steps (reference)."""
    D = graph.search(snap, [p], np.inf)[0]
    total = 0.0
    for e in range(graph.n_edges):
        c, ln = graph.edge_cost[e], graph.edge_len[e]
        k = max(1, int(np.ceil(ln / step)))
        f = (np.arange(k) + 0.5) / k
        cost = np.minimum(D[graph.edge_u[e]] + f * c, D[graph.edge_v[e]] + (1 - f) * c)
        if e == snap.edge[p]:
            cost = np.minimum(cost, snap.dist[p] + np.abs(f - snap.t[p]) * c)
        total += (cost <= limit).sum() * ln / k
    return total


def test_edge_reach_exact_with_partial_edges():
    g = WalkGraph.from_lines(lattice_lines(6, 100.0, jitter=15.0, seed=2))
    rng = np.random.default_rng(0)
    snap = g.snap(rng.uniform(0, 500, (4, 2)), 200)
    limits = [120.0, 260.0, 400.0]
    for p in range(4):
        D = g.search(snap, [p], max(limits))[0]
        E = cm.reached_edges(g, D, max(limits), [snap.edge[p]])
        got = cm.edge_reach(g, E, D, limits, [snap.edge[p]], [snap.t[p]], [snap.dist[p]])
        for k, lim in enumerate(limits):
            assert got[k] == pytest.approx(brute_reach(g, snap, p, lim), abs=0.2)


def test_union_length():
    assert cm._union_length([(0, 0.3), (0.2, 0.5), (0.7, 1.0)]) == pytest.approx(0.8)
    assert cm._union_length([(0.5, 0.4)]) == 0.0


def test_grid_polygon_within_one_cell_of_exact_buffer():
    g = WalkGraph.from_lines(lattice_lines(8, 80.0, jitter=12.0, seed=4))
    snap = g.snap([[250.0, 260.0]], 200)
    limits = [150.0, 300.0]
    D = g.search(snap, [0], max(limits))[0]
    E = cm.reached_edges(g, D, max(limits), [snap.edge[0]])
    cell = 5.0
    xy, cost, _o, _w = cm.sample_costs(g, cell / 2, E, D, [snap.edge[0]], [snap.t[0]], [snap.dist[0]])
    polys = cm.band_polygons(xy, cost, limits, 25.0, cell, smooth=False, fill_holes_m2=0.0)
    for k, lim in enumerate(limits):
        exact = cm.vector_polygon(g, E, D, lim, 25.0, [snap.edge[0]], [snap.t[0]], [snap.dist[0]], resolution=16)
        grid, area = polys[k]
        assert grid.is_valid
        assert area == pytest.approx(grid.area, rel=1e-9)
        # boundaries at most 1.5 cells apart (a sample's cell centre is up to half a cell diagonal off
        # the line, the cell staircase another half diagonal), on average far less
        assert grid.hausdorff_distance(exact) <= 1.5 * cell
        # the difference is a seam along the boundary, on average well under one cell wide
        assert grid.symmetric_difference(exact).area < 0.5 * cell * exact.boundary.length
    assert polys[1][0].contains(polys[0][0].representative_point())


def test_per_point_dissolved_and_nearest_consistent():
    g = WalkGraph.from_lines(lattice_lines(10, 100.0))
    pts = np.array([[200.0, 200.0], [700.0, 700.0], [5000.0, 5000.0]])
    snap = g.snap(pts, 200)
    limits = [150.0, 300.0]
    per = cm.per_point(g, snap, limits, 30.0, workers=2, batch=1)
    assert {(r.point, r.band) for r in per} == {(0, 0), (0, 1), (1, 0), (1, 1)}  # point 2 is off the network
    single = cm.per_point(g, snap, limits, 30.0, workers=1)
    assert [(r.point, r.band, r.reach_m) for r in per] == [(r.point, r.band, r.reach_m) for r in single]
    dis = cm.dissolved(g, snap, limits, 30.0)
    for k in range(2):
        total = sum(r.reach_m for r in per if r.band == k)
        assert dis[k].reach_m == pytest.approx(total)  # no overlap at these limits
        assert dis[k].geometry.area == pytest.approx(sum(r.geometry.area for r in per if r.band == k), rel=0.02)
    rings = cm.nearest_rings(g, snap, limits, 30.0)
    geoms = [r.geometry for r in rings]
    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            assert geoms[i].intersection(geoms[j]).area < 1e-6
    inner = {r.point: r.reach_m for r in rings if r.band == 0}
    assert inner[0] == pytest.approx(next(r.reach_m for r in per if r.point == 0 and r.band == 0), rel=0.02)


def test_nearest_rings_split_between_points():
    g = WalkGraph.from_lines([np.array([[0.0, 0.0], [1000.0, 0.0]])])
    snap = g.snap([[100.0, 0.0], [500.0, 0.0]], 50)
    rings = cm.nearest_rings(g, snap, [100.0, 400.0], 10.0, cell=2.0)
    reach = {(r.point, r.band): r.reach_m for r in rings}
    assert reach[(0, 0)] == pytest.approx(200.0, abs=2)  # 0..200
    assert reach[(1, 0)] == pytest.approx(200.0, abs=2)  # 400..600
    assert reach[(0, 1)] == pytest.approx(100.0, abs=2)  # 200..300 (the rest of its side up to the midpoint)
    assert reach[(1, 1)] == pytest.approx(400.0, abs=2)  # 300..400 and 600..900


def test_demand_spreads_population_by_footprint():
    areas = [box(0, 0, 100, 100), box(100, 0, 200, 100), box(500, 500, 600, 600)]
    buildings = [box(10, 10, 20, 20), box(50, 50, 80, 80), box(110, 10, 120, 20), None, Polygon()]
    d = cm.build_demand(areas, [100.0, 50.0, 7.0], buildings)
    assert len(d.point_pop) == 3
    assert d.point_pop.tolist() == pytest.approx([10.0, 90.0, 50.0])
    assert d.area_by_surface.tolist() == [False, False, True]
    total, share = cm.surface_population(box(500, 500, 550, 600), d)
    assert total == pytest.approx(3.5) and share[2] == pytest.approx(0.5)
    assert cm.surface_population(None, d)[0] == 0.0


def test_empty_inputs():
    g = WalkGraph.from_lines(lattice_lines(3))
    snap = g.snap(np.zeros((0, 2)))
    assert cm.per_point(g, snap, [100.0], 30.0) == []
    assert cm.nearest_rings(g, snap, [100.0], 30.0) == []
    assert [r.reach_m for r in cm.dissolved(g, snap, [100.0], 30.0)] == [0.0]


@pytest.mark.parametrize("radius", [0.5, 1.0, 2.7, 4.0, 6.0])
def test_disk_dilate_equals_distance_transform(radius):
    from scipy import ndimage

    rng = np.random.default_rng(int(radius * 10))
    mask = rng.random((60, 45)) < 0.02
    ref = ndimage.distance_transform_edt(~mask) <= radius
    assert (cm.disk_dilate(mask, radius) == ref).all()


def _fill(geom, max_m2):
    from shapely.geometry import MultiPolygon

    parts = [Polygon(p.exterior, [h for h in p.interiors if Polygon(h).area > max_m2]) for p in getattr(geom, "geoms", [geom])]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _stair_share(geom, cell):
    total = stairs = 0
    for p in getattr(geom, "geoms", [geom]):
        for ring in [p.exterior, *p.interiors]:
            c = np.asarray(ring.coords)[:-1]
            a, b = np.roll(c, 1, 0) - c, np.roll(c, -1, 0) - c
            axis = lambda v: (np.abs(v[:, 0]) < 1e-6) | (np.abs(v[:, 1]) < 1e-6)  # noqa: E731
            short = lambda v: np.hypot(v[:, 0], v[:, 1]) <= 2 * cell + 1e-6  # noqa: E731
            stairs += int((axis(a) & axis(b) & (short(a) | short(b))).sum())
            total += len(c)
    return stairs / max(total, 1)


def test_smooth_polygons_close_to_exact_buffer_without_small_holes():
    g = WalkGraph.from_lines(lattice_lines(12, 80.0, jitter=12.0, seed=5))
    snap = g.snap([[450.0, 440.0]], 200)
    limits = [200.0, 400.0]
    D = g.search(snap, [0], max(limits))[0]
    E = cm.reached_edges(g, D, max(limits), [snap.edge[0]])
    cell = 5.0
    xy, cost, _o, _w = cm.sample_costs(g, cell / 2, E, D, [snap.edge[0]], [snap.t[0]], [snap.dist[0]])
    raw = cm.band_polygons(xy, cost, limits, 25.0, cell, smooth=False, fill_holes_m2=0.0)
    polys = cm.band_polygons(xy, cost, limits, 25.0, cell)
    for k, lim in enumerate(limits):
        exact = _fill(cm.vector_polygon(g, E, D, lim, 25.0, [snap.edge[0]], [snap.t[0]], [snap.dist[0]], resolution=16),
                      cm.FILL_HOLES_M2)
        geom, area = polys[k]
        assert geom.is_valid and area == pytest.approx(geom.area)
        assert not any(len(p.interiors) for p in getattr(geom, "geoms", [geom]))  # block interiors closed
        assert _stair_share(raw[k][0], cell) > 0.5 and _stair_share(geom, cell) < 0.05
        assert len(geom.exterior.coords) < 0.5 * len(raw[k][0].exterior.coords)
        # the outline follows the exact one: 95 % of its vertices within 1.5 cells (a notch whose mouth
        # the grid closes is filled like a hole), the difference a seam under one cell wide on average
        from shapely.geometry import Point

        near = [exact.boundary.distance(Point(c)) <= 1.5 * cell for p in getattr(geom, "geoms", [geom]) for c in p.exterior.coords]
        assert np.mean(near) >= 0.95
        assert geom.symmetric_difference(exact).area < cell * exact.boundary.length
        assert abs(geom.area - exact.area) < 0.06 * exact.area
    assert polys[1][0].contains(polys[0][0])


@pytest.mark.parametrize("radius", [1.0, 2.5, 4.0])
def test_band_dilate_equals_disk_dilate_per_band(radius):
    rng = np.random.default_rng(int(radius * 7))
    band = np.full((50, 40), 255, dtype=np.uint8)
    hits = rng.random(band.shape) < 0.03
    band[hits] = rng.integers(0, 3, hits.sum())
    spread = cm.band_dilate(band, radius)
    for k in range(3):
        assert ((spread <= k) == cm.disk_dilate(band <= k, radius)).all()


def _raw(mask, cell):
    """GDAL's polygon of the True cells (window corner at 0, rows * cell)."""
    return cm._polygonize(np.ascontiguousarray(mask), 0.0, mask.shape[0] * cell, cell)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_traced_polygons_follow_the_cells(seed):
    rng = np.random.default_rng(seed)
    band = np.full((90, 80), 255, dtype=np.uint8)
    hits = rng.random(band.shape) < 0.01
    hits[:6] = hits[-6:] = False
    hits[:, :6] = hits[:, -6:] = False
    band[hits] = rng.integers(0, 3, hits.sum())
    spread = cm.band_dilate(band, 3.2)
    cell = 2.0
    got = cm.traced_polygons(spread, 3, 0.0, spread.shape[0] * cell, cell, fill_holes_m2=0.0)
    for k in range(3):
        geom, area = got[k]
        raw = _raw(spread <= k, cell)
        assert geom.is_valid and area == pytest.approx(geom.area)
        from shapely.geometry import Point

        near = [raw.boundary.distance(Point(c)) <= 1.5 * cell for p in getattr(geom, "geoms", [geom]) for c in p.exterior.coords]
        assert np.mean(near) >= 0.95  # corners of long straight runs are cut
        assert geom.symmetric_difference(raw).area < 0.5 * cell * raw.length
        # holes of a few cells (DP at half a cell drops those of one or two)
        assert sum(len(p.interiors) for p in getattr(geom, "geoms", [geom])) == \
            sum(Polygon(h).area > 4 * cell * cell for p in getattr(raw, "geoms", [raw]) for h in p.interiors)
        if k:
            assert got[k][0].buffer(0.6 * cell).contains(got[k - 1][0])  # nested within half a cell


def test_traced_polygons_holes_islands_and_pinches():
    cell = 1.0
    m = np.zeros((40, 60), dtype=bool)
    m[5:20, 5:20] = True
    m[9:12, 9:12] = False  # a small hole (9 m²) ...
    m[10, 10] = True  # ... with an island in it
    m[14:17, 14:17] = False  # a second hole, pinched: it touches the outside only diagonally ...
    m[17:20, 17:20] = False
    m[16, 16] = True  # (the diagonal contact between the two gaps)
    m[17, 17] = False
    m[5:35, 30:55] = True
    m[10:30, 35:50] = False  # a large hole (300 m²) with an island
    m[18:22, 40:44] = True
    spread = np.where(m, 0, 255).astype(np.uint8)
    (small, _a), = cm.traced_polygons(spread, 1, 0.0, 40.0, cell, fill_holes_m2=20.0)
    parts = list(getattr(small, "geoms", [small]))
    assert small.is_valid and len(parts) == 3  # left block (holes closed), right block (hole kept), island
    assert sorted(len(p.interiors) for p in parts) == [0, 0, 1]
    (keep, _a), = cm.traced_polygons(spread, 1, 0.0, 40.0, cell, fill_holes_m2=0.0)
    assert keep.is_valid and keep.area < small.area - 4.0  # the small holes are open here


def test_per_point_whole_graph_and_local_searches_agree(monkeypatch):
    g = WalkGraph.from_lines(lattice_lines(12, 80.0, jitter=10.0, seed=7))
    rng = np.random.default_rng(3)
    snap = g.snap(rng.uniform(0, 880, (20, 2)), 200)
    limits = [150.0, 300.0]
    whole = cm.per_point(g, snap, limits, 25.0)  # a small network: searches over the whole graph
    monkeypatch.setattr(cm, "SMALL_NETWORK_NODES", 0)
    local = cm.per_point(g, snap, limits, 25.0, workers=2)  # local subgraphs, threads
    assert [(r.point, r.band, r.reach_m, r.area_m2) for r in whole] == [(r.point, r.band, r.reach_m, r.area_m2) for r in local]
    assert all(a.geometry.equals(b.geometry) for a, b in zip(whole, local))


@pytest.mark.parametrize("seed", [0, 1])
def test_traced_partition_shares_outlines(seed):
    from shapely.ops import unary_union

    rng = np.random.default_rng(seed)
    for _ in range(40):
        V = rng.integers(-1, 4, (9, 9))  # labels everywhere: junctions and saddles of 2, 3 and 4 labels
        out = cm.traced_partition(V, 0.0, 9.0, 1.0)
        geoms = list(out.values())
        assert all(g.is_valid for g in geoms)
        assert sorted(out) == sorted(set(V[V >= 0].tolist()))
        # no overlaps and no gaps between neighbours: the pieces add up to their union, which has no
        # holes where V has no empty cells
        assert sum(g.area for g in geoms) == pytest.approx(unary_union(geoms).area, abs=1e-9)
        for k, g in out.items():
            cells = np.count_nonzero(np.equal(V, k))
            assert g.area == pytest.approx(cells, abs=0.5 * cells)
    full = rng.integers(0, 3, (12, 12))
    u = unary_union(list(cm.traced_partition(full, 0.0, 12.0, 1.0).values()))
    assert u.geom_type == "Polygon" and not u.interiors
