"""The "Ankunftsquartiere" dock panel, headless (pytest-qgis): it survives the awkward cases."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QMetaType

from tests.qgis.desktop import berlin_layer, sample_layer

ROOT = Path(__file__).resolve().parents[2]
CLASSIFY = "ankunft:classifyarrivalquarters"


def _wait(dock, timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while dock.is_running() and time.time() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()
    assert not dock.is_running(), "the step did not finish in {} s".format(timeout)


def _group_layers():
    group = QgsProject.instance().layerTreeRoot().findGroup("Ankunftsquartiere")
    return [node.layer() for node in group.findLayers()] if group is not None else []


def _needs_classify():
    if QgsApplication.processingRegistry().algorithmById(CLASSIFY) is None:
        pytest.skip("{} is not registered in this build".format(CLASSIFY))


@pytest.fixture
def dock(plugin, qgis_new_project):
    QgsProject.instance().setFileName("")  # a new project is not saved (results stay temporary)
    plugin.show_panel()
    dock = plugin.dock
    assert dock is not None
    yield dock
    _wait(dock)
    QgsProject.instance().clear()
    QgsProject.instance().setFileName("")


@pytest.fixture
def berlin():
    return berlin_layer()  # fresh per test: the project owns (and deletes) added layers


def _add(layer):
    QgsProject.instance().addMapLayer(layer)
    return layer


def _classified_sample(dock, *needed: str):
    """The bundled sample in the project, in step 1, classified (skips when the sample or an algorithm of
    ``needed`` is missing)."""
    _needs_classify()
    layer = sample_layer()
    registry = QgsApplication.processingRegistry()
    if layer is None or any(registry.algorithmById(a) is None for a in needed):
        pytest.skip("needs the bundled sample and {}".format(", ".join(needed)))
    _add(layer)
    dock.set_layer(layer)
    assert dock.run_step("classify")
    _wait(dock)
    return layer


# -- the .ui files ------------------------------------------------------------------------------
def test_ui_files_have_no_connections():
    files = sorted((ROOT / "resources" / "ui").glob("*.ui")) + sorted((ROOT / "ankunft_plugin").rglob("*.ui"))
    assert files
    for path in files:
        root = ET.parse(path).getroot()
        assert root.find("connections") is None or len(root.find("connections")) == 0, path


# -- survives ------------------------------------------------------------------------------------
def test_no_layer_loaded(dock):
    assert dock.isVisible() or not dock.isHidden()
    assert dock.layer() is None
    assert not dock.data_ready()
    assert not dock.pages["classify"].runButton.isEnabled()
    assert dock.ui.previewTable.rowCount() == 0
    assert dock.ui.warningsLabel.text()
    assert dock.run_step("classify") is False  # a message, not an exception
    dock.propose_fields()
    dock.refresh_preview()


def test_layer_without_numeric_fields(dock):
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833", "nur Text", "memory")
    layer.dataProvider().addAttributes([QgsField("name", QMetaType.Type.QString), QgsField("code", QMetaType.Type.QString)])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["A", "x"])
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"))
    layer.dataProvider().addFeatures([feature])
    _add(layer)
    dock.set_layer(layer)
    assert dock.layer() is layer
    assert dock.mapping()["fields"].get("population", "") == ""
    assert not dock.data_ready()
    assert "numeric" in dock.ui.warningsLabel.text() or "numerisch" in dock.ui.warningsLabel.text()
    assert not dock.pages["classify"].runButton.isEnabled()
    assert dock.run_step("classify") is False
    # an empty layer as well
    empty = QgsVectorLayer("Polygon?crs=EPSG:25833&field=Einwohner:integer", "leer", "memory")
    _add(empty)
    dock.set_layer(empty)
    assert dock.ui.previewTable.rowCount() == 0


def test_field_mapping_german_names(dock, berlin):
    _add(berlin)
    dock.set_layer(berlin)
    m = dock.mapping()
    assert m["id"] == "PLR_ID"
    fields = m["fields"]
    assert fields["population"] == "Einwohner"
    assert fields["arrivals"] == "Zuzüge_Ausland"
    assert fields["turnover"] == "Wanderungsvolumen"
    assert fields["diversity"] == "Ausländer"
    assert fields["social"] == "SGB_II_Quote"
    assert m["units"]["arrivals"] == 0 and m["units"]["turnover"] == 1 and m["units"]["social"] == 1
    assert dock.data_ready()
    table = dock.ui.previewTable
    assert table.rowCount() == 8
    assert table.columnCount() == 2 + 4
    assert "→" in table.item(0, 2).text()  # raw value → rate per 1000
    assert dock.check is not None and dock.check.rows == 448
    assert dock.check.small_population > 0  # Berlin has planning areas under 300 inhabitants
    assert dock.ui.warningsLabel.text()


def test_settings_stored_in_project(dock, berlin, tmp_path):
    _needs_classify()
    gpkg = tmp_path / "areas.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(berlin, str(gpkg), QgsProject.instance().transformContext(), options)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    layer = _add(QgsVectorLayer(str(gpkg), "Gebiete", "ogr"))
    dock.set_layer(layer)
    combo, unit, _hint = dock.role_widgets["diversity"]
    combo.setField("Migrationshintergrund_Anteil")
    unit.setCurrentIndex(1)
    page = dock.pages["classify"]
    page.set_values({"MIN_POPULATION": 500.0, "THRESHOLD": 1.5})
    dock.save_settings()
    project_file = tmp_path / "analyse.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    assert dock.layer() is None
    assert QgsProject.instance().read(str(project_file))
    QCoreApplication.processEvents()
    m = dock.mapping()
    assert dock.layer() is not None and dock.layer().name() == "Gebiete"
    assert m["fields"]["diversity"] == "Migrationshintergrund_Anteil"
    assert m["units"]["diversity"] == 1
    assert page.value("MIN_POPULATION") == 500.0
    assert page.value("THRESHOLD") == 1.5


def test_run_classification_through_panel(dock, berlin):
    _needs_classify()
    layer = _add(berlin_layer())
    dock.set_layer(layer)
    page = dock.pages["classify"]
    assert page.runButton.isEnabled()
    assert not dock.pages["strategy"].runButton.isEnabled()
    before = _group_layers()
    page.runButton.click()
    _wait(dock)
    assert dock.done["classify"], dock.ui.statusLabel.text()
    new = [lyr for lyr in _group_layers() if lyr not in before]
    assert len(new) == 1
    out = new[0]
    assert out.featureCount() == 448
    assert out.fields().lookupField("aq_class") >= 0
    assert out.renderer().type() == "categorizedSymbol"  # styled by the algorithm's post-processor
    classes = {f["aq_class"] for f in out.getFeatures()}
    assert {"established", "emerging"} & classes
    assert dock.results["classify"]
    for key in ("infrastructure", "catchments", "docking", "strategy"):  # the next steps open up
        available = dock.algorithm(dock.pages[key].alg_id) is not None
        assert dock.step_ready(key)
        page = dock.pages[key]
        # a required input that no layer of the project plausibly fills stays empty: "still required"
        assert page.runButton.isEnabled() == (available and not page.missing())
        if available and page.missing():
            assert dock.tr("Still required: {}.").split("{")[0] in page.needsLabel.text()
    assert "✓" in dock.ui.stepsBox.itemText(1)


def test_cancel_running_step(dock, berlin):
    _needs_classify()
    layer = _add(berlin_layer())
    dock.set_layer(layer)
    before = _group_layers()
    assert dock.run_step("classify")
    assert dock.is_running()
    assert dock.ui.cancelButton.isEnabled()
    assert not dock.pages["classify"].runButton.isEnabled()  # one step at a time
    assert dock.run_step("classify") is False
    dock.ui.cancelButton.click()
    _wait(dock)
    assert not dock.done["classify"]
    assert [lyr for lyr in _group_layers() if lyr not in before] == []
    assert not dock.ui.cancelButton.isEnabled()
    assert dock.pages["classify"].runButton.isEnabled()
    # and it runs again afterwards
    assert dock.run_step("classify")
    _wait(dock)
    assert dock.done["classify"], dock.ui.statusLabel.text()


def test_close_and_reopen(plugin, dock, berlin):
    _add(berlin)
    dock.set_layer(berlin)
    dock.close()
    QCoreApplication.processEvents()
    assert not dock.isVisible()
    plugin.show_panel()
    assert plugin.dock is dock
    assert not dock.isHidden()
    assert dock.layer() is berlin
    assert dock.mapping()["fields"]["population"] == "Einwohner"


def test_unload_and_reload_plugin(plugin, qgis_iface, qgis_new_project):
    plugin.show_panel()
    old = plugin.dock
    layer = _add(berlin_layer())
    old.set_layer(layer)
    if QgsApplication.processingRegistry().algorithmById(CLASSIFY) is not None:
        assert old.run_step("classify")  # unloading while a step runs must not crash
    plugin.unload()
    assert plugin.dock is None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    time.sleep(0.2)
    QCoreApplication.processEvents()
    try:
        plugin.initGui()
        plugin.show_panel()
        dock = plugin.dock
        assert dock is not None and dock is not old
        dock.set_layer(layer)
        assert dock.mapping()["fields"]["population"] == "Einwohner"
        if QgsApplication.processingRegistry().algorithmById(CLASSIFY) is not None:
            assert dock.pages["classify"].built
            assert dock.run_step("classify")
            _wait(dock)
            assert dock.done["classify"], dock.ui.statusLabel.text()
    finally:
        if plugin.provider is None:
            plugin.initGui()


def test_bundled_sample_mapping(dock):
    layer = sample_layer()
    if layer is None:
        pytest.skip("the bundled sample is not there yet")
    _add(layer)
    dock.set_layer(layer)
    fields = dock.mapping()["fields"]
    assert fields["population"]
    assert dock.data_ready(), fields


def test_later_steps_prefilled_from_classification(dock):
    _needs_classify()
    layer = _add(berlin_layer())
    dock.set_layer(layer)
    assert dock.run_step("classify")
    _wait(dock)
    classified = dock.main_result("classify")
    assert classified is not None
    checked = 0
    for key, names in (("catchments", ("POPULATION", "POPULATION_FIELD")), ("strategy", ("QUARTERS",)),
                       ("docking", ("DEMAND",)), ("infrastructure", ("AREAS", "POPULATION_FIELD"))):
        page = dock.pages[key]
        if not page.built:
            continue
        values = page.values()
        for name in names:
            if name not in page.wrappers:
                continue
            expected = "Einwohner" if name.endswith("_FIELD") else classified
            got = values.get(name)
            got = got[0] if isinstance(got, list) and got else got
            assert got == expected, (key, name, values)
            checked += 1
    if not checked:
        pytest.skip("no later step is registered yet")


def test_walking_catchments_step_through_panel(dock):
    """A later step runs through its generic form; its input is shared and its result feeds step 6."""
    _classified_sample(dock, "ankunft:walkingcatchments")
    from tests.qgis.desktop import SAMPLE

    roads = _add(QgsVectorLayer("{}|layername=moabit_roads".format(SAMPLE), "Straßen", "ogr"))
    libraries = _add(QgsVectorLayer("{}|layername=poi_libraries".format(SAMPLE), "Bibliotheken", "ogr"))
    page = dock.pages["catchments"]
    page.set_values({"NETWORK": roads.id(), "POINTS": libraries.id()})
    for key in ("infrastructure", "docking"):  # the same walking network is offered to the other steps
        other = dock.pages[key]
        if other.built and "NETWORK" in other.wrappers:
            assert other.values().get("NETWORK") == roads.id()
    before = _group_layers()
    assert page.runButton.isEnabled()
    page.runButton.click()
    _wait(dock, 60)
    assert dock.done["catchments"], dock.ui.statusLabel.text()
    new = [lyr for lyr in _group_layers() if lyr not in before]
    assert new and new[0].featureCount() > 0
    strategy = dock.pages["strategy"]
    if strategy.built and "CATCHMENTS" in strategy.wrappers:
        assert strategy.values().get("CATCHMENTS") == dock.main_result("catchments")


def test_strategy_map_step_runs_in_main_thread(dock):
    """Step 6 (a layout algorithm flagged NoThreading) runs in the main thread and links its PDF."""
    _classified_sample(dock, "ankunft:strategymap")
    assert dock.pages["strategy"].values().get("QUARTERS") == dock.main_result("classify")
    assert dock.run_step("strategy")
    _wait(dock, 60)
    assert dock.done["strategy"], dock.ui.statusLabel.text()
    assert ".pdf" in dock.pages["strategy"].resultLabel.text()


# -- results kept with a saved project -----------------------------------------------------------
def _gpkg_areas(tmp_path, name="areas.gpkg"):
    gpkg = tmp_path / name
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(berlin_layer(), str(gpkg), QgsProject.instance().transformContext(), options)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    return gpkg


def test_saved_project_keeps_results(dock, tmp_path):
    """A saved project: step 2's result goes into <project>_ankunft.gpkg and comes back with the project."""
    _needs_classify()
    gpkg = _gpkg_areas(tmp_path)
    input_bytes = gpkg.read_bytes()
    layer = _add(QgsVectorLayer(str(gpkg), "Gebiete", "ogr"))
    dock.set_layer(layer)
    project_file = tmp_path / "analyse.qgz"
    assert QgsProject.instance().write(str(project_file))
    results_file = tmp_path / "analyse_ankunft.gpkg"
    assert dock.results_file() == results_file
    assert dock.run_step("classify")
    _wait(dock)
    assert dock.done["classify"], dock.ui.statusLabel.text()
    out = QgsProject.instance().mapLayer(dock.main_result("classify"))
    assert out.providerType() == "ogr" and dock.layer_file(out) == results_file
    assert out.renderer().type() == "categorizedSymbol"
    assert out.featureCount() == 448
    assert len(_group_layers()) == 1
    # again: the step's table is overwritten, its old layer replaced (not a second copy)
    assert dock.run_step("classify")
    _wait(dock)
    assert len(_group_layers()) == 1 and _group_layers()[0].featureCount() == 448
    assert gpkg.read_bytes() == input_bytes  # the input file is never written
    assert QgsProject.instance().write()
    QgsProject.instance().clear()
    assert not dock.done["classify"] and not _group_layers()
    assert QgsProject.instance().read(str(project_file))
    QCoreApplication.processEvents()
    layers = _group_layers()
    assert len(layers) == 1
    out = layers[0]
    assert out.isValid() and out.featureCount() == 448
    assert dock.layer_file(out) == results_file
    assert out.renderer().type() == "categorizedSymbol"
    assert dock.done["classify"]
    assert dock.main_result("classify") == out.id()
    if dock.algorithm(dock.pages["infrastructure"].alg_id) is not None:
        assert dock.step_ready("infrastructure")
        if "AREAS" in dock.pages["infrastructure"].wrappers:
            assert dock.pages["infrastructure"].values().get("AREAS") == out.id()
    sources = QgsProject.instance().readEntry("ankunft", "result_sources", "")[0]
    assert "analyse_ankunft.gpkg" in sources


