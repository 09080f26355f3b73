"""Statistical confidentiality: small counts must not be published.

German statistical offices suppress case numbers below a threshold (commonly 3) in small-area
tables. Every output count passes through ``suppress_counts`` before it is written; rates and
shares derived from a suppressed count are blanked too (``suppress_derived``), so a published map
can never reveal a value below the threshold.

``blank_row`` is the one rule the output writer (``processing/outputs.py``) applies to every row
of every output: fields that carry counts of people (declared by the algorithm, and copies of the
input's population fields) are blanked where ``0 < n < threshold``, and every field declared as
derived from them (a rate, a share: anything that, combined with a published count, would give
the blanked number back) is blanked in the same row.
"""

from __future__ import annotations

import math

import numpy as np

from .values import COUNT, RATE, is_null, read_column

DEFAULT_THRESHOLD = 3


def small_count_mask(counts, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """True where a count is positive and below the threshold (0 is publishable: nobody)."""
    c = np.asarray(counts, dtype=float)
    if threshold is None or threshold <= 0:
        return np.zeros(c.shape, dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.isfinite(c) & (c > 0) & (c < threshold)


def suppress_counts(counts, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """Counts as float with NaN (written as NULL) where ``0 < count < threshold``."""
    c = np.array(counts, dtype=float, copy=True)
    c[small_count_mask(c, threshold)] = np.nan
    return c


def suppress_derived(values, counts, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """Blank values (rates, shares) wherever the count they derive from is suppressed."""
    v = np.array(values, dtype=float, copy=True)
    v[small_count_mask(counts, threshold)] = np.nan
    return v


def is_small_count(value, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when one attribute value (number, numeric text such as ``"2"`` or ``"2,0"``) is a
    count that may not be published: ``0 < value < threshold``. Text that is no number is not."""
    if threshold is None or threshold <= 0:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        number = float(read_column([value], role=COUNT)[0][0])  # a count: '1.387' is 1387
    return math.isfinite(number) and 0.0 < number < threshold


def _is_number(value) -> bool:
    """A value that carries a number (a placeholder such as "." or "n/a" reveals nothing)."""
    if is_null(value) or isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return math.isfinite(float(value))
    return bool(np.isfinite(read_column([value], role=RATE)[0][0]))


def blank_row(values: list, counts, derived: dict | None = None, threshold: float = DEFAULT_THRESHOLD) -> tuple[list, set]:
    """Apply the confidentiality rule to one output row.

    ``counts``: indices of the fields that carry counts of people; ``derived``: index → indices of
    the count fields it is computed from; a derived value is blanked when one of its counts is blanked
    here or was already blank (suppressed upstream: the rate must not give it back). Returns ``(values, blanked)``: the row with None where a
    count is below the threshold and wherever a derived value depends on a blanked count, and the
    set of blanked indices (counts and derived)."""
    out = list(values)
    blanked: set = set()
    empty: set = set()  # counts already blank (suppressed upstream or missing): nothing may reveal them either
    for i in counts:
        if not 0 <= i < len(out):
            continue
        if is_small_count(out[i], threshold):
            out[i] = None
            blanked.add(i)
        elif is_null(out[i]):
            empty.add(i)
    hidden = blanked | empty
    if derived and hidden and threshold is not None and threshold > 0:
        for i, sources in derived.items():
            if 0 <= i < len(out) and any(s in hidden for s in sources) and _is_number(out[i]):
                out[i] = None
                blanked.add(i)
    return out, blanked
