"""The arrival "ecosystem": per area and category counts, per 1,000, walking minutes, reach, eco_score,
languages and priority; per facility the people in its catchment (see ``core/infrastructure.py``). No QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

from .categories import OTHER, Scheme
from .confidentiality import DEFAULT_THRESHOLD, suppress_counts, suppress_derived
from .distances import RepPoints, weighted_median
from .languages import needed_languages, parse_languages
from .network import DEFAULT_SPEED_KMH, metres_to_minutes, minutes_to_metres
from .vocabulary import ARRIVAL_CLASS_KEYS, PRIORITY_KEYS

AQ_CLASSES = ARRIVAL_CLASS_KEYS
PRIORITY_CODES = PRIORITY_KEYS

# --------------------------------------------------------------------------------------------
# the analysis
# --------------------------------------------------------------------------------------------
@dataclass
class OverlayResult:
    keys: list  # category keys in column order
    score_keys: list
    counts: np.ndarray  # (n_areas, n_cat) facilities inside
    per_1000: np.ndarray  # (n_areas, n_cat)
    minutes: np.ndarray  # (n_areas, n_cat) median walking minutes to the nearest (NaN: none reachable)
    reach_share: np.ndarray  # (n_areas, n_cat) share of the area's residents within max_minutes
    reachable: np.ndarray  # (n_areas, n_cat) bool
    eco_score: np.ndarray  # (n_areas,)
    eco_missing: list  # per area: list of missing score keys
    lang_match: np.ndarray  # (n_areas,) NaN where no languages needed or none offered anywhere
    lang_missing: list  # per area: sorted list of needed languages not offered within reach
    priority: list  # per area: a PRIORITY_CODES code
    priority_rank: np.ndarray  # (n_areas,) 1 = most urgent; NaN when not ranked
    fac_pop: np.ndarray  # (n_fac,) population within the facility's catchment (suppressed)
    fac_arrivals: np.ndarray  # (n_fac,) arrivals within it (NaN without arrivals)
    fac_aq_pop: np.ndarray  # (n_fac,) residents of arrival quarters within it (NaN without aq_class)
    fac_in_study: np.ndarray  # (n_fac,) bool: catchment computed (within reach of the areas)
    warnings: list = field(default_factory=list)


def _area_reps(rep: RepPoints, n_areas: int):
    order = np.argsort(rep.area, kind="stable")
    starts = np.searchsorted(rep.area[order], np.arange(n_areas), side="left")
    stops = np.searchsorted(rep.area[order], np.arange(n_areas), side="right")
    return [order[a:b] for a, b in zip(starts, stops)]


@dataclass
class OverlayInputs:
    """Everything ``analyse`` needs (the parameter object instead of 20 arguments).

    ``fac_cat`` are category keys, ``fac_area`` the containing area index (-1 outside all); ``nearest``/
    ``distances`` the two distance callables (metres, see ``core/distances.py``). ``rep_valid`` (bool per
    representative point, optional): False where the point could not be measured from (e.g. too far from
    the walking network); an area whose valid points hold less than half of its residents gets no
    ``eco_score`` and the priority ``insufficient`` (never a false 0).
    """

    scheme: Scheme
    n_areas: int
    population: object
    rep: RepPoints
    fac_xy: object
    fac_cat: object
    fac_area: object
    nearest: object
    distances: object
    max_minutes: float = 10.0
    speed_kmh: float = DEFAULT_SPEED_KMH
    fac_languages: object = None
    area_languages: object = None
    aq_class: object = None
    arrivals: object = None
    priority_below: float = 0.5
    threshold: float = DEFAULT_THRESHOLD
    rep_valid: object = None


def analyse(inputs: OverlayInputs | None = None, progress=None, cancelled=None, **kwargs) -> OverlayResult:
    """The ecosystem figures (see ``core/infrastructure.py``'s docstring) for an ``OverlayInputs``
    (or its fields as keywords: ``analyse(scheme=…, n_areas=…, …)``)."""
    x = inputs if inputs is not None else OverlayInputs(**kwargs)
    keys, score_keys, n_areas = x.scheme.keys, x.scheme.score_keys, x.n_areas
    pop = np.asarray(x.population, dtype=float).reshape(-1)
    if len(pop) != n_areas:
        raise ValueError("population has {} values for {} areas".format(len(pop), n_areas))
    fac_xy = np.asarray(x.fac_xy, dtype=float).reshape(-1, 2)
    cat_idx = np.array([x.scheme.index(k) if k in keys else x.scheme.index(OTHER) for k in x.fac_cat], dtype=np.int64)
    fac_area = np.asarray(x.fac_area, dtype=np.int64).reshape(-1)
    warnings = []

    def step(v):
        if progress is not None:
            progress(v)
        if cancelled is not None and cancelled():
            raise InterruptedError("cancelled")

    counts, per_1000 = _counts_per_1000(pop, fac_area, cat_idx, len(keys), x.threshold)
    groups = _area_reps(x.rep, n_areas)
    rep, unmeasured = _valid_points(x.rep, x.rep_valid, groups)
    if unmeasured.any():
        warnings.append("unmeasured_areas")
    minutes, reach = _minutes_and_reach(x, rep, groups, fac_xy, cat_idx, step)
    minutes[unmeasured] = np.nan
    reach[unmeasured] = np.nan
    has_rep = np.array([len(g) > 0 for g in groups], dtype=bool) & ~unmeasured
    reachable = np.nan_to_num(reach, nan=0.0) >= 0.5 - 1e-12
    eco, missing = _eco_score(x.scheme, reachable, has_rep, warnings)
    step(0.65)
    arr = None if x.arrivals is None else np.asarray(x.arrivals, dtype=float).reshape(-1)
    is_aq = None
    if x.aq_class is not None:
        is_aq = np.array([str(v).strip().lower() in AQ_CLASSES if v is not None else False for v in x.aq_class])
    catch = _facility_catchments(x, rep, pop, arr, is_aq, fac_xy, fac_area)
    step(0.85)
    lang_match, lang_missing = _language_match(x, groups, catch, warnings)
    priority, rank = _priority(eco, is_aq, arr if arr is not None else pop, x.priority_below)
    step(1.0)
    return OverlayResult(
        keys=keys,
        score_keys=score_keys,
        counts=counts,
        per_1000=per_1000,
        minutes=minutes,
        reach_share=reach,
        reachable=reachable,
        eco_score=eco,
        eco_missing=missing,
        lang_match=lang_match,
        lang_missing=lang_missing,
        priority=priority,
        priority_rank=rank,
        fac_pop=suppress_counts(catch["pop"], x.threshold),
        fac_arrivals=suppress_counts(catch["arr"], x.threshold),
        fac_aq_pop=suppress_counts(catch["aq"], x.threshold),
        fac_in_study=catch["in_study"],
        warnings=warnings,
    )


def _counts_per_1000(pop, fac_area, cat_idx, n_cat: int, threshold: float):
    """Facilities inside each area per category, and per 1,000 inhabitants (blanked over small populations)."""
    counts = np.zeros((len(pop), n_cat))
    inside = fac_area >= 0
    if inside.any():
        np.add.at(counts, (fac_area[inside], cat_idx[inside]), 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_1000 = np.where(pop[:, None] > 0, counts / pop[:, None] * 1000.0, np.nan)
    per_1000 = np.where(np.isfinite(pop)[:, None], per_1000, np.nan)
    # rates over a population below the threshold would reveal it
    per_1000 = suppress_derived(per_1000, np.repeat(pop[:, None], n_cat, axis=1), threshold)
    return counts, per_1000


def _valid_points(rep: RepPoints, rep_valid, groups):
    """Points that cannot be measured from (off the network) are taken as uninhabited: the area's residents
    are spread over its other points; without enough of those (< half) the area is unmeasured."""
    n_areas = len(groups)
    unmeasured = np.zeros(n_areas, dtype=bool)
    if rep_valid is None or not len(rep):
        return rep, unmeasured
    valid = np.asarray(rep_valid, dtype=bool).reshape(-1)
    valid_share = np.array([rep.share[g][valid[g]].sum() if len(g) else 0.0 for g in groups])
    unmeasured = np.array([len(g) > 0 for g in groups]) & (valid_share < 0.5 - 1e-12)
    denom = np.where(valid_share > 0, valid_share, 1.0)[rep.area]
    return RepPoints(rep.xy, rep.area, np.where(valid, rep.share / denom, 0.0), rep.method), unmeasured


def _minutes_and_reach(x: OverlayInputs, rep: RepPoints, groups, fac_xy, cat_idx, step):
    """Per area and category: the residents' weighted median minutes to the nearest facility, and the share
    of residents within ``max_minutes``."""
    n_cat = len(x.scheme.keys)
    minutes = np.full((x.n_areas, n_cat), np.nan)
    reach = np.full((x.n_areas, n_cat), np.nan)
    for c in range(n_cat):
        step(0.6 * c / max(n_cat, 1))
        sel = np.flatnonzero(cat_idx == c)
        if len(rep) == 0:
            continue
        if len(sel):
            d, _which = x.nearest(fac_xy[sel], rep.xy)
            d = np.asarray(d, dtype=float)
        else:
            d = np.full(len(rep), np.inf)
        m = metres_to_minutes(d, x.speed_kmh)
        for a, idx in enumerate(groups):
            if not len(idx):
                continue
            med = weighted_median(m[idx], rep.share[idx])
            minutes[a, c] = med if np.isfinite(med) else np.nan
            reach[a, c] = float(rep.share[idx][m[idx] <= x.max_minutes + 1e-9].sum())
    return minutes, reach


def _eco_score(scheme: Scheme, reachable, has_rep, warnings):
    """Share of the scored categories reachable, and the missing ones, per measured area."""
    n_areas = len(has_rep)
    score_cols = [scheme.index(k) for k in scheme.score_keys]
    eco = np.full(n_areas, np.nan)
    missing = [[] for _ in range(n_areas)]
    if score_cols:
        eco[has_rep] = reachable[has_rep][:, score_cols].mean(axis=1)
        for a in np.flatnonzero(has_rep):
            missing[a] = [scheme.keys[c] for c in score_cols if not reachable[a, c]]
    else:
        warnings.append("no_score_categories")
    return eco, missing


def _facility_catchments(x: OverlayInputs, rep: RepPoints, pop, arr, is_aq, fac_xy, fac_area) -> dict:
    """People (and arrivals, residents of arrival quarters) within ``max_minutes`` of each facility.

    Returns ``pop``, ``arr``, ``aq`` (unsuppressed, NaN outside the study), ``in_study`` (facilities that can
    reach a representative point: the straight line is a lower bound), ``study`` (their indices) and ``D``
    (csr study × points, entries within the limit)."""
    n_fac = len(fac_xy)
    limit = float(minutes_to_metres(x.max_minutes, x.speed_kmh))
    rep_pop = rep.share * np.where(np.isfinite(pop), pop, 0.0)[rep.area] if len(rep) else np.zeros(0)
    rep_arr = None
    if arr is not None and len(rep):
        rep_arr = rep.share * np.where(np.isfinite(arr), arr, 0.0)[rep.area]
    in_study = np.zeros(n_fac, dtype=bool)
    if n_fac and len(rep):
        finite = np.isfinite(fac_xy).all(axis=1)
        dmin = np.full(n_fac, np.inf)
        if finite.any():
            dmin[finite], _ = cKDTree(rep.xy).query(fac_xy[finite])
        in_study = (dmin <= limit) | (fac_area >= 0)
    out = {"pop": np.full(n_fac, np.nan), "arr": np.full(n_fac, np.nan), "aq": np.full(n_fac, np.nan), "in_study": in_study}
    study = np.flatnonzero(in_study)
    D = sparse.csr_matrix((len(study), len(rep)))
    if len(study) and len(rep):
        D = sparse.csr_matrix(x.distances(fac_xy[study], rep.xy, limit))
        D.sort_indices()
        hit = D.copy()
        hit.data = np.ones_like(hit.data)  # stored entries are within the limit (zeros stored as 1e-9)
        out["pop"][study] = hit @ rep_pop
        if rep_arr is not None:
            out["arr"][study] = hit @ rep_arr
        if is_aq is not None:
            out["aq"][study] = hit @ (rep_pop * is_aq[rep.area])
    out["study"], out["D"] = study, D
    return out


def _language_match(x: OverlayInputs, groups, catch: dict, warnings):
    """Share of each area's needed languages offered by a facility within reach of its points, and the rest."""
    n_areas = x.n_areas
    lang_match = np.full(n_areas, np.nan)
    lang_missing = [[] for _ in range(n_areas)]
    if x.fac_languages is None or x.area_languages is None:
        return lang_match, lang_missing
    offered = [parse_languages(v) for v in x.fac_languages]
    if not any(offered):
        warnings.append("no_languages_offered")
    needed = [needed_languages(v) for v in x.area_languages]
    D, study = catch["D"], catch["study"]
    Dc = D.tocsc() if D.shape[0] else None
    for a in range(n_areas):
        need = needed[a]
        if not need or not len(groups[a]):
            continue
        got = set()
        if Dc is not None:
            rows = set()
            for j in groups[a]:
                rows.update(Dc.indices[Dc.indptr[j] : Dc.indptr[j + 1]].tolist())
            for r in rows:
                got |= offered[study[r]]
        lang_match[a] = len(need & got) / len(need)
        lang_missing[a] = sorted(need - got)
    return lang_match, lang_missing


def _priority(eco, is_aq, weight, priority_below: float):
    """Priority code per area and the rank of the urgent ones (lowest eco_score first, then most people)."""
    n_areas = len(eco)
    priority = []
    low = np.isfinite(eco) & (eco < priority_below - 1e-12)
    for a in range(n_areas):
        if not np.isfinite(eco[a]):
            priority.append("insufficient")
        elif is_aq is not None and is_aq[a]:
            priority.append("first" if low[a] else "aq_served")
        else:
            priority.append("gap" if low[a] else "served")
    rank = np.full(n_areas, np.nan)
    urgent = "first" if is_aq is not None else "gap"
    ranked = [a for a in range(n_areas) if priority[a] == urgent]
    if ranked:
        wv = np.where(np.isfinite(weight), weight, 0.0)
        order = sorted(ranked, key=lambda a: (eco[a], -wv[a]))
        for r, a in enumerate(order, start=1):
            rank[a] = r
    return priority, rank


def area_columns(result: OverlayResult, scheme: Scheme, lang: str, priority_labels: dict) -> dict:
    """The ecosystem's output columns per area: field name → values (n_/p1k_/min_<category field>, eco_score,
    eco_missing (labels in ``lang``), eco_miss_k (keys), lang_match, lang_miss, priority, prio_label, prio_rank).
    Rounded as written: per 1,000 to 3 decimals, minutes to 2, shares to 4; nothing where not measured."""
    values = {}
    for c, key in enumerate(scheme.keys):
        code = scheme.category(key).field
        values["n_{}".format(code)] = result.counts[:, c]
        values["p1k_{}".format(code)] = np.round(result.per_1000[:, c], 3)
        values["min_{}".format(code)] = np.round(result.minutes[:, c], 2)
    measured = np.isfinite(result.eco_score)
    values["eco_score"] = np.round(result.eco_score, 4)
    values["eco_missing"] = [
        "; ".join(scheme.label(k, lang) for k in miss) if measured[a] else None for a, miss in enumerate(result.eco_missing)
    ]
    values["eco_miss_k"] = [",".join(m) if measured[a] else None for a, m in enumerate(result.eco_missing)]
    values["lang_match"] = np.round(result.lang_match, 4)
    values["lang_miss"] = [",".join(m) if np.isfinite(result.lang_match[a]) else None for a, m in enumerate(result.lang_missing)]
    values["priority"] = result.priority
    values["prio_label"] = [priority_labels[p] for p in result.priority]
    values["prio_rank"] = result.priority_rank
    return values
