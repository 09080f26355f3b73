"""Synthetic test networks written with GDAL/OGR alone (fast, no QGIS): a square street lattice with
50 m blocks (EPSG:25833), points on its streets, buildings and facilities for the city-wide case."""

from __future__ import annotations

import numpy as np

SPACING = 50.0


def lattice_edges(n: int) -> int:
    return 2 * n * (n - 1)


def side_for_edges(edges: int) -> int:
    """Lattice side n with about ``edges`` edges."""
    return round((1 + np.sqrt(1 + 2 * edges)) / 2)


def _create(path: str, name: str, gtype, fields=(), epsg: int = 25833):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(epsg))
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(str(path))
    lyr = ds.CreateLayer(name, srs, gtype)
    for fname, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(fname, ftype))
    return ds, lyr


def write_lattice(path: str, n: int) -> int:
    """A lattice of n x n nodes, every block side one line feature (straight, two vertices)."""
    from osgeo import ogr

    from ankunft_plugin.core.gdalio import gdal_exceptions

    with gdal_exceptions():
        ds, lyr = _create(path, "streets", ogr.wkbLineString)
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        k = 0
        for i in range(n):
            for j in range(n - 1):
                for (ax, ay), (bx, by) in (((j, i), (j + 1, i)), ((i, j), (i, j + 1))):
                    f = ogr.Feature(defn)
                    g = ogr.Geometry(ogr.wkbLineString)
                    g.AddPoint_2D(ax * SPACING, ay * SPACING)
                    g.AddPoint_2D(bx * SPACING, by * SPACING)
                    f.SetGeometryDirectly(g)
                    lyr.CreateFeature(f)
                    k += 1
        lyr.CommitTransaction()
        del ds
    return k


def point_xy(n: int, count: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    street = rng.integers(0, n, count) * SPACING
    along = rng.uniform(0, (n - 1) * SPACING, count)
    odd = np.arange(count) % 2 == 1
    return np.column_stack([np.where(odd, street, along), np.where(odd, along, street)])


def write_points(path: str, xy: np.ndarray, extra: dict | None = None, name: str = "points", epsg: int = 25833) -> None:
    """Points with an integer ``pid`` (and string fields from ``extra``: name -> list)."""
    from osgeo import ogr

    from ankunft_plugin.core.gdalio import gdal_exceptions

    extra = extra or {}
    with gdal_exceptions():
        ds, lyr = _create(path, name, ogr.wkbPoint, [("pid", ogr.OFTInteger)] + [(k, ogr.OFTString) for k in extra], epsg=epsg)
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        for i, (x, y) in enumerate(np.asarray(xy, dtype=float).tolist()):
            f = ogr.Feature(defn)
            f.SetField("pid", i)
            for k, vals in extra.items():
                f.SetField(k, str(vals[i]))
            g = ogr.Geometry(ogr.wkbPoint)
            g.AddPoint_2D(x, y)
            f.SetGeometryDirectly(g)
            lyr.CreateFeature(f)
        lyr.CommitTransaction()
        del ds
