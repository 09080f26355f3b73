"""core.strategy: what the strategy map says, on hand-made geometries (no QGIS)."""

from __future__ import annotations

import math

import numpy as np
from shapely.geometry import LineString, Polygon, box

from ankunft_plugin.core import strategy as S


def test_measurable_share_is_the_part_near_the_network():
    streets = [LineString([(0, 50), (1000, 50)])]  # a street along the bottom edge
    near = box(0, 0, 1000, 100)  # within 100 m everywhere
    half = box(0, 0, 1000, 300)  # (150 - 0) of 300 m within reach: about half
    far = box(0, 1000, 1000, 1200)  # no street data at all
    shares = S.measurable_shares([near, half, far, None], streets, reach_m=100)
    assert shares[0] == 1.0
    assert 0.4 < shares[1] < 0.6
    assert shares[2] == 0.0
    assert math.isnan(shares[3])
    assert list(S.measurable_mask(shares)) == [True, shares[1] >= 0.5, False, True]
    # no network at all: nothing measurable
    assert list(S.measurable_shares([near], [], reach_m=100)) == [0.0]


def test_coverage_leaves_not_measurable_areas_out_of_numerator_and_denominator():
    kf = S.key_figures([1000, 500, 400])
    S.apply_coverage_areas(kf, covered=[800, 500, 10], total=[1000, 500, 400], measurable=[True, True, False], threshold=3)
    assert kf.coverage_total == 1500 and kf.covered_population == 1300
    assert math.isclose(kf.covered_share_pct, 100 * 1300 / 1500)
    assert kf.not_measurable_areas == [2] and kf.not_measurable_population == 400
    # the old way (counted as unreached) would have said 1310 / 1900 = 69 %, not 87 %
    assert round(kf.covered_share_pct) == 87


def test_coverage_small_counts_are_not_published():
    kf = S.apply_coverage_areas(S.key_figures([]), covered=[2], total=[100], measurable=[True], threshold=3)
    assert math.isnan(kf.covered_population) and math.isnan(kf.covered_share_pct)
    kf = S.apply_coverage_areas(S.key_figures([]), covered=[50], total=[100], measurable=[True], threshold=3)
    assert kf.covered_share_pct == 50
    both = S.key_figures([1000, 500, 10], covered_fraction=[0.5, 1.0, 1.0], measurable=[True, True, False])
    assert both.covered_population == 1000 and both.coverage_total == 1500 and both.not_measurable_population == 10


def test_data_gaps_are_not_offer_gaps():
    data = S.data_gaps(["health", "health", "work", None, "other", "", "transit"], ["counselling", "work", "housing", "health", "transit", "other"])
    assert data.no_data == ["counselling", "housing"]  # transit/other are no offers of the ecosystem
    assert data.uncategorised == 3 and data.total == 7 and data.counts["health"] == 2
    reach = {
        "work": np.array([5.0, 25.0, 30.0, np.nan]),
        "health": np.array([3.0, 4.0, 12.0, np.nan]),
        "housing": np.array([np.nan, np.nan, np.nan, np.nan]),
    }
    gaps, judged = S.offer_gaps_from_minutes(reach, 10, measurable=[True, True, True, True], no_data=data.no_data)
    assert judged == 3  # the 4th area has no value at all: not judged
    assert gaps == [("work", 2), ("health", 1)]  # housing: no data, never "missing in 3 of 3"
    gaps, judged = S.offer_gaps_from_minutes(reach, 10, measurable=[True, False, True, True], no_data=data.no_data)
    assert judged == 2 and gaps == [("work", 1), ("health", 1)]
    lists, n = S.offer_gaps_from_lists([["housing", "work"], ["work"], None], no_data=["housing"])
    assert lists == [("work", 2)] and n == 2
    assert S.split_missing("housing;work") == ["housing", "work"] and S.split_missing(None) == []


def test_page_members_and_reconciliation_name_the_areas_that_make_the_difference():
    a1, a2, a3, a4 = box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 0, 30, 10), box(30, 0, 40, 10)
    district = box(0, 0, 30, 10)  # a1..a3
    west = box(0, 0, 17, 10)  # a1, a2 (whose centre point lies at x=15)
    east = box(17, 0, 40, 10)  # a3 and a4 (a4 lies outside the district)
    areas = [a1, a2, a3, a4]
    members = S.page_members([district, west, east], areas)
    assert members[0] == [0, 1, 2]
    assert members[1] == [0, 1] and members[2] == [2, 3]
    pop = np.array([100.0, 200.0, 300.0, 50.0])
    rec = S.page_reconciliation([district, west, east], members, pop)
    assert list(rec) == [0]
    r = rec[0]
    assert sorted(r.parts) == [1, 2] and r.parts_total == 650.0
    assert r.only_in_parts == [3] and r.only_here == []
    # an area cut by a page boundary
    cut = S.cut_areas(west, areas, members[1])
    assert cut == [(1, 0.7, True)]


def test_cover_fractions_and_line_samples():
    areas = [box(0, 0, 10, 10), Polygon([(20, 0), (30, 0), (30, 10)]), None]
    f = S.cover_fractions(areas, box(0, 0, 5, 10))
    assert list(f) == [0.5, 0.0, 0.0]
    pts = S.line_samples([LineString([(0, 0), (100, 0)])], step=25)
    assert len(pts) >= 5 and pts[:, 0].max() == 100


