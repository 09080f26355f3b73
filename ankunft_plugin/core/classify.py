"""Classifying arrival quarters (Ankunftsquartiere) from small-area statistics.

The method, step by step (documented for planners in ``docs/method_classification.md`` and in
``resources/help/method.*.html``):

1. **Rates.** Every indicator becomes a rate per 1000 inhabitants: counts are divided by the
   population (``UNIT_COUNT``), percentages are multiplied by 10 (``UNIT_PERCENT``), per-1000 values
   are taken as they are (``UNIT_PER_1000``).
2. **Empirical-Bayes smoothing** (count indicators only, on by default). Small areas give wild
   rates: 3 arrivals among 310 inhabitants is a rate of ~10 per 1000 that may be chance. The global
   Empirical-Bayes estimator of Marshall (1991), as in PySAL ``esda.smoothing.Empirical_Bayes`` and
   GeoDa, shrinks each area's rate toward the city rate, the more the fewer inhabitants it has::

       r_i = y_i / n_i                       raw rate of area i (per person)
       b   = sum(y) / sum(n)                 city rate (over the reference areas)
       s2  = sum(n_i (r_i - b)^2) / sum(n)   population-weighted variance of the raw rates
       a   = max(0, s2 - b / mean(n))        prior variance (method of moments; 0 if negative)
       w_i = a / (a + b / n_i)               weight of the area's own rate
       eb_i = w_i r_i + (1 - w_i) b

3. **z-values against the city.** For each indicator the population-weighted mean and standard
   deviation over the reference areas (enough inhabitants, all indicators present):
   ``z_i = (rate_i - mean_w) / sd_w``.
4. **"High".** An indicator is high where ``z >= threshold`` (z-score mode, default 1.0 SD), or
   where the rate is at or above the city's ``quantile`` of the reference areas' rates (quantile mode).
5. **Classes** (the arrival signal is a high arrivals indicator, or a high turnover indicator as
   described below; diversity tells grown networks):

   - ``established``: high arrivals **or** high turnover, **and** high diversity;
   - ``emerging``: high arrivals **and** diversity below the threshold. High turnover alone never
     makes an arrival quarter (students, young professionals); only when no arrivals indicator is
     given does turnover stand in for arrivals;
   - ``none``: every other reference area;
   - ``insufficient``: population missing, zero, negative or below ``min_population``, or a used
     indicator missing (placeholder ``.``, ``-``, ``x``, empty …). The reason says which.

   Without a diversity indicator grown networks cannot be seen: high-arrival areas are then
   classed ``emerging`` with the extra reason ``no_diversity_indicator``.
6. **Score** (arrival intensity index): the mean of the z-values of the classification indicators
   used (arrivals, turnover, diversity; never the social context indicator). NaN where insufficient.

The social indicator (e.g. SGB II receipt) is context only: its rate and z-value are reported,
it never changes a class (the class names a function, not a deficit).

Everything here returns codes; the QGIS shell translates them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np

from . import vocabulary
from .confidentiality import small_count_mask
from .dynamics import id_key, id_text
from .numbers import COUNT, RATE, ColumnReading, NumberFormatError, read_column
from .vocabulary import CLASS_KEYS

UNIT_COUNT, UNIT_PERCENT, UNIT_PER_1000 = 0, 1, 2
UNITS = (UNIT_COUNT, UNIT_PERCENT, UNIT_PER_1000)
INDICATORS = ("arrivals", "turnover", "diversity", "social")
CLASSIFYING = ("arrivals", "turnover", "diversity")  # the social indicator is context only
CLASSES = CLASS_KEYS  # the vocabulary (core/vocabulary.py) names them
MODES = ("zscore", "quantile")
PER = 1000.0  # rates are per 1000 inhabitants

# reason codes (``missing:<indicator>:<placeholder>`` and ``population_missing:<problem>`` carry details)
REASON_CODES = vocabulary.REASON_CODES


@dataclass
class ClassifyParams:
    min_population: float = 300.0
    threshold: float = 1.0  # in standard deviations (z-score mode)
    mode: str = "zscore"  # or "quantile"
    quantile: float = 0.8  # quantile mode: at or above this city quantile counts as "high"
    smoothing: bool = True  # Empirical-Bayes smoothing of count indicators
    suppress_below: float = 3.0
    growth_limit: float = 0.5  # population growth over the period above which an area is flagged (0.5 = +50 %)


@dataclass(frozen=True)
class Setting:
    """One setting of the sensitivity grid."""

    key: str  # short code for tables: z0.5, z0.75 … q80, with _eb (smoothed) or _raw
    mode: str  # "zscore" or "quantile"
    threshold: float = 1.0
    quantile: float = 0.8
    smoothing: bool = True


def _grid() -> tuple[Setting, ...]:
    out = []
    for smoothing in (True, False):
        tail = "eb" if smoothing else "raw"
        for t in (0.5, 0.75, 1.0, 1.25, 1.5):
            out.append(Setting("z{:g}_{}".format(t, tail), "zscore", t, 0.8, smoothing))
        out.append(Setting("q80_{}".format(tail), "quantile", 1.0, 0.8, smoothing))
    return tuple(out)


#: the documented sensitivity grid: thresholds 0.5 / 0.75 / 1.0 / 1.25 / 1.5 SD and the top fifth
#: (quantile 0.8), each with and without Empirical-Bayes smoothing: 12 settings
SENSITIVITY_GRID = _grid()
#: an area is "robust" when it has its class (the one of the chosen setting) in at least this
#: share of the grid's settings, else "borderline"
ROBUST_SHARE = 0.75


@dataclass
class ClassifyResult:
    aq_class: np.ndarray  # str per area, one of CLASSES
    score: np.ndarray  # arrival intensity index (NaN where insufficient)
    rates: dict[str, np.ndarray]  # per indicator used: rate per 1000 inhabitants (smoothed where applicable)
    z: dict[str, np.ndarray]  # per indicator used: z-value against the city (NaN where insufficient)
    reasons: list[list[str]]  # machine codes per area
    valid: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # the city reference
    population: np.ndarray = field(default_factory=lambda: np.zeros(0))  # parsed population
    raw_rates: dict[str, np.ndarray] = field(default_factory=dict)  # unsmoothed rates per 1000
    counts: dict[str, np.ndarray] = field(default_factory=dict)  # parsed values of count indicators
    suppressed: dict[str, np.ndarray] = field(default_factory=dict)  # per count indicator (and "population"): 0 < c < suppress_below
    high: dict[str, np.ndarray] = field(default_factory=dict)  # per classifying indicator used
    city: dict[str, dict[str, float]] = field(default_factory=dict)  # mean, sd, cut (rate at which "high" starts), eb parameters
    used: tuple[str, ...] = ()  # indicators used (classifying ones first, then social)
    classifying: tuple[str, ...] = ()  # indicators that decide the class
    warnings: list[str] = field(default_factory=list)  # codes: no_valid_areas, no_variation:<name>, negative_counts:<name>:<n>, …
    params: ClassifyParams = field(default_factory=ClassifyParams)
    readings: dict[str, ColumnReading] = field(default_factory=dict)  # "population" and per indicator: how the column was read
    reference: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # valid and first occurrence of its id: the city reference
    counted: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # first occurrence of its id (summaries count each area once)
    duplicate: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # the id occurs more than once
    duplicate_ids: list[str] = field(default_factory=list)  # ids that occur more than once
    growth: np.ndarray = field(default_factory=lambda: np.zeros(0))  # relative population growth over the period (NaN: unknown)
    growth_flag: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # grew by more than params.growth_limit
    # robustness (only with a grid): share of the settings in which the area is an arrival quarter /
    # has its class; "robust" / "borderline" ("" for insufficient); classes per setting; the table
    stability: np.ndarray | None = None
    stability_class: np.ndarray | None = None
    robust: np.ndarray | None = None
    grid: list = field(default_factory=list)
    grid_codes: np.ndarray | None = None  # int8 (settings × areas): index into CLASSES
    sensitivity: list[dict] = field(default_factory=list)

    @property
    def grid_classes(self) -> np.ndarray | None:
        """The class of every area in every setting of the grid (settings × areas, str)."""
        return None if self.grid_codes is None else np.asarray(CLASSES, dtype=object)[self.grid_codes]

    def __len__(self) -> int:
        return len(self.aq_class)

    def reason_text(self, i: int) -> str:
        """The reason codes of area ``i`` joined with ``;`` (untranslated)."""
        return ";".join(self.reasons[i])


# -- building blocks ---------------------------------------------------------------------------
def to_rates(values, unit: int, population) -> np.ndarray:
    """Values in ``unit`` as rates per 1000 inhabitants (NaN where not computable)."""
    v = np.asarray(values, dtype=float)
    if unit == UNIT_COUNT:
        p = np.asarray(population, dtype=float)
        out = np.full(v.shape, np.nan)
        ok = np.isfinite(v) & np.isfinite(p) & (p > 0)
        out[ok] = v[ok] / p[ok] * PER
        return out
    if unit == UNIT_PERCENT:
        return v * (PER / 100.0)
    if unit == UNIT_PER_1000:
        return v.copy()
    raise ValueError("unknown unit {!r}; use UNIT_COUNT, UNIT_PERCENT or UNIT_PER_1000".format(unit))


def eb_parameters(counts, population, mask=None) -> tuple[float, float]:
    """Global Empirical-Bayes prior (Marshall 1991, method of moments) over the areas in ``mask``.

    Returns ``(b, a)``: the city rate per person ``b = sum(y)/sum(n)`` and the prior variance
    ``a = max(0, sum(n (r - b)^2)/sum(n) - b/mean(n))``. NaN, NaN when no area qualifies."""
    y = np.asarray(counts, dtype=float)
    n = np.asarray(population, dtype=float)
    ok = np.isfinite(y) & np.isfinite(n) & (n > 0)
    if mask is not None:
        ok &= np.asarray(mask, dtype=bool)
    if not ok.any():
        return np.nan, np.nan
    y, n = y[ok], n[ok]
    b = y.sum() / n.sum()
    r = y / n
    s2 = (n * (r - b) ** 2).sum() / n.sum()
    a = s2 - b / n.mean()
    return float(b), float(max(a, 0.0))


def eb_smooth(counts, population, mask=None, per: float = PER) -> np.ndarray:
    """Empirical-Bayes smoothed rates per ``per`` inhabitants (global EB, Marshall 1991).

    The prior (city rate and its variance) is estimated over the areas in ``mask`` (default: all
    areas with a count and a positive population); every area with a count and a positive
    population is then shrunk toward the city rate with weight ``a / (a + b / n_i)`` on its own
    rate. With ``a == 0`` (no more variation than chance) every area gets the city rate; with a
    city rate ``b <= 0`` (e.g. net growth that is negative overall) no shrinkage is possible and the
    raw rates are returned. NaN where the count or the population is missing or not positive."""
    y = np.asarray(counts, dtype=float)
    n = np.asarray(population, dtype=float)
    out = np.full(y.shape, np.nan)
    ok = np.isfinite(y) & np.isfinite(n) & (n > 0)
    out[ok] = y[ok] / n[ok]
    b, a = eb_parameters(y, n, mask)
    if not np.isfinite(b) or b <= 0:
        return out * per
    weight = eb_weights(n[ok], b, a)
    out[ok] = weight * out[ok] + (1.0 - weight) * b
    return out * per


def eb_weights(population, b: float, a: float) -> np.ndarray:
    """The weight ``a / (a + b / n)`` each area's own rate gets in the EB estimate."""
    n = np.asarray(population, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return a / (a + b / n)


def weighted_mean_sd(values, weights, mask=None) -> tuple[float, float]:
    """Population-weighted mean and (population) standard deviation over finite values in ``mask``."""
    v = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    ok = np.isfinite(v) & np.isfinite(w) & (w > 0)
    if mask is not None:
        ok &= np.asarray(mask, dtype=bool)
    if not ok.any():
        return np.nan, np.nan
    mean = float(np.average(v[ok], weights=w[ok]))
    sd = float(np.sqrt(np.average((v[ok] - mean) ** 2, weights=w[ok])))
    return mean, sd


def weighted_z(values, weights, mask=None) -> tuple[np.ndarray, float, float]:
    """z-values against the population-weighted mean and SD of the areas in ``mask``.

    Returns ``(z, mean, sd)``; z is NaN outside the mask (and where the value is missing); when the
    SD is 0 (no variation) every z in the mask is 0."""
    v = np.asarray(values, dtype=float)
    mean, sd = weighted_mean_sd(v, weights, mask)
    z = np.full(v.shape, np.nan)
    ok = np.isfinite(v)
    if mask is not None:
        ok &= np.asarray(mask, dtype=bool)
    if not np.isfinite(mean):
        return z, mean, sd
    if sd > 0:
        z[ok] = (v[ok] - mean) / sd
    else:
        z[ok] = 0.0
    return z, mean, sd


def high_mask(z, rates, valid, params: ClassifyParams) -> tuple[np.ndarray, float]:
    """Where an indicator counts as high, and the rate at which "high" starts (for the legend/log)."""
    z = np.asarray(z, dtype=float)
    rates = np.asarray(rates, dtype=float)
    valid = np.asarray(valid, dtype=bool)
    high = np.zeros(z.shape, dtype=bool)
    if params.mode == "quantile":
        vals = rates[valid & np.isfinite(rates)]
        if vals.size == 0:
            return high, np.nan
        cut = float(np.quantile(vals, params.quantile))
        high[valid] = rates[valid] >= cut
        return high, cut
    with np.errstate(invalid="ignore"):
        high[valid] = z[valid] >= params.threshold
    return high, np.nan


def _check_params(params: ClassifyParams) -> None:
    if params.mode not in MODES:
        raise ValueError("mode must be one of {}, not {!r}".format(MODES, params.mode))
    if params.mode == "quantile" and not 0.0 < params.quantile < 1.0:
        raise ValueError("quantile must lie between 0 and 1, not {!r}".format(params.quantile))
    if params.min_population is None or not np.isfinite(params.min_population) or params.min_population < 0:
        raise ValueError("min_population must be 0 or more, not {!r}".format(params.min_population))
    if params.growth_limit is None or not np.isfinite(params.growth_limit) or params.growth_limit < 0:
        raise ValueError("growth_limit must be 0 or more, not {!r}".format(params.growth_limit))


def _parse(values, role: str, name: str) -> tuple[np.ndarray, list, ColumnReading]:
    """``numbers.read_column`` with a fast path for columns that are plain numbers already;
    raises ``NumberFormatError`` for a column whose separators cannot be decided."""
    values = list(values)
    if all(type(v) is float or type(v) is int for v in values):
        arr = np.asarray(values, dtype=float)
        bad = ~np.isfinite(arr)
        if not bad.any():
            n = len(values)
            return arr, [None] * n, ColumnReading(name=name, role=role, code="numeric" if n else "empty", n_rows=n, n_values=n, n_numeric=n)
    numbers, problems, reading = read_column(values, role=role, name=name)
    if reading.refused:
        raise NumberFormatError(reading)
    return numbers, problems, reading


def _problem_code(problem: str | None) -> str:
    return "" if problem is None else str(problem).replace(":", "_").replace(";", "_")


# -- the classification ------------------------------------------------------------------------
def _duplicates(ids, n_areas: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """``(duplicate, first, duplicated_ids)``: areas whose id occurs more than once, the first
    occurrence of every id (what the city reference counts), and the ids that occur twice or more."""
    duplicate = np.zeros(n_areas, dtype=bool)
    first = np.ones(n_areas, dtype=bool)
    if ids is None:
        return duplicate, first, []
    ids = list(ids)
    if len(ids) != n_areas:
        raise ValueError("ids has {} values for {} areas".format(len(ids), n_areas))
    seen: dict[str, int] = {}
    dup_ids: list[str] = []
    for i, value in enumerate(ids):
        if type(value) is str:  # fast path of id_key for the usual text ids
            key = value.strip()
            if key.isdigit():
                key = key.lstrip("0") or "0"
            elif key == "" or key.upper() == "NULL":
                key = None
        elif type(value) is int:
            key = str(value)
        else:
            key = id_key(value)
        if key is None:
            continue
        if key in seen:
            first[i] = False
            duplicate[i] = duplicate[seen[key]] = True
            if id_text(value) not in dup_ids and id_text(ids[seen[key]]) not in dup_ids:
                dup_ids.append(id_text(ids[seen[key]]))
        else:
            seen[key] = i
    return duplicate, first, dup_ids


def growth_flags(population, population_start, limit: float) -> tuple[np.ndarray, np.ndarray]:
    """``(growth, flag)``: relative population growth over the period (0.5 = +50 %; inf where the
    area had nobody at the start) and where it exceeds ``limit``. NaN/False where either count is
    missing or the end population is not positive."""
    end = np.asarray(population, dtype=float)
    start = np.asarray(population_start, dtype=float)
    growth = np.full(end.shape, np.nan)
    ok = np.isfinite(end) & np.isfinite(start) & (end > 0) & (start >= 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        growth[ok] = np.where(start[ok] > 0, (end[ok] - start[ok]) / np.where(start[ok] > 0, start[ok], 1.0), np.inf)
    flag = np.zeros(end.shape, dtype=bool)
    flag[ok] = growth[ok] > limit
    return growth, flag


def _indicator_rates(vals, unit: int, pop_pos, reference, smoothing: bool) -> tuple[np.ndarray, dict[str, float], bool]:
    """Rate per 1000 (smoothed for counts when asked) and the EB info; the flag says smoothing was skipped."""
    info: dict[str, float] = {}
    raw = to_rates(vals, unit, pop_pos)
    if unit != UNIT_COUNT or not smoothing or not reference.any():
        return raw, info, False
    b, a = eb_parameters(vals, pop_pos, reference)
    info["eb_city_rate"] = b * PER
    info["eb_prior_variance"] = a * PER * PER
    return eb_smooth(vals, pop_pos, reference), info, bool(np.isfinite(b) and b <= 0)


def _stats(parsed, units, names, pop_pos, reference, valid, smoothing: bool):
    """Rates, z-values and city figures of the given indicators for one smoothing choice: mean and
    SD over the ``reference`` areas, z-values for every ``valid`` area."""
    rates, z, city, skipped = {}, {}, {}, []
    for name in names:
        rate, info, skip = _indicator_rates(parsed[name], units[name], pop_pos, reference, smoothing)
        if skip:
            skipped.append(name)
        mean, sd = weighted_mean_sd(rate, pop_pos, reference)
        zi = np.full(rate.shape, np.nan)
        ok = valid & np.isfinite(rate)
        if np.isfinite(mean):
            zi[ok] = (rate[ok] - mean) / sd if sd > 0 else 0.0
        info["mean"], info["sd"] = mean, sd
        rates[name], z[name], city[name] = rate, zi, info
    return rates, z, city, skipped


def _high_stack(z, rates, valid, reference, settings) -> np.ndarray:
    """``(len(settings), n)`` bool: where the indicator counts as high in each setting (all of one
    smoothing). z-score settings are one broadcast comparison; quantiles are cut over the reference."""
    out = np.zeros((len(settings), len(z)), dtype=bool)
    zmask = [k for k, st in enumerate(settings) if st.mode == "zscore"]
    if zmask:
        t = np.array([settings[k].threshold for k in zmask])[:, None]
        with np.errstate(invalid="ignore"):
            out[zmask] = (z[None, :] >= t) & valid[None, :]
    ref_vals = rates[reference & np.isfinite(rates)]
    for k, st in enumerate(settings):
        if st.mode == "quantile" and ref_vals.size:
            cut = float(np.quantile(ref_vals, st.quantile))
            with np.errstate(invalid="ignore"):
                out[k] = valid & (rates >= cut)
    return out


def _class_stack(hi: dict, hi_d_start, w: SimpleNamespace):
    """Class codes (int8, index into CLASSES) for stacked high masks ``(k, n)`` per indicator (``hi``;
    a missing indicator is never high), with the areas' ``w.valid``, ``w.flagged`` and which indicators
    are given (``w.has_a``, ``w.has_d``, ``w.has_start``).

    Areas flagged for strong growth are established only on diversity at the start of the period
    (``hi_d_start``) when it is given, else never."""
    zero = np.zeros_like(hi_d_start)
    hi_a, hi_t, hi_d = hi.get("arrivals", zero), hi.get("turnover", zero), hi.get("diversity", zero)
    flagged, valid, has_a, has_d, has_start = w.flagged, w.valid, w.has_a, w.has_d, w.has_start
    div_est = np.zeros_like(hi_a)
    if has_d:
        div_est = np.where(flagged[None, :], hi_d_start if has_start else False, hi_d)
    arrival_signal = hi_a if has_a else hi_t
    established = valid[None, :] & (hi_a | hi_t) & div_est
    emerging = valid[None, :] & arrival_signal & ~established
    cls = np.full(hi_a.shape, _INSUFFICIENT, dtype=np.int8)
    cls[:, valid] = _NONE
    cls[emerging] = _EMERGING
    cls[established] = _ESTABLISHED
    return cls


# int8 class codes: the index into CLASSES (the vocabulary's order)
_ESTABLISHED = CLASSES.index("established")
_EMERGING = CLASSES.index("emerging")
_NONE = CLASSES.index("none")
_INSUFFICIENT = CLASSES.index("insufficient")
_CLASS_NAMES = np.array(CLASSES, dtype=object)


def classify(
    population,
    indicators: dict[str, tuple[Sequence, int]],
    params: ClassifyParams | None = None,
    names: dict[str, str] | None = None,
    ids: Sequence | None = None,
    population_start: Sequence | None = None,
    diversity_start: Sequence | None = None,
    grid: Sequence[Setting] | bool = False,
) -> ClassifyResult:
    """Classify areas into established / emerging / none / insufficient arrival quarters.

    ``population``: inhabitants per area (numbers, None, strings incl. German placeholders).
    ``indicators``: name (one of INDICATORS) -> (raw values, unit). At least two of arrivals,
    turnover and diversity are required (``ValueError`` otherwise). Raises ``ValueError`` for
    unknown indicator names, units or mismatched lengths.

    Text values are read column-aware (``numbers.read_column``): the population as a count of
    people, count indicators as counts, percent and per-1000 indicators as rates; how each column
    was read is in ``result.readings``. A column whose separators cannot be decided raises
    ``numbers.NumberFormatError`` (a ``ValueError``). ``names`` (``"population"`` or an indicator →
    field name) only names the columns in those readings.

    ``ids``: area ids; areas whose id occurs more than once get the reason ``duplicate_id`` and
    only the first occurrence counts in the city reference (``result.duplicate_ids``).
    ``population_start`` (and ``diversity_start``, in the unit of the diversity indicator): the
    population (diversity) at the start of the period. Areas that grew by more than
    ``params.growth_limit`` get the reason ``strong_growth:<percent>`` and are established only
    on high diversity at the start of the period (never without ``diversity_start``).
    ``grid``: True for :data:`SENSITIVITY_GRID` (or a sequence of :class:`Setting`): the
    classification is also run for every setting, in the same pass; ``result.stability``,
    ``stability_class``, ``robust`` and ``sensitivity`` report it."""
    params = params or ClassifyParams()
    _check_params(params)
    w = _read_inputs(population, indicators, params, names or {}, population_start, diversity_start)
    n_areas = w.n_areas
    w.duplicate, w.first, w.dup_ids = _duplicates(ids, n_areas)
    w.warnings = []
    w.reasons, insufficient = _insufficient(w)
    w.valid = valid = ~insufficient
    w.reference = w.valid & w.first  # each area once in the city reference
    if not valid.any():
        w.warnings.append("no_valid_areas")
    if w.dup_ids:
        w.warnings.append("duplicate_ids:{}".format(len(w.dup_ids)))
    _counts_and_rates(w)

    # one pass per smoothing choice: rates and z-values; the thresholds are then one comparison each
    settings = list(SENSITIVITY_GRID if grid is True else (grid or ()))
    default = Setting("default", params.mode, params.threshold, params.quantile, params.smoothing)
    w.all_settings = [default, *settings]
    _statistics(w)
    classes, highs = _classes(w)
    aq_class = _CLASS_NAMES[classes[0]]
    high = {name: highs[name] for name in w.classifying}
    _cuts_and_start(w, high)
    _reasons(w, aq_class, high)

    zs = np.vstack([w.z[name] for name in w.classifying])
    score = np.full(n_areas, np.nan)
    if valid.any():
        score[valid] = zs[:, valid].mean(axis=0)

    result = ClassifyResult(
        aq_class=aq_class,
        score=score,
        rates=w.rates,
        z=w.z,
        reasons=w.reasons,
        valid=valid,
        population=w.pop,
        raw_rates=w.raw_rates,
        counts=w.counts,
        suppressed=w.suppressed,
        high=high,
        city=w.city,
        used=w.used,
        classifying=w.classifying,
        warnings=w.warnings,
        params=params,
        readings=w.readings,
        reference=w.reference,
        duplicate=w.duplicate,
        duplicate_ids=w.dup_ids,
        growth=w.growth,
        growth_flag=w.flagged,
        counted=w.first,
    )
    if settings:
        _robustness(result, settings, classes[1:], classes[0])
    return result


# -- the seams of classify(); ``w`` carries the work from one to the next -----------------------------
def _read_inputs(population, indicators, params: ClassifyParams, names: dict, population_start, diversity_start) -> SimpleNamespace:
    """Every column read once (column-aware), checked, and the growth flags."""
    w = SimpleNamespace(params=params, readings={})
    pop, w.pop_problems, w.readings["population"] = _parse(population, COUNT, names.get("population", "population"))
    w.pop, w.n_areas = pop, len(pop)
    n_areas = w.n_areas
    unknown = [k for k in indicators if k not in INDICATORS]
    if unknown:
        raise ValueError("unknown indicator(s) {}; use {}".format(unknown, INDICATORS))
    classifying = w.classifying = tuple(k for k in CLASSIFYING if k in indicators)
    if len(classifying) < 2:
        raise ValueError("at least two of arrivals, turnover and diversity are needed, got {}".format(list(classifying)))
    w.used = classifying + (("social",) if "social" in indicators else ())
    w.parsed, w.problems, w.units = {}, {}, {}
    for name in w.used:
        values, unit = indicators[name]
        if unit not in UNITS:
            raise ValueError("unknown unit {!r} for {}".format(unit, name))
        vals, probs, w.readings[name] = _parse(values, COUNT if unit == UNIT_COUNT else RATE, names.get(name, name))
        if len(vals) != n_areas:
            raise ValueError("{} has {} values for {} areas".format(name, len(vals), n_areas))
        w.parsed[name], w.problems[name], w.units[name] = vals, probs, int(unit)
    w.has_a, w.has_d = "arrivals" in classifying, "diversity" in classifying

    w.growth = np.full(n_areas, np.nan)
    w.flagged = np.zeros(n_areas, dtype=bool)
    w.start = None
    if population_start is not None:
        w.start, _p, w.readings["population_start"] = _parse(population_start, COUNT, names.get("population_start", "population_start"))
        if len(w.start) != n_areas:
            raise ValueError("population_start has {} values for {} areas".format(len(w.start), n_areas))
        w.growth, w.flagged = growth_flags(pop, w.start, params.growth_limit)
    w.has_start = w.has_d and population_start is not None and diversity_start is not None
    if w.has_start:
        d_unit = w.units["diversity"]
        w.parsed["diversity_start"], _p, w.readings["diversity_start"] = _parse(
            diversity_start, COUNT if d_unit == UNIT_COUNT else RATE, names.get("diversity_start", "diversity_start")
        )
        if len(w.parsed["diversity_start"]) != n_areas:
            raise ValueError("diversity_start has {} values for {} areas".format(len(w.parsed["diversity_start"]), n_areas))
        w.units["diversity_start"] = d_unit
    return w


def _insufficient(w: SimpleNamespace):
    """Reasons of the areas that cannot be classified (population, missing indicators), and their mask."""
    n_areas, pop = w.n_areas, w.pop
    reasons: list[list[str]] = [[] for _ in range(n_areas)]
    insufficient = np.zeros(n_areas, dtype=bool)
    for i in range(n_areas):
        p = pop[i]
        if not np.isfinite(p):
            reasons[i].append("population_missing:{}".format(_problem_code(w.pop_problems[i]) or "nan"))
        elif p == 0:
            reasons[i].append("population_zero")
        elif p < 0:
            reasons[i].append("population_negative")
        elif p < w.params.min_population:
            reasons[i].append("population_below_min")
        else:
            continue
        insufficient[i] = True
    for name in w.classifying:
        vals = w.parsed[name]
        for i in np.flatnonzero(~np.isfinite(vals)):
            reasons[i].append("missing:{}:{}".format(name, _problem_code(w.problems[name][i]) or "nan"))
            insufficient[i] = True
    return reasons, insufficient


def _counts_and_rates(w: SimpleNamespace) -> None:
    """Raw rates, the counts, what confidentiality blanks, and negative counts."""
    pop = w.pop
    w.pop_pos = np.where(np.isfinite(pop) & (pop > 0), pop, np.nan)
    w.start_pos = None
    if w.has_start:
        w.start_pos = np.where(np.isfinite(w.start) & (w.start > 0), w.start, np.nan)
    w.suppressed = {"population": small_count_mask(pop, w.params.suppress_below)}
    w.counts, w.raw_rates = {}, {}
    for name in w.used:
        vals, unit = w.parsed[name], w.units[name]
        w.raw_rates[name] = to_rates(vals, unit, w.pop_pos)
        if unit == UNIT_COUNT:
            w.counts[name] = vals
            w.suppressed[name] = small_count_mask(vals, w.params.suppress_below)
            negative = int(np.sum(np.isfinite(vals) & (vals < 0)))
            if negative:
                w.warnings.append("negative_counts:{}:{}".format(name, negative))


def _statistics(w: SimpleNamespace) -> None:
    """Rates, z-values and city figures for every smoothing choice of the settings (and of the start)."""
    params, valid, reference = w.params, w.valid, w.reference
    w.stats = {}
    w.start_ref = reference
    for smoothing in sorted({st.smoothing for st in w.all_settings}, reverse=True):
        w.stats[smoothing] = _stats(w.parsed, w.units, w.used, w.pop_pos, reference, valid, smoothing)
        if w.has_start:
            start_ok = np.isfinite(w.parsed["diversity_start"]) & np.isfinite(w.start_pos)
            w.start_ref = reference & start_ok
            w.stats[smoothing] = (
                *w.stats[smoothing],
                _stats(w.parsed, w.units, ("diversity_start",), w.start_pos, w.start_ref, valid & start_ok, smoothing),
            )
    w.rates, w.z, w.city, skipped = w.stats[params.smoothing][:4]
    for name in skipped:
        w.warnings.append("smoothing_skipped:{}".format(name))
    for name in w.used:
        if valid.any() and not w.city[name]["sd"] > 0:
            w.warnings.append("no_variation:{}".format(name))


def _classes(w: SimpleNamespace):
    """The class of every area for every setting (row 0: the chosen parameters), and the 'high' masks of
    the chosen parameters."""
    valid, reference, n_areas = w.valid, w.reference, w.n_areas
    classes = np.empty((len(w.all_settings), n_areas), dtype=np.int8)
    highs: dict[str, np.ndarray] = {}
    for smoothing, st_stats in w.stats.items():
        idx = [k for k, st in enumerate(w.all_settings) if st.smoothing == smoothing]
        sub = [w.all_settings[k] for k in idx]
        r_s, z_s = st_stats[0], st_stats[1]
        hi = {name: _high_stack(z_s[name], r_s[name], valid, reference, sub) for name in w.classifying}
        hi_d_start = np.zeros((len(sub), n_areas), dtype=bool)
        if w.has_start:
            r0, z0 = st_stats[4][0]["diversity_start"], st_stats[4][1]["diversity_start"]
            hi_d_start = _high_stack(z0, r0, valid & np.isfinite(r0), w.start_ref, sub)
        classes[idx] = _class_stack(hi, hi_d_start, w)
        if smoothing == w.params.smoothing:
            for name in w.classifying:
                highs[name] = hi[name][0]
            highs["diversity_start"] = hi_d_start[0]
    return classes, highs


def _cuts_and_start(w: SimpleNamespace, high: dict) -> None:
    """The city's cut per indicator (in rate units), and the start-of-period diversity figures."""
    params = w.params
    for name in w.classifying:
        info = w.city[name]
        _h, cut = high_mask(w.z[name], w.rates[name], w.reference, params)
        if params.mode == "zscore" and np.isfinite(info["mean"]) and np.isfinite(info["sd"]):
            cut = info["mean"] + params.threshold * info["sd"]
        info["cut"] = cut
    if w.has_start:
        start_stats = w.stats[params.smoothing][4]
        w.city["diversity_start"] = start_stats[2]["diversity_start"]
        w.rates["diversity_start"] = start_stats[0]["diversity_start"]
        w.z["diversity_start"] = start_stats[1]["diversity_start"]


def _reasons(w: SimpleNamespace, aq_class, high: dict) -> None:
    """The reason codes of every classified area (why this class), growth and duplicate flags."""
    false = np.zeros(w.n_areas, dtype=bool)
    hi_a = high.get("arrivals", false)
    hi_t = high.get("turnover", false)
    hi_d = high.get("diversity", false)
    flagged, reasons = w.flagged, w.reasons
    for i in np.flatnonzero(w.valid):
        reasons[i] = _reason_codes(aq_class[i], hi_a[i], hi_t[i], hi_d[i], flagged[i], w)
    for i in np.flatnonzero(flagged):
        reasons[i].append("strong_growth:{:.0f}".format(100.0 * w.growth[i]) if np.isfinite(w.growth[i]) else "strong_growth_new")
    for i in np.flatnonzero(w.duplicate):
        reasons[i].append("duplicate_id")


def _reason_codes(cls: str, hi_a: bool, hi_t: bool, hi_d: bool, flagged: bool, w: SimpleNamespace) -> list[str]:
    """Why a classified area has its class (``w``: which indicators there are)."""
    codes: list[str] = []
    if cls == "established":
        codes += [c for c, h in (("high_arrivals", hi_a), ("high_turnover", hi_t)) if h]
        codes.append("high_diversity_at_start" if flagged else "high_diversity")
    elif cls == "emerging":
        if w.has_a:
            codes.append("high_arrivals")
            if hi_t:
                codes.append("high_turnover")
        else:
            codes += ["high_turnover", "turnover_stands_in"]
        if not w.has_d:
            codes.append("no_diversity_indicator")
        elif flagged and hi_d:
            codes.append("diversity_at_start_below_threshold" if w.has_start else "diversity_at_end_not_used")
        else:
            codes.append("diversity_below_threshold")
    elif hi_t and w.has_a:
        codes.append("high_turnover_only")
    elif hi_d:
        codes.append("high_diversity_only")
    else:
        codes.append("no_high_indicator")
    return codes


def _robustness(result: ClassifyResult, settings: list[Setting], classes: np.ndarray, default: np.ndarray) -> None:
    """Stability of every area over the grid, robust/borderline, and the sensitivity table
    (``classes``: int8 codes per setting and area; ``default``: the codes of the run itself)."""
    valid = result.valid
    arrival = (classes == _ESTABLISHED) | (classes == _EMERGING)
    same = classes == default[None, :]
    n = len(result)
    result.stability = np.full(n, np.nan)
    result.stability_class = np.full(n, np.nan)
    result.stability[valid] = arrival[:, valid].mean(axis=0)
    result.stability_class[valid] = same[:, valid].mean(axis=0)
    result.robust = np.full(n, "", dtype=object)
    result.robust[valid] = np.where(result.stability_class[valid] >= ROBUST_SHARE, "robust", "borderline")
    result.grid = list(settings)
    result.grid_codes = classes
    counted = result.counted
    pop = np.where(np.isfinite(result.population) & (result.population > 0), result.population, 0.0)[counted]
    table = []
    for k, st in enumerate(settings):
        row = {"setting": st.key, "mode": st.mode, "threshold": st.threshold, "quantile": st.quantile, "smoothing": st.smoothing}
        codes = classes[k][counted]
        areas = np.bincount(codes, minlength=len(CLASSES))
        people = np.bincount(codes, weights=pop, minlength=len(CLASSES))
        for c, cls in enumerate(CLASSES):
            row[cls] = {"areas": int(areas[c]), "population": float(people[c])}
        table.append(row)
    result.sensitivity = table


def summary(result: ClassifyResult) -> dict[str, dict[str, float]]:
    """Per class: number of areas, inhabitants and share of the city's inhabitants (over areas with a
    known positive population) - for the log and the report. An id that occurs more than once is
    counted once (its first occurrence)."""
    pop = np.where(np.isfinite(result.population) & (result.population > 0), result.population, 0.0)
    counted = result.counted if len(result.counted) == len(result) else np.ones(len(result), dtype=bool)
    pop = np.where(counted, pop, 0.0)
    total = pop.sum()
    out: dict[str, dict[str, float]] = {}
    for cls in CLASSES:
        m = (result.aq_class == cls) & counted
        p = float(pop[m].sum())
        out[cls] = {"areas": int(m.sum()), "population": p, "share": p / total if total > 0 else np.nan}
    return out


# -- what the output publishes ------------------------------------------------------------------------
@dataclass
class Published:
    """The classification's per-area output values, with statistical confidentiality applied."""

    rates: dict  # indicator → rate per 1000 (NaN where its count is blanked)
    z: dict  # indicator → z-score (NaN where its count is blanked)
    blank: dict  # "population" and each count indicator → bool mask of the input values to blank
    flags: list  # per area: "new_build", "duplicate_id" joined with ";" ("" when none)
    growth_pct: np.ndarray  # population growth in percent (NaN when unknown)


def published(result: ClassifyResult, units: dict) -> Published:
    """The output values of ``result``: an input count under the threshold (``result.suppressed``) is
    blanked, and so are the rate and z-score derived from it. ``units``: indicator → unit code as
    chosen (only count indicators are blanked)."""
    n = len(result)
    blank = {"population": result.suppressed["population"]}
    rates = {k: v.copy() for k, v in result.rates.items()}
    zs = {k: v.copy() for k, v in result.z.items()}
    for name, unit in units.items():
        if unit == UNIT_COUNT:
            mask = result.suppressed[name]
            blank[name] = mask
            rates[name][mask] = np.nan
            zs[name][mask] = np.nan
    flags = [
        ";".join(code for code, on in (("new_build", result.growth_flag[i]), ("duplicate_id", result.duplicate[i])) if on)
        for i in range(n)
    ]
    growth = np.where(np.isfinite(result.growth), 100.0 * result.growth, np.nan)
    return Published(rates, zs, blank, flags, growth)


def robust_counts(result: ClassifyResult) -> dict[str, tuple[int, int]]:
    """Per valid class: areas that are robust and borderline across the sensitivity grid (empty
    without a grid)."""
    if result.robust is None:
        return {}
    out = {}
    for key in vocabulary.VALID_CLASS_KEYS:
        m = result.aq_class == key
        out[key] = (int(np.sum(m & (result.robust == "robust"))), int(np.sum(m & (result.robust == "borderline"))))
    return out


def setting_of(row: dict) -> Setting:
    """The grid setting of a sensitivity-table row (one of ``SENSITIVITY_GRID``, else rebuilt from the row)."""
    for st in SENSITIVITY_GRID:
        if st.key == row["setting"]:
            return st
    return Setting(row["setting"], row["mode"], row["threshold"], row["quantile"], row["smoothing"])
