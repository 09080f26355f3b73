"""core/infrastructure.py split by topic: categories, languages, distances, ecosystem (the parameter object)."""

import numpy as np
from shapely.geometry import box

from ankunft_plugin.core import categories, distances, ecosystem, infrastructure, languages


def test_old_names_still_there():
    assert infrastructure.load_scheme is categories.load_scheme
    assert infrastructure.parse_languages is languages.parse_languages
    assert infrastructure.StraightLine is distances.StraightLine
    assert infrastructure.analyse is ecosystem.analyse


def _inputs(**extra):
    polys = [box(0, 0, 400, 400), box(400, 0, 800, 400)]
    fac_xy = np.array([[100, 100], [300, 300], [500, 200], [3000, 3000], [150, 250]])
    return ecosystem.OverlayInputs(
        scheme=categories.load_scheme(),
        n_areas=2,
        population=np.array([1000.0, 2000.0]),
        rep=distances.representative_points(polys, grid_spacing=100),
        fac_xy=fac_xy,
        fac_cat=["public_institutions", "children_family", "health", "health", "other"],
        fac_area=distances.assign_points(fac_xy, polys),
        nearest=distances.StraightLine.nearest,
        distances=distances.StraightLine.distances,
        max_minutes=3,
        fac_languages=["ar,tr", "", "uk", "", ""],
        area_languages=["Syrien", "Ukraine"],
        aq_class=["emerging", "none"],
        arrivals=[50.0, 2.0],
        **extra,
    )


def test_parameter_object_equals_keywords():
    x = _inputs()
    a = ecosystem.analyse(x)
    b = ecosystem.analyse(**{f: getattr(x, f) for f in x.__dataclass_fields__})
    for name in ("counts", "per_1000", "minutes", "reach_share", "eco_score", "lang_match", "priority_rank", "fac_pop", "fac_arrivals", "fac_aq_pop"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert a.priority == b.priority and a.lang_missing == b.lang_missing and a.warnings == b.warnings
    assert a.priority[0] in ("first", "aq_served") and a.priority[1] in ("gap", "served")
    assert np.isnan(a.fac_arrivals[1]) or a.fac_arrivals[1] != 2.0  # 2 arrivals alone are never published


def test_seams():
    counts, per_1000 = ecosystem._counts_per_1000(np.array([1000.0, 2.0]), np.array([0, 1, -1]), np.array([0, 0, 1]), 2, 3)
    assert counts.tolist() == [[1.0, 0.0], [1.0, 0.0]]
    assert per_1000[0, 0] == 1.0 and np.isnan(per_1000[1, 0])  # a rate over 2 people is blanked
    priority, rank = ecosystem._priority(np.array([0.2, 0.1, 0.9, np.nan]), None, np.array([10.0, 5.0, 1.0, 1.0]), 0.5)
    assert priority == ["gap", "gap", "served", "insufficient"]
    assert rank[1] == 1 and rank[0] == 2 and np.isnan(rank[2])


def test_network_distances_in_core():
    from shapely.geometry import LineString

    from ankunft_plugin.core.network import WalkGraph

    lines = []
    for i in range(6):
        lines.append(LineString([(x * 100.0, i * 100.0) for x in range(6)]))
        lines.append(LineString([(i * 100.0, y * 100.0) for y in range(6)]))
    graph = WalkGraph.from_lines(lines)
    rep_xy = np.array([[0.0, 10.0], [500.0, 490.0]])
    engine = distances.NetworkDistances(graph, 50.0, rep_xy=rep_xy, rep_snap=graph.snap_connected(rep_xy, 50.0, strict=True))
    src = np.array([[100.0, 0.0], [5000.0, 5000.0]])  # the second is far outside the network
    d, which = engine.nearest(src, rep_xy)
    assert abs(d[0] - 110.0) < 1e-6  # 100 m along the street + 10 m snap
    assert which.tolist() == [0, 0]
    assert abs(d[1] - (400.0 + 490.0)) < 1e-6  # (500, 490) lies on the street x = 500
    m = engine.distances(src, rep_xy, 200.0).toarray()
    assert m.shape == (2, 2) and abs(m[0, 0] - 110.0) < 1e-6 and m[0, 1] == 0 and not m[1].any()
    d2, which2 = engine.nearest(src[1:], rep_xy)
    assert np.isinf(d2).all() and (which2 == -1).all()


def test_area_columns():
    x = _inputs()
    r = ecosystem.analyse(x)
    labels = {k: k.upper() for k in ecosystem.PRIORITY_CODES}
    cols = ecosystem.area_columns(r, x.scheme, "de", labels)
    code = x.scheme.category("health").field
    assert cols["n_{}".format(code)].tolist() == [0.0, 1.0]
    assert cols["prio_label"] == [p.upper() for p in r.priority]
    assert cols["eco_miss_k"][0] == ",".join(r.eco_missing[0])
    assert all(isinstance(v, str) for v in cols["eco_missing"])
