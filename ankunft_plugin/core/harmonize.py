"""Moving counts from one set of areas onto another (areal interpolation across a boundary reform).

numpy/scipy/shapely only, no QGIS import; shapely 1.8 and 2 (STRtree in both; the intersections
are vectorised in shapely 2 and looped in 1.8). Geometries in one metric CRS.

The method, in three steps:

1. **Overlaps.** Every source area is intersected with the target areas its bounding box meets
   (``overlap_pairs``). A piece smaller than ``sliver`` (share of the source's overlapped surface,
   default 1 %) is a digitising difference between the two boundary vintages, not a real split:
   it is dropped and the rest renormalised, so no people are lost.
2. **Weights.** Each remaining piece gets the share of the source's people it receives:
   - ``points``: ancillary points with a weight (building points weighted by footprint, grid-cell
     centres weighted by their people): the weight of the points inside the piece (dasymetric);
   - ``landuse``: the residential land inside the piece (dasymetric);
   - else the area of the piece (area-weighted).
   A source without ancillary weight in any of its pieces falls back to area weighting (its
   ``method`` says so). The shares of a source sum to 1 exactly (mass preservation): a source that
   meets no target at all is ``unallocated`` and its counts are reported, never spread.
3. **Transfer.** ``target = Wᵀ · counts`` for every count column. A source with an unknown value
   (NaN) makes the targets that receive from it unknown for that column (``missing``).

Uncertainty per target: ``split_share`` = share of its reference count (the population) that came
from *split* source areas (sources whose people went to more than one target) – the part that
rests on the weighting assumption rather than on the data. ``n_sources`` is the number of source
areas it received from.

Only counts can be moved: a percentage or rate is not additive. ``looks_like_rate`` flags field
names that read like percentages so the shell can refuse them or ask for their denominator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .confidentiality import suppress_counts, suppress_derived
from .demand import points_in_polygons

METHODS = ("points", "landuse", "area", "unallocated", "none")
DEFAULT_SLIVER = 0.01

_RATE_NAME = re.compile(
    r"(pct|prozent|percent|percentage|anteil|quote|rate|share|ratio|per_?1000|je_?1000|promille|%|_p$|_anteil)", re.IGNORECASE
)


def looks_like_rate(name: str) -> bool:
    """True when a field name reads like a percentage, share or rate (``ausl_pct``, ``anteil_ausl``,
    ``inhabitants_foreigners_percentage``, ``quote``): such values cannot be moved as counts."""
    return bool(_RATE_NAME.search(str(name or "")))


def _valid(g):
    """The polygonal part of ``g``, repaired with ``make_valid`` (a bow tie keeps both halves,
    which ``buffer(0)`` would not); None for null, empty or zero-area geometries."""
    if g is None or g.is_empty:
        return None
    if not g.is_valid:
        try:
            from shapely.validation import make_valid

            g = make_valid(g)
        except ImportError:  # pragma: no cover - shapely < 1.8
            g = g.buffer(0)
        if g.geom_type == "GeometryCollection":
            from shapely.ops import unary_union

            g = unary_union([p for p in g.geoms if p.geom_type in ("Polygon", "MultiPolygon")])
    return None if g.is_empty or g.area <= 0 else g


def _strtree(geoms):
    """An STRtree without shapely 1.8's warning about the 2.0 API (both APIs are handled here)."""
    import warnings

    from shapely.strtree import STRtree

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return STRtree(geoms)


def _tree_pairs(source, target):
    """(source index, target index) of all pairs whose bounding boxes meet (STRtree)."""
    src_ok = [i for i, g in enumerate(source) if g is not None]
    tgt_ok = [j for j, g in enumerate(target) if g is not None]
    if not src_ok or not tgt_ok:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    tree = _strtree([source[i] for i in src_ok])
    src_ok = np.asarray(src_ok, dtype=np.int64)
    if hasattr(tree, "query_items"):  # shapely 1.8
        s_parts, t_parts = [], []
        for j in tgt_ok:
            hit = np.asarray(tree.query_items(target[j]), dtype=np.int64)
            if hit.size:
                s_parts.append(src_ok[hit])
                t_parts.append(np.full(hit.size, j, dtype=np.int64))
        if not s_parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(s_parts), np.concatenate(t_parts)
    tgt_arr = np.empty(len(tgt_ok), dtype=object)
    tgt_arr[:] = [target[j] for j in tgt_ok]
    t_idx, s_idx = tree.query(tgt_arr)  # shapely 2: (input index, tree index)
    return src_ok[np.asarray(s_idx, dtype=np.int64)], np.asarray(tgt_ok, dtype=np.int64)[np.asarray(t_idx, dtype=np.int64)]


