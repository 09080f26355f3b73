"""Representative points (where residents live) and distances on straight lines (for the overlay).

``nearest(src_xy, dst_xy) -> (metres (n_dst,), which src (n_dst,))`` and ``distances(src_xy, dst_xy, limit) -> csr
(n_src, n_dst)`` are the two distance callables of the method; ``StraightLine`` gives both on straight lines, the
walking network's ``WalkGraph.nearest``/``WalkGraph.distances`` (``core/network.py``) have the same form.
``weighted_median`` is the population-weighted median used for "minutes within which half of the residents
reach the nearest facility". No QGIS.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

from .demand import Placement, building_points, place, points_in_polygons
from .network import ZERO

# --------------------------------------------------------------------------------------------
# representative points (core/demand.py) and distances
# --------------------------------------------------------------------------------------------
RepPoints = Placement  # xy, area, share, method (``point_on_surface``, ``grid``, ``buildings``, ``none``)


def assign_points(xy, polygons) -> np.ndarray:
    """Index of the polygon that contains each point (first one in order), -1 outside all or NaN."""
    return points_in_polygons(polygons, xy)


def representative_points(polygons, buildings=None, grid_spacing: float | None = None, max_points: int = 64) -> RepPoints:
    """The points each area is measured from, with the share of its residents at each
    (``core/demand.place``):

    - ``buildings`` given: every building's point on surface, weighted by footprint area (points and
      lines as buildings weigh 1 m²); a building belongs to the area that contains that point
      (method ``buildings``);
    - else, with ``grid_spacing`` (metres): a regular grid inside the area, residents assumed evenly
      spread (method ``grid``, at most about ``max_points`` points per area);
    - else, and for areas that get no building or grid point: one point on the surface
      (method ``point_on_surface``). Null/empty areas get no point (method ``none``)."""
    bxy, barea, _ = building_points(buildings, min_area=1.0)
    return place(polygons, bxy, barea, grid_spacing=grid_spacing, max_grid_points=max_points)


def cell_points(polygons, cell_xy, cell_pop, grid_spacing: float | None = None, max_points: int = 64) -> RepPoints:
    """``representative_points`` with population grid cells in the place of the buildings: each area
    is measured from the cells inside it, weighted by their people (method ``grid_cells``)."""
    return place(polygons, cell_xy, cell_pop, grid_spacing=grid_spacing, max_grid_points=max_points, weighted_method="grid_cells")


class StraightLine:
    """Straight-line distances with the same call forms as ``WalkGraph.nearest``/``distances``."""

    method = "straight line"

    @staticmethod
    def nearest(src_xy, dst_xy):
        src = np.asarray(src_xy, dtype=float).reshape(-1, 2)
        dst = np.asarray(dst_xy, dtype=float).reshape(-1, 2)
        d = np.full(len(dst), np.inf)
        which = np.full(len(dst), -1, dtype=np.int64)
        ok_s = np.flatnonzero(np.isfinite(src).all(axis=1))
        ok_d = np.flatnonzero(np.isfinite(dst).all(axis=1))
        if len(ok_s) and len(ok_d):
            dd, ii = cKDTree(src[ok_s]).query(dst[ok_d])
            d[ok_d] = dd
            which[ok_d] = ok_s[ii]
        return d, which

    @staticmethod
    def distances(src_xy, dst_xy, limit):
        src = np.asarray(src_xy, dtype=float).reshape(-1, 2)
        dst = np.asarray(dst_xy, dtype=float).reshape(-1, 2)
        ns, nd = len(src), len(dst)
        ok_s = np.flatnonzero(np.isfinite(src).all(axis=1))
        ok_d = np.flatnonzero(np.isfinite(dst).all(axis=1))
        if not len(ok_s) or not len(ok_d):
            return sparse.csr_matrix((ns, nd))
        hits = cKDTree(dst[ok_d]).query_ball_point(src[ok_s], r=float(limit))
        rows, cols = [], []
        for r, lst in zip(ok_s, hits):
            if lst:
                rows.append(np.full(len(lst), r))
                cols.append(ok_d[np.asarray(lst, dtype=np.int64)])
        if not rows:
            return sparse.csr_matrix((ns, nd))
        rr, cc = np.concatenate(rows), np.concatenate(cols)
        vals = np.maximum(np.hypot(*(src[rr] - dst[cc]).T), ZERO)
        return sparse.csr_matrix((vals, (rr, cc)), shape=(ns, nd))


def weighted_median(values, weights) -> float:
    """Weighted median (lower): the smallest value at which the cumulative weight reaches half. inf kept."""
    v = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    if len(v) == 0:
        return np.nan
    if not np.isfinite(w).all() or w.sum() <= 0:
        w = np.ones(len(v))
    order = np.argsort(v, kind="stable")
    cum = np.cumsum(w[order])
    k = int(np.searchsorted(cum, 0.5 * cum[-1] - 1e-12))
    return float(v[order][min(k, len(v) - 1)])




class NetworkDistances:
    """``nearest``/``distances`` along a walking network (``core/network.WalkGraph``) for the overlay.

    Both ends are snapped onto the connected network only (``snap_connected(strict=True)``; small
    disconnected fragments would reach nothing), at most ``max_snap`` metres away; the straight snap distance
    counts as walking. Sources outside the network's extent (+ ``max_snap``) are skipped (infinite / no entry).
    ``rep_xy``/``rep_snap``: the areas' representative points and their snapping, computed once and reused
    whenever ``dst`` is that very array.
    """

    def __init__(self, graph, max_snap: float, rep_xy=None, rep_snap=None):
        self.graph = graph
        self.max_snap = float(max_snap)
        self.rep_xy, self.rep_snap = rep_xy, rep_snap
        if graph.n_nodes:
            self.lo, self.hi = graph.node_xy.min(axis=0), graph.node_xy.max(axis=0)
        else:
            self.lo, self.hi = np.zeros(2), np.zeros(2)

    def near_network(self, xy) -> np.ndarray:
        """True for points within the network's extent widened by ``max_snap``."""
        m = self.max_snap
        return (
            np.isfinite(xy).all(axis=1)
            & (xy[:, 0] >= self.lo[0] - m) & (xy[:, 0] <= self.hi[0] + m)
            & (xy[:, 1] >= self.lo[1] - m) & (xy[:, 1] <= self.hi[1] + m)
        )

    def _snaps(self, src, dst):
        ds = self.rep_snap if (self.rep_snap is not None and dst is self.rep_xy) else self.graph.snap_connected(dst, self.max_snap, strict=True)
        return self.graph.snap_connected(src, self.max_snap, strict=True), ds

    def nearest(self, src, dst):
        """Metres from each ``dst`` to its nearest ``src`` along the network, and which ``src`` (-1: none)."""
        keep = np.flatnonzero(self.near_network(src))
        if not len(keep):
            return np.full(len(dst), np.inf), np.full(len(dst), -1, dtype=np.int64)
        ss, ds = self._snaps(src[keep], dst)
        d, w = self.graph.nearest(src[keep], dst, max_snap=self.max_snap, src_snap=ss, dst_snap=ds)
        return d, np.where(w >= 0, keep[np.clip(w, 0, None)], -1)

    def distances(self, src, dst, limit):
        """csr (n_src, n_dst) of network metres ≤ ``limit`` (sources off the network: empty rows)."""
        keep = np.flatnonzero(self.near_network(src))
        ss, ds = self._snaps(src[keep], dst)
        sub = self.graph.distances(src[keep], dst, limit, max_snap=self.max_snap, src_snap=ss, dst_snap=ds).tocoo()
        return sparse.csr_matrix((sub.data, (keep[sub.row], sub.col)), shape=(len(src), len(dst)))
