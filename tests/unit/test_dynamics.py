"""Dynamics core: id alignment, OLS trend, change categories and Markov transitions (hand-made cases)."""

from __future__ import annotations

import numpy as np
import pytest

from ankunft_plugin.core import dynamics as dyn
from ankunft_plugin.core.classify import CLASSES as CLASSIFY_CLASSES


def test_classes_match_classification_core():
    assert dyn.CLASSES == CLASSIFY_CLASSES


def test_id_key_matches_leading_zeros_and_numbers():
    assert dyn.id_key("01011101") == dyn.id_key(1011101) == dyn.id_key(1011101.0) == "1011101"
    assert dyn.id_key(" A-7 ") == "A-7"
    assert dyn.id_key(None) is None
    assert dyn.id_key("") is None
    assert dyn.id_key(float("nan")) is None
    assert dyn.id_key("000") == "0"


def test_align_ids_reports_partial_duplicates_and_empty():
    years = [["a", "b", "c"], ["b", "c", "d", "d", None], ["c", "d", "a"]]
    al = dyn.align_ids(years)
    assert al.keys == ["a", "b", "c", "d"]
    assert al.present.tolist() == [
        [True, False, True],
        [True, True, False],
        [True, True, True],
        [False, True, True],
    ]
    assert al.rows[1].tolist() == [1, 2, 3, -1, -1]
    assert al.duplicates == [[], ["d"], []]
    assert al.empty == [0, 1, 0]
    assert al.partial().tolist() == [0, 1, 3]
    assert al.missing_years([2018, 2019, 2020])[0] == [2019]


def test_align_ids_leading_zeros_flagged_and_latest_label_kept():
    al = dyn.align_ids([[1011101, 1011102], ["01011101", "01011102"]])
    assert al.n_areas == 2
    assert al.present.all()
    assert al.leading_zeros
    assert al.labels == ["01011101", "01011102"]


def test_boundary_change_detected():
    old = ["a{}".format(i) for i in range(10)]
    new = ["b{}".format(i) for i in range(12)]
    al = dyn.align_ids([old, old, new])
    assert dyn.boundary_changes(al.present) == [1]
    np.testing.assert_allclose(dyn.shared_share(al.present), [1.0, 0.0])
    same = dyn.align_ids([old, [*old[:9], "x"]])
    assert dyn.boundary_changes(same.present) == []


def test_scatter_places_values_by_id():
    al = dyn.align_ids([["a", "b"], ["b", "c"]])
    m = dyn.scatter([[1.0, 2.0], [20.0, 30.0]], al)
    np.testing.assert_array_equal(m, [[1.0, np.nan], [2.0, 20.0], [np.nan, 30.0]])
    c = dyn.scatter([["none", "emerging"], ["established", "none"]], al, fill="", dtype=object)
    assert c.tolist() == [["none", ""], ["emerging", "established"], ["", "none"]]


def test_ols_trend_hand_made():
    years = [2015, 2016, 2017, 2018]
    scores = np.array(
        [
            [0.0, 1.0, 2.0, 3.0],  # slope 1
            [1.0, 1.0, 1.0, 1.0],  # 0
            [3.0, np.nan, 1.0, np.nan],  # two points 2015, 2017: slope -1
            [np.nan, 2.0, np.nan, np.nan],  # one point: NaN
            [0.0, 2.0, 1.0, 3.0],  # OLS: x̄=2016.5, slope = sum(dx dy)/sum(dx²) = 4/5 = 0.8
        ]
    )
    slope, n = dyn.ols_trend(years, scores)
    np.testing.assert_allclose(slope, [1.0, 0.0, -1.0, np.nan, 0.8])
    assert n.tolist() == [4, 4, 2, 1, 4]
    # against numpy.polyfit for the full row
    assert slope[4] == pytest.approx(np.polyfit(years, scores[4], 1)[0])
    slope3, _ = dyn.ols_trend(years, scores, min_points=3)
    assert np.isnan(slope3[2])
    # uneven spacing of years
    s, _ = dyn.ols_trend([2015, 2016, 2020], [[0.0, 1.0, 5.0]])
    assert s[0] == pytest.approx(np.polyfit([2015, 2016, 2020], [0.0, 1.0, 5.0], 1)[0])


