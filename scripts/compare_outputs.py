#!/usr/bin/env python3
"""Compare two result GeoPackages (e.g. two ``make demo`` runs) layer by layer, attribute by attribute.

    scripts/compare_outputs.py BEFORE.gpkg AFTER.gpkg [--geometry] [--tolerance 0]
    scripts/compare_outputs.py --summary BEFORE.log AFTER.log      # the demo's printed summary, timings left out

Used to show that a refactoring changes no result: every layer, field (name, type), feature count and
value must be identical (``--tolerance`` allows a relative difference for floating point numbers;
default 0 = bit for bit). Styles and metadata tables (``layer_styles``, ``gpkg_*``) and values that
hold a run's date or duration are skipped. GDAL only (no QGIS). Exit code 0 = identical.
"""

from __future__ import annotations

import argparse
import math
import re
import sys

SKIP_TABLES = {"layer_styles"}
RUN_DEPENDENT = re.compile(r"(run_at|created|date_run|runtime|elapsed|seconds|_time_s)$", re.I)


def read_gpkg(path: str, geometry: bool = False) -> dict:
    """{layer: (fields [(name, type)], rows [(fid, [values], wkb or None)])}."""
    from osgeo import ogr

    ogr.UseExceptions()
    ds = ogr.Open(path)
    if ds is None:
        raise SystemExit("cannot open {}".format(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        name = layer.GetName()
        if name in SKIP_TABLES or name.startswith("gpkg_"):
            continue
        defn = layer.GetLayerDefn()
        fields = [(defn.GetFieldDefn(k).GetName(), defn.GetFieldDefn(k).GetTypeName()) for k in range(defn.GetFieldCount())]
        rows = []
        for feat in layer:
            values = [feat.GetField(k) if feat.IsFieldSetAndNotNull(k) else None for k in range(len(fields))]
            wkb = None
            if geometry and feat.GetGeometryRef() is not None:
                wkb = bytes(feat.GetGeometryRef().ExportToWkb())
            rows.append((feat.GetFID(), values, wkb))
        out[name] = (fields, rows)
    return out


_CHECKOUT = re.compile(r"^/\S*?/(resources|tests)/")


def same(a, b, tolerance: float) -> bool:
    """Equal values; a path into the checkout (``/…/resources/…``) counts from there (two checkouts compare)."""
    if isinstance(a, str) and isinstance(b, str):
        return _CHECKOUT.sub(r"\1/", a) == _CHECKOUT.sub(r"\1/", b)
    if a is None or b is None:
        return a is b
    if isinstance(a, float) or isinstance(b, float):
        try:
            fa, fb = float(a), float(b)
        except (TypeError, ValueError):
            return False
        if math.isnan(fa) and math.isnan(fb):
            return True
        return fa == fb or abs(fa - fb) <= tolerance * max(abs(fa), abs(fb))
    return a == b


def compare_gpkg(before: str, after: str, geometry: bool = False, tolerance: float = 0.0, limit: int = 10) -> list[str]:
    """Differences as lines (empty list = identical)."""
    a, b = read_gpkg(before, geometry), read_gpkg(after, geometry)
    diffs = []
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            diffs.append("layer {} only in {}".format(name, "after" if name not in a else "before"))
            continue
        (fa, ra), (fb, rb) = a[name], b[name]
        if fa != fb:
            diffs.append("{}: fields differ: {} vs {}".format(name, fa, fb))
            continue
        if len(ra) != len(rb):
            diffs.append("{}: {} vs {} features".format(name, len(ra), len(rb)))
            continue
        n_diff = 0
        for (fid_a, va, ga), (fid_b, vb, gb) in zip(ra, rb):
            if fid_a != fid_b:
                diffs.append("{}: feature order differs (fid {} vs {})".format(name, fid_a, fid_b))
                break
            for (field, _), x, y in zip(fa, va, vb):
                if RUN_DEPENDENT.search(field) or same(x, y, tolerance):
                    continue
                n_diff += 1
                if n_diff <= limit:
                    diffs.append("{} fid {} {}: {!r} vs {!r}".format(name, fid_a, field, x, y))
            if geometry and ga != gb:
                n_diff += 1
                if n_diff <= limit:
                    diffs.append("{} fid {}: geometry differs".format(name, fid_a))
        if n_diff > limit:
            diffs.append("{}: … {} differences in all".format(name, n_diff))
    return diffs


def summary_lines(path: str) -> list[str]:
    """The demo's printed lines without timings, progress and paths."""
    keep = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    for line in lines:
        line = line.rstrip()
        if not line or re.match(r"^\s*\d+ %", line) or line.startswith(("Timings:", "Outputs:")):
            continue
        line = re.sub(r"\d+(\.\d+)? s\b", "<t> s", line)
        line = re.sub(r"/\S+/(before|after)\S*", "<path>", line)
        line = re.sub(r"/\S*?/(ankunft_plugin|resources|tests)/", r"\1/", line)  # two checkouts compare
        keep.append(line)
    return keep


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--summary", action="store_true", help="compare two printed demo summaries (logs)")
    ap.add_argument("--geometry", action="store_true", help="compare geometries (WKB) too")
    ap.add_argument("--tolerance", type=float, default=0.0, help="relative tolerance for floats (default 0)")
    args = ap.parse_args(argv)
    if args.summary:
        la, lb = summary_lines(args.before), summary_lines(args.after)
        import difflib

        diffs = list(difflib.unified_diff(la, lb, "before", "after", lineterm="", n=0))
        print("\n".join(diffs) if diffs else "summary identical ({} lines)".format(len(la)))
        return 1 if diffs else 0
    diffs = compare_gpkg(args.before, args.after, args.geometry, args.tolerance)
    if diffs:
        print("\n".join(diffs))
        return 1
    layers = read_gpkg(args.before)
    n_values = sum(len(f) * len(r) for f, r in layers.values())
    print("identical: {} layers, {} features, {} attribute values{}".format(
        len(layers), sum(len(r) for _, r in layers.values()), n_values, ", geometries too" if args.geometry else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
