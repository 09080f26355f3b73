"""Where the people are: the one demand model of the siting, the catchments, the overlay and the dynamics.

One rule places people: an area's people are spread over the weighted points that lie in it (buildings by
footprint area, population grid cells by their people: ``building_shares``). What differs between the
algorithms is only what an area without such points falls back to, and that is an argument here, not a
second model:

- ``place`` (overlay distances, siting): a grid of points, else one point on the surface;
- ``people`` (walking catchments): the area's surface (``surface_population``: the share of its surface
  inside a catchment);
- grid cells without areas carry their own people (``people`` with no areas);
- ``area_people``: the people of the cells in each area (the cells give the areas their weights);
- ``demand_points`` (siting): demand features of any kind; points and lines keep their weight, polygons
  are placed with ``place``.

numpy/shapely only, no QGIS import; shapely 1.8 and 2. Geometries in a metric CRS (metres).

- ``contains_xy`` / ``points_in_polygons``: which points lie in which polygon (vectorised: shapely 2
  ``contains_xy``/``intersects_xy``, shapely 1.8 ``shapely.vectorized``); a point belongs to the
  first polygon (in order) that contains it; with ``boundary=True`` a point on the boundary counts
  as inside too. NaN points and null polygons belong to nothing (-1).
- ``grid_points``: the centres of a square grid inside a polygon, optionally coarsened so that an
  area gets at most about ``max_points`` of them; empty when no centre falls inside.
- ``building_points``: each building's point on the surface and its footprint area (the weight).
- ``building_shares``: each area's population spread over its buildings by footprint area (a
  building belongs to the area that holds its point on the surface).
- ``place``: the points each area is represented by, with the share of its people at each: its
  buildings; else (``grid_spacing``) a grid; else one point on the surface.
- ``people`` / ``Demand``: people at points (buildings or cells, in their input order) plus the areas
  counted by surface; ``surface_population`` counts those in a polygon.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MAX_GRID_CELLS = 4_000_000  # a grid larger than this (a huge, thin area at a fine spacing) is not built


def bounds_of(geoms) -> np.ndarray:
    """(n, 4) bounds (minx, miny, maxx, maxy) of each geometry; NaN for null/empty ones."""
    b = np.full((len(geoms), 4), np.nan)
    for i, g in enumerate(geoms):
        if g is not None and not g.is_empty:
            b[i] = g.bounds
    return b


def contains_xy(geom, x, y, boundary: bool = False) -> np.ndarray:
    """Bool per point (x, y arrays): inside ``geom`` (``boundary=True``: or on its boundary)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.size == 0:
        return np.zeros(0, dtype=bool)
    import shapely

    if hasattr(shapely, "contains_xy"):  # shapely >= 2
        fn = shapely.intersects_xy if boundary else shapely.contains_xy
        return np.asarray(fn(geom, x, y), dtype=bool)
    from shapely import vectorized  # shapely 1.8

    inside = np.asarray(vectorized.contains(geom, x, y), dtype=bool)
    if boundary:
        inside |= np.asarray(vectorized.touches(geom, x, y), dtype=bool)
    return inside


