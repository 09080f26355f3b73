"""Population from a 100 m grid (as Zensus 2022: cell centres in EPSG:3035) and from a raster, on Moabit.

The grid is derived from the building-based population: the Moabit planning areas' register population
2020 spread over their buildings by footprint (the plugin's own building placement), summed into
100 m cells of the EPSG:3035 grid. Walking catchments of Moabit's community centres, libraries and
places of worship (dissolved, 10 minutes) count the people with buildings, with the grid points and
with the grid as a GeoTIFF; the grid figures must agree with the building figure within 2 %."""

from __future__ import annotations

import csv

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

from ankunft_plugin.core import catchments as cm
from ankunft_plugin.processing.bridge import to_shapely
from tests.conftest import BERLIN, MOABIT

METRIC = QgsCoordinateReferenceSystem("EPSG:25833")
LAEA = QgsCoordinateReferenceSystem("EPSG:3035")


def _moabit_areas():
    district = next(QgsVectorLayer(str(MOABIT / "moabit_district.gpkg"), "d", "ogr").getFeatures()).geometry()
    with open(BERLIN / "population" / "berlin-lor-population-2020-02-t1-planning-areas.csv", encoding="utf-8") as fh:
        pop = {row["id"]: int(row["inhabitants"]) for row in csv.DictReader(fh)}
    lor = QgsVectorLayer(str(BERLIN / "berlin-lor-planning-areas-until-2020.geojson"), "lor", "ogr")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "moabit_areas", "memory")
    layer.dataProvider().addAttributes([QgsField("id", QMetaType.Type.QString), QgsField("ew", QMetaType.Type.Int)])
    layer.updateFields()
    feats = []
    for f in lor.getFeatures():
        if district.contains(f.geometry().pointOnSurface()):
            nf = QgsFeature(layer.fields())
            nf.setGeometry(f.geometry())
            nf.setAttributes([f["id"], pop[f["id"]]])
            feats.append(nf)
    layer.dataProvider().addFeatures(feats)
    return layer


def _transformed(layer, crs):
    tr = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    out = []
    for f in layer.getFeatures():
        g = QgsGeometry(f.geometry())
        g.transform(tr)
        out.append(g)
    return out


def grid_from_buildings(areas, buildings):
    """(centres (n, 2) in EPSG:3035, people (n,)) of the 100 m cells, from the building placement."""
    geoms = to_shapely(_transformed(areas, METRIC))
    pop = np.array([f["ew"] for f in areas.getFeatures()], dtype=float)
    demand = cm.build_demand(geoms, pop, [g for g in to_shapely(_transformed(buildings, METRIC)) if g is not None])
    tr = QgsCoordinateTransform(METRIC, LAEA, QgsProject.instance())
    xy = np.array([(p.x(), p.y()) for p in (tr.transform(QgsPointXY(x, y)) for x, y in demand.point_xy)])
    cell = np.floor(xy / 100.0).astype(np.int64)
    keys, inv = np.unique(cell, axis=0, return_inverse=True)
    people = np.bincount(inv.ravel(), weights=demand.point_pop)
    return keys * 100.0 + 50.0, people, float(demand.point_pop.sum())


def grid_points_layer(centres, people):
    layer = QgsVectorLayer("Point?crs=EPSG:3035", "zensus_100m", "memory")
    layer.dataProvider().addAttributes([QgsField("Einwohner", QMetaType.Type.QString)])
    layer.updateFields()
    feats = []
    for (x, y), p in zip(centres, people):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes(["{:.2f}".format(p)])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def grid_raster(path, centres, people):
    from osgeo import gdal, osr

    x0, y0 = centres[:, 0].min() - 50.0, centres[:, 1].min() - 50.0
    x1, y1 = centres[:, 0].max() + 50.0, centres[:, 1].max() + 50.0
    nx, ny = int(np.rint((x1 - x0) / 100.0)), int(np.rint((y1 - y0) / 100.0))
    arr = np.full((ny, nx), -9999.0, dtype=np.float32)
    cols = ((centres[:, 0] - x0) // 100.0).astype(int)
    rows = ((y1 - centres[:, 1]) // 100.0).astype(int)
    arr[rows, cols] = people
    ds = gdal.GetDriverByName("GTiff").Create(str(path), nx, ny, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, 100.0, 0.0, y1, 0.0, -100.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3035)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-9999.0)
    band.WriteArray(arr)
    ds = None
    return str(path)


def _docking_points(run_alg):
    dist = QgsVectorLayer(str(MOABIT / "moabit_district.gpkg"), "district")
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "docking", "memory")
    feats = []
    for cat in ("community-centers", "libraries", "places-of-worship"):
        src = str(BERLIN / "poi" / "berlin-points-of-interest-{}-details.geojson".format(cat))
        inside = run_alg("native:extractbylocation", {"INPUT": src, "PREDICATE": [6], "INTERSECT": dist, "OUTPUT": "memory:"})["OUTPUT"]
        for f in inside.getFeatures():
            nf = QgsFeature(layer.fields())
            nf.setGeometry(f.geometry())
            feats.append(nf)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.fixture(scope="module")
