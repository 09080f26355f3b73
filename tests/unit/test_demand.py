"""core/demand.py: point in polygon, grids, buildings, placement (the one implementation the siting,
the catchments and the infrastructure overlay share)."""

import numpy as np
import pytest
from shapely.geometry import LineString, Point, Polygon, box

from ankunft_plugin.core import catchments, demand, infrastructure


def test_contains_xy_boundary_and_holes():
    ring = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(4, 4), (6, 4), (6, 6), (4, 6)]])
    x = np.array([1.0, 5.0, 10.0, 4.0, 20.0])
    y = np.array([1.0, 5.0, 5.0, 5.0, 20.0])
    assert demand.contains_xy(ring, x, y).tolist() == [True, False, False, False, False]
    assert demand.contains_xy(ring, x, y, boundary=True).tolist() == [True, False, True, True, False]
    assert demand.contains_xy(ring, [], []).shape == (0,)


def test_points_in_polygons_first_polygon_wins_and_nan():
    polys = [box(0, 0, 10, 10), None, box(5, 0, 20, 10), Polygon()]
    xy = np.array([[1, 1], [7, 5], [15, 5], [30, 5], [np.nan, 5], [10, 5]])
    assert demand.points_in_polygons(polys, xy).tolist() == [0, 0, 2, -1, -1, 2]
    # on the boundary of the first polygon: inside it only with boundary=True
    assert demand.points_in_polygons(polys, xy, boundary=True).tolist() == [0, 0, 2, -1, -1, 0]
    assert demand.points_in_polygons(polys, np.zeros((0, 2))).shape == (0,)
    assert demand.points_in_polygons([], xy).tolist() == [-1] * 6


def test_points_in_polygons_agrees_with_shapely_on_random_points():
    rng = np.random.default_rng(7)
    polys = [Point(rng.uniform(0, 1000), rng.uniform(0, 1000)).buffer(rng.uniform(20, 150)) for _ in range(30)]
    xy = rng.uniform(0, 1000, size=(2000, 2))
    got = demand.points_in_polygons(polys, xy)
    want = np.array([next((i for i, p in enumerate(polys) if p.contains(Point(x, y))), -1) for x, y in xy])
    assert got.tolist() == want.tolist()


def test_grid_points_spacing_coarsening_and_empty():
    g = demand.grid_points(box(0, 0, 100, 50), 25.0)
    assert len(g) == 8 and g[:, 0].min() == pytest.approx(12.5) and g[:, 1].min() == pytest.approx(12.5)
    coarse = demand.grid_points(box(0, 0, 10000, 10000), 100.0, max_points=64)
    assert 50 <= len(coarse) <= 64
    assert len(demand.grid_points(box(0, 0, 1, 1), 50.0)) == 0  # no centre inside
    assert len(demand.grid_points(box(0, 0, 100, 100), 0.0)) == 0
    assert len(demand.grid_points(None, 10.0)) == 0
    assert len(demand.grid_points(box(0, 0, 1e6, 1e6), 0.1)) == 0  # more than MAX_GRID_CELLS


def test_building_points_and_min_area():
    xy, area, index = demand.building_points([box(0, 0, 10, 10), None, Point(5, 5), Polygon()])
    assert index.tolist() == [0, 2] and area.tolist() == [100.0, 0.0]
    assert xy[1].tolist() == [5.0, 5.0]
    _, area1, _ = demand.building_points([box(0, 0, 10, 10), Point(5, 5)], min_area=1.0)
    assert area1.tolist() == [100.0, 1.0]
    assert demand.building_points(None)[0].shape == (0, 2)


def test_building_shares_by_footprint():
    polys = [box(0, 0, 100, 100), box(100, 0, 200, 100), box(300, 0, 400, 100)]
    bxy = np.array([[10, 10], [50, 50], [150, 50], [500, 500], [350, 50]])
    barea = np.array([100.0, 300.0, np.nan, 20.0, 0.0])
    owner, share, has = demand.building_shares(polys, bxy, barea)
    assert owner.tolist() == [0, 0, 1, -1, 2]
    assert share.tolist() == pytest.approx([0.25, 0.75, 0.0, 0.0, 0.0])
    assert has.tolist() == [True, False, False]
    _, share_eq, _ = demand.building_shares(polys, bxy[:2])
    assert share_eq.tolist() == [0.5, 0.5]


def test_place_orders_by_area_with_fallbacks():
    polys = [box(0, 0, 100, 100), box(100, 0, 200, 100), box(400, 0, 401, 1), None]
    bxy = np.array([[150, 50], [10, 10], [160, 60], [50, 50]])
    barea = np.array([1.0, 1.0, 3.0, 3.0])
    pl = demand.place(polys, bxy, barea, grid_spacing=50.0)
    assert pl.method == ["buildings", "buildings", "point_on_surface", "none"]
    assert pl.area.tolist() == [0, 0, 1, 1, 2]
    assert pl.xy[:4].tolist() == [[10, 10], [50, 50], [150, 50], [160, 60]]  # input order inside an area
    assert pl.share.tolist() == pytest.approx([0.25, 0.75, 0.25, 0.75, 1.0])
    grid = demand.place(polys[:1], grid_spacing=50.0)
    assert grid.method == ["grid"] and len(grid) == 4 and grid.share.sum() == pytest.approx(1.0)
    bare = demand.place(polys[:1], point_on_surface=False)
    assert bare.method == ["none"] and len(bare) == 0


