"""Maximal covering location (core/siting.py) against brute force on small instances."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy import sparse

from ankunft_plugin.core import siting
from ankunft_plugin.core.demand import demand_points


def _instance(seed, n_cand=12, n_dem=40, density=0.18, existing_share=0.15):
    rng = np.random.default_rng(seed)
    cover = sparse.csr_matrix(rng.random((n_cand, n_dem)) < density)
    weight = rng.integers(0, 60, n_dem).astype(float)
    existing = rng.random(n_dem) < existing_share
    vis = rng.random(n_cand)
    return cover, weight, existing, vis


def _brute(cover, weight, existing, k, bonus=None):
    dense = cover.toarray().astype(bool)
    n = dense.shape[0]
    bonus = np.zeros(n) if bonus is None else bonus
    free = ~existing
    best, best_set = -1.0, None
    for combo in itertools.combinations(range(n), k):
        hit = dense[list(combo)].any(axis=0) & free
        val = weight[hit].sum() + bonus[list(combo)].sum()
        if val > best + 1e-9:
            best, best_set = val, combo
    return best, best_set


def _added(cover, weight, existing, chosen):
    hit = cover.toarray().astype(bool)[list(chosen)].any(axis=0) & ~existing
    return weight[hit].sum()


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_exact_equals_brute_force_and_greedy_within_bound(seed, k):
    cover, weight, existing, vis = _instance(seed)
    opt, _ = _brute(cover, weight, existing, k)
    ex = siting.suggest_sites(cover, weight, k, existing, method="exact", visibility=vis)
    assert len(ex.order) == k
    assert ex.objective == pytest.approx(opt, rel=1e-9, abs=1e-9)
    assert _added(cover, weight, existing, ex.order) == pytest.approx(opt)
    assert ex.gap_pct == pytest.approx(0.0, abs=1e-6)
    assert ex.gap_basis in ("optimal", "trivial")
    gr = siting.suggest_sites(cover, weight, k, existing, method="greedy", visibility=vis)
    assert len(set(gr.order.tolist())) == k
    assert gr.objective >= siting.GREEDY_RATIO * opt - 1e-9
    assert gr.objective <= opt + 1e-9
    # the reported gap is the true gap against the optimum the solver proved
    assert gr.gap_basis == "optimal"
    true_gap = 0.0 if opt == 0 else 100.0 * (opt - gr.objective) / opt
    assert gr.gap_pct == pytest.approx(true_gap, abs=1e-6)
    # coverage bookkeeping
    total = weight.sum()
    assert gr.covered_before == pytest.approx(weight[existing].sum())
    assert gr.coverage_after_pct == pytest.approx(100.0 * (weight[existing].sum() + gr.objective) / total)
    assert gr.added_weight.sum() == pytest.approx(gr.objective)
    assert np.all(np.diff(gr.cum_covered) >= -1e-9)


def test_greedy_gap_is_real_on_a_greedy_trap():
    # classic trap: one big set that overlaps two halves; greedy takes the big one first
    #   demand 0..5 (weights 1), 6..11 (weights 1); cand 0 covers 0..3 + 6..9 (8), cand 1 covers 0..5,
    #   cand 2 covers 6..11; k=2 → optimum {1, 2} = 12, greedy {0, then 1 or 2} = 10
    rows = {0: [0, 1, 2, 3, 6, 7, 8, 9], 1: [0, 1, 2, 3, 4, 5], 2: [6, 7, 8, 9, 10, 11]}
    dense = np.zeros((3, 12), bool)
    for r, cols in rows.items():
        dense[r, cols] = True
    cover = sparse.csr_matrix(dense)
    w = np.ones(12)
    gr = siting.suggest_sites(cover, w, 2, method="greedy")
    assert gr.objective == pytest.approx(10)
    assert gr.gap_basis == "optimal" and gr.optimum == pytest.approx(12)
    assert gr.gap_pct == pytest.approx(100 * 2 / 12)
    ex = siting.suggest_sites(cover, w, 2, method="exact")
    assert sorted(ex.order.tolist()) == [1, 2] and ex.gap_pct == 0.0
    # without a solver budget the greedy still reports an honest (looser) upper bound
    gb = siting.suggest_sites(cover, w, 2, method="greedy", bound_time_limit=0)
    assert gb.gap_basis == "submodular_bound"
    assert gb.bound >= 12 - 1e-9
    assert gb.gap_pct >= 100 * 2 / 12 - 1e-9
    assert gb.gap_pct <= 100 * (1 - siting.GREEDY_RATIO) / siting.GREEDY_RATIO * 100  # sane


def test_ties_broken_by_visibility():
    # candidates 0 and 1 cover the same demand; 1 is more visible
    dense = np.array([[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 0]], bool)
    cover = sparse.csr_matrix(dense)
    w = np.array([5.0, 5.0, 3.0, 1.0])
    for method in ("greedy", "exact"):
        res = siting.suggest_sites(cover, w, 1, method=method, visibility=[0.2, 0.9, 1.0])
        assert res.order.tolist() == [1], method
        res = siting.suggest_sites(cover, w, 1, method=method, visibility=[0.9, 0.2, 1.0])
        assert res.order.tolist() == [0], method


def test_visibility_weight_trades_coverage_for_visibility():
    dense = np.array([[1, 1, 1, 0], [0, 0, 0, 1]], bool)
    cover = sparse.csr_matrix(dense)
    w = np.array([10.0, 10.0, 10.0, 25.0])  # total 55
    vis = np.array([0.0, 1.0])
    assert siting.suggest_sites(cover, w, 1, visibility=vis).order.tolist() == [0]
    # the most visible site is worth 20 % of demand (11 people): 25 + 11 > 30
    for method in ("greedy", "exact"):
        res = siting.suggest_sites(cover, w, 1, method=method, visibility=vis, visibility_weight=20.0)
        assert res.order.tolist() == [1]
        assert res.added_weight.tolist() == [25.0]  # coverage reported without the bonus


@pytest.mark.parametrize("seed", range(4))
def test_bonus_objective_matches_brute_force(seed):
    cover, weight, existing, vis = _instance(100 + seed)
    bonus = siting.visibility_bonus(vis, 5.0, weight.sum())
    opt, _ = _brute(cover, weight, existing, 3, bonus)
    ex = siting.suggest_sites(cover, weight, 3, existing, method="exact", visibility=vis, visibility_weight=5.0)
    assert ex.objective == pytest.approx(opt)
    gr = siting.suggest_sites(cover, weight, 3, existing, method="greedy", visibility=vis, visibility_weight=5.0)
    assert gr.objective >= siting.GREEDY_RATIO * opt - 1e-9


def test_existing_sites_are_fixed_and_not_double_counted():
    dense = np.array([[1, 1, 0, 0], [0, 0, 1, 1]], bool)
    w = np.array([4.0, 4.0, 1.0, 1.0])
    existing = np.array([True, True, False, False])
    res = siting.suggest_sites(sparse.csr_matrix(dense), w, 1, existing, method="greedy")
    assert res.order.tolist() == [1]
    assert res.coverage_before_pct == pytest.approx(80.0)
    assert res.coverage_after_pct == pytest.approx(100.0)


def test_degenerate_inputs():
    # no demand at all
    res = siting.suggest_sites(sparse.csr_matrix((3, 0), dtype=bool), np.zeros(0), 2)
    assert len(res.order) == 2 and math.isnan(res.coverage_after_pct)
    # more sites than candidates: all candidates
    dense = np.array([[1, 0], [0, 1]], bool)
    res = siting.suggest_sites(sparse.csr_matrix(dense), np.array([1.0, 2.0]), 5, method="exact")
    assert sorted(res.order.tolist()) == [0, 1] and res.coverage_after_pct == pytest.approx(100)
    # everything already covered by existing sites: gap 0, nothing added
    res = siting.suggest_sites(sparse.csr_matrix(dense), np.array([1.0, 2.0]), 1, np.array([True, True]))
    assert res.added_weight.tolist() == [0.0] and res.gap_pct == 0.0
    # NaN and negative weights count as 0
    res = siting.suggest_sites(sparse.csr_matrix(dense), np.array([np.nan, -3.0]), 1)
    assert res.total == 0.0


def test_reduction_merges_identical_demand_and_keeps_totals():
    rng = np.random.default_rng(7)
    base = rng.random((6, 10)) < 0.4
    dense = np.hstack([base, base, base])  # every column three times
    w = rng.random(30) * 10
    prob = siting.build_problem(sparse.csr_matrix(dense), w)
    assert prob.weight.size <= 10
    reach = dense.any(axis=0)
    assert prob.weight.sum() + prob.uncoverable == pytest.approx(w.sum())
    assert prob.weight.sum() == pytest.approx(w[reach].sum())


def test_milp_unreduced_equals_reduced():
    cover, weight, existing, _ = _instance(3, n_cand=15, n_dem=60)
    prob = siting.build_problem(cover, weight, existing)
    a = siting.solve_milp(prob, 4)
    b = siting.solve_milp(prob, 4, reduce=False)
    assert a.optimal and b.optimal
    assert a.objective == pytest.approx(b.objective)


def test_demand_on_buildings_by_area():
    from shapely.geometry import Point, box

    polys = [box(0, 0, 100, 100), box(100, 0, 200, 100), Point(500, 500)]
    bxy = np.array([[10, 10], [50, 50], [300, 300]])
    barea = np.array([100.0, 300.0, 50.0])
    d = demand_points(polys, [40.0, 10.0, 7.0], bxy, barea, spacing=25.0)
    assert d.placement[0] == "buildings" and d.placement[1] == "grid" and d.placement[2] == "point"
    on_b = d.source == 0
    assert d.weight[on_b].tolist() == pytest.approx([10.0, 30.0])
    assert d.weight[d.source == 1].sum() == pytest.approx(10.0)
    assert (d.source == 1).sum() == 16  # 4 × 4 grid
    assert d.weight.sum() == pytest.approx(57.0)


def test_points_in_polygons_with_holes():
    from shapely.geometry import Polygon

    ring = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(4, 4), (6, 4), (6, 6), (4, 6)]])
    owner = siting.points_in_polygons([ring], np.array([[1, 1], [5, 5], [20, 20], [np.nan, 1]]))
    assert owner.tolist() == [0, -1, -1, -1]


@pytest.mark.parametrize("seed", range(6))
def test_lp_first_and_plain_milp_agree(seed):
    cover, weight, existing, _ = _instance(200 + seed, n_cand=14, n_dem=50, density=0.3)
    prob = siting.build_problem(cover, weight, existing)
    a = siting.solve_milp(prob, 3, lp_first=True)
    b = siting.solve_milp(prob, 3, lp_first=False)
    opt, _ = _brute(cover, weight, existing, 3)
    assert a.optimal and b.optimal
    assert a.objective == pytest.approx(opt) and b.objective == pytest.approx(opt)
    assert a.bound >= opt - 1e-6


def test_fractional_lp_relaxation_falls_back_to_milp():
    # an instance (found by search) whose LP relaxation is fractional for k = 2
    dense = np.array(
        [[0, 0, 1, 1, 0, 0], [0, 0, 1, 0, 1, 0], [1, 1, 1, 0, 0, 0], [0, 1, 0, 0, 1, 1], [1, 0, 0, 1, 1, 0]], bool
    )
    prob = siting.build_problem(sparse.csr_matrix(dense), np.ones(6))
    run = siting.solve_milp(prob, 2, lp_first=True)
    opt, _ = _brute(sparse.csr_matrix(dense), np.ones(6), np.zeros(6, bool), 2)
    assert "MILP" in run.message
    assert run.optimal and run.objective == pytest.approx(opt)


def test_demand_grid_without_buildings_and_multipoints():
    from shapely.geometry import MultiPoint, box

    d = demand_points([box(0, 0, 100, 50), MultiPoint([(0, 0), (10, 10)])], [80.0, 6.0], spacing=25.0)
    assert d.placement.tolist() == ["grid", "point"]
    assert (d.source == 0).sum() == 8 and d.weight[d.source == 0] == pytest.approx(np.full(8, 10.0))
    assert d.weight[d.source == 1].tolist() == [3.0, 3.0]
    tiny = demand_points([box(0, 0, 1, 1)], [5.0], spacing=50.0)
    assert len(tiny.xy) == 1 and tiny.weight.tolist() == [5.0]


def test_street_reach_on_a_cross():
    from ankunft_plugin.core.network import WalkGraph

    lines = [np.array([[-500.0, 0], [0, 0], [500, 0]]), np.array([[0.0, -500], [0, 0], [0, 500]])]
    g = WalkGraph.from_lines(lines)
    reach = siting.street_reach(g, [[0, 0], [400, 0], [0, 10], [5000, 0]], radius=300.0)
    assert reach[:3] == pytest.approx([1200.0, 400.0, 1180.0])
    assert np.isnan(reach[3])  # off the network


# -- the inputs and outputs around the method (moved out of the Processing shell) ---------------------
def _street_grid(n=6, step=100.0):
    from ankunft_plugin.core.network import WalkGraph

    # one edge per block side: the streets cross at nodes
    lines = [np.array([[j * step, i * step], [(j + 1) * step, i * step]], float) for i in range(n) for j in range(n - 1)]
    lines += [np.array([[i * step, j * step], [i * step, (j + 1) * step]], float) for i in range(n) for j in range(n - 1)]
    return WalkGraph.from_lines(lines)


def test_coverage_matrix_is_the_thresholded_distance_matrix_in_any_chunking():
    g = _street_grid()
    rng = np.random.default_rng(3)
    src = rng.uniform(0, 500, (150, 2))  # 150 starts: three chunks of 64
    dst = rng.uniform(0, 500, (80, 2))
    src[0] = (5000.0, 5000.0)  # far from the network: reaches nothing
    limit = 260.0
    cover = siting.coverage_matrix(g, src, dst, limit, max_snap=60.0)
    d = g.distances(src, dst, limit, max_snap=60.0)
    expect = (d.toarray() > 0) & (d.toarray() <= limit)
    assert cover.dtype == bool and cover.shape == (150, 80)
    assert np.array_equal(cover.toarray(), expect)
    assert not cover[0].toarray().any()
    assert 0 < cover.nnz < 150 * 80
    # the given snaps are used as they are, chunk by chunk
    ss, ds = g.snap_connected(src, 60.0), g.snap_connected(dst, 60.0)
    d2 = g.distances(src, dst, limit, max_snap=60.0, src_snap=ss, dst_snap=ds)
    cover2 = siting.coverage_matrix(g, src, dst, limit, 60.0, src_snap=ss, dst_snap=ds)
    assert np.array_equal(cover2.toarray(), d2.toarray() > 0)


def test_coverage_matrix_progress_and_cancel_and_empty_inputs():
    g = _street_grid()
    src = np.random.default_rng(1).uniform(0, 500, (200, 2))
    seen = []
    siting.coverage_matrix(g, src, src, 150.0, progress=lambda f: seen.append(f) and False)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == 4
    assert siting.coverage_matrix(g, src, src, 150.0, progress=lambda f: True) is None
    assert siting.coverage_matrix(g, np.zeros((0, 2)), src, 150.0).shape == (0, 200)
    assert siting.coverage_matrix(g, src, np.zeros((0, 2)), 150.0).shape == (200, 0)


def test_demand_weights_count_missing_and_negative_as_zero():
    w = siting.demand_weights([3.0, np.nan, -2.0, 0.0, 7.5, np.inf])
    assert w.weight.tolist() == [3.0, 0.0, 0.0, 0.0, 7.5, 0.0]
    assert (w.n_missing, w.n_negative) == (1, 1)


def test_unreached_share():
    pct, people = siting.unreached_share([10.0, 30.0, 60.0], [True, False, True])
    assert (pct, people) == (30.0, 30.0)
    assert siting.unreached_share([0.0, 0.0], [False, False]) == (0.0, 0.0)


def test_published_ranking_blanks_small_additions_and_their_cumulative_coverage():
    cover = sparse.csr_matrix(np.array([[1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], bool))
    result = siting.suggest_sites(cover, np.array([40.0, 20.0, 2.0, 0.0]), 3, bound_time_limit=0)
    added, cum = siting.published_ranking(result, 3)
    assert added[0] == 60.0 and np.isnan(added[1])
    assert cum[0] == pytest.approx(100 * 60 / 62) and np.isnan(cum[1])
    assert np.array_equal(np.isnan(cum), np.isnan(added) & ~np.isnan(result.added_weight))
    assert added[2] == 0.0 and cum[2] == pytest.approx(100.0)


def test_cell_weights_sum_the_cells_inside_each_demand_polygon():
    from shapely.geometry import Point, box

    xy = np.array([[5.0, 5.0], [6.0, 6.0], [25.0, 5.0], [99.0, 99.0]])
    w = siting.cell_weights([box(0, 0, 10, 10), Point(25, 5), box(20, 0, 30, 10), None], xy, [3.0, 4.0, 10.0, 1.0])
    assert w.tolist() == [7.0, 0.0, 10.0, 0.0]


def test_reached_by_any_and_placement_counts():
    g = _street_grid()
    src = np.array([[0.0, 0.0], [500.0, 500.0]])
    dst = np.array([[100.0, 0.0], [250.0, 0.0], [500.0, 400.0], [300.0, 300.0]])
    reached = siting.reached_by_any(g, src, dst, 150.0)
    assert reached.tolist() == [True, False, True, False]
    d = g.distances(src, dst, 150.0).toarray()
    assert reached.tolist() == ((d > 0) & (d <= 150.0)).any(axis=0).tolist()
    placement = np.array(["buildings", "grid", "point_on_surface", "point", "none", "buildings"], dtype=object)
    assert siting.placement_counts(placement) == (2, 2, 1)
