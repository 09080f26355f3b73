"""Pure checks of input data (numpy only): CRS plausibility against the coordinates, counts of people
that may not be negative, lists of numbers typed by people.

Returns codes, never translated text; ``processing/validation.py`` turns them into messages.
"""

from __future__ import annotations

import math
import re

import numpy as np

from .values import COUNT, read_column

# A layer whose whole extent fits in this many units cannot be a city in metres: it is degrees.
DEGREE_SIZED = 2.0


def looks_like_degrees(extent) -> bool:
    """True when (xmin, ymin, xmax, ymax) lies within longitude -180…180 and latitude -90…90."""
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return False
    return -180.0 <= xmin <= xmax <= 180.0 and -90.0 <= ymin <= ymax <= 90.0


def crs_problem(kind: str, extent) -> str | None:
    """What is wrong with a layer's CRS given its coordinates, or None.

    ``kind``: ``"none"`` (no/invalid CRS), ``"geographic"`` or ``"projected"``; ``extent``: (xmin, ymin,
    xmax, ymax) of its features (NaN when it has none). Codes:

    - ``no_crs_degrees``: no CRS, the coordinates look like longitude/latitude;
    - ``no_crs_metric``: no CRS, the coordinates are not degrees (metres of some projection);
    - ``metres_in_degree_crs``: a geographic CRS, but coordinates outside ±180 / ±90;
    - ``degrees_in_metric_crs``: a projected CRS, but all coordinates within a degree-sized box
      inside ±180 / ±90 (a city in metres is wider than a few units)."""
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return None  # no coordinates to judge by
    degrees = looks_like_degrees(extent)
    if kind == "none":
        return "no_crs_degrees" if degrees else "no_crs_metric"
    if kind == "geographic":
        return None if degrees else "metres_in_degree_crs"
    width, height = xmax - xmin, ymax - ymin
    if width == 0 and height == 0:
        return None  # one place only (a single point): nothing to judge the units by
    if degrees and width < DEGREE_SIZED and height < DEGREE_SIZED:
        return "degrees_in_metric_crs"
    return None


def negative_counts(values) -> tuple[np.ndarray, np.ndarray]:
    """Indices and values of the entries of a column of people counts that are negative (after reading
    them with the one column-aware reader as counts: ``"-500"`` and ``"-1.234,0"`` count too)."""
    numbers, _problems, _reading = read_column(values, role=COUNT)  # never raises; a refused column is all NaN
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero(np.isfinite(numbers) & (numbers < 0))
    return bad, numbers[bad]


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_number_list(text: str) -> list[float]:
    """A list of numbers as people type it: ``"5,10,15"``, ``"5 10 15"``, ``"5; 7,5; 10"`` (with ``;``
    as separator a comma is the decimal comma), ``"5;7.5;10"``. Returns the numbers in the order given;
    ValueError naming the piece that is not a number."""
    text = (text or "").strip()
    if not text:
        raise ValueError("")
    if ";" in text:
        pieces = [p.strip().replace(",", ".") for p in text.split(";")]
    else:
        pieces = [p.strip() for p in re.split(r"[,\s]+", text)]
    pieces = [p for p in pieces if p]
    out = []
    for p in pieces:
        if not _NUMBER.match(p.replace(" ", "")):
            raise ValueError(p)
        v = float(p.replace(",", "."))
        if not math.isfinite(v):
            raise ValueError(p)
        out.append(v)
    if not out:
        raise ValueError(text)
    return out


def multipart_counts(part_counts) -> np.ndarray:
    """Indices of the features with more than one part (``part_counts``: parts per feature)."""
    c = np.asarray(part_counts, dtype=float)
    return np.flatnonzero(c > 1)
