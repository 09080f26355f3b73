"""Siting of new docking points (Andockstellen): the maximal covering location problem (MCLP).

Given a boolean coverage matrix ``cover`` (candidates × demand points: candidate *j* reaches demand
point *i* on foot within the time limit), demand weights ``w`` (people), the demand already covered
by the EXISTING docking points (kept fixed) and a number ``k`` of new sites, choose *k* candidates
that maximise the weight newly covered (Church & ReVelle 1974)::

    max  Σ_i w_i y_i + Σ_j b_j x_j
    s.t. y_i <= Σ_j cover[j, i] x_j      (a demand point counts only when a chosen site reaches it)
         Σ_j x_j = k,   x_j ∈ {0, 1},   0 <= y_i <= 1

``b_j`` is an optional visibility bonus (default 0: visibility only breaks ties). Two solvers:

- ``greedy``: lazy greedy (Minoux 1978, "CELF") on the submodular coverage function; guarantees at
  least (1 − 1/e) ≈ 63.2 % of the optimum (Nemhauser, Wolsey & Fisher 1978) and in practice is much
  closer. Its gap is reported against the tightest bound available: the exact optimum when a MILP
  solves within a short time budget, else the solver's proven dual bound (LP relaxation plus cuts),
  else the data-dependent submodular bound f(S_i) + (sum of the k largest marginal gains) computed
  from the greedy run itself (Minoux 1978; Leskovec et al. 2007).
- ``exact``: ``scipy.optimize.milp`` (HiGHS branch and cut) on a reduced model: demand covered by an
  existing site, zero-weight demand and demand no candidate reaches are removed, demand points with
  the same set of covering candidates are merged (weights summed), and, without a visibility bonus,
  candidates with identical coverage are merged (the most visible one kept). At a time limit the
  incumbent (or the greedy solution, whichever is better) is returned with the solver's proven gap.

Ties (equal gain) are broken by the tie score (visibility), then by the candidate's order. The exact
solution is polished by swaps that keep the objective and raise visibility.

The optimality gap is ``100 × (upper bound − achieved) / upper bound`` on the *added* objective (the
weight newly covered by the new sites, plus the bonus when a visibility weight is set); it is
stricter than a gap on the total covered weight.

No QGIS import; returns codes (``GAP_BASIS``), never translated text.
"""

from __future__ import annotations

import heapq
import math
import time
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from .confidentiality import suppress_counts
from .demand import points_in_polygons  # noqa: F401  (re-exported; the demand model, demand_points included, is core/demand.py)

METHODS = ("greedy", "exact")
# how the gap was established (codes; the shell translates)
GAP_BASIS = (
    "optimal",  # the exact optimum is known (MILP solved to optimality): the gap is exact
    "milp_bound",  # the MILP solver's proven dual bound (LP relaxation + cuts) at its time limit
    "submodular_bound",  # the greedy run's data-dependent submodular bound
    "trivial",  # nothing to choose (no demand left, or every candidate chosen): gap 0
)
GREEDY_RATIO = 1.0 - 1.0 / math.e
_REL_TOL = 1e-9


# --------------------------------------------------------------------------------------------
# the (reduced) problem
# --------------------------------------------------------------------------------------------
@dataclass
class Problem:
    """An MCLP instance after removing what cannot change the choice.

    ``cover`` is CSR (candidates × reduced demand, bool), ``weight`` the reduced demand weights,
    ``bonus`` and ``tie`` per original candidate. ``base`` is the weight covered by existing sites,
    ``total`` all demand weight (the denominator of coverage percentages), ``uncoverable`` the weight
    that neither an existing site nor any candidate reaches."""

    cover: sparse.csr_matrix
    weight: np.ndarray
    bonus: np.ndarray
    tie: np.ndarray
    base: float
    total: float
    uncoverable: float
    n_demand: int = 0  # before reduction
    merged_from: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def n_candidates(self) -> int:
        return self.cover.shape[0]


def _as_bool_csr(cover) -> sparse.csr_matrix:
    m = sparse.csr_matrix(cover)
    m.eliminate_zeros()
    m = m.astype(bool)
    m.sum_duplicates()
    m.sort_indices()
    return m


