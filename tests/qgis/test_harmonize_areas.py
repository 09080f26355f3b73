"""``ankunft:harmonizeareas`` in QGIS: hand-computed splits, percentages with their denominator,
refusal of rates, confidentiality, a population raster and grid points as weights."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QMetaType

CRS = "EPSG:25833"


def _layer(kind, name, fields, rows):
    lyr = QgsVectorLayer("{}?crs={}".format(kind, CRS), name, "memory")
    pr = lyr.dataProvider()
    pr.addAttributes([QgsField(n, t) for n, t in fields])
    lyr.updateFields()
    feats = []
    for geom, attrs in rows:
        f = QgsFeature(lyr.fields())
        f.setGeometry(geom)
        f.setAttributes(attrs)
        feats.append(f)
    pr.addFeatures(feats)
    return lyr


def _box(x0, y0, x1, y1):
    return QgsGeometry.fromWkt("POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))".format(a=x0, b=y0, c=x1, d=y1))


@pytest.fixture
def layers():
    D, N, S = QMetaType.Type.Double, QMetaType.Type.Int, QMetaType.Type.QString
    src = _layer(
        "Polygon", "old", [("id", S), ("einw", N), ("ausl", N), ("ausl_pct", D)],
        [(_box(0, 0, 100, 100), ["a", 100, 10, 10.0]), (_box(100, 0, 200, 100), ["b", 50, 20, 40.0])],
    )
    tgt = _layer("Polygon", "new", [("new_id", S)], [(_box(0, 0, 150, 100), ["A"]), (_box(150, 0, 200, 100), ["B"])])
    return src, tgt


def _features(path):
    lyr = QgsVectorLayer(path, "out", "ogr")
    assert lyr.isValid()
    return {f["new_id"]: f for f in lyr.getFeatures()}


def test_area_weighted_split_percentages_and_uncertainty(run_alg, layers, tmp_path):
    src, tgt = layers
    out = str(tmp_path / "h.gpkg")
    res = run_alg("ankunft:harmonizeareas", {
        "SOURCE": src, "COUNT_FIELDS": ["ausl"], "PERCENT_FIELDS": ["ausl_pct"], "DENOMINATOR_FIELD": "einw",
        "TARGET": tgt, "OUTPUT": out,
    })
    f = _features(res["OUTPUT"])
    # b is halved: A = 100 + 25 inhabitants, 10 + 10 foreigners; B = 25 and 10
    assert f["A"]["einw"] == pytest.approx(125.0) and f["B"]["einw"] == pytest.approx(25.0)
    assert f["A"]["ausl"] == pytest.approx(20.0) and f["B"]["ausl"] == pytest.approx(10.0)
    assert f["A"]["ausl_pct"] == pytest.approx(100.0 * (10 + 25 * 0.4) / 125.0)
    assert f["B"]["ausl_pct"] == pytest.approx(40.0)
    assert f["A"]["harm_split"] == pytest.approx(0.2) and f["B"]["harm_split"] == pytest.approx(1.0)
    assert f["A"]["harm_n_src"] == 2 and f["A"]["harm_method"] == "area"
    assert res["TOTAL_SOURCE"] == pytest.approx(150.0) and res["TOTAL_TARGET"] == pytest.approx(150.0)
    assert res["N_SPLIT"] == 1


def test_rates_refused_and_denominator_required(run_alg, layers, tmp_path):
    src, tgt = layers
    with pytest.raises(QgsProcessingException, match="ausl_pct"):
        run_alg("ankunft:harmonizeareas", {"SOURCE": src, "COUNT_FIELDS": ["ausl_pct"], "TARGET": tgt, "OUTPUT": str(tmp_path / "x.gpkg")})
    with pytest.raises(QgsProcessingException, match="denominator"):
        run_alg("ankunft:harmonizeareas", {"SOURCE": src, "COUNT_FIELDS": ["ausl"], "PERCENT_FIELDS": ["ausl_pct"], "TARGET": tgt, "OUTPUT": str(tmp_path / "y.gpkg")})


def test_buildings_and_confidentiality(run_alg, layers, tmp_path):
    src, tgt = layers
    # b's only building lies in A: everything of b goes to A; B receives nobody (0 stays 0)
    bld = _layer("Polygon", "bld", [("n", QMetaType.Type.Int)], [(_box(110, 10, 130, 30), [1]), (_box(10, 10, 20, 20), [2])])
    res = run_alg("ankunft:harmonizeareas", {"SOURCE": src, "COUNT_FIELDS": ["einw", "ausl"], "TARGET": tgt, "BUILDINGS": bld, "OUTPUT": str(tmp_path / "b.gpkg")})
    f = _features(res["OUTPUT"])
    assert f["A"]["einw"] == pytest.approx(150.0) and f["B"]["einw"] == pytest.approx(0.0)
    assert f["A"]["harm_method"] == "points"
    # area-weighted with a tiny count: 2.5 foreigners would reveal a small group → NULL
    small = _layer("Polygon", "s", [("n", QMetaType.Type.Int)], [(_box(100, 0, 200, 100), [5])])
    res2 = run_alg("ankunft:harmonizeareas", {"SOURCE": small, "COUNT_FIELDS": ["n"], "TARGET": tgt, "OUTPUT": str(tmp_path / "c.gpkg")})
    f2 = _features(res2["OUTPUT"])
    assert f2["A"]["n"] is None or str(f2["A"]["n"]) == "NULL"
    assert res2["TOTAL_TARGET"] == pytest.approx(5.0)


def _write_raster(path, x0, y1, cell, values, epsg=25833):
    from osgeo import gdal, osr

    arr = np.asarray(values, dtype=np.float32)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), arr.shape[1], arr.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y1, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-1)
    band.WriteArray(arr)
    ds = None


def test_population_raster_and_points_weight_the_split(run_alg, layers, tmp_path):
    src, tgt = layers
    # 25 m cells over b (x 100–200): people only in cells right of x = 150 → all of b to B
    tif = tmp_path / "pop.tif"
    _write_raster(tif, 100, 100, 25, [[0, -1, 3, 4], [0, 0, 2, 0]])
    res = run_alg("ankunft:harmonizeareas", {"SOURCE": src, "COUNT_FIELDS": ["einw"], "TARGET": tgt, "POPULATION_RASTER": str(tif), "OUTPUT": str(tmp_path / "r.gpkg")})
    f = _features(res["OUTPUT"])
    assert f["A"]["einw"] == pytest.approx(100.0) and f["B"]["einw"] == pytest.approx(50.0)
    # the same cells as points with a count field
    pts = _layer("Point", "cells", [("Einwohner", QMetaType.Type.QString)], [
        (QgsGeometry.fromPointXY(QgsPointXY(125, 75)), ["–"]),
        (QgsGeometry.fromPointXY(QgsPointXY(175, 75)), ["7"]),
        (QgsGeometry.fromPointXY(QgsPointXY(125, 25)), ["21"]),
    ])
    res = run_alg("ankunft:harmonizeareas", {"SOURCE": src, "COUNT_FIELDS": ["einw"], "TARGET": tgt, "POPULATION_POINTS": pts,
                                             "POPULATION_POINTS_FIELD": "Einwohner", "OUTPUT": str(tmp_path / "p.gpkg")})
    f = _features(res["OUTPUT"])
    assert f["A"]["einw"] == pytest.approx(100.0 + 50.0 * 21 / 28) and f["B"]["einw"] == pytest.approx(50.0 * 7 / 28)
