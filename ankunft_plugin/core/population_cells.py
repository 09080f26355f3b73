"""Population grid cells: people per cell of a raster (GDAL ``osgeo`` only, no QGIS) and which cells count.

The Processing shell (``processing/population_source.py``) reads the layers and reprojects the cell
centres; this module holds what is computed: the window of a raster to read, the centres of the cells
with people, and the cells that carry anybody.
"""

from __future__ import annotations

import numpy as np

MAX_RASTER_CELLS = 50_000_000  # a window larger than this is refused (read a smaller extent)


def raster_cells(path: str, window=None, band: int = 1):
    """(xy (n, 2) of the centres in the raster's CRS, people (n,), crs wkt) of the cells with a
    positive, finite value. ``window``: (xmin, ymin, xmax, ymax) in the raster's CRS to read only
    that part (north-up rasters)."""
    from osgeo import gdal

    ds = gdal.Open(str(path))
    if ds is None:
        raise ValueError(path)
    if ds.RasterCount < 1:
        raise ValueError(path)
    gt = ds.GetGeoTransform()
    b = ds.GetRasterBand(band)
    nx, ny = ds.RasterXSize, ds.RasterYSize
    x0, y0, w, h = 0, 0, nx, ny
    if window is not None and gt[2] == 0 and gt[4] == 0:
        xmin, ymin, xmax, ymax = window
        c0 = int(np.floor((xmin - gt[0]) / gt[1]))
        c1 = int(np.ceil((xmax - gt[0]) / gt[1]))
        r0 = int(np.floor((ymax - gt[3]) / gt[5]))
        r1 = int(np.ceil((ymin - gt[3]) / gt[5]))
        x0, y0 = max(0, min(c0, c1)), max(0, min(r0, r1))
        w, h = min(nx, max(c0, c1)) - x0, min(ny, max(r0, r1)) - y0
        if w <= 0 or h <= 0:
            return np.zeros((0, 2)), np.zeros(0), ds.GetProjection()
    if w * h > MAX_RASTER_CELLS:
        raise MemoryError(w * h)
    arr = b.ReadAsArray(x0, y0, w, h).astype(float)
    nodata = b.GetNoDataValue()
    if nodata is not None:
        arr[arr == nodata] = np.nan
    rows, cols = np.nonzero(np.isfinite(arr) & (arr > 0))
    vals = arr[rows, cols]
    c = cols + x0 + 0.5
    r = rows + y0 + 0.5
    x = gt[0] + c * gt[1] + r * gt[2]
    y = gt[3] + c * gt[4] + r * gt[5]
    return np.column_stack([x, y]), vals, ds.GetProjection()


def usable_cells(xy, pop) -> tuple[np.ndarray, int]:
    """Cells that carry people: a finite, positive number and finite coordinates (mask), and how many
    cells have a negative number (they count as nobody)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    pop = np.asarray(pop, dtype=float)
    ok = np.isfinite(pop) & (pop > 0) & np.isfinite(xy).all(axis=1)
    return ok, int(np.sum(pop < 0))
