#!/usr/bin/env python3
"""Build the bundled sample ``resources/sample/ankunft_sample.gpkg`` from the real data in tests/data.

Everything is reprojected to ETRS89 / UTM 33N (EPSG:25833, Berlin's official CRS). Layers:

- ``planning_areas`` – Berlin's 448 planning areas (LOR until 2020) with register figures of the
  December cut-off (``…-02``) 2015–2020 (``inh_YYYY`` inhabitants, ``for_YYYY`` foreign nationals,
  ``mig_YYYY`` residents with migration background), ``for_change_2017_2020`` (growth of the foreign
  population, the usual proxy for international arrivals, a count; may be negative), MSS 2013
  ``k11_turnover`` (in- plus out-moves per 100 inhabitants = percent) and ``s3_transfer`` (share of
  transfer-payment recipients, percent; context only).
- ``moabit_district`` – the Moabit boundary; ``map_pages`` – Moabit, Moabit West, Moabit Ost (the
  district regions dissolved from the planning areas) for the strategy-map atlas.
- ``moabit_roads``, ``moabit_buildings``, ``moabit_water``, ``moabit_rails`` – OSM / ALKIS, clipped to Moabit.
- ``poi_<category>`` – the OSM points of interest inside Moabit, one layer per category of the Berlin
  POI files (field ``poi_type`` = the category, e.g. ``libraries``).

Run: ``.venv/bin/python scripts/make_sample.py`` (uses GDAL/OGR only; a few seconds).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
BERLIN = DATA / "berlin"
MOABIT = DATA / "moabit"
OUT = ROOT / "resources" / "sample" / "ankunft_sample.gpkg"
YEARS = range(2015, 2021)
MOABIT_REGIONS = {"010221": "Moabit West", "010222": "Moabit Ost"}
EPSG = 25833


def srs(epsg: int) -> osr.SpatialReference:
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


WGS84 = srs(4326)
TARGET = srs(EPSG)
TO_TARGET = osr.CoordinateTransformation(WGS84, TARGET)


def read_csv(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return {row["id"].zfill(8): row for row in csv.DictReader(fh)}


def num(value):
    if value is None:
        return None
    text = str(value).strip()
    if text in ("", ".", "-", "x"):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def planning_areas(ds) -> tuple[list, ogr.Geometry]:
    """Write ``planning_areas``; return the Moabit areas (id, geometry in EPSG:25833)."""
    register = {y: read_csv(BERLIN / "population" / "berlin-lor-population-{}-02-t1-planning-areas.csv".format(y)) for y in YEARS}
    mss = read_csv(BERLIN / "mss" / "mss-2013-planning-areas.csv")
    src = ogr.Open(str(BERLIN / "berlin-lor-planning-areas-until-2020.geojson"))
    layer = src.GetLayer(0)
    out = ds.CreateLayer("planning_areas", TARGET, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "FID=fid"])
    fields = [("id", ogr.OFTString), ("name", ogr.OFTString), ("district_id", ogr.OFTString), ("region_id", ogr.OFTString)]
    for y in YEARS:
        fields += [("inh_{}".format(y), ogr.OFTInteger), ("for_{}".format(y), ogr.OFTInteger), ("mig_{}".format(y), ogr.OFTInteger)]
    fields += [("for_change_2017_2020", ogr.OFTInteger), ("k11_turnover", ogr.OFTReal), ("s3_transfer", ogr.OFTReal), ("mss_status", ogr.OFTString)]
    for name, kind in fields:
        out.CreateField(ogr.FieldDefn(name, kind))
    moabit = []
    out.StartTransaction()
    for feat in layer:
        pid = str(feat.GetField("id")).zfill(8)
        geom = feat.GetGeometryRef().Clone()
        geom.Transform(TO_TARGET)
        geom = ogr.ForceToMultiPolygon(geom)
        f = ogr.Feature(out.GetLayerDefn())
        f.SetField("id", pid)
        f.SetField("name", feat.GetField("name"))
        f.SetField("district_id", pid[:2])
        f.SetField("region_id", pid[:6])
        for y in YEARS:
            row = register[y].get(pid, {})
            for key, col in (("inh", "inhabitants"), ("for", "inhabitants_foreigners"), ("mig", "inhabitants_with_migration_background")):
                v = num(row.get(col))
                if v is not None:
                    f.SetField("{}_{}".format(key, y), round(v))
        a, b = num(register[2017].get(pid, {}).get("inhabitants_foreigners")), num(register[2020].get(pid, {}).get("inhabitants_foreigners"))
        if a is not None and b is not None:
            f.SetField("for_change_2017_2020", round(b - a))
        m = mss.get(pid)
        if m is not None:
            for key, col in (("k11_turnover", "k11_migration_volume"), ("s3_transfer", "s3_percentage_transfer_payments_recipients")):
                v = num(m.get(col))
                if v is not None:
                    f.SetField(key, v)
            f.SetField("mss_status", m.get("status_index_class") or None)
        f.SetGeometry(geom)
        out.CreateFeature(f)
        if pid[:6] in MOABIT_REGIONS:
            moabit.append((pid, geom.Clone()))
    out.CommitTransaction()
    return moabit


def copy_layer(ds, path: Path, name: str, geom_type, keep=None, union_all: bool = False) -> ogr.Geometry | None:
    src = ogr.Open(str(path))
    layer = src.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    names = [n for n in names if keep is None or n in keep]
    out = ds.CreateLayer(name, TARGET, geom_type, ["GEOMETRY_NAME=geom", "FID=fid"])
    for i in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(i)
        if fd.GetName() in names:
            out.CreateField(fd)
    union = None
    out.StartTransaction()
    for feat in layer:
        g = feat.GetGeometryRef()
        if g is None or g.IsEmpty():
            continue
        g = g.Clone()
        g.Transform(TO_TARGET)
        if geom_type == ogr.wkbMultiPolygon:
            g = ogr.ForceToMultiPolygon(g)
        elif geom_type == ogr.wkbMultiLineString:
            g = ogr.ForceToMultiLineString(g)
        if g is None or g.IsEmpty():
            continue
        f = ogr.Feature(out.GetLayerDefn())
        for n in names:
            f.SetField(n, feat.GetField(n))
        f.SetGeometry(g)
        out.CreateFeature(f)
        if union_all:
            union = g.Clone() if union is None else union.Union(g)
    out.CommitTransaction()
    return union


def map_pages(ds, district: ogr.Geometry, moabit_areas) -> None:
    out = ds.CreateLayer("map_pages", TARGET, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "FID=fid"])
    for name, kind in (("page", ogr.OFTInteger), ("name", ogr.OFTString), ("region_id", ogr.OFTString)):
        out.CreateField(ogr.FieldDefn(name, kind))
    pages = [(1, "Moabit", "0102", district)]
    for i, (rid, label) in enumerate(sorted(MOABIT_REGIONS.items()), start=2):
        union = None
        for pid, g in moabit_areas:
            if pid.startswith(rid):
                union = g.Clone() if union is None else union.Union(g)
        pages.append((i, label, rid, union))
    for page, name, rid, geom in pages:
        f = ogr.Feature(out.GetLayerDefn())
        f.SetField("page", page)
        f.SetField("name", name)
        f.SetField("region_id", rid)
        f.SetGeometry(ogr.ForceToMultiPolygon(geom.Buffer(0)))
        out.CreateFeature(f)


def pois(ds, district_wgs: ogr.Geometry) -> dict[str, int]:
    counts = {}
    for path in sorted((BERLIN / "poi").glob("berlin-points-of-interest-*-details.geojson")):
        category = path.name[len("berlin-points-of-interest-") : -len("-details.geojson")]
        src = ogr.Open(str(path))
        layer = src.GetLayer(0)
        layer.SetSpatialFilter(district_wgs)
        feats = [f for f in layer if f.GetGeometryRef() is not None and f.GetGeometryRef().Within(district_wgs)]
        if not feats:
            continue
        name = "poi_{}".format(category.replace("-", "_"))
        out = ds.CreateLayer(name, TARGET, ogr.wkbPoint, ["GEOMETRY_NAME=geom", "FID=fid"])
        for fname in ("osm_id", "name", "street", "poi_type"):
            out.CreateField(ogr.FieldDefn(fname, ogr.OFTString))
        for feat in feats:
            f = ogr.Feature(out.GetLayerDefn())
            f.SetField("osm_id", str(feat.GetField("id")))
            for key in ("name", "street"):
                if feat.GetFieldIndex(key) >= 0:
                    f.SetField(key, feat.GetField(key))
            f.SetField("poi_type", category)
            g = feat.GetGeometryRef().Clone()
            g.Transform(TO_TARGET)
            f.SetGeometry(g)
            out.CreateFeature(f)
        counts[name] = len(feats)
    return counts


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if OUT.exists():
        OUT.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(OUT))
    moabit_areas = planning_areas(ds)
    district = copy_layer(ds, MOABIT / "moabit_district.gpkg", "moabit_district", ogr.wkbMultiPolygon, union_all=True)
    dl = ds.GetLayerByName("moabit_district")
    dl.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for f in dl:
        f.SetField("name", "Moabit")
        dl.SetFeature(f)
    map_pages(ds, district, moabit_areas)
    copy_layer(ds, MOABIT / "moabit_roads.gpkg", "moabit_roads", ogr.wkbMultiLineString, keep={"osm_id", "fclass", "name", "oneway", "bridge", "tunnel"})
    copy_layer(ds, MOABIT / "moabit_build.gpkg", "moabit_buildings", ogr.wkbMultiPolygon)
    copy_layer(ds, MOABIT / "moabit_water.gpkg", "moabit_water", ogr.wkbMultiPolygon, keep={"osm_id", "fclass", "name"})
    copy_layer(ds, MOABIT / "moabit_rails.gpkg", "moabit_rails", ogr.wkbMultiLineString, keep={"osm_id", "fclass", "name"})
    district_wgs = district.Clone()
    district_wgs.Transform(osr.CoordinateTransformation(TARGET, WGS84))
    counts = pois(ds, district_wgs)
    ds = None
    print("wrote {} ({:.1f} MB)".format(OUT, OUT.stat().st_size / 1e6))
    print("planning areas: 448, Moabit areas: {}".format(len(moabit_areas)))
    print("POIs in Moabit: " + ", ".join("{}={}".format(k, v) for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