def moabit(tmp_path_factory, plugin):
    import processing

    tmp = tmp_path_factory.mktemp("grid")
    net = processing.run("ankunft:preparewalknetwork", {"INPUT": str(MOABIT / "moabit_roads.gpkg"), "OUTPUT": str(tmp / "net.gpkg")})["OUTPUT"]
    centres, people, placed = grid_from_buildings(_moabit_areas(), _buildings())
    # no QGIS layers in a module fixture: they would outlive the application at teardown
    return {"net": net, "centres": centres, "people": people, "placed": placed, "tmp": tmp}


def _buildings():
    return QgsVectorLayer(str(MOABIT / "moabit_build.gpkg"), "buildings", "ogr")


def _pop10(run_alg, net, points, **population):
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": points, "BANDS": "10", "MODE": 1, "SUPPRESS_BELOW": 0,
                                                "OUTPUT": "memory:", **population})
    feats = list(res["OUTPUT"].getFeatures())
    assert len(feats) == 1
    return float(feats[0]["population"])


def test_grid_points_and_raster_agree_with_buildings(run_alg, moabit):
    points = _docking_points(run_alg)
    assert points.featureCount() > 10
    by_buildings = _pop10(run_alg, moabit["net"], points, POPULATION=_moabit_areas(), POPULATION_FIELD="ew", BUILDINGS=_buildings())
    layer = grid_points_layer(moabit["centres"], moabit["people"])
    assert float(moabit["people"].sum()) == pytest.approx(moabit["placed"])
    by_points = _pop10(run_alg, moabit["net"], points, POPULATION_POINTS=layer, POPULATION_POINTS_FIELD="Einwohner")
    tif = grid_raster(moabit["tmp"] / "zensus_100m.tif", moabit["centres"], moabit["people"])
    by_raster = _pop10(run_alg, moabit["net"], points, POPULATION_RASTER=tif)
    print("\nMoabit, 10 min walk of {} docking points: buildings {:.0f}, 100 m grid points {:.0f} ({:+.2f} %), raster {:.0f} ({:+.2f} %); {} cells, {:.0f} people".format(
        points.featureCount(), by_buildings, by_points, 100 * (by_points / by_buildings - 1), by_raster, 100 * (by_raster / by_buildings - 1),
        len(moabit["people"]), moabit["people"].sum()))
    assert by_buildings > 10_000
    assert abs(by_points / by_buildings - 1) < 0.02
    assert abs(by_raster / by_buildings - 1) < 0.02
    assert by_raster == pytest.approx(by_points, abs=1.0)  # the points carry 2 decimals


def test_grid_spreads_area_population_and_fills_output_areas(run_alg, moabit, tmp_path):
    points = _docking_points(run_alg)
    layer = grid_points_layer(moabit["centres"], moabit["people"])
    areas_in = _moabit_areas()
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": moabit["net"], "POINTS": points, "BANDS": "10", "MODE": 1,
                                                "POPULATION": areas_in, "POPULATION_FIELD": "ew",
                                                "POPULATION_POINTS": layer, "POPULATION_POINTS_FIELD": "Einwohner",
                                                "OUTPUT": "memory:", "OUTPUT_AREAS": str(tmp_path / "areas.gpkg")})
    areas = QgsVectorLayer(res["OUTPUT_AREAS"], "a", "ogr")
    total = sum(f["pop_total"] for f in areas.getFeatures() if f["pop_total"] is not None)
    want = sum(f["ew"] for f in areas_in.getFeatures())
    assert total == pytest.approx(want)
    assert all(f["pop_10"] is None or f["pop_10"] <= f["pop_total"] + 1e-6 for f in areas.getFeatures())


def test_siting_and_infrastructure_take_grid_cells(run_alg, moabit):
    points = _docking_points(run_alg)
    tif = grid_raster(moabit["tmp"] / "zensus_b.tif", moabit["centres"], moabit["people"])
    district = QgsVectorLayer(str(MOABIT / "moabit_district.gpkg"), "district", "ogr")
    res = run_alg("ankunft:suggestdockingpoints", {"DEMAND": district, "CANDIDATES": points, "NETWORK": moabit["net"],
                                                   "POPULATION_RASTER": tif, "MAX_MINUTES": 5, "COUNT": 2, "OUTPUT": "memory:"})
    assert res["COVERAGE_AFTER_PCT"] > 0
    infra = run_alg("ankunft:infrastructureoverlay", {"AREAS": _moabit_areas(), "POPULATION_FIELD": "ew", "FACILITIES": [points],
                                                      "NETWORK": moabit["net"], "POPULATION_RASTER": tif, "OUTPUT": "memory:"})
    methods = {f["rep_method"] for f in infra["OUTPUT"].getFeatures()}
    assert "grid_cells" in methods


