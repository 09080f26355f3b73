"""Walking catchments on a ``WalkGraph``: reach along the network and the catchment polygons.

One bounded Dijkstra per point serves all its (nested) bands. Reached length is exact: every edge
contributes the parts reachable from either end (and, on the start's own edge, from the start), so
partial edges are cut exactly at the limit.

Polygons are the reached (partial) edges buffered by ``buffer_m`` and dissolved. They are computed on
a fine grid (cell = ``cell``, by default a quarter of the buffer): the reached edges are sampled every
half cell, rasterised with the band of their walking cost, and for each band the cells whose centre
lies within ``buffer_m`` of a cell holding a reached sample (an exact Euclidean disk dilation, the same
as a thresholded distance transform) are polygonised by GDAL. The edge stays within about one cell –
at most one and a half – of the exact vector buffer (``vector_polygon`` computes that one, for
checks), and it never bridges rivers or railways that the network does not cross: no hulls, no
triangulation.

The work splits by point: worker processes (Linux, fork) or threads; see ``per_point``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import ndimage
from scipy.sparse.csgraph import dijkstra

from .demand import bounds_of, building_points, building_shares
from .network import Snap, WalkGraph


@dataclass
class Samples:
    """Points every <= ``spacing`` along all edges (at the middle of equal pieces)."""

    xy: np.ndarray
    edge: np.ndarray
    frac: np.ndarray
    weight: np.ndarray  # length (m) of the piece a sample stands for
    ptr: np.ndarray  # (m+1,) samples of edge e are ptr[e]:ptr[e+1]
    spacing: float


def edge_samples(graph: WalkGraph, spacing: float) -> Samples:
    """Samples of the graph's edges, cached on the graph per spacing."""
    cache = graph.__dict__.setdefault("_samples_cache", {})
    key = round(float(spacing), 6)
    if key in cache:
        return cache[key]
    m = graph.n_edges
    k = np.maximum(1, np.ceil(graph.edge_len / spacing).astype(np.int64)) if m else np.zeros(0, dtype=np.int64)
    ptr = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(k, out=ptr[1:])
    total = int(ptr[-1])
    edge = np.repeat(np.arange(m), k)
    j = np.arange(total) - ptr[:-1][edge]
    frac = (j + 0.5) / k[edge]
    weight = graph.edge_len[edge] / k[edge]
    xy = np.empty((total, 2))
    # interpolate along each polyline: straight edges (two vertices) in bulk, the rest per edge
    nv = np.array([len(c) for c in graph.edge_coords]) if m else np.zeros(0, dtype=np.int64)
    straight = nv == 2
    if straight.any():
        se = np.flatnonzero(straight[edge])
        e = edge[se]
        a = np.array([graph.edge_coords[i][0] for i in range(m)])
        b = np.array([graph.edge_coords[i][-1] for i in range(m)])
        xy[se] = a[e] + (b[e] - a[e]) * frac[se, None]
    for i in np.flatnonzero(~straight):
        c = graph.edge_coords[i]
        seg = np.hypot(*np.diff(c, axis=0).T)
        cum = np.concatenate([[0.0], np.cumsum(seg)])
        pos = frac[ptr[i] : ptr[i + 1]] * cum[-1]
        xy[ptr[i] : ptr[i + 1], 0] = np.interp(pos, cum, c[:, 0])
        xy[ptr[i] : ptr[i + 1], 1] = np.interp(pos, cum, c[:, 1])
    s = Samples(xy, edge, frac, weight, ptr, float(spacing))
    cache[key] = s
    return s


def _ranges(ptr, edges):
    lens = ptr[edges + 1] - ptr[edges]
    if len(lens) == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.repeat(ptr[edges] - (np.cumsum(lens) - lens), lens)
    return starts + np.arange(int(lens.sum()))


