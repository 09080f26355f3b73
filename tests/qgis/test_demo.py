"""``make demo`` end to end: runs scripts/demo.py (in its own process) into a temporary folder and
checks its outputs: the GeoPackage, the PDF and a project that opens headless with every layer valid."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    env = dict(os.environ, ANKUNFT_DEMO_OUT=str(out), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py")], capture_output=True, text=True, env=env, timeout=300)
    return proc, out


@pytest.mark.slow
def test_demo_runs_and_reports(demo):
    proc, out = demo
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, "the demo failed:\n" + log[-4000:]
    assert "demo summary" in log and "Strategy map key figures" in log
    assert re.search(r"\[7/8\] Strategy map", log)
    # a step that is not part of the build is said so plainly, never faked
    for line in log.splitlines():
        if line.startswith("NOT AVAILABLE YET in this build:"):
            for alg in line.split(":", 1)[1].split(","):
                assert "NOT AVAILABLE YET: {}".format(alg.strip()) in log
    for name in ("ankunft_demo.gpkg", "ankunft_demo.qgz", "strategiekarte_moabit.pdf"):
        assert (out / name).exists(), name


@pytest.mark.slow
def test_demo_pdf(demo):
    _proc, out = demo
    info = subprocess.run(["pdfinfo", str(out / "strategiekarte_moabit.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+3", info)
    text = subprocess.run(["pdftotext", "-layout", str(out / "strategiekarte_moabit.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    for name in ("Moabit", "Moabit West", "Moabit Ost", "Legende", "Kennzahlen", "OpenStreetMap", "Amt für Statistik"):
        assert name in text, name


@pytest.mark.slow
def test_demo_project_opens_with_every_layer_valid(demo, qgis_app):
    _proc, out = demo
    qgz = out / "ankunft_demo.qgz"
    with zipfile.ZipFile(qgz) as z:
        qgs = z.read(next(n for n in z.namelist() if n.endswith(".qgs"))).decode("utf-8")
    sources = [s for s in re.findall(r"<datasource>([^<]*)</datasource>", qgs) if s]
    assert sources and all(s.startswith("./ankunft_demo.gpkg") for s in sources), "relative paths into the demo GeoPackage"
    project = QgsProject()
    assert project.read(str(qgz)), project.error()
    layers = list(project.mapLayers().values())
    assert len(layers) >= 10
    invalid = [lyr.name() for lyr in layers if not lyr.isValid()]
    assert not invalid, invalid
    groups = [g.name() for g in project.layerTreeRoot().children()]
    assert "Analyse: Ankunftsquartiere" in groups and "Hintergrund" in groups
    assert any(g.startswith("Strategiekarte") for g in groups)
    layouts = project.layoutManager().printLayouts()
    assert len(layouts) == 1
    atlas = layouts[0].atlas()
    assert atlas.enabled() and atlas.coverageLayer() is not None and atlas.coverageLayer().isValid()
    assert atlas.updateFeatures() == 3
    quarters = QgsVectorLayer("{}|layername=arrival_quarters".format(out / "ankunft_demo.gpkg"), "q", "ogr")
    assert quarters.featureCount() == 448


def test_full_analysis_model_runs_on_the_sample(plugin, tmp_path):
    """``scripts/demo.py --write-model`` writes the Processing model ``fullanalysis`` (the demo's chain,
    for the model designer); it loads and runs on the sample."""
    import processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm

    needed = ("classifyarrivalquarters", "preparewalknetwork", "infrastructureoverlay", "walkingcatchments", "suggestdockingpoints", "strategymap")
    if any(QgsApplication.processingRegistry().algorithmById("ankunft:" + a) is None for a in needed):
        pytest.skip("not every algorithm of the model is part of this build")
    path = tmp_path / "fullanalysis.model3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py"), "--write-model", str(path)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0 and path.exists(), proc.stdout + proc.stderr
    written = QgsProcessingModelAlgorithm()
    assert written.fromFile(str(path))
    assert written.name() == "fullanalysis" and written.shortHelpString()
    # the shipped copy (resources/models/) is what users get as ankunft:fullanalysis; it must match the script
    model = QgsApplication.processingRegistry().algorithmById("ankunft:fullanalysis")
    assert model is not None, "resources/models/fullanalysis.model3 not loaded by the provider"
    assert model.displayName() != model.name() and model.group() and model.shortHelpString()
    assert {p.name() for p in model.parameterDefinitions()} == {p.name() for p in written.parameterDefinitions()}
    assert sorted(model.childAlgorithms()) == sorted(written.childAlgorithms())
    sample = ROOT / "resources" / "sample" / "ankunft_sample.gpkg"

    def lyr(name):
        return "{}|layername={}".format(sample, name)

    facilities = [QgsVectorLayer(lyr("poi_" + n), "poi-" + n.replace("_", "-"), "ogr") for n in ("community_centers", "libraries", "places_of_worship", "doctors", "kindergartens", "supermarkets")]
    params = {
        "AREAS": lyr("planning_areas"),
        "ID_FIELD": "id",
        "POPULATION_FIELD": "inh_2020",
        "ARRIVALS_FIELD": "for_change_2017_2020",
        "ARRIVALS_UNIT": 0,
        "TURNOVER_FIELD": "k11_turnover",
        "TURNOVER_UNIT": 1,
        "DIVERSITY_FIELD": "for_2020",
        "DIVERSITY_UNIT": 0,
        "DISTRICTS": lyr("map_pages"),
        "ROADS": lyr("moabit_roads"),
        "FACILITIES": facilities,
        "DOCKING_POINTS": lyr("poi_community_centers"),
        "CANDIDATES": lyr("poi_supermarkets"),
        "BUILDINGS": lyr("moabit_buildings"),
        "WATER": lyr("moabit_water"),
        "MINUTES": 10,
        "COUNT": 3,
        "TITLE": "Modelltest",
    }
    pdf = tmp_path / "model.pdf"
    for d in model.destinationParameterDefinitions():
        params[d.name()] = str(pdf) if d.name().endswith("pdf") else "TEMPORARY_OUTPUT"
    project = QgsProject()  # a project of its own: the map's layers and layout land there, not in the shared one
    context = QgsProcessingContext()
    context.setProject(project)
    res = processing.run(model, params, context=context, feedback=QgsProcessingFeedback())
    assert len(project.layoutManager().printLayouts()) == 1
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+3", info)
    suggest = res["CHILD_RESULTS"]["suggest"]
    assert suggest["COVERAGE_AFTER_PCT"] >= suggest["COVERAGE_BEFORE_PCT"]
    assert res["CHILD_RESULTS"]["classify"]["N_ESTABLISHED"] > 0
