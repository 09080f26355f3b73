"""core/infrastructure.py: category scheme, tag mapping, counting, minutes (against the network engine)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import LineString, Point, box

from ankunft_plugin.core import infrastructure as infra
from ankunft_plugin.core.network import WalkGraph, metres_to_minutes

POI_DIR = Path(__file__).resolve().parents[1] / "data" / "berlin" / "poi"
REQUIRED = [
    "counselling",
    "language_education",
    "work",
    "housing",
    "health",
    "children_family",
    "community",
    "religious_migrant",
    "public_institutions",
    "everyday_supply",
]


@pytest.fixture(scope="module")
def scheme():
    return infra.load_scheme()


# --------------------------------------------------------------------------------------------
# scheme and mapping
# --------------------------------------------------------------------------------------------
def test_builtin_scheme_covers_required_categories(scheme):
    for key in REQUIRED:
        cat = scheme.category(key)
        assert cat.in_score
        assert cat.label_en and cat.label_de and cat.label_en != cat.label_de
    assert scheme.score_keys == REQUIRED
    assert "other" in scheme.keys and not scheme.category("other").in_score
    fields = [scheme.category(k).field for k in scheme.keys]
    assert len(set(fields)) == len(fields)
    assert all(len("p1k_" + f) <= 10 for f in fields)  # shapefile-safe field names
    assert scheme.label("health", "de") == "Gesundheit"
    assert scheme.label("health", "en") == "Health"


@pytest.mark.parametrize(
    ("tags", "name", "expected", "source"),
    [
        ({"amenity": "library"}, None, "public_institutions", "tag"),
        ({"amenity": "social_facility", "social_facility:for": "refugee"}, None, "counselling", "tag"),
        ({"amenity": "social_facility", "social_facility": "shelter"}, None, "housing", "tag"),
        ({"amenity": "social_facility", "social_facility:for": "family"}, None, "children_family", "tag"),
        ({"office": "employment_agency"}, None, "work", "tag"),
        ({"healthcare": "counselling"}, None, "counselling", "tag"),
        ({"healthcare": "physiotherapist"}, None, "health", "tag"),
        ({"amenity": "doctors"}, None, "health", "tag"),
        ({"amenity": "kindergarten"}, None, "children_family", "tag"),
        ({"amenity": "language_school"}, None, "language_education", "tag"),
        ({"amenity": "community_centre"}, None, "community", "tag"),
        ({"amenity": "place_of_worship", "religion": "muslim"}, None, "religious_migrant", "tag"),
        ({"religion": "christian"}, None, "religious_migrant", "tag"),
        ({"shop": "supermarket"}, None, "everyday_supply", "tag"),
        ({"shop": "convenience;kiosk"}, None, "everyday_supply", "tag"),
        ({"amenity": "marketplace"}, None, "everyday_supply", "tag"),
        ({"office": "government"}, "Jobcenter Berlin Mitte", "work", "name"),
        ({"office": "government"}, "Finanzamt Mitte", "public_institutions", "tag"),
        ({"office": "association"}, "Berliner Mieterverein", "housing", "name"),
        ({"office": "company"}, "Müller Steuerberatung", "other", "tag"),
        ({"amenity": "bowling_alley"}, None, "other", "unknown"),
        ({}, None, "other", "unknown"),
    ],
)
def test_tag_mapping(scheme, tags, name, expected, source):
    cat, how, _token = scheme.classify(tags, name)
    assert (cat, how) == (expected, source)


def test_unknown_reports_the_tags(scheme):
    cat, how, token = scheme.classify({"amenity": "bowling_alley", "name": "x"})
    assert (cat, how) == ("other", "unknown")
    assert "amenity=bowling_alley" in token


def test_other_tags_hstore(scheme):
    tags = infra.parse_other_tags('"social_facility"=>"outreach","social_facility:for"=>"migrant","wheelchair"=>"yes"')
    assert tags["social_facility:for"] == "migrant"
    assert scheme.classify({"amenity": "social_facility", **tags})[0] == "counselling"
    assert infra.parse_other_tags(None) == {} and infra.parse_other_tags("NULL") == {}


def test_every_berlin_poi_layer_is_mapped(scheme):
    files = sorted(POI_DIR.glob("berlin-points-of-interest-*-details.geojson"))
    assert len(files) >= 20
    mapped = {}
    for f in files:
        cat, refine, _pattern = scheme.match_layer(f.stem)
        assert cat is not None, f.name
        mapped[f.stem.replace("berlin-points-of-interest-", "").replace("-details", "")] = (cat, refine)
    assert mapped["post-offices"] == ("everyday_supply", False)
    assert mapped["offices"] == ("other", True)  # generic: refined by name
    assert mapped["community-centers"][0] == "community"
    assert mapped["libraries"][0] == "public_institutions"
    assert mapped["places-of-worship"][0] == "religious_migrant"
    assert mapped["doctors"][0] == "health"
    assert mapped["kindergartens"][0] == "children_family"
    assert mapped["schools"][0] == "language_education"
    assert mapped["supermarkets"][0] == "everyday_supply"
    assert mapped["marketplaces"][0] == "everyday_supply"
    assert mapped["bus-stops"][0] == "transit"


def test_layer_then_name_refinement(scheme):
    offices = scheme.match_layer("berlin-points-of-interest-offices-details")
    assert scheme.classify({}, "Jobcenter Mitte am Leopoldplatz", offices)[:2] == ("work", "name")
    assert scheme.classify({}, "Bundesamt für Migration und Flüchtlinge", offices)[:2] == ("counselling", "name")
    assert scheme.classify({}, "Fraunhofer Institut für Zuverlässigkeit und Mikrointegration", offices)[0] == "other"
    assert scheme.classify({}, "Dr. Wilke Unternehmensberatung", offices)[0] == "other"
    # a specific layer is not overridden by a name
    doctors = scheme.match_layer("berlin-points-of-interest-doctors-details")
    assert scheme.classify({}, "Praxis Familienberatung", doctors)[0] == "health"
    # tags win over the layer name
    assert scheme.classify({"amenity": "library"}, None, doctors)[0] == "public_institutions"


def test_category_field_values(scheme):
    for value, expected in [
        ("counselling", "counselling"),
        ("Beratung & Migrationsdienste", "counselling"),
        ("Counselling & migration services", "counselling"),
        ("cns", "counselling"),
        ("Kita", "children_family"),
        ("GESUNDHEIT", "health"),
    ]:
        assert scheme.classify(value=value, use_value=True)[:2] == (expected, "field"), value
    assert scheme.classify(value="Kochkurs", use_value=True) == ("other", "unknown", "Kochkurs")
    # an empty value falls back to tags / layer
    assert scheme.classify({"amenity": "library"}, value=None, use_value=True)[0] == "public_institutions"


def test_csv_mapping_adds_rules_and_categories(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "rule;key;value;category;label_en;label_de\n"
        "value;;Kochkurs;community;;\n"
        "layer;;stadtteilmuetter;outreach;Neighbourhood mothers;Stadtteilmütter\n"
        "tag;amenity;bowling_alley;community;;\n"
        "name;;^café global;community;;\n"
        "category;;;outreach;;Stadtteilmütter (aufsuchend)\n",
        encoding="utf-8",
    )
    s = infra.load_scheme(path)
    assert s.classify(value="Kochkurs", use_value=True)[0] == "community"
    assert s.classify({"amenity": "bowling_alley"})[0] == "community"
    assert s.classify({}, "Café Global Moabit")[0] == "community"
    assert s.match_layer("Stadtteilmuetter_Moabit")[0] == "outreach"
    assert "outreach" in s.score_keys
    assert s.label("outreach", "de") == "Stadtteilmütter (aufsuchend)"
    assert s.label("outreach", "en") == "Neighbourhood mothers"
    assert s.keys[-1] == "other"
    # the built-in rules are still there
    assert s.classify({"amenity": "library"})[0] == "public_institutions"


def test_bad_scheme_files(tmp_path):
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(infra.SchemeError, match="rule,key,value,category"):
        infra.load_scheme(bad_csv)
    bad_rule = tmp_path / "bad_rule.csv"
    bad_rule.write_text("rule,key,value,category\nfoo,,x,health\n", encoding="utf-8")
    with pytest.raises(infra.SchemeError, match="line 2"):
        infra.load_scheme(bad_rule)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text(json.dumps({"categories": [{"key": "a"}], "tag_rules": [{"key": "amenity", "values": ["x"], "category": "zzz"}]}))
    with pytest.raises(infra.SchemeError, match="zzz"):
        infra.load_scheme(bad_json)
    with pytest.raises(infra.SchemeError, match="does not exist"):
        infra.load_scheme(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(infra.SchemeError, match="not valid JSON"):
        infra.load_scheme(broken)


def test_json_scheme_replaces_builtin(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(
        json.dumps(
            {
                "categories": [
                    {"key": "help", "label_en": "Help", "label_de": "Hilfe"},
                    {"key": "food", "field": "fd", "label_en": "Food", "label_de": "Essen"},
                ],
                "tag_rules": [{"key": "shop", "values": ["*"], "category": "food"}],
                "layer_rules": [{"pattern": "beratung", "category": "help"}],
            }
        ),
        encoding="utf-8",
    )
    s = infra.load_scheme(path)
    assert s.keys == ["help", "food", "other"]
    assert s.score_keys == ["help", "food"]
    assert s.classify({"shop": "bakery"})[0] == "food"
    assert s.classify({"amenity": "library"})[0] == "other"


def test_languages():
    assert infra.parse_languages("de,ar,TR; uk") == {"de", "ar", "tr", "uk"}
    assert infra.parse_languages("Arabisch, Türkisch") == {"ar", "tr"}
    assert infra.parse_languages(None) == set() and infra.parse_languages("NULL") == set()
    # residents: country codes and names become languages; 'uk' stays Ukrainian
    assert infra.needed_languages("SY,TR,UA") == {"ar", "tr", "uk"}
    assert infra.needed_languages("Syrien; Polen") == {"ar", "pl"}
    assert infra.needed_languages("uk") == {"uk"}


# --------------------------------------------------------------------------------------------
# counting and representative points
# --------------------------------------------------------------------------------------------
def test_assign_points_and_outside():
    polys = [box(0, 0, 10, 10), box(10, 0, 20, 10), None]
    xy = np.array([[5, 5], [15, 5], [25, 5], [np.nan, np.nan], [10, 5]])
    got = infra.assign_points(xy, polys)
    assert got.tolist()[:4] == [0, 1, -1, -1]
    assert got[4] in (-1, 0, 1)  # on the shared edge: at most one area


def test_representative_points_buildings():
    polys = [box(0, 0, 100, 100), box(100, 0, 200, 100)]
    buildings = [box(10, 10, 20, 20), box(50, 50, 80, 60), Point(500, 500).buffer(5)]
    rep = infra.representative_points(polys, buildings)
    assert rep.method == ["buildings", "point_on_surface"]
    first = rep.area == 0
    assert first.sum() == 2
    assert np.allclose(sorted(rep.share[first]), [100 / 400, 300 / 400])
    assert rep.share[rep.area == 1].tolist() == [1.0]


def test_grid_points_spread_residents():
    polys = [box(0, 0, 400, 400), box(400, 0, 410, 10), box(0, 1000, 10000, 11000)]
    rep = infra.representative_points(polys, grid_spacing=100)
    assert rep.method == ["grid", "point_on_surface", "grid"]
    first = rep.area == 0
    assert first.sum() == 16 and np.allclose(rep.share[first], 1 / 16)
    assert rep.xy[first][:, 0].min() == pytest.approx(50)
    assert 50 <= (rep.area == 2).sum() <= 64  # a large area gets a coarser grid
    # a facility reaching only part of a gridded area counts only that part
    scheme = infra.load_scheme()
    r = infra.analyse(
        scheme=scheme,
        n_areas=1,
        population=[1600],
        rep=infra.representative_points(polys[:1], grid_spacing=100),
        fac_xy=np.array([[0.0, 0.0]]),
        fac_cat=["health"],
        fac_area=[0],
        nearest=infra.StraightLine.nearest,
        distances=infra.StraightLine.distances,
        max_minutes=2.2,  # 165 m: the grid points (50, 50), (150, 50), (50, 150)
    )
    assert r.fac_pop[0] == pytest.approx(300)
    assert r.reach_share[0, scheme.index("health")] == pytest.approx(3 / 16)
    assert not r.reachable[0, scheme.index("health")]
    # points that cannot be measured from (off the network) are taken as uninhabited
    rep = infra.representative_points(polys[:1], grid_spacing=100)
    valid = np.ones(len(rep), dtype=bool)
    valid[rep.xy[:, 0] > 200] = False  # the eastern half
    r2 = infra.analyse(
        scheme=scheme,
        n_areas=1,
        population=[1600],
        rep=rep,
        fac_xy=np.array([[0.0, 0.0]]),
        fac_cat=["health"],
        fac_area=[0],
        nearest=infra.StraightLine.nearest,
        distances=infra.StraightLine.distances,
        max_minutes=2.2,
        rep_valid=valid,
    )
    assert r2.fac_pop[0] == pytest.approx(600)  # 1600 residents on 8 points, 3 reached
    assert r2.reach_share[0, scheme.index("health")] == pytest.approx(3 / 8)


def _simple_setup(pops=(1000.0, 2000.0)):
    polys = [box(0, 0, 400, 400), box(400, 0, 800, 400)]
    rep = infra.representative_points(polys)
    return polys, rep, np.asarray(pops, dtype=float)


def test_counts_per_1000_and_straight_minutes(scheme):
    polys, rep, pop = _simple_setup()
    fac_xy = np.array([[100, 100], [300, 300], [500, 200], [3000, 3000], [150, 250]])
    fac_cat = ["public_institutions", "children_family", "health", "health", "other"]
    area = infra.assign_points(fac_xy, polys)
    r = infra.analyse(
        scheme=scheme,
        n_areas=2,
        population=pop,
        rep=rep,
        fac_xy=fac_xy,
        fac_cat=fac_cat,
        fac_area=area,
        nearest=infra.StraightLine.nearest,
        distances=infra.StraightLine.distances,
        max_minutes=10,
    )
    k = scheme.index
    assert r.counts[0, k("public_institutions")] == 1 and r.counts[0, k("children_family")] == 1
    assert r.counts[0, k("other")] == 1 and r.counts[1, k("health")] == 1
    assert r.counts.sum() == 4  # the facility outside all areas is not counted
    assert r.per_1000[0, k("public_institutions")] == pytest.approx(1.0)
    assert r.per_1000[1, k("health")] == pytest.approx(0.5)
    # minutes = straight distance from the point on surface at 4.5 km/h (75 m/min)
    d = np.hypot(*(rep.xy[0] - fac_xy[0]))
    assert r.minutes[0, k("public_institutions")] == pytest.approx(d / 75.0)
    assert np.isnan(r.minutes[0, k("counselling")])  # none anywhere
    assert r.eco_score[0] == pytest.approx(3 / 10)  # public, children, health (the doctor next door)
    assert set(r.eco_missing[0]) == set(REQUIRED) - {"public_institutions", "children_family", "health"}
    # catchment: the library reaches both points on surface within 750 m
    assert r.fac_pop[0] == pytest.approx(3000)
    assert not r.fac_in_study[3]
    assert np.isnan(r.fac_pop[3])


def test_small_counts_suppressed(scheme):
    polys, rep, pop = _simple_setup(pops=(2.0, 0.0))
    fac_xy = np.array([[100, 100]])
    r = infra.analyse(
        scheme=scheme,
        n_areas=2,
        population=pop,
        rep=rep,
        fac_xy=fac_xy,
        fac_cat=["health"],
        fac_area=infra.assign_points(fac_xy, polys),
        nearest=infra.StraightLine.nearest,
        distances=infra.StraightLine.distances,
        threshold=3,
    )
    assert np.isnan(r.fac_pop[0])  # 2 people in the catchment: blanked
    assert np.isnan(r.per_1000[0]).all()  # rates over 2 inhabitants: blanked
    assert np.isnan(r.per_1000[1]).all()  # population 0: no rate
    assert r.counts[0, scheme.index("health")] == 1  # facility counts are not people


def test_priority_languages_and_unmeasured(scheme):
    polys = [box(0, 0, 400, 400), box(400, 0, 800, 400), box(5000, 0, 5400, 400)]
    rep = infra.representative_points(polys)
    fac_xy = np.array([[200, 200], [600, 200], [650, 250]])
    r = infra.analyse(
        scheme=scheme,
        n_areas=3,
        population=[1000, 1000, 500],
        rep=rep,
        fac_xy=fac_xy,
        fac_cat=["counselling", "health", "work"],
        fac_area=infra.assign_points(fac_xy, polys),
        nearest=infra.StraightLine.nearest,
        distances=infra.StraightLine.distances,
        max_minutes=5,  # 375 m
        fac_languages=["de,ar", "tr", None],
        area_languages=["SY,TR", "UA", None],
        aq_class=["established", "none", "emerging"],
        arrivals=[100, 50, 10],
        rep_valid=[True, True, False],
        priority_below=0.5,
    )
    # area 0 reaches counselling (0 m) and health (400 m straight > 375 m? no: 400 > 375)
    assert r.eco_score[0] == pytest.approx(1 / 10)
    assert r.priority[0] == "first" and r.priority_rank[0] == 1
    assert r.priority[1] == "gap"
    assert r.priority[2] == "insufficient" and np.isnan(r.eco_score[2])
    assert r.lang_match[0] == pytest.approx(0.5) and r.lang_missing[0] == ["tr"]
    assert r.lang_match[1] == 0.0 and r.lang_missing[1] == ["uk"]
    assert np.isnan(r.lang_match[2])
    assert r.fac_arrivals[0] == pytest.approx(100)
    assert r.fac_aq_pop[0] == pytest.approx(1000)


def test_weighted_median():
    assert infra.weighted_median([1, 2, 3], [1, 1, 1]) == 2
    assert infra.weighted_median([1, 10], [0.8, 0.2]) == 1
    assert infra.weighted_median([1, np.inf], [0.3, 0.7]) == np.inf
    assert np.isnan(infra.weighted_median([], []))


def test_straight_line_stores_zero_distance():
    D = infra.StraightLine.distances(np.array([[0.0, 0.0]]), np.array([[0.0, 0.0], [10.0, 0.0], [100.0, 0.0]]), 50)
    assert D.shape == (1, 3) and D.nnz == 2
    assert D[0, 0] > 0 and D[0, 0] < 1e-6


# --------------------------------------------------------------------------------------------
# minutes along the network, checked against the network engine
# --------------------------------------------------------------------------------------------
def _lattice(n=12, step=100.0):
    lines = []
    coords = [k * step for k in range(n)]
    for i in range(n):
        lines.append(LineString([(x, i * step) for x in coords]))  # shared vertices at every crossing
        lines.append(LineString([(i * step, y) for y in coords]))
    return WalkGraph.from_lines(lines)


def test_network_minutes_equal_engine(scheme):
    graph = _lattice()
    polys = [box(x, y, x + 300, y + 300) for x in (0, 400, 800) for y in (0, 400, 800)]
    rep = infra.representative_points(polys)
    rng = np.random.default_rng(5)
    fac_xy = rng.uniform(0, 1100, size=(25, 2))
    cats = [REQUIRED[i % 4] for i in range(25)]
    r = infra.analyse(
        scheme=scheme,
        n_areas=len(polys),
        population=np.full(len(polys), 1000.0),
        rep=rep,
        fac_xy=fac_xy,
        fac_cat=cats,
        fac_area=infra.assign_points(fac_xy, polys),
        nearest=graph.nearest,
        distances=graph.distances,
        max_minutes=5,
    )
    for key in REQUIRED[:4]:
        sel = np.array([c == key for c in cats])
        d, _ = graph.nearest(fac_xy[sel], rep.xy)
        expected = metres_to_minutes(d)
        got = r.minutes[:, scheme.index(key)]
        assert np.allclose(got, expected)
        reach = expected <= 5
        assert (r.reachable[:, scheme.index(key)] == reach).all()
    # catchment population against the engine's own distance matrix
    D = graph.distances(fac_xy, rep.xy, infra.minutes_to_metres(5))
    expected_pop = np.asarray((D > 0).astype(float) @ np.full(len(polys), 1000.0)).ravel()
    assert np.allclose(np.nan_to_num(r.fac_pop), np.where(expected_pop >= 3, expected_pop, 0))


def test_network_minutes_by_hand():
    """One straight street: a facility 450 m along it is 6 minutes at 4.5 km/h."""
    scheme = infra.load_scheme()
    graph = WalkGraph.from_lines([LineString([(0, 0), (2000, 0)])])
    polys = [box(-50, -50, 50, 50)]
    rep = infra.representative_points(polys)
    assert np.allclose(rep.xy[0], [0, 0], atol=1e-6) or abs(rep.xy[0][1]) < 50
    fac_xy = np.array([[450.0, 0.0]])
    r = infra.analyse(
        scheme=scheme,
        n_areas=1,
        population=[100],
        rep=rep,
        fac_xy=fac_xy,
        fac_cat=["health"],
        fac_area=[-1],
        nearest=graph.nearest,
        distances=graph.distances,
        max_minutes=10,
    )
    snap = abs(rep.xy[0][1])  # the point on surface walks straight to the street first
    expected = (450.0 - rep.xy[0][0] + snap) / 75.0
    assert r.minutes[0, scheme.index("health")] == pytest.approx(expected, abs=1e-6)
    assert r.fac_pop[0] == pytest.approx(100)


def test_cell_points_weight_areas_by_the_people_of_their_cells():
    from ankunft_plugin.core.distances import cell_points

    polys = [box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100)]
    xy = np.array([[10.0, 10.0], [60.0, 60.0], [150.0, 50.0]])
    rep = cell_points(polys, xy, [10.0, 30.0, 0.0], grid_spacing=50)
    assert rep.method[0] == "grid_cells" and rep.method[2] == "grid"
    first = rep.area == 0
    assert np.allclose(sorted(rep.share[first]), [0.25, 0.75])
    assert (rep.area == 2).sum() == 4


def test_layer_fields_roles_and_categorise_rows(scheme):
    from ankunft_plugin.core import categories

    lf = categories.layer_fields(["OSM_ID", "Amenity", "other_tags", "NAME", "Kategorie"], "kategorie", "name", "sprachen")
    assert lf.tags == ["Amenity"] and lf.other_tags == "other_tags" and lf.value == "Kategorie" and lf.name == "NAME"
    assert lf.language is None and lf.language_missing and not lf.value_missing
    assert lf.wanted == ["Amenity", "other_tags", "Kategorie", "NAME"]
    assert categories.layer_fields(["a"], "cat").value_missing
    columns = {
        "Amenity": ["library", None, "NULL", None],
        "other_tags": [None, '"amenity"=>"social_facility","social_facility:for"=>"migrant"', None, None],
        "Kategorie": [None, None, None, None],
        "NAME": ["Stadtbibliothek", "NULL", "Jobcenter Mitte", None],
    }
    lf = categories.layer_fields(["Amenity", "other_tags", "NAME"], None, "name")
    assert categories.row_tags(columns, 1, lf) == {"amenity": "social_facility", "social_facility:for": "migrant"}
    assert categories.row_tags(columns, 2, lf) == {}
    offices = scheme.match_layer("offices")
    c = categories.categorise(scheme, columns, [0, 1, 2, 3], lf, offices, "poi-offices")
    expect = [scheme.classify(categories.row_tags(columns, i, lf), columns["NAME"][i], offices) for i in range(4)]
    assert c.category == [e[0] for e in expect] and c.source == [e[1] for e in expect]
    assert c.category[0] == "public_institutions" and c.category[2] == "work"
    assert c.name == ["Stadtbibliothek", None, "Jobcenter Mitte", None]
    assert c.token[3] == (expect[3][2] or "poi-offices")
    assert categories.categorise(scheme, columns, [], lf, offices, "x").category == []
