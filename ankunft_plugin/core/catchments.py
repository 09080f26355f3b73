"""Walking catchments on a ``WalkGraph``: reach along the network and the catchment polygons.

One bounded Dijkstra per point serves all its (nested) bands. Reached length is exact: every edge
contributes the parts reachable from either end (and, on the start's own edge, from the start), so
partial edges are cut exactly at the limit.

Polygons are the reached (partial) edges buffered by ``buffer_m`` and dissolved. They are computed on
a fine grid (cell = ``cell``, by default a quarter of the buffer): the reached edges are sampled every
0.75 cells, rasterised with the band of their walking cost, and for each band the cells whose centre
lies within ``buffer_m`` of a cell holding a reached sample (an exact Euclidean disk dilation, the same
as a thresholded distance transform) make its area; the outlines of all bands are traced from that
one labelled raster in numpy and smoothed (``traced_polygons``). The edge stays within about one cell –
at most one and a half – of the exact vector buffer (``vector_polygon`` computes that one, for
checks), and it never bridges rivers or railways that the network does not cross: no hulls, no
triangulation.

The work splits by point (threads only, never processes; see ``per_point``).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np
from scipy import ndimage
from scipy.sparse.csgraph import dijkstra

from .demand import Demand, building_points, people, surface_population  # noqa: F401 (Demand, surface_population: re-exported)
from .network import Snap, WalkGraph


def _vertex_positions(graph: WalkGraph) -> tuple[np.ndarray, np.ndarray]:
    """(key per vertex, base per edge): a vertex's distance along its edge plus the edge's base, one
    increasing sequence over all edges (cached on the graph)."""
    cache = graph.__dict__.get("_vertex_pos")
    if cache is not None:
        return cache
    c = graph.coord_xy
    ptr = graph.coord_ptr
    seg = np.zeros(len(c))
    if len(c) > 1:
        seg[1:] = np.hypot(np.diff(c[:, 0]), np.diff(c[:, 1]))
    seg[ptr[:-1]] = 0.0  # no length across edges
    cum = np.cumsum(seg)
    first = cum[ptr[:-1]] if len(ptr) > 1 else np.zeros(0)
    nv = np.diff(ptr)
    within = cum - np.repeat(first, nv)
    base = np.zeros(len(nv))
    if len(nv):
        span = np.repeat(0.0, len(nv))
        last = ptr[1:] - 1
        span = within[last] + 1.0  # a gap of 1 m between edges keeps the sequence increasing
        base[1:] = np.cumsum(span)[:-1]
    key = within + np.repeat(base, nv)
    graph.__dict__["_vertex_pos"] = (key, base)
    return key, base


def _edge_points(graph: WalkGraph, e: np.ndarray, frac: np.ndarray) -> np.ndarray:
    """Points at the fractions ``frac`` (of the geometric length) along the edges ``e``: (n, 2)."""
    key, base = _vertex_positions(graph)
    ptr = graph.coord_ptr
    p0 = ptr[e]
    bent = ptr[e + 1] - p0 > 2
    c = graph.coord_xy
    if not bent.any():  # straight edges (two vertices): along the first segment
        a, b = c[p0], c[p0 + 1]
        return a + (b - a) * frac[:, None]
    q = base[e] + frac * (key[ptr[e + 1] - 1] - base[e])
    i = p0.copy()
    ib = np.searchsorted(key, q[bent], side="right") - 1
    i[bent] = np.clip(ib, p0[bent], ptr[e[bent] + 1] - 2)
    span = key[i + 1] - key[i]
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(span > 0, (q - key[i]) / span, 0.0)
    return c[i] + (c[i + 1] - c[i]) * t[:, None]


def sample_edges(graph: WalkGraph, edges, spacing: float):
    """Points every <= ``spacing`` along the ``edges`` (at the middle of equal pieces), vectorised:
    (xy, edge, frac, weight) – weight is the length (m) a sample stands for."""
    edges = np.asarray(edges, dtype=np.int64)
    if len(edges) == 0:
        return np.zeros((0, 2)), edges, np.zeros(0), np.zeros(0)
    key, base = _vertex_positions(graph)
    ptr = graph.coord_ptr
    ln = key[ptr[edges + 1] - 1] - base[edges]  # geometric length along the polyline
    k = np.maximum(1, np.ceil(ln / spacing).astype(np.int64))
    total = int(k.sum())
    rep = np.repeat(np.arange(len(edges)), k)
    j = np.arange(total) - np.repeat(np.cumsum(k) - k, k)
    frac = (j + 0.5) / k[rep]
    e = edges[rep]
    xy = _edge_points(graph, e, frac)
    weight = graph.edge_len[e] / k[rep]
    return xy, e, frac, weight


def reach_samples(graph: WalkGraph, edges, D, limit: float, spacing: float, se=(), st=(), sd=()):
    """Samples along ``edges`` within ``limit`` of the node costs ``D`` (or of a start on its own
    edge ``se``, at ``st``, snapped ``sd`` away) and their walking cost: (xy, cost). The same samples
    as ``sample_costs`` (every <= ``spacing``, at the middles of equal pieces; here of each straight
    segment), vectorised per segment: a sample is its segment's start plus a step, its cost the
    segment's costs via either end interpolated."""
    edges = np.asarray(edges, dtype=np.int64)
    se = np.asarray(se, dtype=np.int64)
    if len(edges) == 0:
        return np.zeros((0, 2)), np.zeros(0)
    key, base = _vertex_positions(graph)
    ptr = graph.coord_ptr
    nseg = ptr[edges + 1] - ptr[edges] - 1
    rep = np.repeat(np.arange(len(edges)), nseg)  # per segment: its edge (position in edges)
    sg = np.repeat(ptr[edges] - (np.cumsum(nseg) - nseg), nseg) + np.arange(int(nseg.sum()))  # first vertex
    e = edges[rep]
    length = key[ptr[e + 1] - 1] - base[e]
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(length > 0, (key[sg] - base[e]) / length, 0.0)  # the segment's span along its edge
        b = np.where(length > 0, (key[sg + 1] - base[e]) / length, 1.0)
    cxy = graph.coord_xy
    k = np.maximum(1, np.ceil((b - a) * length / spacing).astype(np.int64))
    c = graph.edge_cost[e]
    dc = (b - a) * c
    cu0 = D[graph.edge_u[edges]][rep] + a * c  # cost via u at the segment's start; it grows by dc
    cv0 = D[graph.edge_v[edges]][rep] + (1.0 - a) * c  # via v; it falls by dc
    first = np.cumsum(k) - k  # each segment's first sample
    r = np.repeat(np.arange(len(k)), k)
    t = (np.arange(len(r)) - first[r] + 0.5) / k[r]
    dcr = dc[r] * t
    with np.errstate(invalid="ignore"):
        cost = np.fmin(cu0[r] + dcr, cv0[r] - dcr)
    if len(se):
        for ee, ts, d in zip(se.tolist(), np.asarray(st, float).tolist(), np.asarray(sd, float).tolist()):
            for q in np.flatnonzero(e == ee).tolist():  # the start's own edge: the direct way too
                w = slice(first[q], first[q] + k[q])
                f = a[q] + (b[q] - a[q]) * t[w]
                cost[w] = np.minimum(cost[w], d + np.abs(f - ts) * graph.edge_cost[ee])
    keep = np.flatnonzero(cost <= limit)
    if len(keep) < len(cost):
        r, t, cost = r[keep], t[keep], cost[keep]
    ax, ay = cxy[sg, 0], cxy[sg, 1]
    dx, dy = cxy[sg + 1, 0] - ax, cxy[sg + 1, 1] - ay
    return np.column_stack([ax[r] + dx[r] * t, ay[r] + dy[r] * t]), cost


