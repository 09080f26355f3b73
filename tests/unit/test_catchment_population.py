"""People in walking catchments (core/catchment_population.py, moved out of the walking-catchments algorithm)."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from ankunft_plugin.core import catchment_population as cp
from ankunft_plugin.core import catchments as cm
from ankunft_plugin.core.network import WalkGraph, metres_to_minutes


def _lattice(n=6, step=100.0):
    # one edge per block side: the streets cross at nodes
    lines = [np.array([[j * step, i * step], [(j + 1) * step, i * step]], float) for i in range(n) for j in range(n - 1)]
    lines += [np.array([[i * step, j * step], [i * step, (j + 1) * step]], float) for i in range(n) for j in range(n - 1)]
    return WalkGraph.from_lines(lines)


@pytest.fixture(scope="module")
def town():
    g = _lattice()
    xy = np.array([[100.0, 100.0], [400.0, 400.0], [np.nan, np.nan], [2000.0, 2000.0]])
    snap = g.snap_connected(xy, 50.0)
    # four areas: two with buildings, one counted by its surface, one of unknown population
    areas = [box(0, 0, 250, 250), box(250, 250, 500, 500), box(0, 250, 250, 500), box(250, 0, 500, 250)]
    rng = np.random.default_rng(7)
    buildings = [box(x, y, x + 10, y + 10) for x, y in rng.uniform(5, 235, (12, 2))]
    buildings += [box(x, y, x + 10, y + 10) for x, y in rng.uniform(255, 485, (9, 2))]
    demand = cm.build_demand(areas, [120.0, 90.0, 40.0, np.nan], buildings)
    limits = [150.0, 300.0]
    return g, xy, snap, demand, limits


def test_point_status(town):
    _g, xy, snap, _d, _l = town
    assert cp.point_status(xy, snap).tolist() == ["ok", "ok", "no_geometry", "too_far"]


def test_count_population_per_point_equals_buildings_within_reach_plus_surface(town):
    g, xy, snap, demand, limits = town
    recs = cm.per_point(g, snap, limits, 30.0)
    pops = cp.count_population(g, snap, xy, recs, limits, demand, 50.0, "per_point")
    d = g.distances(xy[:2], demand.point_xy, max(limits), max_snap=50.0, src_snap=snap.take([0, 1]),
                    dst_snap=g.snap_connected(demand.point_xy, 50.0)).toarray()
    for k, r in enumerate(recs):
        reached = (d[r.point] > 0) & (d[r.point] <= limits[r.band])
        surface, _share = cm.surface_population(r.geometry, demand, only_areas=demand.area_by_surface)
        assert pops[k] == pytest.approx(demand.point_pop[reached].sum() + surface)
    # per point, the wider band holds at least as many people
    by = {(r.point, r.band): p for r, p in zip(recs, pops)}
    assert by[(0, 1)] >= by[(0, 0)] > 0


def test_count_population_dissolved_and_nearest_agree_on_totals(town):
    g, xy, snap, demand, limits = town
    dis = cm.dissolved(g, snap, limits, 30.0)
    near = cm.nearest_rings(g, snap, limits, 30.0)
    no_surface = cm.Demand(demand.point_xy, demand.point_pop, demand.point_area, demand.area_geoms, demand.area_pop,
                           np.zeros_like(demand.area_by_surface), demand.area_bounds)
    p_dis = cp.count_population(g, snap, xy, dis, limits, no_surface, 50.0, "dissolved")
    p_near = cp.count_population(g, snap, xy, near, limits, no_surface, 50.0, "nearest")
    # rings are non-overlapping: their sum over both bands is the dissolved count of the wider band
    wide = next(p for r, p in zip(dis, p_dis) if r.band == 1)
    assert sum(p_near) == pytest.approx(wide)
    assert wide <= no_surface.point_pop.sum() + 1e-9


def test_area_minutes_covered_and_published(town):
    g, xy, snap, demand, limits = town
    walk_min, nearest = cp.nearest_area_minutes(g, snap, xy, demand.area_geoms, 50.0, 4.5)
    assert nearest.tolist()[:2] == [0, 1]
    rep = np.array([[a.representative_point().x, a.representative_point().y] for a in demand.area_geoms])
    cost, _w = g.nearest(xy[:2], rep, max_snap=50.0, src_snap=snap.take([0, 1]), dst_snap=g.snap_connected(rep, 50.0))
    assert np.allclose(walk_min, metres_to_minutes(cost, 4.5), equal_nan=True)
    covered = cp.covered_by_band(g, snap, xy, demand, limits, 50.0, 30.0, cm.default_cell(30.0))
    assert covered.shape == (4, 2)
    assert np.isnan(covered[3]).all()  # unknown population stays unknown
    assert (covered[:3, 1] >= covered[:3, 0]).all() and (covered[:3, 1] <= demand.area_pop[:3] + 1e-6).all()
    assert covered[2, 1] > 0  # the surface-counted area is partly inside
    total, out = cp.published_areas(demand.area_pop, np.array([[2.0, 5.0], [0.0, 3.0]]), 3)
    assert np.isnan(out[0, 0]) and out[0, 1] == 5.0 and out[1, 0] == 0.0 and out[1, 1] == 3.0
    assert total[0] == 120.0 and np.isnan(total[3])
    _t0, o0 = cp.published_areas(np.zeros(0), np.zeros((0, 2)), 3)
    assert o0.shape == (0, 2)


def test_nearest_area_minutes_without_snapped_points():
    g = _lattice()
    xy = np.array([[5000.0, 5000.0]])
    walk_min, nearest = cp.nearest_area_minutes(g, g.snap_connected(xy, 50.0), xy, [box(0, 0, 10, 10), None], 50.0, 4.5)
    assert np.isnan(walk_min).all() and nearest.tolist() == [-1, -1]


def test_minutes_grid(town):
    g, xy, snap, _d, _l = town
    grid = cp.minutes_grid(g, snap, xy, 50.0, 4.5, 25.0)
    assert not grid.raised and grid.minutes.dtype == np.float32
    assert grid.minutes.shape == (22, 22) and (grid.xmin, grid.ymax) == (-25.0, 525.0)
    valid = grid.minutes[grid.minutes != cp.NO_DATA]
    assert valid.size and valid.min() >= 0
    # the cell nearest to the first point is a few metres' walk away
    r, c = int((grid.ymax - 100.0) // 25.0), int((100.0 - grid.xmin) // 25.0)
    assert grid.minutes[r, c] == pytest.approx(metres_to_minutes(25.0, 4.5))  # (112.5, 112.5): 12.5 m snap + 12.5 m walk
    small = cp.minutes_grid(g, snap, xy, 50.0, 4.5, 25.0, max_cells=100)
    assert small.raised and small.cell > 25.0 and small.minutes.size <= 121


def test_demand_from_cells_alone_and_with_areas():
    from ankunft_plugin.core.demand import people

    xy = np.array([[10.0, 10.0], [30.0, 10.0], [70.0, 10.0]])
    pop = np.array([5.0, 15.0, 8.0])
    alone = people(None, None, xy, pop)
    assert alone.point_pop.tolist() == [5.0, 15.0, 8.0] and alone.point_area.tolist() == [-1, -1, -1]
    assert alone.area_geoms == [] and not alone.area_by_surface.any()
    areas = [box(0, 0, 50, 50), box(50, 0, 100, 50), box(100, 0, 150, 50)]
    d = people(areas, [100.0, 40.0, 9.0], xy, pop)
    # area 0's 100 people spread 1:3 over its two cells, area 1's 40 on its cell, area 2 (no cell) by surface
    assert sorted(zip(d.point_area.tolist(), d.point_pop.tolist())) == [(0, 25.0), (0, 75.0), (1, 40.0)]
    assert d.area_by_surface.tolist() == [False, False, True]
    sums = people(areas, None, xy, pop)
    assert sums.area_pop.tolist() == [20.0, 8.0, 0.0]


def test_parse_bands_and_band_name():
    assert cp.parse_bands("15, 5,10,5") == [5.0, 10.0, 15.0]
    assert cp.parse_bands("5;7,5;10") == [5.0, 7.5, 10.0]
    for bad in ("", "5,-1", "0", "fünf"):
        with pytest.raises(ValueError):
            cp.parse_bands(bad)
    assert (cp.band_name(7.5), cp.band_name(10.0)) == ("7_5", "10")