def test_strategy_map_counts_coverage_on_grid_cells(run_alg, moabit, tmp_path):
    """A town without small-area statistics: quarters without a population field, people from the grid,
    counted on the walking network by the catchments (OUTPUT_AREAS), shown by the strategy map."""
    project = QgsProject.instance()
    layers_before, layouts_before = set(project.mapLayers()), {lay.name() for lay in project.layoutManager().layouts()}
    groups_before = {c.name() for c in project.layerTreeRoot().children()}
    try:
        points = _docking_points(run_alg)
        tif = grid_raster(moabit["tmp"] / "zensus_c.tif", moabit["centres"], moabit["people"])
        quarters = _moabit_areas()
        run = run_alg("ankunft:walkingcatchments", {"NETWORK": moabit["net"], "POINTS": points, "BANDS": "10", "MODE": 1, "SUPPRESS_BELOW": 0,
                                                    "POPULATION": quarters, "POPULATION_RASTER": tif,
                                                    "OUTPUT": "memory:", "OUTPUT_AREAS": str(tmp_path / "areas.gpkg")})
        covered = float(next(run["OUTPUT"].getFeatures())["population"])
        district = QgsVectorLayer(str(MOABIT / "moabit_district.gpkg"), "district", "ogr")
        res = run_alg("ankunft:strategymap", {"DISTRICTS": district, "QUARTERS": quarters, "CATCHMENTS": run["OUTPUT"],
                                              "CATCHMENT_AREAS": QgsVectorLayer(run["OUTPUT_AREAS"], "areas", "ogr"),
                                              "OUTPUT": str(tmp_path / "pages.gpkg"), "OUTPUT_PDF": str(tmp_path / "map.pdf")})
        page = next(QgsVectorLayer(res["OUTPUT"], "p", "ogr").getFeatures())
        # the areas received the cells' sums (no population field); people inside the quarters only
        areas = QgsVectorLayer(run["OUTPUT_AREAS"], "a", "ogr")
        total = sum(f["pop_total"] for f in areas.getFeatures())
        in_quarters = sum(f["pop_10"] for f in areas.getFeatures())
        assert total == pytest.approx(moabit["people"].sum(), rel=0.01)
        assert in_quarters <= covered + 1e-6
        assert page["kf_covered_pct"] == pytest.approx(100.0 * in_quarters / total, abs=0.1)
    finally:
        for lid in set(project.mapLayers()) - layers_before:
            project.removeMapLayer(lid)
        for layout in list(project.layoutManager().layouts()):
            if layout.name() not in layouts_before:
                project.layoutManager().removeLayout(layout)
        root = project.layerTreeRoot()
        for child in list(root.children()):
            if child.name() not in groups_before and child.nodeType() == 0:
                root.removeChildNode(child)


def grid_squares_layer(centres, people):
    """The 100 m cells as squares (EPSG:3035), as the Zensus points buffered by 50 m with square caps."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:3035", "zensus_squares", "memory")
    layer.dataProvider().addAttributes([QgsField("Einwohner", QMetaType.Type.Double)])
    layer.updateFields()
    feats = []
    for (x, y), p in zip(centres, people):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt("POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))".format(a=x - 50, b=y - 50, c=x + 50, d=y + 50)))
        f.setAttributes([float(p)])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_grid_aggregated_to_the_planners_areas(run_alg, moabit, tmp_path):
    """Grid cells as source areas, moved onto the planning areas (dasymetric through the buildings): the total
    is kept exactly, and the areas get back about their register population (the cells were made from it)."""
    squares = grid_squares_layer(moabit["centres"], moabit["people"])
    areas = _moabit_areas()
    register = {f["id"]: f["ew"] for f in areas.getFeatures()}
    res = run_alg("ankunft:harmonizeareas", {"SOURCE": squares, "COUNT_FIELDS": ["Einwohner"], "TARGET": areas, "BUILDINGS": _buildings(),
                                             "SUPPRESS_BELOW": 0, "OUTPUT": str(tmp_path / "agg.gpkg")})
    assert res["TOTAL_TARGET"] + res["UNALLOCATED"] == pytest.approx(res["TOTAL_SOURCE"], rel=1e-9)
    out = {f["id"]: f for f in QgsVectorLayer(res["OUTPUT"], "o", "ogr").getFeatures()}
    errors = sorted(abs(out[i]["Einwohner"] / register[i] - 1) for i in register if register[i] > 1000)
    print("\ngrid → planning areas (dasymetric by buildings): median error {:.1%}, max {:.1%}; {} cells split".format(
        errors[len(errors) // 2], errors[-1], res["N_SPLIT"]))
    assert errors[len(errors) // 2] < 0.02