def _hash_columns(csc: sparse.csc_matrix, seed: int = 20240601) -> tuple[np.ndarray, np.ndarray]:
    """Two independent 64-bit hashes of each column's set of row indices (sum of random words, mod 2^64)."""
    rng = np.random.default_rng(seed)
    n_rows, n_cols = csc.shape
    hashes = []
    nnz = np.diff(csc.indptr)
    for _ in range(2):
        r = rng.integers(0, np.iinfo(np.uint64).max, size=n_rows, dtype=np.uint64, endpoint=True)
        vals = r[csc.indices]
        h = np.zeros(n_cols, dtype=np.uint64)
        nonempty = nnz > 0
        if vals.size:
            starts = csc.indptr[:-1][nonempty]
            with np.errstate(over="ignore"):
                h[nonempty] = np.add.reduceat(vals, starts)
        hashes.append(h)
    return hashes[0], hashes[1]


def _group_identical_columns(csc: sparse.csc_matrix) -> tuple[np.ndarray, np.ndarray]:
    """(first column of each group, group id of each column) for columns with identical row sets."""
    h1, h2 = _hash_columns(csc)
    nnz = np.diff(csc.indptr).astype(np.uint64)
    keys = np.stack([h1, h2, nnz], axis=1)
    _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    return first, inverse.ravel()


def build_problem(cover, weight, covered_by_existing=None, bonus=None, tie=None) -> Problem:
    """Reduce an instance: drop demand already covered or unreachable or without weight, merge
    demand points with identical covering sets. Candidates keep their original indices."""
    cover = _as_bool_csr(cover)
    n_cand, n_dem = cover.shape
    w = np.asarray(weight, dtype=float).ravel()
    if w.shape[0] != n_dem:
        raise ValueError("weight has {} entries, cover has {} demand columns".format(w.shape[0], n_dem))
    w = np.where(np.isfinite(w) & (w > 0), w, 0.0)
    base_mask = np.zeros(n_dem, dtype=bool) if covered_by_existing is None else np.asarray(covered_by_existing, bool)
    bonus = np.zeros(n_cand) if bonus is None else np.nan_to_num(np.asarray(bonus, dtype=float), nan=0.0)
    tie = np.zeros(n_cand) if tie is None else np.nan_to_num(np.asarray(tie, dtype=float), nan=-np.inf)
    total = float(w.sum())
    base = float(w[base_mask].sum())
    reach = np.diff(cover.tocsc().indptr) > 0
    keep = (~base_mask) & reach & (w > 0)
    uncoverable = float(w[(~base_mask) & (~reach)].sum())
    sub = cover[:, np.flatnonzero(keep)].tocsc()
    sub.sort_indices()
    wk = w[keep]
    if sub.shape[1]:
        first, inverse = _group_identical_columns(sub)
        merged_w = np.bincount(inverse, weights=wk, minlength=len(first))
        red = sub[:, first].tocsr()
    else:
        merged_w = np.zeros(0)
        red = sparse.csr_matrix((n_cand, 0), dtype=bool)
    red.sort_indices()
    return Problem(
        cover=red,
        weight=merged_w,
        bonus=bonus,
        tie=tie,
        base=base,
        total=total,
        uncoverable=uncoverable,
        n_demand=n_dem,
        merged_from=np.flatnonzero(keep),
    )


# --------------------------------------------------------------------------------------------
# evaluation helpers
# --------------------------------------------------------------------------------------------
def coverage_of(problem: Problem, chosen) -> float:
    """Weight newly covered (beyond the existing sites) by the chosen candidates."""
    chosen = np.asarray(chosen, dtype=np.int64)
    if chosen.size == 0 or problem.weight.size == 0:
        return 0.0
    hit = np.asarray(problem.cover[chosen].sum(axis=0)).ravel() > 0
    return float(problem.weight[hit].sum())


def objective_of(problem: Problem, chosen) -> float:
    chosen = np.asarray(chosen, dtype=np.int64)
    return coverage_of(problem, chosen) + float(problem.bonus[chosen].sum()) if chosen.size else 0.0


def _row_gain(problem: Problem, j: int, covered: np.ndarray) -> float:
    a, b = problem.cover.indptr[j], problem.cover.indptr[j + 1]
    idx = problem.cover.indices[a:b]
    return float(problem.weight[idx][~covered[idx]].sum())


def _marginal_gains(problem: Problem, covered: np.ndarray) -> np.ndarray:
    """Coverage gain of every candidate given the covered demand (one sparse product)."""
    if problem.weight.size == 0:
        return np.zeros(problem.n_candidates)
    return np.asarray(problem.cover @ (problem.weight * (~covered))).ravel()


