"""``ankunft:suggestdockingpoints`` in QGIS: a small constructed case and the real run on Berlin-Moabit."""

from __future__ import annotations

import csv
import math
import time
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType

DATA = Path(__file__).resolve().parents[1] / "data"
ALG = "ankunft:suggestdockingpoints"


def _memory(kind: str, crs: str, fields, rows) -> QgsVectorLayer:
    """A memory layer of ``kind`` with ``fields`` [(name, QMetaType)] and rows [(geometry, [values])]."""
    layer = QgsVectorLayer("{}?crs={}".format(kind, crs), kind, "memory")
    pr = layer.dataProvider()
    pr.addAttributes([QgsField(name, typ) for name, typ in fields])
    layer.updateFields()
    feats = []
    for geom, values in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(geom)
        f.setAttributes(list(values))
        feats.append(f)
    pr.addFeatures(feats)
    layer.updateExtents()
    return layer


def _lattice(n=11, step=100.0):
    rows = []
    for i in range(n):
        # a vertex at every crossing: lines connect where they share a vertex
        rows.append((QgsGeometry.fromPolylineXY([QgsPointXY(j * step, i * step) for j in range(n)]), []))
        rows.append((QgsGeometry.fromPolylineXY([QgsPointXY(i * step, j * step) for j in range(n)]), []))
    return _memory("LineString", "EPSG:25833", [], rows)


def _points(xy, fields=(), values=None):
    values = values or [[] for _ in xy]
    return _memory(
        "Point", "EPSG:25833", list(fields), [(QgsGeometry.fromPointXY(QgsPointXY(x, y)), v) for (x, y), v in zip(xy, values)]
    )


def _out_rows(layer):
    return sorted((f.attributes() for f in layer.getFeatures()), key=lambda a: a[layer.fields().lookupField("rank")])


def test_small_lattice_exact_and_greedy(run_alg, tmp_path):
    net = _lattice()  # 1 km × 1 km, 100 m blocks
    # demand in two clusters: south-west (people 50 each) and north-east (people 30 each), and one lonely point far away
    demand_xy = [(100, 100), (150, 100), (100, 200), (900, 900), (850, 900), (900, 800), (5000, 5000)]
    demand_w = [50, 50, 50, 30, 30, 30, 2]
    demand = _points(demand_xy, [("pop", QMetaType.Type.Int)], [[w] for w in demand_w])
    cand_xy = [(100, 150), (900, 850), (500, 500), (0, 1000)]
    cands = _points(cand_xy, [("name", QMetaType.Type.QString), ("foot", QMetaType.Type.Double)], [["sw", 1.0], ["ne", 2.0], ["mid", 9.0], ["corner", 0.0]])
    existing = _points([(1000, 0)])
    out = str(tmp_path / "sites.gpkg")
    params = {
        "DEMAND": demand,
        "WEIGHT_FIELD": "pop",
        "CANDIDATES": cands,
        "EXISTING": existing,
        "NETWORK": net,
        "MAX_MINUTES": 200.0 / 75.0,  # 200 m at 4.5 km/h
        "SPEED_KMH": 4.5,
        "COUNT": 2,
        "METHOD": 1,
        "OUTPUT": out,
    }
    res = run_alg(ALG, params)
    layer = QgsVectorLayer(out, "out", "ogr")
    rows = _out_rows(layer)
    names = layer.fields().names()
    assert {"rank", "added_weight", "cum_coverage_pct", "visibility", "name"} <= set(names)
    assert [r[names.index("name")] for r in rows] == ["sw", "ne"]
    assert [r[names.index("added_weight")] for r in rows] == [150, 90]
    total = sum(demand_w)
    assert res["COVERAGE_BEFORE_PCT"] == pytest.approx(0.0)
    assert res["COVERAGE_AFTER_PCT"] == pytest.approx(100.0 * 240 / total)
    assert rows[-1][names.index("cum_coverage_pct")] == pytest.approx(100.0 * 240 / total)
    assert res["OPTIMALITY_GAP_PCT"] == pytest.approx(0.0)
    assert res["GAP_BASIS"] == "optimal"
    assert res["UNSNAPPED_DEMAND_PCT"] == pytest.approx(100.0 * 2 / total)

    # greedy with visibility from a field and a large visibility weight prefers the busy middle
    params.update({"METHOD": 0, "VISIBILITY": 1, "VISIBILITY_FIELD": "foot", "VISIBILITY_WEIGHT": 80.0, "COUNT": 1, "OUTPUT": str(tmp_path / "g.gpkg")})
    res = run_alg(ALG, params)
    layer = QgsVectorLayer(params["OUTPUT"], "out", "ogr")
    rows = _out_rows(layer)
    names = layer.fields().names()
    assert rows[0][names.index("name")] == "mid"
    assert rows[0][names.index("visibility")] == pytest.approx(9.0)
    assert rows[0][names.index("added_weight")] == 0  # nobody within 200 m of the middle

    # suppression: a site that adds 2 people is written as NULL
    params.update({"VISIBILITY": 0, "VISIBILITY_WEIGHT": 0.0, "COUNT": 1, "OUTPUT": str(tmp_path / "s.gpkg")})
    small = _points([(100, 100)], [("pop", QMetaType.Type.Int)], [[2]])
    params["DEMAND"] = small
    run_alg(ALG, params)
    layer = QgsVectorLayer(params["OUTPUT"], "out", "ogr")
    f = next(layer.getFeatures())
    assert f["added_weight"] is None or f["added_weight"] == NULL
    assert f["cum_coverage_pct"] is None or f["cum_coverage_pct"] == NULL
    assert f["rank"] == 1


