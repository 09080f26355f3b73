"""``ankunft:arrivaldynamics`` across Berlin's LOR reform of 2021, at forecast-area level, 2015–2024.

2015–2020: the register per planning area (448) summed to the 60 old forecast areas (first four id
digits); 2021–2024: the 542 new planning areas summed to the 58 new forecast areas. Polygons of both
vintages: ``tests/data/berlin/forecast-areas``. The years 2015–2020 are harmonised onto the areas of
2024 on the way in.

Arrivals: growth of the foreign population since the previous year end of the same vintage (2015 and
2021: since the mid-year cut-off, half a year). Diversity: foreigners in percent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsField, QgsProcessingContext, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QMetaType

from tests.qgis.feedback import LogFeedback

DATA = Path(__file__).resolve().parents[1] / "data" / "berlin"
YEARS = list(range(2015, 2025))



def _register(year: int, half: int) -> dict[str, tuple[float, float]]:
    path = DATA / "population" / "berlin-lor-population-{}-{:02d}-t1-planning-areas.csv".format(year, half)
    out: dict[str, list] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            acc = out.setdefault(row["id"][:4], [0.0, 0.0])
            acc[0] += float(row["inhabitants"])
            acc[1] += float(row["inhabitants_foreigners"])
    return {k: (v[0], v[1]) for k, v in out.items()}


def build_forecast_years():
    """One memory layer per year on the forecast areas of its vintage."""
    layers = []
    for year in YEARS:
        vintage = "until-2020" if year <= 2020 else "from-2021"
        src = QgsVectorLayer(str(DATA / "forecast-areas" / "berlin-lor-forecast-areas-{}.geojson".format(vintage)), "fa", "ogr")
        assert src.isValid()
        now = _register(year, 2)
        before = _register(year, 1) if year in (2015, 2021) else _register(year - 1, 2)
        layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "forecast_{}".format(year), "memory")
        pr = layer.dataProvider()
        pr.addAttributes([QgsField("id", QMetaType.Type.QString), QgsField("name", QMetaType.Type.QString), QgsField("einw", QMetaType.Type.Double),
                          QgsField("zuzug", QMetaType.Type.Double), QgsField("ausl_pct", QMetaType.Type.Double)])
        layer.updateFields()
        feats = []
        for f in src.getFeatures():
            inh, foreign = now[f["id"]]
            g = QgsFeature(layer.fields())
            g.setGeometry(f.geometry())
            g.setAttributes([f["id"], f["name"], inh, foreign - before[f["id"]][1], 100.0 * foreign / inh])
            feats.append(g)
        pr.addFeatures(feats)
        layers.append(layer)
    return layers


@pytest.fixture(scope="module")
def forecast_years():
    return build_forecast_years()


def run_reform(run_alg, layers, **extra):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = LogFeedback()
    params = {
        "INPUTS": layers, "YEARS": ",".join(str(y) for y in YEARS), "ID_FIELD": "id", "NAME_FIELD": "name",
        "POPULATION_FIELD": "einw", "ARRIVALS_FIELD": "zuzug", "ARRIVALS_UNIT": 0, "DIVERSITY_FIELD": "ausl_pct",
        "DIVERSITY_UNIT": 1, "OUTPUT": "memory:", "OUTPUT_TRANSITIONS": "memory:",
    }
    params.update(extra)
    result = run_alg("ankunft:arrivaldynamics", params, context=context, feedback=feedback)
    out = result["OUTPUT"]
    out = context.getMapLayer(out) if isinstance(out, str) else out
    return result, out, feedback


def test_berlin_2015_2024_across_the_reform(run_alg, forecast_years):
    result, out, feedback = run_reform(run_alg, forecast_years)
    assert result["N_HARMONISED_YEARS"] == 6
    assert result["N_AREAS"] == 58
    log = "\n".join(feedback.lines)
    assert "boundary reform" in log
    # population preserved within 0.01 % in every harmonised year (the log line per year)
    moved = [ln for ln in feedback.lines if "harmonised onto 2024" in ln]
    assert len(moved) == 6
    for ln in moved:
        pct = float(ln.split("(")[2].split(" %")[0])
        assert abs(pct) < 0.01, ln
    feats = list(out.getFeatures())
    assert all(f["harm_years"] == "2015,2016,2017,2018,2019,2020" for f in feats)
    split = [f["harm_split_2020"] for f in feats]
    assert all(s is not None and 0.0 <= s <= 1.0 for s in split)
    # every year classified on the 58 areas; the change categories add up
    for year in YEARS:
        assert sum(1 for f in feats if f["aq_class_{}".format(year)] not in (None, "")) == 58
    assert sum(result["N_{}".format(c.upper())] for c in ("newly_emerging", "newly_established", "persistent", "fading", "stable_none", "insufficient")) == 58
    report(feats, feedback)


def report(feats, feedback):
    """The figures for the closing note (pytest -s)."""
    print()
    for ln in feedback.lines:
        if "harmonised onto" in ln or ln[:4].isdigit():
            print(ln)
    arrival = ("established", "emerging")
    became = [f for f in feats
              if any(f["aq_class_{}".format(y)] in arrival for y in range(2021, 2025))
              and not any(f["aq_class_{}".format(y)] in arrival for y in range(2015, 2021))]
    print("became arrival quarters after 2020:", ", ".join("{} {}".format(f["id"], f["name"]) for f in became) or "none")
    print("change:", {c: sum(1 for f in feats if f["change"] == c) for c in {f["change"] for f in feats}})
    split = sorted((f["harm_split_2020"], f["id"], f["name"]) for f in feats)
    print("harm_split_2020: exact {} of 58; > 10 %: {}".format(sum(1 for s in split if s[0] < 1e-9), [(i, n, round(s, 3)) for s, i, n in split if s > 0.1]))


def test_reform_weighted_by_planning_area_points(run_alg, forecast_years):
    """Dasymetric: the split forecast areas' figures follow the 2020 population of the planning areas (their
    points on the surface, as population grid cells) instead of the surface."""
    pa = QgsVectorLayer(str(DATA / "berlin-lor-planning-areas-until-2020.geojson"), "pa", "ogr")
    with (DATA / "population" / "berlin-lor-population-2020-02-t1-planning-areas.csv").open(encoding="utf-8") as fh:
        pop = {row["id"]: row["inhabitants"] for row in csv.DictReader(fh)}
    points = QgsVectorLayer("Point?crs=EPSG:4326", "pa_points", "memory")
    points.dataProvider().addAttributes([QgsField("ew", QMetaType.Type.QString)])
    points.updateFields()
    feats = []
    for f in pa.getFeatures():
        g = QgsFeature(points.fields())
        g.setGeometry(f.geometry().pointOnSurface())
        g.setAttributes([pop.get(f["id"], "0")])
        feats.append(g)
    points.dataProvider().addFeatures(feats)
    result, out, feedback = run_reform(run_alg, forecast_years, POPULATION_POINTS=points, POPULATION_POINTS_FIELD="ew")
    assert result["N_HARMONISED_YEARS"] == 6
    assert any("weighted by the population grid" in ln for ln in feedback.lines)
    moved = [ln for ln in feedback.lines if "harmonised onto 2024" in ln]
    assert all(abs(float(ln.split("(")[2].split(" %")[0])) < 0.01 for ln in moved)
    report(list(out.getFeatures()), feedback)
