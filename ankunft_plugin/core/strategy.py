"""Key figures of the strategy map: what each page says, computed from the result layers.

Pure functions (numpy, scipy, shapely; no QGIS). ``ankunft:strategymap`` reads the layers, calls these and
prints the results; the demo test recomputes them independently from the result layers.

- **Where coverage can be measured** (``measurable_shares``): the share of an area within ``reach_m`` of the
  walking network (sampled on a grid). An area with less than ``MIN_MEASURABLE_SHARE`` of its surface near the
  network (no street data, outside the network's extent) is *not measurable*: its people are left out of the
  coverage denominator and numerator and reported apart, never counted as unreached.
- **Data gaps vs offer gaps** (``data_gaps``, ``offer_gaps``): a category without a single facility in the
  whole input is a *data gap* ("keine Daten"), never a missing offer; facilities without a category are
  counted. An offer gap is a category that exists in the input but is not reached within N minutes from a
  measurable area.
- **Page totals** (``page_members``, ``page_reconciliation``): an area counts on a page when its point on the
  surface lies on it; a page that is split into other pages is compared with the sum of its parts and the
  areas that make the difference are named.

Counts ``0 < n < threshold`` and every share derived from them become NaN: they are never printed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial import cKDTree

from .confidentiality import DEFAULT_THRESHOLD, small_count_mask
from .demand import contains_xy
from .vocabulary import ARRIVAL_CLASS_KEYS as ARRIVAL_CLASSES

MIN_MEASURABLE_SHARE = 0.5
NETWORK_REACH_M = 100.0
UNCATEGORISED = ("", "other", "unknown", "NULL")
NOT_AN_OFFER = ("transit", "other", "unknown")  # categories that are not part of the ecosystem


# -- where coverage can be measured ---------------------------------------------------------------------
def line_samples(lines, step: float) -> np.ndarray:
    """(n, 2) points along line geometries (vertices plus one point every ``step`` map units)."""
    pts = []
    for g in lines:
        if g is None or g.is_empty:
            continue
        parts = getattr(g, "geoms", [g])
        for part in parts:
            xy = np.asarray(part.coords, dtype=float)[:, :2]
            if len(xy) == 0:
                continue
            pts.append(xy)
            if len(xy) < 2:
                continue
            seg = np.diff(xy, axis=0)
            length = np.hypot(seg[:, 0], seg[:, 1])
            n = np.floor(length / step).astype(int)
            for k in np.nonzero(n > 0)[0]:
                t = (np.arange(1, n[k] + 1) / (n[k] + 1))[:, None]
                pts.append(xy[k] + t * seg[k])
    return np.vstack(pts) if pts else np.empty((0, 2))


def area_grid(geom, spacing: float, max_points: int = 4000) -> np.ndarray:
    """Points of a regular grid inside a polygon (at least its point on the surface)."""
    minx, miny, maxx, maxy = geom.bounds
    area = max(geom.area, 1e-9)
    spacing = max(spacing, math.sqrt(area / max_points))
    xs = np.arange(minx + spacing / 2, maxx, spacing)
    ys = np.arange(miny + spacing / 2, maxy, spacing)
    if len(xs) and len(ys):
        gx, gy = np.meshgrid(xs, ys)
        gx, gy = gx.ravel(), gy.ravel()
        inside = contains_xy(geom, gx, gy)
        pts = np.column_stack([gx[inside], gy[inside]])
    else:
        pts = np.empty((0, 2))
    if len(pts) == 0:
        p = geom.representative_point()
        pts = np.array([[p.x, p.y]])
    return pts


def network_samples(network_lines, reach_m: float = NETWORK_REACH_M) -> np.ndarray:
    """The walking network as points every ``reach_m / 4`` (computed once, used for every layer of areas)."""
    return line_samples(network_lines, step=max(reach_m / 4.0, 1.0))


def measurable_shares(areas, network_lines, reach_m: float = NETWORK_REACH_M, spacing: float = 25.0, samples=None) -> np.ndarray:
    """Per area the share of its surface within ``reach_m`` of the walking network (0…1; NaN without geometry).

    The network is sampled every ``reach_m / 4`` along its lines (or ``samples`` from ``network_samples``) and
    the area on a ``spacing`` grid; a grid point is measurable when a network sample lies within ``reach_m``."""
    if samples is None:
        samples = network_samples(network_lines, reach_m)
    out = np.full(len(areas), np.nan)
    tree = cKDTree(samples) if len(samples) else None
    for i, g in enumerate(areas):
        if g is None or g.is_empty:
            continue
        if tree is None:
            out[i] = 0.0
            continue
        pts = area_grid(g, spacing)
        d, _ = tree.query(pts, k=1, distance_upper_bound=reach_m * (1 + 1e-9) + reach_m / 8.0)
        out[i] = float(np.mean(np.isfinite(d)))
    return out


def measurable_mask(shares, min_share: float = MIN_MEASURABLE_SHARE) -> np.ndarray:
    """True where coverage can be measured (unknown shares count as measurable)."""
    s = np.asarray(shares, dtype=float)
    return ~(np.isfinite(s) & (s < min_share))


# -- pages ---------------------------------------------------------------------------------------------
def page_members(pages, areas) -> list[list[int]]:
    """For each page the indices of the areas whose point on the surface lies on it."""
    pts = [None if g is None or g.is_empty else g.representative_point() for g in areas]
    xy = np.array([[p.x, p.y] if p is not None else [np.nan, np.nan] for p in pts]).reshape(-1, 2)
    ok = np.isfinite(xy[:, 0])
    out = []
    for pg in pages:
        if pg is None or pg.is_empty or not ok.any():
            out.append([])
            continue
        inside = np.zeros(len(areas), dtype=bool)
        inside[ok] = contains_xy(pg, xy[ok, 0], xy[ok, 1])  # strictly inside: not on two neighbouring pages through their shared edge
        out.append([int(i) for i in np.nonzero(inside)[0]])
    return out


def cover_fractions(areas, cover) -> np.ndarray:
    """Share (0…1) of each area's surface inside the ``cover`` polygon (0 without cover or area)."""
    out = np.zeros(len(areas))
    if cover is None or cover.is_empty:
        return out
    for i, g in enumerate(areas):
        if g is None or g.is_empty or g.area <= 0 or not g.intersects(cover):
            continue
        out[i] = min(1.0, g.intersection(cover).area / g.area)
    return out