def test_computed_visibility_prefers_the_grid_over_a_dead_end(run_alg, tmp_path):
    net = _lattice()
    # a long dead-end spur east of the grid
    spur = QgsGeometry.fromPolylineXY([QgsPointXY(1000, 500), QgsPointXY(2000, 500)])
    pr = net.dataProvider()
    f = QgsFeature(net.fields())
    f.setGeometry(spur)
    pr.addFeatures([f])
    demand = _points([(3000, 3000)], [("pop", QMetaType.Type.Int)], [[10]])  # unreachable: all ties
    cands = _points([(1900, 500), (500, 500)], [("name", QMetaType.Type.QString)], [["spur"], ["grid"]])
    out = str(tmp_path / "v.gpkg")
    res = run_alg(
        ALG,
        {"DEMAND": demand, "WEIGHT_FIELD": "pop", "CANDIDATES": cands, "NETWORK": net, "COUNT": 1, "VISIBILITY": 2, "OUTPUT": out},
    )
    layer = QgsVectorLayer(out, "out", "ogr")
    feat = next(layer.getFeatures())
    assert feat["name"] == "grid"
    # grid with 100 m blocks: 4 + 12 + 20 full edges from the nodes 0, 100 and 200 m away
    assert feat["visibility"] == pytest.approx((4 + 12 + 20) * 100.0)
    assert res["COVERAGE_AFTER_PCT"] == pytest.approx(0.0)


