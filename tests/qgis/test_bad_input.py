"""Bad input, run as a batch script would: every algorithm ends in a clear error, a flagged result or
the correct result, never in a traceback or a silent wrong number; inputs stay unchanged; no count of
people 0 < n < 3 is published; a failed run leaves nothing that looks like a result.

Part 1: the one output writer (processing/outputs.py). Part 2: the bad-input matrix."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]
from tests.qgis.sample_mapping import sample_fields  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "ankunft_sample.gpkg"


def sample(name: str) -> str:
    return "{}|layername={}".format(SAMPLE, name)


def classify_params(**over) -> dict:
    params = {"INPUT": sample("planning_areas"), **sample_fields(social=False), "OUTPUT": "memory:"}
    params.update(over)
    return params


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def memory_copy(uri: str, name: str, edit=None) -> QgsVectorLayer:
    """A memory copy of a sample layer; ``edit(feature)`` may change each copied feature."""
    src = QgsVectorLayer(uri, name, "ogr")
    assert src.isValid()
    layer = src.materialize(QgsFeatureRequest())
    layer.setName(name)
    if edit is not None:
        layer.startEditing()
        for f in layer.getFeatures():
            g = QgsFeature(f)
            if edit(g):
                layer.updateFeature(g)
        assert layer.commitChanges()
    return layer


# -- part 1: the output writer -------------------------------------------------------------------
def test_file_output_is_moved_into_place_and_nothing_else_is_left(run_alg, tmp_path):
    out = tmp_path / "quarters.gpkg"
    res = run_alg("ankunft:classifyarrivalquarters", classify_params(OUTPUT=str(out)))
    assert res["OUTPUT"] == str(out)
    assert leftovers(tmp_path) == ["quarters.gpkg"]
    layer = QgsVectorLayer(str(out), "q", "ogr")
    assert layer.isValid() and layer.featureCount() == 448
    assert "quarters" in layer.dataProvider().subLayers()[0]  # the GeoPackage layer keeps its file's name


def test_shapefile_output_with_its_side_files(run_alg, tmp_path):
    out = tmp_path / "quarters.shp"
    run_alg("ankunft:classifyarrivalquarters", classify_params(OUTPUT=str(out)))
    assert {p.suffix for p in tmp_path.iterdir()} >= {".shp", ".shx", ".dbf", ".prj"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ankunft-")]


def test_failed_run_leaves_no_output(run_alg, tmp_path):
    out = tmp_path / "quarters.gpkg"
    with pytest.raises(QgsProcessingException, match="no field 'nope'"):
        run_alg("ankunft:classifyarrivalquarters", classify_params(POPULATION_FIELD="nope", OUTPUT=str(out)))
    assert leftovers(tmp_path) == []


def test_unwritable_raster_names_the_path_and_the_vectors_written_before_are_removed(run_alg, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    params = {
        "NETWORK": sample("moabit_roads"),
        "POINTS": sample("poi_community_centers"),
        "BANDS": "5",
        "OUTPUT": str(tmp_path / "catchments.gpkg"),
        "OUTPUT_RASTER": str(blocker / "minutes.tif"),
    }
    with pytest.raises(QgsProcessingException) as err:
        run_alg("ankunft:walkingcatchments", params)
    text = str(err.value)
    assert str(blocker / "minutes.tif") in text and "is a file, not a folder" in text
    assert "Traceback" not in text
    assert leftovers(tmp_path) == ["afile"]


def test_unwritable_pdf_of_the_strategy_map(run_alg, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    params = {
        "DISTRICTS": sample("map_pages"),
        "DISTRICT_NAME_FIELD": "name",
        "QUARTERS": sample("planning_areas"),
        "OUTPUT": str(tmp_path / "pages.gpkg"),
        "OUTPUT_PDF": str(blocker / "map.pdf"),
    }
    context = QgsProcessingContext()
    context.setProject(QgsProject())
    import processing

    with pytest.raises(QgsProcessingException) as err:
        processing.run("ankunft:strategymap", params, context=context, feedback=QgsProcessingFeedback())
    assert str(blocker / "map.pdf") in str(err.value)
    assert leftovers(tmp_path) == ["afile"]


def test_confidentiality_blanks_population_and_the_rates_that_would_give_it_back(run_alg):
    """Unsmoothed classification: a population of 2 is blanked, and so are the rates computed from it
    (arrivals / rate_arrivals would give it back)."""

    def tiny(f):
        if f["id"] == "01022103":
            f["inh_2020"] = 2
            f["for_2020"] = 40
            return True
        return False

    layer = memory_copy(sample("planning_areas"), "areas", tiny)
    out = run_alg("ankunft:classifyarrivalquarters", classify_params(INPUT=layer, SMOOTHING=False))["OUTPUT"]
    row = next(f for f in out.getFeatures() if f["id"] == "01022103")
    assert row["inh_2020"] in (None, NULL)
    for name in ("rate_arrivals", "rate_diversity", "rate_turnover"):
        assert not isinstance(row[name], float), name
    assert row["for_2020"] == 40  # a count of 40 is publishable


def test_infrastructure_copy_of_the_population_field_is_blanked(run_alg):
    def tiny(f):
        if f["id"] == "01022101":
            f["inh_2020"] = 2
            return True
        return False

    areas = memory_copy(sample("planning_areas"), "areas", tiny)
    res = run_alg(
        "ankunft:infrastructureoverlay",
        {
            "AREAS": areas,
            "AREA_ID_FIELD": "id",
            "POPULATION_FIELD": "inh_2020",
            "FACILITIES": [QgsVectorLayer(sample("poi_libraries"), "poi-libraries", "ogr")],
            "OUTPUT": "memory:",
        },
    )
    out = res["OUTPUT"]
    values = [f["inh_2020"] for f in out.getFeatures() if f["id"] == "01022101"]
    assert values and all(not isinstance(v, (int, float)) for v in values)


# -- part 2: the bad-input matrix ------------------------------------------------------------------
# Every case: (algorithm, case name, parameters built from the fixture ``bad``, expected outcome).
# Outcomes: ("error", regex that must match the message: it names the parameter/layer/field),
# ("flagged", check(result, log) -> None: the run succeeds and says what is wrong),
# ("correct", check(result, log) -> None: the run succeeds with the right numbers).
# Every run also asserts: no traceback / unexpected error, the input files unchanged, no count of people
# 0 < n < 3 in any output field that carries people, and after an error no output file left behind.

MOABIT = "\"region_id\" LIKE '0102%'"
PEOPLE_NAMES = re.compile(r"^(inh_\d{4}|pop_.*|population|kf_population|kf_aq_population|pop_reach|arr_reach|aq_pop_reach|added_weight|inh)$")


def _ogr(*args):
    subprocess.run(["ogr2ogr", *map(str, args)], check=True, capture_output=True)


def _save(layer, path: Path, name: str | None = None) -> str:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name or path.stem
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(), options)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    return str(path)


@pytest.fixture(scope="module")
def bad(tmp_path_factory, plugin):
    """The bad inputs, built once from the sample (files, so qgis_process can read them too)."""
    d = tmp_path_factory.mktemp("bad_inputs")
    b: dict[str, str] = {}
    # no CRS: shapefiles whose .prj is gone (metric coordinates)
    for layer in ("moabit_roads", "planning_areas"):
        _ogr("-f", "ESRI Shapefile", d / "{}_noprj.shp".format(layer), SAMPLE, layer)
        (d / "{}_noprj.prj".format(layer)).unlink()
        b[layer + "_noprj"] = str(d / "{}_noprj.shp".format(layer))
    # degree coordinates labelled EPSG:25833, metric coordinates labelled EPSG:4326
    _ogr("-f", "GPKG", d / "roads_4326.gpkg", SAMPLE, "moabit_roads", "-t_srs", "EPSG:4326", "-nln", "roads")
    _ogr("-f", "GPKG", d / "roads_deg_as_utm.gpkg", d / "roads_4326.gpkg", "-a_srs", "EPSG:25833", "-nln", "roads")
    _ogr("-f", "GPKG", d / "roads_utm_as_deg.gpkg", SAMPLE, "moabit_roads", "-a_srs", "EPSG:4326", "-nln", "roads")
    _ogr("-f", "ESRI Shapefile", d / "roads_4326_noprj.shp", d / "roads_4326.gpkg", "roads")
    (d / "roads_4326_noprj.prj").unlink()
    b["roads_4326_noprj"] = str(d / "roads_4326_noprj.shp")
    b["roads_deg_as_utm"] = str(d / "roads_deg_as_utm.gpkg")
    b["roads_utm_as_deg"] = str(d / "roads_utm_as_deg.gpkg")
    # the areas as a table (no geometry)
    _ogr("-f", "CSV", d / "areas_table.csv", SAMPLE, "planning_areas")
    b["areas_table"] = str(d / "areas_table.csv")
    # Moabit's planning areas: as they are, with -500 inhabitants in one, with 2 inhabitants in one
    areas = QgsVectorLayer(sample("planning_areas"), "areas", "ogr")
    moabit = areas.materialize(QgsFeatureRequest().setFilterExpression(MOABIT))  # (a subset string would touch the file)
    b["moabit_areas"] = _save(moabit, d / "moabit_areas.gpkg")

    def edited(value, path):
        layer = moabit.materialize(QgsFeatureRequest())
        layer.startEditing()
        f = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression("\"id\" = '01022101'")))
        layer.changeAttributeValue(f.id(), layer.fields().lookupField("inh_2020"), value)
        assert layer.commitChanges()
        return _save(layer, path)

    far = areas.materialize(QgsFeatureRequest().setFilterExpression("\"region_id\" LIKE '12%'"))  # Reinickendorf
    b["areas_far"] = _save(far, d / "areas_far.gpkg")
    b["areas_negative"] = edited(-500, d / "areas_negative.gpkg")
    b["areas_two"] = edited(2, d / "areas_two.gpkg")
    # docking points: one MultiPoint whose two parts are 600 m apart, plus the community centres
    centres = QgsVectorLayer(sample("poi_community_centers"), "c", "ogr")
    multi = QgsVectorLayer("MultiPoint?crs=EPSG:25833&field=osm_id:string", "multi", "memory")
    feats = []
    for f in centres.getFeatures():
        g = QgsFeature(multi.fields())
        g.setAttributes([str(f["osm_id"])])
        geom = f.geometry()
        geom.convertToMultiType()
        g.setGeometry(geom)
        feats.append(g)
    p = next(centres.getFeatures()).geometry().asPoint()
    two = QgsFeature(multi.fields())
    two.setAttributes(["two_parts"])
    two.setGeometry(QgsGeometry.fromWkt("MultiPoint(({x} {y}),({x2} {y}))".format(x=p.x(), y=p.y(), x2=p.x() + 600)))
    feats.append(two)
    multi.dataProvider().addFeatures(feats)
    b["multipoint"] = _save(multi, d / "multipoint.gpkg")
    # a walking network prepared once (the catchments, overlay and siting run on it)
    import processing

    b["net"] = processing.run("ankunft:preparewalknetwork", {"INPUT": sample("moabit_roads"), "OUTPUT": str(d / "net.gpkg")})["OUTPUT"]
    b["dir"] = str(d)
    b["blocker"] = str(d / "afile")
    Path(b["blocker"]).write_text("not a folder")
    return b


def _digest(paths) -> dict:
    out = {}
    for p in paths:
        p = Path(p)
        files = [p] if p.is_file() else []
        if p.suffix == ".shp":
            files = sorted(p.parent.glob(p.stem + ".*"))
        for f in files:
            out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def _input_files(params) -> list:
    paths = []
    for v in params.values():
        for item in v if isinstance(v, list) else [v]:
            if isinstance(item, str) and not item.startswith(("memory:", "TEMPORARY")):
                path = item.split("|", 1)[0]
                if os.path.exists(path):
                    paths.append(path)
    return paths


def people_fields(alg_id: str, params: dict, key: str) -> set:
    """What the algorithm declares as people in output ``key`` (field patterns, input fields chosen)."""
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("ankunft:" + alg_id)
    patterns = set(getattr(alg, "PEOPLE", {}).get(key, ()))
    patterns |= {params[p] for p in getattr(alg, "PEOPLE_PARAMS", ()) if isinstance(params.get(p), str) and params.get(p)}
    return patterns


def small_people_counts(layer, declared=()) -> list:
    """(field, value) of every published 0 < n < 3 in a field that carries people: by name (inh_2020,
    pop_…, population, …) or declared by the algorithm (``people_fields``)."""
    import fnmatch

    names = [n for n in layer.fields().names() if PEOPLE_NAMES.match(n) or any(fnmatch.fnmatchcase(n, p) for p in declared)]
    found = []
    for f in layer.getFeatures():
        for n in names:
            v = f[n]
            if isinstance(v, (int, float)) and 0 < v < 3:
                found.append((n, v))
    return found


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []

    def pushInfo(self, info):  # noqa: N802
        self.text.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.text.append(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.text.append(error)


def _p(alg_params: dict, **over) -> dict:
    out = dict(alg_params)
    out.update(over)
    return out


def classify_base(b):
    return classify_params()


def catch_base(b):
    return {"NETWORK": b["net"], "POINTS": sample("poi_community_centers"), "POINT_ID_FIELD": "osm_id", "BANDS": "5,10",
            "POPULATION": b["moabit_areas"], "POPULATION_FIELD": "inh_2020", "OUTPUT": "memory:", "OUTPUT_AREAS": "memory:"}


def infra_base(b):
    return {"AREAS": b["moabit_areas"], "AREA_ID_FIELD": "id", "POPULATION_FIELD": "inh_2020",
            "FACILITIES": [sample("poi_libraries"), sample("poi_community_centers")], "NETWORK": b["net"],
            "OUTPUT": "memory:", "OUTPUT_FACILITIES": "memory:"}


def suggest_base(b):
    return {"DEMAND": b["moabit_areas"], "WEIGHT_FIELD": "inh_2020", "CANDIDATES": sample("poi_supermarkets"),
            "NETWORK": b["net"], "MAX_MINUTES": 5, "COUNT": 2, "OUTPUT": "memory:"}


def map_base(b):
    return {"DISTRICTS": sample("map_pages"), "DISTRICT_NAME_FIELD": "name", "QUARTERS": b["moabit_areas"],
            "POPULATION_FIELD": "inh_2020", "OUTPUT": "memory:", "OUTPUT_PDF": str(Path(b["dir"]) / "map.pdf")}


def dyn_base(b):
    years = Path(b["dir"]) / "years.gpkg"
    if not years.exists():
        import processing

        processing.run("ankunft:widetabletoyears", {"INPUT": b["moabit_areas"], "OUTPUT": str(years)})
    layers = ["{}|layername=year_{}".format(years, y) for y in (2018, 2019, 2020)]
    return {"INPUTS": layers, "YEARS": "2018;2019;2020", "ID_FIELD": "id", "POPULATION_FIELD": "inh",
            "ARRIVALS_FIELD": "for", "ARRIVALS_UNIT": 0, "DIVERSITY_FIELD": "mig", "DIVERSITY_UNIT": 0,
            "MIN_POPULATION": 100, "OUTPUT": "memory:", "OUTPUT_TRANSITIONS": "memory:"}


def model_base(b):
    facilities = [sample("poi_" + n) for n in ("community_centers", "libraries")]
    params = {"AREAS": b["moabit_areas"], "ID_FIELD": "id", "POPULATION_FIELD": "inh_2020", "ARRIVALS_FIELD": "for_change_2017_2020",
              "ARRIVALS_UNIT": 0, "TURNOVER_FIELD": "k11_turnover", "TURNOVER_UNIT": 1, "DIVERSITY_FIELD": "for_2020", "DIVERSITY_UNIT": 0,
              "DISTRICTS": sample("map_pages"), "ROADS": sample("moabit_roads"), "FACILITIES": facilities,
              "DOCKING_POINTS": sample("poi_community_centers"), "CANDIDATES": sample("poi_supermarkets"), "MINUTES": 10, "COUNT": 2, "TITLE": "Test"}
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById("ankunft:fullanalysis")
    for dest in model.destinationParameterDefinitions():
        params[dest.name()] = str(Path(b["dir"]) / ("model.pdf" if dest.name().endswith("pdf") else "model_{}.gpkg".format(dest.name().replace(":", "_"))))
    return params


def harmonize_base(b):
    return {"SOURCE": b["moabit_areas"], "COUNT_FIELDS": ["inh_2020", "for_2020"], "TARGET": sample("map_pages"), "OUTPUT": "memory:"}


def _check_mass_preserved(res, log, ref):
    assert res["TOTAL_TARGET"] == pytest.approx(res["TOTAL_SOURCE"] - res["UNALLOCATED"])
    assert res["TOTAL_SOURCE"] > 0


def _is_null(v) -> bool:
    return v is None or v == NULL


def _rows(layer, key_fields, value_field):
    return {tuple(f[k] for k in key_fields): f[value_field] for f in layer.getFeatures()}


def _check_bands(res, log, ref):
    """'5;7,5;10' gives the bands 5, 7.5 and 10; the 5 and 10 minute catchments equal the reference run ('5,10')."""
    got = _rows(res["OUTPUT"], ("point_id", "minutes"), "reach_m")
    assert sorted({m for _p, m in got}) == [5.0, 7.5, 10.0]
    want = _rows(ref()["OUTPUT"], ("point_id", "minutes"), "reach_m")
    assert want and all(got[k] == pytest.approx(v) for k, v in want.items() if v is not None)


def _check_two_blanked(res, log, ref):
    """The area with 2 inhabitants shows NULL; every other area's figures equal the reference run."""
    key = "OUTPUT_AREAS" if "OUTPUT_AREAS" in res else "OUTPUT"
    areas = res[key]
    row = next(f for f in areas.getFeatures() if f["id"] == "01022101")
    assert _is_null(row["inh_2020"])
    reference = {f["id"]: f for f in ref()[key].getFeatures()}
    numeric = [f.name() for f in areas.fields() if f.isNumeric() and f.name() not in ("fid",)]
    compared = 0
    for f in areas.getFeatures():
        if f["id"] == "01022101":
            continue
        for n in numeric:
            a, b = f[n], reference[f["id"]][n]
            if n.startswith(("rate_", "z_", "aq_score", "eco_", "lang_", "prio")):
                continue  # city-wide references move a little when one area's population changes
            assert (_is_null(a) and _is_null(b)) or a == pytest.approx(b), (f["id"], n, a, b)
            compared += 1
    assert compared > 0


