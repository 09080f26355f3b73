"""Reading line and point layers with GDAL/OGR alone (no QGIS) for the benchmarks and checks:
projected to a metric CRS (EPSG:25833 by default, or the UTM zone of the data)."""

from __future__ import annotations


def _transform(src_srs, epsg):
    from osgeo import osr

    dst = osr.SpatialReference()
    dst.ImportFromEPSG(int(epsg))
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if src_srs is None:
        return None
    src_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(src_srs, dst)


def utm_epsg(lon: float, lat: float) -> int:
    zone = int((lon + 180.0) // 6.0) + 1
    return (32600 if lat >= 0 else 32700) + zone


def read_layer(path: str, layer=None, epsg=None, where: str | None = None, geom_types=("LINESTRING", "MULTILINESTRING")):
    """(list of shapely geometries, epsg) of a layer, transformed to ``epsg`` (UTM of the data when None)."""
    from osgeo import gdal
    from shapely import wkb

    from ankunft_plugin.core.gdalio import gdal_exceptions

    with gdal_exceptions():
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR)
        lyr = ds.GetLayerByName(layer) if isinstance(layer, str) else ds.GetLayer(layer or 0)
        if where:
            lyr.SetAttributeFilter(where)
        srs = lyr.GetSpatialRef()
        if epsg is None:
            x0, x1, y0, y1 = lyr.GetExtent()
            if srs is not None and srs.IsGeographic():
                epsg = utm_epsg((x0 + x1) / 2, (y0 + y1) / 2)
                ct = _transform(srs.Clone(), epsg)
            else:
                code = srs.GetAuthorityCode(None) if srs is not None else None
                epsg = int(code) if code else None
                ct = None
        else:
            ct = _transform(srs.Clone(), epsg) if srs is not None else None
        out = []
        for f in lyr:
            g = f.GetGeometryRef()
            if g is None:
                continue
            g = g.Clone()
            if ct is not None:
                g.Transform(ct)
            g.FlattenTo2D()
            if geom_types and g.GetGeometryName() not in geom_types:
                continue
            out.append(wkb.loads(bytes(g.ExportToWkb())))
        ds = None
    return out, epsg
