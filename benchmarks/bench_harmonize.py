"""Benchmark: ankunft:harmonizeareas moving 20,000 source areas onto 15,000 target areas, against QGIS's own way
(native:intersection + field calculator + native:aggregate), in the same run on the same layers.

Sources: a 200 × 100 grid of 50 m cells with jittered shared corners (a partition, like statistical blocks);
targets: a 150 × 100 grid of 66.7 × 50 m cells, offset and jittered differently (a boundary reform). Two count
fields are moved area-weighted. The QGIS chain: $area of each source (field calculator), intersection with the
targets, the share of each piece (field calculator: count × $area / source area), sum per target (aggregate).
Both use the same arithmetic (sliver tolerance 0 in Ankunft), and the script checks that the results agree.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE), "/usr/share/qgis/python/plugins"):
    if p not in sys.path:
        sys.path.insert(0, p)

import numpy as np  # noqa: E402
from common import peak_rss_mb, qgis_app, save, timed  # noqa: E402

NX_S, NY_S, CELL_S = 200, 100, 50.0  # 20,000 sources
NX_T, NY_T = 150, 100  # 15,000 targets
WIDTH, HEIGHT = NX_S * CELL_S, NY_S * CELL_S


def jittered_grid(nx, ny, width, height, jitter, seed, offset=(0.0, 0.0)):
    """Quadrilaterals of a grid whose inner corners are moved at random (a partition of the rectangle)."""
    rng = np.random.default_rng(seed)
    dx, dy = width / nx, height / ny
    xs = np.arange(nx + 1) * dx
    ys = np.arange(ny + 1) * dy
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    jx = rng.uniform(-jitter, jitter, gx.shape) * dx
    jy = rng.uniform(-jitter, jitter, gy.shape) * dy
    jx[[0, -1], :] = 0.0
    jy[:, [0, -1]] = 0.0
    gx, gy = gx + jx + offset[0], gy + jy + offset[1]
    polys = []
    for i in range(nx):
        for j in range(ny):
            ring = [(gx[i, j], gy[i, j]), (gx[i + 1, j], gy[i + 1, j]), (gx[i + 1, j + 1], gy[i + 1, j + 1]), (gx[i, j + 1], gy[i, j + 1])]
            polys.append("POLYGON(({}))".format(", ".join("{:.3f} {:.3f}".format(x, y) for x, y in [*ring, ring[0]])))
    return polys


def memory_layer(name, wkts, fields, rows):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:25833", name, "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    feats = []
    for wkt, attrs in zip(wkts, rows):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(attrs)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def build():
    from qgis.PyQt.QtCore import QMetaType

    rng = np.random.default_rng(11)
    src_wkt = jittered_grid(NX_S, NY_S, WIDTH, HEIGHT, 0.25, seed=1)
    tgt_wkt = jittered_grid(NX_T, NY_T, WIDTH, HEIGHT, 0.25, seed=2, offset=(0.0, 0.0))
    pop = np.round(rng.lognormal(4.5, 0.8, len(src_wkt)))
    ausl = np.round(pop * rng.uniform(0.05, 0.4, len(src_wkt)))
    D, N = QMetaType.Type.Double, QMetaType.Type.Int
    src = memory_layer("sources", src_wkt, [("sid", N), ("pop", D), ("ausl", D)], [[i, float(p), float(a)] for i, (p, a) in enumerate(zip(pop, ausl))])
    tgt = memory_layer("targets", tgt_wkt, [("tid", N)], [[j] for j in range(len(tgt_wkt))])
    return src, tgt, pop, ausl


def run_ankunft(src, tgt):
    import processing

    res = processing.run("ankunft:harmonizeareas", {"SOURCE": src, "COUNT_FIELDS": ["pop", "ausl"], "TARGET": tgt, "SLIVER": 0.0,
                                                    "SUPPRESS_BELOW": 0.0, "OUTPUT": "memory:"})
    out = res["OUTPUT"]
    vals = {f["tid"]: (f["pop"], f["ausl"], f["harm_split"]) for f in out.getFeatures()}
    return vals, res


def run_qgis(src, tgt):
    import processing

    a = processing.run("native:fieldcalculator", {"INPUT": src, "FIELD_NAME": "src_area", "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
                                                  "FIELD_PRECISION": 6, "FORMULA": "$area", "OUTPUT": "memory:"})["OUTPUT"]
    inter = processing.run("native:intersection", {"INPUT": a, "OVERLAY": tgt, "INPUT_FIELDS": ["sid", "pop", "ausl", "src_area"],
                                                   "OVERLAY_FIELDS": ["tid"], "OUTPUT": "memory:"})["OUTPUT"]
    w = processing.run("native:fieldcalculator", {"INPUT": inter, "FIELD_NAME": "w", "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
                                                  "FIELD_PRECISION": 10, "FORMULA": "$area / \"src_area\"", "OUTPUT": "memory:"})["OUTPUT"]
    agg = processing.run("native:aggregate", {
        "INPUT": w, "GROUP_BY": "\"tid\"",
        "AGGREGATES": [
            {"aggregate": "first_value", "delimiter": ",", "input": "\"tid\"", "length": 0, "name": "tid", "precision": 0, "type": 2},
            {"aggregate": "sum", "delimiter": ",", "input": "\"pop\" * \"w\"", "length": 0, "name": "pop", "precision": 0, "type": 6},
            {"aggregate": "sum", "delimiter": ",", "input": "\"ausl\" * \"w\"", "length": 0, "name": "ausl", "precision": 0, "type": 6},
        ],
        "OUTPUT": "memory:",
    })["OUTPUT"]
    return {f["tid"]: (f["pop"], f["ausl"]) for f in agg.getFeatures()}


def main():
    qgis_app()
    times: dict = {}
    with timed(times, "build_layers_s"):
        src, tgt, pop, _ausl = build()
    print("{} source areas, {} target areas".format(src.featureCount(), tgt.featureCount()), flush=True)
    with timed(times, "ankunft_s"):
        mine, res = run_ankunft(src, tgt)
    print("ankunft:harmonizeareas {:.1f} s".format(times["ankunft_s"]), flush=True)
    with timed(times, "qgis_chain_s"):
        peer = run_qgis(src, tgt)
    print("intersection + field calculator + aggregate {:.1f} s".format(times["qgis_chain_s"]), flush=True)
    common = sorted(set(mine) & set(peer))
    diff = max(abs((mine[t][0] or 0.0) - (peer[t][0] or 0.0)) for t in common)
    total_mine = sum(v[0] or 0.0 for v in mine.values())
    total_peer = sum(v[0] or 0.0 for v in peer.values())
    split = np.array([v[2] for v in mine.values() if v[2] is not None])
    out = {
        "sources": src.featureCount(),
        "targets": tgt.featureCount(),
        **{k: round(v, 3) for k, v in times.items()},
        "ratio_qgis_over_ankunft": round(times["qgis_chain_s"] / times["ankunft_s"], 2),
        "max_abs_diff_pop": diff,
        "total_pop_source": float(pop.sum()),
        "total_pop_ankunft": total_mine,
        "total_pop_qgis": total_peer,
        "targets_compared": len(common),
        "n_split_sources": res["N_SPLIT"],
        "median_split_share": float(np.median(split)) if len(split) else None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    for k, v in out.items():
        print("{}: {}".format(k, v))
    save("harmonize", out)


if __name__ == "__main__":
    main()
