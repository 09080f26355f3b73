"""ankunft:infrastructureoverlay in QGIS: real Moabit run and bad input."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType

from tests.qgis.feedback import LogFeedback

DATA = Path(__file__).resolve().parents[1] / "data"
BERLIN = DATA / "berlin"
MOABIT = DATA / "moabit"
POI = BERLIN / "poi"
ALG = "ankunft:infrastructureoverlay"



def moabit_areas(aq: dict | None = None) -> QgsVectorLayer:
    """The Berlin planning areas whose point on surface lies in the Moabit district, with the
    2020-02 population joined on id (memory layer, EPSG:4326)."""
    district = QgsVectorLayer(str(MOABIT / "moabit_district.gpkg"), "district", "ogr")
    dgeom = next(district.getFeatures()).geometry()
    pop = {}
    with open(BERLIN / "population" / "berlin-lor-population-2020-02-t1-planning-areas.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pop[row["id"]] = int(row["inhabitants"])
    lor = QgsVectorLayer(str(BERLIN / "berlin-lor-planning-areas-until-2020.geojson"), "lor", "ogr")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "moabit_areas", "memory")
    fields = [QgsField("id", QMetaType.Type.QString), QgsField("name", QMetaType.Type.QString), QgsField("population", QMetaType.Type.Int)]
    if aq is not None:
        fields.append(QgsField("aq_class", QMetaType.Type.QString))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    feats = []
    for f in lor.getFeatures():
        g = f.geometry()
        if not dgeom.contains(g.pointOnSurface()):
            continue
        nf = QgsFeature(layer.fields())
        nf.setGeometry(g)
        attrs = [f["id"], f["name"], pop.get(f["id"])]
        if aq is not None:
            attrs.append(aq.get(f["id"], "none"))
        nf.setAttributes(attrs)
        feats.append(nf)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def poi_layers(names=None) -> list:
    files = sorted(POI.glob("berlin-points-of-interest-*-details.geojson"))
    out = []
    for f in files:
        if names is not None and not any("-{}-".format(n) in f.name for n in names):
            continue
        lyr = QgsVectorLayer(str(f), f.stem, "ogr")
        assert lyr.isValid(), f
        out.append(lyr)
    return out


def point_layer(name, crs, points, fields=()):
    """A memory point layer: points = [(x, y, {field: value})]."""
    layer = QgsVectorLayer("Point?crs={}".format(crs), name, "memory")
    if fields:
        layer.dataProvider().addAttributes([QgsField(f, QMetaType.Type.QString) for f in fields])
        layer.updateFields()
    feats = []
    for x, y, attrs in points:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes([attrs.get(n) for n in fields])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def square_areas(crs="EPSG:25833", pops=(1000, 2000), aq=None):
    """Two 400 m squares side by side in Berlin (EPSG:25833)."""
    layer = QgsVectorLayer("Polygon?crs={}".format(crs), "squares", "memory")
    fields = [QgsField("id", QMetaType.Type.QString), QgsField("pop", QMetaType.Type.QString)]
    if aq is not None:
        fields.append(QgsField("aq_class", QMetaType.Type.QString))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    x0, y0 = 388000.0, 5820000.0
    feats = []
    for i, p in enumerate(pops):
        f = QgsFeature(layer.fields())
        xa = x0 + 400 * i
        f.setGeometry(QgsGeometry.fromWkt("POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))".format(a=xa, b=y0, c=xa + 400, d=y0 + 400)))
        attrs = ["A{}".format(i), str(p)]
        if aq is not None:
            attrs.append(aq[i])
        f.setAttributes(attrs)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def load(path) -> QgsVectorLayer:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return layer


def by_id(layer, key="id"):
    return {f[key]: f for f in layer.getFeatures()}


# --------------------------------------------------------------------------------------------
def test_registered(provider):
    alg = provider.algorithm("infrastructureoverlay")
    assert alg is not None
    assert alg.shortHelpString()
    for p in alg.parameterDefinitions():
        assert p.help(), p.name()


def test_straight_line_counts_other_crs_unknown_and_outside(run_alg, tmp_path):
    areas = square_areas(aq=["emerging", "none"])
    x0, y0 = 388000.0, 5820000.0
    # facilities in EPSG:4326 (another CRS: reprojected), one outside all areas, one unknown tag
    to4326 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:25833"), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )

    def geo(x, y):
        p = to4326.transform(QgsPointXY(x, y))
        return p.x(), p.y()

    pts = [
        (*geo(x0 + 100, y0 + 100), {"amenity": "library", "name": "Bibliothek"}),
        (*geo(x0 + 300, y0 + 300), {"amenity": "kindergarten"}),
        (*geo(x0 + 500, y0 + 200), {"amenity": "doctors"}),
        (*geo(x0 + 2000, y0 + 2000), {"amenity": "pharmacy"}),  # outside all areas
        (*geo(x0 + 150, y0 + 250), {"amenity": "bowling_alley"}),  # unknown -> other
    ]
    fac = point_layer("osm_points", "EPSG:4326", pts, ("amenity", "name"))
    empty = point_layer("empty_layer", "EPSG:4326", [], ("amenity",))
    fb = LogFeedback()
    res = run_alg(
        ALG,
        {
            "AREAS": areas,
            "AREA_ID_FIELD": "id",
            "POPULATION_FIELD": "pop",
            "FACILITIES": [fac, empty],
            "MAX_MINUTES": 10,
            "OUTPUT": str(tmp_path / "areas.gpkg"),
            "OUTPUT_FACILITIES": str(tmp_path / "fac.gpkg"),
        },
        feedback=fb,
    )
    assert res["DIST_METHOD"] == "straight line"
    assert res["N_FACILITIES"] == 5
    assert res["N_OTHER"] == 1
    log = fb.text()
    assert "empty_layer" in log and "empty" in log
    assert "amenity=bowling_alley" in log
    assert "outside all areas" in log
    out = by_id(load(res["OUTPUT"]))
    a0, a1 = out["A0"], out["A1"]
    assert a0["n_publ"] == 1 and a0["n_kids"] == 1 and a0["n_oth"] == 1 and a0["n_hlth"] == 0
    assert a1["n_hlth"] == 1 and a1["n_publ"] == 0
    assert a0["p1k_publ"] == pytest.approx(1.0)
    assert a1["p1k_hlth"] == pytest.approx(0.5)
    assert a0["dist_method"] == "straight line"
    # the pharmacy outside all areas is still the nearest health offer of nobody here: the doctor is
    assert a0["min_hlth"] is not None and a0["min_hlth"] > 0
    assert 0 <= a0["eco_score"] <= 1
    assert a0["priority"] in ("first", "aq_served")
    assert a1["priority"] in ("gap", "served")
    facs = list(load(res["OUTPUT_FACILITIES"]).getFeatures())
    cats = {f["cat_token"]: f["category"] for f in facs}
    assert cats.get("amenity=bowling_alley") == "other"
    # the facility 2.8 km away is out of reach of both squares: not in the facilities output
    assert len(facs) == 4
    # catchment population: the library reaches both squares within 10 min (750 m) straight line
    lib = next(f for f in facs if f["category"] == "public_institutions")
    assert lib["area_id"] == "A0"
    assert lib["pop_reach"] == pytest.approx(3000)


def test_empty_facilities_and_suppression(run_alg, tmp_path):
    areas = square_areas(pops=(2, 500))
    empty = point_layer("nothing_here", "EPSG:25833", [], ("amenity",))
    fb = LogFeedback()
    res = run_alg(
        ALG,
        {"AREAS": areas, "AREA_ID_FIELD": "id", "POPULATION_FIELD": "pop", "FACILITIES": [empty], "OUTPUT": str(tmp_path / "a.gpkg")},
        feedback=fb,
    )
    assert res["N_FACILITIES"] == 0
    assert "nothing_here" in fb.text()
    out = by_id(load(res["OUTPUT"]))
    assert out["A0"]["eco_score"] == 0.0
    assert "Beratung" in out["A0"]["eco_missing"] or "Counselling" in out["A0"]["eco_missing"]
    # population 2 < 3: the rate per 1000 is blanked, 0 facilities stay 0
    assert out["A0"]["n_cns"] == 0
    assert out["A0"]["p1k_cns"] is None or out["A0"]["p1k_cns"] != out["A0"]["p1k_cns"] or str(out["A0"]["p1k_cns"]) == "NULL"
    assert out["A1"]["p1k_cns"] == 0.0


def test_category_field_and_languages(run_alg, tmp_path):
    areas = square_areas()
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833", "own", "memory")
    layer.dataProvider().addAttributes([QgsField("kat", QMetaType.Type.QString), QgsField("sprachen", QMetaType.Type.QString)])
    layer.updateFields()
    feats = []
    for wkt, kat, sp in [
        ("POLYGON((388050 5820050,388090 5820050,388090 5820090,388050 5820050))", "Beratung & Migrationsdienste", "de,ar"),
        ("POLYGON((388450 5820050,388490 5820050,388490 5820090,388450 5820050))", "Kochkurs", "de,tr"),
    ]:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes([kat, sp])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    # residents' languages on the areas
    areas.dataProvider().addAttributes([QgsField("langs", QMetaType.Type.QString)])
    areas.updateFields()
    idx = areas.fields().lookupField("langs")
    areas.dataProvider().changeAttributeValues({f.id(): {idx: "SY,TR,UA"} for f in areas.getFeatures()})
    fb = LogFeedback()
    res = run_alg(
        ALG,
        {
            "AREAS": areas,
            "AREA_ID_FIELD": "id",
            "POPULATION_FIELD": "pop",
            "FACILITIES": [layer],
            "CATEGORY_FIELD": "kat",
            "LANGUAGES_FIELD": "sprachen",
            "AREA_LANGUAGES_FIELD": "langs",
            "MAX_MINUTES": 10,
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_FACILITIES": str(tmp_path / "f.gpkg"),
        },
        feedback=fb,
    )
    assert res["N_OTHER"] == 1
    assert "Kochkurs" in fb.text()
    out = by_id(load(res["OUTPUT"]))
    assert out["A0"]["n_cns"] == 1 and out["A1"]["n_oth"] == 1
    # both facilities within 750 m of both centres: ar and tr offered, uk missing
    assert out["A0"]["lang_match"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["A0"]["lang_miss"] == "uk"


def test_bad_scheme_message(run_alg, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="rule,key,value,category"):
        run_alg(
            ALG,
            {
                "AREAS": square_areas(),
                "POPULATION_FIELD": "pop",
                "FACILITIES": [point_layer("p", "EPSG:25833", [(388100, 5820100, {})])],
                "CATEGORY_SCHEME": str(bad),
                "OUTPUT": str(tmp_path / "a.gpkg"),
            },
        )


def test_network_minutes_match_engine(run_alg, tmp_path):
    """Minutes written by the algorithm equal the network engine's own nearest distances."""
    from ankunft_plugin.core.network import WalkGraph, metres_to_minutes

    roads = QgsVectorLayer(str(MOABIT / "moabit_roads.gpkg"), "roads", "ogr")
    areas = moabit_areas()
    libs = poi_layers(["libraries", "community-centers"])
    res = run_alg(
        ALG,
        {
            "AREAS": areas,
            "AREA_ID_FIELD": "id",
            "POPULATION_FIELD": "population",
            "FACILITIES": libs,
            "NETWORK": roads,
            "MAX_MINUTES": 10,
            "MEASURE_FROM": 1,  # one point on each area's surface
            "OUTPUT": str(tmp_path / "a.gpkg"),
        },
    )
    assert res["DIST_METHOD"] == "network"
    out = by_id(load(res["OUTPUT"]))
    # recompute with the engine directly in EPSG:32633 (the UTM zone the algorithm picks)
    from ankunft_plugin.processing.bridge import to_shapely

    crs = QgsCoordinateReferenceSystem("EPSG:32633")
    tr = QgsCoordinateTransform(roads.crs(), crs, QgsProject.instance())
    lines = []
    for f in roads.getFeatures():
        g = QgsGeometry(f.geometry())
        g.transform(tr)
        lines.append(g)
    graph = WalkGraph.from_lines([g for g in to_shapely(lines) if g is not None])
    lib = [QgsGeometry(f.geometry()) for f in poi_layers(["libraries"])[0].getFeatures()]
    xy = []
    for g in lib:
        g.transform(tr)
        p = g.asPoint()
        xy.append((p.x(), p.y()))
    xy = np.array(xy)
    rep = []
    ids = []
    for f in areas.getFeatures():
        g = QgsGeometry(f.geometry())
        g.transform(tr)
        shp = to_shapely([g])[0].representative_point()
        rep.append((shp.x, shp.y))
        ids.append(f["id"])
    # the algorithm only passes facilities near the network: the nearest result is the same
    d, _ = graph.nearest(xy, np.array(rep), max_snap=200.0)
    checked = 0
    for i, aid in enumerate(ids):
        got = out[aid]["min_publ"]
        if np.isfinite(d[i]):
            assert got == pytest.approx(float(metres_to_minutes(d[i])), abs=0.006)
            checked += 1
    assert checked >= 10


