"""Turning attribute values from municipal statistics into numbers, honestly.

German statistical offices mark values they cannot or may not publish with placeholders:
``.`` (unknown or secret), ``-`` (nothing / exactly zero in some tables, but not reliably),
``x`` (cannot be stated), ``…``, ``/`` (too uncertain), an empty cell or NULL. None of them may
ever become a silent number. ``parse_numbers`` returns NaN for each and says which placeholder
it met, so callers can flag the area (``insufficient``) with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

PLACEHOLDERS = frozenset({".", "-", "x", "X", "…", "...", "/", "–", "—", "*", "(.)", "k.A.", "k. A.", "NA", "n/a", "nan", "NaN"})


def is_null(value) -> bool:
    """None, or an object that says it is null (QGIS/Qt NULL values have ``isNull()``)."""
    if value is None:
        return True
    check = getattr(value, "isNull", None)
    if callable(check):
        try:
            return bool(check())
        except TypeError:
            return False
    return False


def _parse_one(value) -> tuple[float, str | None]:
    if value is None:
        return np.nan, "null"
    if isinstance(value, bool):
        return np.nan, "boolean"
    if isinstance(value, (int, float, np.integer, np.floating)):
        f = float(value)
        return (f, None) if np.isfinite(f) else (np.nan, "nan")
    if is_null(value):  # QVariant NULL and other objects with a null check
        return np.nan, "null"
    text = str(value).strip()
    if text == "" or text.upper() == "NULL":
        return np.nan, "empty"
    if text in PLACEHOLDERS:
        return np.nan, text
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    # German number format: 1.234,5 ; English: 1,234.5 ; plain: 1234.5 / 1234,5
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        f = float(cleaned)
    except ValueError:
        return np.nan, text[:20]
    return (f, None) if np.isfinite(f) else (np.nan, "nan")


def parse_numbers(values: Iterable) -> tuple[np.ndarray, list[str | None]]:
    """Parse a column into float64 with NaN for anything that is not a number.

    Returns ``(numbers, problems)``; ``problems[i]`` is None for a clean value, else the
    placeholder or the reason (``null``, ``empty``, ``.``, ``-`` …)."""
    numbers: list[float] = []
    problems: list[str | None] = []
    for value in values:
        f, problem = _parse_one(value)
        numbers.append(f)
        problems.append(problem)
    return np.asarray(numbers, dtype=float), problems
