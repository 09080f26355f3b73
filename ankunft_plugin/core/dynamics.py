"""Dynamics of arrival quarters over the years: class sequences, trends, change, transitions.

Municipal statisticians deliver the same small-area indicators every year. Classifying each year
with ``core.classify.classify`` gives one class per area and year; this module turns the yearly
results into what planners need to see change:

- ``align_ids`` matches areas across years by their id (leading zeros of numeric ids do not
  matter), and reports areas present in only some years, duplicate and empty ids, and year pairs
  that share too few ids (a boundary change: the years cannot be compared area by area).
- ``scatter`` puts each year's values into an (areas × years) matrix (absent = ``""``/NaN).
- ``ols_trend`` is the ordinary-least-squares slope of the arrival score per year.
- ``change_category`` compares the first and the last year with a valid class:

  =====================  ====================================================================
  ``newly_emerging``     ``none`` in the first valid year, ``emerging`` in the last
  ``newly_established``  not ``established`` in the first (``none`` or ``emerging``),
                         ``established`` in the last
  ``persistent``         an arrival quarter (``established``/``emerging``) in both (and not
                         newly established)
  ``fading``             an arrival quarter in the first, ``none`` in the last
  ``stable_none``        ``none`` in both
  ``insufficient``       fewer than two years with a valid class
  =====================  ====================================================================

- ``transition_counts``/``row_shares`` give the Markov transition table (class in year t →
  class in year t+1), per pair of consecutive years and pooled, as geosnap's ``transition``.

Everything returns codes; the QGIS shell translates them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .values import is_null
from .vocabulary import ARRIVAL_CLASS_KEYS, CHANGE_KEYS, CLASS_KEYS, VALID_CLASS_KEYS

CLASSES = CLASS_KEYS  # the vocabulary (core/vocabulary.py) names them
ARRIVAL_CLASSES = ARRIVAL_CLASS_KEYS
VALID_CLASSES = VALID_CLASS_KEYS
CHANGES = CHANGE_KEYS
ABSENT = ""  # class code of an area in a year where its id does not occur


# --------------------------------------------------------------------------------------------
# ids across years
# --------------------------------------------------------------------------------------------
def id_key(value) -> str | None:
    """Canonical text of an id: stripped; integral numbers without ``.0``; numeric ids without
    leading zeros (``"01011101"`` and ``1011101`` match). None for NULL/empty."""
    if is_null(value):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value):
            return None
        if float(value).is_integer():
            value = int(value)
    text = str(value).strip()
    if text == "" or text.upper() == "NULL":
        return None
    if text.isdigit():
        text = text.lstrip("0") or "0"
    return text


def id_text(value) -> str:
    """Display text of an id (integral floats without ``.0``; leading zeros kept)."""
    if isinstance(value, (float, np.floating)) and np.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass
class Alignment:
    """Areas matched by id across T years."""

    keys: list[str]  # canonical id per area (union over the years, order of first appearance)
    labels: list[str]  # display id per area (as written in the latest year it occurs in)
    rows: list[np.ndarray]  # per year: area index of each input row (-1 for empty/duplicate ids)
    present: np.ndarray  # (areas, T) bool
    duplicates: list[list[str]] = field(default_factory=list)  # per year: ids occurring more than once
    empty: list[int] = field(default_factory=list)  # per year: rows without an id
    leading_zeros: bool = False  # some ids matched only because leading zeros were ignored

    @property
    def n_areas(self) -> int:
        return len(self.keys)

    @property
    def n_years(self) -> int:
        return len(self.rows)

    def partial(self) -> np.ndarray:
        """Indices of areas present in some but not all years."""
        count = self.present.sum(axis=1)
        return np.flatnonzero((count > 0) & (count < self.n_years))

    def missing_years(self, years: Sequence) -> list[list]:
        """Per area: the years in which its id does not occur."""
        return [[years[t] for t in range(self.n_years) if not self.present[i, t]] for i in range(self.n_areas)]


def align_ids(ids_per_year: Sequence[Sequence]) -> Alignment:
    """Match areas across years by id. The first row of a duplicated id in a year is used, the
    others get -1 (and the id is listed in ``duplicates``); rows without id get -1 too."""
    keys: list[str] = []
    labels: list[str] = []
    where: dict[str, int] = {}
    rows: list[np.ndarray] = []
    duplicates: list[list[str]] = []
    empty: list[int] = []
    raw_texts: dict[str, set] = {}
    n_years = len(ids_per_year)
    for ids in ids_per_year:
        seen: set = set()
        dup: list[str] = []
        n_empty = 0
        out = np.full(len(ids), -1, dtype=np.int64)
        for r, value in enumerate(ids):
            key = id_key(value)
            if key is None:
                n_empty += 1
                continue
            if key in seen:
                if key not in dup:
                    dup.append(id_text(value))
                continue
            seen.add(key)
            idx = where.get(key)
            if idx is None:
                idx = len(keys)
                where[key] = idx
                keys.append(key)
                labels.append(id_text(value))
            else:
                labels[idx] = id_text(value)  # the latest year's spelling
            raw_texts.setdefault(key, set()).add(id_text(value))
            out[r] = idx
        rows.append(out)
        duplicates.append(dup)
        empty.append(n_empty)
    present = np.zeros((len(keys), n_years), dtype=bool)
    for t, out in enumerate(rows):
        present[out[out >= 0], t] = True
    leading = any(len(v) > 1 for v in raw_texts.values())
    return Alignment(keys, labels, rows, present, duplicates, empty, leading)


def shared_share(present: np.ndarray) -> np.ndarray:
    """For each pair of consecutive years: the share of ids of the smaller year that also occur in
    the other year (1.0 = same areas; low = boundary change). NaN if a year is empty."""
    present = np.asarray(present, dtype=bool)
    out = np.full(max(present.shape[1] - 1, 0), np.nan)
    for t in range(present.shape[1] - 1):
        a, b = present[:, t], present[:, t + 1]
        smaller = min(a.sum(), b.sum())
        if smaller > 0:
            out[t] = (a & b).sum() / smaller
    return out


def boundary_changes(present: np.ndarray, min_share: float = 0.5) -> list[int]:
    """Indices t of consecutive year pairs (t, t+1) that share less than ``min_share`` of the ids
    (see ``shared_share``): different area systems (e.g. a boundary reform)."""
    share = shared_share(present)
    return [t for t, s in enumerate(share) if not (s >= min_share)]


def shared_with(present: np.ndarray, target: int) -> np.ndarray:
    """For each year: the share of ids of the smaller of (that year, the ``target`` year) that occur
    in both (1.0 for the target itself; NaN if a year is empty)."""
    present = np.asarray(present, dtype=bool)
    out = np.full(present.shape[1], np.nan)
    b = present[:, target]
    for t in range(present.shape[1]):
        a = present[:, t]
        smaller = min(a.sum(), b.sum())
        if smaller > 0:
            out[t] = (a & b).sum() / smaller
    return out


def reform_years(present: np.ndarray, target: int, min_share: float = 0.5) -> list[int]:
    """Years whose areas are not the ``target`` year's (fewer than ``min_share`` common ids): their
    figures must be moved onto the target geometry before the years can be compared."""
    share = shared_with(present, target)
    return [t for t, s in enumerate(share) if t != target and not (s >= min_share)]


_PER = {0: None, 1: 100.0, 2: 1000.0}  # unit code (core.classify UNIT_*) -> per


@dataclass
class HarmonisedYear:
    """One year's figures moved onto the target areas."""

    population: np.ndarray  # (targets,)
    indicators: dict  # name -> (values in the original unit, unit)
    result: object  # core.harmonize.Harmonized (split share, sources, methods)
    total_before: float  # population of the year's own areas
    total_after: float  # population on the target areas