@pytest.mark.slow
def test_real_moabit_run(run_alg, tmp_path):
    areas = moabit_areas(aq={})
    assert areas.featureCount() == 12
    roads = QgsVectorLayer(str(MOABIT / "moabit_roads.gpkg"), "roads", "ogr")
    fb = LogFeedback()
    t0 = time.perf_counter()
    res = run_alg(
        ALG,
        {
            "AREAS": areas,
            "AREA_ID_FIELD": "id",
            "POPULATION_FIELD": "population",
            "FACILITIES": poi_layers(),
            "NETWORK": roads,
            "MAX_MINUTES": 10,
            "OUTPUT": str(tmp_path / "moabit.gpkg"),
            "OUTPUT_FACILITIES": str(tmp_path / "moabit_fac.gpkg"),
        },
        feedback=fb,
    )
    elapsed = time.perf_counter() - t0
    out = load(res["OUTPUT"])
    assert out.featureCount() == 12
    lines = []
    for f in out.getFeatures():
        assert f["dist_method"] == "network"
        assert 0.0 <= f["eco_score"] <= 1.0
        lines.append("{} {}: eco {:.2f}, missing: {}".format(f["id"], f["name"], f["eco_score"], f["eco_missing"]))
    facs = load(res["OUTPUT_FACILITIES"])
    assert facs.featureCount() > 100
    report = "runtime {:.1f} s, facilities {} (other {})\n".format(elapsed, res["N_FACILITIES"], res["N_OTHER"]) + "\n".join(lines)
    (tmp_path / "moabit_report.txt").write_text(report + "\n\nLOG\n" + fb.text(), encoding="utf-8")
    print(report)
    assert elapsed < 60