def _check_classified(res, log, ref):
    """Every area classified once (a duplicate id counts once)."""
    ids = {f["id"] for f in QgsVectorLayer(sample("planning_areas"), "a", "ogr").getFeatures()}
    assert sum(res["N_{}".format(k)] for k in ("ESTABLISHED", "EMERGING", "NONE", "INSUFFICIENT")) == len(ids)


def _check_features(key, n):
    def check(res, log, ref):
        count = res[key].featureCount()
        assert (count == n) if n is not None else (count > 0), count
    return check


def _check_result(key, value):
    def check(res, log, ref):
        assert res[key] == value, res[key]
    return check


def _check_blanked_rates(res, log, ref):
    """Unsmoothed: the population of 2 is blanked and so are the rates computed from it."""
    row = next(f for f in res["OUTPUT"].getFeatures() if f["id"] == "01022101")
    assert _is_null(row["inh_2020"])
    assert all(_is_null(row[n]) for n in row.fields().names() if n.startswith("rate_"))
    assert row["aq_class"] == "insufficient"


def _error(pattern):
    return ("error", pattern)


CASES = [
    # classification
    ("classifyarrivalquarters", "reference", classify_base, {}, ("correct", _check_classified)),
    ("classifyarrivalquarters", "no_crs", classify_base, {"INPUT": "@planning_areas_noprj", "ARRIVALS_FIELD": "for_change", "TURNOVER_FIELD": "k11_turnov"}, _error(r"'Areas.*' \(INPUT\): layer '.*' has no CRS.*EPSG:25833")),
    ("classifyarrivalquarters", "missing_field", classify_base, {"POPULATION_FIELD": "nope"}, _error(r"'Population field.*' \(POPULATION_FIELD\): layer '.*' has no field 'nope'. Choose one of its fields: .*inh_2020")),
    ("classifyarrivalquarters", "negative_population", classify_base, {"INPUT": "@areas_negative"}, _error(r"POPULATION_FIELD.*'inh_2020'.*negative value.*-500")),
    ("classifyarrivalquarters", "population_two_unsmoothed", classify_base, {"INPUT": "@areas_two", "SMOOTHING": False}, ("flagged", _check_blanked_rates)),
    ("classifyarrivalquarters", "missing_file", classify_base, {"INPUT": "/nonexistent/areas.gpkg"}, _error(r"\(INPUT\): the file '/nonexistent/areas.gpkg' does not exist")),
    ("classifyarrivalquarters", "table_not_polygons", classify_base, {"INPUT": "@areas_table"}, _error(r"\(INPUT\) needs a layer of polygons.*no geometry")),
    ("classifyarrivalquarters", "unwritable_output", classify_base, {"OUTPUT": "@blocker/q.gpkg"}, _error(r"is a file, not a folder")),
    ("classifyarrivalquarters", "field_lost_in_shapefile", classify_base, {"INPUT": "@planning_areas_noprj"}, _error(r"\(ARRIVALS_FIELD\): layer 'planning_areas_noprj' has no field 'for_change_2017_2020'.*for_change")),
    # walking network
    ("preparewalknetwork", "reference", lambda b: {"INPUT": sample("moabit_roads"), "OUTPUT": "memory:"}, {}, ("correct", _check_features("OUTPUT", None))),
    ("preparewalknetwork", "no_crs_degrees", lambda b: {"INPUT": b["roads_4326_noprj"], "OUTPUT": "memory:"}, {}, _error(r"has no CRS.*look like longitude/latitude: assign EPSG:4326")),
    ("preparewalknetwork", "no_crs", lambda b: {"INPUT": b["moabit_roads_noprj"], "OUTPUT": "memory:"}, {}, _error(r"\(INPUT\): layer '.*' has no CRS.*not degrees but metres")),
    ("preparewalknetwork", "degrees_as_25833", lambda b: {"INPUT": b["roads_deg_as_utm"], "OUTPUT": "memory:"}, {}, _error(r"labelled EPSG:25833 \(metres\).*they look like degrees.*EPSG:4326")),
    ("preparewalknetwork", "metres_as_4326", lambda b: {"INPUT": b["roads_utm_as_deg"], "OUTPUT": "memory:"}, {}, _error(r"labelled EPSG:4326 \(degrees\).*they are metres")),
    ("preparewalknetwork", "points_not_lines", lambda b: {"INPUT": sample("poi_libraries"), "OUTPUT": "memory:"}, {}, _error(r"needs a layer of lines.*points")),
    # walking catchments
    ("walkingcatchments", "reference", catch_base, {}, ("correct", _check_features("OUTPUT_AREAS", 13))),
    ("walkingcatchments", "bands_decimal_comma", catch_base, {"BANDS": "5;7,5;10"}, ("correct", _check_bands)),
    ("walkingcatchments", "bands_not_numbers", catch_base, {"BANDS": "5;abc"}, _error(r"BANDS.*'5;abc' cannot be read")),
    ("walkingcatchments", "negative_population", catch_base, {"POPULATION": "@areas_negative"}, _error(r"POPULATION_FIELD.*negative value.*-500")),
    ("walkingcatchments", "population_two", catch_base, {"POPULATION": "@areas_two"}, ("flagged", _check_two_blanked)),
    ("walkingcatchments", "multipoint", catch_base, {"POINTS": "@multipoint"}, _error(r"\(POINTS\): 1 features? of layer .* consist of several points")),
    ("walkingcatchments", "network_no_crs", catch_base, {"NETWORK": "@moabit_roads_noprj"}, _error(r"\(NETWORK\): layer .* has no CRS")),
    ("walkingcatchments", "network_degrees_as_25833", catch_base, {"NETWORK": "@roads_deg_as_utm"}, _error(r"\(NETWORK\).*they look like degrees")),
    ("walkingcatchments", "raster_unwritable", catch_base, {"OUTPUT": "@dir/c.gpkg", "OUTPUT_RASTER": "@blocker/m.tif"}, _error(r"m\.tif.*is a file, not a folder")),
    # infrastructure overlay
    ("infrastructureoverlay", "reference", infra_base, {}, ("correct", _check_features("OUTPUT", 13))),
    ("infrastructureoverlay", "population_two", infra_base, {"AREAS": "@areas_two"}, ("flagged", _check_two_blanked)),
    ("infrastructureoverlay", "negative_population", infra_base, {"AREAS": "@areas_negative"}, _error(r"POPULATION_FIELD.*negative value.*-500")),
    ("infrastructureoverlay", "areas_no_crs", infra_base, {"AREAS": "@planning_areas_noprj"}, _error(r"\(AREAS\): layer .* has no CRS")),
    # siting
    ("suggestdockingpoints", "reference", suggest_base, {}, ("correct", _check_features("OUTPUT", 2))),
    ("suggestdockingpoints", "negative_weight", suggest_base, {"DEMAND": "@areas_negative"}, _error(r"WEIGHT_FIELD.*negative value.*-500")),
    ("suggestdockingpoints", "multipoint_candidates", suggest_base, {"CANDIDATES": "@multipoint"}, _error(r"\(CANDIDATES\).*consist of several points")),
    # strategy map
    ("strategymap", "reference", map_base, {}, ("correct", _check_result("PAGES", 3))),
    ("strategymap", "missing_quarters_file", map_base, {"QUARTERS": "/nonexistent/quarters.gpkg"}, _error(r"\(QUARTERS\): the file '/nonexistent/quarters.gpkg' does not exist.*folder")),
    ("strategymap", "unwritable_pdf", map_base, {"OUTPUT": "@dir/pages.gpkg", "OUTPUT_PDF": "@blocker/map.pdf"}, _error(r"afile.*is a file, not a folder")),
    # dynamics
    ("arrivaldynamics", "reference", dyn_base, {}, ("correct", _check_features("OUTPUT", 13))),
    ("arrivaldynamics", "years_with_semicolons_and_spaces", dyn_base, {"YEARS": "2018; 2019 ;2020"}, ("correct", _check_features("OUTPUT", 13))),
    ("arrivaldynamics", "years_not_numbers", dyn_base, {"YEARS": "2018;zwanzig;2020"}, _error(r"zwanzig")),
    # the shipped model: its inputs checked up front, the user's parameter named
    ("fullanalysis", "districts_do_not_overlap", model_base, {"AREAS": "@areas_far"}, _error(r"'Districts.*' \(DISTRICTS\) and 'Areas.*' \(AREAS\) do not overlap")),
    ("fullanalysis", "areas_a_table", model_base, {"AREAS": "@areas_table"}, _error(r"\(AREAS\) needs a layer of polygons.*no geometry")),
    ("fullanalysis", "areas_missing_file", model_base, {"AREAS": "/nonexistent/areas.gpkg"}, _error(r"\(AREAS\): the file '/nonexistent/areas.gpkg' does not exist")),
    ("fullanalysis", "roads_without_crs", model_base, {"ROADS": "@moabit_roads_noprj"}, _error(r"\(ROADS\): layer .* has no CRS")),
    ("fullanalysis", "pdf_unwritable_after_five_steps", model_base, {"strategy_map_pdf": "@blocker/m.pdf"}, _error(r"District strategy map.*afile.*is a file, not a folder")),
    # harmonising areas (counts moved onto the map pages)
    ("harmonizeareas", "reference", harmonize_base, {}, ("correct", _check_mass_preserved)),
    ("harmonizeareas", "source_without_crs", harmonize_base, {"SOURCE": "@planning_areas_noprj"}, _error(r"\(SOURCE\): layer .* has no CRS")),
    ("harmonizeareas", "target_a_table", harmonize_base, {"TARGET": "@areas_table"}, _error(r"\(TARGET\) needs a layer of polygons")),
    # wide table
    ("widetabletoyears", "reference", lambda b: {"INPUT": b["moabit_areas"], "OUTPUT": b["dir"] + "/wide_ref.gpkg"}, {}, ("correct", _check_result("N_YEARS", 6))),
    ("widetabletoyears", "unwritable", lambda b: {"INPUT": b["moabit_areas"], "OUTPUT": b["blocker"] + "/y.gpkg"}, {}, _error(r"is a file, not a folder")),
]


