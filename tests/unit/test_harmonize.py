"""core/harmonize.py: hand-computed splits, dasymetric weights, slivers, unknown values, mass."""

import numpy as np
import pytest
from shapely.geometry import Polygon, box

from ankunft_plugin.core import harmonize as hz

# two sources (100 and 50 people) side by side; the reform moves the boundary to x = 15
SOURCES = [box(0, 0, 10, 10), box(10, 0, 20, 10)]
TARGETS = [box(0, 0, 15, 10), box(15, 0, 20, 10)]


def test_area_weighted_hand_computed():
    res = hz.harmonize(SOURCES, TARGETS, [[100, 10], [50, 4]])
    # S0 lies wholly in T0; S1 is halved: 25 to T0, 25 to T1
    assert res.counts[:, 0].tolist() == pytest.approx([125.0, 25.0])
    assert res.counts[:, 1].tolist() == pytest.approx([12.0, 2.0])
    assert res.split_share.tolist() == pytest.approx([25.0 / 125.0, 1.0])
    assert res.n_sources.tolist() == [2, 1]
    assert res.method.tolist() == ["area", "area"]
    assert res.weights.split.tolist() == [False, True]
    assert res.counts.sum(axis=0).tolist() == pytest.approx([150.0, 14.0], abs=1e-12)


def test_points_dasymetric_hand_computed():
    # S1's buildings: 30 m² left of the new boundary, 10 m² right of it → 3/4 to T0, 1/4 to T1
    pts = np.array([[12.0, 5.0], [17.0, 5.0], [5.0, 5.0]])
    res = hz.harmonize(SOURCES, TARGETS, [100, 50], points_xy=pts, points_weight=[30, 10, 99])
    assert res.counts[:, 0].tolist() == pytest.approx([137.5, 12.5])
    assert res.method.tolist() == ["points", "points"]
    assert res.split_share.tolist() == pytest.approx([37.5 / 137.5, 1.0])


def test_points_missing_in_a_source_falls_back_to_area():
    res = hz.harmonize(SOURCES, TARGETS, [100, 50], points_xy=[[5.0, 5.0]], points_weight=[1.0])
    assert res.method.tolist() == ["points", "area"]
    assert res.counts[:, 0].tolist() == pytest.approx([125.0, 25.0])


def test_landuse_dasymetric_hand_computed():
    # residential land only right of x = 16: S1's people all live in T1
    res = hz.harmonize(SOURCES, TARGETS, [100, 50], landuse_geoms=[box(16, 0, 20, 10), box(2, 2, 4, 4)])
    assert res.counts[:, 0].tolist() == pytest.approx([100.0, 50.0])
    assert res.method.tolist() == ["landuse", "landuse"]
    # S1 counts as split only where its people really go to two targets: here they do not
    assert res.split_share.tolist() == pytest.approx([0.0, 0.0])


def test_slivers_are_dropped_and_mass_kept():
    # the new vintage is digitised 0.03 off: a 0.3 % sliver of S1 falls into T0
    targets = [box(0, 0, 10.03, 10), box(10.03, 0, 20, 10)]
    res = hz.harmonize(SOURCES, targets, [100, 50])
    assert res.counts[:, 0].tolist() == pytest.approx([100.0, 50.0])
    assert res.weights.slivers == 1
    assert res.split_share.tolist() == pytest.approx([0.0, 0.0])
    strict = hz.harmonize(SOURCES, targets, [100, 50], sliver=0.0)
    assert strict.counts[:, 0].tolist() == pytest.approx([100.15, 49.85])


def test_unknown_values_and_unallocated_sources():
    sources = [*SOURCES, box(100, 100, 110, 110), None]
    res = hz.harmonize(sources, TARGETS, [[100, np.nan], [50, 4], [7, 7], [5, 5]])
    assert res.counts[:, 0].tolist() == pytest.approx([125.0, 25.0])
    # the unknown value of S0 makes T0's second column unknown; T1 only received from S1
    assert np.isnan(res.counts[0, 1]) and res.counts[1, 1] == pytest.approx(2.0)
    assert res.missing[:, 1].tolist() == [True, False]
    assert res.unallocated.tolist() == pytest.approx([12.0, 12.0])  # outside every target, or no geometry
    assert res.method.tolist() == ["area", "area", "unallocated", "none"]


def test_invalid_and_multipart_geometry():
    bow = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])  # self-intersecting bow tie
    res = hz.harmonize([bow], [box(0, 0, 5, 10), box(5, 0, 10, 10)], [80])
    assert res.counts[:, 0].tolist() == pytest.approx([40.0, 40.0])