def _ranges(ptr, edges):
    lens = ptr[edges + 1] - ptr[edges]
    if len(lens) == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.repeat(ptr[edges] - (np.cumsum(lens) - lens), lens)
    return starts + np.arange(int(lens.sum()))


def reached_edges(graph: WalkGraph, D: np.ndarray, limit: float, start_edges) -> np.ndarray:
    """Edges touching a node with cost <= limit, plus the start edges (``D``: a dense row of node
    costs or a ``LocalRow``)."""
    nodes = D.within(limit) if hasattr(D, "within") else np.flatnonzero(limit >= D)
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
    lims = np.asarray(limits, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        fu = np.clip((lims[:, None] - du) / c, 0.0, 1.0)  # (limits, edges): reachable share from u
        fv = np.clip((lims[:, None] - dv) / c, 0.0, 1.0)
    fu[np.isnan(fu)] = 0.0  # unreachable ends, zero-cost edges at the limit
    fv[np.isnan(fv)] = 0.0
    cov = np.minimum(fu + fv, 1.0)
    # one 1-D sum per limit (the same summation order as ever: figures identical to the last bit)
    if not special.any():
        return np.array([(row * ln).sum() for row in cov])
    out = np.array([(row[~special] * ln[~special]).sum() for row in cov])
    for k, lim in enumerate(lims.tolist()):
        for i in np.flatnonzero(special):
            iv = [(0.0, fu[k, i]), (1.0 - fv[k, i], 1.0)]
            for t, d in starts[int(edges[i])]:
                r = (lim - d) / c[i] if c[i] > 0 else (np.inf if lim >= d else -1)
                if r >= 0:
                    iv.append((max(0.0, t - r), min(1.0, t + r)))
            out[k] += _union_length(iv) * ln[i]
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


def sample_costs(graph: WalkGraph, spacing: float, edges, D, se=(), st=(), sd=(), owner_nodes=None, owner_starts=None):
    """Samples every <= ``spacing`` along ``edges`` and their walking cost (and owner: the start that
    reaches them first, when ``owner_nodes`` (per node) and ``owner_starts`` (per start) are given):
    (xy, cost, owner, weight)."""
    xy, e, f, weight = sample_edges(graph, edges, spacing)
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
    return xy, cost, owner, weight


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


SAMPLE_SPACING = 0.75  # samples along the reached edges every 0.75 cells (every cell they cross holds one)
FILL_HOLES_M2 = 20_000.0  # holes under 2 ha inside a catchment (block interiors) are closed


def band_raster(xy, cost, limits, buffer_m: float, cell: float):
    """One labelled raster for all bands: (spread, x0, y1) or None. ``spread`` holds per cell the
    first band whose buffer covers it (uint8; 255 = none): a cell belongs to band k's catchment when
    its centre lies within ``buffer_m`` of the centre of a cell holding a sample with cost <= limit k
    (the same as an exact Euclidean distance transform thresholded at the buffer). The band index of
    each cell's cheapest sample is spread over the disk with a running minimum (nested bands); the
    raster is cut to the reached cells, ``x0, y1`` is its upper left corner."""
    sel = cost <= max(limits) if len(cost) else np.zeros(0, bool)
    if not sel.any():
        return None
    if not sel.all():
        xy, cost = xy[sel], cost[sel]
    pad = buffer_m + 2 * cell
    x0, y1, ncols, nrows, col, row = _grid(xy, cell, pad)
    band = np.full((nrows, ncols), 255, dtype=np.uint8)
    flat = band.ravel()
    at = row * ncols + col
    k_of = np.searchsorted(np.asarray(limits, dtype=float), cost, side="left").astype(np.uint8)
    # the lowest band of a cell wins: all samples, then those of each lower band over them
    flat[at] = k_of
    for k in range(len(limits) - 2, -1, -1):
        flat[at[k_of == k]] = k
    spread = band_dilate(band, buffer_m / cell)
    m = spread < 255
    rr = np.flatnonzero(m.any(axis=1))
    cc = np.flatnonzero(m.any(axis=0))
    r0, r1, c0, c1 = rr[0], rr[-1] + 1, cc[0], cc[-1] + 1
    # keep one empty cell around (polygon rings never touch the window's edge)
    r0, c0 = max(r0 - 1, 0), max(c0 - 1, 0)
    r1, c1 = min(r1 + 1, nrows), min(c1 + 1, ncols)
    return np.ascontiguousarray(spread[r0:r1, c0:c1]), x0 + c0 * cell, y1 - r0 * cell


def fill_small_holes(spread: np.ndarray, n_bands: int, max_cells: float) -> np.ndarray:
    """Close the holes of at most ``max_cells`` cells inside each band's area (in place, nested:
    a hole closed in band k belongs to band k and all wider bands)."""
    if max_cells <= 0:
        return spread
    for k in range(n_bands):
        m = spread <= k
        if not m.any():
            continue
        lab, n = ndimage.label(~m)  # 4-connected gaps, as GDAL polygonises the reached cells
        if n == 0:
            continue
        size = np.bincount(lab.ravel(), minlength=n + 1)
        small = size <= max_cells
        small[0] = False
        # a gap that touches the window's edge is outside, not a hole
        small[np.unique(np.concatenate([lab[0], lab[-1], lab[:, 0], lab[:, -1]]))] = False
        if not small.any():
            continue
        spread[small[lab]] = k
    return spread


# -- outlines traced in numpy (the 0.5 iso-line of each band's mask) ---------------------------------
_STEP_I = np.array([0, -1, 0, 1])  # directions E, N, W, S: row step of the corner grid
_STEP_J = np.array([1, 0, -1, 0])  # column step


def _band_edges(spread: np.ndarray, n_bands: int):
    """Directed cell edges between a cell of band <= k and one of band > k, for every band k at once,
    walked with the band's cells on the left (exteriors counter-clockwise, holes clockwise, in map
    coordinates): (band, start corner row, start corner column, direction 0..3 = E N W S)."""
    out = []
    ncols = spread.shape[1]
    flat = spread.ravel()
    # vertical cell edges (between cells i and i + 1 of a row; the pairs across a row's end are both
    # the empty border, never an edge) and horizontal ones (cell i above cell i + ncols)
    for step, vertical in ((1, True), (ncols, False)):
        a, b = flat[:-step], flat[step:]
        i = np.flatnonzero(a != b)
        va, vb = a[i], b[i]
        r, c = np.divmod(i, ncols)
        lo = np.minimum(va, vb).astype(np.int64)
        hi = np.minimum(np.maximum(va, vb), n_bands).astype(np.int64)
        n = np.maximum(hi - lo, 0)
        if not n.any():
            continue
        a_in = va < vb
        if vertical:  # left cell inside: north along column c + 1 from row r + 1; right inside: south from row r
            si, sj, d = np.where(a_in, r + 1, r), c + 1, np.where(a_in, 1, 3)
        else:  # upper cell inside: east along row r + 1 from column c; lower inside: west from column c + 1
            si, sj, d = r + 1, np.where(a_in, c, c + 1), np.where(a_in, 0, 2)
        if (n == 1).all():
            out.append((lo, si, sj, d))
            continue
        rep = np.repeat(np.arange(len(n)), n)
        band = lo[rep] + (np.arange(len(rep)) - np.repeat(np.cumsum(n) - n, n))
        out.append((band, si[rep], sj[rep], d[rep]))
    if not out:
        z = np.zeros(0, dtype=np.int64)
        return z, z, z, z
    return tuple(np.concatenate(x) for x in zip(*out))


# per incoming direction (E N W S): the cells ahead-left and ahead-right of the end corner (row, column
# offsets from the corner), and the edge leaving the corner in each direction (corner offset, vertical?)
_AHEAD_L = np.array([[-1, 0], [-1, -1], [0, -1], [0, 0]])
_AHEAD_R = np.array([[0, 0], [-1, 0], [-1, -1], [0, -1]])
_OUT_I = np.array([0, -1, 0, 0])  # the edge's top (vertical) or left (horizontal) corner
_OUT_J = np.array([0, 0, -1, 0])
_VERTICAL = np.array([0, 1, 0, 1])
_BEHIND_R = np.array([[0, -1], [0, 0], [-1, 0], [-1, -1]])  # the cell right of the incoming edge


def _AHEAD_L_FLAT(ncol):  # noqa: N802 – the offsets above as flat raster offsets
    return _AHEAD_L[:, 0] * ncol + _AHEAD_L[:, 1]


def _AHEAD_R_FLAT(ncol):  # noqa: N802
    return _AHEAD_R[:, 0] * ncol + _AHEAD_R[:, 1]


_SCRATCH = threading.local()


def _scratch(size: int) -> np.ndarray:
    """An int64 work array of ``size`` (contents undefined), kept per thread: a fresh one per point
    would be mapped anew and fault on every page it touches."""
    buf = getattr(_SCRATCH, "buf", None)
    if buf is None or len(buf) < size:
        buf = _SCRATCH.buf = np.empty(max(size, 1 << 20), dtype=np.int64)
    return buf[:size]


def _walk_rings(nxt):
    """Edges ordered ring by ring from each edge's successor ``nxt`` (a permutation made of cycles):
    (order of the edges, ring id per ordered edge, start position of each ring). One depth-first walk
    from a root linked to every edge visits each ring in order, one after the other (float64 weights
    and int32 indices: what csgraph works on, so it copies nothing)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import depth_first_order

    n = len(nxt)
    indptr = np.concatenate([np.arange(n + 1), [2 * n]]).astype(np.int32)
    g = csr_matrix((np.ones(2 * n), np.concatenate([nxt, np.arange(n)]).astype(np.int32), indptr), shape=(n + 1, n + 1))
    seq = depth_first_order(g, n, directed=True, return_predecessors=False)[1:]
    first = np.ones(n, dtype=bool)
    first[1:] = nxt[seq[:-1]] != seq[1:]
    ring = np.cumsum(first) - 1
    return seq, ring, np.flatnonzero(first)


def _trace_rings(spread, band, si, sj, d):
    """Order the directed edges into closed rings: (order of the edges, ring id per ordered edge,
    start position of each ring). At a corner where two cells of the band touch only diagonally (a
    saddle), the ring turns right, joining them: the gaps between band cells are 4-connected, so a
    block interior pinched at a corner stays a hole (GDAL makes it a hole touching the outline there;
    the midpoint rings never touch)."""
    n = len(d)
    nrow, ncol = spread.shape
    ncorner = (nrow + 1) * (ncol + 1)

    def ident(b, i, j, dd):  # one number per (band, unit edge)
        ti, tj = i + _OUT_I[dd], j + _OUT_J[dd]
        return (b * 2 + _VERTICAL[dd]) * ncorner + ti * (ncol + 1) + tj

    lut = _scratch(2 * ncorner * (int(band.max()) + 1))  # only the entries written here are read
    lut[ident(band, si, sj, d)] = np.arange(n)
    ei, ej = si + _STEP_I[d], sj + _STEP_J[d]  # end corner
    flat = spread.ravel()
    at = ei * ncol + ej  # the cell below right of the end corner; the others by their offsets
    al = flat[at + _AHEAD_L_FLAT(ncol)[d]] <= band
    ar = flat[at + _AHEAD_R_FLAT(ncol)[d]] <= band
    d2 = np.where(ar, d + 3, np.where(al, d, d + 1)) % 4  # right, straight or left
    nxt = lut[ident(band, ei, ej, d2)]
    return _walk_rings(nxt)


def _in_ring(pt, ring_xy) -> bool:
    """Point in a closed ring (ray casting, ``ring_xy`` without the repeated first vertex)."""
    x, y = pt
    a = ring_xy
    b = np.roll(ring_xy, -1, axis=0)
    cross = (a[:, 1] > y) != (b[:, 1] > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        xi = a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1])
    return bool(np.count_nonzero(cross & (x < xi)) % 2)


def _assemble(rings: list, areas: list, fill_holes_m2: float):
    """A (multi)polygon from traced rings (counter-clockwise shells, clockwise holes; no two rings
    cross): holes of at most ``fill_holes_m2`` closed (with any shell inside them), each remaining hole
    given to the innermost shell around it."""
    from shapely.geometry import MultiPolygon, Polygon

    shells = [i for i, a in enumerate(areas) if a > 0]
    holes = [i for i, a in enumerate(areas) if a < 0]
    closed = [i for i in holes if -areas[i] <= fill_holes_m2]
    holes = [i for i in holes if -areas[i] > fill_holes_m2]
    if len(shells) == 1:
        return Polygon(rings[shells[0]], [rings[i] for i in holes])
    if closed:  # a shell inside a closed hole is part of the closed area
        shells = [s for s in shells if not any(_in_ring(rings[s][0], rings[h]) for h in closed
                                                 if -areas[h] > areas[s])]
    owner = {s: [] for s in shells}
    by_size = sorted(shells, key=lambda s: areas[s])
    for h in holes:
        for s in by_size:
            if areas[s] > -areas[h] and _in_ring(rings[h][0], rings[s]):
                owner[s].append(h)
                break
    parts = [Polygon(rings[s], [rings[i] for i in owner[s]]) for s in shells]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _simplify(geom, cell: float):
    """Douglas-Peucker with half a cell (fast); where that breaks validity, with topology kept."""
    simple = geom.simplify(0.5 * cell, preserve_topology=False)
    if not simple.is_empty and simple.is_valid:
        return simple
    out = geom.simplify(0.5 * cell, preserve_topology=True)
    if not out.is_valid:
        out = out.buffer(0)
    return None if out.is_empty else out


def traced_polygons(spread: np.ndarray, n_bands: int, x0: float, y1: float, cell: float,
                    fill_holes_m2: float = FILL_HOLES_M2):
    """(polygon or None, area m²) per band of a labelled raster (``band_raster``), smoothed: the
    outline of each band's cells is traced for all bands at once in numpy (``_band_edges``,
    ``_trace_rings``), every straight run of it replaced by its midpoint (a staircase becomes its
    diagonal, a corner is cut), then simplified with half a cell (Douglas-Peucker); holes of at most
    ``fill_holes_m2`` (measured on the cells) closed. No GDAL call, no raw polygon built."""
    if spread.size and (min(spread[0].min(), spread[-1].min(), spread[:, 0].min(), spread[:, -1].min()) < 255):
        spread = np.pad(spread, 1, constant_values=255)
        x0, y1 = x0 - cell, y1 + cell
    band, si, sj, d = _band_edges(spread, n_bands)
    if len(d) == 0:
        return [(None, 0.0)] * n_bands
    seq, ring, starts = _trace_rings(spread, band, si, sj, d)
    band, si, sj, d = band[seq], si[seq], sj[seq], d[seq]
    n = len(d)
    lens = np.diff(np.append(starts, n))
    pos = np.arange(n) - starts[ring]
    prev = starts[ring] + (pos - 1) % lens[ring]
    # straight runs of the outline: their corners (the raster polygon's vertices) and midpoints
    rs = np.flatnonzero(d != d[prev])
    rring = ring[rs]
    cut = np.zeros(len(starts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rring, minlength=len(starts)), out=cut[1:])
    rfirst = cut[:-1]
    nxt = np.arange(1, len(rs) + 1)
    last = np.append(rring[1:] != rring[:-1], True)
    nxt[last] = rfirst[rring[last]]
    cx = sj[rs].astype(float)  # corners in cells from the window's upper left corner (x right, y up)
    cy = -si[rs].astype(float)
    # holes are measured on the raster polygon (shoelace over its corners), as GDAL would give it
    area = np.bincount(rring, weights=cx * cy[nxt] - cx[nxt] * cy, minlength=len(starts)) * (0.5 * cell * cell)
    xy = np.column_stack([x0 + 0.5 * (cx + cx[nxt]) * cell, y1 + 0.5 * (cy + cy[nxt]) * cell])
    out = []
    ring_band = band[starts]
    for k in range(n_bands):
        ids = np.flatnonzero(ring_band == k)
        rings = [xy[cut[i]:cut[i + 1]] for i in ids.tolist()]
        ok = [len(r) >= 3 for r in rings]
        rings = [r for r, o in zip(rings, ok) if o]
        areas = [float(a) for a, o in zip(area[ids].tolist(), ok) if o]
        if not any(a > 0 for a in areas):
            out.append((None, 0.0))
            continue
        g = _simplify(_assemble(rings, areas, fill_holes_m2), cell)
        out.append((g, float(g.area) if g is not None else 0.0))
    return out


def traced_partition(V: np.ndarray, x0: float, y1: float, cell: float) -> dict:
    """{label: (multi)polygon} of a label raster (``V`` >= 0; -1 = none) whose regions share their
    outlines (the nearest-point rings): every ring through the midpoints of its cell edges, through
    the corner itself where three or more labels meet (so neighbours keep one common outline: no gaps,
    no overlaps), vertices on a straight line dropped. Not simplified further (Douglas-Peucker on each
    region alone would open gaps between neighbours). Where two cells of one label touch only at a
    corner between two cells of another, the smaller label is joined there (none is never joined)."""
    if V.size and ((V[0] >= 0).any() or (V[-1] >= 0).any() or (V[:, 0] >= 0).any() or (V[:, -1] >= 0).any()):
        V = np.pad(V, 1, constant_values=-1)
        x0, y1 = x0 - cell, y1 + cell
    nrow, ncol = V.shape
    flat = V.ravel()
    parts = []
    for step, vertical in ((1, True), (ncol, False)):
        a, b = flat[:-step], flat[step:]
        i = np.flatnonzero(a != b)
        r, c = np.divmod(i, ncol)
        va, vb = a[i], b[i]
        for side_a in (True, False):
            lab = va if side_a else vb
            ok = lab >= 0
            rr, cc, lab = r[ok], c[ok], lab[ok]
            if vertical:  # a (left) inside: north from (r + 1, c + 1); b (right) inside: south from (r, c + 1)
                si, sj, d = (rr + 1 if side_a else rr), cc + 1, np.full(len(rr), 1 if side_a else 3)
            else:  # a (upper) inside: east from (r + 1, c); b (lower) inside: west from (r + 1, c + 1)
                si, sj, d = rr + 1, (cc if side_a else cc + 1), np.full(len(rr), 0 if side_a else 2)
            parts.append((lab, si, sj, d))
    if not parts:
        return {}
    lab, si, sj, d = (np.concatenate(x) for x in zip(*parts))
    n = len(d)
    if n == 0:
        return {}
    ncorner_cols = ncol + 1
    ident = ((si + _OUT_I[d]) * ncorner_cols + (sj + _OUT_J[d])) * 4 + d
    lut = _scratch(4 * (nrow + 1) * ncorner_cols)
    lut[ident] = np.arange(n)
    ei, ej = si + _STEP_I[d], sj + _STEP_J[d]
    at = ei * ncol + ej
    al_lab = flat[at + _AHEAD_L_FLAT(ncol)[d]]
    ar_lab = flat[at + _AHEAD_R_FLAT(ncol)[d]]
    br_lab = flat[at + (_BEHIND_R[:, 0] * ncol + _BEHIND_R[:, 1])[d]]
    al, ar = al_lab == lab, ar_lab == lab
    # a saddle (this label on one diagonal): join (turn right) when the other diagonal holds two
    # labels, or none, or a larger label; the other diagonal's label then goes round its corners
    join = (al_lab != br_lab) | (al_lab < 0) | (lab < al_lab)
    d2 = np.where(ar & (al | join), d + 3, np.where(al, d, d + 1)) % 4  # right, straight or left
    nxt = lut[((ei + _OUT_I[d2]) * ncorner_cols + (ej + _OUT_J[d2])) * 4 + d2]
    seq, ring, starts = _walk_rings(nxt)
    lab, si, sj, d, at = lab[seq], si[seq], sj[seq], d[seq], at[seq]
    # junctions: end corners with three or more labels around (none counts as one)
    q = [flat[at - ncol - 1], flat[at - ncol], flat[at - 1], flat[at]]
    distinct = 1 + (q[1] != q[0]) + ((q[2] != q[0]) & (q[2] != q[1])) + ((q[3] != q[0]) & (q[3] != q[1]) & (q[3] != q[2]))
    junction = (distinct >= 3) & (q[0] != q[3]) & (q[1] != q[2])  # a saddle is joined, not a junction
    # vertices in half cells (integers: exact collinearity): each edge's midpoint, then its end corner
    # where that is a junction
    mx2 = 2 * sj + _STEP_J[d]
    my2 = -(2 * si + _STEP_I[d])
    ex2 = 2 * (sj + _STEP_J[d])
    ey2 = -2 * (si + _STEP_I[d])
    cnt = 1 + junction
    rep = np.repeat(np.arange(n), cnt)
    second = np.zeros(len(rep), dtype=bool)
    second[np.cumsum(cnt)[junction] - 1] = True
    vx = np.where(second, ex2[rep], mx2[rep])
    vy = np.where(second, ey2[rep], my2[rep])
    vring = ring[rep]
    vstart = np.searchsorted(vring, np.arange(len(starts)))
    vlen = np.diff(np.append(vstart, len(vring)))
    pos = np.arange(len(vring)) - vstart[vring]
    pv = vstart[vring] + (pos - 1) % vlen[vring]
    nv = vstart[vring] + (pos + 1) % vlen[vring]
    cross = (vx - vx[pv]) * (vy[nv] - vy[pv]) - (vy - vy[pv]) * (vx[nv] - vx[pv])
    keep = cross != 0
    area = np.bincount(vring, weights=(vx * vy[nv] - vx[nv] * vy).astype(float), minlength=len(starts)) * (0.125 * cell * cell)
    xy = np.column_stack([x0 + 0.5 * vx[keep] * cell, y1 + 0.5 * vy[keep] * cell])
    kr = vring[keep]
    cut = np.zeros(len(starts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(kr, minlength=len(starts)), out=cut[1:])
    ring_lab = lab[starts]
    out = {}
    order = np.argsort(ring_lab, kind="stable")
    bounds = np.flatnonzero(np.append(True, ring_lab[order][1:] != ring_lab[order][:-1]))
    for j, b0 in enumerate(bounds.tolist()):
        b1 = bounds[j + 1] if j + 1 < len(bounds) else len(order)
        ids = order[b0:b1].tolist()
        rings = [xy[cut[i]:cut[i + 1]] for i in ids if cut[i + 1] - cut[i] >= 3]
        areas = [float(area[i]) for i in ids if cut[i + 1] - cut[i] >= 3]
        if not any(a_ > 0 for a_ in areas):
            continue
        geom = _assemble(rings, areas, 0.0)
        if not geom.is_valid:  # a label touching itself at a junction corner (rare)
            geom = geom.buffer(0)
        out[int(ring_lab[order[b0]])] = geom
    return out


def raster_polygons(item, n_bands: int, cell: float, smooth: bool = True, fill_holes_m2: float = FILL_HOLES_M2):
    """(polygon or None, area m²) per band of a ``band_raster`` result (holes under ``fill_holes_m2``
    closed; a hole of band k+1 lies inside a hole of band k, so the bands stay nested): smoothed
    (``traced_polygons``), or with ``smooth=False`` the raw cell outline polygonised by GDAL."""
    if item is None:
        return [(None, 0.0)] * n_bands
    spread, x0, y1 = item
    if smooth:
        return traced_polygons(spread, n_bands, x0, y1, cell, fill_holes_m2)
    out = []
    for k in range(n_bands):
        m = spread <= k
        rr = np.flatnonzero(m.any(axis=1))
        if len(rr) == 0:
            out.append((None, 0.0))
            continue
        cc = np.flatnonzero(m.any(axis=0))
        # each band polygonised on its own extent (an inner band covers a fraction of the window)
        r0, r1 = max(rr[0] - 1, 0), min(rr[-1] + 2, m.shape[0])
        c0, c1 = max(cc[0] - 1, 0), min(cc[-1] + 2, m.shape[1])
        g = close_holes(_polygonize(np.ascontiguousarray(m[r0:r1, c0:c1]), x0 + c0 * cell, y1 - r0 * cell, cell), fill_holes_m2)
        out.append((g, float(g.area) if g is not None else 0.0))
    return out


def close_holes(geom, max_m2: float):
    """``geom`` without the holes of at most ``max_m2``."""
    from shapely.geometry import MultiPolygon, Polygon

    if geom is None or max_m2 <= 0:
        return geom
    parts = []
    changed = False
    for p in getattr(geom, "geoms", [geom]):
        keep = [h for h in p.interiors if Polygon(h).area > max_m2]
        if len(keep) != len(p.interiors):
            changed = True
            p = Polygon(p.exterior, keep)
        parts.append(p)
    if not changed:
        return geom
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def band_polygons(xy, cost, limits, buffer_m: float, cell: float, smooth: bool = True,
                  fill_holes_m2: float = FILL_HOLES_M2):
    """For each limit: (polygon or None, area m²) of the samples with cost <= limit buffered by
    ``buffer_m`` on a grid of ``cell`` metres (holes under ``fill_holes_m2`` closed, outlines
    smoothed unless ``smooth`` is False)."""
    item = band_raster(xy, cost, limits, buffer_m, cell)
    return raster_polygons(item, len(limits), cell, smooth, fill_holes_m2)


def band_dilate(band: np.ndarray, radius: float) -> np.ndarray:
    """Smallest band index (uint8, 255 = none) within ``radius`` cells (centre to centre) of each
    cell: ``band_dilate(b, r) <= k`` equals ``disk_dilate(b <= k, r)`` for every k. Done with shifted
    minima only: the running minimum over 2w + 1 columns grows by one column per side per step, then
    each row offset of the disk takes the one of its width (no filter calls, ~7x faster)."""
    r = math.floor(radius + 1e-9)
    widths = [math.floor(math.sqrt(max(radius * radius - dy * dy, 0.0)) + 1e-9) for dy in range(r + 1)]
    rows = [band]
    for _w in range(1, max(widths, default=0) + 1):
        prev = rows[-1]
        h = prev.copy()
        np.minimum(h[:, 1:], prev[:, :-1], out=h[:, 1:])
        np.minimum(h[:, :-1], prev[:, 1:], out=h[:, :-1])
        rows.append(h)
    out = rows[widths[0]].copy() if widths else band.copy()
    nrows = band.shape[0]
    for dy in range(1, min(r, nrows - 1) + 1):
        h = rows[widths[dy]]
        np.minimum(out[dy:], h[: nrows - dy], out=out[dy:])
        np.minimum(out[:-dy], h[dy:], out=out[:-dy])
    return out


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


def nearest_band_polygons(xy, cost, owner, limits, buffer_m: float, cell: float, smooth: bool = True):
    """Non-overlapping rings: {(owner, band index): polygon}, each cell assigned to the owner of the
    nearest reached sample and to the first band whose buffer covers it; outlines through the cell
    edges' midpoints, shared by neighbours (``traced_partition``), or with ``smooth=False`` the cell
    outlines (GDAL). Areas (m²) are the cells'."""
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
    geoms = traced_partition(V, x0, y1, cell) if smooth else _polygonize(V >= 0, x0, y1, cell, values=V)
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


