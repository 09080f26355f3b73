"""Spatial statistics for arrival quarters: queen contiguity, local Getis-Ord Gi*, FDR.

Contiguous arrival zones matter more to planners than single outliers: a quarter with a high
arrival score whose neighbours are high too forms a *hot spot*. This module computes

- ``queen_weights(polygons)`` – binary queen contiguity (areas that share at least one boundary
  point) as a symmetric ``scipy.sparse.csr_matrix`` with a zero diagonal. By default, like PySAL's
  ``libpysal.weights.Queen``, two areas are neighbours when they share a vertex (exact coordinates);
  ``tolerance > 0`` instead links areas whose boundaries come closer than the tolerance (for
  boundaries that are not topologically clean). Works with shapely 1.8 and 2 (no STRtree API used).
- ``local_gi_star(values, W)`` – the local Getis-Ord Gi* statistic (Getis & Ord 1992; Ord & Getis
  1995) as analytic z-scores, two-sided normal p-values, a Benjamini-Hochberg false discovery rate
  correction and the cluster code ``hot``/``cold``/``none`` per area.
- ``benjamini_hochberg(p, alpha)`` – rejections and adjusted p-values (q-values).
- ``rank_values(values)`` – the robust variant: Gi* on the ranks of the values. Arrival scores are
  heavy-tailed (one area with a large refugee shelter can have a score of 15 where the city's 99th
  percentile is 2); on raw scores such an area makes all its neighbours "hot" and inflates the
  variance so that no cold spot is found anywhere. On ranks a single outlier cannot do that.
- ``arrival_clusters(score, polygons)`` – all of it in one call (ranks, queen weights, Gi*, FDR).

Missing values (NaN, e.g. areas classed ``insufficient``) are left out of the statistic: the
remaining areas form the reference population, the missing ones get z = NaN and ``none``.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

CLUSTER_CODES = ("hot", "cold", "none")


# --------------------------------------------------------------------------------------------
# contiguity
# --------------------------------------------------------------------------------------------
def repaired(geoms) -> list:
    """Invalid geometries repaired with ``buffer(0)`` (None and valid ones kept as they are), as the
    population and overlay areas are before they are measured."""
    return [g if g is None or g.is_valid else g.buffer(0) for g in geoms]


def _rings(geom):
    """All rings (exterior and interior) of a Polygon/MultiPolygon/GeometryCollection."""
    if geom is None or geom.is_empty:
        return []
    kind = geom.geom_type
    if kind == "Polygon":
        return [geom.exterior, *geom.interiors]
    if kind in ("MultiPolygon", "GeometryCollection"):
        out = []
        for part in geom.geoms:
            out.extend(_rings(part))
        return out
    if kind in ("LineString", "LinearRing"):
        return [geom]
    if kind == "MultiLineString":
        return list(geom.geoms)
    return []


def _vertex_queen(polygons) -> sparse.csr_matrix:
    n = len(polygons)
    coords = []
    owners = []
    for i, geom in enumerate(polygons):
        for ring in _rings(geom):
            xy = np.asarray(ring.coords, dtype=float)[:, :2]
            if len(xy):
                coords.append(xy)
                owners.append(np.full(len(xy), i, dtype=np.int64))
    if not coords:
        return sparse.csr_matrix((n, n), dtype=float)
    xy = np.vstack(coords)
    own = np.concatenate(owners)
    # one id per distinct coordinate pair (exact match, as libpysal's vertex hashing)
    _, vertex = np.unique(xy, axis=0, return_inverse=True)
    vertex = np.asarray(vertex).ravel()
    incidence = sparse.csr_matrix(
        (np.ones(len(own)), (own, vertex)), shape=(n, int(vertex.max()) + 1)
    )
    incidence.data[:] = 1.0  # repeated vertices of one ring were summed: back to 0/1
    shared = (incidence @ incidence.T).tocsr()
    shared = (shared - sparse.diags(shared.diagonal())).tocsr()
    shared.eliminate_zeros()
    shared.data[:] = 1.0
    return shared


def _bbox_pairs(bounds: np.ndarray, tolerance: float, chunk: int = 2048):
    """Candidate pairs (i < j) whose bounding boxes, grown by ``tolerance``, overlap."""
    n = len(bounds)
    rows, cols = [], []
    minx, miny, maxx, maxy = (bounds[:, k] for k in range(4))
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        sub = bounds[start:stop]
        hit = (
            (sub[:, None, 0] - tolerance <= maxx[None, :])
            & (sub[:, None, 2] + tolerance >= minx[None, :])
            & (sub[:, None, 1] - tolerance <= maxy[None, :])
            & (sub[:, None, 3] + tolerance >= miny[None, :])
        )
        r, c = np.nonzero(hit)
        r = r + start
        keep = r < c
        rows.append(r[keep])
        cols.append(c[keep])
    if not rows:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(cols)


def _distance_queen(polygons, tolerance: float) -> sparse.csr_matrix:
    n = len(polygons)
    valid = [i for i, g in enumerate(polygons) if g is not None and not g.is_empty]
    if len(valid) < 2:
        return sparse.csr_matrix((n, n), dtype=float)
    bounds = np.array([polygons[i].bounds for i in valid], dtype=float)
    r, c = _bbox_pairs(bounds, tolerance)
    rows, cols = [], []
    for a, b in zip(r, c):
        ga, gb = polygons[valid[a]], polygons[valid[b]]
        if ga.boundary.distance(gb.boundary) <= tolerance or ga.intersects(gb):
            rows.append(valid[a])
            cols.append(valid[b])
    rows_a = np.asarray(rows + cols, dtype=np.int64)
    cols_a = np.asarray(cols + rows, dtype=np.int64)
    return sparse.csr_matrix((np.ones(len(rows_a)), (rows_a, cols_a)), shape=(n, n))


def queen_weights(polygons, tolerance: float = 0.0) -> sparse.csr_matrix:
    """Binary queen contiguity of shapely (Multi)Polygons (None allowed: no neighbours).

    ``tolerance == 0``: neighbours share at least one vertex with identical coordinates (as
    PySAL's Queen). ``tolerance > 0`` (in the units of the coordinates): neighbours' boundaries
    come within ``tolerance`` of each other, which also links areas that touch along an edge without
    a common vertex or are separated by slivers. Returns a symmetric n×n CSR matrix, diagonal 0."""
    polygons = list(polygons)
    if tolerance and tolerance > 0:
        return _distance_queen(polygons, float(tolerance))
    return _vertex_queen(polygons)


def neighbour_counts(W) -> np.ndarray:
    """Number of neighbours per area (row sums of the binary matrix, diagonal ignored)."""
    W = sparse.csr_matrix(W, copy=True)
    W = (W - sparse.diags(W.diagonal())).tocsr()
    W.eliminate_zeros()
    return np.asarray((W != 0).sum(axis=1)).ravel()


# --------------------------------------------------------------------------------------------
# multiple testing
# --------------------------------------------------------------------------------------------
def benjamini_hochberg(p, alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Benjamini-Hochberg step-up procedure over the finite p-values.

    Returns ``(reject, q)``: a boolean mask of rejected hypotheses (discoveries at FDR ``alpha``)
    and the BH-adjusted p-values (NaN where p is NaN)."""
    p = np.asarray(p, dtype=float)
    reject = np.zeros(p.shape, dtype=bool)
    q = np.full(p.shape, np.nan)
    ok = np.flatnonzero(np.isfinite(p))
    m = len(ok)
    if m == 0:
        return reject, q
    order = ok[np.argsort(p[ok], kind="mergesort")]
    ranked = p[order]
    ranks = np.arange(1, m + 1)
    below = ranked <= alpha * ranks / m
    if below.any():
        k = int(np.max(np.nonzero(below)[0]))  # largest rank with p_(k) <= alpha k / m
        reject[order[: k + 1]] = True
    adjusted = np.minimum.accumulate((ranked * m / ranks)[::-1])[::-1]
    q[order] = np.minimum(adjusted, 1.0)
    return reject, q


# --------------------------------------------------------------------------------------------
# local Getis-Ord Gi*
# --------------------------------------------------------------------------------------------
def local_gi_star(values, W, fdr_alpha: float | None = 0.05, alpha: float = 0.05):
    """Local Getis-Ord Gi* with analytic (normal) inference.

    ``values``: n floats (NaN = left out); ``W``: n×n spatial weights (e.g. ``queen_weights``),
    non-negative; the diagonal is set to 1 (the *star*: each area counts in its own neighbourhood).

    Gi* z-score (Ord & Getis 1995, eq. for binary or general weights)::

        z_i = (sum_j w_ij x_j - x̄ W_i) / (s * sqrt((n S1_i - W_i²) / (n - 1)))

    with W_i = sum_j w_ij, S1_i = sum_j w_ij², x̄ and s (ddof=0) over the n valid areas.
    This equals ``esda.G_Local(y, w, transform="B", star=True).Zs``.

    p-values are two-sided, ``2 * (1 - Φ(|z|))``. ``fdr_alpha`` (default 0.05) applies the
    Benjamini-Hochberg correction at that false discovery rate; ``fdr_alpha=None`` uses the
    uncorrected ``p < alpha``. Returns ``(z, p, cluster)``; cluster is ``"hot"`` (significant,
    z > 0), ``"cold"`` (significant, z < 0) or ``"none"``."""
    x = np.asarray(values, dtype=float)
    n_all = len(x)
    z = np.full(n_all, np.nan)
    p = np.full(n_all, np.nan)
    cluster = np.full(n_all, "none", dtype=object)
    W = sparse.csr_matrix(W, dtype=float)
    if W.shape != (n_all, n_all):
        raise ValueError("weights shape {} does not match {} values".format(W.shape, n_all))
    valid = np.flatnonzero(np.isfinite(x))
    n = len(valid)
    if n < 3:
        return z, p, cluster
    Wv = W[valid][:, valid].tolil()
    Wv.setdiag(1.0)
    Wv = Wv.tocsr()
    xv = x[valid]
    mean = xv.mean()
    s = np.sqrt(np.mean(xv**2) - mean**2)
    if not np.isfinite(s) or s <= 1e-12 * max(1.0, abs(mean)):
        return z, p, cluster
    wi = np.asarray(Wv.sum(axis=1)).ravel()
    s1 = np.asarray(Wv.multiply(Wv).sum(axis=1)).ravel()
    lag = Wv @ xv
    var_term = (n * s1 - wi**2) / (n - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        zv = (lag - mean * wi) / (s * np.sqrt(var_term))
    zv[~(var_term > 0)] = np.nan  # an area linked to all others has no variance
    from scipy.stats import norm  # scipy.stats takes ~0.5 s to import: only when clusters are computed

    pv = 2.0 * norm.sf(np.abs(zv))
    z[valid] = zv
    p[valid] = pv
    if fdr_alpha is not None:
        significant, _ = benjamini_hochberg(p, fdr_alpha)
    else:
        significant = np.isfinite(p) & (p < alpha)
    cluster[significant & (z > 0)] = "hot"
    cluster[significant & (z < 0)] = "cold"
    return z, p, cluster


def rank_values(values) -> np.ndarray:
    """Average ranks of the finite values scaled to (0, 1]; NaN stays NaN. Gi* is invariant to
    shifting and scaling, so this is Gi* "on ranks": robust against single extreme areas."""
    x = np.asarray(values, dtype=float)
    out = np.full(x.shape, np.nan)
    ok = np.isfinite(x)
    if ok.any():
        from scipy.stats import rankdata

        out[ok] = rankdata(x[ok]) / ok.sum()
    return out


def arrival_clusters(score, polygons, fdr_alpha: float | None = 0.05, robust: bool = True, tolerance: float = 0.0):
    """Hot and cold spots of an arrival score over polygons, in one call.

    ``robust=True`` (default) runs Gi* on the ranks of the score (``rank_values``); queen contiguity
    (``queen_weights(polygons, tolerance)``); Benjamini-Hochberg at ``fdr_alpha``. Returns
    ``(z, p, cluster, n_neighbours)``."""
    W = queen_weights(polygons, tolerance=tolerance)
    values = rank_values(score) if robust else np.asarray(score, dtype=float)
    z, p, cluster = local_gi_star(values, W, fdr_alpha=fdr_alpha)
    return z, p, cluster, neighbour_counts(W)
