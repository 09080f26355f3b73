"""Berlin's LOR reform of 2021 (60 → 58 forecast areas), with core/harmonize only (no QGIS).

The register 2015–2020 per planning area (448, ids ``0101…``) is summed to the 60 old forecast areas by
the first four id digits and moved onto the 58 new forecast areas (polygons of both vintages in
``tests/data/berlin/forecast-areas``, lon/lat projected locally to metres)."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import shape
from shapely.ops import transform

from ankunft_plugin.core import dynamics as dyn
from ankunft_plugin.core import harmonize as hz

DATA = Path(__file__).resolve().parents[1] / "data" / "berlin"
LAT0 = 52.5


def _metric(lon, lat):
    return (np.asarray(lon) * 111_320.0 * math.cos(math.radians(LAT0)), np.asarray(lat) * 110_540.0)


def forecast_areas(vintage: str):
    geo = json.loads((DATA / "forecast-areas" / "berlin-lor-forecast-areas-{}.geojson".format(vintage)).read_text(encoding="utf-8"))
    ids = [f["properties"]["id"] for f in geo["features"]]
    geoms = [transform(_metric, shape(f["geometry"])) for f in geo["features"]]
    return ids, geoms


def register_by_forecast_area(year: int, ids, half: int = 2):
    """Inhabitants and foreigners per forecast area (sum of its planning areas)."""
    path = DATA / "population" / "berlin-lor-population-{}-{:02d}-t1-planning-areas.csv".format(year, half)
    pos = {a: i for i, a in enumerate(ids)}
    out = np.zeros((len(ids), 2))
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[pos[row["id"][:4]]] += (float(row["inhabitants"]), float(row["inhabitants_foreigners"]))
    return out


@pytest.fixture(scope="module")
def vintages():
    return forecast_areas("until-2020"), forecast_areas("from-2021")


def test_every_planning_area_belongs_to_a_forecast_area(vintages):
    (old_ids, _), (new_ids, _) = vintages
    assert len(old_ids) == 60 and len(new_ids) == 58
    register_by_forecast_area(2020, old_ids)  # KeyError if a planning area had no forecast area
    register_by_forecast_area(2024, new_ids)


def test_population_preserved_across_the_reform(vintages):
    (old_ids, old_geoms), (_new_ids, new_geoms) = vintages
    weights = hz.transfer_weights(old_geoms, new_geoms)
    assert np.all(weights.method == "area")
    for year in range(2015, 2021):
        counts = register_by_forecast_area(year, old_ids)
        res = hz.harmonize(old_geoms, new_geoms, counts, weights=weights)
        before, after = counts.sum(axis=0), res.counts.sum(axis=0)
        assert abs(after[0] - before[0]) / before[0] < 1e-4  # within 0.01 % (in fact ~1e-15)
        assert abs(after[1] - before[1]) / before[1] < 1e-4
        assert res.unallocated.tolist() == [0.0, 0.0]
    # the uncertainty: most new forecast areas are exact unions of old ones or nearly so, a few are apportioned
    ss = res.split_share
    assert np.all(np.isfinite(ss)) and np.all((ss >= 0) & (ss <= 1))
    assert 0 < int(weights.split.sum()) < 60


def test_harmonise_year_keeps_units(vintages):
    (old_ids, old_geoms), (_new_ids, new_geoms) = vintages
    counts = register_by_forecast_area(2020, old_ids)
    pct = 100.0 * counts[:, 1] / counts[:, 0]
    hy = dyn.harmonise_year(old_geoms, new_geoms, counts[:, 0], {"diversity": (pct, 1), "arrivals": (counts[:, 1], 0)})
    assert hy.total_after == pytest.approx(hy.total_before, rel=1e-9)
    moved_pct, unit = hy.indicators["diversity"]
    assert unit == 1
    # the city-wide share of foreigners is the same before and after (percentages went through their counts)
    city_before = 100.0 * counts[:, 1].sum() / counts[:, 0].sum()
    city_after = float(np.sum(moved_pct * hy.population) / np.sum(hy.population))
    assert city_after == pytest.approx(city_before, rel=1e-9)
    assert hy.indicators["arrivals"][0].sum() == pytest.approx(counts[:, 1].sum(), rel=1e-9)


def test_dasymetric_through_planning_areas_beats_area_weighting(vintages, capsys):
    """2020 (old forecast areas) moved onto the new ones, compared with the register of 2021-01 on the new
    areas (half a year later): weighting the split areas by the 448 planning areas' population at their
    points on the surface must be closer than plain area weighting."""
    (old_ids, old_geoms), (new_ids, new_geoms) = vintages
    geo = json.loads((DATA / "berlin-lor-planning-areas-until-2020.geojson").read_text(encoding="utf-8"))
    pop2020 = {}
    with (DATA / "population" / "berlin-lor-population-2020-02-t1-planning-areas.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pop2020[row["id"]] = float(row["inhabitants"])
    xy, w = [], []
    for f in geo["features"]:
        g = transform(_metric, shape(f["geometry"]))
        p = g.representative_point()
        xy.append((p.x, p.y))
        w.append(pop2020.get(f["properties"]["id"], 0.0))
    counts = register_by_forecast_area(2020, old_ids)[:, 0]
    truth = register_by_forecast_area(2021, new_ids, half=1)[:, 0]
    area = hz.harmonize(old_geoms, new_geoms, counts).counts[:, 0]
    dasy = hz.harmonize(old_geoms, new_geoms, counts, points_xy=np.array(xy), points_weight=np.array(w)).counts[:, 0]
    assert dasy.sum() == pytest.approx(counts.sum(), rel=1e-12)
    err_area = np.abs(area / truth - 1)
    err_dasy = np.abs(dasy / truth - 1)
    with capsys.disabled():
        print("\n2020 on the 2021 forecast areas vs register 2021-01: area-weighted median {:.2%} max {:.2%}; "
              "through planning areas median {:.2%} max {:.2%}".format(np.median(err_area), err_area.max(), np.median(err_dasy), err_dasy.max()))
    assert err_dasy.max() < err_area.max()
    assert err_dasy.mean() <= err_area.mean()