def _spatial_order(graph: WalkGraph, snap: Snap, pts: np.ndarray, cell: float) -> np.ndarray:
    """``pts`` sorted along a Z-order curve of their edge's first node (cells of ``cell`` metres), so
    that a batch of points shares most of the nodes it can reach."""
    if len(pts) < 2:
        return pts
    xy = graph.node_xy[graph.edge_u[snap.edge[pts]]]
    ij = np.floor((xy - xy.min(axis=0)) / max(cell, 1e-9)).astype(np.int64)
    ij = np.clip(ij, 0, 0xFFFF)
    code = np.zeros(len(pts), dtype=np.int64)
    for bit in range(16):
        code |= ((ij[:, 0] >> bit) & 1) << (2 * bit)
        code |= ((ij[:, 1] >> bit) & 1) << (2 * bit + 1)
    return pts[np.argsort(code, kind="stable")]


def point_catchment(graph, snap, D, p, limits, buffer_m, cell, polygons=True, smooth=True):
    """Reach per limit and (polygon, area) per band of point ``p`` from its node costs ``D``."""
    lim = max(limits)
    se, st, sd = [snap.edge[p]], [snap.t[p]], [snap.dist[p]]
    E = reached_edges(graph, D, lim, se)
    reach = edge_reach(graph, E, D, limits, se, st, sd)
    if not polygons:
        return reach, [(None, 0.0)] * len(limits)
    xy, cost = reach_samples(graph, E, D, lim, SAMPLE_SPACING * cell, se, st, sd)
    return reach, band_polygons(xy, cost, limits, buffer_m, cell, smooth=smooth)