def rank_selection(problem: Problem, chosen) -> tuple[np.ndarray, np.ndarray]:
    """Order a chosen set greedily (largest marginal coverage first, ties by tie score): the rank
    a planner would build them in. Returns (ordered candidates, coverage added at each rank)."""
    remaining = [int(j) for j in chosen]
    covered = np.zeros(problem.weight.size, dtype=bool)
    order, gains = [], []
    while remaining:
        best = max(
            remaining,
            key=lambda j: (
                _quant(_row_gain(problem, j, covered) + problem.bonus[j], problem),
                problem.tie[j],
                -j,
            ),
        )
        g = _row_gain(problem, best, covered)
        order.append(best)
        gains.append(g)
        a, b = problem.cover.indptr[best], problem.cover.indptr[best + 1]
        covered[problem.cover.indices[a:b]] = True
        remaining.remove(best)
    return np.asarray(order, dtype=np.int64), np.asarray(gains, dtype=float)


def _quant(value: float, problem: Problem) -> float:
    """Round gains relative to the problem's scale so float noise does not decide ties."""
    scale = max(problem.total, float(np.abs(problem.bonus).max()) if problem.bonus.size else 0.0, 1.0)
    return round(value / scale, 9)


# --------------------------------------------------------------------------------------------
# greedy
# --------------------------------------------------------------------------------------------
@dataclass
class GreedyRun:
    order: np.ndarray  # candidates in the order chosen
    gains: np.ndarray  # coverage added at each step (without bonus)
    objective: float  # coverage added + bonus
    bound: float  # best submodular upper bound on the optimal objective seen during the run
    evaluations: int  # marginal gain evaluations (lazy)
    seconds: float


def greedy(problem: Problem, k: int, feedback=None) -> GreedyRun:
    """Lazy greedy (CELF): marginal gains only shrink, so a stale gain is an upper bound and only
    the top of the heap is re-evaluated. Records the submodular bound after every step.

    ``feedback(step, k)`` is called after each step; if it returns True the run stops (cancel)."""
    t0 = time.perf_counter()
    n = problem.n_candidates
    k = int(min(k, n))
    covered = np.zeros(problem.weight.size, dtype=bool)
    gains0 = _marginal_gains(problem, covered)
    heap = [(-_quant(gains0[j] + problem.bonus[j], problem), -problem.tie[j], j, 0) for j in range(n)]
    heapq.heapify(heap)
    order: list[int] = []
    gains: list[float] = []
    objective = 0.0
    bound = _submodular_bound(problem, covered, objective, k, gains0 + problem.bonus, set())
    evaluations = n
    chosen: set[int] = set()
    step = 0
    while len(order) < k and heap:
        _key, neg_tie, j, stamp = heapq.heappop(heap)
        if stamp != step:  # stale: re-evaluate and push back
            g = _row_gain(problem, j, covered)
            evaluations += 1
            heapq.heappush(heap, (-_quant(g + problem.bonus[j], problem), neg_tie, j, step))
            continue
        g = _row_gain(problem, j, covered)
        order.append(j)
        gains.append(g)
        chosen.add(j)
        objective += g + problem.bonus[j]
        a, b = problem.cover.indptr[j], problem.cover.indptr[j + 1]
        covered[problem.cover.indices[a:b]] = True
        step += 1
        if len(order) < k:
            marg = _marginal_gains(problem, covered) + problem.bonus
            bound = min(bound, _submodular_bound(problem, covered, objective, k, marg, chosen))
        if feedback is not None and feedback(step, k):
            break
    bound = max(bound, objective)
    return GreedyRun(
        order=np.asarray(order, dtype=np.int64),
        gains=np.asarray(gains, dtype=float),
        objective=float(objective),
        bound=float(bound),
        evaluations=evaluations,
        seconds=time.perf_counter() - t0,
    )


def _submodular_bound(problem, covered, objective, k, marg, chosen) -> float:
    """OPT <= f(S) + sum of the k largest marginal gains w.r.t. S (for monotone submodular f)."""
    m = np.array(marg, dtype=float)
    if chosen:
        m[list(chosen)] = 0.0
    m = np.maximum(m, 0.0)
    top = np.partition(m, m.size - k)[m.size - k :] if m.size > k else m
    return float(objective + top.sum())