def test_unsaved_project_temporary_results(dock, qgis_iface):
    """Not saved yet: memory layers, and the user is told once in the message bar."""
    _needs_classify()
    layer = _add(berlin_layer())
    dock.set_layer(layer)
    assert dock.results_file() is None
    bar = qgis_iface.messageBar()
    before = len(bar.get_messages(Qgis.MessageLevel.Info)) if hasattr(bar, "get_messages") else 0
    for _ in range(2):
        assert dock.run_step("classify")
        _wait(dock)
        assert dock.done["classify"], dock.ui.statusLabel.text()
        assert QgsProject.instance().mapLayer(dock.main_result("classify")).providerType() == "memory"
    if hasattr(bar, "get_messages"):
        assert len(bar.get_messages(Qgis.MessageLevel.Info)) == before + 1
    assert len(_group_layers()) == 1  # one layer per result: the rerun replaced it


def test_saving_the_project_keeps_temporary_results(dock, tmp_path):
    """Results made before the project was saved go into its GeoPackage when it is saved."""
    _needs_classify()
    layer = _add(QgsVectorLayer(str(_gpkg_areas(tmp_path)), "Gebiete", "ogr"))
    dock.set_layer(layer)
    assert dock.run_step("classify")
    _wait(dock)
    assert QgsProject.instance().mapLayer(dock.main_result("classify")).providerType() == "memory"
    project_file = tmp_path / "neu.qgz"
    assert QgsProject.instance().write(str(project_file))
    deadline = time.time() + 10
    while (QgsProject.instance().mapLayer(dock.main_result("classify")).providerType() == "memory" or QgsProject.instance().isDirty()) and time.time() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    out = QgsProject.instance().mapLayer(dock.main_result("classify"))
    assert out.providerType() == "ogr" and dock.layer_file(out) == tmp_path / "neu_ankunft.gpkg"
    assert out.renderer().type() == "categorizedSymbol"
    assert not QgsProject.instance().isDirty()  # saved again with the kept results
    QgsProject.instance().clear()
    assert QgsProject.instance().read(str(project_file))
    QCoreApplication.processEvents()
    assert dock.done["classify"]
    layers = _group_layers()
    assert len(layers) == 1 and layers[0].isValid() and layers[0].featureCount() == 448