@dataclass
class Reconciliation:
    """A page that is split into other pages, and why the sums differ."""

    parts: list  # indices of the pages it is split into
    parts_total: float  # population summed over the parts (NaN when unknown)
    only_in_parts: list  # area indices counted on a part but not on this page
    only_here: list  # area indices counted on this page but on no part


def page_reconciliation(pages, members, population, min_inside: float = 0.5, min_cover: float = 0.9) -> dict[int, Reconciliation]:
    """{page: Reconciliation} for pages that other pages split (each part at least ``min_inside`` on the page,
    parts not overlapping each other, together covering at least ``min_cover`` of the page)."""
    pop = np.asarray(population, dtype=float)
    out: dict[int, Reconciliation] = {}
    for p, pg in enumerate(pages):
        if pg is None or pg.is_empty or pg.area <= 0:
            continue
        parts = []
        for q, qg in enumerate(pages):
            if q == p or qg is None or qg.is_empty or qg.area >= pg.area:
                continue
            if qg.intersection(pg).area >= min_inside * qg.area:
                parts.append(q)
        if len(parts) < 2:
            continue
        overlap = any(pages[a].intersection(pages[b]).area > 0.02 * min(pages[a].area, pages[b].area) for i, a in enumerate(parts) for b in parts[i + 1 :])
        if overlap:
            continue
        covered = sum(pages[q].intersection(pg).area for q in parts)
        if covered < min_cover * pg.area:
            continue
        in_parts = [j for q in parts for j in members[q]]
        total = float(np.sum(pop[in_parts])) if in_parts and np.all(np.isfinite(pop[in_parts])) else (0.0 if not in_parts else math.nan)
        here = set(members[p])
        out[p] = Reconciliation(
            parts=parts,
            parts_total=total,
            only_in_parts=sorted({j for j in in_parts if j not in here}),
            only_here=sorted(here - set(in_parts)),
        )
    return out


def cut_areas(page, areas, members: list[int], low: float = 0.05, high: float = 0.95) -> list[tuple[int, float, bool]]:
    """Areas that a page boundary cuts: (index, share of the area on the page, counted on the page)."""
    out = []
    if page is None or page.is_empty:
        return out
    here = set(members)
    for j, g in enumerate(areas):
        if g is None or g.is_empty or g.area <= 0 or not g.intersects(page):
            continue
        share = g.intersection(page).area / g.area
        if low <= share <= high:
            out.append((j, float(share), j in here))
    return out


