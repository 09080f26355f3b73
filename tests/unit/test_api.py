"""The public API (``ankunft_plugin.api``) without QGIS, on the bundled real sample (read with GDAL/OGR)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ankunft_plugin import api
from ankunft_plugin.core import catchments as cm
from ankunft_plugin.core import classify as core_classify

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "ankunft_sample.gpkg"


def _read(layer: str, fields=()):
    from shapely import wkb

    from ankunft_plugin.core.gdalio import gdal_exceptions

    geoms, values = [], {f: [] for f in fields}
    with gdal_exceptions() as (gdal, _ogr):
        ds = gdal.OpenEx(str(SAMPLE), gdal.OF_VECTOR | gdal.OF_READONLY)
        for feat in ds.GetLayerByName(layer):
            geoms.append(wkb.loads(bytes(feat.GetGeometryRef().ExportToWkb())))
            for f in fields:
                values[f].append(feat.GetField(f))
        ds = None
    return geoms, values


@pytest.fixture(scope="module")
def moabit():
    lines, _ = _read("moabit_roads")
    net = api.walk_network(lines)
    stops, _ = _read("poi_community_centers")
    return net, np.array([(p.x, p.y) for p in stops])


def test_api_imports_nothing_from_qgis():
    code = ("import sys; import ankunft_plugin.api; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6')); print(bad)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_classify_on_plain_lists_equals_the_core():
    _, v = _read("planning_areas", ("inh_2020", "for_change_2017_2020", "k11_turnover", "for_2020"))
    result = api.classify(v["inh_2020"], arrivals=v["for_change_2017_2020"], turnover=v["k11_turnover"],
                          turnover_unit=api.PERCENT, diversity=v["for_2020"])
    ref = core_classify.classify(v["inh_2020"], {"arrivals": (v["for_change_2017_2020"], 0),
                                                 "turnover": (v["k11_turnover"], 1),
                                                 "diversity": (v["for_2020"], 0)})
    assert len(result) == 448
    assert list(result.aq_class) == list(ref.aq_class)
    counts = {c: int(np.sum(result.aq_class == c)) for c in api.CLASSES}
    assert counts["established"] > 0 and counts["emerging"] > 0 and sum(counts.values()) == 448


def test_catchments_nested_and_equal_to_the_core(moabit):
    net, pts = moabit
    bands = api.catchments(net, pts, minutes=(5, 10))
    assert [b.minutes for b in bands] == [5.0, 10.0] and all(b.point == -1 for b in bands)
    assert 0 < bands[0].area_m2 < bands[1].area_m2
    # nested (up to the outline smoothing at half a cell)
    assert bands[0].geometry.difference(bands[1].geometry).area < 0.01 * bands[0].area_m2
    snap = net.snap_connected(pts, 200.0)
    ref = cm.dissolved(net, snap, [api.minutes_to_metres(5), api.minutes_to_metres(10)], 30.0)
    assert [b.reach_m for b in bands] == pytest.approx([r.reach_m for r in ref])
    per_point = api.catchments(net, pts[:3], minutes=(5,), mode="per_point")
    assert sorted(r.point for r in per_point) == [0, 1, 2]
    with pytest.raises(ValueError):
        api.catchments(net, pts, mode="isochrone")


def test_suggest_sites_greedy_and_exact(moabit):
    net, existing = moabit
    buildings, _ = _read("moabit_buildings")
    demand = np.array([(g.representative_point().x, g.representative_point().y) for g in buildings])
    weight = np.array([g.area for g in buildings])  # footprint as a stand-in for people
    cands, _ = _read("poi_supermarkets")
    cxy = np.array([(p.x, p.y) for p in cands])
    greedy = api.suggest_sites(net, demand, weight, cxy, k=3, existing_xy=existing, minutes=5)
    exact = api.suggest_sites(net, demand, weight, cxy, k=3, existing_xy=existing, minutes=5, method="exact")
    assert len(greedy.order) == 3 and len(set(greedy.order.tolist())) == 3
    assert greedy.coverage_after_pct > greedy.coverage_before_pct > 0
    assert exact.covered_after >= greedy.covered_after - 1e-6
    assert exact.gap_basis == "optimal" and exact.gap_pct == 0.0


def test_frames_with_geopandas(moabit):
    gpd = pytest.importorskip("geopandas")
    frame = gpd.read_file(SAMPLE, layer="planning_areas")
    out = api.classify_frame(frame, "inh_2020", arrivals="for_change_2017_2020", turnover="k11_turnover",
                             turnover_unit=api.PERCENT, diversity="for_2020")
    assert len(out) == 448 and "aq_class" in out and "z_arrivals" in out
    assert "aq_class" not in frame  # the input is not modified
    roads = gpd.read_file(SAMPLE, layer="moabit_roads")
    points = gpd.read_file(SAMPLE, layer="poi_community_centers").to_crs(4326)  # another CRS: reprojected
    bands = api.catchments_frame(roads, points, minutes=(5, 10))
    assert list(bands["minutes"]) == [5.0, 10.0] and bands.crs == roads.crs
    ref = api.catchments(moabit[0], moabit[1], minutes=(5, 10))
    assert list(bands["reach_m"]) == pytest.approx([r.reach_m for r in ref], rel=1e-6)


def test_frame_functions_say_geopandas_is_needed(monkeypatch):
    monkeypatch.setitem(sys.modules, "geopandas", None)  # an import of it now fails
    with pytest.raises(ImportError, match="geopandas"):
        api.catchments_frame(None, None)
