"""core/network.py: graph building, snapping onto edges, bounded and nearest searches."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from ankunft_plugin.core.network import WalkGraph, metres_to_minutes, minutes_to_metres
from tests.unit.grids import lattice_lines


def test_speed_conversion():
    assert metres_to_minutes(75.0) == pytest.approx(1.0)
    assert minutes_to_metres(10, 4.5) == pytest.approx(750.0)
    assert np.allclose(metres_to_minutes(np.array([750.0, 1500.0]), 4.5), [10.0, 20.0])


def test_nodes_at_shared_vertices_not_at_bridges():
    # a long way with an interior vertex at (100, 0) where a side street starts
    main = np.array([[0, 0], [100, 0], [200, 0]], float)
    side = np.array([[100, 0], [100, 100]], float)
    # a bridge crossing the main way without a common vertex
    bridge = np.array([[150, -50], [150, 50]], float)
    g = WalkGraph.from_lines([main, side, bridge])
    assert g.n_edges == 4  # main split in two, side, bridge
    assert np.isclose(g.edge_len.sum(), 200 + 100 + 100)
    s = g.summary()
    assert s["components"] == 2
    assert g.component[g.edge_u[np.argmax(g.edge_line == 2)]] == 1  # the bridge is the smaller component
    assert s["outside_share"] == pytest.approx(100 / 400)


def test_tolerance_merges_near_endpoints_and_skips_empty():
    a = np.array([[0, 0], [10, 0]], float)
    b = np.array([[10.005, 0], [20, 0]], float)
    g = WalkGraph.from_lines([a, None, b, np.zeros((1, 2))])
    assert g.n_nodes == 3 and g.n_edges == 2
    assert g.summary()["components"] == 1
    assert list(g.edge_line) == [0, 2]


def test_shapely_multilines():
    from shapely.geometry import LineString, MultiLineString

    g = WalkGraph.from_lines([MultiLineString([[(0, 0), (10, 0)], [(10, 0), (10, 10)]]), LineString([(10, 10), (0, 10)])])
    assert g.n_edges == 3
    assert g.summary()["components"] == 1


def test_snap_onto_edge_interior():
    g = WalkGraph.from_lines([np.array([[0, 0], [50, 0], [100, 0]], float)])
    s = g.snap([[30, 5], [100, 300], [np.nan, 1]], max_dist=200)
    assert s.ok.tolist() == [True, False, False]
    assert s.edge[0] == 0 and s.t[0] == pytest.approx(0.3) and s.dist[0] == pytest.approx(5)
    assert s.dist[1] == pytest.approx(300) and s.edge[1] == -1
    assert np.isinf(s.dist[2])


def test_snap_exact_against_brute_force():
    lines = lattice_lines(12, 80.0, jitter=20.0, seed=3)
    g = WalkGraph.from_lines(lines)
    rng = np.random.default_rng(1)
    pts = rng.uniform(-100, 1000, (400, 2))
    s = g.snap(pts, max_dist=1e9)
    # brute force over all segments
    best = np.full(len(pts), np.inf)
    for c in g.edge_coords:
        for a, b in zip(c[:-1], c[1:]):
            d = b - a
            f = np.clip(((pts - a) @ d) / (d @ d), 0, 1)
            q = a + f[:, None] * d
            best = np.minimum(best, np.hypot(*(pts - q).T))
    assert np.allclose(s.dist, best, atol=1e-6)


def _reference(g, pts, max_snap):
    """Split every edge at the snapped points, build a fresh graph, run plain Dijkstra."""
    s = g.snap(pts, max_snap)
    cuts = {}
    for k in np.flatnonzero(s.ok):
        cuts.setdefault(int(s.edge[k]), []).append(float(s.t[k]))
    lines = []
    for e, c in enumerate(g.edge_coords):
        ts = sorted({0.0, 1.0, *cuts.get(e, [])})
        seg = np.hypot(*np.diff(c, axis=0).T)
        cum = np.concatenate([[0], np.cumsum(seg)]) / seg.sum()
        x = np.interp(ts, cum, c[:, 0])
        y = np.interp(ts, cum, c[:, 1])
        for i in range(len(ts) - 1):
            lines.append(np.array([[x[i], y[i]], [x[i + 1], y[i + 1]]]))
    r = WalkGraph.from_lines(lines, node_tolerance=1e-6)
    proj = np.full((len(pts), 2), np.nan)
    for k in np.flatnonzero(s.ok):
        c = g.edge_coords[s.edge[k]]
        seg = np.hypot(*np.diff(c, axis=0).T)
        cum = np.concatenate([[0], np.cumsum(seg)]) / seg.sum()
        proj[k] = np.interp(s.t[k], cum, c[:, 0]), np.interp(s.t[k], cum, c[:, 1])
    node = np.full(len(pts), -1)
    okk = np.flatnonzero(s.ok)
    node[okk] = cKDTree(r.node_xy).query(proj[okk])[1]
    D = dijkstra(r.matrix(), directed=False)
    return s, node, D


def test_distances_match_reference_on_jittered_lattice():
    lines = lattice_lines(10, 100.0, jitter=25.0, seed=5)
    g = WalkGraph.from_lines(lines)
    rng = np.random.default_rng(2)
    src = rng.uniform(0, 900, (12, 2))
    dst = np.vstack([rng.uniform(0, 900, (40, 2)), src[:3] + 1.0, [[5000, 5000]]])
    limit = 600.0
    M = g.distances(src, dst, limit, max_snap=200).toarray()
    allp = np.vstack([src, dst])
    s, node, D = _reference(g, allp, 200)
    for i in range(len(src)):
        for j in range(len(dst)):
            a, b = node[i], node[len(src) + j]
            ref = np.inf if a < 0 or b < 0 else D[a, b] + s.dist[i] + s.dist[len(src) + j]
            got = M[i, j] if M[i, j] > 0 else np.inf
            if ref <= limit - 1e-6:
                assert got == pytest.approx(ref, abs=1e-6), (i, j)
            elif ref > limit + 1e-6:
                assert np.isinf(got)
    assert (M[:, -1] == 0).all()  # far end: no entries


def test_same_edge_and_zero_distance():
    g = WalkGraph.from_lines([np.array([[0, 0], [1000, 0]], float)])
    M = g.distances([[100, 0], [500, 0]], [[100, 0], [300, 10]], limit=1e6)
    assert M[0, 0] == pytest.approx(1e-9)
    assert M[0, 1] == pytest.approx(210.0)
    assert M[1, 1] == pytest.approx(210.0)
    cost, which = g.nearest([[100, 0], [500, 0]], [[300, 10], [450, 0], [0, 500]])
    assert cost[0] == pytest.approx(210.0) and which[1] == 1 and cost[1] == pytest.approx(50)
    assert np.isinf(cost[2]) and which[2] == -1


def test_nearest_matches_distances_min():
    lines = lattice_lines(15, 60.0, jitter=10.0, seed=9)
    g = WalkGraph.from_lines(lines)
    rng = np.random.default_rng(4)
    src = rng.uniform(0, 840, (7, 2))
    dst = rng.uniform(-50, 900, (300, 2))
    M = g.distances(src, dst, limit=1e7, max_snap=40).toarray()
    M[M == 0] = np.inf
    cost, which = g.nearest(src, dst, max_snap=40)
    ref = M.min(axis=0)
    assert np.allclose(cost, ref, equal_nan=False)
    fin = np.isfinite(ref)
    assert np.allclose(M[which[fin], np.flatnonzero(fin)], ref[fin])
    assert (which[~fin] == -1).all()


def test_cost_factors_and_impassable_lines():
    lines = [np.array([[0, 0], [100, 0]], float), np.array([[100, 0], [200, 0]], float)]
    g = WalkGraph.from_lines(lines, factors=[2.0, np.nan])
    assert list(g.edge_cost[:1]) == [200.0] and np.isinf(g.edge_cost[1])
    M = g.distances([[0, 0]], [[100, 0], [150, 0]], limit=1e6).toarray()
    # the impassable edge is no snap target: (150, 0) is reached from the end of the passable one
    assert M[0, 0] == pytest.approx(200.0) and M[0, 1] == pytest.approx(250.0)


def test_empty_graph_and_no_points():
    g = WalkGraph.from_lines([])
    assert g.n_edges == 0 and g.summary()["components"] == 0
    assert g.distances([[0, 0]], [[1, 1]], 100).nnz == 0
    s = g.snap([[0, 0]])
    assert not s.ok.any()
    g2 = WalkGraph.from_lines(lattice_lines(3))
    assert g2.distances(np.zeros((0, 2)), [[0, 0]], 100).shape == (0, 1)
    c, w = g2.nearest(np.zeros((0, 2)), [[0, 0]])
    assert np.isinf(c[0]) and w[0] == -1


def test_threads_give_same_result():
    g = WalkGraph.from_lines(lattice_lines(20, 50.0, jitter=5, seed=1))
    rng = np.random.default_rng(0)
    src = rng.uniform(0, 950, (50, 2))
    a = g.distances(src, src, 400, batch=7, workers=1)
    b = g.distances(src, src, 400, batch=7, workers=2)
    assert (a != b).nnz == 0


def test_lines_from_wkb_matches_shapely():
    from shapely.geometry import LineString, MultiLineString, Point

    from ankunft_plugin.core.network import lines_from_wkb

    geoms = [
        LineString([(0, 0), (1, 2), (3, 3)]),
        LineString([(0, 0, 5), (1, 1, 6)]),
        MultiLineString([[(0, 0), (1, 0)], [(2, 0), (3, 0)]]),
        Point(1, 1),
    ]
    out = lines_from_wkb([g.wkb for g in geoms] + [None, b""])
    assert np.allclose(out[0][0], [[0, 0], [1, 2], [3, 3]])
    assert out[1][0].shape == (2, 2)
    assert len(out[2]) == 2 and np.allclose(out[2][1], [[2, 0], [3, 0]])
    assert out[3] is None and out[4] is None and out[5] is None
    g = WalkGraph.from_lines(out)
    assert g.n_edges == 4
    assert list(g.edge_line) == [0, 1, 2, 2]


def test_snap_restricted_to_edges():
    main = np.array([[0, 0], [1000, 0]], float)
    island = np.array([[0, 10], [50, 10]], float)
    g = WalkGraph.from_lines([main, island])
    s = g.snap([[20, 8]], 200)
    assert g.component[g.edge_u[s.edge[0]]] == 1 and s.dist[0] == pytest.approx(2)
    s2 = g.snap([[20, 8]], 200, edge_mask=g.edge_component == 0)
    assert g.component[g.edge_u[s2.edge[0]]] == 0 and s2.dist[0] == pytest.approx(8) and s2.t[0] == pytest.approx(0.02)
    assert not g.snap([[20, 8]], 5, edge_mask=g.edge_component == 0).ok[0]
    assert not g.snap([[20, 8]], 200, edge_mask=np.zeros(g.n_edges, bool)).ok[0]


def test_given_src_snap_is_used():
    main = np.array([[0, 0], [1000, 0]], float)
    island = np.array([[0, 10], [50, 10]], float)
    g = WalkGraph.from_lines([main, island])
    moved = g.snap([[20, 8]], 200, edge_mask=g.edge_component == 0)
    M = g.distances([[20, 8]], [[500, 0]], 1e6, src_snap=moved).toarray()
    assert M[0, 0] == pytest.approx(8 + 480)
    c, w = g.nearest([[20, 8]], [[500, 0]], src_snap=moved)
    assert c[0] == pytest.approx(488) and w[0] == 0
    assert np.isinf(g.nearest([[20, 8]], [[500, 0]])[0][0])  # snapped onto the island: unreachable


def test_major_edges_and_snap_connected():
    main = np.array([[0, 0], [1000, 0]], float)
    island = np.array([[16, 10], [24, 10]], float)  # 8 m: under 1 % of the length
    far_island = np.array([[0, 500], [5, 500]], float)
    g = WalkGraph.from_lines([main, island, far_island])
    major = g.major_edges()
    assert major.tolist() == (g.edge_component == 0).tolist()
    assert g.major_edges(min_share=0.0).all()
    assert g.fragments() == (2, pytest.approx(13.0))
    xy = [[20, 8], [2, 499], [500, 1], [np.nan, 0]]
    s = g.snap_connected(xy, 200)
    assert s.ok.tolist() == [True, True, True, False]
    assert s.moved.tolist() == [True, False, False, False]
    assert s.on_minor.tolist() == [False, True, False, False]  # the main network is 499 m away
    assert major[s.edge[0]] and s.dist[0] == pytest.approx(8)
    strict = g.snap_connected(xy, 200, strict=True)
    assert strict.ok.tolist() == [True, False, True, False] and not strict.on_minor.any()
    # the same as preferring by hand
    p = g.snap(xy, 200, prefer=major)
    assert p.edge.tolist() == s.edge.tolist() and p.moved.tolist() == s.moved.tolist()
    sub = s.take([2, 0])
    assert sub.edge.tolist() == [s.edge[2], s.edge[0]] and sub.moved.tolist() == [False, True]
    # given snaps of both ends are used
    M = g.distances([[20, 8]], [[500, 1], [2, 499]], 1e6, src_snap=s.take([0]), dst_snap=s.take([2, 1])).toarray()
    assert M[0, 0] == pytest.approx(8 + 480 + 1) and M[0, 1] == 0
    c, w = g.nearest([[20, 8]], [[500, 1]], src_snap=s.take([0]), dst_snap=s.take([2]))
    assert c[0] == pytest.approx(489) and w[0] == 0
    empty = WalkGraph.from_lines([])
    assert empty.major_edges().shape == (0,) and empty.fragments() == (0, 0.0)


def test_arrays_round_trip_keeps_snapping_index(tmp_path):
    """The disk cache's arrays (saved and memory-mapped back) give the same graph, searches and snaps,
    with the snapping pieces and their KD-tree restored instead of rebuilt; a tree from another scipy
    version is rebuilt."""
    lines = lattice_lines(6, jitter=3.0, seed=4)
    factors = np.where(np.arange(len(lines)) % 7 == 0, 0.0, 1.2)
    g = WalkGraph.from_lines(lines, factors=factors)
    rng = np.random.default_rng(9)
    xy = rng.uniform(-150, 650, (300, 2))
    for name, arr in g.to_arrays().items():
        np.save(tmp_path / (name + ".npy"), np.ascontiguousarray(arr), allow_pickle=False)
    arrays = {p.stem: np.load(p, mmap_mode="r") for p in tmp_path.glob("*.npy")}
    loaded = WalkGraph.from_arrays(arrays)
    assert loaded._seg is not None and loaded._tree is not None and loaded._node_tree is not None
    for a, b in ((g.snap(xy, 80.0), loaded.snap(xy, 80.0)), (g.snap_connected(xy, 80.0), loaded.snap_connected(xy, 80.0))):
        for f in ("edge", "t", "dist", "ok"):
            assert np.array_equal(getattr(a, f), getattr(b, f))
    d1 = g.distances(xy[:20], xy[20:60], 400.0)
    d2 = loaded.distances(xy[:20], xy[20:60], 400.0)
    assert (abs(d1 - d2)).max() == 0
    other = dict(arrays, kd_scipy=np.frombuffer(b"0.0.0", dtype=np.uint8))
    rebuilt = WalkGraph.from_arrays(other)
    assert rebuilt._tree is None
    s = rebuilt.snap(xy, 80.0)
    assert np.array_equal(s.edge, g.snap(xy, 80.0).edge)


def test_start_on_a_loop_edge_reaches_its_node_the_short_way():
    # a street from (0, 0) to (100, 0) ending in a turning loop of 40 m that starts and ends at (100, 0):
    # the loop is one edge whose two ends are one node. A start on the loop reaches that node the
    # shorter way round (not along both ways added up: Moabit's point 69 lost 66.8 m this way).
    from ankunft_plugin.core.catchments import edge_reach, reached_edges
    from ankunft_plugin.core.network import Snap

    street = np.array([[0, 0], [100, 0]], float)
    loop = np.array([[100, 0], [110, 0], [110, 10], [100, 10], [100, 0]], float)
    g = WalkGraph.from_lines([street, loop])
    assert g.n_edges == 2 and g.n_nodes == 2
    le = int(np.flatnonzero(g.edge_u == g.edge_v)[0])
    junction = g.edge_u[le]
    end = 1 - junction
    for t, near in ((1.0, 0.0), (0.0, 0.0), (0.125, 5.0), (0.75, 10.0)):
        snap = Snap(np.array([le]), np.array([t]), np.array([0.0]), np.array([True]))
        for D in (g.search(snap, [0], 1e6)[0], g.search_local(snap, [0], 1e6)[0]):
            assert D[junction] == pytest.approx(near, abs=1e-6)
            assert D[end] == pytest.approx(100.0 + near, abs=1e-6)
    # at the junction itself, snapped onto the loop: 30 m reach 30 m of the street and the whole loop
    snap = Snap(np.array([le]), np.array([1.0]), np.array([0.0]), np.array([True]))
    D = g.search(snap, [0], 30.0)[0]
    E = reached_edges(g, D, 30.0, snap.edge)
    assert edge_reach(g, E, D, [30.0], snap.edge, snap.t, snap.dist)[0] == pytest.approx(30.0 + 40.0)
    # through the public calls: a point on the loop 5 m from the junction
    assert g.distances([[105, 0]], [[0, 0]], limit=1e6).toarray()[0, 0] == pytest.approx(105.0)
    cost, which = g.nearest([[105, 0]], [[0, 0]])
    assert cost[0] == pytest.approx(105.0) and which[0] == 0
