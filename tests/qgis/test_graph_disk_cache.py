"""The prepared walking graph persists across processes: written to disk by the first run (and by
preparewalknetwork), loaded by the next, rebuilt when the file changed or the cache is damaged."""

from __future__ import annotations

import os

import numpy as np
import pytest

from ankunft_plugin.processing import graph_cache
from tests.qgis.feedback import LogFeedback


def write_lattice(path, n, spacing=50.0, cost=False):
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("streets", srs, ogr.wkbMultiLineString)
    lyr.CreateField(ogr.FieldDefn("cost", ogr.OFTReal))
    lyr.StartTransaction()
    for i in range(n):
        for j in range(n - 1):
            for (ax, ay), (bx, by) in (((j, i), (j + 1, i)), ((i, j), (i, j + 1))):
                f = ogr.Feature(lyr.GetLayerDefn())
                f.SetField("cost", 1.5 if (cost and ax == 10) else 1.0)
                g = ogr.Geometry(ogr.wkbMultiLineString)
                line = ogr.Geometry(ogr.wkbLineString)
                line.AddPoint(ax * spacing, ay * spacing, 1.0)  # with z: the bulk reader drops it
                line.AddPoint(bx * spacing, by * spacing, 1.0)
                g.AddGeometry(line)
                f.SetGeometry(g)
                lyr.CreateFeature(f)
    lyr.CommitTransaction()
    ds = None


def write_points(path, xy):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("pts", srs, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("pid", ogr.OFTInteger))
    for i, (x, y) in enumerate(xy):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("pid", i)
        g = ogr.Geometry(ogr.wkbPoint)
        g.AddPoint_2D(x, y)
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    ds = None


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "graphs"
    monkeypatch.setenv("ANKUNFT_GRAPH_CACHE", str(folder))
    graph_cache.clear()
    yield folder
    graph_cache.clear()


def _run(run_alg, net, pts, **extra):
    fb = LogFeedback()
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "POINT_ID_FIELD": "pid", "BANDS": "2,4",
                                                 "OUTPUT": "memory:", **extra}, feedback=fb)["OUTPUT"]
    rows = sorted((f["point_id"], f["minutes"], round(f["reach_m"], 6), round(f["area_m2"], 3)) for f in res.getFeatures())
    return rows, fb.infos


def test_graph_persists_on_disk_and_is_rebuilt_when_stale(run_alg, tmp_path, cache):
    net, pts = tmp_path / "net.gpkg", tmp_path / "pts.gpkg"
    write_lattice(net, 40, cost=True)
    write_points(pts, [(510.0, 500.0), (1200.0, 975.0)])
    first, infos = _run(run_alg, str(net), str(pts), COST_FIELD="cost")
    assert not any("stored on disk" in m for m in infos)
    entries = [d for d in os.listdir(cache) if not d.endswith(".tmp")]
    assert len(entries) == 1 and os.path.isfile(cache / entries[0] / "meta.json")
    graph_cache.clear()  # a new process: the session cache is empty
    second, infos = _run(run_alg, str(net), str(pts), COST_FIELD="cost")
    assert any("stored on disk" in m for m in infos)
    assert second == first
    # damaged: rebuilt, same result
    os.remove(cache / entries[0] / "edge_u.npy")
    graph_cache.clear()
    third, infos = _run(run_alg, str(net), str(pts), COST_FIELD="cost")
    assert not any("stored on disk" in m for m in infos) and third == first
    # the file changed: a new key, the stale graph of the same source removed
    write_lattice(tmp_path / "net2.gpkg", 40)
    os.replace(tmp_path / "net2.gpkg", net)
    graph_cache.clear()
    fourth, infos = _run(run_alg, str(net), str(pts), COST_FIELD="cost")
    assert not any("stored on disk" in m for m in infos)
    assert fourth != first  # no factor 1.5 any more: more reach
    assert len(os.listdir(cache)) == 1
    graph_cache.clear(disk=True)
    assert not cache.exists()


def test_bulk_read_equals_qgis_read(run_alg, tmp_path, cache, monkeypatch):
    """The straight GDAL read and the QGIS read give the same graph."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext, QgsVectorLayer

    net = tmp_path / "net.gpkg"
    write_lattice(net, 12, cost=True)
    layer = QgsVectorLayer(str(net), "n", "ogr")
    crs = QgsCoordinateReferenceSystem("EPSG:25833")
    ctx = QgsProcessingContext()
    bulk = graph_cache.read_line_parts(layer, crs, ctx, None, "cost", layer=layer)
    monkeypatch.setattr(graph_cache, "_ogr_bulk", lambda *a, **k: None)
    slow = graph_cache.read_line_parts(layer, crs, ctx, None, "cost", layer=layer)
    assert np.array_equal(bulk[0].xy, slow[0].xy) and np.array_equal(bulk[0].owner, slow[0].owner)
    assert np.array_equal(bulk[1], slow[1]) and np.array_equal(bulk[2], slow[2])


def test_prepare_writes_the_graph(run_alg, tmp_path, cache):
    src, pts = tmp_path / "src.gpkg", tmp_path / "pts.gpkg"
    write_lattice(src, 40)
    write_points(pts, [(510.0, 500.0)])
    out = str(tmp_path / "prepared.gpkg")
    res = run_alg("ankunft:preparewalknetwork", {"INPUT": str(src), "OUTPUT": out})
    assert len(os.listdir(cache)) == 1
    graph_cache.clear()
    _rows, infos = _run(run_alg, res["OUTPUT"], str(pts))
    assert any("stored on disk" in m for m in infos)