def test_results_file_that_is_an_input_is_not_written(dock, tmp_path):
    """An input that happens to be <project>_ankunft.gpkg is never written: results stay temporary."""
    _needs_classify()
    gpkg = _gpkg_areas(tmp_path, "analyse_ankunft.gpkg")
    input_bytes = gpkg.read_bytes()
    layer = _add(QgsVectorLayer(str(gpkg), "Gebiete", "ogr"))
    dock.set_layer(layer)
    assert QgsProject.instance().write(str(tmp_path / "analyse.qgz"))
    assert dock.run_step("classify")
    _wait(dock)
    assert dock.done["classify"]
    assert QgsProject.instance().mapLayer(dock.main_result("classify")).providerType() == "memory"
    assert gpkg.read_bytes() == input_bytes


def test_strategy_map_fed_by_steps_3_and_4(dock):
    """Step 6 gets step 3's facilities (FACILITIES, CATEGORY_FIELD) and step 4's population areas
    (CATCHMENT_AREAS) besides the main results, and runs with them."""
    _classified_sample(dock, "ankunft:infrastructureoverlay", "ankunft:walkingcatchments", "ankunft:strategymap")
    from tests.qgis.desktop import SAMPLE

    roads = _add(QgsVectorLayer("{}|layername=moabit_roads".format(SAMPLE), "Straßen", "ogr"))
    libraries = _add(QgsVectorLayer("{}|layername=poi_libraries".format(SAMPLE), "Bibliotheken", "ogr"))
    doctors = _add(QgsVectorLayer("{}|layername=poi_doctors".format(SAMPLE), "Ärzte", "ogr"))
    strategy = dock.pages["strategy"]
    assert strategy.is_empty("FACILITIES") and strategy.is_empty("CATCHMENT_AREAS")

    infra = dock.pages["infrastructure"]
    infra.set_values({"FACILITIES": [libraries.id(), doctors.id()]})
    assert dock.run_step("infrastructure"), dock.ui.statusLabel.text()
    _wait(dock, 60)
    assert dock.done["infrastructure"], dock.ui.statusLabel.text()
    facilities = dock.main_result("infrastructure", "OUTPUT_FACILITIES")
    assert facilities is not None and facilities != dock.main_result("infrastructure")
    assert strategy.values().get("FACILITIES") == facilities
    assert strategy.values().get("INFRASTRUCTURE") == dock.main_result("infrastructure")
    if QgsProject.instance().mapLayer(facilities).fields().lookupField("category") >= 0:
        assert strategy.values().get("CATEGORY_FIELD") == "category"

    catchments = dock.pages["catchments"]
    catchments.set_values({"NETWORK": roads.id(), "POINTS": libraries.id()})
    assert catchments.values().get("POPULATION") == dock.main_result("classify")
    assert "OUTPUT_AREAS" in catchments.parameters()  # off by default, made because step 6 uses it
    assert dock.run_step("catchments")
    _wait(dock, 60)
    assert dock.done["catchments"], dock.ui.statusLabel.text()
    areas = dock.main_result("catchments", "OUTPUT_AREAS")
    assert areas is not None and areas != dock.main_result("catchments")
    assert QgsProject.instance().mapLayer(areas).fields().lookupField("pop_total") >= 0
    assert strategy.values().get("CATCHMENT_AREAS") == areas
    assert strategy.values().get("CATCHMENTS") == dock.main_result("catchments")
    assert strategy.values().get("QUARTERS") == dock.main_result("infrastructure")  # the quarters with their offer

    assert dock.run_step("strategy")
    _wait(dock, 60)
    assert dock.done["strategy"], dock.ui.statusLabel.text()


