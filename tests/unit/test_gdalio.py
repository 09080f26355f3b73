"""Polygons and the GeoTIFF through GDAL alone: rasterio, geopandas and pandas made unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from ankunft_plugin.core import catchments as cm
from ankunft_plugin.core import gdalio


def test_polygonize_and_geotiff(tmp_path, recwarn):
    from osgeo import gdal, ogr

    before = (gdal.GetUseExceptions(), ogr.GetUseExceptions())
    mask = np.zeros((10, 12), dtype=bool)
    mask[2:5, 3:9] = True
    geom = cm._polygonize(mask, 100.0, 200.0, 2.0)
    assert geom.area == pytest.approx(18 * 4.0)
    assert geom.bounds == pytest.approx((106.0, 190.0, 118.0, 196.0))
    path = tmp_path / "m.tif"
    arr = np.arange(12, dtype=np.float32).reshape(3, 4)
    arr[0, 0] = -9999.0
    gdalio.write_geotiff(path, arr, 0.0, 30.0, 10.0, 'LOCAL_CS["x"]', -9999.0, "minutes")
    with gdalio.gdal_exceptions() as (g, _o):
        ds = g.Open(str(path))
        band = ds.GetRasterBand(1)
        assert band.GetNoDataValue() == -9999.0
        assert np.array_equal(band.ReadAsArray(), arr)
        assert ds.GetGeoTransform() == (0.0, 10.0, 0.0, 30.0, 0.0, -10.0)
        ds = None
    assert (gdal.GetUseExceptions(), ogr.GetUseExceptions()) == before  # the caller's mode restored
    assert not [w for w in recwarn if "GDAL 4" in str(w.message) or issubclass(w.category, FutureWarning)]


def test_polygons_without_rasterio_geopandas_pandas():
    code = textwrap.dedent(
        """
        import sys, warnings
        warnings.simplefilter("error", FutureWarning)
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("rasterio", "geopandas", "pandas"):
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, Block())
        import numpy as np
        from ankunft_plugin.core import catchments as cm
        from ankunft_plugin.core.network import WalkGraph
        lines = [np.array([[0.0, y], [500.0, y]]) for y in range(0, 501, 100)]
        lines += [np.array([[x, 0.0], [x, 500.0]]) for x in range(0, 501, 100)]
        g = WalkGraph.from_lines(lines)
        snap = g.snap(np.array([[250.0, 250.0]]))
        recs = cm.per_point(g, snap, [150.0, 300.0], 30.0, workers=1)
        assert all(r.geometry is not None and r.geometry.area > 0 for r in recs)
        d = cm.dissolved(g, snap, [150.0, 300.0], 30.0)
        assert d[1].geometry.area > d[0].geometry.area
        assert "rasterio" not in sys.modules and "pandas" not in sys.modules
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")