def reached_edges(graph: WalkGraph, D: np.ndarray, limit: float, start_edges) -> np.ndarray:
    """Edges touching a node with cost <= limit, plus the start edges."""
    nodes = np.flatnonzero(limit >= D)
    indptr, inc = graph.incidence()
    e = inc[_ranges(indptr, nodes)]
    se = np.asarray(start_edges, dtype=np.int64)
    mark = np.zeros(len(graph.edge_cost), dtype=bool)  # a mark per edge: cheaper than sorting (np.unique)
    mark[e] = True
    mark[se[se >= 0]] = True
    e = np.flatnonzero(mark)
    return e[np.isfinite(graph.edge_cost[e])]


def _starts_by_edge(se, st, sd):
    out: dict[int, list] = {}
    for e, t, d in zip(se.tolist(), st.tolist(), sd.tolist()):
        out.setdefault(e, []).append((t, d))
    return out


def edge_reach(graph: WalkGraph, edges, D, limits, se=(), st=(), sd=()) -> np.ndarray:
    """Exact reachable network length (m) per limit: parts of ``edges`` within each limit from the
    node costs ``D`` (either end) or directly from a start (edge ``se``, position ``st``, snap ``sd``)."""
    edges = np.asarray(edges, dtype=np.int64)
    c = graph.edge_cost[edges]
    ln = graph.edge_len[edges]
    du = D[graph.edge_u[edges]]
    dv = D[graph.edge_v[edges]]
    starts = _starts_by_edge(np.asarray(se, dtype=np.int64), np.asarray(st, float), np.asarray(sd, float))
    special = np.isin(edges, np.fromiter(starts, dtype=np.int64)) if starts else np.zeros(len(edges), bool)
    out = np.zeros(len(limits))
    with np.errstate(invalid="ignore", divide="ignore"):
        for k, lim in enumerate(limits):
            fu = np.nan_to_num(np.clip((lim - du) / c, 0.0, 1.0), nan=0.0)
            fv = np.nan_to_num(np.clip((lim - dv) / c, 0.0, 1.0), nan=0.0)
            cov = np.minimum(fu + fv, 1.0)
            total = float((cov[~special] * ln[~special]).sum())
            for i in np.flatnonzero(special):
                iv = [(0.0, fu[i]), (1.0 - fv[i], 1.0)]
                for t, d in starts[int(edges[i])]:
                    r = (lim - d) / c[i] if c[i] > 0 else (np.inf if lim >= d else -1)
                    if r >= 0:
                        iv.append((max(0.0, t - r), min(1.0, t + r)))
                total += _union_length(iv) * ln[i]
            out[k] = total
    return out


def _union_length(iv) -> float:
    iv = sorted((a, b) for a, b in iv if b > a)
    total, cur_a, cur_b = 0.0, None, None
    for a, b in iv:
        if cur_b is None or a > cur_b:
            if cur_b is not None:
                total += cur_b - cur_a
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    if cur_b is not None:
        total += cur_b - cur_a
    return total


def sample_costs(graph: WalkGraph, S: Samples, edges, D, se=(), st=(), sd=(), owner_nodes=None, owner_starts=None):
    """Sample indices of ``edges`` and their walking cost (and owner: the start that reaches them first,
    when ``owner_nodes`` (per node) and ``owner_starts`` (per start) are given)."""
    idx = _ranges(S.ptr, np.asarray(edges, dtype=np.int64))
    e = S.edge[idx]
    f = S.frac[idx]
    c = graph.edge_cost[e]
    cu, cv = graph.via_ends(D, e, f)
    cost = np.minimum(cu, cv)
    owner = None
    if owner_nodes is not None:
        owner = np.where(cv < cu, owner_nodes[graph.edge_v[e]], owner_nodes[graph.edge_u[e]])
    se = np.asarray(se, dtype=np.int64)
    if len(se):
        order = np.argsort(e, kind="stable")
        es = e[order]
        for k, (ee, t, d) in enumerate(zip(se.tolist(), np.asarray(st, float).tolist(), np.asarray(sd, float).tolist())):
            lo, hi = np.searchsorted(es, ee, "left"), np.searchsorted(es, ee, "right")
            if hi <= lo:
                continue
            j = order[lo:hi]
            direct = d + np.abs(f[j] - t) * c[j]
            better = direct < cost[j]
            cost[j[better]] = direct[better]
            if owner is not None:
                owner[j[better]] = owner_starts[k]
    return idx, cost, owner


