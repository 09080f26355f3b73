"""Population grid cells (core/population_cells.py, moved out of processing/population_source.py)."""

from __future__ import annotations

import numpy as np
import pytest

from ankunft_plugin.core import population_cells as pc


def _raster(path, arr, x0=1000.0, y1=2000.0, cell=100.0, nodata=-9999.0):
    from osgeo import gdal, osr

    ds = gdal.GetDriverByName("GTiff").Create(str(path), arr.shape[1], arr.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0.0, y1, 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(arr)
    ds = None
    return str(path)


def test_raster_cells_centres_people_and_window(tmp_path):
    arr = np.array([[5, 0, -9999], [2.5, -3, 7], [1, 1, 1]], dtype=np.float32)
    path = _raster(tmp_path / "p.tif", arr)
    xy, pop, wkt = pc.raster_cells(path)
    assert "25833" in wkt or "ETRS" in wkt
    assert pop.tolist() == [5.0, 2.5, 7.0, 1.0, 1.0, 1.0]  # nodata, zero and negative cells carry nobody
    assert xy[0].tolist() == [1050.0, 1950.0] and xy[2].tolist() == [1250.0, 1850.0]
    # only the window's cells: the lower right 2 × 2
    wxy, wpop, _ = pc.raster_cells(path, window=(1110.0, 1710.0, 1290.0, 1890.0))
    assert wpop.tolist() == [7.0, 1.0, 1.0] and wxy[0].tolist() == [1250.0, 1850.0]
    assert len(pc.raster_cells(path, window=(5000.0, 5000.0, 6000.0, 6000.0))[1]) == 0
    with pytest.raises(ValueError):
        pc.raster_cells(tmp_path / "missing.tif")


def test_raster_cells_refuses_a_huge_window(tmp_path, monkeypatch):
    path = _raster(tmp_path / "p.tif", np.ones((3, 3), dtype=np.float32))
    monkeypatch.setattr(pc, "MAX_RASTER_CELLS", 4)
    with pytest.raises(MemoryError):
        pc.raster_cells(path)


def test_usable_cells():
    ok, neg = pc.usable_cells([[0, 0], [1, 1], [np.nan, 2], [3, 3], [4, 4]], [5.0, -1.0, 3.0, np.nan, 0.0])
    assert ok.tolist() == [True, False, False, False, False] and neg == 1