_REFERENCE: dict = {}


def _reference(alg, base, bad):
    """The algorithm's run on the good inputs (once per session), outputs as layers."""
    if alg not in _REFERENCE:
        import processing

        ctx = QgsProcessingContext()
        ctx.setProject(QgsProject())
        res = processing.run("ankunft:" + alg, base(bad), context=ctx, feedback=QgsProcessingFeedback())
        _REFERENCE[alg] = (_as_layers(res, ctx), ctx)
    return _REFERENCE[alg][0]


def _as_layers(res, context):
    """Results with output layers as layer objects (memory outputs come back as ids or layers)."""
    out = {}
    for k, v in res.items():
        if isinstance(v, str) and context.getMapLayer(v) is not None:
            v = context.getMapLayer(v)
        elif isinstance(v, str) and v.split("|", 1)[0].endswith(".gpkg") and os.path.exists(v.split("|", 1)[0]):
            v = QgsVectorLayer(v, k, "ogr")
        out[k] = v
    return out


def _resolve(value, b):
    if isinstance(value, str) and value.startswith("@"):
        key, _, rest = value[1:].partition("/")
        return b[key] + ("/" + rest if rest else "")
    return value


@pytest.mark.parametrize(("alg", "case", "base", "over", "expected"), CASES, ids=["{}-{}".format(c[0], c[1]) for c in CASES])
def test_bad_input_matrix(bad, alg, case, base, over, expected):
    import processing

    params = base(bad)
    params.update({k: _resolve(v, bad) for k, v in over.items()})
    inputs = _input_files(params)  # before the run: the outputs do not exist yet
    before = _digest(inputs)
    out_dir = Path(bad["dir"])
    files_before = set(os.listdir(out_dir))
    log = Log()
    context = QgsProcessingContext()
    context.setProject(QgsProject())
    kind, check = expected
    try:
        res = processing.run("ankunft:" + alg, params, context=context, feedback=log)
        error = None
    except QgsProcessingException as err:
        res, error = None, str(err)
    assert _digest(inputs) == before, "an input file was changed"
    print("MATRIX\t{}\t{}\t{}\t{}".format(alg, case, kind, (error or "").replace("\n", " ")))  # shown with -s (figures for the report)
    if error is not None:
        assert "Traceback" not in error and "unexpected error" not in error, error
    if kind == "error":
        assert error is not None, "expected an error, the run succeeded"
        assert re.search(check, error, re.S), error
        left = set(os.listdir(out_dir)) - files_before
        assert not left, "a failed run left {}".format(left)
        return
    assert error is None, error
    for key, layer in _as_layers(res, context).items():
        if isinstance(layer, QgsVectorLayer):
            assert small_people_counts(layer, people_fields(alg, params, key)) == [], (key, layer.name())

    check(_as_layers(res, context), log, lambda: _reference(alg, base, bad))


