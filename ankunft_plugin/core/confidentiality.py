"""Statistical confidentiality: small counts must not be published.

German statistical offices suppress case numbers below a threshold (commonly 3) in small-area
tables. Every output count passes through ``suppress_counts`` before it is written; rates and
shares derived from a suppressed count are blanked too (``suppress_derived``), so a published map
can never reveal a value below the threshold.
"""

from __future__ import annotations

import numpy as np

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