def _intersections(source, target, s, t, keep_geometry: bool):
    """Areas (and optionally geometries) of source[s] ∩ target[t] for the pair arrays."""
    import shapely

    if hasattr(shapely, "intersection") and hasattr(shapely, "area"):  # shapely 2: vectorised
        a = np.empty(len(s), dtype=object)
        b = np.empty(len(t), dtype=object)
        a[:] = [source[i] for i in s]
        b[:] = [target[j] for j in t]
        geoms = shapely.intersection(a, b)
        return np.asarray(shapely.area(geoms), dtype=float), (geoms if keep_geometry else None)
    # shapely 1.8: one GEOS call per pair, so skip the cheap cases with a prepared target: a source
    # wholly inside the target keeps its own area, a source that only meets the bounding box is 0
    from shapely.prepared import prep

    areas = np.zeros(len(s))
    geoms = [None] * len(s) if keep_geometry else None
    current, pt = -1, None
    for k, (i, j) in enumerate(zip(s.tolist(), t.tolist())):
        if j != current:
            current, pt = j, prep(target[j])
        src = source[i]
        if pt.contains(src):
            g = src
        elif pt.intersects(src):
            g = src.intersection(target[j])
        else:
            continue
        areas[k] = g.area
        if keep_geometry:
            geoms[k] = g
    return areas, geoms


def overlap_pairs(source_geoms, target_geoms, keep_geometry: bool = False, validated: bool = False):
    """All (source, target) pairs with a positive overlap: ``(s, t, area, geoms)``.

    Invalid polygons are repaired (``make_valid``), null/empty ones take part in nothing
    (``validated``: the geometries were passed through ``_valid`` already)."""
    source = list(source_geoms) if validated else [_valid(g) for g in source_geoms]
    target = list(target_geoms) if validated else [_valid(g) for g in target_geoms]
    s, t = _tree_pairs(source, target)
    if not len(s):
        return s, t, np.zeros(0), ([] if keep_geometry else None)
    areas, geoms = _intersections(source, target, s, t, keep_geometry)
    pos = areas > 0
    if keep_geometry:
        geoms = [g for g, k in zip(geoms, pos) if k]
    return s[pos], t[pos], areas[pos], geoms


def _group_sum(key, values, n):
    return np.bincount(key, weights=values, minlength=n) if len(key) else np.zeros(n)


def _landuse_weights(pair_geoms, landuse_geoms) -> np.ndarray:
    """Residential land (m²) inside each pair piece."""
    land = [g for g in (_valid(g) for g in landuse_geoms or []) if g is not None]
    out = np.zeros(len(pair_geoms))
    if not land:
        return out
    tree = _strtree(land)
    for k, g in enumerate(pair_geoms):
        if g is None or g.is_empty:
            continue
        hit = tree.query_items(g) if hasattr(tree, "query_items") else tree.query(g)
        total = 0.0
        for h in np.asarray(hit, dtype=np.int64).tolist():
            if land[h].intersects(g):
                total += land[h].intersection(g).area
        out[k] = total
    return out


@dataclass
class TransferWeights:
    """Sparse transfer matrix and how each source was split."""

    matrix: sparse.csr_matrix  # (n_source, n_target): share of each source's people per target
    method: np.ndarray  # per source: "points", "landuse", "area", "unallocated" or "none" (no geometry)
    n_pieces: np.ndarray  # per source: number of targets receiving a share
    slivers: int  # pieces dropped as digitising slivers

    @property
    def split(self) -> np.ndarray:
        return self.n_pieces > 1


