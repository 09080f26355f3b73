"""GDAL/OGR (``osgeo``) for the raster work: polygonising grids and writing GeoTIFFs.

GDAL's Python bindings ship with every QGIS, so the plugin needs nothing else (rasterio is not
required). Every call runs in an explicit exception mode (``gdal_exceptions``): GDAL 3.7+ through its
``ExceptionMgr`` (thread-local, no FutureWarning about GDAL 4), older GDAL by switching exceptions on
for the duration (reference-counted, restored afterwards). In-memory vector layers use the ``MEM``
driver where it holds vectors (GDAL >= 3.11) and the older ``Memory`` driver otherwise.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

import numpy as np

_LOCK = threading.Lock()
_DEPTH = [0, None]  # nesting depth, saved (gdal, ogr) exception state (GDAL < 3.7 only)


@contextmanager
def gdal_exceptions():
    """``(gdal, ogr)`` with exceptions enabled inside the block, the caller's mode restored after."""
    from osgeo import gdal, ogr

    if hasattr(gdal, "ExceptionMgr"):
        with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
            yield gdal, ogr
        return
    with _LOCK:  # GDAL < 3.7: the mode is global per module; switch it on once for nested/threaded use
        if _DEPTH[0] == 0:
            _DEPTH[1] = (gdal.GetUseExceptions(), ogr.GetUseExceptions())
            gdal.UseExceptions()
            ogr.UseExceptions()
        _DEPTH[0] += 1
    try:
        yield gdal, ogr
    finally:
        with _LOCK:
            _DEPTH[0] -= 1
            if _DEPTH[0] == 0:
                g, o = _DEPTH[1]
                if not o:  # GDAL < 3.7 stacks error handlers: undo in reverse order
                    ogr.DontUseExceptions()
                if not g:
                    gdal.DontUseExceptions()


def memory_vector_dataset(gdal, ogr):
    """An empty in-memory vector dataset: ``MEM`` (GDAL >= 3.11), else the ``Memory`` driver."""
    drv = gdal.GetDriverByName("MEM")
    if drv is not None and drv.GetMetadataItem("DCAP_VECTOR") == "YES":
        return drv.Create("", 0, 0, 0, gdal.GDT_Unknown)
    return ogr.GetDriverByName("Memory").CreateDataSource("")


def polygonize(vals: np.ndarray, mask: np.ndarray, x0: float, y1: float, cell: float, connectedness: int = 4):
    """(value, WKB bytes) of every connected region of equal ``vals`` where ``mask`` is True; the grid's
    upper left corner is (x0, y1), square cells of ``cell`` metres."""
    rows, cols = vals.shape
    with gdal_exceptions() as (gdal, ogr):
        gtype = gdal.GDT_Byte if vals.dtype == np.uint8 else gdal.GDT_Int32
        ds = gdal.GetDriverByName("MEM").Create("", cols, rows, 2, gtype)
        ds.SetGeoTransform((x0, cell, 0.0, y1, 0.0, -cell))
        band = ds.GetRasterBand(1)
        band.WriteArray(vals)
        mband = ds.GetRasterBand(2)
        mband.WriteArray(mask.astype(vals.dtype))
        ods = memory_vector_dataset(gdal, ogr)
        lyr = ods.CreateLayer("p", geom_type=ogr.wkbPolygon)
        lyr.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
        options = ["8CONNECTED=8"] if connectedness == 8 else []
        gdal.Polygonize(band, mband, lyr, 0, options, callback=None)
        out = [(f.GetField(0), bytes(f.GetGeometryRef().ExportToWkb())) for f in lyr]
        lyr = band = mband = None
        ds = ods = None
    return out


def write_geotiff(path: str, array: np.ndarray, x0: float, y1: float, cell: float, wkt: str, nodata: float,
                  description: str = "") -> None:
    """One-band float32 GeoTIFF (deflate) with its upper left corner at (x0, y1) and square cells."""
    rows, cols = array.shape
    with gdal_exceptions() as (gdal, _ogr):
        drv = gdal.GetDriverByName("GTiff")
        ds = drv.Create(str(path), cols, rows, 1, gdal.GDT_Float32, ["COMPRESS=DEFLATE", "TILED=YES"])
        ds.SetGeoTransform((x0, cell, 0.0, y1, 0.0, -cell))
        if wkt:
            ds.SetProjection(wkt)
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(float(nodata))
        band.WriteArray(np.asarray(array, dtype=np.float32))
        if description:
            band.SetDescription(description)
        band.FlushCache()
        band = None
        ds.FlushCache()
        ds = None
