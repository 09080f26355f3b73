"""Ankunft without QGIS: the methods for notebooks and batch jobs.

A thin layer over ``ankunft_plugin.core`` (numpy, scipy, shapely, GDAL only; nothing from QGIS or Qt)::

    from ankunft_plugin import api

    result = api.classify(population, arrivals=zuzug, turnover=k11, turnover_unit=api.PERCENT,
                          diversity=auslaender)                       # plain arrays or lists
    result.aq_class, result.score, result.reasons

    net = api.walk_network(lines)                      # shapely lines or (k, 2) arrays, metric CRS
    bands = api.catchments(net, points_xy, minutes=(5, 10, 15))      # dissolved; or mode="per_point"
    sites = api.suggest_sites(net, demand_xy, demand_weight, candidates_xy, k=5, existing_xy=existing)

With geopandas installed, :func:`classify_frame`, :func:`catchments_frame` and :func:`suggest_sites_frame`
take and return GeoDataFrames (projected to a metric CRS first when given in degrees). geopandas is never
needed otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .core import catchments as _catchments
from .core import classify as _classify
from .core import siting as _siting
from .core.network import WalkGraph, metres_to_minutes, minutes_to_metres

COUNT, PERCENT, PER_1000 = 0, 1, 2  # units of an indicator (as in the Processing algorithms)
CLASSES = _classify.CLASSES
MODES = ("dissolved", "per_point", "nearest")

__all__ = [
    "CLASSES",
    "COUNT",
    "MODES",
    "PERCENT",
    "PER_1000",
    "Catchment",
    "WalkGraph",
    "catchments",
    "catchments_frame",
    "classify",
    "classify_frame",
    "metres_to_minutes",
    "minutes_to_metres",
    "suggest_sites",
    "suggest_sites_frame",
    "walk_network",
]


# -- classification ---------------------------------------------------------------------------------
def classify(population, *, arrivals=None, arrivals_unit: int = COUNT, turnover=None, turnover_unit: int = PERCENT,
             diversity=None, diversity_unit: int = COUNT, social=None, social_unit: int = PERCENT,
             min_population: float = 300.0, threshold: float = 1.0, mode: str = "zscore", quantile: float = 0.8,
             smoothing: bool = True, suppress_below: float = 3.0, ids=None, population_start=None,
             diversity_start=None, growth_limit: float = 0.5, grid: bool = False):
    """Established / emerging arrival quarters (``ankunft:classifyarrivalquarters``) on plain arrays.

    Give the population and at least two of arrivals, turnover, diversity (each with its unit: ``COUNT``,
    ``PERCENT``, ``PER_1000``); German placeholders (``.``, ``-``, ``x``) are flagged, never read as numbers.
    Returns the core's ``ClassifyResult`` (``aq_class``, ``score``, ``rates``, ``z``, ``reasons`` …).
    Optional (as in the algorithm): ``ids`` (duplicates flagged, counted once), ``population_start`` /
    ``diversity_start`` with ``growth_limit`` (new-build flag), ``grid=True`` (robustness over the 12 settings:
    ``stability``, ``stability_class``, ``robust``, ``sensitivity``)."""
    indicators = {}
    for name, values, unit in (("arrivals", arrivals, arrivals_unit), ("turnover", turnover, turnover_unit),
                               ("diversity", diversity, diversity_unit), ("social", social, social_unit)):
        if values is not None:
            indicators[name] = (list(values) if not isinstance(values, np.ndarray) else values, int(unit))
    params = _classify.ClassifyParams(min_population=min_population, threshold=threshold, mode=mode,
                                      quantile=quantile, smoothing=smoothing, suppress_below=suppress_below,
                                      growth_limit=growth_limit)
    pop = list(population) if not isinstance(population, np.ndarray) else population

    def _list(values):
        return None if values is None else (list(values) if not isinstance(values, np.ndarray) else values)

    return _classify.classify(pop, indicators, params, ids=_list(ids), population_start=_list(population_start),
                              diversity_start=_list(diversity_start), grid=grid)


# -- walking network and catchments ---------------------------------------------------------------------
def walk_network(lines, factors=None, node_tolerance: float = 0.01) -> WalkGraph:
    """A walking graph from lines in a metric CRS (shapely (Multi)LineStrings or (k, 2) coordinate arrays),
    noded where vertices coincide; ``factors`` (optional, per line) multiply the walking cost."""
    return WalkGraph.from_lines(list(lines), factors=factors, node_tolerance=node_tolerance)


@dataclass
class Catchment:
    point: int  # index into the points (-1: the dissolved band of all points)
    minutes: float  # the band's limit
    reach_m: float  # street length reached (m)
    area_m2: float
    geometry: object  # shapely polygon (None when nothing is reached)


def _xy(points) -> np.ndarray:
    return np.asarray(points, dtype=float).reshape(-1, 2)


def catchments(network: WalkGraph, points_xy, minutes=(5, 10, 15), *, speed_kmh: float = 4.5, buffer_m: float = 30.0,
               mode: str = "dissolved", max_snap: float = 200.0, cell: float | None = None) -> list[Catchment]:
    """Walking catchments (``ankunft:walkingcatchments``): the streets reached within each band, widened
    by ``buffer_m``. ``mode``: ``dissolved`` (one polygon per band), ``per_point`` (one per point and band) or
    ``nearest`` (non-overlapping rings by the nearest point). Points farther than ``max_snap`` from the network
    get no catchment."""
    if mode not in MODES:
        raise ValueError("mode must be one of {}".format(MODES))
    limits = [float(minutes_to_metres(m, speed_kmh)) for m in minutes]
    snap = network.snap_connected(_xy(points_xy), max_snap)
    if mode == "dissolved":
        records = _catchments.dissolved(network, snap, limits, buffer_m, cell)
    elif mode == "per_point":
        records = _catchments.per_point(network, snap, limits, buffer_m, cell, workers=1)
    else:
        records = _catchments.nearest_rings(network, snap, limits, buffer_m, cell)
    return [Catchment(r.point, float(minutes[r.band]), r.reach_m, r.area_m2, r.geometry) for r in records]


# -- siting ----------------------------------------------------------------------------------------------
def _cover(network: WalkGraph, src_xy, dst_xy, limit_m: float, max_snap: float):
    return _siting.coverage_matrix(network, _xy(src_xy), _xy(dst_xy), limit_m, max_snap)


def suggest_sites(network: WalkGraph, demand_xy, demand_weight, candidates_xy, k: int = 5, *, existing_xy=None,
                  minutes: float = 10.0, speed_kmh: float = 4.5, method: str = "greedy", visibility=None,
                  visibility_weight: float = 0.0, max_snap: float = 200.0, time_limit: float = 60.0):
    """New sites that, with the existing ones, reach the most people within ``minutes``' walk
    (``ankunft:suggestdockingpoints``; maximal covering, ``greedy`` or ``exact``). Returns the core's
    ``SitingResult``: ``order`` (candidate indices by rank), ``added_weight``, ``coverage_after_pct``,
    ``gap_pct`` …"""
    limit = float(minutes_to_metres(minutes, speed_kmh))
    cover = _cover(network, candidates_xy, demand_xy, limit, max_snap)
    covered = None
    if existing_xy is not None and len(_xy(existing_xy)):
        covered = np.asarray(_cover(network, existing_xy, demand_xy, limit, max_snap).sum(axis=0)).ravel() > 0
    return _siting.suggest_sites(cover, np.asarray(demand_weight, dtype=float), int(k), covered_by_existing=covered,
                                 method=method, visibility=visibility, visibility_weight=visibility_weight,
                                 time_limit=time_limit)


# -- the same on GeoDataFrames (geopandas optional) -------------------------------------------------------
def _geopandas():
    try:
        import geopandas
    except ImportError as err:
        raise ImportError("the *_frame functions need geopandas (pip install geopandas); the plain-array "
                          "functions classify, catchments and suggest_sites do not") from err
    return geopandas


def _metric(frame, crs=None):
    """The frame in ``crs``, or in its UTM zone when it is in degrees."""
    if crs is not None:
        return frame.to_crs(crs)
    if frame.crs is not None and frame.crs.is_geographic:
        return frame.to_crs(frame.estimate_utm_crs())
    return frame


def _points_xy(frame) -> np.ndarray:
    geoms = [g if g.geom_type == "Point" else g.representative_point() for g in frame.geometry]
    return np.array([(g.x, g.y) for g in geoms], dtype=float).reshape(-1, 2)


def classify_frame(frame, population: str, *, arrivals: str | None = None, turnover: str | None = None,
                   diversity: str | None = None, social: str | None = None, **options):
    """:func:`classify` on a (Geo)DataFrame's columns; returns a copy with ``aq_class``, ``aq_score``,
    ``aq_reason`` and ``rate_*`` / ``z_*`` columns. Units and parameters as keyword options."""
    cols = {"arrivals": arrivals, "turnover": turnover, "diversity": diversity, "social": social}
    result = classify(frame[population].tolist(), **{k: frame[c].tolist() for k, c in cols.items() if c}, **options)
    out = frame.copy()
    out["aq_class"] = result.aq_class
    out["aq_score"] = result.score
    out["aq_reason"] = [result.reason_text(i) for i in range(len(result))]
    for name, values in result.rates.items():
        out["rate_" + name] = values
    for name, values in result.z.items():
        out["z_" + name] = values
    return out


def catchments_frame(network_lines, points, minutes=(5, 10, 15), *, crs=None, **options):
    """:func:`catchments` from two GeoDataFrames (lines, points), both taken to one metric CRS; returns a
    GeoDataFrame with ``point``, ``minutes``, ``reach_m``, ``area_m2`` in that CRS."""
    gpd = _geopandas()
    lines = _metric(network_lines, crs)
    pts = points.to_crs(lines.crs) if lines.crs is not None and points.crs is not None else points
    net = walk_network(lines.geometry)
    records = catchments(net, _points_xy(pts), minutes, **options)
    return gpd.GeoDataFrame(
        {"point": [r.point for r in records], "minutes": [r.minutes for r in records],
         "reach_m": [r.reach_m for r in records], "area_m2": [r.area_m2 for r in records]},
        geometry=[r.geometry for r in records], crs=lines.crs)


def suggest_sites_frame(network_lines, demand, weight: str, candidates, k: int = 5, *, existing=None, crs=None,
                        **options):
    """:func:`suggest_sites` from GeoDataFrames (areas or points as demand, with a ``weight`` column); returns
    the chosen candidates (a copy of their rows, in rank order) with ``rank``, ``added_weight``,
    ``cum_coverage_pct``, and the ``SitingResult`` in ``.attrs["siting"]``."""
    lines = _metric(network_lines, crs)

    def to(frame):
        return frame.to_crs(lines.crs) if frame is not None and lines.crs is not None and frame.crs is not None else frame

    demand, candidates, existing = to(demand), to(candidates), to(existing)
    net = walk_network(lines.geometry)
    result = suggest_sites(net, _points_xy(demand), demand[weight].to_numpy(dtype=float), _points_xy(candidates), k,
                           existing_xy=None if existing is None else _points_xy(existing), **options)
    chosen = candidates.iloc[list(result.order)].copy()
    chosen["rank"] = np.arange(1, len(chosen) + 1)
    chosen["added_weight"] = result.added_weight
    chosen["cum_coverage_pct"] = result.cum_coverage_pct
    chosen.attrs["siting"] = result
    return chosen