def test_the_three_users_share_the_placement():
    polys = [box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100)]
    buildings = [box(10, 10, 20, 20), box(50, 50, 80, 60), box(110, 10, 130, 20)]
    rep = infrastructure.representative_points(polys, buildings, grid_spacing=50.0)
    assert rep.method == ["buildings", "buildings", "grid"]
    bxy, barea, _ = demand.building_points(buildings)
    d = demand.demand_points(polys, [40.0, 10.0, 8.0], bxy, barea, spacing=50.0)
    assert d.placement.tolist() == ["buildings", "buildings", "grid"]
    np.testing.assert_allclose(d.xy, rep.xy)
    np.testing.assert_allclose(d.weight, np.array([40.0, 10.0, 8.0])[rep.area] * rep.share)
    c = catchments.build_demand(polys, [40.0, 10.0, 8.0], buildings)
    np.testing.assert_allclose(c.point_pop, d.weight[:3])
    assert c.area_by_surface.tolist() == [False, False, True]


def test_siting_points_and_lines_keep_their_weight():
    d = demand.demand_points([Point(1, 2), LineString([(0, 0), (10, 0)]), None], [5.0, 4.0, 9.0])
    assert d.placement.tolist() == ["point", "point", "none"]
    assert d.weight.tolist() == [5.0, 4.0] and d.source.tolist() == [0, 1]


def test_people_on_cells_and_cells_in_areas():
    from shapely.geometry import box as _box

    polys = [_box(0, 0, 100, 100), _box(100, 0, 200, 100), _box(300, 0, 400, 100)]
    cells = np.array([[25.0, 50.0], [75.0, 50.0], [150.0, 50.0], [500.0, 50.0]])
    people = np.array([10.0, 30.0, 5.0, 7.0])
    d = demand.people(polys, [400.0, np.nan, 50.0], cells, people)
    # area 0: 400 people spread 1:3 over its two cells; area 1 unknown → 0; area 2 has no cell (by surface)
    assert d.point_pop.tolist() == pytest.approx([100.0, 300.0, 0.0]) and d.point_area.tolist() == [0, 0, 1]
    assert d.area_by_surface.tolist() == [False, False, True] and d.point_xy.shape == (3, 2)
    owner, per_area = demand.cells_in_areas(polys, cells, people)
    assert owner.tolist() == [0, 0, 1, -1] and per_area.tolist() == [40.0, 5.0, 0.0]
    assert demand.cells_in_areas([], cells, people)[0].tolist() == [-1] * 4


def test_one_demand_model():
    """Every algorithm places people with core/demand.py: the share rule (building_shares) is called
    nowhere else, and the catchments' buildings, the grid cells and the overlay's cells are one model."""
    from pathlib import Path

    from shapely.geometry import box

    from ankunft_plugin.core import catchments, distances

    root = Path(demand.__file__).resolve().parents[1]
    for path in root.rglob("*.py"):
        if path.name != "demand.py":
            text = path.read_text(encoding="utf-8")
            assert "building_shares(" not in text and "spread_over_points" not in text, path
    polys = [box(0, 0, 100, 100), box(100, 0, 200, 100), box(300, 0, 400, 100)]
    buildings = [box(10, 10, 20, 20), box(50, 50, 80, 80), box(120, 10, 130, 40), Point(60, 60)]
    by_buildings = catchments.build_demand(polys, [40.0, 10.0, 8.0], buildings)
    bxy, foot, _ = demand.building_points(buildings)
    same = demand.people(polys, [40.0, 10.0, 8.0], bxy, foot)
    assert by_buildings.point_pop.tolist() == same.point_pop.tolist()
    assert by_buildings.point_area.tolist() == same.point_area.tolist()
    assert by_buildings.area_by_surface.tolist() == same.area_by_surface.tolist() == [False, False, True]
    # the overlay's cell placement is place() with the cells as weighted points
    cells = distances.cell_points(polys, bxy, foot, grid_spacing=50)
    assert cells.method == ["grid_cells", "grid_cells", "grid"]
    assert demand.place(polys, bxy, foot, grid_spacing=50, max_grid_points=64).share.tolist() == cells.share.tolist()
    # cells alone carry their own people; area_people sums them per polygon (points weigh nothing)
    alone = demand.people(None, None, bxy, [1.0, 2.0, 3.0, 4.0])
    assert alone.point_pop.tolist() == [1.0, 2.0, 3.0, 4.0] and alone.point_area.tolist() == [-1] * 4
    assert demand.area_people([polys[0], Point(1, 1), None], bxy, [1.0, 2.0, 3.0, 4.0]).tolist() == [7.0, 0.0, 0.0]
