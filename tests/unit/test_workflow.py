"""The panel's workflow model (core/workflow.py): roles by name and fields, the wiring, the checks."""

from __future__ import annotations

from ankunft_plugin.core import workflow as wf
from ankunft_plugin.core.workflow import LayerInfo

POI = ("osm_id", "name", "street", "poi_type")
ROADS = ("osm_id", "fclass", "name", "oneway", "bridge", "tunnel")
# the bundled sample, as "add all layers" puts it into a project (alphabetical)
SAMPLE = [
    LayerInfo("map_pages", "map_pages", "polygon", ("name", "page")),
    LayerInfo("moabit_buildings", "moabit_buildings", "polygon", ("id",)),
    LayerInfo("moabit_district", "moabit_district", "polygon", ("name",)),
    LayerInfo("moabit_rails", "moabit_rails", "line", ROADS),
    LayerInfo("moabit_roads", "moabit_roads", "line", ROADS),
    LayerInfo("moabit_water", "moabit_water", "polygon", ("name",)),
    LayerInfo("planning_areas", "planning_areas", "polygon", ("id", "name", "inh_2020")),
] + [
    LayerInfo("poi_" + n, "poi_" + n, "point", POI)
    for n in (
        "bus_stops", "childcare", "clinics", "community_centers", "convenience_stores", "doctors", "kindergartens",
        "libraries", "marketplaces", "offices", "pharmacies", "places_of_worship", "playgrounds", "police_stations",
        "post_offices", "sbahn_stops", "schools", "sport_centers", "supermarkets", "tram_stops", "ubahn_stops",
    )
]


def test_walking_network_is_the_roads_never_the_rails():
    assert wf.choose(wf.NETWORK, SAMPLE) == ["moabit_roads"]
    assert wf.plausibility(wf.NETWORK, SAMPLE[3]) == 0.0  # moabit_rails has fclass, but its name rules it out
    assert wf.why_implausible(wf.NETWORK, SAMPLE[3]) == "excluded"
    railway = LayerInfo("r", "Gleisanlagen", "line", ("railway",))
    assert wf.plausibility(wf.NETWORK, railway) == 0.0
    assert wf.plausibility(wf.NETWORK, LayerInfo("h", "osm lines", "line", ("highway",))) > 0
    assert wf.why_implausible(wf.NETWORK, LayerInfo("p", "poi_bus_stops", "point", POI)) == "geometry"
    assert wf.why_implausible(wf.NETWORK, LayerInfo("x", "lines", "line", ("a",))) == "unknown"


def test_point_roles_by_name_not_the_first_point_layer():
    assert wf.choose(wf.DOCKING, SAMPLE) == ["poi_community_centers"]
    candidates = wf.choose(wf.CANDIDATES, SAMPLE)
    assert sorted(candidates) == sorted(
        "poi_" + n for n in ("libraries", "marketplaces", "post_offices", "sbahn_stops", "supermarkets", "tram_stops", "ubahn_stops")
    )
    assert "poi_bus_stops" not in candidates and "poi_police_stations" not in candidates
    assert len(wf.choose(wf.FACILITIES, SAMPLE)) == 21


def test_polygon_roles():
    assert wf.choose(wf.BUILDINGS, SAMPLE) == ["moabit_buildings"]
    assert wf.choose(wf.WATER, SAMPLE) == ["moabit_water"]
    assert wf.choose(wf.DISTRICTS, SAMPLE) == ["map_pages"]  # pages before the district outline
    assert wf.choose(wf.STREETS, SAMPLE) == ["moabit_roads"]


def test_a_tie_is_left_to_the_planner():
    two = [LayerInfo("a", "Straßen Nord", "line", ("highway",)), LayerInfo("b", "Straßen Süd", "line", ("highway",))]
    assert wf.choose(wf.NETWORK, two) == []
    assert wf.choose(wf.NETWORK, two, exclude=["a"]) == ["b"]
    assert wf.choose(wf.NETWORK, []) == []


def test_a_role_is_used_by_every_step_that_needs_it():
    assert wf.role_params(wf.NETWORK) == [("infrastructure", "NETWORK"), ("catchments", "NETWORK"), ("docking", "NETWORK")]
    assert ("catchments", "POINTS") in wf.role_params(wf.DOCKING) and ("docking", "EXISTING") in wf.role_params(wf.DOCKING)
    assert wf.role_of("docking", "CANDIDATES") == wf.CANDIDATES
    assert wf.role_of("docking", "DEMAND") is None


def test_wiring_results_and_fields():
    docking = wf.step("docking")
    assert docking.inputs["WEIGHT_FIELD"] == wf.mapped("population")  # step 5's weight: step 1's population
    assert docking.inputs["DEMAND"].study_area
    assert wf.step("strategy").inputs["QUARTERS"].ref[0] == ("infrastructure", "OUTPUT")
    assert wf.feeds("classify") == ["infrastructure", "catchments", "docking", "strategy"]
    assert "OUTPUT_AREAS" in wf.extra_outputs("catchments")
    assert [s.key for s in wf.STEPS] == ["data", "classify", "infrastructure", "catchments", "docking", "strategy"]
    for s in wf.STEPS[1:]:
        assert s.alg_id.startswith("ankunft:") and all(r in wf.STEP_INDEX for r in s.requires)


def test_study_area_half_inside():
    assert wf.study_area([1.0, 0.49, 0.5, float("nan"), None, 0.0]) == [0, 2]


def test_checks_give_codes_with_figures():
    assert wf.check_network(0.3) == []
    assert wf.check_network(0.7)[0].values["share"] == 0.7
    assert wf.check_points(51, 105, 200) == []
    assert wf.check_points(60, 105, 200)[0].code == "points_off_network"
    assert wf.check_demand(13, 13) == []
    assert wf.check_demand(13, 448)[0].values == {"n": 435, "total": 448}
    assert wf.check_demand(0, 448)[0].code == "no_area_inside"
    assert wf.check_weight("") and wf.check_weight("inh_2020") == []
    assert wf.check_role(wf.NETWORK, SAMPLE[3])[0].code == "role_excluded"
    assert wf.check_role(wf.NETWORK, SAMPLE[4]) == []
