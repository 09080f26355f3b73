"""Spatial core: queen contiguity, local Getis-Ord Gi* against PySAL/esda, Benjamini-Hochberg."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Polygon, box

from ankunft_plugin.core.spatial import (
    arrival_clusters,
    benjamini_hochberg,
    local_gi_star,
    neighbour_counts,
    queen_weights,
    rank_values,
)

# 5 x 5 lattice of unit squares, row by row from the top left (the order of libpysal.weights.lat2W)
LATTICE = [box(c, -r, c + 1, -r + 1) for r in range(5) for c in range(5)]
Y = np.array([9, 8, 7, 3, 2, 8, 9, 6, 2, 3, 7, 6, 5, 4, 2, 3, 2, 4, 1, 1, 2, 3, 1, 0, 1], dtype=float)

# Reference numbers produced once with esda 2.9.0 / libpysal 4.14.1 in a throwaway venv:
#   w = libpysal.weights.lat2W(5, 5, rook=False); w.transform = "B"
#   g = esda.G_Local(Y, w, transform="B", star=True, permutations=0)
#   g.Zs, g.p_norm (one-sided normal p), esda.fdr(2 * g.p_norm, 0.05) == 0.016
ESDA_ZS = np.array([
    3.568723642007, 3.920310040553, 1.896053565224, -0.128202910104, -1.147651215271,
    3.920310040553, 4.406680076478, 2.155310827596, -0.246149704544, -1.309019187379,
    1.896053565224, 2.155310827596, 0.504306711749, -1.146697404097, -1.815083306211,
    -0.128202910104, -0.396240987803, -1.446879970615, -2.497518953426, -2.489835464654,
    -1.147651215271, -1.47770722699, -2.152459385433, -2.658523504265, -2.523260548644,
])  # fmt: skip
ESDA_P_NORM = np.array([
    1.793622845232e-04, 4.421756058693e-05, 2.897648093168e-02, 4.489941985731e-01, 1.255562890048e-01,
    4.421756058693e-05, 5.248352329460e-06, 1.556875953401e-02, 4.027831738923e-01, 9.526392567249e-02,
    2.897648093168e-02, 1.556875953401e-02, 3.070229308614e-01, 1.257533518623e-01, 3.475555411282e-02,
    4.489941985731e-01, 3.459636283409e-01, 7.396527189301e-02, 6.253288961459e-03, 6.390112257298e-03,
    1.255562890048e-01, 6.974307958413e-02, 1.568059540302e-02, 3.924193796754e-03, 5.813610826764e-03,
])  # fmt: skip
ESDA_FDR_THRESHOLD = 0.016


def test_queen_lattice_matches_lat2w_queen():
    W = queen_weights(LATTICE)
    assert W.shape == (25, 25)
    assert (W != W.T).nnz == 0
    assert W.diagonal().sum() == 0
    counts = neighbour_counts(W)
    # corners 3, edges 5, inner 8 (queen)
    assert counts[0] == 3 and counts[2] == 5 and counts[12] == 8
    assert counts.sum() == 2 * (2 * 5 * 4 + 2 * 4 * 4)  # rook pairs 40 + diagonal pairs 32
    assert W[0, 6] == 1  # diagonal neighbour shares only a corner


def test_queen_none_multipolygon_and_holes():
    ring = Polygon([(0, 0), (3, 0), (3, 3), (0, 3)], [[(1, 1), (2, 1), (2, 2), (1, 2)]])
    hole = box(1, 1, 2, 2)
    far = MultiPolygon([box(10, 10, 11, 11), box(3, 3, 4, 4)])  # second part touches ring's corner
    W = queen_weights([ring, hole, None, far])
    assert W[0, 1] == 1 and W[1, 0] == 1
    assert W[0, 3] == 1
    assert W[1, 3] == 0
    assert neighbour_counts(W)[2] == 0


def test_queen_tolerance_links_t_junctions_and_slivers():
    left = box(0, 0, 1, 2)
    right_top = box(1, 1, 2, 2)  # shares the vertex (1, 1)? left has no vertex at (1, 1): a T-junction
    right_gap = box(1.0000001, 0, 2, 1)  # separated by a sliver of 1e-7
    W0 = queen_weights([left, right_top, right_gap])
    assert W0[0, 1] == 1  # common vertex (1, 2)
    assert W0[0, 2] == 0
    W1 = queen_weights([left, right_top, right_gap], tolerance=1e-6)
    assert W1[0, 2] == 1 and W1[2, 0] == 1
    assert W1[1, 2] == 1


def test_gi_star_matches_esda():
    W = queen_weights(LATTICE)
    z, p, cluster = local_gi_star(Y, W, fdr_alpha=0.05)
    np.testing.assert_allclose(z, ESDA_ZS, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(p, 2 * ESDA_P_NORM, rtol=1e-8)  # ours is two-sided
    significant = 2 * ESDA_P_NORM <= ESDA_FDR_THRESHOLD
    expected = np.where(significant & (ESDA_ZS > 0), "hot", np.where(significant & (ESDA_ZS < 0), "cold", "none"))
    assert cluster.tolist() == expected.tolist()
    assert cluster.tolist().count("hot") == 4 and cluster.tolist().count("cold") == 4


def test_gi_star_without_fdr_uses_plain_alpha():
    W = queen_weights(LATTICE)
    _, p, cluster = local_gi_star(Y, W, fdr_alpha=None, alpha=0.05)
    assert (cluster != "none").sum() == (p < 0.05).sum() > 8


def test_gi_star_nan_values_left_out():
    W = queen_weights(LATTICE)
    y = Y.copy()
    y[12] = np.nan
    z, p, cluster = local_gi_star(y, W)
    assert np.isnan(z[12]) and np.isnan(p[12]) and cluster[12] == "none"
    # equals the statistic on the 24 remaining areas
    keep = np.arange(25) != 12
    z24, _, _ = local_gi_star(Y[keep], W[keep][:, keep])
    np.testing.assert_allclose(z[keep], z24)


def test_gi_star_constant_or_tiny_input():
    W = queen_weights(LATTICE)
    z, _, cluster = local_gi_star(np.ones(25), W)
    assert np.isnan(z).all() and set(cluster) == {"none"}
    z, _, _ = local_gi_star([1.0, 2.0], queen_weights(LATTICE[:2]))
    assert np.isnan(z).all()
    with pytest.raises(ValueError):
        local_gi_star(Y[:5], W)


def test_benjamini_hochberg_textbook_example():
    # Benjamini & Hochberg (1995), section 4.1: 15 p-values, q = 0.05 -> the 4 smallest are rejected
    p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528,
         0.7590, 1.000]  # fmt: skip
    order = np.random.default_rng(1).permutation(15)
    shuffled = np.asarray(p)[order]
    reject, q = benjamini_hochberg(shuffled, 0.05)
    assert reject.sum() == 4
    assert set(shuffled[reject]) == {0.0001, 0.0004, 0.0019, 0.0095}
    q_sorted = q[np.argsort(order)]
    assert q_sorted[3] == pytest.approx(0.0095 * 15 / 4)
    assert q_sorted[-1] == pytest.approx(1.0)
    assert np.all(np.diff(q_sorted) >= -1e-15)
    r, q = benjamini_hochberg([np.nan, 0.01], 0.05)
    assert r.tolist() == [False, True] and np.isnan(q[0])


def test_rank_values():
    r = rank_values([3.0, np.nan, 1.0, 2.0, 2.0])
    np.testing.assert_allclose(r, [1.0, np.nan, 0.25, 0.625, 0.625])


def test_robust_clusters_ignore_a_single_outlier():
    # a flat field with one extreme area in the middle: on raw values its neighbours become "hot",
    # on ranks nothing is a hot spot
    grid = [box(c, -r, c + 1, -r + 1) for r in range(15) for c in range(15)]
    y = np.random.default_rng(7).normal(0.0, 1.0, 225)  # noise, no contiguous zone
    centre = 7 * 15 + 7
    y[centre] = 15.0  # one extreme area, like a large shelter in a quiet neighbourhood
    _, _, raw = local_gi_star(y, queen_weights(grid))
    assert (raw == "hot").sum() >= 5  # the outlier drags its neighbours into a "hot spot"
    _, _, robust, n_nb = arrival_clusters(y, grid)
    assert (robust == "hot").sum() == 0
    assert n_nb[centre] == 8
    # a contiguous high zone (top-left block) is found on ranks too
    _, _, zone, _ = arrival_clusters(Y, LATTICE)
    assert {0, 1, 5, 6} <= set(np.flatnonzero(zone == "hot"))


def test_gi_star_matches_esda_live_when_installed():
    """Runs only where esda/libpysal are importable (not in the project venv; see the fixed numbers above)."""
    esda = pytest.importorskip("esda")
    libpysal = pytest.importorskip("libpysal")
    grid = [box(c, -r, c + 1, -r + 1) for r in range(12) for c in range(9)]
    y = np.random.default_rng(3).gamma(2.0, 1.0, len(grid))
    w = libpysal.weights.lat2W(12, 9, rook=False)
    w.transform = "B"
    g = esda.G_Local(y, w, transform="B", star=True, permutations=0)
    z, p, _ = local_gi_star(y, queen_weights(grid))
    np.testing.assert_allclose(z, g.Zs, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(p, 2 * g.p_norm, rtol=1e-8, atol=1e-15)


def test_repaired_keeps_valid_and_none_and_repairs_the_rest():
    from ankunft_plugin.core.spatial import repaired

    good = box(0, 0, 1, 1)
    bow = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])  # a self-crossing ring
    out = repaired([good, None, bow])
    assert out[0] is good and out[1] is None
    assert out[2].is_valid and out[2].equals(bow.buffer(0))