def harmonise_year(source_geoms, target_geoms, population, indicators, weights=None, **kwargs) -> HarmonisedYear:
    """Move a year's population and indicators onto the target areas (``core.harmonize``).

    ``indicators``: name -> (values, unit) with unit 0 (count), 1 (percent) or 2 (per 1000 of the
    population). Percentages and rates are moved as the counts behind them and turned back into
    the same unit on the moved population, so every year is classified on the same terms.
    Placeholders must already be NaN (``values.parse_numbers``)."""
    from .harmonize import counts_to_rates, harmonize, rates_to_counts

    pop = np.asarray(population, dtype=float)
    cols, names = [pop], []
    for name, (values, unit) in indicators.items():
        v = np.asarray(values, dtype=float)
        per = _PER[int(unit)]
        cols.append(v if per is None else rates_to_counts(v, pop, per))
        names.append(name)
    res = harmonize(source_geoms, target_geoms, np.column_stack(cols), reference=0, weights=weights, **kwargs)
    moved_pop = res.counts[:, 0]
    out = {}
    for k, name in enumerate(names, start=1):
        unit = int(indicators[name][1])
        per = _PER[unit]
        out[name] = (res.counts[:, k] if per is None else counts_to_rates(res.counts[:, k], moved_pop, per), unit)
    return HarmonisedYear(moved_pop, out, res, float(np.nansum(pop)), float(np.nansum(moved_pop)))


