"""Benchmark: ankunft:walkingcatchments against QGIS's native:serviceareafromlayer, same process,
same data (a square street lattice with 50 m blocks in a GeoPackage), 300 docking points on the
network.

- peer: native:serviceareafromlayer, lines only, one band (15 min = 1125 m at 4.5 km/h)
- ours, first run: the whole algorithm (read + graph + snap + bounded searches for 5/10/15 min +
  partial edges + buffered, dissolved polygons + writing), graph cache empty
- ours, second run: the same again, the graph now from the session cache

Sizes: lattices of about 10,000, 45,000 and 180,000 edges; the issue's targets are set for the
largest (>= 5x first run, >= 20x cached run, peak memory < 2 GB). Run with `make bench` or
`python benchmarks/bench_catchments.py [max_edges]`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE), "/usr/share/qgis/python/plugins"):
    if p not in sys.path:
        sys.path.insert(0, p)

import numpy as np  # noqa: E402
from common import peak_rss_mb, qgis_app, save, timed  # noqa: E402

SIZES = (71, 150, 300)  # lattice side: 9,940 / 44,700 / 179,400 edges
N_POINTS = 300
SPACING = 50.0



def write_lattice(path: str, n: int) -> int:
    from qgis.core import (
        Qgis,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsFields,
        QgsGeometry,
        QgsPointXY,
        QgsVectorFileWriter,
    )

    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    writer = QgsVectorFileWriter.create(
        path, QgsFields(), Qgis.WkbType.LineString, QgsCoordinateReferenceSystem("EPSG:25833"),
        QgsCoordinateTransformContext(), opts,
    )
    k = 0
    feats = []
    for i in range(n):
        for j in range(n - 1):
            for a, b in (((j, i), (j + 1, i)), ((i, j), (i, j + 1))):
                f = QgsFeature()
                f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(a[0] * SPACING, a[1] * SPACING),
                                                          QgsPointXY(b[0] * SPACING, b[1] * SPACING)]))
                feats.append(f)
                k += 1
    writer.addFeatures(feats)
    del writer
    return k


def write_points(path: str, n: int, count: int, seed: int = 0):
    from qgis.core import (
        Qgis,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsPointXY,
        QgsVectorFileWriter,
    )
    from qgis.PyQt.QtCore import QMetaType

    rng = np.random.default_rng(seed)
    fields = QgsFields()
    fields.append(QgsField("pid", QMetaType.Type.Int))
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    writer = QgsVectorFileWriter.create(
        path, fields, Qgis.WkbType.Point, QgsCoordinateReferenceSystem("EPSG:25833"), QgsCoordinateTransformContext(), opts
    )
    feats = []
    for i in range(count):
        street = rng.integers(0, n) * SPACING
        along = rng.uniform(0, (n - 1) * SPACING)
        x, y = (street, along) if i % 2 else (along, street)  # on the network: both tools start at the same place
        f = QgsFeature(fields)
        f.setAttributes([i])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    writer.addFeatures(feats)
    del writer


def run(max_edges: int | None = None) -> dict:
    qgis_app()
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    from ankunft_plugin.processing import graph_cache

    def ctx():
        c = QgsProcessingContext()
        c.setProject(QgsProject.instance())
        return c

    out = {"points": N_POINTS, "bands_min": [5, 10, 15], "speed_kmh": 4.5, "buffer_m": 30, "sizes": []}
    tmp = tempfile.mkdtemp(prefix="bench_catchments_")
    for n in SIZES:
        edges = 2 * n * (n - 1)
        if max_edges and edges > max_edges:
            continue
        net = os.path.join(tmp, "lattice_{}.gpkg".format(n))
        pts = os.path.join(tmp, "points_{}.gpkg".format(n))
        write_lattice(net, n)
        write_points(pts, n, N_POINTS)
        t: dict = {}
        fb = QgsProcessingFeedback()
        with timed(t, "peer_s"):
            peer = processing.run("native:serviceareafromlayer", {
                "INPUT": net, "STRATEGY": 0, "START_POINTS": pts, "TRAVEL_COST2": 1125.0, "OUTPUT_LINES": "memory:",
            }, context=ctx(), feedback=fb)["OUTPUT_LINES"]
        peer_features = peer.featureCount()
        del peer
        graph_cache.clear()
        params = {"NETWORK": net, "POINTS": pts, "POINT_ID_FIELD": "pid", "BANDS": "5,10,15", "OUTPUT": "memory:"}
        with timed(t, "ours_first_s"):
            res = processing.run("ankunft:walkingcatchments", params, context=ctx(), feedback=fb)["OUTPUT"]
        ours_features = res.featureCount()
        del res
        with timed(t, "ours_cached_s"):
            res2 = processing.run("ankunft:walkingcatchments", params, context=ctx(), feedback=fb)["OUTPUT"]
        del res2
        row = {
            "lattice": "{0}x{0}".format(n),
            "edges": edges,
            "peer_s": round(t["peer_s"], 3),
            "ours_first_s": round(t["ours_first_s"], 3),
            "ours_cached_s": round(t["ours_cached_s"], 3),
            "ratio_first": round(t["peer_s"] / t["ours_first_s"], 2),
            "ratio_cached": round(t["peer_s"] / t["ours_cached_s"], 2),
            "peer_features": peer_features,
            "our_polygons": ours_features,
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
        print("{lattice:>8} {edges:>7} edges: peer {peer_s:7.2f} s | ours {ours_first_s:6.2f} s ({ratio_first:5.1f}x) | "
              "cached {ours_cached_s:6.2f} s ({ratio_cached:5.1f}x) | peak {peak_rss_mb:.0f} MB".format(**row), flush=True)
        out["sizes"].append(row)
    graph_cache.clear()
    if out["sizes"]:
        big = out["sizes"][-1]
        out["targets"] = {
            "first_run_5x": big["ratio_first"] >= 5.0,
            "cached_run_20x": big["ratio_cached"] >= 20.0,
            "peak_memory_under_2GB": big["peak_rss_mb"] < 2048,
        }
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    save("catchments", out)
    return out


if __name__ == "__main__":
    arg = sys.argv[1] if len(sys.argv) > 1 and sys.argv[0].endswith("bench_catchments.py") else None
    run(int(arg) if arg else None)