# --------------------------------------------------------------------------------------------
# exact MILP
# --------------------------------------------------------------------------------------------
@dataclass
class MilpRun:
    chosen: np.ndarray | None  # incumbent (None when the solver found none)
    objective: float  # of the incumbent (nan if none)
    bound: float  # proven upper bound (inf if none)
    optimal: bool
    status: int
    message: str
    seconds: float
    n_vars: int = 0
    n_constraints: int = 0


def _reduce_candidates(problem: Problem, k: int) -> np.ndarray:
    """Candidates worth offering the solver. Without a bonus: those that cover something, one per
    identical coverage set (the most visible). Returns original indices."""
    n = problem.n_candidates
    if np.any(problem.bonus > 0):
        return np.arange(n)
    nnz = np.diff(problem.cover.indptr)
    useful = np.flatnonzero(nnz > 0)
    if useful.size == 0:
        return useful
    sub = problem.cover[useful].T.tocsc()  # columns = candidates
    sub.sort_indices()
    first, inverse = _group_identical_columns(sub)
    # keep the best tie score in each group
    best = np.full(len(first), -1, dtype=np.int64)
    for pos, g in enumerate(inverse):
        j = useful[pos]
        b = best[g]
        if b < 0 or (problem.tie[j], -j) > (problem.tie[b], -b):
            best[g] = j
    return np.sort(best)


