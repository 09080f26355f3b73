"""Result layers for a German office: output language by parameter (default: the QGIS language, also
headless), German/English field aliases, rounded values, no local paths, and style + metadata stored
inside the GeoPackage so that a fresh QGIS process *without the plugin* shows the same layer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingFeedback, QgsSettings, QgsVectorLayer

from ankunft_plugin.core import vocabulary
from tests.qgis.test_classify import berlin_layer, berlin_params
from tests.qgis.test_walk_catchments import lattice, memory_lines, memory_points, population_layer

ALG = "ankunft:classifyarrivalquarters"
GERMAN = 1  # OUTPUT_LANGUAGE: 0 = language of QGIS, 1 = Deutsch, 2 = English


@pytest.fixture(scope="module")
def berlin():
    return berlin_layer()


def _rows(path_or_layer):
    layer = path_or_layer if isinstance(path_or_layer, QgsVectorLayer) else QgsVectorLayer(str(path_or_layer), "out", "ogr")
    assert layer.isValid()
    return [{f.name(): feat[f.name()] for f in layer.fields()} for feat in layer.getFeatures()]


@pytest.fixture
def german_qgis():
    """QGIS set to German, as a German office runs it (restored afterwards)."""
    settings = QgsSettings()
    old = settings.value("locale/overrideFlag", False), settings.value("locale/userLocale", "")
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    yield
    settings.setValue("locale/overrideFlag", old[0])
    settings.setValue("locale/userLocale", old[1])


def test_language_parameter_on_every_algorithm_that_writes_labels(provider):
    for alg_id in ("classifyarrivalquarters", "arrivaldynamics", "infrastructureoverlay", "walkingcatchments",
                   "suggestdockingpoints", "preparewalknetwork"):
        alg = provider.algorithm(alg_id)
        param = alg.parameterDefinition("OUTPUT_LANGUAGE")
        assert param is not None, alg_id
        assert param.defaultValue() == 0 and param.help()


def test_german_values_by_default_in_a_german_qgis_headless(run_alg, berlin, german_qgis, tmp_path):
    """No translator installed, no GUI: a German QGIS still gets German values (the default)."""
    out = tmp_path / "quarters.gpkg"
    run_alg(ALG, berlin_params(berlin, str(out)))
    rows = _rows(out)
    german = set(vocabulary.labels("class", "de").values())
    assert {r["aq_label"] for r in rows} <= german
    assert any(r["aq_label"] == "Etabliertes Ankunftsquartier" for r in rows)
    reasons = " ".join(r["aq_reason"] or "" for r in rows)
    assert "hohe Zuzüge" in reasons and "high arrivals" not in reasons


def test_output_language_parameter_overrides_the_qgis_language(run_alg, berlin, german_qgis, tmp_path):
    out = tmp_path / "quarters_en.gpkg"
    run_alg(ALG, berlin_params(berlin, str(out), OUTPUT_LANGUAGE=2))
    labels = {r["aq_label"] for r in _rows(out)}
    assert labels <= set(vocabulary.labels("class", "en").values()) and "Established arrival quarter" in labels


def test_z_values_rounded_and_people_whole_numbers(run_alg, berlin, tmp_path):
    out = tmp_path / "q.gpkg"
    run_alg(ALG, berlin_params(berlin, str(out), OUTPUT_LANGUAGE=GERMAN))
    rows = _rows(out)
    z = [r[k] for r in rows for k in r if k.startswith("z_") and r[k] is not None and str(r[k]) != "NULL"]
    assert len(z) > 1000
    assert all(round(v, 2) == v for v in z), "z-values with more than 2 decimals"
    assert all(round(r["aq_score"], 2) == r["aq_score"] for r in rows if str(r["aq_score"]) != "NULL")
    assert all(round(r[k], 1) == r[k] for r in rows for k in r if k.startswith("rate_") and str(r[k]) != "NULL")


def test_catchment_population_written_as_whole_people(run_alg):
    net = memory_lines(lattice(5, 100.0))
    pop = population_layer([("all", "POLYGON((-50 -50, 450 -50, 450 450, -50 450, -50 -50))", "301")])
    bld = QgsVectorLayer("Polygon?crs=EPSG:25833", "b", "memory")
    feats = []
    for wkt in ("POLYGON((10 10, 30 10, 30 30, 10 30, 10 10))", "POLYGON((350 350, 390 350, 390 390, 350 390, 350 350))"):
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    bld.dataProvider().addFeatures(feats)
    res = run_alg("ankunft:walkingcatchments", {"NETWORK": net, "POINTS": memory_points([(0, 0)]), "BANDS": "2,20",
                                                "POPULATION": pop, "POPULATION_FIELD": "ew", "BUILDINGS": bld, "OUTPUT": "memory:"})["OUTPUT"]
    pops = {f["minutes"]: f["population"] for f in res.getFeatures()}
    assert pops[2.0] == 60 and isinstance(pops[2.0], int)  # 400 / 2000 of 301 = 60.2 → 60
    assert pops[20.0] == 301


def test_local_paths_become_file_names(tmp_path):
    from ankunft_plugin.processing.bridge import local_path_to_name

    f = tmp_path / "bus-stops.gpkg"
    f.write_bytes(b"")
    assert local_path_to_name("{}|layername=stops".format(f)) == "bus-stops.gpkg|layername=stops"
    assert local_path_to_name(str(f)) == "bus-stops.gpkg"
    assert local_path_to_name("Alt-Moabit/Rathenower Straße") == "Alt-Moabit/Rathenower Straße"
    assert local_path_to_name("/") == "/"


FRESH = textwrap.dedent(
    """
    import json, sys
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    layer = QgsVectorLayer(sys.argv[1] + "|layername=" + sys.argv[2], "reopened", "ogr")
    project.addMapLayer(layer)
    r = layer.renderer()
    md = layer.metadata()
    out = {
        "plugin_loaded": any(m.startswith("ankunft_plugin") for m in sys.modules),
        "renderer": r.type(),
        "attribute": r.classAttribute() if hasattr(r, "classAttribute") else None,
        "categories": [[str(c.value()), c.label(), c.symbol().color().name().upper(), c.symbol().symbolLayer(0).properties().get("style", "")]
                       for c in getattr(r, "categories", lambda: [])()],
        "aliases": {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields())},
        "title": md.title(), "abstract": md.abstract(), "history": list(md.history()), "language": md.language(),
        "keywords": {k: list(v) for k, v in md.keywords().items()},
    }
    print("JSON" + json.dumps(out))
    app.exitQgis()
    """
)


def reopen_in_fresh_qgis(path, layername) -> dict:
    """Open ``path`` in a new Python process with a fresh QGIS and project, without the plugin."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", FRESH, str(path), layername], capture_output=True, text=True, env=env, timeout=120, check=True)
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("JSON"))
    return json.loads(line[4:])