# -- polygons -------------------------------------------------------------------------------------
def _polygonize(mask: np.ndarray, x0: float, y1: float, cell: float, values=None):
    """Shapely (multi)polygons of the True cells (or, with ``values``, a dict value -> geometry).
    GDAL's polygonizer through its Python bindings (``osgeo``, shipped with every QGIS); rasterio only
    when ``osgeo`` cannot be imported."""
    from shapely.geometry import MultiPolygon

    vals = mask.astype(np.uint8) if values is None else np.where(mask, values, 0).astype(np.int32)
    try:
        pieces = _polygonize_gdal(vals, mask, x0, y1, cell)
    except ImportError:
        pieces = _polygonize_rasterio(vals, mask, x0, y1, cell)
    groups: dict[int, list] = {}
    for v, g in pieces:
        groups.setdefault(int(v), []).append(g)
    merged = {v: (p[0] if len(p) == 1 else MultiPolygon(p)) for v, p in groups.items()}
    if values is None:
        return merged.get(1)
    return merged


def _polygonize_gdal(vals, mask, x0, y1, cell):
    from shapely import wkb

    from .gdalio import polygonize

    return [(v, wkb.loads(b)) for v, b in polygonize(vals, mask, x0, y1, cell)]


def _polygonize_rasterio(vals, mask, x0, y1, cell):
    from rasterio import features
    from rasterio.transform import Affine
    from shapely.geometry import shape

    transform = Affine(cell, 0.0, x0, 0.0, -cell, y1)
    return [(v, shape(g)) for g, v in features.shapes(vals, mask=mask, transform=transform)]


def _grid(xy, cell, pad):
    """Aligned grid window around ``xy`` with ``pad`` metres: x0, y1, ncols, nrows, col, row."""
    x0 = math.floor((xy[:, 0].min() - pad) / cell) * cell
    y0 = math.floor((xy[:, 1].min() - pad) / cell) * cell
    x1 = math.ceil((xy[:, 0].max() + pad) / cell) * cell
    y1 = math.ceil((xy[:, 1].max() + pad) / cell) * cell
    ncols = round((x1 - x0) / cell)
    nrows = round((y1 - y0) / cell)
    col = np.clip(((xy[:, 0] - x0) / cell).astype(np.int64), 0, ncols - 1)
    row = np.clip(((y1 - xy[:, 1]) / cell).astype(np.int64), 0, nrows - 1)
    return x0, y1, ncols, nrows, col, row


def band_masks(xy, cost, limits, buffer_m: float, cell: float):
    """For each limit: (mask, x0, y1) or None – the grid cells whose centre lies within ``buffer_m``
    of the centre of a cell holding a sample with cost <= limit (the same as an exact Euclidean
    distance transform thresholded at the buffer). ``x0, y1`` is the mask's upper left corner.
    All bands in one pass: the band index of each cell's cheapest sample is spread over the disk
    with a running minimum (nested bands), then each band's mask is cut to its own extent."""
    out = [None] * len(limits)
    sel = cost <= max(limits) if len(cost) else np.zeros(0, bool)
    if not sel.any():
        return out
    xy, cost = xy[sel], cost[sel]
    pad = buffer_m + 2 * cell
    x0, y1, ncols, nrows, col, row = _grid(xy, cell, pad)
    band = np.full((nrows, ncols), 255, dtype=np.uint8)
    k_of = np.searchsorted(np.asarray(limits, dtype=float), cost, side="left")
    for k in range(len(limits) - 1, -1, -1):  # the lowest band of a cell is written last
        hit = k_of == k
        band[row[hit], col[hit]] = k
    spread = band_dilate(band, buffer_m / cell)
    for k in range(len(limits)):
        m = spread <= k
        rr = np.flatnonzero(m.any(axis=1))
        if len(rr) == 0:
            continue
        cc = np.flatnonzero(m.any(axis=0))
        r0, r1, c0, c1 = rr[0], rr[-1] + 1, cc[0], cc[-1] + 1
        out[k] = (m[r0:r1, c0:c1], x0 + c0 * cell, y1 - r0 * cell)
    return out