SMALL_NETWORK_NODES = 50_000  # up to this many nodes, a batch's search covers the whole graph (no local subgraph)
SMALL_NETWORK_BATCH = 32


def per_point(graph, snap: Snap, limits, buffer_m, cell=None, workers=1, batch=8, polygons=True,
              progress=None, cancelled=None, smooth=True):
    """One record per snapped point and limit (nested bands share one search).

    Points are taken in batches of nearby points (Z-order); each batch is one Dijkstra limited to the
    nodes its points can reach (``WalkGraph.search_local``), so the work per point depends on what it
    reaches, not on the size of the network. On small networks (``SMALL_NETWORK_NODES``) building
    that local subgraph costs more than it saves: there each batch of 32 is one plain bounded search
    over the whole graph. ``polygons=False``: reach only (no samples, no rasters).
    ``workers`` > 1 uses threads of this process (never processes: the caller decides; the GDAL
    polygonizer and parts of numpy release the GIL)."""
    cell = cell or default_cell(buffer_m)
    limits = [float(x) for x in limits]
    lim = max(limits)
    pts = _spatial_order(graph, snap, np.flatnonzero(snap.ok), 2.0 * lim)
    small = graph.n_nodes <= SMALL_NETWORK_NODES  # a town: plain searches over the whole graph, larger batches
    if small:
        batch = max(batch, SMALL_NETWORK_BATCH)
    chunks = [pts[i : i + batch] for i in range(0, len(pts), batch)]
    if len(pts):
        graph.matrix()

    def work(ch):
        if cancelled is not None and cancelled():
            return []
        D = graph.search(snap, ch, lim) if small else graph.search_local(snap, ch, lim)
        recs = []
        try:
            for r, p in enumerate(ch.tolist()):
                reach, polys = point_catchment(graph, snap, D[r], p, limits, buffer_m, cell, polygons, smooth)
                for k in range(len(limits)):
                    recs.append(CatchmentRecord(p, k, float(reach[k]), polys[k][1], polys[k][0]))
        finally:
            if not small:
                D.release()
        return recs

    out = []
    if workers > 1 and len(chunks) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers) as ex:
            for i, recs in enumerate(ex.map(work, chunks)):
                out.extend(recs)
                if progress is not None:
                    progress((i + 1) / len(chunks))
    else:
        for i, ch in enumerate(chunks):
            out.extend(work(ch))
            if progress is not None:
                progress((i + 1) / len(chunks))
    out.sort(key=lambda r: (r.point, r.band))
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
        xy, cost, _o, _w = sample_costs(graph, cell / 2.0, E, D, se, st, sd)
        polys = band_polygons(xy, cost, limits, buffer_m, cell)
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
    xy, cost, owner, w = sample_costs(graph, cell / 2.0, E, D, se, st, sd, owner_nodes=owner_nodes, owner_starts=pts)
    geoms, areas = nearest_band_polygons(xy, cost, owner, limits, buffer_m, cell)
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


# -- population: the one demand model is core/demand.py ---------------------------------------------
def build_demand(area_geoms, area_pop, building_geoms=None) -> Demand:
    """Each area's population spread over its buildings by footprint area (``core/demand.people``);
    areas without buildings are counted by surface."""
    bxy, foot, _ = building_points(building_geoms)
    return people(area_geoms, area_pop, bxy, foot)
