"""Siting benchmark (issue 6): 2,000 candidates × 20,000 demand points on the 300×300 lattice, COUNT = 10.

Measures, in one process on the same instance:
- the coverage matrix from the network engine (one bounded search per candidate),
- ``core.siting`` greedy (lazy, with its own submodular bound) and exact (reduced MILP, HiGHS),
- the straightforward approach: the textbook MCLP model (as spopt/pulp would state it) on the full,
  unreduced instance with scipy ``milp`` – every demand point its own binary y, every candidate and
  every existing site a binary x with the existing ones fixed to 1, same solver, same tolerance.
A dense-matrix model is not run: its constraint matrix alone would need
(20,000 × 22,020) × 8 bytes ≈ 3.5 GB.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import peak_rss_mb, save, timed  # noqa: E402
from scipy import sparse  # noqa: E402
from scipy.optimize import Bounds, LinearConstraint, milp  # noqa: E402

from ankunft_plugin.core import siting  # noqa: E402
from ankunft_plugin.core.network import WalkGraph, minutes_to_metres  # noqa: E402

N = 300  # lattice nodes per side: 2 × 300 × 299 = 179,400 edges
STEP = 20.0  # metres between lattice nodes (a 6 km × 6 km district)
N_DEMAND, N_CAND, N_EXIST, K = 20_000, 2_000, 20, 10
MINUTES, SPEED = 10.0, 4.5
TIME_LIMIT = 300.0
REL_GAP = 1e-6


def lattice_lines(n=N, step=STEP):
    xs = np.arange(n) * step
    rows = [np.column_stack([xs, np.full(n, i * step)]) for i in range(n)]
    cols = [np.column_stack([np.full(n, i * step), xs]) for i in range(n)]
    return rows + cols


def plain_milp(cover_all, weight, n_existing, k, time_limit):
    """The textbook MCLP: max Σ w_i y_i, y_i <= Σ_j a_ij x_j, Σ x = k + existing, x_existing = 1, x, y binary."""
    a = cover_all.tocsr().astype(float)
    a.data[:] = 1.0
    nf, m = a.shape
    c = -np.concatenate([np.zeros(nf), weight])
    cons = [
        LinearConstraint(sparse.hstack([-a.T, sparse.identity(m)], format="csc"), -np.inf, 0.0),
        LinearConstraint(sparse.csr_matrix(np.concatenate([np.ones(nf), np.zeros(m)])[None, :]), k + n_existing, k + n_existing),
    ]
    lb = np.zeros(nf + m)
    lb[nf - n_existing : nf] = 1.0
    res = milp(
        c,
        constraints=cons,
        integrality=np.ones(nf + m),
        bounds=Bounds(lb, np.ones(nf + m)),
        options={"time_limit": time_limit, "mip_rel_gap": REL_GAP},
    )
    return res


def main():
    out: dict = {"instance": {"lattice": "{0}×{0}, {1:g} m".format(N, STEP), "demand": N_DEMAND, "candidates": N_CAND, "existing": N_EXIST, "count": K, "minutes": MINUTES}}
    t = {}
    with timed(t, "graph_s"):
        graph = WalkGraph.from_lines(lattice_lines())
    out["instance"]["edges"] = int(graph.n_edges)
    rng = np.random.default_rng(6)
    extent = (N - 1) * STEP
    dem = rng.random((N_DEMAND, 2)) * extent
    weight = rng.integers(1, 40, N_DEMAND).astype(float)
    cand = rng.random((N_CAND, 2)) * extent
    ex = rng.random((N_EXIST, 2)) * extent
    limit = minutes_to_metres(MINUTES, SPEED)
    with timed(t, "coverage_s"):
        dist = graph.distances(cand, dem, limit)
    with timed(t, "existing_s"):
        dex, _ = graph.nearest(ex, dem, limit=limit)
    covered0 = np.isfinite(dex) & (dex <= limit)
    out["instance"]["coverage_nnz"] = int(dist.nnz)
    print("graph {:.2f} s ({} edges), coverage {:.2f} s ({} pairs), existing {:.2f} s".format(t["graph_s"], graph.n_edges, t["coverage_s"], dist.nnz, t["existing_s"]), flush=True)

    # greedy alone (no solver): its time and its self-certified gap
    with timed(t, "greedy_total_s"):
        gr = siting.suggest_sites(dist, weight, K, covered0, method="greedy", bound_time_limit=0)
    print("greedy {:.3f} s: coverage {:.2f} % -> {:.2f} %, gap <= {:.2f} % ({})".format(
        t["greedy_total_s"], gr.coverage_before_pct, gr.coverage_after_pct, gr.gap_pct, gr.gap_basis), flush=True)

    # exact
    with timed(t, "exact_total_s"):
        ex_res = siting.suggest_sites(dist, weight, K, covered0, method="exact", time_limit=TIME_LIMIT, rel_gap=REL_GAP)
    print("exact {:.1f} s (solver {:.1f} s, {} merged demand rows): coverage {:.2f} %, gap {:.4f} % ({})".format(
        t["exact_total_s"], ex_res.milp_seconds, ex_res.reduced_demand, ex_res.coverage_after_pct, ex_res.gap_pct, ex_res.gap_basis), flush=True)
    greedy_true_gap = float("nan")
    if ex_res.gap_basis == "optimal" and ex_res.objective > 0:
        greedy_true_gap = 100.0 * (ex_res.objective - gr.objective) / ex_res.objective

    # straightforward approach: the full textbook model
    e_dist = graph.distances(ex, dem, limit)
    cover_all = sparse.vstack([dist, e_dist], format="csr")
    t0 = time.perf_counter()
    res = plain_milp(cover_all, weight, N_EXIST, K, TIME_LIMIT)
    t["plain_s"] = time.perf_counter() - t0
    plain_cov = 100.0 * -res.fun / weight.sum() if res.x is not None else float("nan")
    plain_bound = 100.0 * -res.mip_dual_bound / weight.sum() if res.mip_dual_bound is not None else float("nan")
    print("plain MILP {:.1f} s: status {} ({}), coverage {:.2f} %, bound {:.2f} %".format(t["plain_s"], res.status, res.message, plain_cov, plain_bound), flush=True)

    out["seconds"] = {key: round(v, 3) for key, v in t.items()}
    out["greedy"] = {
        "seconds": round(t["greedy_total_s"], 3),
        "coverage_before_pct": gr.coverage_before_pct,
        "coverage_after_pct": gr.coverage_after_pct,
        "gap_pct_self_bound": gr.gap_pct,
        "gap_pct_vs_optimum": greedy_true_gap,
        "lazy_evaluations": gr.info.get("greedy_evaluations"),
        "guarantee_pct_of_optimum": 100 * (1 - 1 / math.e),
    }
    out["exact"] = {
        "seconds": round(t["exact_total_s"], 3),
        "solver_seconds": round(ex_res.milp_seconds, 3),
        "coverage_after_pct": ex_res.coverage_after_pct,
        "gap_pct": ex_res.gap_pct,
        "gap_basis": ex_res.gap_basis,
        "merged_demand_rows": ex_res.reduced_demand,
        "solver_message": ex_res.info.get("milp_message"),
    }
    out["plain_milp"] = {
        "seconds": round(t["plain_s"], 3),
        "status": int(res.status),
        "coverage_after_pct": plain_cov,
        "bound_pct": plain_bound,
        "variables": int(cover_all.shape[0] + cover_all.shape[1]),
    }
    out["ratios"] = {
        "plain_over_exact": t["plain_s"] / t["exact_total_s"],
        "plain_over_greedy": t["plain_s"] / t["greedy_total_s"],
        "exact_over_greedy": t["exact_total_s"] / t["greedy_total_s"],
    }
    out["peak_rss_mb"] = peak_rss_mb()
    print("ratios: plain/exact {:.2f}×, plain/greedy {:.0f}×; greedy gap vs optimum {:.2f} %; peak RSS {:.0f} MB".format(
        out["ratios"]["plain_over_exact"], out["ratios"]["plain_over_greedy"], greedy_true_gap, out["peak_rss_mb"]), flush=True)
    save("bench_siting", out)


if __name__ == "__main__":
    main()
