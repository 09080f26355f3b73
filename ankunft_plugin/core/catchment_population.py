"""People within walking catchments: the population counts of ``ankunft:walkingcatchments``.

The catchments themselves (polygons, reach) come from ``core/catchments``; this module counts the people
of a ``catchments.Demand`` in them, and, per population area, the walking minutes to the nearest point
and the people within each band. Buildings are counted by their walking cost on the connected network
(as in the siting and infrastructure algorithms: a building nearest to a cut-off courtyard path is
moved onto the street network), areas without buildings by the share of their surface inside a
catchment. Small counts are blanked with ``core/confidentiality``.

No QGIS import.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import catchments as cm
from .confidentiality import suppress_counts
from .network import Snap, metres_to_minutes
from .validation import parse_number_list

NO_DATA = -9999.0  # the minutes raster's no-data value
MAX_RASTER_CELLS = 25_000_000


def parse_bands(text: str) -> list[float]:
    """'5, 10,15' or '5;7,5;10' (decimal commas with ';') -> sorted unique floats; ValueError on anything else."""
    vals = sorted(set(parse_number_list(text)))
    if not vals or any(not math.isfinite(v) or v <= 0 for v in vals):
        raise ValueError(text)
    return vals


def band_name(minutes: float) -> str:
    """A band's name in output field names: 7.5 → '7_5', 10.0 → '10'."""
    return "{:g}".format(minutes).replace(".", "_")


def _starts(snap: Snap, idx) -> Snap:
    """The snap of the points ``idx`` (kept as they were snapped, moved or not)."""
    return Snap(snap.edge[idx], snap.t[idx], snap.dist[idx], snap.ok[idx])


def point_status(xy, snap: Snap) -> np.ndarray:
    """Per point: ``ok``, ``no_geometry`` (no finite coordinates), ``too_far`` (not snapped) or
    ``small_component`` (on a small fragment of the network)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    status = np.array(["ok"] * len(xy), dtype=object)
    finite = np.isfinite(xy).all(axis=1)
    status[~finite] = "no_geometry"
    status[finite & ~snap.ok] = "too_far"
    status[snap.on_minor] = "small_component"
    return status


def _building_counts(graph, snap, xy, recs, limits, demand, max_snap, mode) -> np.ndarray:
    pops = np.zeros(len(recs))
    bxy, bpop = demand.point_xy, demand.point_pop
    ok_pts = np.flatnonzero(snap.ok)
    if not (len(bpop) and len(ok_pts)):
        return pops
    bsnap = graph.snap_connected(bxy, max_snap)
    if mode == "per_point":
        M = graph.distances(xy[ok_pts], bxy, max(limits), max_snap=max_snap, src_snap=_starts(snap, ok_pts), dst_snap=bsnap).tocsr()
        row_of = {p: i for i, p in enumerate(ok_pts.tolist())}
        for k, r in enumerate(recs):
            i = row_of.get(r.point)
            if i is None:
                continue
            lo, hi = M.indptr[i], M.indptr[i + 1]
            sel = M.data[lo:hi] <= limits[r.band]
            pops[k] += float(bpop[M.indices[lo:hi][sel]].sum())
        return pops
    cost, which = graph.nearest(xy[ok_pts], bxy, max_snap=max_snap, src_snap=_starts(snap, ok_pts), dst_snap=bsnap)
    owner = np.where(which >= 0, ok_pts[np.clip(which, 0, None)], -1)
    band = np.searchsorted(np.asarray(limits), cost, side="left")  # first band with cost <= limit
    for k, r in enumerate(recs):
        if mode == "dissolved":
            pops[k] += float(bpop[cost <= limits[r.band]].sum())
        else:
            pops[k] += float(bpop[(owner == r.point) & (band == r.band)].sum())
    return pops


def count_population(graph, snap: Snap, xy, recs, limits, demand: cm.Demand, max_snap: float, mode: str) -> np.ndarray:
    """People per catchment record (``catchments.CatchmentRecord``): the buildings reached within the
    record's band limit (``per_point``: from its point; ``dissolved``: from any point; ``nearest``: the
    buildings whose nearest point it is, in its ring), plus the surface-counted areas by overlay with
    the record's polygon. ``limits`` are the bands' limits in metres (ascending)."""
    pops = _building_counts(graph, snap, xy, recs, limits, demand, max_snap, mode)
    if demand.area_by_surface.any():
        for k, r in enumerate(recs):
            total, _share = cm.surface_population(r.geometry, demand, only_areas=demand.area_by_surface)
            pops[k] += total
    return pops


def nearest_area_minutes(graph, snap: Snap, xy, area_geoms, max_snap: float, speed_kmh: float) -> tuple[np.ndarray, np.ndarray]:
    """Walking minutes from each area's representative point to the nearest snapped point (NaN when
    none is reached), and that point's index (-1 when none)."""
    na = len(area_geoms)
    ok_pts = np.flatnonzero(snap.ok)
    rep = np.full((na, 2), np.nan)
    for a, g in enumerate(area_geoms):
        if g is not None and not g.is_empty:
            p = g.representative_point()
            rep[a] = (p.x, p.y)
    if len(ok_pts):
        cost, which = graph.nearest(xy[ok_pts], rep, max_snap=max_snap, src_snap=_starts(snap, ok_pts),
                                    dst_snap=graph.snap_connected(rep, max_snap))
    else:
        cost, which = np.full(na, np.inf), np.full(na, -1)
    walk_min = np.where(np.isfinite(cost), metres_to_minutes(cost, speed_kmh), np.nan)
    nearest = np.where(which >= 0, ok_pts[np.clip(which, 0, None)] if len(ok_pts) else -1, -1)
    return walk_min, nearest


