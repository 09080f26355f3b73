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