def test_rows_say_what_the_figures_rest_on():
    from ankunft_plugin.layout.texts import key_figure_rows

    kf = S.key_figures([1000, 500, 400], classes=["established", "none", "none"])
    S.apply_coverage_areas(kf, covered=[800, 500, 10], total=[1000, 500, 400], measurable=[True, True, False])
    data = S.data_gaps(["health", "work", None], ["work", "housing", "health"])
    gaps, judged = S.offer_gaps_from_minutes({"work": np.array([20.0, 5.0, np.nan]), "health": np.array([1.0, 2.0, np.nan])}, 10, [True, True, False], data.no_data)
    S.apply_gaps(kf, gaps, judged, data)
    rows = {f: (label, value) for f, label, value in key_figure_rows(kf, "de", 10, labels={"work": "Arbeit", "housing": "Wohnen"}, names=["A", "B", "Hansa"])}
    assert rows["t_coverage"][1] == "87\u202f% (1.300 von 1.500 EW)"
    assert rows["t_not_measurable"] == ("Nicht messbar (keine Netzdaten)", "Hansa: 400 EW – in der Erreichbarkeit nicht mitgezählt")
    assert rows["t_missing"] == ("Angebotslücken (nicht in 10 Gehminuten erreichbar)", "Arbeit: in 1 von 2 Quartieren")
    assert rows["t_no_data"][1] == "Wohnen"
    assert rows["t_uncategorised"][1] == "1 von 3 (33\u202f%)"
    en = {f: value for f, _label, value in key_figure_rows(kf, "en", 10, names=["A", "B", "Hansa"])}
    assert en["t_coverage"] == "87% (1,300 of 1,500 residents)" and en["t_missing"] == "work: in 1 of 2 quarters"


# -- pages: order, apportioned coverage, key figures per page (moved out of ankunft:strategymap) ---------
def test_page_order_numbers_first_then_text_ties_by_input():
    assert S.page_order([3, "b", 1.5, "a", None, 3]) == [2, 0, 5, 4, 3, 1]  # None sorts as the text "None"
    assert S.page_order([]) == []


def test_apportioned_coverage_uses_the_bands_within_the_minutes():
    areas = [box(0, 0, 10, 10), box(10, 0, 20, 10)]
    catch = [box(0, 0, 5, 10), box(0, 0, 20, 10), None]
    covered, n = S.apportioned_coverage(areas, [100.0, np.nan], catch, [10.0, 15.0, 5.0], 10)
    assert n == 1 and covered[0] == 50.0 and np.isnan(covered[1])
    covered, n = S.apportioned_coverage(areas, [100.0, 40.0], catch, [10.0, np.nan, 5.0], 5)
    assert n == 0 and covered.tolist() == [0.0, 0.0]


def test_page_key_figures_per_page():
    from types import SimpleNamespace as NS

    pages = [box(0, 0, 20, 10), box(0, 0, 10, 10), box(10, 0, 20, 10)]  # the first page is split into the two others
    shapes = [box(0, 0, 10, 10), box(10, 0, 20, 10)]
    q = NS(shapes=shapes, pop=np.array([100.0, 50.0]), has_pop=True, classes=["established", "none"], names=["A", "B"])
    cov = NS(shapes=shapes, covered=np.array([80.0, 2.0]), total=np.array([100.0, 50.0]), measurable=np.array([True, True]), names=["A", "B"])
    data = NS(quarters=q, coverage=cov, gaps=None, facilities=None, network=None, samples=None)
    pf = S.page_key_figures(pages, data, 10, 3)
    assert pf.quarter_members == [[0, 1], [0], [1]]
    assert pf.coverage_names == [["A", "B"], ["A"], ["B"]]
    assert set(pf.reconcile) == {0}
    for p, members in enumerate(pf.quarter_members):
        kf = S.key_figures(q.pop[members], classes=[q.classes[j] for j in members], threshold=3)
        S.apply_coverage_areas(kf, cov.covered[members], cov.total[members], cov.measurable[members], 3)
        assert pf.key_figures[p] == kf
    assert pf.key_figures[0].population == 150.0 and pf.key_figures[1].covered_population == 80.0
    # without a population field: no quarters figure; with facility data but no gap layer: no missing offers
    facilities = S.data_gaps(["library", None], ["library", "housing"])
    bare = S.page_key_figures(pages[:1], NS(quarters=NS(**{**vars(q), "has_pop": False}), coverage=None, gaps=None,
                                            facilities=facilities, network=None, samples=None), 10, 3)
    assert not bare.key_figures[0].has_quarters and not bare.key_figures[0].has_missing
    assert bare.reconcile == {} and bare.coverage_names == [None]
    gaps = NS(shapes=shapes, reach={"library": np.array([5.0, 30.0])}, lists=None)
    with_gaps = S.page_key_figures(pages[:1], NS(quarters=None, coverage=None, gaps=gaps, facilities=facilities, network=None, samples=None), 10, 3)
    kf = S.key_figures([])
    found, judged = S.offer_gaps_from_minutes({"library": gaps.reach["library"]}, 10, None, facilities.no_data)
    S.apply_gaps(kf, found, judged, facilities)
    assert with_gaps.key_figures[0] == kf and with_gaps.quarter_members == [[]]
