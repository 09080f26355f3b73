"""Street grids for the network and catchment unit tests."""

from __future__ import annotations

import numpy as np


def lattice_lines(n, spacing=100.0, jitter=0.0, seed=0, bend=0.0):
    """An ``n`` × ``n`` street lattice (``spacing`` metres, corners jittered by up to ``jitter``), as lines.
    ``bend`` > 0: every east-west street gets a middle vertex ``bend`` metres off, so edges are polylines."""
    rng = np.random.default_rng(seed)
    xy = np.stack(np.meshgrid(np.arange(n) * spacing, np.arange(n) * spacing), axis=-1).astype(float)
    xy += rng.uniform(-jitter, jitter, xy.shape)
    lines = []
    for i in range(n):
        for j in range(n - 1):
            a, b = xy[i, j], xy[i, j + 1]
            lines.append(np.array([a, (a + b) / 2 + [0, bend], b]) if bend else np.array([a, b]))
            lines.append(np.array([xy[j, i], xy[j + 1, i]]))
    return lines
