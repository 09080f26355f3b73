"""``ankunft:arrivaldynamics`` and ``ankunft:widetabletoyears`` in QGIS, on Berlin 2015–2020.

Year layers: the 448 planning areas (polygons, joined on ``id``) with the register data of the
year-end cut-off (``-02-``). Arrivals proxy: growth of the foreign population since the previous
year end (2015: since the mid-year cut-off 2015-01, a half year; z-scores are compared within each
year, so the shorter window changes the scale, not the ranking). Diversity: foreigners in percent.
Turnover: MSS 2013 k11 (moves per 100 inhabitants, percent), a constant context indicator.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProcessingContext, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QMetaType

DATA = Path(__file__).resolve().parents[1] / "data" / "berlin"
YEARS = list(range(2015, 2021))


def _read_csv(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in csv.DictReader(fh)}


def _population(year: int, half: int) -> dict[str, dict]:
    return _read_csv(DATA / "population" / "berlin-lor-population-{}-{:02d}-t1-planning-areas.csv".format(year, half))


@pytest.fixture(scope="module")
def berlin_years():
    return build_berlin_years()


def build_berlin_years():
    """One memory layer per year 2015–2020 (inner join: areas without data that year are absent)."""
    geo = json.loads((DATA / "berlin-lor-planning-areas-until-2020.geojson").read_text(encoding="utf-8"))
    polygons = {}
    for f in geo["features"]:
        area_id, geom = f["properties"]["id"], QgsGeometry.fromWkt(_wkt(f["geometry"]))
        # data quirk: the polygon of 04030417 Schloßstraße (Charlottenburg, north of 52.49° N) carries the
        # id 06010102 of Schloßstraße in Steglitz in this file; the register and MSS tables have both ids
        if area_id == "06010102" and geom.centroid().asPoint().y() > 52.49:
            area_id = "04030417"
        polygons[area_id] = (f["properties"]["name"], geom)
    assert len(polygons) == 448
    mss = _read_csv(DATA / "mss" / "mss-2013-planning-areas.csv")
    layers = []
    for year in YEARS:
        now = _population(year, 2)
        before = _population(2015, 1) if year == 2015 else _population(year - 1, 2)
        layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "berlin_{}".format(year), "memory")
        pr = layer.dataProvider()
        pr.addAttributes(
            [
                QgsField("id", QMetaType.Type.QString),
                QgsField("name", QMetaType.Type.QString),
                QgsField("einw", QMetaType.Type.Int),
                QgsField("zuzug", QMetaType.Type.Int),
                QgsField("ausl_pct", QMetaType.Type.Double),
                QgsField("k11", QMetaType.Type.Double),
            ]
        )
        layer.updateFields()
        feats = []
        for area_id, (name, geom) in polygons.items():
            row = now.get(area_id)
            if row is None:
                continue
            prev = before.get(area_id)
            growth = int(row["inhabitants_foreigners"]) - int(prev["inhabitants_foreigners"]) if prev else None
            k11 = mss.get(area_id, {}).get("k11_migration_volume") or None
            f = QgsFeature(layer.fields())
            f.setGeometry(geom)
            f.setAttributes(
                [area_id, name, int(row["inhabitants"]), growth, float(row["inhabitants_foreigners_percentage"]), float(k11) if k11 else None]
            )
            feats.append(f)
        pr.addFeatures(feats)
        layers.append(layer)
    return layers


def _wkt(geometry: dict) -> str:
    from shapely.geometry import shape

    return shape(geometry).wkt


def _params(layers, years, **extra):
    params = {
        "INPUTS": layers,
        "YEARS": ",".join(str(y) for y in years),
        "ID_FIELD": "id",
        "NAME_FIELD": "name",
        "POPULATION_FIELD": "einw",
        "ARRIVALS_FIELD": "zuzug",
        "ARRIVALS_UNIT": 0,
        "TURNOVER_FIELD": "k11",
        "TURNOVER_UNIT": 1,
        "DIVERSITY_FIELD": "ausl_pct",
        "DIVERSITY_UNIT": 1,
        "OUTPUT": "memory:",
        "OUTPUT_TRANSITIONS": "memory:",
    }
    params.update(extra)
    return params


def _run(run_alg, params):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = run_alg("ankunft:arrivaldynamics", params, context=context)
    out = result["OUTPUT"]
    trans = result["OUTPUT_TRANSITIONS"]
    if isinstance(out, str):
        out = context.getMapLayer(out)
        trans = context.getMapLayer(trans)
    return result, out, trans


def test_parameters_shared_with_classification(provider):
    dynamics = provider.algorithm("arrivaldynamics")
    classify = provider.algorithm("classifyarrivalquarters")
    for param in classify.parameterDefinitions():
        if param.name() in ("INPUT", "ID_FIELD", "OUTPUT"):
            continue
        mine = dynamics.parameterDefinition(param.name())
        assert mine is not None, param.name()
        if param.name() == "CLUSTERS":  # the shared cluster option: off for a snapshot, on for monitoring
            assert param.defaultValue() is False and mine.defaultValue() is True
            continue
        assert mine.defaultValue() == param.defaultValue(), param.name()
        assert mine.help() == param.help()
        assert mine.flags() == param.flags()


@pytest.mark.slow
def test_berlin_2015_2020(run_alg, berlin_years, capsys):
    start = time.perf_counter()
    result, out, trans = _run(run_alg, _params(berlin_years, YEARS))
    elapsed = time.perf_counter() - start
    feats = list(out.getFeatures())
    assert len(feats) == 448  # the union over the years: 09041403 appears only from 2019
    by_id = {f["id"]: f for f in feats}
    partial = by_id["09041403"]
    assert partial["years_missing"] == "2015,2016,2017,2018"
    assert partial["years_present"] == 2
    assert result["N_PARTIAL"] == 1
    for name in ("aq_class_2015", "aq_score_2020", "trend", "change", "cluster", "gi_z"):
        assert out.fields().lookupField(name) >= 0, name
    changes = {}
    for f in feats:
        changes.setdefault(f["change"], []).append(f)
    assert sum(result["N_{}".format(k.upper())] for k in changes) == 448
    emerging = sorted("{} {}".format(f["id"], f["name"]) for f in changes.get("newly_emerging", []))
    # transition table: 16 rows per period, pooled + 5 year pairs; row shares sum to 1
    rows = list(trans.getFeatures())
    assert len(rows) == 16 * 6
    pooled = [r for r in rows if r["period"] == "all"]
    for cls in ("established", "emerging", "none"):
        row = [r for r in pooled if r["from_class"] == cls]
        total = sum(r["count"] for r in row)
        if total:
            assert sum(r["share"] for r in row) == pytest.approx(1.0)
    assert result["N_HOT"] > 0 and result["N_COLD"] > 0
    # known sites of emergency refugee housing 2015–2017 show up as emerging in their year
    for area_id, year in (("07040401", 2015), ("05020626", 2015), ("11030721", 2016), ("03010102", 2017)):
        assert by_id[area_id]["aq_class_{}".format(year)] == "emerging", (area_id, year)
    assert by_id["05020626"]["change"] == "fading"  # Adamstraße: the shelter closed
    assert 100 <= result["N_CHANGED"] <= 220
    # an inner-city arrival quarter stays one: Soldiner Straße (Wedding)
    assert by_id["01033101"]["change"] == "persistent"
    with capsys.disabled():
        print("\nBerlin 2015–2020: {:.1f} s; changed class: {}; change: {}".format(
            elapsed, result["N_CHANGED"], {k: len(v) for k, v in sorted(changes.items())}))
        print("newly emerging:", "; ".join(emerging))
        print("newly established:", "; ".join(sorted("{} {}".format(f["id"], f["name"]) for f in changes.get("newly_established", []))))
        for r in pooled:
            if r["count"]:
                print("  {:>12} -> {:<12} {:4d}  {:.3f}".format(r["from_class"], r["to_class"], r["count"], r["share"]))
        print("hot {}, cold {}".format(result["N_HOT"], result["N_COLD"]))
    assert elapsed < 20


def test_boundary_change_gives_clear_message(run_alg, berlin_years):
    from qgis.core import QgsProcessingException

    renamed = berlin_years[-1].clone()
    renamed.startEditing()
    idx = renamed.fields().lookupField("id")
    for f in renamed.getFeatures():
        renamed.changeAttributeValue(f.id(), idx, "X" + f["id"])
    renamed.commitChanges()
    with pytest.raises(QgsProcessingException, match="share only 0 %"):
        _run(run_alg, _params([berlin_years[-2], renamed], [2019, 2020], HARMONIZE=False))
    # with harmonisation (the default) the same areas under new ids are moved one to one
    result, out, _t = _run(run_alg, _params([berlin_years[-2], renamed], [2019, 2020]))
    assert result["N_HARMONISED_YEARS"] == 1
    feats = list(out.getFeatures())
    assert all(f["harm_years"] == "2019" for f in feats)
    assert max(f["harm_split_2019"] for f in feats if f["harm_split_2019"] is not None) < 0.01
    # a layer somewhere else cannot be harmonised: the run stops and says why
    moved = berlin_years[-1].clone()
    moved.startEditing()
    for f in moved.getFeatures():
        g = f.geometry()
        g.translate(5.0, 0.0)
        moved.changeGeometry(f.id(), g)
        moved.changeAttributeValue(f.id(), idx, "Y" + f["id"])
    moved.commitChanges()
    with pytest.raises(QgsProcessingException, match="do not cover the same place"):
        _run(run_alg, _params([berlin_years[-2], moved], [2019, 2020]))


def test_year_count_mismatch(run_alg, berlin_years):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="years given"):
        _run(run_alg, _params(berlin_years[:3], [2015, 2016]))


def test_duplicate_ids_give_clear_message(run_alg, berlin_years):
    from qgis.core import QgsProcessingException

    dup = berlin_years[-1].clone()
    first = next(dup.getFeatures())
    dup.dataProvider().addFeatures([QgsFeature(first)])
    with pytest.raises(QgsProcessingException, match="occur more than once"):
        _run(run_alg, _params([berlin_years[-2], dup], [2019, 2020]))


def _wide_layer(berlin_years, years):
    """All years in one polygon layer with fields einw_2016, zuzug_2016, ausl_pct_2016, … (k11 once)."""
    wide = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "berlin_wide", "memory")
    fields = [QgsField("id", QMetaType.Type.QString), QgsField("name", QMetaType.Type.QString), QgsField("k11", QMetaType.Type.Double)]
    for y in years:
        fields += [
            QgsField("einw_{}".format(y), QMetaType.Type.Int),
            QgsField("zuzug_{}".format(y), QMetaType.Type.Int),
            QgsField("ausl_pct_{}".format(y), QMetaType.Type.Double),
        ]
    wide.dataProvider().addAttributes(fields)
    wide.updateFields()
    by_year = {y: {f["id"]: f for f in berlin_years[YEARS.index(y)].getFeatures()} for y in years}
    latest = by_year[years[-1]]
    feats = []
    for area_id, src in latest.items():
        f = QgsFeature(wide.fields())
        f.setGeometry(src.geometry())
        attrs = [area_id, src["name"], src["k11"]]
        for y in years:
            row = by_year[y].get(area_id)
            attrs += [row["einw"], row["zuzug"], row["ausl_pct"]] if row is not None else [None, None, None]
        f.setAttributes(attrs)
        feats.append(f)
    wide.dataProvider().addFeatures(feats)
    return wide


def test_wide_table_to_years_feeds_dynamics(run_alg, berlin_years, tmp_path):
    years = [2017, 2018, 2019, 2020]
    wide = _wide_layer(berlin_years, years)
    split = run_alg("ankunft:widetabletoyears", {"INPUT": wide, "OUTPUT": str(tmp_path / "years.gpkg")})
    assert split["YEARS_FOUND"] == "2017,2018,2019,2020"
    assert split["N_YEARS"] == 4
    assert len(split["OUTPUT_LAYERS"]) == 4
    layer_2017 = QgsVectorLayer(split["OUTPUT_LAYERS"][0], "y2017", "ogr")
    assert layer_2017.isValid()
    assert [n for n in layer_2017.fields().names() if n != "fid"] == ["id", "name", "k11", "einw", "zuzug", "ausl_pct"]
    assert layer_2017.featureCount() == 448  # the wide table has every area; 09041403 is NULL before 2019
    params = _params(split["OUTPUT_LAYERS"], split["YEARS_FOUND"].split(","))
    _res, out, _trans = _run(run_alg, params)
    _res2, out2, _ = _run(run_alg, _params(berlin_years[2:], years))
    a = {f["id"]: (f["aq_class_2017"], f["aq_class_2020"], f["change"]) for f in out.getFeatures()}
    b = {f["id"]: (f["aq_class_2017"], f["aq_class_2020"], f["change"]) for f in out2.getFeatures()}
    # same classes; the area that has no data before 2019 is 'insufficient' there instead of absent
    assert a.pop("09041403")[0] == "insufficient"
    assert not b.pop("09041403")[0]  # NULL: absent in 2017
    assert a == b


def test_wide_table_selected_years_and_errors(run_alg, berlin_years, tmp_path):
    from qgis.core import QgsProcessingException

    wide = _wide_layer(berlin_years, [2019, 2020])
    res = run_alg("ankunft:widetabletoyears", {"INPUT": wide, "YEARS": "2020", "OUTPUT": str(tmp_path / "y.gpkg")})
    assert res["YEARS_FOUND"] == "2020"
    with pytest.raises(QgsProcessingException, match="no fields for the year"):
        run_alg("ankunft:widetabletoyears", {"INPUT": wide, "YEARS": "2015", "OUTPUT": str(tmp_path / "z.gpkg")})
    with pytest.raises(QgsProcessingException, match="ends in a year"):
        run_alg("ankunft:widetabletoyears", {"INPUT": berlin_years[0], "OUTPUT": str(tmp_path / "w.gpkg")})


def test_change_style(run_alg, berlin_years):
    from ankunft_plugin.processing.arrival_dynamics import CHANGE_STYLE, apply_change_style

    _res, out, _ = _run(run_alg, _params(berlin_years[-2:], [2019, 2020], CLUSTERS=False))
    assert out.fields().lookupField("cluster") < 0
    apply_change_style(out, {"newly_emerging": "Neu"})
    renderer = out.renderer()
    assert renderer.classAttribute() == "change"
    assert [c.value() for c in renderer.categories()] == list(CHANGE_STYLE)
    assert renderer.categories()[0].label() == "Neu"