def test_mass_preserved_random_partitions():
    rng = np.random.default_rng(3)
    xs = np.sort(np.r_[0, rng.uniform(0, 1000, 30), 1000])
    ys = np.sort(np.r_[0, rng.uniform(0, 1000, 30), 1000])
    src = [box(xs[i], ys[j], xs[i + 1], ys[j + 1]) for i in range(len(xs) - 1) for j in range(len(ys) - 1)]
    tgt = [box(x, y, x + 77, y + 91) for x in np.arange(-20, 1000, 77) for y in np.arange(-30, 1000, 91)]
    counts = rng.integers(0, 500, size=(len(src), 3)).astype(float)
    res = hz.harmonize(src, tgt, counts)
    assert np.allclose(res.counts.sum(axis=0), counts.sum(axis=0), rtol=1e-12)
    assert res.unallocated.tolist() == [0.0, 0.0, 0.0]
    assert np.all((res.split_share[np.isfinite(res.split_share)] >= 0) & (res.split_share[np.isfinite(res.split_share)] <= 1 + 1e-12))
    # rows of the transfer matrix sum to one
    assert np.allclose(np.asarray(res.weights.matrix.sum(axis=1)).ravel(), 1.0)
    # the same with a brute-force overlay
    area = np.array([[s.intersection(t).area for t in tgt] for s in src])
    keep = area / area.sum(axis=1, keepdims=True) >= hz.DEFAULT_SLIVER
    w = np.where(keep, area, 0.0)
    w /= w.sum(axis=1, keepdims=True)
    assert np.allclose(res.counts, w.T @ counts)


def test_rates_and_names():
    assert hz.looks_like_rate("ausl_pct") and hz.looks_like_rate("inhabitants_foreigners_percentage")
    assert hz.looks_like_rate("Anteil_Ausl") and hz.looks_like_rate("sgb2_quote")
    assert not hz.looks_like_rate("einw") and not hz.looks_like_rate("inhabitants_foreigners")
    c = hz.rates_to_counts([20.0, 50.0], [100, 40])
    assert c.tolist() == [20.0, 20.0]
    assert hz.counts_to_rates(c, [100, 0]).tolist()[0] == 20.0 and np.isnan(hz.counts_to_rates(c, [100, 0])[1])


def test_counts_shape_is_checked():
    with pytest.raises(ValueError):
        hz.harmonize(SOURCES, TARGETS, [1, 2, 3])


# -- inputs as counts, published outputs, report (moved out of ankunft:harmonizeareas) ------------------
def test_rates_go_as_counts_and_come_back_as_blanked_rates():
    counts = hz.with_rate_counts([[100.0], [50.0]], [np.array([20.0, 4.0])], 0)
    assert counts.tolist() == [[100.0, 20.0], [50.0, 2.0]]
    assert hz.with_rate_counts(np.array([1.0, 2.0]), [], 0).shape == (2, 1)
    res = hz.harmonize(SOURCES, TARGETS, counts)
    out_counts, out_rates = hz.published(res.counts, 1, 0, threshold=3)
    assert out_counts[0].tolist() == pytest.approx([125.0, 25.0])
    # T0: 20 + 1 of 125 people; T1: 1 of 25 (a count below 3: blanked)
    assert out_rates[0][0] == pytest.approx(100 * 21 / 125) and np.isnan(out_rates[0][1])
    small = hz.published(np.array([[2.0], [7.0]]), 1, None, threshold=3)
    assert np.isnan(small[0][0][0]) and small[0][0][1] == 7.0 and small[1] == []


def test_target_methods_and_report():
    pts = np.array([[5.0, 5.0]])
    res = hz.harmonize([*SOURCES, box(50, 50, 60, 60)], TARGETS, [100.0, 50.0, 9.0], points_xy=pts, points_weight=[1.0])
    assert hz.target_methods(res.weights) == ["mixed", "area"]
    rep = hz.report(res, [100.0, 50.0, 9.0])
    assert (rep.n_split, rep.n_sources, rep.slivers) == (1, 3, 0)  # the unallocated source counts as handled
    assert rep.by_method["points"] == 1 and rep.by_method["area"] == 1
    assert rep.by_method["unallocated"] + rep.by_method["none"] == 1
    assert (rep.total_source, rep.total_target, rep.unallocated) == (159.0, pytest.approx(150.0), 9.0)
    assert rep.n_mostly_split == 1 and rep.median_split_share == pytest.approx((0.2 + 1.0) / 2)
    # nothing received: no median
    empty = hz.harmonize([box(50, 50, 60, 60)], TARGETS, [9.0])
    assert hz.target_methods(empty.weights) == ["none", "none"]
    assert np.isnan(hz.report(empty, [9.0]).median_split_share)