def scatter(values_per_year: Sequence[Sequence], alignment: Alignment, fill=np.nan, dtype=float) -> np.ndarray:
    """(areas × years) matrix of each year's row values placed at their area; ``fill`` where absent."""
    out = np.full((alignment.n_areas, alignment.n_years), fill, dtype=dtype)
    for t, (values, rows) in enumerate(zip(values_per_year, alignment.rows)):
        values = np.asarray(values, dtype=dtype)
        if len(values) != len(rows):
            raise ValueError("year {}: {} values for {} rows".format(t, len(values), len(rows)))
        ok = rows >= 0
        out[rows[ok], t] = values[ok]
    return out


# --------------------------------------------------------------------------------------------
# trend and change
# --------------------------------------------------------------------------------------------
def ols_trend(years: Sequence[float], scores, min_points: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """OLS slope of each row of ``scores`` (areas × years) on ``years`` (score units per year),
    over the finite values only. Returns ``(slope, n_points)``; slope NaN with fewer than
    ``min_points`` finite values or when they all fall in one year."""
    x_all = np.asarray(years, dtype=float)
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    if s.shape[1] != len(x_all):
        raise ValueError("{} years but scores have {} columns".format(len(x_all), s.shape[1]))
    ok = np.isfinite(s)
    n = ok.sum(axis=1)
    x = np.where(ok, x_all[None, :], 0.0)
    y = np.where(ok, s, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mx = x.sum(axis=1) / n
        my = y.sum(axis=1) / n
        dx = np.where(ok, x_all[None, :] - mx[:, None], 0.0)
        dy = np.where(ok, s - my[:, None], 0.0)
        sxx = (dx * dx).sum(axis=1)
        slope = (dx * dy).sum(axis=1) / sxx
    slope[(n < max(min_points, 2)) | ~(sxx > 0)] = np.nan
    return slope, n


def first_last_valid(classes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row of an (areas × years) class matrix: the first and the last valid class
    (``established``/``emerging``/``none``; ``""`` if none) and the number of valid years."""
    c = np.asarray(classes, dtype=object)
    if c.ndim == 1:
        c = c[:, None]
    valid = np.isin(c, VALID_CLASSES)
    n_valid = valid.sum(axis=1)
    first = np.full(c.shape[0], ABSENT, dtype=object)
    last = np.full(c.shape[0], ABSENT, dtype=object)
    has = n_valid > 0
    rows = np.flatnonzero(has)
    first[rows] = c[rows, np.argmax(valid[rows], axis=1)]
    last[rows] = c[rows, c.shape[1] - 1 - np.argmax(valid[rows, ::-1], axis=1)]
    return first, last, n_valid


def change_category(classes) -> np.ndarray:
    """Change code per area (see module doc) from an (areas × years) class matrix."""
    first, last, n_valid = first_last_valid(classes)
    out = np.full(len(first), "insufficient", dtype=object)
    enough = n_valid >= 2
    aq_first = np.isin(first, ARRIVAL_CLASSES)
    aq_last = np.isin(last, ARRIVAL_CLASSES)
    out[enough & (first == "none") & (last == "none")] = "stable_none"
    out[enough & aq_first & (last == "none")] = "fading"
    out[enough & aq_first & aq_last] = "persistent"
    out[enough & (first == "none") & (last == "emerging")] = "newly_emerging"
    out[enough & (first != "established") & (last == "established")] = "newly_established"
    return out


def arrival_years(classes) -> np.ndarray:
    """Number of years in which each area was an arrival quarter (established or emerging)."""
    c = np.asarray(classes, dtype=object)
    return np.isin(c, ARRIVAL_CLASSES).sum(axis=1)


# --------------------------------------------------------------------------------------------
# Markov transitions
# --------------------------------------------------------------------------------------------
def transition_counts(classes, states: Sequence[str] = CLASSES) -> np.ndarray:
    """Counts of class in year t (row) → class in year t+1 (column) for every pair of consecutive
    years: array (years-1, k, k). Areas absent in either year, or with a class outside ``states``,
    are not counted."""
    c = np.asarray(classes, dtype=object)
    k = len(states)
    pos = {s: i for i, s in enumerate(states)}
    n_years = c.shape[1] if c.ndim == 2 else 0
    out = np.zeros((max(n_years - 1, 0), k, k), dtype=np.int64)
    for t in range(n_years - 1):
        for a, b in zip(c[:, t], c[:, t + 1]):
            i, j = pos.get(a), pos.get(b)
            if i is not None and j is not None:
                out[t, i, j] += 1
    return out


def row_shares(counts) -> np.ndarray:
    """Row-normalised transition counts (the Markov transition probabilities); NaN for empty rows."""
    c = np.asarray(counts, dtype=float)
    total = c.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, c / np.where(total > 0, total, 1.0), np.nan)


def changed_class(classes) -> np.ndarray:
    """True where an area's valid class is not the same in all its valid years."""
    c = np.asarray(classes, dtype=object)
    out = np.zeros(c.shape[0], dtype=bool)
    for i in range(c.shape[0]):
        vals = {v for v in c[i] if v in VALID_CLASSES}
        out[i] = len(vals) > 1
    return out


# --------------------------------------------------------------------------------------------
# the run around the method: years, the whole dynamics, per-area values, transition table, reform report
# --------------------------------------------------------------------------------------------
def parse_years(text: str) -> list[int]:
    """``"2015, 2016;2017 2018"`` → [2015, 2016, 2017, 2018]; ValueError (with the part) for anything else."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    years = []
    for p in parts:
        p = p.strip()
        if not p.lstrip("-").isdigit():
            raise ValueError(p)
        years.append(int(p))
    return years


def year_order(years: Sequence[int]) -> list[int]:
    """The indices of ``years`` in ascending order of the year (the layers are sorted by it)."""
    return sorted(range(len(years)), key=lambda t: years[t])


@dataclass
class Dynamics:
    """Trend, change and transitions of every area over the years (``classes``/``scores``: areas × years)."""

    trend: np.ndarray  # OLS slope of the score per year (NaN: too few years)
    trend_n: np.ndarray  # years the trend rests on
    change: np.ndarray  # change category (CHANGES)
    aq_years: np.ndarray  # years as an arrival quarter
    changed: np.ndarray  # bool: the class changed at least once
    transitions: np.ndarray  # (periods, classes, classes) counts

    @property
    def pooled(self) -> np.ndarray:
        """Transitions summed over all periods."""
        return self.transitions.sum(axis=0)


def dynamics(years: Sequence[float], classes, scores, states: Sequence[str] = CLASSES) -> Dynamics:
    """Everything ``ankunft:arrivaldynamics`` computes from the classified years (the trend needs at
    least three years, or all of them when fewer are given)."""
    trend, trend_n = ols_trend(years, scores, min_points=min(3, len(years)))
    return Dynamics(trend, trend_n, change_category(classes), arrival_years(classes), changed_class(classes),
                    transition_counts(classes, states))


def to_areas(values, rows: np.ndarray, n_areas: int, fill=np.nan, dtype=float) -> np.ndarray:
    """One year's row values placed at their area (``Alignment.rows[t]``); ``fill`` elsewhere."""
    out = np.full(n_areas, fill, dtype=dtype)
    rows = np.asarray(rows)
    ok = rows >= 0
    out[rows[ok]] = np.asarray(values, dtype=dtype)[ok]
    return out


def latest_rows(alignment: Alignment) -> tuple[np.ndarray, np.ndarray]:
    """Per area: the latest year it occurs in and its row there (-1, -1 when it never occurs)."""
    year = np.full(alignment.n_areas, -1, dtype=np.int64)
    row = np.full(alignment.n_areas, -1, dtype=np.int64)
    for t, rows in enumerate(alignment.rows):  # the latest year an area occurs in wins
        ok = np.flatnonzero(rows >= 0)
        year[rows[ok]] = t
        row[rows[ok]] = ok
    return year, row


def transition_table(years: Sequence[int], transitions, states: Sequence[str] = CLASSES) -> list[tuple]:
    """Rows (period, year_from, year_to, from_class, to_class, count, row share) of the transition counts:
    first all periods pooled (period ``all``, no years), then each pair of consecutive years."""
    transitions = np.asarray(transitions)
    periods = [("all", None, None, transitions.sum(axis=0))]
    periods += [("{}-{}".format(years[t], years[t + 1]), years[t], years[t + 1], transitions[t]) for t in range(len(years) - 1)]
    rows = []
    for period, y0, y1, counts in periods:
        shares = row_shares(counts)
        for a, ca in enumerate(states):
            for b, cb in enumerate(states):
                rows.append((period, y0, y1, ca, cb, int(counts[a, b]), shares[a, b]))
    return rows


@dataclass
class ReformFigures:
    lost_share: float  # share of the year's population outside every target area (not moved)
    change_pct: float  # population after vs before, percent (0 without population)
    n_split: int  # source areas split between several targets
    median_split: float  # share of the population from split areas: median over the targets (0: none)
    max_split: float  # … and maximum


def reform_figures(hy: HarmonisedYear) -> ReformFigures:
    """What a harmonised year reports (``harmonise_year``)."""
    res = hy.result
    lost = float(res.unallocated[0]) if len(res.unallocated) else 0.0
    ss = res.split_share[np.isfinite(res.split_share)]
    return ReformFigures(
        lost_share=lost / hy.total_before if hy.total_before > 0 else 0.0,
        change_pct=100.0 * (hy.total_after - hy.total_before) / hy.total_before if hy.total_before else 0.0,
        n_split=int(res.weights.split.sum()),
        median_split=float(np.median(ss)) if len(ss) else 0.0,
        max_split=float(np.max(ss)) if len(ss) else 0.0,
    )


# --------------------------------------------------------------------------------------------
# a wide table (one column per indicator and year) split into years
# --------------------------------------------------------------------------------------------
YEAR_FIELD = re.compile(r"^(?P<base>.*?[^_\-. ])[_\-. ]?(?P<year>(?:18|19|20|21)\d{2})$")


def split_year_fields(names) -> tuple[list[str], dict[int, dict[str, str]], list[str]]:
    """Field names → (fields without a year, {year: {base: field}}, clashes).

    A clash is a base and year given by two fields (e.g. ``einw_2019`` and ``einw2019``); the
    first one is used."""
    constant: list[str] = []
    by_year: dict[int, dict[str, str]] = {}
    clashes: list[str] = []
    for name in names:
        m = YEAR_FIELD.match(name)
        if not m:
            constant.append(name)
            continue
        year, base = int(m.group("year")), m.group("base")
        slot = by_year.setdefault(year, {})
        if base in slot:
            clashes.append(name)
            continue
        slot[base] = name
    return constant, by_year, clashes


@dataclass
class YearPlan:
    years: list  # the years to write, ascending
    bases: list  # the indicator fields (names without the year), in order of first appearance
    missing: list  # wanted years without any field
    both: list  # bases that exist with and without a year (a clash)
    absent: dict  # year → bases without a field that year (empty in that year's layer)


def plan_years(constant, by_year: dict, wanted=None) -> YearPlan:
    """The years of a wide table to write (all found, or the ``wanted`` ones when given) and its indicator fields."""
    years = sorted(by_year)
    missing = []
    if wanted is not None:
        missing = [y for y in wanted if y not in by_year]
        if not missing:
            years = sorted(set(wanted))
    bases: list[str] = []
    for y in years:
        for base in by_year[y]:
            if base not in bases:
                bases.append(base)
    both = [b for b in bases if b in constant]
    absent = {y: [b for b in bases if b not in by_year[y]] for y in years}
    return YearPlan(years, bases, missing, both, {y: a for y, a in absent.items() if a})