def solve_milp(
    problem: Problem,
    k: int,
    time_limit: float | None = None,
    rel_gap: float = 1e-6,
    reduce: bool = True,
    lp_first: bool = True,
) -> MilpRun:
    """Solve the reduced MCLP with HiGHS. ``reduce=False`` offers every candidate (for tests);
    ``lp_first`` solves the LP relaxation first and stops when it is integral."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    t0 = time.perf_counter()
    cand = _reduce_candidates(problem, k) if reduce else np.arange(problem.n_candidates)
    k = int(min(k, problem.n_candidates))
    if cand.size <= k:
        # every useful candidate fits: take them all, fill with the best remaining (no gain)
        chosen = _fill(problem, list(cand), k)
        obj = objective_of(problem, chosen)
        return MilpRun(np.asarray(chosen), obj, obj, True, 0, "trivial", time.perf_counter() - t0)
    C = problem.cover[cand]  # n × m
    n, m = C.shape
    # keep only demand some offered candidate covers (all do after build_problem, unless reduced)
    w = problem.weight
    c = -np.concatenate([problem.bonus[cand], w])
    A_cov = sparse.hstack([-C.T.astype(float), sparse.identity(m, format="csc")], format="csc")
    A_card = sparse.csc_matrix(np.concatenate([np.ones(n), np.zeros(m)])[None, :])
    constraints = [
        LinearConstraint(A_cov, -np.inf, 0.0),
        LinearConstraint(A_card, k, k),
    ]
    info = "milp"
    lp_bound = float("inf")
    lp_chosen = None
    lp_obj = float("-inf")
    if lp_first:
        # The LP relaxation of an MCLP is often integral. HiGHS' interior point method (with
        # crossover to a vertex) solves it faster than the dual simplex at the MILP's root; an
        # integral LP optimum is a proven optimum, and any LP optimum is a valid upper bound.
        from scipy.optimize import linprog

        lp_opts = {"presolve": True}
        if time_limit is not None and time_limit > 0:
            lp_opts["time_limit"] = float(time_limit)
        lp = linprog(
            c, A_ub=A_cov, b_ub=np.zeros(m), A_eq=A_card, b_eq=[k], bounds=(0.0, 1.0), method="highs-ipm", options=lp_opts
        )
        if lp.status == 0 and lp.x is not None:
            lp_bound = -float(lp.fun)
            xs = lp.x[:n]
            pick = np.argsort(-xs, kind="stable")[:k]
            lp_chosen = np.sort(cand[pick])
            lp_obj = objective_of(problem, lp_chosen)
            if lp_obj >= lp_bound - max(rel_gap * abs(lp_bound), 1e-9):
                seconds = time.perf_counter() - t0
                return MilpRun(lp_chosen, lp_obj, max(lp_bound, lp_obj), True, 0, "integral LP relaxation", seconds, n + m, m + 1)
            info = "LP relaxation fractional: MILP"
        else:
            info = "LP relaxation not solved ({}): MILP".format(lp.message)
        if time_limit is not None and time_limit > 0:
            time_limit = max(1.0, float(time_limit) - (time.perf_counter() - t0))
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    options = {"presolve": True, "mip_rel_gap": rel_gap}
    if time_limit is not None and time_limit > 0:
        options["time_limit"] = float(time_limit)
    res = milp(c, constraints=constraints, integrality=integrality, bounds=Bounds(0.0, 1.0), options=options)
    seconds = time.perf_counter() - t0
    chosen = None
    obj = float("nan")
    if res.x is not None:
        xs = res.x[:n]
        pick = np.argsort(-xs, kind="stable")[:k]
        pick = pick[xs[pick] > 0.5]
        chosen = np.sort(cand[pick])
        if chosen.size < k:
            chosen = np.asarray(_fill(problem, list(chosen), k))
        obj = objective_of(problem, chosen)
    if lp_chosen is not None and (chosen is None or lp_obj > obj):
        chosen, obj = lp_chosen, lp_obj
    bound = lp_bound
    dual = getattr(res, "mip_dual_bound", None)
    if dual is not None and np.isfinite(dual):
        bound = min(bound, -float(dual))
    optimal = res.status == 0
    if optimal and chosen is not None:
        # HiGHS stops at rel_gap; the proven bound is what it reports
        bound = max(bound if np.isfinite(bound) else obj, obj)
    return MilpRun(chosen, obj, bound, optimal, int(res.status), "{}: {}".format(info, res.message), seconds, n + m, m + 1)


def _fill(problem: Problem, chosen: list, k: int) -> list:
    """Complete a selection to k sites with the best remaining candidates (by gain, bonus, tie)."""
    chosen = list(chosen)
    if len(chosen) >= k:
        return chosen[:k]
    covered = np.zeros(problem.weight.size, dtype=bool)
    for j in chosen:
        a, b = problem.cover.indptr[j], problem.cover.indptr[j + 1]
        covered[problem.cover.indices[a:b]] = True
    while len(chosen) < k:
        marg = _marginal_gains(problem, covered) + problem.bonus
        taken = set(chosen)
        best = max(
            (j for j in range(problem.n_candidates) if j not in taken),
            key=lambda j: (_quant(marg[j], problem), problem.tie[j], -j),
        )
        chosen.append(best)
        a, b = problem.cover.indptr[best], problem.cover.indptr[best + 1]
        covered[problem.cover.indices[a:b]] = True
    return chosen


def polish_ties(problem: Problem, chosen, max_rounds: int = 50) -> np.ndarray:
    """Swap chosen sites for more visible candidates when the objective stays the same."""
    chosen = [int(j) for j in chosen]
    finite = problem.tie[np.isfinite(problem.tie)]
    if not chosen or finite.size == 0 or (finite.min() == finite.max() and finite.size == problem.tie.size):
        return np.asarray(chosen, dtype=np.int64)
    w = problem.weight
    C = problem.cover
    for _ in range(max_rounds):
        improved = False
        counts = np.asarray(C[chosen].sum(axis=0)).ravel() if w.size else np.zeros(0)
        for pos, j in enumerate(chosen):
            row = np.zeros(w.size)
            a, b = C.indptr[j], C.indptr[j + 1]
            row[C.indices[a:b]] = 1.0
            rest = counts - row  # coverage count without j
            loss = float(w[(rest == 0) & (row > 0)].sum()) + problem.bonus[j]
            gain = (np.asarray(C @ (w * (rest == 0))).ravel() if w.size else np.zeros(problem.n_candidates)) + problem.bonus
            taken = set(chosen)
            better = [
                c
                for c in np.flatnonzero(problem.tie > problem.tie[j])
                if c not in taken and _quant(gain[c], problem) >= _quant(loss, problem)
            ]
            if better:
                c = max(better, key=lambda c: (_quant(gain[c], problem), problem.tie[c], -c))
                chosen[pos] = int(c)
                improved = True
                break
        if not improved:
            break
    return np.asarray(chosen, dtype=np.int64)


# --------------------------------------------------------------------------------------------
# the whole method
# --------------------------------------------------------------------------------------------
@dataclass
class SitingResult:
    method: str
    order: np.ndarray  # original candidate indices in rank order
    added_weight: np.ndarray  # coverage added at each rank (people)
    cum_covered: np.ndarray  # covered weight (existing + ranks 1..r)
    total: float
    covered_before: float
    covered_after: float
    uncoverable: float  # weight no site (existing or candidate) can reach
    objective: float  # added coverage + visibility bonus
    bound: float  # proven upper bound on the optimal objective
    gap_pct: float
    gap_basis: str  # one of GAP_BASIS
    greedy_seconds: float = 0.0
    milp_seconds: float = 0.0
    milp_status: int | None = None
    optimum: float | None = None  # the exact optimal objective when known
    reduced_demand: int = 0
    info: dict = field(default_factory=dict)

    @property
    def coverage_before_pct(self) -> float:
        return 100.0 * self.covered_before / self.total if self.total > 0 else float("nan")

    @property
    def coverage_after_pct(self) -> float:
        return 100.0 * self.covered_after / self.total if self.total > 0 else float("nan")

    @property
    def cum_coverage_pct(self) -> np.ndarray:
        if self.total <= 0:
            return np.full(self.cum_covered.shape, np.nan)
        return 100.0 * self.cum_covered / self.total


def gap_pct(objective: float, bound: float) -> float:
    """100 × (bound − objective) / bound, 0 when both are 0; never negative."""
    if not np.isfinite(bound):
        return float("nan")
    if bound <= 0:
        return 0.0
    g = 100.0 * (bound - objective) / bound
    return 0.0 if g < 1e-7 else float(g)


def visibility_bonus(visibility, weight_pct_points: float, total: float) -> np.ndarray:
    """Bonus per candidate: the most visible candidate is worth ``weight_pct_points`` percent of
    all demand; others in proportion to visibility / max visibility (NaN → 0)."""
    v = np.nan_to_num(np.asarray(visibility, dtype=float), nan=0.0)
    v = np.maximum(v, 0.0)
    vmax = v.max() if v.size else 0.0
    if vmax <= 0 or weight_pct_points <= 0:
        return np.zeros(v.shape)
    return weight_pct_points / 100.0 * total * v / vmax


def suggest_sites(
    cover,
    weight,
    k: int,
    covered_by_existing=None,
    method: str = "greedy",
    visibility=None,
    visibility_weight: float = 0.0,
    time_limit: float | None = 60.0,
    bound_time_limit: float | None = 10.0,
    rel_gap: float = 1e-6,
    progress=None,
) -> SitingResult:
    """Choose ``k`` new sites. ``visibility`` breaks ties (and, with ``visibility_weight`` > 0,
    earns a bonus, see ``visibility_bonus``). ``method`` is ``greedy`` or ``exact``.

    Greedy: the gap is computed against the exact optimum when a MILP proves it within
    ``bound_time_limit`` seconds (0 or None: never), else against the best proven bound.
    ``progress(fraction)`` may return True to cancel."""
    if method not in METHODS:
        raise ValueError("method must be one of {}".format(METHODS))
    cover = _as_bool_csr(cover)
    n_cand = cover.shape[0]
    w = np.asarray(weight, dtype=float)
    total_w = float(np.where(np.isfinite(w) & (w > 0), w, 0.0).sum())
    vis = None if visibility is None else np.asarray(visibility, dtype=float)
    bonus = visibility_bonus(vis, visibility_weight, total_w) if vis is not None else None
    prob = build_problem(cover, w, covered_by_existing, bonus=bonus, tie=vis)
    k = int(max(0, min(int(k), n_cand)))

    def _cb(step, kk):
        return bool(progress(0.5 * step / max(kk, 1))) if progress is not None else False

    g = greedy(prob, k, feedback=_cb)
    info: dict = {"greedy_evaluations": g.evaluations}
    milp_seconds = 0.0
    milp_status = None
    optimum = None
    chosen = g.order
    objective = g.objective
    bound = g.bound
    basis = "submodular_bound"
    if k == 0 or (prob.weight.size == 0 and not np.any(prob.bonus > 0)):
        basis, bound, optimum = "trivial", objective, objective
    elif bound - objective <= _REL_TOL * max(bound, 1.0):
        # greedy met its own bound: proven optimal without a solver
        basis, bound, optimum = "optimal", objective, objective
    elif method == "exact" or (bound_time_limit is not None and bound_time_limit > 0):
        limit = time_limit if method == "exact" else bound_time_limit
        mr = solve_milp(prob, k, time_limit=limit, rel_gap=rel_gap)
        milp_seconds = mr.seconds
        milp_status = mr.status
        info["milp_message"] = mr.message
        info["milp_vars"] = mr.n_vars
        if method == "exact" and mr.chosen is not None and mr.objective > objective:
            chosen, objective = mr.chosen, mr.objective
        best_known = max(objective, mr.objective) if mr.chosen is not None else objective
        if np.isfinite(mr.bound) and mr.bound < bound:
            bound = max(mr.bound, best_known)
            basis = "milp_bound"
        if mr.optimal:  # optimal within HiGHS' relative tolerance rel_gap
            basis, optimum, bound = "optimal", best_known, best_known
    if method == "exact":
        chosen = polish_ties(prob, chosen)
        objective = objective_of(prob, chosen)
    order, added = rank_selection(prob, chosen) if method == "exact" else (g.order, g.gains)
    cum = prob.base + np.cumsum(added)
    covered_after = float(cum[-1]) if cum.size else prob.base
    return SitingResult(
        method=method,
        order=order,
        added_weight=added,
        cum_covered=cum,
        total=prob.total,
        covered_before=prob.base,
        covered_after=covered_after,
        uncoverable=prob.uncoverable,
        objective=float(objective),
        bound=float(bound),
        gap_pct=gap_pct(objective, bound),
        gap_basis=basis,
        greedy_seconds=g.seconds,
        milp_seconds=milp_seconds,
        milp_status=milp_status,
        optimum=optimum,
        reduced_demand=int(prob.weight.size),
        info=info,
    )


# --------------------------------------------------------------------------------------------
# visibility: street length within a short walk (a footfall proxy)
# --------------------------------------------------------------------------------------------
def street_reach(graph, xy, radius: float = 300.0, max_snap: float = 200.0, batch: int = 64, progress=None,
                 snap=None) -> np.ndarray:
    """Street length (m) reachable on foot within ``radius`` (network cost, m) of each point: the
    "reach" of Sevtsuk & Mekonnen (2012), a proxy for passers-by: a site on a dense, well-connected
    street grid is passed by more people than one at the end of a cul-de-sac. Partly reachable
    edges count with their reachable part. NaN for points farther than ``max_snap`` from the network.

    Uses the network engine's bounded search (``WalkGraph.snap``/``search``); ``snap`` (optional)
    gives the points' snap (e.g. ``WalkGraph.snap_connected``) instead of snapping ``xy``."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    out = np.full(len(xy), np.nan)
    if len(xy) == 0 or graph.n_edges == 0:
        return out
    snap = graph.snap(xy, max_snap) if snap is None else snap
    idx = np.flatnonzero(snap.ok)
    cost = graph.edge_cost
    length = graph.edge_len
    passable = np.isfinite(cost) & (cost > 0)
    safe_cost = np.where(passable, cost, 1.0)
    for start in range(0, len(idx), batch):
        ch = idx[start : start + batch]
        D = graph.search(snap, ch, radius)
        ru = np.clip(radius - D[:, graph.edge_u], 0.0, None)
        rv = np.clip(radius - D[:, graph.edge_v], 0.0, None)
        ru = np.nan_to_num(ru, nan=0.0, posinf=0.0)
        rv = np.nan_to_num(rv, nan=0.0, posinf=0.0)
        frac = np.minimum(1.0, (ru + rv) / safe_cost[None, :])
        frac[:, ~passable] = 0.0
        # the own edge: reachable along it in both directions from the snapped point
        e = snap.edge[ch]
        own_left = np.clip(radius - snap.dist[ch], 0.0, None)
        own = np.minimum(1.0, (np.minimum(own_left, snap.t[ch] * safe_cost[e]) + np.minimum(own_left, (1 - snap.t[ch]) * safe_cost[e])) / safe_cost[e])
        rows = np.arange(len(ch))
        frac[rows, e] = np.maximum(frac[rows, e], np.where(passable[e], own, 0.0))
        out[ch] = frac @ length
        if progress is not None and progress(min(1.0, (start + len(ch)) / max(len(idx), 1))):
            break
    return out