def test_geopackage_carries_style_aliases_and_metadata(run_alg, berlin, tmp_path):
    from ankunft_plugin.processing.classify_arrival_quarters import CLASS_STYLE

    out = tmp_path / "quarters.gpkg"
    feedback = QgsProcessingFeedback()
    run_alg(ALG, berlin_params(berlin, str(out), OUTPUT_LANGUAGE=GERMAN), feedback=feedback)
    seen = reopen_in_fresh_qgis(out, "quarters")
    assert seen["plugin_loaded"] is False
    # the same renderer as the plugin sets up: categorised on aq_class, one category per class with its colour and brush
    assert seen["renderer"] == "categorizedSymbol" and seen["attribute"] == "aq_class"
    cats = {v: (label, colour, brush) for v, label, colour, brush in seen["categories"]}
    assert set(cats) == set(CLASS_STYLE)
    for key, spec in CLASS_STYLE.items():
        assert cats[key][1] == spec["color"].upper()
        assert cats[key][0].startswith(vocabulary.label("class", key, "de"))
    assert cats["insufficient"][2] == "b_diagonal"
    # German aliases on Ankunft's fields, none on the input's
    assert seen["aliases"]["aq_label"] == "Ankunftsklasse"
    assert seen["aliases"]["z_arrivals"] == "Zuzüge: z-Wert"
    assert seen["aliases"]["name"] == ""
    # metadata: what it is, what it rests on
    assert seen["title"] == "Ankunftsquartiere"
    assert "ankunft:classifyarrivalquarters" in seen["abstract"]
    assert "Datengrundlage:" in seen["abstract"] and "berlin" in seen["abstract"]
    assert "MIN_POPULATION=300" in seen["abstract"] and "THRESHOLD=1" in seen["abstract"]
    from ankunft_plugin.__about__ import __version__

    assert any("Ankunft {}".format(__version__) in h for h in seen["history"])
    assert seen["language"] == "de"
    assert str(tmp_path) not in json.dumps(seen), "no local paths in the metadata"


def test_written_file_is_final_after_the_run(run_alg, tmp_path):
    """Style and metadata are written and the file closed within the run: opening it later, or using it
    as the input of the next algorithm, does not change a byte (no pooled WAL connection left behind)."""
    import hashlib

    from tests.qgis.test_graph_disk_cache import write_lattice, write_points

    def digest(p):
        return hashlib.sha256(p.read_bytes()).hexdigest()

    src, pts, net = tmp_path / "src.gpkg", tmp_path / "pts.gpkg", tmp_path / "net.gpkg"
    write_lattice(src, 10)
    write_points(pts, [(510.0, 500.0)])
    run_alg("ankunft:preparewalknetwork", {"INPUT": str(src), "OUTPUT": str(net)})
    first = digest(net)
    layer = QgsVectorLayer(str(net), "n", "ogr")
    assert layer.isValid() and layer.renderer().type() == "RuleRenderer"  # the stored default style
    del layer
    run_alg("ankunft:walkingcatchments", {"NETWORK": str(net), "POINTS": str(pts), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert digest(net) == first
    assert not (tmp_path / "net.gpkg-wal").exists()