def band_dilate(band: np.ndarray, radius: float) -> np.ndarray:
    """Smallest band index (uint8, 255 = none) within ``radius`` cells (centre to centre) of each
    cell: ``band_dilate(b, r) <= k`` equals ``disk_dilate(b <= k, r)`` for every k."""
    r = math.floor(radius + 1e-9)
    out = np.full(band.shape, 255, dtype=np.uint8)
    nrows = band.shape[0]
    widths: dict[int, np.ndarray] = {}
    for dy in range(-r, r + 1):
        w = math.floor(math.sqrt(max(radius * radius - dy * dy, 0.0)) + 1e-9)
        if w not in widths:
            widths[w] = ndimage.minimum_filter1d(band, size=2 * w + 1, axis=1, mode="constant", cval=255)
        h = widths[w]
        if dy >= 0:
            np.minimum(out[dy:], h[: nrows - dy], out=out[dy:])
        else:
            np.minimum(out[:dy], h[-dy:], out=out[:dy])
    return out


def masks_to_polygons(masks, cell: float):
    """(polygon or None, area m²) per mask of ``band_masks``."""
    res = []
    for item in masks:
        if item is None:
            res.append((None, 0.0))
            continue
        poly, x0, y1 = item
        res.append((_polygonize(poly, x0, y1, cell), float(poly.sum()) * cell * cell))
    return res


def band_polygons(xy, cost, limits, buffer_m: float, cell: float):
    """For each limit: (polygon or None, area m²) of the samples with cost <= limit buffered by
    ``buffer_m`` on a grid of ``cell`` metres."""
    return masks_to_polygons(band_masks(xy, cost, limits, buffer_m, cell), cell)


def disk_dilate(mask: np.ndarray, radius: float) -> np.ndarray:
    """Cells whose centre lies within ``radius`` (in cells) of the centre of a True cell: the same as
    ``distance_transform_edt(~mask) <= radius``, done as one horizontal running maximum per row
    offset of the disk (fast, exact)."""
    r = math.floor(radius + 1e-9)
    src = mask.astype(np.uint8)
    out = np.zeros(mask.shape, dtype=bool)
    nrows = mask.shape[0]
    widths = {}
    for dy in range(-r, r + 1):
        w = math.floor(math.sqrt(max(radius * radius - dy * dy, 0.0)) + 1e-9)
        if w not in widths:
            widths[w] = ndimage.maximum_filter1d(src, size=2 * w + 1, axis=1, mode="constant", cval=0).astype(bool)
        h = widths[w]
        if dy >= 0:
            out[dy:] |= h[: nrows - dy]
        else:
            out[:dy] |= h[-dy:]
    return out