def test_catchments_without_population_make_no_areas_output(dock):
    """The extra output is only asked for when the step has population areas."""
    if QgsApplication.processingRegistry().algorithmById("ankunft:walkingcatchments") is None:
        pytest.skip("needs ankunft:walkingcatchments")
    page = dock.pages["catchments"]
    assert page.is_empty("POPULATION")
    assert "OUTPUT_AREAS" not in page.parameters()


# -- issue 12: the whole sample, as a new user adds it -------------------------------------------
def test_sample_all_layers_roles_not_geometry(dock):
    """All sample layers added at once: the network is the roads (never the rails), docking points the
    community centres (never the first point layer), and a role is the same in every step."""
    from tests.qgis.desktop import add_all_sample_layers, settle

    layers = add_all_sample_layers()
    settle(0.3)
    assert dock.layer() is not None and dock.layer().name() == "planning_areas"
    roads, centres = layers["moabit_roads"].id(), layers["poi_community_centers"].id()
    assert dock.role_layers("network") == [roads]
    assert dock.role_layers("docking_points") == [centres]
    assert layers["poi_bus_stops"].id() not in dock.role_layers("candidates")
    assert len(dock.role_layers("candidates")) == 7


def test_sample_walk_all_steps_headless(dock, tmp_path):
    from tests.qgis.desktop import add_all_sample_layers, walk_all_steps

    _needs_classify()
    add_all_sample_layers()
    from qgis.gui import QgsGui

    history = QgsGui.historyProviderRegistry()
    before = len(history.queryEntries())
    record = walk_all_steps(dock)
    assert all(record["done"].values()), record["status"]
    assert all(chosen == [] for chosen in record["chosen"].values()), record["chosen"]  # nothing left empty
    # the dock's wiring is core/workflow.py's: every input fed by an earlier step holds that step's result
    from ankunft_plugin.core import workflow

    for spec in workflow.STEPS[2:]:
        for name, source in spec.inputs.items():
            if source.kind == "result":
                step, output = next(pair for pair in source.ref if pair[0] in dock.results)
                assert dock.pages[spec.key].values().get(name) == dock.results[step][output], (spec.key, name)
    # step 5: the study area (13 Moabit areas of 448) weighted by step 1's population
    docking = dock.pages["docking"]
    assert docking.values()["WEIGHT_FIELD"] == "inh_2020"
    assert docking.studyLabel.text().startswith("13 ") and "448" in docking.studyLabel.text()
    assert record["findings"]["docking"] == []
    # every panel run is in the Processing history (five steps and the merge of the candidate layers)
    entries = history.queryEntries()[before:]
    ids = [e.entry.get("algorithm_id") for e in entries if e.providerId == "processing"]
    assert {"ankunft:classifyarrivalquarters", "ankunft:suggestdockingpoints", "ankunft:strategymap", "native:mergevectorlayers"} <= set(ids), ids
    # each can be copied as a qgis_process command, as from the toolbox
    assert all((e.entry.get("process_command") or "").startswith("qgis_process run ") for e in entries if e.providerId == "processing")


