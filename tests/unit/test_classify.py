"""core/classify.py against hand-computed numbers (no QGIS)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ankunft_plugin.core.classify import (
    CLASSES,
    UNIT_COUNT,
    UNIT_PER_1000,
    UNIT_PERCENT,
    ClassifyParams,
    classify,
    eb_parameters,
    eb_smooth,
    eb_weights,
    summary,
    to_rates,
    weighted_mean_sd,
    weighted_z,
)


# -- rates -----------------------------------------------------------------------------------
def test_to_rates_units():
    pop = [1000, 200, 0, None]
    assert to_rates([10, 5, 1, 1], UNIT_COUNT, np.array([1000, 200, 0, np.nan], dtype=float)).tolist()[:2] == [10.0, 25.0]
    r = to_rates([10, 5, 1, 1], UNIT_COUNT, np.array([1000, 200, 0, np.nan], dtype=float))
    assert math.isnan(r[2]) and math.isnan(r[3])  # no rate without a positive population
    assert to_rates([12.5, 0.0], UNIT_PERCENT, pop[:2]).tolist() == [125.0, 0.0]
    assert to_rates([12.5], UNIT_PER_1000, pop[:1]).tolist() == [12.5]
    with pytest.raises(ValueError):
        to_rates([1], 7, [1])


# -- Empirical Bayes ---------------------------------------------------------------------------
def _textbook_eb(y, n):
    """Marshall (1991) global EB, written out with plain Python (Bailey & Gatrell 1995, p. 305)."""
    b = sum(y) / sum(n)
    r = [yi / ni for yi, ni in zip(y, n)]
    s2 = sum(ni * (ri - b) ** 2 for ni, ri in zip(n, r)) / sum(n)
    a = max(0.0, s2 - b / (sum(n) / len(n)))
    return [(a / (a + b / ni)) * ri + (1 - a / (a + b / ni)) * b for ni, ri in zip(n, r)], b, a


def test_eb_smoothing_matches_textbook_formula():
    y = [2, 50, 5, 120, 3]
    n = [100, 1000, 500, 2000, 400]
    expected, b, a = _textbook_eb(y, n)
    # the numbers, worked by hand: b = 180/4000 = 0.045
    assert b == pytest.approx(0.045)
    # s2 = (100*.025^2 + 1000*.005^2 + 500*.035^2 + 2000*.015^2 + 400*.0375^2)/4000
    s2 = (100 * 0.025**2 + 1000 * 0.005**2 + 500 * 0.035**2 + 2000 * 0.015**2 + 400 * 0.0375**2) / 4000
    # = (0.0625 + 0.025 + 0.6125 + 0.45 + 0.5625) / 4000 = 1.7125 / 4000
    assert s2 == pytest.approx(0.000428125)
    assert a == pytest.approx(0.000428125 - 0.045 / 800)  # mean(n) = 800 -> a = 0.000371875
    assert a == pytest.approx(0.000371875)
    got_b, got_a = eb_parameters(y, n)
    assert got_b == pytest.approx(b) and got_a == pytest.approx(a)
    smoothed = eb_smooth(y, n)  # per 1000
    assert smoothed == pytest.approx(np.array(expected) * 1000)
    # the small area (100 inhabitants, raw 20 per 1000) moves most toward the city rate 45
    w = eb_weights(n, b, a)
    assert w[0] == pytest.approx(a / (a + b / 100))
    assert w[0] < w[2] < w[1] < w[3]
    assert smoothed[0] == pytest.approx(w[0] * 20 + (1 - w[0]) * 45)
    assert abs(smoothed[0] - 45) < abs(20 - 45)
    # by hand: w0 = 0.000371875 / (0.000371875 + 0.045/100) = 0.45247; 0.45247*20 + 0.54753*45 = 33.688
    assert w[0] == pytest.approx(0.452471, abs=1e-6)
    assert smoothed[0] == pytest.approx(33.688, abs=1e-3)


def test_eb_smoothing_matches_pysal_when_variance_positive():
    # esda.smoothing.Empirical_Bayes, reimplemented verbatim (no clipping there)
    rng = np.random.default_rng(3)
    n = rng.integers(200, 5000, 60).astype(float)
    y = rng.poisson(n * rng.uniform(0.01, 0.08, 60)).astype(float)
    r_mean = y.sum() / n.sum()
    rate = y / n
    r_var = (n * (rate - r_mean) ** 2).sum() / n.sum() - r_mean / n.mean()
    assert r_var > 0
    weight = r_var / (r_var + r_mean / n)
    pysal = weight * rate + (1.0 - weight) * r_mean
    assert eb_smooth(y, n) == pytest.approx(pysal * 1000)


def test_eb_no_excess_variation_gives_city_rate_and_mask():
    # equal raw rates: s2 = 0 -> a = 0 -> everybody gets the city rate
    assert eb_smooth([10, 20, 40], [1000, 2000, 4000]) == pytest.approx([10.0, 10.0, 10.0])
    # the prior comes from the mask only; areas outside it are still smoothed with that prior
    y, n = [5, 10, 100], [500, 1000, 1000]
    b, a = eb_parameters(y, n, mask=[True, True, False])
    assert b == pytest.approx(0.01) and a == 0.0
    assert eb_smooth(y, n, mask=[True, True, False]) == pytest.approx([10.0, 10.0, 10.0])
    out = eb_smooth([1, None, 3], [100, 100, 0])
    assert not np.isnan(out[0]) and np.isnan(out[1]) and np.isnan(out[2])


def test_eb_nonpositive_city_rate_is_not_smoothed():
    out = eb_smooth([-10, 5], [1000, 1000])
    assert out == pytest.approx([-10.0, 5.0])


# -- weighted z ---------------------------------------------------------------------------------
def test_weighted_z_hand_computed():
    mean, sd = weighted_mean_sd([1, 2, 3], [1, 1, 2])
    assert mean == pytest.approx(2.25)  # (1 + 2 + 6) / 4
    assert sd == pytest.approx(math.sqrt(0.6875))  # (1.5625 + 0.0625 + 2 * 0.5625) / 4
    z, m, s = weighted_z([1, 2, 3, 100], [1, 1, 2, 5], mask=[True, True, True, False])
    assert m == pytest.approx(2.25) and s == pytest.approx(math.sqrt(0.6875))
    assert z[:3] == pytest.approx([-1.25 / s, -0.25 / s, 0.75 / s])
    assert np.isnan(z[3])  # outside the reference
    z, _m, s = weighted_z([4, 4], [1, 3])
    assert s == 0 and z.tolist() == [0.0, 0.0]


# -- classes -------------------------------------------------------------------------------------
def _base_areas():
    """Ten areas of 1000 inhabitants; percent units (no smoothing involved)."""
    pop = [1000] * 10
    arrivals = [1, 1, 1, 1, 1, 1, 1, 1, 5, 5]  # percent
    turnover = [20, 20, 20, 20, 20, 20, 20, 60, 20, 60]
    diversity = [20, 20, 20, 20, 20, 20, 20, 20, 20, 60]
    return pop, arrivals, turnover, diversity


def test_classes_hand_computed():
    pop, arr, turn, div = _base_areas()
    res = classify(pop, {"arrivals": (arr, UNIT_PERCENT), "turnover": (turn, UNIT_PERCENT), "diversity": (div, UNIT_PERCENT)})
    # arrivals 10 per 1000 (8x) and 50 (2x): mean 18, SD sqrt((8*64 + 2*1024)/10) = 16 -> z = -0.5 / 2.0
    assert res.city["arrivals"]["mean"] == pytest.approx(18.0)
    assert res.city["arrivals"]["sd"] == pytest.approx(16.0)
    assert res.z["arrivals"][0] == pytest.approx(-0.5) and res.z["arrivals"][8] == pytest.approx(2.0)
    assert res.city["arrivals"]["cut"] == pytest.approx(34.0)
    assert list(res.aq_class) == ["none"] * 7 + ["none", "emerging", "established"]
    assert res.reasons[7] == ["high_turnover_only"]  # students: high turnover alone is no arrival quarter
    assert res.reasons[8] == ["high_arrivals", "diversity_below_threshold"]
    assert res.reasons[9] == ["high_arrivals", "high_turnover", "high_diversity"]
    assert res.reasons[0] == ["no_high_indicator"]
    # score = mean of the three z-values
    for i in range(10):
        assert res.score[i] == pytest.approx(np.mean([res.z[k][i] for k in ("arrivals", "turnover", "diversity")]))
    assert res.rates["turnover"][7] == pytest.approx(600.0)


def test_established_by_turnover_with_diversity_and_diversity_only():
    pop = [1000] * 10
    arr = [1] * 10
    turn = [20] * 8 + [60, 20]
    div = [20] * 8 + [60, 60]
    res = classify(pop, {"arrivals": (arr, UNIT_PERCENT), "turnover": (turn, UNIT_PERCENT), "diversity": (div, UNIT_PERCENT)})
    assert res.aq_class[8] == "established"
    assert res.reasons[8] == ["high_turnover", "high_diversity"]
    assert res.aq_class[9] == "none" and res.reasons[9] == ["high_diversity_only"]
    assert "no_variation:arrivals" in res.warnings


def test_turnover_stands_in_without_arrivals():
    pop, _arr, turn, div = _base_areas()
    res = classify(pop, {"turnover": (turn, UNIT_PERCENT), "diversity": (div, UNIT_PERCENT)})
    assert res.aq_class[7] == "emerging"
    assert res.reasons[7] == ["high_turnover", "turnover_stands_in", "diversity_below_threshold"]
    assert res.aq_class[9] == "established"
    assert "arrivals" not in res.rates


def test_without_diversity_high_arrivals_are_emerging():
    pop, arr, turn, _div = _base_areas()
    res = classify(pop, {"arrivals": (arr, UNIT_PERCENT), "turnover": (turn, UNIT_PERCENT)})
    assert "established" not in set(res.aq_class)
    assert res.aq_class[8] == "emerging" and res.aq_class[9] == "emerging"
    assert res.reasons[8] == ["high_arrivals", "no_diversity_indicator"]
    assert res.aq_class[7] == "none"


def test_at_least_two_indicators():
    pop, arr, _turn, _div = _base_areas()
    with pytest.raises(ValueError):
        classify(pop, {"arrivals": (arr, UNIT_PERCENT)})
    with pytest.raises(ValueError):
        classify(pop, {"arrivals": (arr, UNIT_PERCENT), "social": (arr, UNIT_PERCENT)})
    with pytest.raises(ValueError):
        classify(pop, {"arrivals": (arr, UNIT_PERCENT), "foo": (arr, UNIT_PERCENT)})
    with pytest.raises(ValueError):
        classify(pop, {"arrivals": (arr, UNIT_PERCENT), "diversity": (arr[:3], UNIT_PERCENT)})
    with pytest.raises(ValueError):
        classify(pop, {"arrivals": (arr, UNIT_PERCENT), "diversity": (arr, 9)})


def test_social_is_context_only():
    pop, arr, turn, div = _base_areas()
    base = {"arrivals": (arr, UNIT_PERCENT), "turnover": (turn, UNIT_PERCENT), "diversity": (div, UNIT_PERCENT)}
    with_social = dict(base, social=([90, 1, 1, 1, 1, 1, 1, 1, 90, ". "], UNIT_PERCENT))
    a, b = classify(pop, base), classify(pop, with_social)
    assert list(a.aq_class) == list(b.aq_class)
    assert a.score == pytest.approx(b.score, nan_ok=True)
    assert "social" in b.z and "social" not in b.high
    assert np.isnan(b.rates["social"][9])  # a missing context value does not make the area insufficient
    assert b.aq_class[9] == "established"


def test_placeholders_zero_and_small_population():
    pop = ["1000", "1.5", "2000", ".", 0, -5, 250, None, "1000", "1000", "1000", "1000"]
    arr = [10, 10, 20, 10, 0, 3, 2, 5, "x", "", 10, 100]
    div = [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, "-", 20]
    res = classify(pop, {"arrivals": (arr, UNIT_COUNT), "diversity": (div, UNIT_PERCENT)})
    assert res.population[1] == 1.5  # a decimal dot: the column shows it, so '.' is a decimal separator
    assert res.readings["population"].code == "decimal_dot" and res.readings["population"].n_missing == 2
    expect = {
        1: ["population_below_min"],
        3: ["population_missing:."],
        4: ["population_zero"],
        5: ["population_negative"],
        6: ["population_below_min"],
        7: ["population_missing:null"],
        8: ["missing:arrivals:x"],
        9: ["missing:arrivals:empty"],
        10: ["missing:diversity:-"],
    }
    for i, codes in expect.items():
        assert res.aq_class[i] == "insufficient", i
        assert res.reasons[i] == codes, i
        assert np.isnan(res.score[i]) and np.isnan(res.z["arrivals"][i])
    assert list(res.valid) == [True, False, True, False, False, False, False, False, False, False, False, True]
    # the reference (city mean) uses only the valid areas; the smoothing prior too
    b, _a = eb_parameters([10, 20, 100], [1000, 2000, 1000])
    assert res.city["arrivals"]["eb_city_rate"] == pytest.approx(b * 1000)
    mean, _sd = weighted_mean_sd(res.rates["arrivals"][[0, 2, 11]], [1000, 2000, 1000])
    assert res.city["arrivals"]["mean"] == pytest.approx(mean)
    # the area under the minimum still gets a (smoothed) rate, but no z-value
    assert np.isfinite(res.rates["arrivals"][6]) and np.isnan(res.z["arrivals"][6])


def test_no_valid_areas():
    res = classify([".", 10], {"arrivals": ([1, 1], UNIT_COUNT), "diversity": ([1, 1], UNIT_PERCENT)})
    assert list(res.aq_class) == ["insufficient", "insufficient"]
    assert "no_valid_areas" in res.warnings
    assert np.isnan(res.score).all()


def test_smoothing_switch_and_suppression_masks():
    pop = [400, 5000, 5000, 5000, 5000]
    arr = [2, 50, 60, 40, 300]
    div = [10, 10, 12, 11, 30]
    ind = {"arrivals": (arr, UNIT_COUNT), "diversity": (div, UNIT_PERCENT)}
    raw = classify(pop, ind, ClassifyParams(smoothing=False))
    eb = classify(pop, ind)
    assert raw.rates["arrivals"][0] == pytest.approx(5.0)
    assert eb.raw_rates["arrivals"][0] == pytest.approx(5.0)
    assert eb.rates["arrivals"] == pytest.approx(eb_smooth(arr, pop, mask=eb.valid), rel=1e-9)
    assert eb.rates["arrivals"][0] > raw.rates["arrivals"][0]  # pulled toward the city rate
    assert eb.suppressed["arrivals"].tolist() == [True, False, False, False, False]
    assert not eb.suppressed["population"].any()
    assert "diversity" not in eb.suppressed  # percent values are published as they are
    off = classify(pop, ind, ClassifyParams(suppress_below=0))
    assert not off.suppressed["arrivals"].any()


def test_negative_counts_are_used_and_reported():
    pop = [1000] * 6
    growth = [-50, 10, 12, 8, 11, 80]
    div = [20, 20, 21, 19, 20, 20]
    res = classify(pop, {"arrivals": (growth, UNIT_COUNT), "diversity": (div, UNIT_PERCENT)})
    assert "negative_counts:arrivals:1" in res.warnings
    assert res.z["arrivals"][0] < -1
    assert res.aq_class[5] == "emerging"


def test_quantile_mode():
    pop = [1000] * 10
    arr = list(range(1, 11))  # percent
    div = [1, 2, 3, 4, 5, 6, 7, 8, 10, 9]
    res = classify(pop, {"arrivals": (arr, UNIT_PERCENT), "diversity": (div, UNIT_PERCENT)}, ClassifyParams(mode="quantile", quantile=0.8))
    # numpy's linear quantile of 10..100 at 0.8 = 82 per 1000: the top two areas are high
    assert res.city["arrivals"]["cut"] == pytest.approx(82.0)
    assert list(res.high["arrivals"]) == [False] * 8 + [True, True]
    assert list(res.aq_class) == ["none"] * 8 + ["established", "established"]
    with pytest.raises(ValueError):
        classify(pop, {"arrivals": (arr, UNIT_PERCENT), "diversity": (div, UNIT_PERCENT)}, ClassifyParams(mode="quantile", quantile=1.5))
    with pytest.raises(ValueError):
        classify(pop, {"arrivals": (arr, UNIT_PERCENT), "diversity": (div, UNIT_PERCENT)}, ClassifyParams(mode="median"))


def test_summary_shares():
    pop, arr, turn, div = _base_areas()
    pop = [*pop[:-1], 3000]
    res = classify(pop, {"arrivals": (arr, UNIT_PERCENT), "turnover": (turn, UNIT_PERCENT), "diversity": (div, UNIT_PERCENT)})
    s = summary(res)
    assert set(s) == set(CLASSES)
    assert sum(v["areas"] for v in s.values()) == 10
    assert sum(v["share"] for v in s.values()) == pytest.approx(1.0)
    assert s[res.aq_class[9]]["population"] >= 3000


def test_german_thousands_in_text_columns_classify_like_numbers():
    """'1.387' in a population column is 1387 people (a count is an integer), and the result is
    the same as with numbers; how each column was read is reported."""
    rng = np.random.default_rng(3)
    pop = rng.integers(1000, 90000, 60)
    arr = (pop * rng.uniform(0.005, 0.05, 60)).round()
    div = rng.uniform(5, 60, 60).round(1)
    plain = classify(list(map(int, pop)), {"arrivals": (list(arr), UNIT_COUNT), "diversity": (list(div), UNIT_PERCENT)})
    german_pop = ["{:,}".format(int(p)).replace(",", ".") for p in pop]
    german_arr = ["{:,}".format(int(a)).replace(",", ".") for a in arr]
    german_div = ["{:.1f} %".format(d).replace(".", ",") for d in div]
    res = classify(german_pop, {"arrivals": (german_arr, UNIT_COUNT), "diversity": (german_div, UNIT_PERCENT)}, names={"population": "EW"})
    assert list(res.aq_class) == list(plain.aq_class)
    assert np.allclose(res.population, pop)
    assert res.readings["population"].name == "EW" and res.readings["population"].code == "thousands_dot"
    assert res.readings["diversity"].code == "decimal_comma" and res.readings["diversity"].n_percent == 60


def test_undecidable_column_is_refused():
    from ankunft_plugin.core.numbers import NumberFormatError

    with pytest.raises(NumberFormatError):
        # per-1000 rates written '1.387' … and '20,4': the column contradicts itself
        classify([1000] * 3, {"arrivals": ([5, 6, 7], UNIT_COUNT), "diversity": (["1.387", "20,4", "20.45"], UNIT_PER_1000)})


# -- robustness, growth flag, duplicate ids ------------------------------------------------------
def _city(n=80, seed=5):
    rng = np.random.default_rng(seed)
    pop = rng.integers(800, 20000, n).astype(float)
    arr = np.round(pop * rng.gamma(2.0, 0.01, n))
    div = rng.uniform(5, 60, n)
    return pop, {"arrivals": (list(arr), UNIT_COUNT), "diversity": (list(div), UNIT_PERCENT)}


def test_grid_matches_separate_runs_and_stability_is_the_share():
    from ankunft_plugin.core.classify import ROBUST_SHARE, SENSITIVITY_GRID

    pop, ind = _city()
    res = classify(list(pop), ind, grid=True)
    assert len(SENSITIVITY_GRID) == 12 and len(res.grid) == 12 and res.grid_classes.shape == (12, len(pop))
    for k, st in enumerate(SENSITIVITY_GRID):
        alone = classify(list(pop), ind, ClassifyParams(mode=st.mode, threshold=st.threshold, quantile=st.quantile, smoothing=st.smoothing))
        assert list(res.grid_classes[k]) == list(alone.aq_class), st.key
        row = res.sensitivity[k]
        for cls in CLASSES:
            assert row[cls]["areas"] == int(np.sum(alone.aq_class == cls))
    arrival = np.isin(res.grid_classes, ["established", "emerging"]).mean(axis=0)
    same = (res.grid_classes == res.aq_class[None, :]).mean(axis=0)
    assert np.allclose(res.stability, arrival) and np.allclose(res.stability_class, same)
    assert set(res.robust) <= {"robust", "borderline"}
    assert all((r == "robust") == (s >= ROBUST_SHARE) for r, s in zip(res.robust, res.stability_class))
    # the default run is unchanged by the grid
    plain = classify(list(pop), ind)
    assert list(plain.aq_class) == list(res.aq_class) and plain.stability is None


def test_strong_growth_is_not_established_on_diversity_at_the_end():
    pop = [1000.0] * 10 + [3000.0]
    start = [1000.0] * 10 + [1000.0]  # area 10 tripled (+200 %)
    arr = [10] * 10 + [300]
    div = [20, 22, 18, 21, 19, 20, 20, 20, 20, 20, 60]
    ind = {"arrivals": (arr, UNIT_COUNT), "diversity": (div, UNIT_PERCENT)}
    assert classify(pop, ind).aq_class[10] == "established"
    res = classify(pop, ind, population_start=start)
    assert res.aq_class[10] == "emerging" and res.growth_flag[10] and res.growth[10] == pytest.approx(2.0)
    assert res.reasons[10] == ["high_arrivals", "diversity_at_end_not_used", "strong_growth:200"]
    assert not res.growth_flag[:10].any()
    # diversity at the start decides: high at the start → established (with the flag), low → emerging
    high_start = [20, 22, 18, 21, 19, 20, 20, 20, 20, 20, 55]
    res = classify(pop, ind, population_start=start, diversity_start=high_start)
    assert res.aq_class[10] == "established" and "high_diversity_at_start" in res.reasons[10]
    low_start = [20, 22, 18, 21, 19, 20, 20, 20, 20, 20, 20]
    res = classify(pop, ind, population_start=start, diversity_start=low_start)
    assert res.aq_class[10] == "emerging" and "diversity_at_start_below_threshold" in res.reasons[10]
    # the limit is a parameter; growth from nobody is flagged as new
    res = classify(pop, ind, ClassifyParams(growth_limit=2.5), population_start=start)
    assert not res.growth_flag[10]
    res = classify(pop, ind, population_start=[*start[:10], 0])
    assert res.growth_flag[10] and "strong_growth_new" in res.reasons[10]


def test_duplicate_ids_are_flagged_and_counted_once():
    pop, ind = _city(40)
    ids = ["{:08d}".format(i) for i in range(40)]
    once = classify(list(pop), ind, ids=ids)
    assert once.duplicate_ids == [] and not once.duplicate.any()
    # area 7 occurs twice
    pop2 = [*list(pop), pop[7]]
    ind2 = {k: ([*list(v), v[7]], u) for k, (v, u) in ind.items()}
    ids2 = [*ids, int(ids[7])]  # the same id, once as text with leading zeros, once as a number
    twice = classify(pop2, ind2, ids=ids2)
    assert twice.duplicate_ids == ["00000007"] and twice.duplicate[7] and twice.duplicate[40]
    assert "duplicate_id" in twice.reasons[7] and "duplicate_id" in twice.reasons[40]
    assert any(w.startswith("duplicate_ids:1") for w in twice.warnings)
    # the city reference is the same as without the copy: same means, same classes
    for name in ("arrivals", "diversity"):
        assert twice.city[name]["mean"] == pytest.approx(once.city[name]["mean"])
        assert twice.city[name]["sd"] == pytest.approx(once.city[name]["sd"])
    assert list(twice.aq_class[:40]) == list(once.aq_class) and twice.aq_class[40] == once.aq_class[7]
    s1, s2 = summary(once), summary(twice)
    for cls in CLASSES:
        assert s1[cls]["areas"] == s2[cls]["areas"] and s1[cls]["population"] == pytest.approx(s2[cls]["population"])
    # without ids nothing is flagged (and the copy counts twice, as before)
    assert not classify(pop2, ind2).duplicate.any()


def test_public_api_passes_the_new_options():
    from ankunft_plugin import api

    pop = [1000.0] * 10 + [3000.0, 3000.0]
    arr = [10] * 10 + [300, 300]
    div = [20, 22, 18, 21, 19, 20, 20, 20, 20, 20, 60, 60]
    res = api.classify(pop, arrivals=arr, diversity=div, diversity_unit=api.PERCENT, ids=[*range(11), 10],
                       population_start=[1000.0] * 12, grid=True)
    assert res.duplicate_ids == ["10"] and res.growth_flag[10] and res.aq_class[10] == "emerging"
    assert res.robust is not None and len(res.sensitivity) == 12


# -- what the output publishes (moved out of ankunft:classifyarrivalquarters) -----------------------------
def test_published_blanks_small_counts_and_what_derives_from_them():
    from ankunft_plugin.core.classify import published

    pop = [400, 5000, 5000, 5000, 5000]
    ind = {"arrivals": ([2, 50, 60, 40, 300], UNIT_COUNT), "diversity": ([10, 10, 12, 11, 30], UNIT_PERCENT)}
    res = classify(pop, ind, population_start=[400, 5000, 5000, 2000, 5000])
    pub = published(res, {"arrivals": UNIT_COUNT, "diversity": UNIT_PERCENT})
    assert set(pub.blank) == {"population", "arrivals"}
    assert pub.blank["arrivals"].tolist() == [True, False, False, False, False]
    assert np.isnan(pub.rates["arrivals"][0]) and np.isnan(pub.z["arrivals"][0])
    assert np.isfinite(res.rates["arrivals"][0])  # the result itself is left as it is
    assert np.array_equal(pub.rates["diversity"], res.rates["diversity"], equal_nan=True)
    assert pub.flags[3] == "new_build" and pub.flags[0] == ""
    assert pub.growth_pct[3] == pytest.approx(150.0)
    # a count indicator chosen in another unit is not blanked
    assert set(published(res, {"arrivals": UNIT_PERCENT}).blank) == {"population"}


def test_robust_counts_and_setting_of():
    from ankunft_plugin.core.classify import SENSITIVITY_GRID, robust_counts, setting_of
    from ankunft_plugin.core.vocabulary import VALID_CLASS_KEYS

    pop, ind = _city()
    res = classify(list(pop), ind, grid=True)
    rc = robust_counts(res)
    assert list(rc) == list(VALID_CLASS_KEYS)
    for key, (robust, borderline) in rc.items():
        assert robust + borderline == int(np.sum(res.aq_class == key))
    assert robust_counts(classify(list(pop), ind)) == {}
    assert setting_of(res.sensitivity[3]) is SENSITIVITY_GRID[3]
    odd = setting_of({"setting": "x", "mode": "zscore", "threshold": 2.5, "quantile": 0.8, "smoothing": False})
    assert (odd.key, odd.threshold, odd.smoothing) == ("x", 2.5, False)