# --------------------------------------------------------------------------------------------
# the inputs and outputs around the method: coverage matrix, demand weights, published ranking
# --------------------------------------------------------------------------------------------
def coverage_matrix(graph, src_xy, dst_xy, limit_m: float, max_snap: float = 200.0, src_snap=None, dst_snap=None,
                    progress=None):
    """Starts × ends reached on foot within ``limit_m`` (network cost incl. snap distances, m): a bool
    csr matrix, the ``cover`` of ``suggest_sites``. The starts are searched in about twenty chunks (at
    least 64 starts each) with ``WalkGraph.distances``; ``src_snap``/``dst_snap`` (optional, e.g.
    ``snap_connected``) give the points' snap. ``progress(fraction)`` is called after each chunk; when it
    returns True the search stops and None is returned (cancelled)."""
    src_xy = np.asarray(src_xy, dtype=float).reshape(-1, 2)
    dst_xy = np.asarray(dst_xy, dtype=float).reshape(-1, 2)
    n, nd = len(src_xy), len(dst_xy)
    if n == 0 or nd == 0 or graph.n_edges == 0:
        return sparse.csr_matrix((n, nd), dtype=bool)
    src_snap = graph.snap(src_xy, max_snap) if src_snap is None else src_snap
    dst_snap = graph.snap(dst_xy, max_snap) if dst_snap is None else dst_snap
    chunk = max(64, math.ceil(n / 20.0))
    parts = []
    for start in range(0, n, chunk):
        part = np.arange(start, min(start + chunk, n))
        d = graph.distances(src_xy[part], dst_xy, limit_m, max_snap=max_snap, src_snap=src_snap.take(part), dst_snap=dst_snap)
        parts.append(sparse.csr_matrix(d))
        if progress is not None and progress(min(1.0, (start + chunk) / n)):
            return None
    dist = sparse.vstack(parts, format="csr")
    dist.data = np.where(dist.data <= limit_m, 1.0, 0.0)  # the engine stores only entries <= limit
    dist.eliminate_zeros()
    return dist.astype(bool)