# -- a few of the cases as a batch script runs them: qgis_process in a fresh process ---------------
QGIS_PROCESS = shutil.which("qgis_process")
BATCH_CASES = [c for c in CASES if (c[0], c[1]) in {
    ("preparewalknetwork", "no_crs"),
    ("preparewalknetwork", "degrees_as_25833"),
    ("walkingcatchments", "bands_decimal_comma"),
    ("strategymap", "missing_quarters_file"),
    ("fullanalysis", "districts_do_not_overlap"),
}]


@pytest.fixture(scope="module")
def batch_env(tmp_path_factory):
    """The plugin installed into a profile of its own (as tests/qgis/test_install_package.py does)."""
    base = tmp_path_factory.mktemp("qgis_profile")
    profile = base / "profiles" / "default"
    subprocess.run(["make", "-s", "install", "QGIS_PROFILE={}".format(profile)], cwd=ROOT, check=True, capture_output=True, text=True)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(base), QT_QPA_PLATFORM="offscreen")
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "ankunft_plugin"], env=env, capture_output=True, text=True, timeout=120)
    return env


def _json_value(v):
    return v if isinstance(v, (str, int, float, bool, list)) or v is None else str(v)


@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process not installed")
@pytest.mark.skipif(bool(os.environ.get("ANKUNFT_BLOCK_IMPORTS")), reason="the batch runs once, in the first pass of make test")
@pytest.mark.parametrize(("alg", "case", "base", "over", "expected"), BATCH_CASES, ids=["{}-{}".format(c[0], c[1]) for c in BATCH_CASES])
def test_bad_input_as_batch_script(bad, batch_env, tmp_path, alg, case, base, over, expected):
    import json

    params = base(bad)
    params.update({k: _resolve(v, bad) for k, v in over.items()})
    for k, v in list(params.items()):
        if v == "memory:":
            params[k] = str(tmp_path / "{}.gpkg".format(k.lower().replace(":", "_")))
    inputs = _input_files(params)  # before the run: the outputs do not exist yet
    before = _digest(inputs)
    run = subprocess.run([QGIS_PROCESS, "--json", "run", "ankunft:" + alg, "-"], input=json.dumps({"inputs": {k: _json_value(v) for k, v in params.items()}}),
                         env=batch_env, capture_output=True, text=True, timeout=300)
    text = run.stdout + run.stderr
    assert "Traceback" not in text and "unexpected error" not in text, text[-3000:]
    assert _digest(inputs) == before
    kind, check = expected
    if kind == "error":
        assert run.returncode != 0
        assert re.search(check, text, re.S), text[-3000:]
        assert not list(tmp_path.iterdir()), "a failed run left files"
        return
    assert run.returncode == 0, text[-3000:]
    results = json.loads(run.stdout)["results"]
    layers = {k: QgsVectorLayer(v, k, "ogr") for k, v in results.items() if isinstance(v, str) and v.endswith(".gpkg")}
    for layer in layers.values():
        assert small_people_counts(layer) == []
    check({k: layers.get(k, v) for k, v in results.items()}, None, lambda: _reference(alg, base, bad))