def test_change_categories_hand_made():
    classes = np.array(
        [
            ["none", "none", "emerging"],  # newly_emerging
            ["none", "emerging", "established"],  # newly_established
            ["emerging", "emerging", "established"],  # newly_established (matured)
            ["established", "established", "established"],  # persistent
            ["established", "none", "emerging"],  # persistent (first and last are arrival quarters)
            ["emerging", "emerging", "none"],  # fading
            ["none", "emerging", "none"],  # stable_none (first and last none)
            ["insufficient", "none", "emerging"],  # newly_emerging: first valid year is the 2nd
            ["none", "insufficient", ""],  # insufficient: only one valid year
            ["", "", "established"],  # insufficient
            ["established", "", "emerging"],  # persistent (absent year in the middle)
        ],
        dtype=object,
    )
    got = dyn.change_category(classes).tolist()
    assert got == [
        "newly_emerging",
        "newly_established",
        "newly_established",
        "persistent",
        "persistent",
        "fading",
        "stable_none",
        "newly_emerging",
        "insufficient",
        "insufficient",
        "persistent",
    ]
    first, last, n_valid = dyn.first_last_valid(classes)
    assert first[7] == "none" and last[7] == "emerging" and n_valid[7] == 2
    assert first[9] == "established" and n_valid[9] == 1
    assert dyn.arrival_years(classes).tolist() == [1, 2, 3, 3, 2, 2, 1, 1, 0, 1, 2]
    assert dyn.changed_class(classes).tolist() == [True, True, True, False, True, True, True, True, False, False, True]


def test_transitions_hand_made():
    classes = np.array(
        [
            ["none", "none", "emerging"],
            ["none", "emerging", "established"],
            ["emerging", "established", "established"],
            ["established", "established", "none"],
            ["none", "", "none"],  # absent in the middle year: no transition counted
            ["insufficient", "none", "none"],
        ],
        dtype=object,
    )
    counts = dyn.transition_counts(classes)
    e, m, n, i = (dyn.CLASSES.index(c) for c in ("established", "emerging", "none", "insufficient"))
    assert counts.shape == (2, 4, 4)
    first = np.zeros((4, 4), dtype=int)
    first[n, n] = 1
    first[n, m] = 1
    first[m, e] = 1
    first[e, e] = 1
    first[i, n] = 1
    np.testing.assert_array_equal(counts[0], first)
    second = np.zeros((4, 4), dtype=int)
    second[n, m] = 1
    second[m, e] = 1
    second[e, e] = 1
    second[e, n] = 1
    second[n, n] = 1
    np.testing.assert_array_equal(counts[1], second)
    pooled = counts.sum(axis=0)
    shares = dyn.row_shares(pooled)
    # row "none": n->n 2, n->m 2 (of 4)
    np.testing.assert_allclose(shares[n], [0.0, 0.5, 0.5, 0.0])
    # row "established": e->e 2, e->n 1
    np.testing.assert_allclose(shares[e], [2 / 3, 0.0, 1 / 3, 0.0])
    assert np.isnan(dyn.row_shares(counts[1])[i]).all()  # nobody insufficient in the middle year
    np.testing.assert_allclose(np.nansum(shares, axis=1)[[e, m, n, i]], [1.0, 1.0, 1.0, 1.0])


# -- the run around the method (moved out of ankunft:arrivaldynamics) ------------------------------------
def test_parse_years_and_order():
    assert dyn.parse_years("2015, 2016;2017 2018") == [2015, 2016, 2017, 2018]
    assert dyn.parse_years(" ") == []
    with pytest.raises(ValueError, match="2O17"):
        dyn.parse_years("2015,2O17")
    assert dyn.year_order([2017, 2015, 2016]) == [1, 2, 0]