def reached_by_any(graph, src_xy, dst_xy, limit_m: float, max_snap: float = 200.0, src_snap=None, dst_snap=None) -> np.ndarray:
    """Per end: True when the nearest start (``WalkGraph.nearest``) is within ``limit_m`` on foot, e.g.
    the demand already covered by the existing docking points."""
    dist, _which = graph.nearest(src_xy, dst_xy, max_snap=max_snap, limit=limit_m, src_snap=src_snap, dst_snap=dst_snap)
    return np.isfinite(dist) & (dist <= limit_m)


def placement_counts(placement) -> tuple[int, int, int]:
    """How the demand features were placed (``Demand.placement``): (over buildings, over a grid or one
    point on the surface, as points)."""
    placement = np.asarray(placement, dtype=object)
    return (int((placement == "buildings").sum()), int(np.isin(placement, ("grid", "point_on_surface")).sum()),
            int((placement == "point").sum()))


@dataclass
class DemandWeights:
    weight: np.ndarray  # usable weights: missing and negative values are 0
    n_missing: int  # values that were no number (NaN)
    n_negative: int  # negative values


def demand_weights(values) -> DemandWeights:
    """Demand weights from a count column read as numbers (NaN = no number): missing and negative
    values count as 0; how many of each is returned for the report."""
    values = np.asarray(values, dtype=float)
    n_missing = int(np.isnan(values).sum())
    n_negative = int((values < 0).sum())
    return DemandWeights(np.where(np.isfinite(values) & (values > 0), values, 0.0), n_missing, n_negative)


def unreached_share(weight, reached) -> tuple[float, float]:
    """The weight of the demand points that are not ``reached`` (e.g. not snapped to the network):
    (percent of the total weight, 0 when the total is 0; the weight itself)."""
    weight = np.asarray(weight, dtype=float)
    off = ~np.asarray(reached, dtype=bool)
    total = float(weight.sum())
    people = float(weight[off].sum())
    return (100.0 * people / total if total > 0 else 0.0), people


def cell_weights(demand_geoms, cell_xy, cell_pop) -> np.ndarray:
    """Demand weights from population grid cells: each demand polygon weighs the people of the cells
    inside it (``core/demand.area_people``); other geometries weigh 0."""
    from .demand import area_people

    return area_people(demand_geoms, cell_xy, cell_pop)


def published_ranking(result: SitingResult, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The ranking's published figures: the added weight per rank rounded to 0.1 and blanked (NaN)
    below ``threshold`` people, and the cumulative coverage (%) blanked where the added weight is."""
    added = np.round(suppress_counts(result.added_weight, threshold), 1)
    cum_pct = result.cum_coverage_pct.copy()
    cum_pct[np.isnan(added) & ~np.isnan(result.added_weight)] = np.nan
    return added, cum_pct