def test_failed_step_is_marked(dock):
    """No selected area as study area: the step warns before the run; the run fails, keeps no ✓, says
    why under the step, and the earlier results stay."""
    from tests.qgis.desktop import add_all_sample_layers, settle, wait_for

    _needs_classify()
    add_all_sample_layers()
    settle(0.3)
    assert dock.run_step("classify")
    wait_for(dock)
    classified = dock.main_result("classify")
    page = dock.pages["docking"]
    page.studyCombo.setCurrentIndex(1)  # selected areas: none is selected
    settle(0.05)
    assert dock.study_mode == "selection"
    assert any("448" in text for text in dock.findings["docking"]), dock.findings["docking"]
    assert dock.run_step("docking")
    wait_for(dock)
    assert dock.state.get("docking") == "failed", dock.ui.statusLabel.text()
    assert "✓" not in dock.ui.stepsBox.itemText(4)
    assert page.resultLabel.text()
    assert dock.main_result("classify") == classified


def test_study_area_from_a_selection_in_step_1(dock):
    """The Moabit areas selected in step 1's layer are the study area of step 5: the same 13 areas and
    the same coverage as the areas inside the walking network."""
    from tests.qgis.desktop import add_all_sample_layers, settle, wait_for

    _needs_classify()
    layers = add_all_sample_layers()
    settle(0.3)
    assert dock.run_step("classify")
    wait_for(dock)
    assert dock.run_step("docking")
    wait_for(dock)
    by_network = dict(dock.last_results["docking"])
    areas = layers["planning_areas"]
    areas.selectByExpression("\"region_id\" LIKE '0102%'")
    assert areas.selectedFeatureCount() == 13
    page = dock.pages["docking"]
    page.studyCombo.setCurrentIndex(1)
    settle(0.05)
    assert page.studyLabel.text().startswith("13 "), page.studyLabel.text()
    assert dock.run_step("docking")
    wait_for(dock)
    assert dock.done["docking"] and not dock.state.get("docking"), dock.ui.statusLabel.text()
    for key in ("COVERAGE_BEFORE_PCT", "COVERAGE_AFTER_PCT"):
        assert dock.last_results["docking"][key] == by_network[key]