def points_in_polygons(polygons, xy, boundary: bool = False) -> np.ndarray:
    """Index of the first polygon containing each point, -1 outside all (or NaN).

    The points are sorted by x once; each polygon tests only the points within its bounds."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    owner = np.full(len(xy), -1, dtype=np.int64)
    if len(xy) == 0 or len(polygons) == 0:
        return owner
    finite = np.flatnonzero(np.isfinite(xy).all(axis=1))
    order = finite[np.argsort(xy[finite, 0], kind="stable")]
    xs = xy[order, 0]
    bounds = bounds_of(polygons)
    for p in np.flatnonzero(np.isfinite(bounds).all(axis=1)):
        minx, miny, maxx, maxy = bounds[p]
        lo, hi = np.searchsorted(xs, minx, "left"), np.searchsorted(xs, maxx, "right")
        if hi <= lo:
            continue
        cand = order[lo:hi]
        cand = cand[(owner[cand] < 0) & (xy[cand, 1] >= miny) & (xy[cand, 1] <= maxy)]
        if cand.size:
            inside = contains_xy(polygons[p], xy[cand, 0], xy[cand, 1], boundary)
            owner[cand[inside]] = p
    return owner


def grid_points(polygon, spacing: float, max_points: int | None = None) -> np.ndarray:
    """Centres of a square grid inside ``polygon``, ``spacing`` metres apart (the first at half a step
    from the lower left corner of the bounds). With ``max_points`` the step grows so that the area
    gets at most about that many points. Empty when no centre falls inside (small or thin areas),
    for a null polygon, a spacing <= 0 or a grid of more than ``MAX_GRID_CELLS`` cells."""
    if polygon is None or polygon.is_empty or not spacing or spacing <= 0:
        return np.zeros((0, 2))
    step = float(spacing)
    if max_points:
        area = float(polygon.area)
        if area <= 0:
            return np.zeros((0, 2))
        step = max(step, math.sqrt(area / max(int(max_points), 1)))
    minx, miny, maxx, maxy = polygon.bounds
    xs = np.arange(minx + step / 2.0, maxx, step)
    ys = np.arange(miny + step / 2.0, maxy, step)
    if not xs.size or not ys.size or xs.size * ys.size > MAX_GRID_CELLS:
        return np.zeros((0, 2))
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    inside = contains_xy(polygon, gx, gy)
    return np.column_stack([gx[inside], gy[inside]])


def surface_point(geom) -> np.ndarray:
    """(1, 2) point on the surface of ``geom`` (shapely's representative point)."""
    p = geom.representative_point()
    return np.array([[p.x, p.y]])


def building_points(geoms, min_area: float = 0.0):
    """(xy (k, 2), footprint (k,), index (k,)) of the non-null buildings: the point on the surface,
    the footprint area (at least ``min_area``: e.g. 1 m² lets points and lines stand for a building),
    and the index of the geometry in ``geoms``."""
    xy, area, index = [], [], []
    for i, g in enumerate(geoms or []):
        if g is None or g.is_empty:
            continue
        p = g.representative_point()
        xy.append((p.x, p.y))
        area.append(max(float(g.area), float(min_area)))
        index.append(i)
    if not xy:
        return np.zeros((0, 2)), np.zeros(0), np.zeros(0, dtype=np.int64)
    return np.asarray(xy, dtype=float), np.asarray(area, dtype=float), np.asarray(index, dtype=np.int64)


def building_shares(polygons, building_xy, building_area=None, boundary: bool = False):
    """Each area's population spread over its buildings by footprint area.

    Returns ``owner`` (per building: the area holding its point, -1 none), ``share`` (per building:
    its share of that area's population; 0 outside all areas and for buildings without a positive
    footprint) and ``has`` (per area: True where its buildings have a positive total footprint).
    ``building_area`` None: every building weighs the same; NaN or <= 0 weighs nothing."""
    n = len(polygons)
    bxy = np.zeros((0, 2)) if building_xy is None else np.asarray(building_xy, dtype=float).reshape(-1, 2)
    if building_area is None:
        w = np.ones(len(bxy))
    else:
        w = np.asarray(building_area, dtype=float).reshape(-1)
        w = np.where(np.isfinite(w) & (w > 0), w, 0.0)
    owner = points_in_polygons(polygons, bxy, boundary) if len(bxy) else np.zeros(0, dtype=np.int64)
    inside = owner >= 0
    total = np.bincount(owner[inside], weights=w[inside], minlength=n) if n else np.zeros(0)
    has = total > 0
    share = np.zeros(len(bxy))
    ok = inside.copy()
    ok[inside] = has[owner[inside]]
    share[ok] = w[ok] / total[owner[ok]]
    return owner, share, has


@dataclass
class Placement:
    """Points standing for areas: ``xy`` (k, 2), ``area`` index (k,), ``share`` of the area's people
    at the point (sums to 1 per placed area), ``method`` per area: ``buildings``, ``grid``,
    ``point_on_surface`` or ``none`` (null/empty area, or no fallback)."""

    xy: np.ndarray
    area: np.ndarray
    share: np.ndarray
    method: list

    def __len__(self) -> int:
        return len(self.xy)


def place(
    polygons,
    building_xy=None,
    building_area=None,
    grid_spacing: float | None = None,
    max_grid_points: int | None = None,
    point_on_surface: bool = True,
    boundary: bool = True,
    weighted_method: str = "buildings",
) -> Placement:
    """The points each area is represented by, in area order (buildings in their input order):

    - its buildings (see ``building_shares``), weighted by footprint (method ``buildings``; population grid
      cells as ``building_xy``/``building_area``, weighted by their people: ``weighted_method="grid_cells"``);
    - else, with ``grid_spacing``: a grid (``grid_points``), people spread evenly (``grid``);
    - else, or when no grid point falls inside, one point on the surface (``point_on_surface``),
      unless ``point_on_surface`` is False (``none``, no point).

    A weighted point on an area's boundary belongs to the first area that holds or touches it (``boundary``), as
    in ``people``: the catchments, the siting and the overlay place a building the same way."""
    n = len(polygons)
    bxy = np.zeros((0, 2)) if building_xy is None else np.asarray(building_xy, dtype=float).reshape(-1, 2)
    owner, share, has = building_shares(polygons, bxy, building_area, boundary)
    # the buildings of the areas placed on buildings, grouped by area (stable: input order inside)
    sel = np.flatnonzero(owner >= 0)
    sel = sel[has[owner[sel]]] if sel.size else sel
    sel = sel[np.argsort(owner[sel], kind="stable")]
    starts = np.searchsorted(owner[sel], np.arange(n), "left")
    stops = np.searchsorted(owner[sel], np.arange(n), "right")
    xs, areas, shares, method = [], [], [], []
    for i, poly in enumerate(polygons):
        if poly is None or poly.is_empty:
            method.append("none")
            continue
        if has[i]:
            idx = sel[starts[i] : stops[i]]
            pts, w, how = bxy[idx], share[idx], weighted_method
        else:
            pts = grid_points(poly, grid_spacing, max_grid_points) if grid_spacing else np.zeros((0, 2))
            if len(pts):
                w, how = np.full(len(pts), 1.0 / len(pts)), "grid"
            elif point_on_surface:
                pts, w, how = surface_point(poly), np.array([1.0]), "point_on_surface"
            else:
                method.append("none")
                continue
        xs.append(pts)
        areas.append(np.full(len(pts), i, dtype=np.int64))
        shares.append(w)
        method.append(how)
    if not xs:
        return Placement(np.zeros((0, 2)), np.zeros(0, dtype=np.int64), np.zeros(0), method)
    return Placement(np.vstack(xs), np.concatenate(areas), np.concatenate(shares), method)


def cells_in_areas(polygons, xy, people, boundary: bool = True):
    """Grid cells (centres with people) summed to areas: ``(owner per cell (-1 outside all),
    people per area)``. A cell belongs to the first area that holds its centre."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    people = np.asarray(people, dtype=float).reshape(-1)
    owner = points_in_polygons(polygons, xy, boundary) if len(polygons) else np.full(len(xy), -1, dtype=np.int64)
    ok = owner >= 0
    per_area = np.bincount(owner[ok], weights=people[ok], minlength=len(polygons)) if len(polygons) else np.zeros(0)
    return owner, per_area


@dataclass
class Demand:
    """People at points (buildings or grid cells, with their share of their area's people; or cells on their
    own), plus the areas without such points, counted by the share of their surface (``surface_population``)."""

    point_xy: np.ndarray  # (b, 2) building representative points / cell centres
    point_pop: np.ndarray  # (b,)
    point_area: np.ndarray  # (b,) index of the population area of each point (-1: a cell on its own)
    area_geoms: list  # population area polygons (shapely)
    area_pop: np.ndarray  # (a,) population per area (NaN unknown)
    area_by_surface: np.ndarray  # (a,) bool: counted by surface share (no weighted point inside)
    area_bounds: np.ndarray


def people(area_geoms=None, area_pop=None, point_xy=None, point_weight=None, boundary: bool = True) -> Demand:
    """The people of the areas at the weighted points inside them (``building_shares``, boundary included),
    in the points' input order; areas without a weighted point are counted by surface. Without areas, the
    points carry their own weights (grid cells alone). ``area_pop`` None: each area gets the sum of the
    weights of its points (cells give the areas their people). Unknown (NaN) populations put 0 people on
    their points."""
    xy = np.zeros((0, 2)) if point_xy is None else np.asarray(point_xy, dtype=float).reshape(-1, 2)
    weight = None if point_weight is None else np.asarray(point_weight, dtype=float).reshape(-1)
    if area_geoms is None:
        n = len(xy)
        own = np.ones(n) if weight is None else weight
        return Demand(xy, own, np.full(n, -1, dtype=np.int64), [], np.zeros(0), np.zeros(0, dtype=bool), np.zeros((0, 4)))
    if area_pop is None:
        area_pop = cells_in_areas(area_geoms, xy, np.ones(len(xy)) if weight is None else weight, boundary)[1]
    area_pop = np.asarray(area_pop, dtype=float)
    owner, share, has = building_shares(area_geoms, xy, weight, boundary=boundary)
    inside = owner >= 0
    parea = owner[inside]
    return Demand(xy[inside], np.nan_to_num(area_pop[parea]) * share[inside], parea, list(area_geoms), area_pop, ~has, bounds_of(area_geoms))


def surface_population(geom, demand: Demand, only_areas=None) -> tuple[float, np.ndarray]:
    """Population of the surface-counted areas inside ``geom`` (area-weighted) and the share of each
    area's surface inside (for the per-area output)."""
    na = len(demand.area_geoms)
    share = np.zeros(na)
    if geom is None or geom.is_empty:
        return 0.0, share
    x0, y0, x1, y1 = geom.bounds
    b = demand.area_bounds
    cand = np.flatnonzero((b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0))
    total = 0.0
    for a in cand.tolist():
        if only_areas is not None and not only_areas[a]:
            continue
        g = demand.area_geoms[a]
        if g is None or g.is_empty or g.area <= 0:
            continue
        inter = g.intersection(geom).area
        share[a] = min(1.0, inter / g.area)
        if demand.area_by_surface[a] and np.isfinite(demand.area_pop[a]):
            total += demand.area_pop[a] * share[a]
    return total, share


def area_people(geoms, xy, weight) -> np.ndarray:
    """The people of the weighted points (grid cells) inside each polygon of ``geoms``; other geometries
    (points, lines, nulls) get 0 (``cells_in_areas``)."""
    polys = [g if g is not None and g.geom_type.endswith("Polygon") else None for g in geoms]
    return cells_in_areas(polys, xy, weight)[1]


@dataclass
class DemandPoints:
    """The siting's demand: points with a weight each, the demand feature each came from, and per feature how it
    was placed (``point``, ``buildings``, ``grid_cells``, ``grid``, ``point_on_surface``, ``none``)."""

    xy: np.ndarray  # (n, 2)
    weight: np.ndarray  # (n,)
    source: np.ndarray  # index of the demand feature each point came from
    placement: np.ndarray  # per demand feature: "point", "buildings", "grid", "point_on_surface", "none"


def demand_points(
    geoms,
    weights,
    building_xy=None,
    building_area=None,
    spacing: float = 50.0,
) -> DemandPoints:
    """Demand points from demand features (shapely, metric CRS).

    Points keep their weight (a multi-point or line: shared by its parts' points on the surface).
    A polygon's weight is spread over the buildings whose point on the surface lies in it, in
    proportion to footprint area; a polygon without buildings (or when no buildings are given)
    spreads it evenly over grid points ``spacing`` metres apart, or puts it on one point on the
    surface when no grid point falls inside (``core/demand.place``)."""
    weights = np.asarray(weights, dtype=float)
    xy_parts, w_parts, src_parts = [], [], []
    placement = np.full(len(geoms), "none", dtype=object)
    polys = [i for i, g in enumerate(geoms) if g is not None and not g.is_empty and g.geom_type.endswith("Polygon")]
    for i, g in enumerate(geoms):
        if g is None or g.is_empty or g.geom_type.endswith("Polygon"):
            continue
        if g.geom_type == "Point":
            pts = np.array([[g.x, g.y]])
        else:  # MultiPoint, lines, …: every part's representative point shares the weight
            parts = list(g.geoms) if hasattr(g, "geoms") else [g]
            pts = np.vstack([surface_point(p) for p in parts])
        xy_parts.append(pts)
        w_parts.append(np.full(len(pts), weights[i] / len(pts)))
        src_parts.append(np.full(len(pts), i, dtype=np.int64))
        placement[i] = "point"
    if polys:
        pl = place([geoms[i] for i in polys], building_xy, building_area, grid_spacing=spacing)
        src = np.asarray(polys, dtype=np.int64)[pl.area]
        xy_parts.append(pl.xy)
        w_parts.append(weights[src] * pl.share)
        src_parts.append(src)
        placement[polys] = pl.method
    if not xy_parts:
        return DemandPoints(np.zeros((0, 2)), np.zeros(0), np.zeros(0, dtype=np.int64), placement)
    return DemandPoints(np.vstack(xy_parts), np.concatenate(w_parts), np.concatenate(src_parts), placement)