# -- data gaps and offer gaps -----------------------------------------------------------------------------
@dataclass
class DataGaps:
    no_data: list  # category keys without any facility in the input
    uncategorised: int  # facilities without a category of the scheme
    total: int  # all facilities
    counts: dict  # key -> number of facilities


def data_gaps(categories, scheme_keys) -> DataGaps:
    """Which of the scheme's categories have no facility at all in the input, and how many facilities have none."""
    categories = list(categories)
    counts: dict[str, int] = {}
    uncategorised = 0
    for c in categories:
        key = "" if c is None else str(c).strip()
        if key in UNCATEGORISED:
            uncategorised += 1
            continue
        counts[key] = counts.get(key, 0) + 1
    no_data = [k for k in scheme_keys if k not in NOT_AN_OFFER and counts.get(k, 0) == 0]
    return DataGaps(no_data=no_data, uncategorised=uncategorised, total=len(categories), counts=counts)


def offer_gaps_from_minutes(reach_minutes: dict, minutes: float, measurable=None, no_data=()) -> tuple[list[tuple[str, int]], int]:
    """From the minutes to the nearest facility per category and area ({key: array}, NaN = none reachable):
    ([(key, number of areas where it is not reachable within ``minutes``)], number of areas judged).

    Only measurable areas with at least one finite minute value are judged; data-gap categories are left out."""
    keys = [k for k in reach_minutes if k not in no_data and k not in NOT_AN_OFFER]
    if not reach_minutes:
        return [], 0
    n = len(next(iter(reach_minutes.values())))
    mins = {k: np.asarray(v, dtype=float) for k, v in reach_minutes.items()}
    judged = np.zeros(n, dtype=bool)
    for v in mins.values():
        judged |= np.isfinite(v)
    if measurable is not None:
        judged &= np.asarray(measurable, dtype=bool)
    gaps = []
    for k in keys:
        v = mins[k]
        lacking = judged & ~(np.isfinite(v) & (v <= minutes + 1e-9))
        if lacking.any():
            gaps.append((k, int(lacking.sum())))
    gaps.sort(key=lambda kv: (-kv[1], keys.index(kv[0])))
    return gaps, int(judged.sum())


def offer_gaps_from_lists(missing_lists, measurable=None, no_data=()) -> tuple[list[tuple[str, int]], int]:
    """From per-area lists of missing category keys (None = not judged): as ``offer_gaps_from_minutes``."""
    counts: dict[str, int] = {}
    order: list[str] = []
    judged = 0
    for i, items in enumerate(missing_lists):
        if items is None or (measurable is not None and not measurable[i]):
            continue
        judged += 1
        for item in items:
            if item in no_data or item in NOT_AN_OFFER:
                continue
            if item not in counts:
                order.append(item)
            counts[item] = counts.get(item, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], order.index(kv[0]))), judged


# -- key figures ----------------------------------------------------------------------------------------
@dataclass
class KeyFigures:
    """The key figures of one map page. Counts are NaN where they must not be published."""

    population: float = math.nan
    aq_population: float = math.nan
    aq_share_pct: float = math.nan
    covered_population: float = math.nan
    covered_share_pct: float = math.nan
    coverage_total: float = math.nan  # people where coverage could be measured (the denominator)
    not_measurable_population: float = math.nan  # people in areas without network data
    not_measurable_areas: list = field(default_factory=list)  # their indices (into the coverage areas)
    areas: int = 0
    missing_of: int = 0  # areas judged (denominator of the missing counts)
    missing: list = field(default_factory=list)  # [(category key or label, number of areas lacking it)]
    no_data: list = field(default_factory=list)  # category keys without any facility in the input
    uncategorised: int = 0
    facilities: int = 0
    has_quarters: bool = False
    has_classes: bool = False
    has_coverage: bool = False
    has_missing: bool = False
    has_facilities: bool = False
    suppressed_any: bool = False


def publish(count: float, threshold: float) -> float:
    """The count, or NaN when it is unknown or a small count that must not be printed."""
    if count is None or not np.isfinite(count):
        return math.nan
    return math.nan if bool(small_count_mask([count], threshold)[0]) else float(count)