def covered_by_band(graph, snap: Snap, xy, demand: cm.Demand, limits, max_snap: float, buffer_m: float, cell: float) -> np.ndarray:
    """(areas × bands) people of each population area within each band of the nearest point: its
    buildings by walking cost, a surface-counted area by the share of its surface inside the dissolved
    catchment of the band. NaN for areas with an unknown population."""
    na = len(demand.area_geoms)
    ok_pts = np.flatnonzero(snap.ok)
    covered = np.zeros((na, len(limits)))
    if len(demand.point_pop) and len(ok_pts):
        bcost, _w = graph.nearest(xy[ok_pts], demand.point_xy, max_snap=max_snap, src_snap=_starts(snap, ok_pts),
                                  dst_snap=graph.snap_connected(demand.point_xy, max_snap))
        for k, lim in enumerate(limits):
            sel = bcost <= lim
            covered[:, k] += np.bincount(demand.point_area[sel], weights=demand.point_pop[sel], minlength=na)
    if demand.area_by_surface.any() and len(ok_pts):
        for r in cm.dissolved(graph, snap, limits, buffer_m, cell=cell):
            _t, share = cm.surface_population(r.geometry, demand, only_areas=demand.area_by_surface)
            sel = demand.area_by_surface & np.isfinite(demand.area_pop)
            covered[sel, r.band] += demand.area_pop[sel] * share[sel]
    covered[~np.isfinite(demand.area_pop)] = np.nan
    return covered


def published_areas(area_pop, covered, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The per-area counts as published: the area's population and the people per band, each blanked
    (NaN) below ``threshold``."""
    covered = np.asarray(covered, dtype=float)
    total = suppress_counts(area_pop, threshold)
    if not len(covered):
        return total, covered
    return total, np.column_stack([suppress_counts(covered[:, k], threshold) for k in range(covered.shape[1])])


@dataclass
class MinutesGrid:
    minutes: np.ndarray  # (rows, cols) float32 walking minutes to the nearest point, NO_DATA where none
    xmin: float
    ymax: float
    cell: float
    raised: bool  # the cell size was raised to keep the raster under MAX_RASTER_CELLS


def minutes_grid(graph, snap: Snap, xy, max_snap: float, speed_kmh: float, cell: float,
                 max_cells: int = MAX_RASTER_CELLS) -> MinutesGrid:
    """Walking minutes from every cell centre to the nearest snapped point, on a grid over the network's
    nodes (one cell of margin); the cell size is raised when the grid would exceed ``max_cells``."""
    xmin, ymin = graph.node_xy.min(axis=0) - cell
    xmax, ymax = graph.node_xy.max(axis=0) + cell
    ncols, nrows = math.ceil((xmax - xmin) / cell), math.ceil((ymax - ymin) / cell)
    raised = ncols * nrows > max_cells
    if raised:
        cell = math.sqrt((xmax - xmin) * (ymax - ymin) / max_cells)
        ncols, nrows = math.ceil((xmax - xmin) / cell), math.ceil((ymax - ymin) / cell)
    cx = xmin + (np.arange(ncols) + 0.5) * cell
    cy = ymax - (np.arange(nrows) + 0.5) * cell
    gx, gy = np.meshgrid(cx, cy)
    ok_pts = np.flatnonzero(snap.ok)
    cells = np.column_stack([gx.ravel(), gy.ravel()])
    cost, _w = graph.nearest(xy[ok_pts], cells, max_snap=max_snap, src_snap=_starts(snap, ok_pts),
                             dst_snap=graph.snap_connected(cells, max_snap))
    minutes = np.where(np.isfinite(cost), metres_to_minutes(cost, speed_kmh), NO_DATA).reshape(nrows, ncols).astype(np.float32)
    return MinutesGrid(minutes, float(xmin), float(ymax), float(cell), raised)