def nearest_band_polygons(xy, cost, owner, limits, buffer_m: float, cell: float):
    """Non-overlapping rings: {(owner, band index): polygon}, each cell assigned to the owner of the
    nearest reached sample and to the first band whose buffer covers it."""
    sel = cost <= max(limits) if len(cost) else np.zeros(0, bool)
    if not sel.any():
        return {}, {}
    xy, cost, owner = xy[sel], cost[sel], owner[sel]
    x0, y1, ncols, nrows, col, row = _grid(xy, cell, buffer_m + 2 * cell)
    C = np.full((nrows, ncols), np.inf)
    L = np.full((nrows, ncols), -1, dtype=np.int64)
    o = np.argsort(-cost, kind="stable")
    C[row[o], col[o]] = cost[o]
    L[row[o], col[o]] = owner[o]
    nb = len(limits)
    V = np.full((nrows, ncols), -1, dtype=np.int64)
    done = np.zeros((nrows, ncols), dtype=bool)
    for k, lim in enumerate(limits):
        m = lim >= C
        if not m.any():
            continue
        d, ind = ndimage.distance_transform_edt(~m, sampling=cell, return_indices=True)
        cover = (d <= buffer_m) & ~done
        lab = L[ind[0], ind[1]]
        V[cover] = lab[cover] * nb + k
        done |= cover
    geoms = _polygonize(V >= 0, x0, y1, cell, values=V)
    areas = {}
    vals, counts = np.unique(V[V >= 0], return_counts=True)
    for v, n in zip(vals.tolist(), counts.tolist()):
        areas[(v // nb, v % nb)] = n * cell * cell
    return {(v // nb, v % nb): g for v, g in geoms.items()}, areas


def vector_polygon(graph: WalkGraph, edges, D, limit, buffer_m, se=(), st=(), sd=(), resolution=8):
    """Exact reference: reached (partial) edges as lines, buffered and dissolved (slow; for checks)."""
    from shapely.geometry import LineString
    from shapely.ops import unary_union

    pieces = []
    starts = _starts_by_edge(np.asarray(se, dtype=np.int64), np.asarray(st, float), np.asarray(sd, float))
    for e in np.asarray(edges).tolist():
        c = graph.edge_cost[e]
        du, dv = D[graph.edge_u[e]], D[graph.edge_v[e]]
        iv = []
        if np.isfinite(du) and du <= limit:
            iv.append((0.0, min(1.0, (limit - du) / c)))
        if np.isfinite(dv) and dv <= limit:
            iv.append((max(0.0, 1.0 - (limit - dv) / c), 1.0))
        for t, d in starts.get(e, []):
            if d <= limit:
                r = (limit - d) / c
                iv.append((max(0.0, t - r), min(1.0, t + r)))
        for a, b in iv:
            pieces.append(_cut(graph.edge_coords[e], a, b))
    if not pieces:
        return None
    return unary_union([LineString(p).buffer(buffer_m, resolution) if len(p) > 1 else None for p in pieces if len(p) > 1])


def _cut(coords, a, b):
    seg = np.hypot(*np.diff(coords, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    total = cum[-1]
    pa, pb = a * total, b * total
    inner = coords[(cum > pa) & (cum < pb)]
    p0 = [np.interp(pa, cum, coords[:, 0]), np.interp(pa, cum, coords[:, 1])]
    p1 = [np.interp(pb, cum, coords[:, 0]), np.interp(pb, cum, coords[:, 1])]
    if pb - pa <= 1e-12:
        return np.array([p0])
    return np.vstack([[p0], inner, [p1]])


# -- the three modes ------------------------------------------------------------------------------
@dataclass
class CatchmentRecord:
    point: int  # index into the points (-1 for dissolved bands)
    band: int  # index into limits
    reach_m: float
    area_m2: float
    geometry: object  # shapely polygon or None


def default_cell(buffer_m: float) -> float:
    """Grid cell for the polygons: a quarter of the buffer (7.5 m for 30 m), at least 1 m."""
    return max(1.0, float(buffer_m) / 4.0)


_FORK_STATE: dict = {}


def _point_results(graph, snap, S, ch, limits, buffer_m, cell, polygons):
    """Reach per limit and the band masks of the points ``ch`` (one search for the chunk)."""
    lim = max(limits)
    D = graph.search(snap, ch, lim)
    out = []
    for r, p in enumerate(ch.tolist()):
        se, st, sd = [snap.edge[p]], [snap.t[p]], [snap.dist[p]]
        E = reached_edges(graph, D[r], lim, se)
        reach = edge_reach(graph, E, D[r], limits, se, st, sd)
        masks = [None] * len(limits)
        if polygons:
            idx, cost, _ = sample_costs(graph, S, E, D[r], se, st, sd)
            masks = band_masks(S.xy[idx], cost, limits, buffer_m, cell)
        out.append((p, reach, masks))
    return out


def _pack(results):
    """Masks as bit-packed bytes for the way back from a worker process."""
    packed = []
    for p, reach, masks in results:
        pm = [None if m is None else (np.packbits(m[0]), m[0].shape, m[1], m[2]) for m in masks]
        packed.append((p, reach, pm))
    return packed


def _unpack(packed):
    out = []
    for p, reach, pm in packed:
        masks = [
            None if m is None else (np.unpackbits(m[0], count=m[1][0] * m[1][1]).reshape(m[1]).astype(bool), m[2], m[3])
            for m in pm
        ]
        out.append((p, reach, masks))
    return out


def _fork_job(ch):
    st = _FORK_STATE
    return _pack(_point_results(st["graph"], st["snap"], st["S"], ch, st["limits"], st["buffer_m"], st["cell"], st["polygons"]))


def fork_available() -> bool:
    """Worker processes by 'fork': Linux only (macOS system frameworks are not fork-safe, Windows has
    no fork); ANKUNFT_NO_FORK=1 switches them off (threads are used instead)."""
    import multiprocessing as mp
    import os
    import sys

    if os.environ.get("ANKUNFT_NO_FORK", "") == "1" or not sys.platform.startswith("linux"):
        return False
    return "fork" in mp.get_all_start_methods()


def per_point(graph, snap: Snap, limits, buffer_m, cell=None, workers=2, batch=16, polygons=True,
              progress=None, cancelled=None, processes=False):
    """One record per snapped point and limit (nested bands share one search).

    The work splits by point: with ``processes`` (POSIX 'fork' only) the searches and band masks
    run in ``workers`` forked processes (they inherit the graph; only numpy/scipy run there) while
    this process turns the masks into polygons; otherwise in threads (which gain little: the grid
    work holds the GIL)."""
    cell = cell or default_cell(buffer_m)
    limits = [float(x) for x in limits]
    S = edge_samples(graph, cell / 2.0) if polygons else None
    pts = np.flatnonzero(snap.ok)
    chunks = [pts[i : i + batch] for i in range(0, len(pts), batch)]
    graph.matrix()
    graph.incidence()

    def to_records(results):
        recs = []
        for p, reach, masks in results:
            polys = masks_to_polygons(masks, cell)
            for k in range(len(limits)):
                recs.append(CatchmentRecord(p, k, float(reach[k]), polys[k][1], polys[k][0]))
        return recs

    def work(ch):
        if cancelled is not None and cancelled():
            return []
        return _point_results(graph, snap, S, ch, limits, buffer_m, cell, polygons)

    out = []
    if processes and workers > 1 and len(chunks) > 2 and fork_available():
        import multiprocessing as mp

        _FORK_STATE.update(graph=graph, snap=snap, S=S, limits=limits, buffer_m=buffer_m, cell=cell, polygons=polygons)
        from concurrent.futures import ThreadPoolExecutor

        try:
            # GDAL's polygonizer releases the GIL: masks become polygons in threads here while the
            # worker processes search on
            with mp.get_context("fork").Pool(workers) as pool, ThreadPoolExecutor(workers) as ex:
                futures = []
                for packed in pool.imap(_fork_job, chunks):
                    if cancelled is not None and cancelled():
                        pool.terminate()
                        return out
                    futures.append(ex.submit(lambda pk: to_records(_unpack(pk)), packed))
                    if progress is not None:
                        progress(len(futures) / len(chunks))
                for fut in futures:
                    out.extend(fut.result())
        finally:
            _FORK_STATE.clear()
    elif workers > 1 and len(chunks) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers) as ex:
            for i, results in enumerate(ex.map(work, chunks)):
                out.extend(to_records(results))
                if progress is not None:
                    progress((i + 1) / len(chunks))
    else:
        for i, ch in enumerate(chunks):
            out.extend(to_records(work(ch)))
            if progress is not None:
                progress((i + 1) / len(chunks))
    return out


def multi_search(graph: WalkGraph, snap: Snap, limit: float):
    """One multi-source search from all snapped points: node costs and the start (point index) per node."""
    pts = np.flatnonzero(snap.ok)
    n = graph.n_nodes
    if len(pts) == 0:
        return np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    g = graph._augmented(snap, pts)
    D, _pred, src = dijkstra(g, directed=True, indices=np.arange(n, n + len(pts)), limit=limit, min_only=True,
                             return_predecessors=True)
    D, src = D[:n], src[:n]
    owner = np.where(src >= n, pts[np.clip(src - n, 0, len(pts) - 1)], -1)
    return D, owner


def dissolved(graph, snap: Snap, limits, buffer_m, cell=None, polygons=True):
    """One record per limit (point = -1): the union of all points' catchments."""
    cell = cell or default_cell(buffer_m)
    limits = [float(x) for x in limits]
    lim = max(limits)
    D, _owner = multi_search(graph, snap, lim)
    pts = np.flatnonzero(snap.ok)
    se, st, sd = snap.edge[pts], snap.t[pts], snap.dist[pts]
    E = reached_edges(graph, D, lim, se)
    reach = edge_reach(graph, E, D, limits, se, st, sd)
    if polygons and len(pts):
        S = edge_samples(graph, cell / 2.0)
        idx, cost, _ = sample_costs(graph, S, E, D, se, st, sd)
        polys = band_polygons(S.xy[idx], cost, limits, buffer_m, cell)
    else:
        polys = [(None, 0.0)] * len(limits)
    return [CatchmentRecord(-1, k, float(reach[k]), polys[k][1], polys[k][0]) for k in range(len(limits))]


def nearest_rings(graph, snap: Snap, limits, buffer_m, cell=None):
    """Non-overlapping records per point and band: the ring of band k (beyond band k-1) where the
    point is the nearest by walking. ``reach_m`` from the samples (within half a cell per cut)."""
    cell = cell or default_cell(buffer_m)
    limits = [float(x) for x in limits]
    lim = max(limits)
    D, owner_nodes = multi_search(graph, snap, lim)
    pts = np.flatnonzero(snap.ok)
    if len(pts) == 0:
        return []
    se, st, sd = snap.edge[pts], snap.t[pts], snap.dist[pts]
    E = reached_edges(graph, D, lim, se)
    S = edge_samples(graph, cell / 2.0)
    idx, cost, owner = sample_costs(graph, S, E, D, se, st, sd, owner_nodes=owner_nodes, owner_starts=pts)
    geoms, areas = nearest_band_polygons(S.xy[idx], cost, owner, limits, buffer_m, cell)
    w = S.weight[idx]
    nb = len(limits)
    band = np.searchsorted(np.asarray(limits), cost, side="left")
    inside = (band < nb) & (owner >= 0)
    sums = np.bincount(owner[inside] * nb + band[inside], weights=w[inside], minlength=(int(pts.max()) + 1) * nb)
    recs = []
    for p in pts.tolist():
        for k in range(nb):
            reach = float(sums[p * nb + k])
            g = geoms.get((p, k))
            if g is None and reach == 0.0:
                continue
            recs.append(CatchmentRecord(p, k, reach, areas.get((p, k), 0.0), g))
    return recs


# -- population ------------------------------------------------------------------------------------
@dataclass
class Demand:
    """Where people live: building points with a share of their area's population, plus the areas
    without buildings (counted by the share of their surface inside a catchment)."""

    point_xy: np.ndarray  # (b, 2) building representative points
    point_pop: np.ndarray  # (b,)
    point_area: np.ndarray  # (b,) index of the population area of each building
    area_geoms: list  # population area polygons (shapely)
    area_pop: np.ndarray  # (a,) population per area (NaN unknown)
    area_by_surface: np.ndarray  # (a,) bool: counted by surface share (no buildings)
    area_bounds: np.ndarray


def build_demand(area_geoms, area_pop, building_geoms=None) -> Demand:
    """Spread each area's population over its buildings (by footprint area; a building belongs to the
    area that holds its point on the surface, boundary included: ``core/demand.building_shares``).
    Areas without buildings are counted by surface."""
    area_pop = np.asarray(area_pop, dtype=float)
    bxy, foot, _ = building_points(building_geoms)
    owner, share, has = building_shares(area_geoms, bxy, foot, boundary=True)
    inside = owner >= 0
    parea = owner[inside]
    ppop = np.nan_to_num(area_pop[parea]) * share[inside]
    return Demand(bxy[inside], ppop, parea, list(area_geoms), area_pop, ~has, bounds_of(area_geoms))


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