def key_figures(population, classes=None, covered_fraction=None, missing_lists=None, threshold: float = DEFAULT_THRESHOLD, measurable=None) -> KeyFigures:
    """Key figures of the areas on one page.

    ``population`` per area (NaN where unknown or already suppressed), ``classes`` (aq_class codes),
    ``covered_fraction`` (0…1 share of each area within the walking limit), ``measurable`` (False where the
    coverage cannot be measured), ``missing_lists`` (per area the list of missing categories)."""
    pop = np.asarray(population, dtype=float)
    kf = KeyFigures(areas=len(pop))
    if len(pop) == 0:
        return kf
    known = np.isfinite(pop)
    total = float(pop[known].sum()) if known.any() else math.nan
    kf.has_quarters = True
    kf.population = publish(total, threshold)
    if classes is not None:
        kf.has_classes = True
        cls = np.asarray([str(c) if c is not None else "" for c in classes])
        in_aq = np.isin(cls, ARRIVAL_CLASSES) & known
        aq = float(pop[in_aq].sum())
        kf.aq_population = publish(aq, threshold)
        if np.isfinite(kf.aq_population) and np.isfinite(kf.population) and total > 0:
            kf.aq_share_pct = 100.0 * aq / total
    if covered_fraction is not None:
        frac = np.clip(np.nan_to_num(np.asarray(covered_fraction, dtype=float), nan=0.0), 0.0, 1.0)
        covered = np.where(known, pop * frac, 0.0)
        apply_coverage_areas(kf, covered, np.where(known, pop, np.nan), measurable, threshold)
    if missing_lists is not None:
        kf.has_missing = True
        kf.missing, kf.missing_of = offer_gaps_from_lists(missing_lists, measurable)
    kf.suppressed_any = any(
        (np.isnan(v) and ok)
        for v, ok in (
            (kf.population, np.isfinite(total)),
            (kf.aq_population, classes is not None),
            (kf.covered_population, covered_fraction is not None),
        )
    )
    return kf


def apply_coverage_areas(kf: KeyFigures, covered, total, measurable=None, threshold: float = DEFAULT_THRESHOLD) -> KeyFigures:
    """Coverage from per-area counts: ``covered`` of ``total`` people per area (e.g. pop_10 and pop_total of the
    walking-catchment areas). Areas where ``measurable`` is False are left out of both and reported apart."""
    cov = np.asarray(covered, dtype=float)
    tot = np.asarray(total, dtype=float)
    meas = np.ones(len(tot), dtype=bool) if measurable is None else np.asarray(measurable, dtype=bool)
    kf.has_coverage = True
    use = meas & np.isfinite(tot)
    n_cov = float(np.round(np.nansum(cov[use]))) if use.any() else 0.0
    n_tot = float(np.nansum(tot[use])) if use.any() else 0.0
    kf.not_measurable_areas = [int(i) for i in np.nonzero(~meas)[0]]
    kf.not_measurable_population = publish(float(np.nansum(tot[~meas])), threshold) if (~meas).any() else 0.0
    return apply_coverage(kf, n_cov, n_tot, threshold)


def apply_coverage(kf: KeyFigures, covered: float, total: float, threshold: float = DEFAULT_THRESHOLD) -> KeyFigures:
    """Coverage: ``covered`` of ``total`` measurable people. Small counts are suppressed."""
    kf.has_coverage = True
    kf.covered_population = publish(float(covered), threshold)
    pub_total = publish(float(total), threshold)
    kf.coverage_total = pub_total
    if np.isfinite(kf.covered_population) and np.isfinite(pub_total) and total > 0:
        kf.covered_share_pct = 100.0 * float(covered) / float(total)
    else:
        kf.covered_share_pct = math.nan
    return kf


def apply_gaps(kf: KeyFigures, gaps: list, judged: int, data: DataGaps | None) -> KeyFigures:
    """Offer gaps (from ``offer_gaps_*``) and the data gaps of the input into the key figures."""
    kf.has_missing = True
    kf.missing = list(gaps)
    kf.missing_of = int(judged)
    if data is not None:
        kf.has_facilities = True
        kf.no_data = list(data.no_data)
        kf.uncategorised = int(data.uncategorised)
        kf.facilities = int(data.total)
    return kf


def split_missing(value) -> list[str]:
    """``eco_miss_k``/``eco_missing`` text ('housing;work' or 'Housing, Work') as a list; empty/NULL → []."""
    if value is None:
        return []
    s = str(value).strip()
    if not s or s.upper() == "NULL":
        return []
    sep = ";" if ";" in s else ("|" if "|" in s else ",")
    return [p.strip() for p in s.split(sep) if p.strip()]