def test_bad_visibility_field_is_a_clear_error(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    demand = _points([(100, 100)], [("pop", QMetaType.Type.Int)], [[10]])
    cands = _points([(100, 150)])
    with pytest.raises(QgsProcessingException, match="visibility field"):
        run_alg(
            ALG,
            {"DEMAND": demand, "WEIGHT_FIELD": "pop", "CANDIDATES": cands, "NETWORK": _lattice(), "VISIBILITY": 1, "OUTPUT": str(tmp_path / "x.gpkg")},
        )


# --------------------------------------------------------------------------------------------
# real data: Berlin-Moabit
# --------------------------------------------------------------------------------------------
CANDIDATE_KINDS = ("supermarkets", "marketplaces", "libraries", "post-offices", "bus-stops", "tram-stops", "ubahn-stops", "sbahn-stops")


def _moabit_inputs():
    district = next(QgsVectorLayer(str(DATA / "moabit" / "moabit_district.gpkg"), "d", "ogr").getFeatures()).geometry()
    with open(DATA / "berlin" / "population" / "berlin-lor-population-2020-02-t1-planning-areas.csv", encoding="utf-8") as fh:
        pop = {row["id"]: int(row["inhabitants"]) for row in csv.DictReader(fh)}
    areas = QgsVectorLayer(str(DATA / "berlin" / "berlin-lor-planning-areas-until-2020.geojson"), "pa", "ogr")
    rows = []
    for f in areas.getFeatures():
        if district.contains(f.geometry().pointOnSurface()):
            rows.append((f.geometry(), [f["id"], f["name"], pop.get(f["id"])]))
    demand = _memory(
        "MultiPolygon", "EPSG:4326", [("id", QMetaType.Type.QString), ("name", QMetaType.Type.QString), ("inhabitants", QMetaType.Type.Int)], rows
    )

    def poi(kind):
        layer = QgsVectorLayer(str(DATA / "berlin" / "poi" / "berlin-points-of-interest-{}-details.geojson".format(kind)), kind, "ogr")
        return [(f.geometry(), [kind, f["name"]]) for f in layer.getFeatures() if district.contains(f.geometry())]

    fields = [("kind", QMetaType.Type.QString), ("name", QMetaType.Type.QString)]
    cands = _memory("Point", "EPSG:4326", fields, [r for kind in CANDIDATE_KINDS for r in poi(kind)])
    existing = _memory("Point", "EPSG:4326", fields, poi("community-centers"))
    buildings = QgsVectorLayer(str(DATA / "moabit" / "moabit_build.gpkg"), "buildings", "ogr")
    roads = QgsVectorLayer(str(DATA / "moabit" / "moabit_roads.gpkg"), "roads", "ogr")
    return demand, cands, existing, buildings, roads


@pytest.mark.slow
def test_moabit_real_run(run_alg, tmp_path, capsys):
    demand, cands, existing, buildings, roads = _moabit_inputs()
    assert demand.featureCount() == 12
    assert sum(f["inhabitants"] for f in demand.getFeatures()) == 81021
    assert cands.featureCount() > 100 and existing.featureCount() > 10
    base = {
        "DEMAND": demand,
        "WEIGHT_FIELD": "inhabitants",
        "BUILDINGS": buildings,
        "CANDIDATES": cands,
        "EXISTING": existing,
        "NETWORK": roads,
        "MAX_MINUTES": 10.0,
        "SPEED_KMH": 4.5,
        "VISIBILITY": 2,
    }
    figures = {}
    for count in (3, 5):
        for method in (0, 1):
            out = str(tmp_path / "m{}_{}.gpkg".format(count, method))
            t0 = time.perf_counter()
            res = run_alg(ALG, dict(base, COUNT=count, METHOD=method, OUTPUT=out))
            seconds = time.perf_counter() - t0
            layer = QgsVectorLayer(out, "out", "ogr")
            rows = _out_rows(layer)
            names = layer.fields().names()
            assert len(rows) == count
            ranks = [r[names.index("rank")] for r in rows]
            assert ranks == list(range(1, count + 1))
            cum = [r[names.index("cum_coverage_pct")] for r in rows]
            assert all(b >= a - 1e-9 for a, b in zip(cum, cum[1:]))
            assert cum[-1] == pytest.approx(res["COVERAGE_AFTER_PCT"])
            assert res["COVERAGE_AFTER_PCT"] >= res["COVERAGE_BEFORE_PCT"]
            assert 0.0 <= res["OPTIMALITY_GAP_PCT"] <= 100.0 * (1 - (1 - 1 / math.e))
            assert res["GAP_BASIS"] == "optimal"
            figures[(count, method)] = (res, seconds, [(r[names.index("kind")], r[names.index("name")], r[names.index("added_weight")]) for r in rows])
    # with points near small network fragments moved onto the connected network (before that rule:
    # 80.53 % before, 95.98 % after 3 sites, 97.33 % after 5 exact)
    assert figures[(3, 0)][0]["COVERAGE_BEFORE_PCT"] == pytest.approx(81.86, abs=0.01)
    assert figures[(3, 1)][0]["COVERAGE_AFTER_PCT"] == pytest.approx(97.86, abs=0.01)
    assert figures[(5, 1)][0]["COVERAGE_AFTER_PCT"] == pytest.approx(99.22, abs=0.01)
    for count in (3, 5):
        g, e = figures[(count, 0)][0], figures[(count, 1)][0]
        assert e["COVERAGE_BEFORE_PCT"] == pytest.approx(g["COVERAGE_BEFORE_PCT"])
        assert e["COVERAGE_AFTER_PCT"] >= g["COVERAGE_AFTER_PCT"] - 1e-9
        assert e["OPTIMALITY_GAP_PCT"] == pytest.approx(0.0, abs=1e-3)
        # the greedy gap is measured against the proven optimum: (opt − greedy) / (opt − before) on added people
        added_g = g["COVERAGE_AFTER_PCT"] - g["COVERAGE_BEFORE_PCT"]
        added_e = e["COVERAGE_AFTER_PCT"] - e["COVERAGE_BEFORE_PCT"]
        assert g["OPTIMALITY_GAP_PCT"] == pytest.approx(100.0 * (added_e - added_g) / added_e, abs=1e-6)
    # greedy without the solver check: the self-certified bound is looser but still honest
    t0 = time.perf_counter()
    res = run_alg(ALG, dict(base, COUNT=5, METHOD=0, BOUND_TIME_LIMIT=0.0, OUTPUT=str(tmp_path / "nb.gpkg")))
    seconds = time.perf_counter() - t0
    assert res["GAP_BASIS"] == "submodular_bound"
    assert res["OPTIMALITY_GAP_PCT"] >= figures[(5, 0)][0]["OPTIMALITY_GAP_PCT"] - 1e-9
    assert res["COVERAGE_AFTER_PCT"] == pytest.approx(figures[(5, 0)][0]["COVERAGE_AFTER_PCT"])
    with capsys.disabled():
        print()
        print("Moabit COUNT=5 greedy without solver check: gap <= {:.3f} % ({}) in {:.1f} s".format(res["OPTIMALITY_GAP_PCT"], res["GAP_BASIS"], seconds))
        for (count, method), (res, seconds, sites) in sorted(figures.items()):
            print(
                "Moabit COUNT={} {:6s}: before {:.2f} % after {:.2f} % gap {:.3f} % ({}) unsnapped {:.2f} % in {:.1f} s: {}".format(
                    count,
                    "greedy" if method == 0 else "exact",
                    res["COVERAGE_BEFORE_PCT"],
                    res["COVERAGE_AFTER_PCT"],
                    res["OPTIMALITY_GAP_PCT"],
                    res["GAP_BASIS"],
                    res["UNSNAPPED_DEMAND_PCT"],
                    seconds,
                    sites,
                )
            )


def test_points_near_small_fragments_move_onto_the_connected_network(run_alg, tmp_path):
    from qgis.core import QgsProcessingFeedback

    net = _lattice()  # 22 km of streets
    for a, b in (((150, -3), (170, -3)), ((490, -3), (510, -3))):  # two courtyard paths, 20 m each (< 1 %)
        f = QgsFeature(net.fields())
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*a), QgsPointXY(*b)]))
        net.dataProvider().addFeatures([f])
    demand = _points([(160, -2)], [("pop", QMetaType.Type.Int)], [[10]])  # 1 m from a courtyard, 2 m from the street
    cands = _points([(500, -2)], [("name", QMetaType.Type.QString)], [["c"]])
    fb = QgsProcessingFeedback()
    res = run_alg(
        ALG,
        {"DEMAND": demand, "WEIGHT_FIELD": "pop", "CANDIDATES": cands, "NETWORK": net, "MAX_MINUTES": 400.0 / 75.0,
         "SPEED_KMH": 4.5, "COUNT": 1, "OUTPUT": str(tmp_path / "f.gpkg")},
        feedback=fb,
    )
    # both moved onto the street y = 0: 2 + 340 + 2 m apart (on the islands they reached nobody)
    assert res["COVERAGE_AFTER_PCT"] == pytest.approx(100.0)
    assert "1 demand points, 1 candidates and 0 existing docking points lay nearest to a small" in fb.textLog()


def test_candidates_off_the_network_are_never_chosen(run_alg, tmp_path):
    demand = _points([(100, 100)], [("pop", QMetaType.Type.Int)], [[10]])
    cands = _points([(9000, 9000), (100, 150), (8000, 8000)], [("name", QMetaType.Type.QString)], [["far"], ["near"], ["far2"]])
    out = str(tmp_path / "o.gpkg")
    res = run_alg(ALG, {"DEMAND": demand, "WEIGHT_FIELD": "pop", "CANDIDATES": cands, "NETWORK": _lattice(), "COUNT": 3, "OUTPUT": out})
    layer = QgsVectorLayer(out, "out", "ogr")
    assert [f["name"] for f in layer.getFeatures()] == ["near"]
    assert res["COVERAGE_AFTER_PCT"] == pytest.approx(100.0)
    del layer
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="within 200 m of the walking network"):
        run_alg(ALG, {"DEMAND": demand, "WEIGHT_FIELD": "pop", "CANDIDATES": _points([(9000, 9000)]), "NETWORK": _lattice(), "OUTPUT": str(tmp_path / "p.gpkg")})