def transfer_weights(
    source_geoms,
    target_geoms,
    points_xy=None,
    points_weight=None,
    landuse_geoms=None,
    sliver: float = DEFAULT_SLIVER,
) -> TransferWeights:
    """The share of each source area's people that goes to each target area (see the module doc)."""
    n_s, n_t = len(source_geoms), len(target_geoms)
    use_land = landuse_geoms is not None and len(landuse_geoms) > 0
    source = [_valid(g) for g in source_geoms]
    target = [_valid(g) for g in target_geoms]
    s, t, area, geoms = overlap_pairs(source, target, keep_geometry=use_land, validated=True)
    method = np.array(["none" if g is None else "unallocated" for g in source], dtype=object)
    # slivers: pieces below `sliver` of the source's overlapped surface
    s_total = _group_sum(s, area, n_s)
    share = area / np.where(s_total[s] > 0, s_total[s], 1.0)
    keep = share >= float(sliver or 0.0)
    # never drop every piece of a source (cannot happen for sliver < 0.5, but be safe)
    kept_per_src = _group_sum(s, keep.astype(float), n_s)
    keep |= kept_per_src[s] == 0
    slivers = int((~keep).sum())
    s, t, area = s[keep], t[keep], area[keep]
    if use_land:
        geoms = [g for g, k in zip(geoms, keep) if k]
    weight = area.copy()
    how = np.where(_group_sum(s, area, n_s) > 0, "area", "unallocated").astype(object)
    # dasymetric: residential land
    if use_land:
        lw = _landuse_weights(geoms, landuse_geoms)
        has = _group_sum(s, lw, n_s) > 0
        sel = has[s]
        weight[sel] = lw[sel]
        how[has] = "landuse"
    # dasymetric: weighted points (buildings, grid cells) override land use
    if points_xy is not None and len(points_xy):
        pxy = np.asarray(points_xy, dtype=float).reshape(-1, 2)
        pw = np.ones(len(pxy)) if points_weight is None else np.asarray(points_weight, dtype=float).reshape(-1)
        pw = np.where(np.isfinite(pw) & (pw > 0), pw, 0.0)
        ps = points_in_polygons(source, pxy)
        pt = points_in_polygons(target, pxy)
        ok = (ps >= 0) & (pt >= 0) & (pw > 0)
        # weight per (source, target) pair from the points, matched onto the kept pairs
        key_pts = ps[ok] * n_t + pt[ok]
        uniq, inv = np.unique(key_pts, return_inverse=True)
        wsum = np.bincount(inv, weights=pw[ok]) if len(uniq) else np.zeros(0)
        key_pairs = s * n_t + t
        pweight = np.zeros(len(s))
        if len(uniq):
            pos = np.clip(np.searchsorted(uniq, key_pairs), 0, len(uniq) - 1)
            found = uniq[pos] == key_pairs
            pweight[found] = wsum[pos[found]]
        has = _group_sum(s, pweight, n_s) > 0
        sel = has[s]
        weight[sel] = pweight[sel]
        how[has] = "points"
    w_total = _group_sum(s, weight, n_s)
    frac = weight / np.where(w_total[s] > 0, w_total[s], 1.0)
    nz = frac > 0
    s, t, frac = s[nz], t[nz], frac[nz]
    allocated = method != "none"
    method[allocated] = how[allocated]
    m = sparse.csr_matrix((frac, (s, t)), shape=(n_s, n_t))
    n_pieces = np.bincount(s, minlength=n_s) if len(s) else np.zeros(n_s, dtype=np.int64)
    return TransferWeights(m, method, n_pieces, slivers)


@dataclass
class Harmonized:
    counts: np.ndarray  # (n_target, k) moved counts (exact fractions; NaN where a source was unknown)
    missing: np.ndarray  # (n_target, k) bool: received from a source with an unknown value
    split_share: np.ndarray  # (n_target,) share of the reference count from split sources (NaN: none received)
    n_sources: np.ndarray  # (n_target,) number of source areas received from
    unallocated: np.ndarray  # (k,) counts of sources that meet no target (not moved)
    weights: TransferWeights

    @property
    def method(self) -> np.ndarray:
        return self.weights.method


def harmonize(
    source_geoms,
    target_geoms,
    counts,
    reference: int = 0,
    points_xy=None,
    points_weight=None,
    landuse_geoms=None,
    sliver: float = DEFAULT_SLIVER,
    weights: TransferWeights | None = None,
) -> Harmonized:
    """Move the count columns of ``counts`` ((n_source,) or (n_source, k)) onto the targets.

    ``reference``: the column whose split share is reported (the population). ``weights`` may be
    passed to reuse one transfer matrix for several deliveries on the same geometry."""
    c = np.asarray(counts, dtype=float)
    if c.ndim == 1:
        c = c[:, None]
    if c.shape[0] != len(source_geoms):
        raise ValueError("counts: {} rows for {} source areas".format(c.shape[0], len(source_geoms)))
    w = weights or transfer_weights(source_geoms, target_geoms, points_xy, points_weight, landuse_geoms, sliver)
    wt = w.matrix.T.tocsr()
    unknown = ~np.isfinite(c)
    filled = np.where(unknown, 0.0, c)
    moved = np.asarray(wt @ filled)
    missing = np.asarray(wt @ unknown.astype(float)) > 0
    moved[missing] = np.nan
    not_moved = np.asarray(w.matrix.sum(axis=1)).ravel() <= 0
    unallocated = np.nansum(np.where(not_moved[:, None], c, 0.0), axis=0)
    ref = filled[:, reference] if c.shape[1] else np.zeros(len(c))
    split = w.split.astype(float)
    from_split = np.asarray(wt @ (ref * split)).ravel()
    total = np.asarray(wt @ ref).ravel()
    with np.errstate(invalid="ignore", divide="ignore"):
        split_share = np.where(total > 0, from_split / total, np.nan)
    n_sources = np.diff(wt.indptr)
    return Harmonized(moved, missing, split_share, n_sources, unallocated, w)


