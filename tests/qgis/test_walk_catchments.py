"""ankunft:preparewalknetwork and ankunft:walkingcatchments against QGIS's own service area, on the
real Moabit network and on a synthetic lattice; bad input; modes, population, cache, raster."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from ankunft_plugin.core.catchments import _union_length
from ankunft_plugin.core.network import WalkGraph, lines_from_wkb
from tests.conftest import BERLIN, MOABIT
from tests.qgis.feedback import LogFeedback


def memory_lines(lines, crs="EPSG:25833", name="net"):
    lyr = QgsVectorLayer("LineString?crs={}&field=cost:double".format(crs), name, "memory")
    feats = []
    for item in lines:
        coords, cost = item if isinstance(item, tuple) else (item, None)
        f = QgsFeature(lyr.fields())
        f.setAttributes([cost])
        if coords is not None:
            f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(float(x), float(y)) for x, y in coords]))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def memory_points(xy, crs="EPSG:25833"):
    lyr = QgsVectorLayer("Point?crs={}&field=pid:integer".format(crs), "pts", "memory")
    feats = []
    for i, p in enumerate(xy):
        f = QgsFeature(lyr.fields())
        f.setAttributes([i])
        if p is not None:
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(p[0]), float(p[1]))))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def lattice(n, spacing=100.0):
    out = []
    for i in range(n):
        for j in range(n - 1):
            out.append([(j * spacing, i * spacing), ((j + 1) * spacing, i * spacing)])
            out.append([(i * spacing, j * spacing), (i * spacing, (j + 1) * spacing)])
    return out


def layer_digest(layer) -> str:
    h = hashlib.sha1()
    for f in layer.getFeatures():
        h.update(bytes(f.geometry().asWkb()))
        h.update(repr(f.attributes()).encode())
    return h.hexdigest()


def graph_of(layer) -> WalkGraph:
    return WalkGraph.from_lines(lines_from_wkb([bytes(f.geometry().asWkb()) for f in layer.getFeatures()]))


def on_network(graph, xy):
    """The points moved exactly onto the network (so both tools start from the same place)."""
    s = graph.snap(xy, 1e9)
    out = []
    for k in range(len(xy)):
        c = graph.edge_coords[s.edge[k]]
        cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(c, axis=0).T))])
        pos = s.t[k] * cum[-1]
        out.append((np.interp(pos, cum, c[:, 0]), np.interp(pos, cum, c[:, 1])))
    return np.array(out)


def peer_reach(graph, geom) -> float:
    """Network length covered by the service-area lines, measured on the network edges (interval
    union per edge), so overlapping or nearly overlapping peer lines are counted once. Every peer
    line lies on one straight segment of one edge: its midpoint's position along the edge plus and
    minus half its length gives its interval."""
    segs = np.array([((a.x(), a.y()), (b.x(), b.y())) for part in geom.asMultiPolyline() for a, b in zip(part[:-1], part[1:])])
    if len(segs) == 0:
        return 0.0
    mids = segs.mean(axis=1)
    half = np.hypot(*(segs[:, 1] - segs[:, 0]).T) / 2.0
    sm = graph.snap(mids, 1.0)
    assert sm.ok.all() and sm.dist.max() < 1e-6
    h = half / graph.edge_len[sm.edge]
    iv: dict[int, list] = {}
    for e, t, hh in zip(sm.edge.tolist(), sm.t.tolist(), h.tolist()):
        iv.setdefault(e, []).append((max(0.0, t - hh), min(1.0, t + hh)))
    return float(sum(_union_length(v) * graph.edge_len[e] for e, v in iv.items()))


def compare_with_service_area(run_alg, net, pts_layer, graph, bands=(5, 10, 15), speed=4.5):
    res = run_alg("ankunft:walkingcatchments", {
        "NETWORK": net, "POINTS": pts_layer, "POINT_ID_FIELD": "pid", "BANDS": ",".join(map(str, bands)),
        "SPEED_KMH": speed, "OUTPUT": "memory:"})["OUTPUT"]
    mine = {(int(f["point_id"]), f["minutes"]): f["reach_m"] for f in res.getFeatures()}
    worst = 0.0
    for b in bands:
        cost = b * speed * 1000.0 / 60.0
        peer = run_alg("native:serviceareafromlayer", {
            "INPUT": net, "STRATEGY": 0, "START_POINTS": pts_layer, "TRAVEL_COST2": cost, "OUTPUT_LINES": "memory:"})["OUTPUT_LINES"]
        n = 0
        for f in peer.getFeatures():
            ref = peer_reach(graph, f.geometry())
            got = mine[(f["pid"], float(b))]
            assert got == pytest.approx(ref, rel=0.01), (f["pid"], b, got, ref)
            worst = max(worst, abs(got - ref) / ref)
            n += 1
        assert n == pts_layer.featureCount()
    return worst


def moabit_points(run_alg, net_layer):
    dist = QgsVectorLayer(str(MOABIT / "moabit_district.gpkg"), "district")
    xy = []
    for cat in ("community-centers", "libraries", "places-of-worship"):
        src = str(BERLIN / "poi" / "berlin-points-of-interest-{}-details.geojson".format(cat))
        inside = run_alg("native:extractbylocation", {"INPUT": src, "PREDICATE": [6], "INTERSECT": dist, "OUTPUT": "memory:"})["OUTPUT"]
        proj = run_alg("native:reprojectlayer", {"INPUT": inside, "TARGET_CRS": net_layer.crs(), "OUTPUT": "memory:"})["OUTPUT"]
        xy += [(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in proj.getFeatures()]
    return np.array(xy)


@pytest.fixture(scope="module")
def moabit_net(tmp_path_factory, plugin):
    import processing

    path = str(tmp_path_factory.mktemp("net") / "moabit_walk.gpkg")
    fb = LogFeedback()
    res = processing.run("ankunft:preparewalknetwork", {"INPUT": str(MOABIT / "moabit_roads.gpkg"), "OUTPUT": path}, feedback=fb)
    return res, fb


# -- preparewalknetwork ---------------------------------------------------------------------------
def test_prepare_moabit(moabit_net):
    res, fb = moabit_net
    lyr = QgsVectorLayer(res["OUTPUT"], "net")
    assert lyr.crs().authid() == "EPSG:32633"  # projected to its UTM zone
    names = lyr.fields().names()
    assert {"length_m", "component", "fclass", "source_fid"} <= set(names)
    classes = {f["fclass"] for f in lyr.getFeatures()}
    assert "motorway" not in classes and "footway" in classes
    lengths = [f["length_m"] for f in lyr.getFeatures()]
    assert sum(lengths) == pytest.approx(sum(f.geometry().length() for f in lyr.getFeatures()), rel=1e-9)
    assert res["COMPONENTS"] > 1 and 0 < res["OUTSIDE_SHARE"] < 0.1
    assert any("connected components" in m for m in fb.infos)
    assert any("fclass" in m for m in fb.infos)


def test_prepare_excludes_foot_no(run_alg, tmp_path):
    lyr = QgsVectorLayer("LineString?crs=EPSG:25833&field=highway:string&field=foot:string&field=access:string", "osm", "memory")
    feats = []
    for i, (hw, foot, acc) in enumerate([("residential", None, None), ("motorway", None, None), ("footway", "no", None),
                                         ("service", None, "private"), ("service", "yes", "private")]):
        f = QgsFeature(lyr.fields())
        f.setAttributes([hw, foot, acc])
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(0, i * 10), QgsPointXY(100, i * 10)]))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    out = run_alg("ankunft:preparewalknetwork", {"INPUT": lyr, "OUTPUT": "memory:"})["OUTPUT"]
    assert sorted(f["highway"] + str(f["foot"]) for f in out.getFeatures()) == ["residentialNULL", "serviceyes"]


def test_prepare_nodes_at_shared_vertices(run_alg):
    lyr = memory_lines([[(0, 0), (100, 0), (200, 0)], [(100, 0), (100, 100)]])
    out = run_alg("ankunft:preparewalknetwork", {"INPUT": lyr, "OUTPUT": "memory:"})["OUTPUT"]
    assert out.featureCount() == 3
    assert {f["component"] for f in out.getFeatures()} == {0}


# -- correctness against native:serviceareafromlayer -------------------------------------------
@pytest.mark.slow
def test_moabit_reach_matches_service_area(run_alg, moabit_net):
    net = moabit_net[0]["OUTPUT"]
    net_layer = QgsVectorLayer(net, "net")
    graph = graph_of(net_layer)
    xy = moabit_points(run_alg, net_layer)
    assert len(xy) >= 20  # community centres, libraries and places of worship in Moabit
    pts = memory_points(on_network(graph, xy), crs=net_layer.crs().authid())
    worst = compare_with_service_area(run_alg, net, pts, graph)
    assert worst < 0.01


def test_lattice_reach_matches_service_area(run_alg):
    rng = np.random.default_rng(7)
    net = memory_lines(lattice(12, 80.0))
    graph = graph_of(net)
    xy = np.column_stack([rng.integers(0, 12, 15) * 80.0, rng.uniform(0, 880, 15)])
    xy[::2] = xy[::2, ::-1]  # half on vertical, half on horizontal streets
    pts = memory_points(on_network(graph, xy))
    worst = compare_with_service_area(run_alg, net, pts, graph, bands=(2, 4, 7))
    assert worst < 0.01


def test_lattice_exact_values(run_alg):
    net = memory_lines(lattice(5, 100.0))
    pts = memory_points([(200, 200), (230, 200)])
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "POINT_ID_FIELD": "pid", "BANDS": "2",
                                                "SPEED_KMH": 4.5, "OUTPUT": "memory:"})["OUTPUT"]
    reach = {f["point_id"]: f["reach_m"] for f in res.getFeatures()}
    # 150 m from a junction: 4 full edges + 12 half edges; from 30 m along an edge: 820 m (by hand)
    assert reach["0"] == pytest.approx(1000.0)
    assert reach["1"] == pytest.approx(820.0)
    areas = {f["point_id"]: f for f in res.getFeatures()}
    assert areas["0"]["area_m2"] > 0 and areas["0"].geometry().isGeosValid()


# -- bad input ------------------------------------------------------------------------------------
def test_no_points(run_alg):
    net = memory_lines(lattice(4))
    with pytest.raises(QgsProcessingException, match="no features"):
        run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": memory_points([]), "OUTPUT": "memory:"})


def test_points_all_off_network(run_alg):
    net = memory_lines(lattice(4))
    pts = memory_points([(5000, 5000), (-900, 0)])
    before = layer_digest(pts), layer_digest(net)
    fb = LogFeedback()
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "POINT_ID_FIELD": "pid", "OUTPUT": "memory:"}, feedback=fb)["OUTPUT"]
    feats = list(res.getFeatures())
    assert len(feats) == 6 and all(f["snap_status"] == "too_far" for f in feats)
    assert all(f["reach_m"] is None or f["reach_m"] != f["reach_m"] or str(f["reach_m"]) == "NULL" for f in feats)
    assert any("None of the points" in e for e in fb.errors)
    assert any("farther than 200 m" in e and "0 (" in e for e in fb.errors)
    assert (layer_digest(pts), layer_digest(net)) == before


def test_network_in_degrees(run_alg):
    # a lattice of ~110 m cells around Berlin in EPSG:4326 -> projected to UTM 33N
    lines = [[(13.35 + x * 0.0016, 52.52 + y * 0.001) for x, y in seg] for seg in lattice(5, 1.0)]
    net = memory_lines(lines, crs="EPSG:4326")
    pts = memory_points([(13.35 + 2 * 0.0016, 52.52 + 2 * 0.001)], crs="EPSG:4326")
    fb = LogFeedback()
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "BANDS": "1", "OUTPUT": "memory:"}, feedback=fb)["OUTPUT"]
    assert res.crs().authid() == "EPSG:32633"
    f = next(res.getFeatures())
    assert f["snap_status"] == "ok" and f["reach_m"] == pytest.approx(300.0, rel=1e-6)  # 75 m along 4 streets
    assert any("EPSG:32633" in m for m in fb.infos)


def test_degrees_in_metric_crs_is_refused(run_alg):
    lines = [[(13.35 + x * 0.0016, 52.52 + y * 0.001) for x, y in seg] for seg in lattice(4, 1.0)]
    net = memory_lines(lines, crs="EPSG:25833")
    with pytest.raises(QgsProcessingException, match="look like degrees"):
        run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": memory_points([(13.35, 52.52)]), "OUTPUT": "memory:"})


def test_islands_and_null_geometries(run_alg):
    main = lattice(9, 100.0)  # 14.4 km
    island = [[(2000, 0), (2050, 0)], [(2050, 0), (2050, 50)]]  # 100 m: under 1 %
    courtyard = [[(150, -3), (170, -3)]]  # a fragment right next to the main network
    net = memory_lines([*main, *island, *courtyard, None])  # and a feature without geometry
    pts = memory_points([(200, 200), (2030, 0), None, (160, -2)])
    before = layer_digest(net), layer_digest(pts)
    fb = LogFeedback()
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "POINT_ID_FIELD": "pid", "BANDS": "5",
                                                "OUTPUT": "memory:"}, feedback=fb)["OUTPUT"]
    st = {f["point_id"]: f["snap_status"] for f in res.getFeatures()}
    assert st == {"0": "ok", "1": "small_component", "2": "no_geometry", "3": "ok"}
    reach = {f["point_id"]: f["reach_m"] for f in res.getFeatures()}
    assert reach["1"] == pytest.approx(100.0)
    assert reach["3"] > 1000  # moved from the courtyard path onto the street
    assert {f["point_id"]: f["snap_dist_m"] for f in res.getFeatures()}["3"] == pytest.approx(2.0)
    assert any("moved onto the connected network" in m for m in fb.infos)
    assert any("no geometry" in e for e in fb.errors)
    assert any("not connected" in e for e in fb.errors)
    assert (layer_digest(net), layer_digest(pts)) == before


# -- modes, population, cache, raster ------------------------------------------------------------
def population_layer(polys):
    lyr = QgsVectorLayer("Polygon?crs=EPSG:25833&field=name:string&field=ew:string", "pop", "memory")
    feats = []
    for name, wkt, ew in polys:
        f = QgsFeature(lyr.fields())
        f.setAttributes([name, ew])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def test_modes_population_and_areas(run_alg, tmp_path):
    net = memory_lines(lattice(9, 100.0))
    pts = memory_points([(200, 200), (600, 600)])
    pop = population_layer([
        ("west", "POLYGON((0 0, 400 0, 400 800, 0 800, 0 0))", "4000"),
        ("east", "POLYGON((400 0, 800 0, 800 800, 400 800, 400 0))", "2"),  # below the threshold
        ("gap", "POLYGON((2000 2000, 2100 2000, 2100 2100, 2000 2100, 2000 2000))", "."),  # unknown
    ])
    out = {}
    for mode in (0, 1, 2):
        res = run_alg("ankunft:walkingcatchments", {
            "NETWORK": net, "POINTS": pts, "POINT_ID_FIELD": "pid", "BANDS": "3,6", "MODE": mode,
            "POPULATION": pop, "POPULATION_FIELD": "ew", "OUTPUT": "memory:",
            "OUTPUT_AREAS": str(tmp_path / "areas{}.gpkg".format(mode)),
            "OUTPUT_RASTER": str(tmp_path / "min{}.tif".format(mode))})
        out[mode] = res
    per = {(f["point_id"], f["minutes"]): f for f in out[0]["OUTPUT"].getFeatures()}
    assert len(per) == 4
    # nested bands of one point
    assert per[("0", 6.0)]["reach_m"] > per[("0", 3.0)]["reach_m"] > 0
    assert per[("0", 6.0)].geometry().contains(per[("0", 3.0)].geometry().centroid())
    p = per[("0", 3.0)]
    west = QgsGeometry.fromWkt("POLYGON((0 0, 400 0, 400 800, 0 800, 0 0))")
    expected = 4000 * p.geometry().intersection(west).area() / west.area()
    assert p["population"] == pytest.approx(expected, abs=0.5)  # people are written as whole numbers
    dis = {f["minutes"]: f for f in out[1]["OUTPUT"].getFeatures()}
    assert (set(dis) == {3.0, 6.0} and dis[6.0]["point_id"] is None) or str(dis[6.0]["point_id"]) == "NULL"
    assert dis[3.0]["reach_m"] == pytest.approx(per[("0", 3.0)]["reach_m"] + per[("1", 3.0)]["reach_m"])  # no overlap at 3 min
    rings = list(out[2]["OUTPUT"].getFeatures())
    geoms = [f.geometry() for f in rings]
    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            assert geoms[i].intersection(geoms[j]).area() < 1.0  # non-overlapping
    areas = {f["name"]: f for f in QgsVectorLayer(out[0]["OUTPUT_AREAS"], "a").getFeatures()}
    assert areas["west"]["nearest_id"] == "0" and 0 < areas["west"]["walk_min"] < 10
    assert areas["west"]["pop_total"] == 4000 and 0 < areas["west"]["pop_6"] <= 4000
    assert str(areas["east"]["pop_total"]) == "NULL"  # 2 < 3: suppressed
    assert str(areas["gap"]["walk_min"]) == "NULL"  # farther than the maximum snap distance
    from osgeo import gdal, osr

    ds = gdal.Open(out[0]["OUTPUT_RASTER"])
    band = ds.GetRasterBand(1)
    a = band.ReadAsArray()
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    srs.AutoIdentifyEPSG()
    assert srs.GetAuthorityCode(None) == "25833"
    assert a[a != band.GetNoDataValue()].min() < 1.0 and a.max() < 20
    ds = None


def test_buildings_spread_population(run_alg):
    net = memory_lines(lattice(5, 100.0))
    pts = memory_points([(0, 0)])
    pop = population_layer([("all", "POLYGON((-50 -50, 450 -50, 450 450, -50 450, -50 -50))", "300")])
    bld = QgsVectorLayer("Polygon?crs=EPSG:25833", "b", "memory")
    feats = []
    for wkt in ("POLYGON((10 10, 30 10, 30 30, 10 30, 10 10))",  # near the point, 400 m²
                "POLYGON((350 350, 390 350, 390 390, 350 390, 350 350))"):  # far, 1600 m²
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    bld.dataProvider().addFeatures(feats)
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "BANDS": "2,20", "POPULATION": pop,
                                                "POPULATION_FIELD": "ew", "BUILDINGS": bld, "OUTPUT": "memory:"})["OUTPUT"]
    pops = {f["minutes"]: f["population"] for f in res.getFeatures()}
    assert pops[2.0] == pytest.approx(60.0)  # 400 / 2000 of 300
    assert pops[20.0] == pytest.approx(300.0)


def test_graph_cached_for_the_session(run_alg):
    net = memory_lines(lattice(30, 50.0))
    pts = memory_points([(100, 100)])
    fb1, fb2 = LogFeedback(), LogFeedback()
    r1 = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "OUTPUT": "memory:"}, feedback=fb1)["OUTPUT"]
    r2 = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "BANDS": "5,10,15,20", "OUTPUT": "memory:"}, feedback=fb2)["OUTPUT"]
    assert not any("built earlier" in m for m in fb1.infos)
    assert any("built earlier" in m for m in fb2.infos)
    assert r2.featureCount() == 4 and r1.featureCount() == 3
    # an edit of the layer invalidates the cache
    net.dataProvider().addFeatures([QgsFeature(net.fields())])
    net.updateExtents()
    fb3 = LogFeedback()
    run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": pts, "OUTPUT": "memory:"}, feedback=fb3)
    assert not any("built earlier" in m for m in fb3.infos)


def test_bad_bands_message(run_alg):
    with pytest.raises(QgsProcessingException, match="cannot be read"):
        run_alg("ankunft:walkingcatchments", {"NETWORK": memory_lines(lattice(3)), "POINTS": memory_points([(0, 0)]),
                                              "BANDS": "5,zehn", "OUTPUT": "memory:"})


def test_styles_apply(run_alg, tmp_path):
    from ankunft_plugin.processing.walking_catchments import apply_area_style, apply_style

    net = memory_lines(lattice(5, 100.0))
    pop = population_layer([("a", "POLYGON((0 0, 400 0, 400 400, 0 400, 0 0))", "100")])
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": memory_points([(200, 200)]), "POPULATION": pop,
                                                "POPULATION_FIELD": "ew", "OUTPUT": "memory:", "OUTPUT_AREAS": "memory:"})
    apply_style(res["OUTPUT"], [5.0, 10.0, 15.0], ["5", "10", "15"])
    assert res["OUTPUT"].renderer().type() == "categorizedSymbol"
    assert res["OUTPUT"].renderer().orderByEnabled()
    apply_area_style(res["OUTPUT_AREAS"], [5.0, 10.0, 15.0], ["a", "b", "c", "d"])
    assert len(res["OUTPUT_AREAS"].renderer().ranges()) == 4
    from qgis.core import QgsRasterLayer

    from ankunft_plugin.processing.walking_catchments import apply_raster_style

    tif = str(tmp_path / "min.tif")
    run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": memory_points([(200, 200)]), "OUTPUT": "memory:",
                                          "OUTPUT_RASTER": tif})
    rl = QgsRasterLayer(tif, "r")
    assert rl.isValid()
    apply_raster_style(rl, [5.0, 10.0, 15.0], ["a", "b", "c", "d"])
    assert rl.renderer().type() == "singlebandpseudocolor"


def test_cost_field_factor(run_alg):
    # a straight street of 4 × 100 m; the second segment counts double, the last is closed
    net = memory_lines([([(0, 0), (100, 0)], 1.0), ([(100, 0), (200, 0)], 2.0), ([(200, 0), (300, 0)], None),
                        ([(300, 0), (400, 0)], 0.0)])
    fb = LogFeedback()
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": memory_points([(0, 0)]), "COST_FIELD": "cost",
                                                "BANDS": "4", "SPEED_KMH": 4.5, "OUTPUT": "memory:"}, feedback=fb)["OUTPUT"]
    # 300 m of cost: 100 m + 100 m (cost 200); the missing factor counts as 1 but nothing is left
    assert next(res.getFeatures())["reach_m"] == pytest.approx(200.0)
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": memory_points([(0, 0)]), "COST_FIELD": "cost",
                                                "BANDS": "10", "OUTPUT": "memory:"}, feedback=fb)["OUTPUT"]
    assert next(res.getFeatures())["reach_m"] == pytest.approx(300.0)  # 750 m of cost, the closed line not entered
    assert any("not walkable" in m for m in fb.infos) and any("no cost factor" in m for m in fb.infos)