__all__ = [
    "DataGaps",
    "KeyFigures",
    "Reconciliation",
    "apply_coverage",
    "apply_coverage_areas",
    "apply_gaps",
    "area_grid",
    "cover_fractions",
    "cut_areas",
    "data_gaps",
    "key_figures",
    "line_samples",
    "measurable_mask",
    "measurable_shares",
    "network_samples",
    "offer_gaps_from_lists",
    "offer_gaps_from_minutes",
    "page_members",
    "page_reconciliation",
    "publish",
    "split_missing",
]


# -- the pages of the map ---------------------------------------------------------------------------------
def _order_key(v):
    try:
        return (0, float(v), "")
    except (TypeError, ValueError):
        return (1, 0.0, str(v))


def page_order(values) -> list[int]:
    """The pages in print order: by their sort value (numbers numerically, before any text), ties by input order."""
    values = list(values)
    return sorted(range(len(values)), key=lambda i: (_order_key(values[i]), i))


def apportioned_coverage(areas, population, catchments, bands, minutes: float) -> tuple[np.ndarray, int]:
    """Without counted catchment areas: the people of each area within ``minutes``, apportioned by the
    share of its surface inside the union of the catchments of at most ``minutes`` (band NaN: left
    out). Returns (covered people, NaN where the population is unknown; the number of catchments used)."""
    from shapely.ops import unary_union

    parts = [g for g, b in zip(catchments, bands) if g is not None and np.isfinite(b) and b <= minutes + 1e-9]
    frac = cover_fractions(areas, unary_union(parts) if parts else None)
    population = np.asarray(population, dtype=float)
    return np.where(np.isfinite(population), population * frac, np.nan), len(parts)


@dataclass
class PageFigures:
    """The key figures of every page and what the texts around them need."""

    key_figures: list  # KeyFigures per page
    coverage_names: list  # per page: the names of the coverage areas on it (None without coverage)
    quarter_members: list  # per page: indices of the quarters on it
    reconcile: dict  # page → Reconciliation (pages split into other pages)


def _page_gaps(kf: KeyFigures, data, members, measurable, minutes: float) -> None:
    gaps = data.gaps
    meas = measurable[members] if measurable is not None else None
    no_data = data.facilities.no_data if data.facilities is not None else ()
    if gaps.reach is not None:
        found, judged = offer_gaps_from_minutes({k: v[members] for k, v in gaps.reach.items()}, minutes, meas, no_data)
    else:
        found, judged = offer_gaps_from_lists([gaps.lists[j] for j in members], meas, no_data)
    apply_gaps(kf, found, judged, data.facilities)


def page_key_figures(pages, data, minutes: float, threshold: float = DEFAULT_THRESHOLD) -> PageFigures:
    """The key figures of each page (shapely polygons ``pages``) from the map's data, read once:
    ``data.quarters`` (shapes, pop, has_pop, classes, names), ``data.coverage`` (shapes, covered, total,
    measurable, names), ``data.gaps`` (shapes, reach by category or missing lists), ``data.facilities``
    (``DataGaps``), ``data.network`` and ``data.samples`` (for where gaps can be judged); each may be None."""
    q, cov, gaps = data.quarters, data.coverage, data.gaps
    q_members = page_members(pages, q.shapes) if q is not None else [[] for _ in pages]
    c_members = page_members(pages, cov.shapes) if cov is not None else None
    g_members = page_members(pages, gaps.shapes) if gaps is not None else None
    g_measurable = None
    if gaps is not None and data.network:
        g_measurable = measurable_mask(measurable_shares(gaps.shapes, data.network, samples=data.samples))
    reconcile = page_reconciliation(pages, q_members, q.pop) if q is not None and q.has_pop else {}
    figures, names = [], []
    for p in range(len(pages)):
        idx = q_members[p]
        if q is not None:
            kf = key_figures(q.pop[idx], classes=[q.classes[j] for j in idx] if q.classes is not None else None, threshold=threshold)
            if not q.has_pop:
                kf.has_quarters = False  # no population field: "n/a", never "." or a number
        else:
            kf = key_figures([])
        page_names = None
        if cov is not None:
            m = c_members[p]
            apply_coverage_areas(kf, cov.covered[m], cov.total[m], cov.measurable[m], threshold)
            page_names = [cov.names[j] for j in m]
        if gaps is not None:
            _page_gaps(kf, data, g_members[p], g_measurable, minutes)
        elif data.facilities is not None:
            apply_gaps(kf, [], 0, data.facilities)
            kf.has_missing = False
        figures.append(kf)
        names.append(page_names)
    return PageFigures(figures, names, q_members, reconcile)