def rates_to_counts(values, denominator, per: float = 100.0) -> np.ndarray:
    """Counts behind a percentage (``per`` 100) or a rate per 1,000 (``per`` 1000)."""
    return np.asarray(values, dtype=float) * np.asarray(denominator, dtype=float) / float(per)


def counts_to_rates(counts, denominator, per: float = 100.0) -> np.ndarray:
    """Percentages (or rates per ``per``) from moved counts; NaN where the denominator is not positive."""
    d = np.asarray(denominator, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(d > 0, np.asarray(counts, dtype=float) * float(per) / d, np.nan)


# -- the figures around a harmonisation: inputs as counts, published outputs, report ------------------
def with_rate_counts(counts, rates, denominator: int, per: float = 100.0) -> np.ndarray:
    """The count columns (n, k) followed by one column of counts behind each rate column (percent
    when ``per`` is 100) of ``rates``, with count column ``denominator`` as the base."""
    c = np.asarray(counts, dtype=float)
    c = c[:, None] if c.ndim == 1 else c
    if not len(rates):
        return c
    d = c[:, denominator]
    return np.column_stack([c, *[rates_to_counts(r, d, per) for r in rates]])


def published(moved, n_counts: int, denominator: int | None, threshold: float, per: float = 100.0) -> tuple[list, list]:
    """The moved columns as published: the first ``n_counts`` count columns blanked below
    ``threshold``, and the rate columns after them turned back into rates of the moved
    ``denominator`` column, blanked where the denominator or the numerator is small."""
    moved = np.asarray(moved, dtype=float)
    counts = [suppress_counts(moved[:, c], threshold) for c in range(n_counts)]
    rates = []
    if moved.shape[1] > n_counts:
        d = moved[:, denominator]
        for j in range(n_counts, moved.shape[1]):
            num = moved[:, j]
            rates.append(suppress_derived(suppress_derived(counts_to_rates(num, d, per), d, threshold), num, threshold))
    return counts, rates


def target_methods(weights: TransferWeights) -> list[str]:
    """Per target: the weighting of the sources it received from (one method, or ``mixed``; ``none``)."""
    wt = weights.matrix.T.tocsr()
    out = []
    for j in range(wt.shape[0]):
        src = wt.indices[wt.indptr[j] : wt.indptr[j + 1]]
        kinds = sorted({str(weights.method[i]) for i in src.tolist()})
        out.append(kinds[0] if len(kinds) == 1 else ("mixed" if kinds else "none"))
    return out


@dataclass
class Report:
    """The figures a harmonisation reports (reference column: the first)."""

    n_split: int  # source areas split between several targets
    n_sources: int  # source areas moved by some method
    slivers: int
    by_method: dict  # method → number of source areas
    total_source: float  # reference column: sum over the sources
    total_target: float  # … and over the targets
    unallocated: float  # reference column: not moved
    n_mostly_split: int  # targets with more than half of the reference from split sources
    median_split_share: float  # NaN when no target received anything


def report(res: Harmonized, counts) -> Report:
    """The report of ``harmonize(…, counts, reference=0)``."""
    method = res.method
    counts = np.asarray(counts, dtype=float)
    counts = counts[:, None] if counts.ndim == 1 else counts
    ss = res.split_share[np.isfinite(res.split_share)]
    return Report(
        n_split=int(res.weights.split.sum()),
        n_sources=int(np.sum(method != "none")),
        slivers=res.weights.slivers,
        by_method={m: int(np.sum(method == m)) for m in METHODS},
        total_source=float(np.nansum(counts[:, 0])),
        total_target=float(np.nansum(res.counts[:, 0])),
        unallocated=float(res.unallocated[0]) if len(res.unallocated) else 0.0,
        n_mostly_split=int(np.sum(ss > 0.5)),
        median_split_share=float(np.median(ss)) if len(ss) else float("nan"),
    )