def test_dynamics_bundles_the_core_functions():
    classes = np.array([["none", "none", "emerging"], ["established", "emerging", "none"], ["", "none", "none"]], dtype=object)
    scores = np.array([[0.1, 0.2, 0.9], [1.5, 0.8, 0.1], [np.nan, 0.0, 0.1]])
    d = dyn.dynamics([2018, 2019, 2020], classes, scores)
    trend, n = dyn.ols_trend([2018, 2019, 2020], scores, min_points=3)
    assert np.array_equal(d.trend, trend, equal_nan=True) and np.array_equal(d.trend_n, n)
    assert d.change.tolist() == dyn.change_category(classes).tolist()
    assert d.aq_years.tolist() == [1, 2, 0] and d.changed.tolist() == [True, True, False]
    assert np.array_equal(d.pooled, dyn.transition_counts(classes).sum(axis=0))
    two = dyn.dynamics([2019, 2020], classes[:, 1:], scores[:, 1:])
    assert np.isfinite(two.trend).all()  # with two years the trend rests on both


def test_to_areas_and_latest_rows():
    al = dyn.align_ids([["a", "b"], ["b", "c", None], ["a"]])
    assert dyn.to_areas([1.0, 2.0, 3.0], al.rows[1], al.n_areas).tolist()[1:] == [1.0, 2.0]
    assert np.isnan(dyn.to_areas([1.0, 2.0, 3.0], al.rows[1], al.n_areas)[0])
    assert dyn.to_areas(["x"], al.rows[2], al.n_areas, fill=None, dtype=object).tolist() == ["x", None, None]
    year, row = dyn.latest_rows(al)
    assert year.tolist() == [2, 1, 1] and row.tolist() == [0, 0, 1]


def test_transition_table_rows():
    counts = np.zeros((2, 4, 4), dtype=int)
    counts[0, 0, 1] = 2
    counts[1, 0, 0] = 1
    counts[1, 0, 1] = 1
    rows = dyn.transition_table([2018, 2019, 2020], counts)
    assert len(rows) == 3 * 16
    assert rows[0][:3] == ("all", None, None) and rows[16][:3] == ("2018-2019", 2018, 2019)
    first = dyn.CLASSES[0]
    pooled = {(r[3], r[4]): (r[5], r[6]) for r in rows[:16]}
    assert pooled[(first, dyn.CLASSES[1])] == (3, pytest.approx(0.75)) and pooled[(first, first)] == (1, pytest.approx(0.25))
    assert all(isinstance(r[5], int) for r in rows)


def test_reform_figures():
    from shapely.geometry import box

    hy = dyn.harmonise_year([box(0, 0, 10, 10), box(10, 0, 20, 10), box(50, 50, 60, 60)], [box(0, 0, 15, 10), box(15, 0, 20, 10)],
                            [100.0, 50.0, 50.0], {})
    f = dyn.reform_figures(hy)
    assert f.lost_share == pytest.approx(0.25) and f.change_pct == pytest.approx(-25.0) and f.n_split == 1
    assert f.median_split == pytest.approx(0.6) and f.max_split == pytest.approx(1.0)


def test_split_year_fields_and_plan_years():
    constant, by_year, clashes = dyn.split_year_fields(["id", "einw_2019", "einw2019", "ausl-2020", "einw_2020", "k11", "name 1999x"])
    assert constant == ["id", "k11", "name 1999x"] and clashes == ["einw2019"]
    assert by_year == {2019: {"einw": "einw_2019"}, 2020: {"ausl": "ausl-2020", "einw": "einw_2020"}}
    plan = dyn.plan_years(constant, by_year)
    assert plan.years == [2019, 2020] and plan.bases == ["einw", "ausl"] and plan.absent == {2019: ["ausl"]}
    assert plan.missing == [] and plan.both == []
    assert dyn.plan_years(constant, by_year, [2020, 2020]).years == [2020]
    assert dyn.plan_years(constant, by_year, [2018, 2020]).missing == [2018]
    assert dyn.plan_years(constant, by_year, []).years == []  # an empty choice stays empty
    assert dyn.plan_years(["einw"], by_year).both == ["einw"]