def test_network_in_other_crs_and_off_network_facility(run_alg, tmp_path):
    """Areas in EPSG:25833, network and facilities in EPSG:4326: everything is reprojected; a facility
    far from the network is flagged (snap_ok false) and reaches nobody."""
    areas = square_areas()
    x0, y0 = 388000.0, 5820000.0
    to4326 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:25833"), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    net = QgsVectorLayer("LineString?crs=EPSG:4326", "streets", "memory")
    feats = []
    steps = [k * 100.0 for k in range(9)]
    for s in steps:  # a 800 m lattice with shared vertices at every crossing
        for line in ([(x0 + t, y0 + s) for t in steps], [(x0 + s, y0 + t) for t in steps]):
            pts = [to4326.transform(QgsPointXY(x, y)) for x, y in line]
            f = QgsFeature()
            f.setGeometry(QgsGeometry.fromPolylineXY(pts))
            feats.append(f)
    net.dataProvider().addFeatures(feats)
    on = to4326.transform(QgsPointXY(x0 + 200, y0 + 200))
    off = to4326.transform(QgsPointXY(x0 + 1050, y0 + 200))  # 250 m east of the lattice
    fac = point_layer("osm", "EPSG:4326", [(on.x(), on.y(), {"amenity": "library"}), (off.x(), off.y(), {"amenity": "doctors"})], ("amenity",))
    res = run_alg(
        ALG,
        {
            "AREAS": areas,
            "AREA_ID_FIELD": "id",
            "POPULATION_FIELD": "pop",
            "FACILITIES": [fac],
            "NETWORK": net,
            "MAX_MINUTES": 10,
            "MEASURE_FROM": 1,
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_FACILITIES": str(tmp_path / "f.gpkg"),
        },
    )
    assert res["DIST_METHOD"] == "network"
    out = by_id(load(res["OUTPUT"]))
    # from the centre of square A0 (200, 200) the library is on the same crossing: ~0 minutes
    assert out["A0"]["min_publ"] == pytest.approx(0.0, abs=0.05)
    # A1's centre (600, 200): 400 m along the street = 5.33 min
    assert out["A1"]["min_publ"] == pytest.approx(400 / 75.0, abs=0.05)
    assert out["A0"]["min_hlth"] is None or str(out["A0"]["min_hlth"]) == "NULL"  # the doctor is off the network
    facs = {f["category"]: f for f in load(res["OUTPUT_FACILITIES"]).getFeatures()}
    assert facs["public_institutions"]["snap_ok"] in (True, 1)
    assert facs["health"]["snap_ok"] in (False, 0)
    assert facs["public_institutions"]["pop_reach"] == pytest.approx(3000)


def test_styles_apply(run_alg, tmp_path):
    from ankunft_plugin.core.infrastructure import load_scheme
    from ankunft_plugin.processing.infrastructure_overlay import apply_area_style, apply_facility_style

    fac = point_layer("osm", "EPSG:25833", [(388100, 5820100, {"amenity": "library"})], ("amenity",))
    res = run_alg(
        ALG,
        {
            "AREAS": square_areas(),
            "POPULATION_FIELD": "pop",
            "FACILITIES": [fac],
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_FACILITIES": str(tmp_path / "f.gpkg"),
        },
    )
    areas, facs = load(res["OUTPUT"]), load(res["OUTPUT_FACILITIES"])
    apply_area_style(areas, {"first": "x"})
    assert areas.renderer().classAttribute() == "priority"
    assert len(areas.renderer().categories()) == 5
    keys = load_scheme().keys
    apply_facility_style(facs, keys, {})
    assert facs.renderer().classAttribute() == "category"
    assert len(facs.renderer().categories()) == len(keys)
